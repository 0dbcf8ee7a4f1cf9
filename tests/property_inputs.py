"""Inputs for the property tests: articles made of real news sentences, and ``Reach``.

A property that returns early on refused input proves nothing about what it refused:
built from arbitrary text, 0-7 of 60 examples reached the grounding assertion, so spans
shifted by one passed (issue 11). The articles here are paragraphs of real sentences, as
news is written, with what the cleaning and segmentation rules act on mixed in (a
headline, a dateline, "Baca juga" lines, editor's initials, abbreviations, quotes), so
that nearly every example is summarized and checked. The sentences are written here, a
few dozen in Indonesian and in English; when ``../shared/data`` is present, paragraphs of
the first articles of its tune files join them (read by path, never copied).

``Reach`` counts, per property, the examples that ran and those that reached the
assertion; ``conftest.py`` prints the counts at the end of the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from data_paths import DATA

__all__ = ["ARTICLE_LANGUAGES", "Reach", "article_pages", "articles", "paragraphs"]

SENTENCES: dict[str, list[str]] = {
    "id": [
        "Pemerintah Provinsi Jawa Barat menambah 120 armada bus listrik untuk melayani "
        "rute Bandung Raya mulai bulan depan.",
        "Kepala Dinas Perhubungan, Ir. H. Dadang Sutisna, M.Si., mengatakan bus itu akan "
        "beroperasi dari pukul 05.00 hingga 22.00 WIB.",
        "Tarif yang dikenakan sebesar Rp4.500 per perjalanan, sama dengan tarif bus "
        "konvensional saat ini.",
        "Namun, sebagian warga mengeluhkan jarak halte yang masih jauh dari permukiman.",
        "“Kami akan menambah halte di Jl. Soekarno-Hatta dan sekitar Kab. Bandung Barat "
        "tahun ini,” ujar Dadang di Bandung, Senin (12/2/2024).",
        "Banjir merendam sedikitnya 1.250 rumah di tiga kecamatan di Kabupaten Bekasi "
        "sejak Sabtu malam.",
        "Ketinggian air di Perumahan Pondok Gede Permai mencapai 1,5 meter pada Minggu pagi.",
        "Badan Penanggulangan Bencana Daerah (BPBD) mengerahkan 15 perahu karet untuk "
        "mengevakuasi warga lanjut usia dan anak-anak.",
        "Ia menyebut hujan deras di hulu Sungai Cikeas menjadi penyebab utama luapan air.",
        "Warga diimbau mengungsi ke posko yang disiapkan di kantor kelurahan dan masjid "
        "terdekat.",
        "PT Kereta Api Indonesia (Persero) mencatat 2,3 juta penumpang selama masa "
        "angkutan Lebaran tahun ini.",
        "Jumlah itu naik sekitar 8 persen dibandingkan periode yang sama tahun lalu.",
        "Direktur Utama KAI mengatakan tingkat keterisian kereta jarak jauh rata-rata "
        "mencapai 95 persen.",
        "Meski demikian, perusahaan masih menerima keluhan soal antrean panjang di Stasiun "
        "Pasar Senen.",
        "Bank Indonesia mempertahankan suku bunga acuan di level 6,25% dalam rapat dewan "
        "gubernur pekan ini.",
        "Keputusan itu diambil untuk menjaga stabilitas nilai tukar rupiah di tengah "
        "ketidakpastian global.",
        "Gubernur BI menilai inflasi masih terkendali dalam kisaran sasaran 2,5 plus minus "
        "1 persen.",
        "Sejumlah ekonom memperkirakan bank sentral baru akan menurunkan bunga pada "
        "semester kedua.",
        "Timnas Indonesia U-23 menang 2-1 atas Vietnam dalam laga uji coba di Stadion "
        "Gelora Bung Karno, Jakarta.",
        "Gol kemenangan dicetak oleh Witan Sulaeman pada menit ke-78 melalui tendangan "
        "jarak jauh.",
        "Pelatih timnas mengaku puas dengan penampilan anak asuhnya meski masih banyak "
        "peluang yang terbuang.",
        "Pertandingan berikutnya akan digelar di Surabaya pada Jumat malam.",
        "Harga cabai rawit di pasar tradisional Semarang melonjak menjadi Rp80.000 per "
        "kilogram.",
        "Pedagang menyebut pasokan dari sentra produksi di Temanggung dan Magelang "
        "berkurang akibat cuaca buruk.",
        "Dinas Perdagangan berjanji menggelar operasi pasar di 16 kecamatan mulai pekan "
        "depan.",
        "Sementara itu, harga bawang merah dan telur ayam relatif stabil dibandingkan "
        "bulan lalu.",
        "Kementerian Kesehatan melaporkan kasus demam berdarah meningkat tajam di 12 "
        "provinsi sejak awal tahun.",
        "Menurut dr. Siti Nadia Tarmizi, sebagian besar pasien adalah anak usia sekolah.",
        "Masyarakat diminta rutin menguras bak mandi dan menutup tempat penampungan air "
        "setiap minggu.",
        "Mahkamah Konstitusi menolak seluruh gugatan uji materi atas undang-undang "
        "tersebut, Selasa (5/3).",
        "Dalam pertimbangannya, majelis hakim menyatakan dalil pemohon tidak beralasan "
        "menurut hukum.",
        "Kuasa hukum pemohon, Andi Saputra, S.H., menyatakan pihaknya menghormati putusan "
        "itu.",
        "Gempa bermagnitudo 5,6 mengguncang wilayah Cianjur, Jawa Barat, pada Rabu siang.",
        "Badan Meteorologi, Klimatologi, dan Geofisika memastikan gempa itu tidak "
        "berpotensi tsunami.",
        "Sejumlah bangunan sekolah dilaporkan retak, tetapi belum ada laporan korban jiwa.",
        "Dia mengatakan tim gabungan masih mendata kerusakan di desa-desa terdampak.",
        "Saham PT Telkom Indonesia Tbk. ditutup menguat 2,4 persen di Bursa Efek "
        "Indonesia pada Kamis sore.",
        "Indeks Harga Saham Gabungan (IHSG) naik 35 poin ke level 7.310 berkat aksi beli "
        "investor asing.",
        "Analis memperkirakan penguatan itu berlanjut hingga akhir pekan, dll.",
        "Presiden meminta para menteri mempercepat penyaluran bantuan sosial sebelum "
        "musim tanam dimulai.",
    ],
    "en": [
        "The city council voted on Tuesday to build 40 kilometres of new cycle lanes by "
        "the end of next year.",
        "The plan, which costs about $12 million, was approved by seven votes to two.",
        "Supporters said the lanes would cut traffic and make the streets safer for "
        "children.",
        "However, shop owners on Main Street warned that losing parking spaces could hurt "
        "their business.",
        "\"We are not against bikes, we just need customers who can reach us,\" said Maria "
        "Lopez, who runs a bakery there.",
        "Construction is expected to begin in March, officials said.",
        "Heavy rain caused flooding across southern England on Sunday, closing dozens of "
        "roads and several rail lines.",
        "The Environment Agency issued more than 80 flood warnings, mostly along the "
        "rivers Severn and Avon.",
        "About 300 homes lost power overnight, according to the local electricity "
        "network.",
        "Forecasters expect the weather to improve by Wednesday, but more rain is likely "
        "next week.",
        "The central bank raised its main interest rate by a quarter point to 4.5% on "
        "Thursday.",
        "It was the third increase this year as policymakers try to bring inflation back "
        "to their 2% target.",
        "Mortgage lenders said they would pass the higher rate on to borrowers within "
        "days.",
        "Some economists argued that the bank was moving too fast while growth was "
        "slowing.",
        "A 24-year-old runner from Kenya won the city marathon in 2 hours, 5 minutes and "
        "41 seconds.",
        "She broke the course record by almost a minute despite strong winds in the "
        "final stretch.",
        "More than 30,000 people took part in the race, a record for the event.",
        "Dr. Sarah Chen, who led the study at the U.S. National Institutes of Health, "
        "said the results were encouraging.",
        "The trial followed 1,200 patients for three years and found a 30 percent drop "
        "in hospital visits.",
        "The researchers cautioned that larger studies are needed before the drug can be "
        "widely prescribed.",
        "Police arrested two men after a break-in at a jewellery shop in the town centre "
        "early on Friday.",
        "Officers recovered most of the stolen items within hours, a spokesman said.",
        "He added that the investigation was continuing and asked witnesses to come "
        "forward.",
        "The company said on Monday that it would cut 1,500 jobs worldwide as sales of "
        "its older phones fall.",
        "Its shares rose 3% in early trading after the announcement.",
        "Union leaders called the decision a betrayal of workers who had stayed through "
        "the pandemic.",
        "The museum will reopen in May after a two-year renovation that cost $45 million.",
        "Visitors will be able to see more than 2,000 objects that have never been shown "
        "before.",
    ],
}
#: Headlines: a short first line without a final full stop, as plain-text articles have.
HEADLINES = {
    "id": ["Bus Listrik Mulai Melayani Bandung Raya", "Banjir Rendam Ribuan Rumah di Bekasi",
           "BI Tahan Suku Bunga Acuan", "Harga Cabai Rawit Melonjak di Semarang"],
    "en": ["City Approves New Cycle Lanes", "Floods Close Roads Across Southern England",
           "Central Bank Raises Rates Again", "Runner Breaks Marathon Course Record"],
}
#: What opens a story's first paragraph and is cut from it, not with it.
DATELINES = {
    "id": ["Jakarta, CNN Indonesia -- ", "BANDUNG, KOMPAS.com - ", "Semarang - "],
    "en": ["LONDON (Reuters) - ", "(CNN) -- ", "NEW YORK — "],
}
#: Lines that are not story: related links, prompts, notices, credits.
NOISE_LINES = {
    "id": ["Baca juga: Harga Beras Naik Lagi di Pasar Induk", "BACA JUGA",
           "[Baca Juga: Jalan Tol Baru Dibuka Pekan Depan]", "Simak video pilihan berikut ini:",
           "Ikuti kami di Google News", "Foto: Antara/Reuters.",
           "Artikel ini telah tayang di Kompas.com dengan judul yang sama."],
    "en": ["Read more: What the new rules mean for you", "RELATED:", "Related Links",
           "Follow us on Facebook and Twitter", "Photo: AP."],
}
#: The editor's initials that close Indonesian stories.
INITIALS = ["(rsa/rsa)", "[noe]", "(ain)"]
#: Pieces that the segmentation rules act on, put into a sentence at a word boundary.
TRICKY = ["Kab.", "Jl.", "No. 5", "Rp1,5 triliun", "3.5%", "A. Yani", "S.H.", "U.S.", "Dr.",
          "...", "…", "(D-Texas)", "“kata dia,”", "https://contoh.co.id/a.", "dll.", "e.g.",
          "**", "\u200b", "\u00a0", "—"]

#: Tune-file articles whose paragraphs join the written sentences, per language.
DATA_ARTICLES = 120
#: Paragraph lengths (words) taken from the data: a caption or a whole unsplit article
#: (CNN's have no breaks) would make examples slow without reaching new rules.
DATA_PARAGRAPH_WORDS = (8, 120)
_DATA_FILES = {"id": DATA / "indosum.tune.jsonl", "en": DATA / "cnn.tune.jsonl"}
#: Sentences of an unbroken CNN text, grouped this many to a paragraph.
_CNN_SENTENCES_PER_PARAGRAPH = 3


def _data_paragraphs(path: Path, limit: int) -> list[str]:
    """Paragraphs of the first ``limit`` articles of a tune file; none without it."""
    if not path.is_file():
        return []
    found: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for _, line in zip(range(limit), lines, strict=False):
            text = json.loads(line)["text"]
            pieces = text.split("\n\n")
            if len(pieces) == 1:  # CNN: one unbroken text; make paragraphs of sentences.
                sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
                step = _CNN_SENTENCES_PER_PARAGRAPH
                pieces = [" ".join(sentences[i:i + step]) for i in range(0, len(sentences), step)]
            low, high = DATA_PARAGRAPH_WORDS
            found += [p.strip() for p in pieces if low <= len(p.split()) <= high]
    return found


#: Language -> paragraph-sized pieces: one written sentence, or a data paragraph.
_UNITS = {code: SENTENCES[code] + _data_paragraphs(_DATA_FILES[code], DATA_ARTICLES)
          for code in SENTENCES}
ARTICLE_LANGUAGES = tuple(SENTENCES)


def _any_of(pool: list[str]) -> st.SearchStrategy[str]:
    """``sampled_from(pool)`` without its repr: Hypothesis warns (an error here) when a
    strategy's repr passes 30 kB, as one holding the data paragraphs does."""

    def item(index: int) -> str:
        return pool[index]

    return st.integers(0, len(pool) - 1).map(item)


def paragraphs(lang: str) -> st.SearchStrategy[str]:
    """A paragraph of one to three real sentences (or data paragraphs) of ``lang``."""
    return st.lists(_any_of(_UNITS[lang]), min_size=1, max_size=3).map(" ".join)


def _with_tricky_piece(draw: st.DrawFn, paragraph: str) -> str:
    words = paragraph.split(" ")
    at = draw(st.integers(0, len(words)))
    return " ".join([*words[:at], draw(st.sampled_from(TRICKY)), *words[at:]])


@st.composite
def _article_parts(draw: st.DrawFn, lang: str) -> tuple[str | None, list[str]]:
    """A headline (or None) and the lines of the body, noise lines included."""
    body = draw(st.lists(paragraphs(lang), min_size=2, max_size=7))
    if draw(st.booleans()):
        body[0] = draw(st.sampled_from(DATELINES[lang])) + body[0]
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(1, len(body)))
        body.insert(at, draw(st.sampled_from(NOISE_LINES[lang])))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(body) - 1))
        body[at] = _with_tricky_piece(draw, body[at])
    if lang == "id" and draw(st.booleans()):
        body[-1] += " " + draw(st.sampled_from(INITIALS))
    headline = draw(st.none() | st.sampled_from(HEADLINES[lang]))
    return headline, body


@st.composite
def articles(draw: st.DrawFn, languages: tuple[str, ...] = ARTICLE_LANGUAGES) -> str:
    """Plain text as news arrives: a headline line or not, paragraphs separated by blank
    lines (sometimes single breaks), noise lines among them."""
    lang = draw(st.sampled_from(languages))
    headline, body = draw(_article_parts(lang))
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n"]))
    return separator.join(([headline] if headline else []) + body)


@st.composite
def article_pages(draw: st.DrawFn, languages: tuple[str, ...] = ARTICLE_LANGUAGES) -> str:
    """An HTML news page around such an article: navigation, the story in ``<p>``s inside
    ``<article>``, related links in an ``<aside>``, a footer."""
    from html import escape

    lang = draw(st.sampled_from(languages))
    headline, body = draw(_article_parts(lang))
    title = escape(headline or draw(st.sampled_from(HEADLINES[lang])))
    declared = draw(st.sampled_from(["", f" lang='{lang}'", " lang='en'", " lang='id'"]))
    story = "".join(f"<p>{escape(line)}</p>" for line in body)
    related = "".join(f"<li><a href='/x'>{escape(line)}</a></li>"
                      for line in draw(st.lists(st.sampled_from(NOISE_LINES[lang]), max_size=3)))
    return (
        f"<!DOCTYPE html><html{declared}><head><meta charset='utf-8'><title>{title}</title>"
        "</head><body><nav><a href='/'>Beranda</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{story}</article>"
        f"<aside><ul>{related}</ul></aside><footer>© 2024 Portal Berita</footer></body></html>"
    )


@dataclass
class Reach:
    """How many examples of a property ran, and how many reached its assertion."""

    name: str
    #: Where ``check`` records the counts (pytest's ``record_property``), if anywhere.
    record: Callable[[str], None] | None = None
    examples: int = 0
    asserted: int = 0

    def example(self) -> None:
        """Count one example (call first thing in the property)."""
        self.examples += 1

    def asserting(self) -> None:
        """Count one example that reached the assertion (call right before it)."""
        self.asserted += 1

    def check(self, at_least: float) -> None:
        """Fail when fewer than ``at_least`` of the examples reached the assertion."""
        if self.record:
            self.record(str(self))
        assert self.examples, f"{self.name}: no example ran"
        assert self.asserted >= at_least * self.examples, (
            f"{self.name}: only {self.asserted} of {self.examples} examples reached the "
            f"assertion; at least {at_least:.0%} must, or the property checks little"
        )

    def __str__(self) -> str:
        return f"{self.asserted}/{self.examples} {self.name}"
