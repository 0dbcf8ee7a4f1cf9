/* Intisari's only script. The pages work without it; it makes two things nicer:
 *
 * 1. Clicking a bullet of the takeaways box highlights every span of the article it
 *    comes from, or for a bullet an LLM wrote, the evidence the checker found for it
 *    (the server marks those spans alike; without the script, the bullet's link jumps
 *    to the first one).
 * 2. A bullet's report control opens a dialog instead of unfolding the form in place,
 *    and the report is sent without leaving the page (the server answers JSON when asked).
 * 3. A long box folds on a phone behind "show more" (the stylesheet hides the extra
 *    bullets only while the box is marked collapsed, and only on narrow screens), and
 *    "Helpful? Yes / No" is answered without leaving the page.
 *
 * No inline handlers anywhere: the Content-Security-Policy allows scripts from this file
 * only, so everything is wired here with addEventListener.
 */
(function () {
  "use strict";

  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /* 1. Bullet -> source highlighting ---------------------------------------------- */

  function sourcesOf(index) {
    var marks = document.querySelectorAll("mark.source");
    return Array.prototype.filter.call(marks, function (mark) {
      return mark.getAttribute("data-takeaways").split(" ").indexOf(index) !== -1;
    });
  }

  function clearHighlight() {
    document.querySelectorAll("mark.source.is-active").forEach(function (mark) {
      mark.classList.remove("is-active");
    });
    document.querySelectorAll(".takeaway__text[aria-current]").forEach(function (link) {
      link.removeAttribute("aria-current");
    });
  }

  document.querySelectorAll(".takeaway__text[data-takeaway]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var wasActive = link.getAttribute("aria-current") === "true";
      clearHighlight();
      if (wasActive) {
        return; // a second click turns the highlight off
      }
      var marks = sourcesOf(link.getAttribute("data-takeaway"));
      if (!marks.length) {
        return;
      }
      link.setAttribute("aria-current", "true");
      marks.forEach(function (mark) {
        mark.classList.add("is-active");
      });
      marks[0].scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
      if (marks[0].hasAttribute("tabindex")) {
        marks[0].focus({ preventScroll: true }); // screen readers continue from the source
      }
    });
  });

  /* After a report sent without the script, the page says thank you: read it out. */
  var thanks = document.getElementById("thanks");
  if (thanks) {
    thanks.focus();
  }

  /* After a staff action the page comes back at the card it was on (the address's
   * #fragment): the focus goes there, described by the result, so the result is read and
   * the next Tab goes on from the card. Without that card (gone from this view), the focus
   * goes to the result itself. A status already there at load is not read out. */
  var flash = document.getElementById("flash");
  if (flash) {
    var card = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (card && card.getAttribute("tabindex") === "-1") {
      card.setAttribute("aria-describedby", flash.id);
      card.focus();
    } else {
      flash.focus();
    }
  }

  /* 3. Show more, and "Helpful?" ---------------------------------------------------- */

  document.querySelectorAll(".takeaways[data-collapsible]").forEach(function (box) {
    var button = box.querySelector("[data-show-more]");
    if (!button) {
      return;
    }
    box.setAttribute("data-collapsed", "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var collapsed = box.hasAttribute("data-collapsed");
      box.toggleAttribute("data-collapsed", !collapsed);
      button.setAttribute("aria-expanded", String(collapsed));
      button.textContent = button.getAttribute(collapsed ? "data-less" : "data-more");
      if (collapsed) {
        // The revealed bullets come before the button: Tab would skip them.
        box.querySelector(".takeaway--extra .takeaway__text").focus();
      }
    });
  });

  document.querySelectorAll("form[data-helpful]").forEach(function (form) {
    var status = form.querySelector("[data-helpful-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var choice = event.submitter;
      var data = new FormData(form);
      if (choice) {
        data.set(choice.name, choice.value);
      }
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(data),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status)); // a proxy's error page is no answer
          }
          return response.json();
        })
        .then(function (answer) {
          status.textContent = answer.message;
        })
        .catch(function () {
          // The network or the answer failed: send the vote the plain way, which works
          // without the script (the button pressed goes with it as a hidden field).
          if (choice) {
            var field = document.createElement("input");
            field.type = "hidden";
            field.name = choice.name;
            field.value = choice.value;
            form.appendChild(field);
          }
          form.submit();
        });
    });
  });

  /* 2. The report dialog ------------------------------------------------------------ */

  var dialog = document.getElementById("report-dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return; // no <dialog> support: the <details> forms keep working
  }
  var body = dialog.querySelector("[data-body]");
  var quote = dialog.querySelector("[data-quote]");
  var done = dialog.querySelector("[data-thanks]");
  var doneText = dialog.querySelector("[data-status]");
  var current = null; // {details, form, opener} while the dialog is open

  function showError(form, message) {
    var error = form.querySelector(".report-form__error");
    var select = form.querySelector("select");
    error.textContent = message;
    error.hidden = !message;
    if (!message) {
      select.removeAttribute("aria-invalid");
      select.removeAttribute("aria-describedby");
      return;
    }
    // The send button is disabled while the report goes, and the focus went with it (to
    // the page's body): back to the choice, the message read as its description.
    select.setAttribute("aria-invalid", String(!select.value));
    select.setAttribute("aria-describedby", error.id);
    select.focus();
  }

  function open(details, opener) {
    var form = details.querySelector("form");
    var bullet = details.closest(".takeaway").querySelector(".takeaway__text").cloneNode(true);
    var checked = bullet.querySelector("[data-checked]");
    if (checked) {
      checked.remove(); // the quote is the bullet, not its "checked" mark
    }
    quote.textContent = bullet.textContent.trim();
    quote.hidden = false;
    showError(form, "");
    form.hidden = false;
    done.hidden = true;
    doneText.textContent = "";
    body.appendChild(form);
    current = { details: details, form: form, opener: opener };
    dialog.showModal();
    form.querySelector("select").focus();
  }

  dialog.addEventListener("close", function () {
    if (!current) {
      return;
    }
    current.form.hidden = false;
    current.details.appendChild(current.form); // back in place for the next time
    current.opener.focus();
    current = null;
  });

  dialog.querySelectorAll("[data-close]").forEach(function (button) {
    button.addEventListener("click", function () {
      dialog.close();
    });
  });

  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close(); // a click on the backdrop
    }
  });

  /* The report control opens a modal dialog, but a <summary> is exposed as a disclosure,
   * "collapsed", whatever its role: a button that says it opens a dialog takes its place,
   * and the <details> (the form's home while the dialog is closed) is hidden. Without the
   * script, the <details> unfolds the form in place. */
  document.querySelectorAll("details.report").forEach(function (details) {
    var summary = details.querySelector("summary");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = summary.className;
    toggle.setAttribute("aria-haspopup", "dialog");
    while (summary.firstChild) {
      toggle.appendChild(summary.firstChild); // the label, in its language
    }
    details.hidden = true;
    details.before(toggle);
    toggle.addEventListener("click", function () {
      open(details, toggle);
    });
  });

  body.addEventListener("submit", function (event) {
    var form = event.target;
    event.preventDefault();
    var choice = form.querySelector("select");
    if (!choice.value) {
      // Said at once, in the server's words (the select's data-missing): the server
      // still refuses it, for the form sent without the script.
      showError(form, choice.getAttribute("data-missing"));
      return;
    }
    var button = form.querySelector("[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            showError(form, data.message);
            return;
          }
          form.reset();
          form.hidden = true;
          quote.hidden = true;
          done.hidden = false;
          // The live region was in the dialog, empty, since it opened: read out now. The
          // Close button that takes the focus is described by it too.
          doneText.textContent = data.message;
          done.querySelector("button").focus();
        });
      })
      .catch(function () {
        form.submit(); // the network or the answer failed: send it the plain way
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
