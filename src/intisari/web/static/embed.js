/* Intisari's embed: <intisari-box publisher="slug" article-id="..."> on a publisher's page.
 *
 * One static file, no inline script, no eval, no cookies (credentials: "omit"): a page
 * whose CSP says `script-src https://intisari.example; connect-src https://intisari.example`
 * can use it. Styles live in the shadow root as a constructed stylesheet (no <style>
 * element, no style attribute), so no `style-src 'unsafe-inline'` is needed; the source
 * highlight on the host page uses the CSS Custom Highlight API and a constructed sheet too.
 *
 * Attributes: publisher (required), article-id or url (which box), lang (the language of
 * the box's own words, the report dialog's; the heading, notice and bullets are always the
 * article's), theme ("light" | "dark";
 * default: the reader's prefers-color-scheme), source-selector (where the article text is
 * on the page; default: the nearest <article>, else the page's first one), api (the
 * Intisari server; default: where this script was loaded from).
 */
(function () {
  "use strict";

  if (!window.customElements || window.customElements.get("intisari-box")) {
    return;
  }
  var SCRIPT_ORIGIN = document.currentScript ? new URL(document.currentScript.src).origin : "";
  var HIGHLIGHT = "intisari-source";

  var CSS_TEXT = [
    ":host { display: block; margin: 1.25rem 0; font: 1rem/1.55 system-ui, sans-serif;",
    "  --bg: #f7f8fb; --fg: #1d2433; --muted: #4f5b70; --accent: #1f5fbf; --line: #d5dbe6;",
    "  --focus: #1f5fbf; --card: #ffffff; }",
    ":host([hidden]) { display: none; }",
    // Until the box is there it takes no room: a refused or empty one left a gap that
    // closed a moment later, moving the article's text.
    ":host(:not([data-state=ready])) { margin: 0; }",
    "@media (prefers-color-scheme: dark) { :host(:not([theme=light])) {",
    "  --bg: #171c26; --fg: #e8ecf3; --muted: #b5bfd0; --accent: #8ab4ff; --line: #344055;",
    "  --focus: #8ab4ff; --card: #202736; } }",
    ":host([theme=dark]) { --bg: #171c26; --fg: #e8ecf3; --muted: #b5bfd0; --accent: #8ab4ff;",
    "  --line: #344055; --focus: #8ab4ff; --card: #202736; }",
    ".box { background: var(--bg); color: var(--fg); border: 1px solid var(--line);",
    "  border-left: 4px solid var(--accent); border-radius: 8px; padding: 1rem 1.25rem; }",
    "h2 { font-size: 1.15rem; margin: 0 0 .5rem; }",
    "ul { margin: 0; padding: 0; list-style: none; }",
    // A bullet and its report control share a row where there is room; on a phone the
    // control wraps under the bullet's text, at its end, so the text keeps the width.
    "li { display: flex; flex-wrap: wrap; gap: .1rem .5rem; align-items: flex-start;",
    "  padding: .35rem 0; border-top: 1px solid var(--line); }",
    "li:first-child { border-top: 0; }",
    "button { font: inherit; color: inherit; cursor: pointer; }",
    ".bullet { flex: 1 1 16rem; text-align: start; background: none; border: 0;",
    "  padding: .15rem .25rem; border-radius: 4px; }",
    // An empty alternative text: the dot is drawn, not read as the start of every name.
    ".bullet::before { content: '•' / ''; color: var(--accent); margin-inline-end: .5rem; }",
    ".bullet[aria-pressed=true] { background: color-mix(in srgb, var(--accent) 15%, transparent); }",
    // Forced colours drop that background, the pressed bullet's only cue: a side border
    // marks it instead, in Canvas on the others so that pressing one moves nothing.
    "@media (forced-colors: active) { .bullet { border-inline-start: 3px solid Canvas; }",
    "  .bullet[aria-pressed=true] { border-inline-start-color: Highlight; } }",
    // The report control says "Report" (the article page's word), not a bare flag.
    ".flag { background: none; border: 1px solid transparent; border-radius: 4px;",
    "  color: var(--muted); padding: .15rem .4rem; min-width: 2.25rem; min-height: 2.25rem;",
    "  margin-inline-start: auto; font-size: .85rem; white-space: nowrap; }",
    ".flag:hover { border-color: var(--line); }",
    // "Show more" exists on a phone only (below); wider, every bullet shows.
    ".more { display: none; }",
    ":focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }",
    ".notice { color: var(--muted); font-size: .85rem; margin: .6rem 0 0; }",
    ".correction { font-size: .85rem; margin: .35rem 0 0; }",
    // On a phone (as the article page, 40rem and narrower): the AI notice and a correction
    // right under the heading, in the first screen with the bullets, however long they
    // are; a box of more than `collapse_after` bullets folds behind "show more".
    "@media (max-width: 40rem) {",
    "  .box { display: flex; flex-direction: column; padding: .9rem 1rem; }",
    "  h2 { order: -2; }",
    "  .about { order: -1; margin: 0 0 .25rem; padding: 0 0 .5rem;",
    "    border-bottom: 1px solid var(--line); }",
    "  .about .notice { margin: 0; }",
    "  .box[data-collapsed] li.extra { display: none; }",
    "  .more { display: block; align-self: flex-start; background: none; border: 0;",
    "    padding: .35rem 0; color: var(--accent); font-weight: 600; text-decoration: underline; }",
    "}",
    // On a touch screen the controls get the 44 px fingers need (WCAG 2.5.5), as the
    // article page's.
    "@media (pointer: coarse) { .flag, .more { min-height: 44px; } }",
    ".sr { position: absolute; width: 1px; height: 1px; overflow: hidden;",
    "  clip: rect(0 0 0 0); white-space: nowrap; }",
    // Empty, the live region takes no room (in a phone's flex column, margins do not
    // collapse: its paragraph margins had left a gap under the box).
    ".live { margin: 0; }",
    ".live:not(:empty) { margin: .5rem 0 0; color: var(--fg); font-weight: 600; }",
    "dialog { background: var(--card); color: var(--fg); border: 1px solid var(--line);",
    "  border-radius: 8px; max-width: min(30rem, 92vw); padding: 1rem 1.25rem; }",
    "dialog::backdrop { background: rgba(0, 0, 0, .45); }",
    "dialog h3 { margin: 0 0 .5rem; font-size: 1.05rem; }",
    "blockquote { margin: 0 0 .75rem; color: var(--muted); border-left: 3px solid var(--line);",
    "  padding-left: .6rem; }",
    "label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }",
    "select, textarea { width: 100%; box-sizing: border-box; font: inherit; color: var(--fg);",
    "  background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .4rem; }",
    ".help { color: var(--muted); font-size: .8rem; margin: .25rem 0 0; }",
    ".error { color: #b3261e; font-weight: 600; }",
    "@media (prefers-color-scheme: dark) { :host(:not([theme=light])) .error { color: #ffb4ab; } }",
    ":host([theme=dark]) .error { color: #ffb4ab; }",
    ".actions { display: flex; gap: .5rem; justify-content: flex-end; margin-top: .75rem; }",
    ".actions button { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .9rem;",
    "  background: var(--bg); }",
    ".actions .primary { background: var(--accent); color: var(--card); border-color: var(--accent); }",
  ].join("\n");

  var HOST_CSS = "::highlight(" + HIGHLIGHT + ") { background-color: #fde68a; color: #1d2433; }";

  var boxSheet = null;
  function sheetFor() {
    if (!boxSheet) {
      boxSheet = new CSSStyleSheet();
      boxSheet.replaceSync(CSS_TEXT);
    }
    return boxSheet;
  }

  var hostSheetAdded = false;
  function addHostSheet() {
    if (hostSheetAdded) {
      return;
    }
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(HOST_CSS);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    hostSheetAdded = true;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  /* The host page's text as one string with single spaces, and for each of its characters
   * the text node and offset it came from: a sentence is found whatever the markup and
   * line breaks around it. */
  function flatten(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var chars = [];
    var where = [];
    var lastSpace = true;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var data = node.data;
      for (var i = 0; i < data.length; i++) {
        var space = /\s/.test(data[i]);
        if (space && lastSpace) {
          continue;
        }
        chars.push(space ? " " : data[i]);
        where.push([node, i]);
        lastSpace = space;
      }
    }
    return { text: chars.join(""), where: where };
  }

  function findRange(root, needle) {
    var wanted = needle.replace(/\s+/g, " ").trim();
    if (!wanted) {
      return null;
    }
    var flat = flatten(root);
    var at = flat.text.indexOf(wanted);
    if (at < 0) {
      return null;
    }
    var start = flat.where[at];
    var end = flat.where[at + wanted.length - 1];
    var range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1] + 1);
    return range;
  }

  class IntisariBox extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) {
        return;
      }
      this.attachShadow({ mode: "open" });
      this.shadowRoot.adoptedStyleSheets = [sheetFor()];
      this.setAttribute("data-state", "loading");
      this.load();
    }

    api() {
      return (this.getAttribute("api") || SCRIPT_ORIGIN).replace(/\/+$/, "");
    }

    base() {
      return this.api() + "/v1/embed/" + encodeURIComponent(this.getAttribute("publisher") || "");
    }

    load() {
      var query = new URLSearchParams();
      var articleId = this.getAttribute("article-id");
      var url = this.getAttribute("url");
      if (articleId) {
        query.set("article_id", articleId);
      } else {
        query.set("url", url || window.location.href.split("#")[0]);
      }
      if (this.getAttribute("lang")) {
        query.set("lang", this.getAttribute("lang"));
      }
      var self = this;
      var api = this.api();
      fetch(this.base() + "/box?" + query.toString(), {
        credentials: "omit",
        mode: "cors",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (response.status === 204) {
            self.finish("empty"); // no box for this article yet: nothing to say
            return;
          }
          if (response.ok) {
            return response.json().then(function (box) {
              self.render(box);
            });
          }
          // The service's refusals are JSON {code, message} the page may read (a refused
          // origin's too): say the cause once, for the page's developer.
          return response.json().catch(function () {
            return {};
          }).then(function (error) {
            self.notShown(error.code || "http-" + response.status, self.cause(response, error));
          });
        }, function (reason) {
          // Only the request itself: a fault of this script's own is not a network's.
          self.notShown(
            "unreachable",
            "the Intisari service at " + api + " could not be reached (" + reason + "); " +
              "check the element's api attribute and the page's Content-Security-Policy " +
              "(connect-src " + api + ")."
          );
        });
    }

    /* Why the service refused the box, in the words a page's developer needs: for a
     * refused origin, the origin itself and how an admin allows it. */
    cause(response, error) {
      var slug = this.getAttribute("publisher") || "";
      var origin = window.location.origin;
      if (error.code === "origin-refused") {
        return "the publisher \"" + slug + "\" does not allow this page's origin (" + origin +
          ") to embed its box. An admin of the Intisari service allows it with: intisari " +
          "publisher set " + slug + " --origin " + origin + " (repeat --origin for every " +
          "origin to keep: the list is replaced), or allowed_origins in PATCH " +
          "/v1/publishers/{id}. The origin must match exactly: scheme, host and port.";
      }
      if (error.code === "unknown-publisher") {
        return "the Intisari service has no publisher \"" + slug + "\": check the element's " +
          "publisher attribute.";
      }
      return "the Intisari service answered " + response.status +
        (error.code ? " " + error.code : "") + (error.message ? ": " + error.message : "") + ".";
    }

    /* The box cannot be shown: the element stays empty and hidden, with data-state="error"
     * and data-error the cause's code, and one console message says why. */
    notShown(code, message) {
      if (window.console) {
        window.console.error("intisari-box: nothing is shown: " + message);
      }
      this.setAttribute("data-error", code);
      this.finish("error");
    }

    /* Nothing to show (no box yet, a hidden box, a draft waiting for an editor, a refused
     * origin): the element takes no room on the publisher's page; data-state says why. */
    finish(state) {
      this.setAttribute("data-state", state);
      this.hidden = true;
    }

    render(box) {
      if (box.status !== "published" || !box.takeaways.length) {
        this.finish(box.status === "published" ? "empty" : box.status);
        return;
      }
      this.box = box;
      var words = box.words;
      var root = this.shadowRoot;
      // The box's own words (flags, hint, live region, dialog) are in the reader's language;
      // the heading, bullets, notice and quotes are the article's.
      // Described by the AI notice: a screen reader says it with the heading, as a phone
      // shows it right under the heading.
      var section = el("section", { class: "box", lang: box.words_language,
        "aria-labelledby": "h", "aria-describedby": "notice" });
      var heading = el("h2", { id: "h", lang: box.language });
      heading.appendChild(el("span", { "aria-hidden": "true" }, "✦ "));
      heading.appendChild(document.createTextNode(box.heading));
      section.appendChild(heading);
      var list = el("ul", { id: "list" });
      var self = this;
      var folded = box.takeaways.length > box.collapse_after;
      box.takeaways.forEach(function (takeaway, index) {
        var item = el("li", folded && index >= box.collapse_after ? { class: "extra" } : {});
        var bullet = el(
          "button",
          { class: "bullet", type: "button", "aria-pressed": "false", "aria-describedby": "hint",
            "data-index": String(index), lang: box.language },
          takeaway.text
        );
        bullet.addEventListener("click", function () {
          self.showSource(index);
        });
        // It shows its word, "Laporkan" (the article page's control), not a bare ⚑ whose
        // label no one could see; its name starts with that word, then which point:
        // "Laporkan: poin 2" (said whole: hidden words in the button were read apart).
        var flag = el("button", { class: "flag", type: "button", "aria-haspopup": "dialog",
          "data-report": String(index), lang: box.report_label_language,
          "aria-label": words.report_label + ": " + words.point + " " + (index + 1) });
        flag.appendChild(el("span", { "aria-hidden": "true" }, "⚑ "));
        flag.appendChild(document.createTextNode(words.report_label));
        flag.addEventListener("click", function () {
          self.openReport(index, flag);
        });
        item.appendChild(bullet);
        item.appendChild(flag);
        list.appendChild(item);
      });
      section.appendChild(list);
      if (folded) {
        section.appendChild(this.buildMore(section, list, words));
      }
      var about = el("div", { class: "about" });
      about.appendChild(el("p", { class: "notice", id: "notice", lang: box.language }, box.notice));
      if (box.correction) {
        about.appendChild(
          el("p", { class: "correction", "data-correction": "", lang: box.language }, box.correction)
        );
      }
      section.appendChild(about);
      section.appendChild(el("p", { class: "sr", id: "hint" }, words.embed_source_hint));
      this.live = el("p", { class: "live", role: "status", "aria-live": "polite" });
      section.appendChild(this.live);
      section.appendChild(this.buildDialog(box));
      root.replaceChildren(section);
      this.setAttribute("data-state", "ready");
    }

    /* "Show more" under a folded box (a phone's stylesheet hides the extra bullets while
     * the section is data-collapsed); unfolding it puts the focus on the first bullet it
     * reveals, which comes before the button: Tab would skip it. */
    buildMore(section, list, words) {
      section.setAttribute("data-collapsed", "");
      var more = el("button", { class: "more", type: "button", "aria-expanded": "false",
        "aria-controls": list.id }, words.show_more);
      more.addEventListener("click", function () {
        var collapsed = section.hasAttribute("data-collapsed");
        section.toggleAttribute("data-collapsed", !collapsed);
        more.setAttribute("aria-expanded", String(collapsed));
        more.textContent = collapsed ? words.show_less : words.show_more;
        if (collapsed) {
          list.querySelector("li.extra .bullet").focus();
        }
      });
      return more;
    }

    buildDialog(box) {
      var words = box.words;
      var dialog = el("dialog", { "aria-labelledby": "dialog-title" });
      dialog.appendChild(el("h3", { id: "dialog-title" }, words.report_title));
      this.quote = el("blockquote", { lang: box.language });
      dialog.appendChild(this.quote);
      var form = el("form", { method: "dialog", novalidate: "" });
      this.error = el("p", { class: "error", role: "alert", id: "report-error" });
      this.error.hidden = true;
      form.appendChild(this.error);
      form.appendChild(el("label", { for: "category" }, words.category_label));
      // aria-required, not required: a required select on its empty choice is exposed as
      // invalid as soon as the dialog opens; sendReport checks the choice.
      var select = el("select", { id: "category", name: "category", "aria-required": "true" });
      // Selected by default (the attribute), so that form.reset() comes back to it: a
      // select with nothing selected would pick its first category by itself.
      var choose = el("option", { value: "", selected: "" }, words.choose);
      choose.disabled = true;
      select.appendChild(choose);
      box.categories.forEach(function (pair) {
        select.appendChild(el("option", { value: pair[0] }, pair[1]));
      });
      form.appendChild(select);
      form.appendChild(el("label", { for: "comment" }, words.comment_label));
      form.appendChild(
        el("textarea", { id: "comment", name: "comment", rows: "3",
          maxlength: String(box.max_comment_chars), "aria-describedby": "comment-help" })
      );
      form.appendChild(el("p", { class: "help", id: "comment-help" }, words.comment_help));
      var actions = el("div", { class: "actions" });
      var cancel = el("button", { type: "button", value: "cancel" }, words.close);
      var send = el("button", { type: "submit", class: "primary" }, words.send);
      actions.appendChild(cancel);
      actions.appendChild(send);
      form.appendChild(actions);
      dialog.appendChild(form);
      var self = this;
      cancel.addEventListener("click", function () {
        dialog.close();
      });
      dialog.addEventListener("close", function () {
        if (self.opener) {
          self.opener.focus();
        }
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.sendReport(select, form.elements.namedItem("comment"), send);
      });
      this.dialog = dialog;
      return dialog;
    }

    openReport(index, opener) {
      this.reportIndex = index;
      this.opener = opener;
      this.quote.textContent = this.box.takeaways[index].text;
      this.fail("", false);
      this.dialog.querySelector("form").reset();
      this.dialog.showModal();
      this.dialog.querySelector("select").focus();
    }

    // The message (none hides it), and whether the missing choice is what is wrong: then
    // the choice is marked invalid and described by the message, as app.js does.
    fail(message, choiceMissing) {
      var select = this.dialog.querySelector("select");
      this.error.textContent = message;
      this.error.hidden = !message;
      if (choiceMissing) {
        select.setAttribute("aria-invalid", "true");
        select.setAttribute("aria-describedby", this.error.id);
      } else {
        select.removeAttribute("aria-invalid");
        select.removeAttribute("aria-describedby");
      }
    }

    sendReport(select, comment, send) {
      var words = this.box.words;
      if (!select.value) {
        this.fail(words.error_category, true);
        select.focus();
        return;
      }
      var self = this;
      send.disabled = true;
      fetch(this.base() + "/reports", {
        method: "POST",
        credentials: "omit",
        mode: "cors",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          summary_id: this.box.summary_id,
          takeaway_index: this.reportIndex,
          // The box the reader saw: the report keeps its bullet if editors change it.
          revision: this.box.revision,
          category: select.value,
          comment: comment.value.trim() || null,
        }),
      })
        .then(function (response) {
          send.disabled = false;
          if (response.ok) {
            self.dialog.close();
            self.live.textContent = words.thanks;
            return;
          }
          self.fail(response.status === 429 ? words.error_rate : words.error_generic, false);
        })
        .catch(function () {
          send.disabled = false;
          self.fail(words.error_generic, false);
        });
    }

    articleRoot() {
      var selector = this.getAttribute("source-selector");
      if (selector) {
        return document.querySelector(selector);
      }
      return this.closest("article") || document.querySelector("article");
    }

    /* Where a marked range is, for a reader who cannot see the mark: "paragraph 3" of the
     * article's paragraphs (when it is in one) and the sentence's first words. */
    describe(root, range) {
      var words = this.box.words;
      var start = range.startContainer.parentElement.closest("p");
      var paragraphs = Array.prototype.slice.call(root.querySelectorAll("p"));
      var where = words.source_marked;
      if (start && paragraphs.indexOf(start) >= 0) {
        where += ", " + words.paragraph + " " + (paragraphs.indexOf(start) + 1);
      }
      var first = range.toString().split(/\s+/).slice(0, 8).join(" ");
      this.live.replaceChildren(
        document.createTextNode(where + ": "),
        el("q", { lang: this.box.language }, first + "…")
      );
    }

    /* Mark the bullet's source sentence in the host page's article text and scroll to it.
     * The mark (a CSS highlight) is nothing to a screen reader, and the focus stays on the
     * bullet: the live region says where the sentence is. */
    showSource(index) {
      var buttons = this.shadowRoot.querySelectorAll(".bullet");
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.index === String(index)));
      });
      var root = this.articleRoot();
      var takeaway = this.box.takeaways[index];
      var range = root && (findRange(root, takeaway.source) || findRange(root, takeaway.text));
      if (!range) {
        this.removeAttribute("data-highlighted");
        this.live.textContent = this.box.words.source_missing;
        return;
      }
      if (window.CSS && CSS.highlights && window.Highlight) {
        addHostSheet();
        CSS.highlights.set(HIGHLIGHT, new Highlight(range));
      } else {
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.setAttribute("data-highlighted", String(index));
      this.describe(root, range);
      var target = range.startContainer.parentElement;
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  window.customElements.define("intisari-box", IntisariBox);
})();
