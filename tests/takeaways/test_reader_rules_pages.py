"""The reader's rules for what the shared pages still showed (issue 12): a demonstrative
that closes a long opening phrase, "such" anywhere, the same fact said
again in other words, promotions inside the story, subheadings and readers' letters.
Real sentences from the pages and the tune data, Indonesian and English; and sentences
of the same shape that must pass."""

from __future__ import annotations

import pytest

from intisari import summarize
from intisari.errors import NotAnArticle
from intisari.ingest.main_content import extract_body
from intisari.language.data import LANGUAGES
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.takeaways.checks import (
    content_bag,
    has_anaphor,
    referring_phrase,
    refers_back,
    restates,
)
from intisari.takeaways.letters import check_letters, letter_paragraphs
from intisari.takeaways.text import is_boilerplate

ID = LANGUAGES["id"]
EN = LANGUAGES["en"]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Pemain berusia 21 tahun itu tampil apik di babak 16 besar kontra Swiss.",
         ["pemain", "berusia", "21", "tahun"]),
        ("Pria yang akrab disapa Dani ini mengatakan demikian mengingat Indonesia "
         "merupakan salah satu pasar layanan data.",
         ["pria", "yang", "akrab", "disapa", "dani"]),
        ("Wanita tersebut adalah Donna King di County Durham, Inggris.", ["wanita"]),
    ],
)
def test_a_demonstrative_closing_the_opening_phrase_refers_back(
    sentence: str, phrase: list[str]
) -> None:
    assert referring_phrase(sentence, ID) == phrase
    assert refers_back(sentence, ID)


@pytest.mark.parametrize(
    "sentence",
    [
        # The demonstrative is in the predicate, after a verb or an auxiliary.
        "Samsung sendiri belum memberi nama pada aplikasi barunya ini.",
        "Google pastinya akan tersenyum lebar dengan perubahan ini.",
        "Polisi masih mendalami percekcokan pemotor dan pemobil itu.",
        # After a comma the opening phrase has closed.
        "Korban atau pemotor pria berinisial CE, telah membuat laporan terkait kejadian itu.",
        # Past the phrase's reach.
        "Widya mengatakan pemobil atau pria berkemeja biru muda dalam video tersebut "
        "menyimpan benda.",
        # A time, said from today.
        "Maroko vs Portugal akan bermain malam ini di perempatfinal Piala Dunia 2022.",
    ],
)
def test_a_demonstrative_in_the_predicate_does_not_refer_back(sentence: str) -> None:
    assert referring_phrase(sentence, ID) == []
    assert not refers_back(sentence, ID)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "NASA's Hubble Space Telescope has spotted indirect evidence of such plumes "
         "emanating from Europa."),
        ("en", "Researchers have now detected one such plume's water vapor directly."),
        ("id", "Tak heran, Dani optimistis layanan broadband akan semakin banyak diminati."),
        # A role with a place before it: which official? (newspaper4k's CNN page, once
        # its lead, a quotation of four words, no longer went in the box.)
        ("en", "The Pennsylvania official was just talking about one area, but he summed up "
         "a winter storm that struck much of the eastern United States on Wednesday."),
    ],
)
def test_words_that_point_back_anywhere_are_caught(lang: str, sentence: str) -> None:
    assert refers_back(sentence, LANGUAGES[lang])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # Pages outside the shared set (a reader's report): whose "though", what "meanwhile"?
        ("en", "NVIDIA, though, kept working on its cloud gaming service for years."),
        ("en", "The open redirect vulnerability, meanwhile, exists in the server-side "
         "rendering of the framework."),
        ("en", "In 2011, for example, a student died while being coerced into drinking."),
        ("en", "It was terrifying, too, because back then the disease was surrounded by shame."),
        # The reason, the aim or the case the sentence before stated.
        ("en", "In that sense it's a kind of handy writerly shortcut."),
        ("en", "For this reason, the council delayed the vote until after the summer."),
        ("en", "To that end, the company hired 200 engineers in Berlin and Lisbon."),
        ("en", "Because of this, prices rose by a third in two years."),
        ("id", "Ed Sheeran, misalnya, sempat memamerkan kemampuannya memasukkan 50 butir "
         "cokelat ke dalam mulutnya."),
        ("id", "Ignatius, di sisi lain, menilai yang menghambat industri iklan baris online "
         "adalah ide bisnisnya."),
    ],
)
def test_a_connective_set_off_by_commas_in_the_first_clause_leans_back(
    lang: str, sentence: str
) -> None:
    assert refers_back(sentence, LANGUAGES[lang])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # A list, and a connective past the first clause, tie nothing to what came before.
        ("en", "Coldplay played in Paris, Rome, and Berlin before its tour ended in May."),
        ("en", "Apple said its revenue rose sharply in the third quarter of the fiscal year, "
         "however, costs rose faster."),
        ("id", "Warga Jakarta, Bogor, dan Depok diminta mewaspadai hujan lebat sore ini."),
    ],
)
def test_commas_without_a_connective_in_the_first_clause_do_not_lean_back(
    lang: str, sentence: str
) -> None:
    assert not refers_back(sentence, LANGUAGES[lang])


YONHAP_LEAD = (
    "North Korea's official newspaper blasted South Korea on Tuesday for conducting a joint "
    "military exercise with the United States on the last day of the drill, warning that "
    'Seoul will pay dearly for such "stupid" acts.'
)


def test_an_anaphor_inside_the_article_s_first_sentence_points_within_it() -> None:
    # newspaper4k's yna.co.kr page: its lead could be no bullet, and the box missed the news.
    assert refers_back(YONHAP_LEAD, EN)
    assert not refers_back(YONHAP_LEAD, EN, opens_article=True)
    # Its opening still leans back: the subject of a soft lede comes later.
    assert refers_back("They are very convincing when they call.", EN, opens_article=True)
    text = (
        f"{YONHAP_LEAD}\n\nSouth Korea and the U.S. were to wrap up their weekslong joint "
        "exercise later in the day. Seoul has said that it is part of its preparations to "
        "regain wartime operational control of its troops from Washington.\n\nThe paper "
        "also blamed South Korea for raising tensions in the region by introducing "
        "high-tech military equipment."
    )
    box = summarize(text, lang="en")
    assert box.takeaways[0].text == YONHAP_LEAD


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Disney's service is stocked with classic fare such as Mary Poppins and Bambi."),
        ("en", "Rescue teams in Sulawesi faced such a long night that two of them collapsed."),
        ("en", "The planned blackouts will affect counties north of Sacramento."),
        # A name of two capitalised words, not a place before a role (cnn.tune).
        ("en", "The Zionist Union is Likud's primary challenger."),
        ("en", "The White House would clearly prefer a binding agreement with Iran, which "
         "would have a better chance of longevity."),
        ("id", "Pemerintah sudah mengumumkan pencabutan izin pada Juni 2025."),
    ],
)
def test_sentences_without_such_words_do_not_point_back(lang: str, sentence: str) -> None:
    assert not has_anaphor(sentence, LANGUAGES[lang])
    assert not refers_back(sentence, LANGUAGES[lang])


def _bags(sentences: list[str], data: object) -> list[set[str]]:
    return [content_bag(s, data) for s in sentences]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "earlier", "sentence"),
    [
        # detik sport: the line-ups and Ronaldo on the bench, three times.
        ("id", ["Maroko vs Portugal akan bermain malam ini di perempatfinal Piala Dunia 2022.",
                "Susunan pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi."],
         "Susunan pemain Maroko vs Portugal sudah keluar, seperti dilansir dari BBC."),
        ("id", ["Susunan pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi."],
         "Kejutan terjadi, Cristiano Ronaldo cadangan lagi, seperti di babak 16 besar "
         "sebelumnya!"),
        ("en", ["Apple unveiled its 16-inch MacBook Pro on Wednesday."],
         "Apple unveiled its 16-inch MacBook Pro, and the new laptop costs $2,399."),
    ],
)
def test_a_clause_that_says_an_earlier_bullet_again_is_a_repeat(
    lang: str, earlier: list[str], sentence: str
) -> None:
    data = LANGUAGES[lang]
    assert restates(sentence, data, _bags(earlier, data))


@pytest.mark.parametrize(
    ("lang", "earlier", "sentence"),
    [
        ("id", ["Susunan pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi."],
         "Ramos akan diapit oleh Bruno Fernandes dan Joao Felix."),
        ("id", ["Maroko vs Portugal akan bermain malam ini di perempatfinal Piala Dunia 2022."],
         "Pemain berusia 21 tahun itu tampil apik di babak 16 besar kontra Swiss."),
        ("en", ["The Doobie Brothers will unite with former frontman Michael McDonald for a "
                "2020 North American tour."],
         "The band will kick off the jaunt June 9, 2020 in West Palm Beach, the first stop "
         "of 30 cities."),
    ],
)
def test_a_bullet_that_adds_a_fact_is_not_a_repeat(
    lang: str, earlier: list[str], sentence: str
) -> None:
    data = LANGUAGES[lang]
    assert not restates(sentence, data, _bags(earlier, data))


def test_a_clitic_does_not_hide_a_shared_word() -> None:
    assert content_bag("Susunan pemainnya sudah keluar.", ID) == {"susunan", "pemain", "keluar"}
    # A short word keeps its ending: "hanya" is not "ha" + "-nya".
    assert "punya" in content_bag("Mereka punya rumah.", ID) or "punya" in ID.stopwords


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Details can be found in this 16-inch MacBook Pro deal roundup."),
        ("en", "Check out our guide to the best noise-cancelling earbuds."),
        ("en", "Prices for every model are in our MacBook Pro price guide."),
        ("id", "Informasi selengkapnya dapat dilihat di laman resmi Kementerian Kesehatan."),
        # The writer greeting the reader (appleinsider's review opened its box with it).
        ("en", "Welcome to the new 16-inch MacBook Pro."),
        ("id", "Selamat datang di era baru mobil listrik."),
        # The writer telling the reader what to do (IndoSum: a box took it as a bullet).
        ("id", "Coba bandingkan dengan musim lalu."),
        ("id", "Bayangkan jika kamu tidak memiliki telinga."),  # a reader's report
        # Calls to comment (zdnet's gift guide ended its box with one).
        ("en", "Leave a comment and let us know what your favorite gadget of 2019 is."),
        ("en", "Let us know what you think in the comments below."),
        ("id", "Tulis pendapatmu tentang mobil listrik di kolom komentar ya!"),
        # A podcast's files and where else to hear it (deadline.com, outside the shared
        # set: each was a bullet).
        ("en", "The M4A version of this podcast is designed to run on any device using "
         "Apple’s iTunes software, and includes enhanced graphics."),
        ("en", "You can also hear the podcast on iTunes and on Deadline’s SoundCloud page."),
        ("en", "Listen to (and share) episode 38 of our audio podcast Deadline Big Media With "
         "David Lieberman."),
        # An encyclopedia's hatnote (en.wikipedia.org, outside the shared set).
        ("en", "For the Boston-based organization, see Third Sector New England."),
        # A link's text and a pointer (blog.python.org, outside the shared set).
        ("en", "See the What’s New In Python 3.6 document for more information."),
        ("en", "You can download Python 3.6.0 here."),
        # The page's layout (engadget.com, outside the shared set).
        ("en", "Check out a couple more screens after the break, though skipping directly "
         "to house shopping in FiOS-connected neighborhoods may make for more efficient use "
         "of your time."),
        # A byline glued to the first sentence by a pipe (love-hina.ch, outside the
        # shared set), and a site's crumbs.
        ("en", "24. März 2004, 19:49 | Genesis Kapitel 121 ist nun auch online."),
        ("id", "Beranda | Berita | Polisi menangkap dua tersangka pencurian di Depok."),
    ],
)
def test_promotions_inside_the_story_are_boilerplate(lang: str, sentence: str) -> None:
    assert is_boilerplate(sentence, LANGUAGES[lang])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Apple has unveiled its 16-inch MacBook Pro, which starts at $2,399."),
        ("en", "Investigators found the guide rope had been cut."),
        ("en", "You can see why the mayor wants the stadium built here."),
        ("en", "For the first time, see-through solar panels power a whole office tower."),
        ("id", "Polisi menemukan barang bukti selengkapnya di rumah tersangka."),
        ("en", "The mayor said the city would welcome to its streets any team that won."),
        ("id", "Presiden mengucapkan selamat datang di Istana kepada para atlet."),
        ("id", "Ia mencoba membandingkan hasil pertandingan itu dengan musim lalu."),
        ("id", "“Bayangkan, jadi 11 sudah cukup,” kata Ryamizard."),  # a speaker's words
        ("en", "The senator said she would leave a comment period open until June."),
        ("id", "Warga menulis keluhan soal banjir di kolom surat pembaca harian itu."),
        ("en", "After the break, the Lakers came back and won the game by ten points."),
        ("en", "The podcast version of the show was downloaded 2 million times, Spotify said."),
        ("en", "Listen to the crowd, the coach told his players before the episode's taping."),
    ],
)
def test_story_sentences_are_not_promotions(lang: str, sentence: str) -> None:
    assert not is_boilerplate(sentence, LANGUAGES[lang])


_VOX = """<html><head><title>Delhi smog</title></head><body><h1>Delhi smog</h1>
<article class="article-body">
<p>Another cloud of choking smoke and dust is set to descend upon the 20 million residents
of Delhi this week, and schools across the capital have been closed again.</p>
<p>The dangerous, dirty air is arising from a mix of weather conditions, urban emissions,
and rural smoke converging over India's capital region, officials said on Monday.</p>
<h3>Air pollution can be solved.</h3>
<p>Delhi's Chief Minister Arvind Kejriwal turned to Twitter last month to describe his
city as a gas chamber, and doctors warned of a health emergency.</p>
<p>Cities such as Beijing have cut their pollution with tough rules on coal and cars, and
experts say Delhi could do the same within a decade.</p>
</article></body></html>"""

_KOMPAS = """<html lang="id"><head><title>Ganjil genap diperluas</title></head><body>
<h1>Ganjil genap diperluas</h1><div class="read__content">
<p>Pemerintah Provinsi DKI Jakarta akan memperluas kawasan ganjil genap mulai pekan depan
untuk menekan polusi udara yang terus memburuk di ibu kota.</p>
<h2>Udara Jakarta makin buruk setiap hari.</h2>
<p>Kepala Dinas Perhubungan DKI Jakarta mengatakan perluasan itu berlaku di 25 ruas jalan
dan diawasi kamera tilang elektronik setiap hari.</p>
<p>Warga diminta menggunakan transportasi umum selama uji coba berlangsung, sementara
bus Transjakarta menambah armada pada jam sibuk.</p>
<p>Pelanggar aturan ganjil genap akan dikenai denda hingga Rp 500.000 sesuai peraturan
daerah yang berlaku sejak tahun lalu, kata petugas di Balai Kota.</p>
</div></body></html>"""


@pytest.mark.parametrize(("page", "heading"), [(_VOX, "Air pollution can be solved."),
                                               (_KOMPAS, "Udara Jakarta makin buruk setiap hari.")])
def test_a_subheading_stays_in_the_text_but_is_never_a_takeaway(page: str, heading: str) -> None:
    for count in (None, 5):
        summary = summarize(html=page, count=count)
        assert heading in summary.text
        assert all(heading not in t.text for t in summary.takeaways)


_COLUMN = """DEAR ABBY: My husband of more than 20 years just purchased plane tickets to India. It's a 24-hour trip from the USA. My problem is, he is sitting in business class, while I'm in economy.

Am I right to feel hurt? Or should I be content and happy I'm going to a beautiful country? -- FEELING LIKE SECOND RATE

DEAR FEELING: Of course you should be happy that you will be visiting a beautiful country. You have a right to be upset at your penny-pinching husband.

DEAR ABBY: My older sister has just been diagnosed with cervical cancer. The HPV vaccine might have protected her from it, had it been available to our generation. -- CONCERNED SISTER

DEAR CONCERNED SISTER: If you and the younger sister are close, then I don't think your question was offensive."""  # noqa: E501

_STORY = """Syndicated advice columns are losing readers as newspapers cut their budgets, editors at three regional papers said on Monday.

The Oregonian said it would keep the column, which draws thousands of letters a year from readers across the state.

DEAR ABBY: My husband of more than 20 years just purchased plane tickets to India. It's a 24-hour trip from the USA. -- FEELING LIKE SECOND RATE

Editors said letters like this one still draw more readers than most news stories on the paper's website each week."""  # noqa: E501


def test_an_advice_column_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="advice column"):
        summarize(_COLUMN, lang="en")


def test_a_letter_quoted_in_a_story_is_never_a_takeaway() -> None:
    document = build_document(_STORY, None, language_for("en"))
    assert letter_paragraphs(document) == frozenset({2})
    check_letters(document)  # One letter in a story: the story is news.
    summary = summarize(_STORY, lang="en", count=3)
    assert all("husband" not in t.text and "24-hour" not in t.text for t in summary.takeaways)


def test_indonesian_text_has_no_letters() -> None:
    """Indonesian has no advice-column salutation in its data: nothing is a letter."""
    text = "DEAR ABBY: Suami saya membeli tiket pesawat ke India untuk kami berdua."
    document = build_document(text, None, language_for("id"))
    assert letter_paragraphs(document) == frozenset()


def test_the_dom_rules_name_the_subheadings_they_keep() -> None:
    body = extract_body(_VOX)
    assert body.headings == ("Air pollution can be solved.",)
    assert "Air pollution can be solved." in body.text.split("\n")
    # The page's headline (``<h1>``) is its title, not a subheading of the body.
    assert "Delhi smog" not in body.headings
