"""A claim given to the wrong person (``speaker``), on the article a new user found it in:
IndoSum 1502267734 (Kapolda Idham Aziz judges the killing; Kombes Argo Yuwono speaks of
the hunt for suspects), its Indonesian paragraphs as written and an English telling of
them. "Argo Yuwono menilai ..." was supported (0.85, 0.83): every word of it is Idham's
sentence. The right speaker, by name, title or the pronoun's referent, stays supported,
and a title the claim's own sentence lacks costs it nothing.
"""

from __future__ import annotations

import pytest

import intisari

ARTICLE_ID = (
    "Kepolisian mengantongi identitas lima pelaku lain dalam kasus pengeroyokan dan "
    "pembakaran terduga pencuri pengeras suara musala, Muhammad Al Azhar (MA) alias Zoya, "
    "di Pasar Muara Bakti, Kabupaten Bekasi, Jawa Barat, Selasa (1/8) lalu.\n\n"
    '"Nanti ada lima lagi yang kami kejar. Kami sudah tahu identitas dan perannya. Ada '
    'peran menyimpan bensin, ada yang membakar," kata Kapolda Metro Jaya Inspektur '
    "Jenderal Idham Aziz di Jakarta, Selasa (8/8).\n\n"
    "Menurut Idham, kejadian yang menewaskan Zoya di Bekasi seharusnya tidak perlu karena "
    "justru melanggar hukum. Dia menilai warga kelewatan emosional sehingga melakukan "
    "pemukulan dan pembakaran.\n\n"
    "Polda Metro Jaya rencananya terlibat dalam penyelidikan kasus ini agar bisa tuntas "
    "dalam waktu dekat.\n\n"
    '"Supaya tidak terlalu lama kami bisa menangkap yang lain," kata Kabid Humas Polda '
    "Metro Jaya Kombes Argo Yuwono.\n\n"
    "Argo mengatakan pihaknya belum bisa merinci semua pelaku yang terlibat dalam kasus "
    "ini.\n\n"
    "Di sisi lain, Argo memastikan jika marbot atau pemelihara musala tidak terlibat dalam "
    "kasus ini."
)

ARTICLE_EN = (
    "Police have identified five more suspects in the mob killing of a man accused of "
    "stealing an amplifier from a prayer room in Bekasi, West Java, on Tuesday.\n\n"
    '"There are five more we are chasing. We already know who they are and what they '
    'did," Jakarta police chief Inspector General Idham Aziz said in Jakarta on Tuesday.\n\n'
    "According to Idham, the killing of Zoya in Bekasi should never have happened because "
    "it broke the law. He said the residents were overly emotional and so beat and burned "
    "the man.\n\n"
    "Jakarta police will take part in the investigation so that the case can be closed "
    "soon.\n\n"
    '"We hope to catch the others before long," said Jakarta police spokesman Argo '
    "Yuwono.\n\n"
    "Argo said police could not yet detail every suspect involved in the case."
)

WRONG = [
    # (article, statement, the person the article gives the words to)
    (ARTICLE_ID, "Argo Yuwono menilai kejadian yang menewaskan Zoya di Bekasi seharusnya "
     "tidak perlu karena melanggar hukum.", "Idham"),
    (ARTICLE_ID, "Kombes Argo Yuwono menilai warga kelewatan emosional sehingga melakukan "
     "pemukulan dan pembakaran.", "Idham"),
    (ARTICLE_ID, "Idham Aziz memastikan marbot tidak terlibat dalam kasus ini.", "Argo"),
    (ARTICLE_EN, "Argo Yuwono said the killing of Zoya in Bekasi should never have happened "
     "because it broke the law.", "Idham"),
    (ARTICLE_EN, "Argo Yuwono said the residents were overly emotional and so beat and "
     "burned the man.", "Idham"),
    (ARTICLE_EN, "According to Argo Yuwono, the residents were overly emotional.", "Idham"),
]

RIGHT = [
    (ARTICLE_ID, "Idham Aziz menilai warga kelewatan emosional sehingga melakukan pemukulan "
     "dan pembakaran."),
    (ARTICLE_EN, "Idham Aziz said the killing of Zoya in Bekasi should never have happened "
     "because it broke the law."),
    (ARTICLE_EN, "Idham Aziz said the residents were overly emotional and so beat and burned "
     "the man."),
]


@pytest.mark.parametrize(("article", "statement", "giver"), WRONG)
def test_a_claim_given_to_the_wrong_person_is_named(
    article: str, statement: str, giver: str
) -> None:
    check = intisari.verify(article, summary=[statement]).statements[0]
    assert check.label == "unsupported"
    speaker = [r.text for r in check.reasons if r.kind == "speaker"]
    assert speaker and f"gives these words to {giver}, not" in speaker[0]


@pytest.mark.parametrize(("article", "statement"), RIGHT)
def test_the_right_speaker_stays_supported(article: str, statement: str) -> None:
    check = intisari.verify(article, summary=[statement]).statements[0]
    assert check.label == "supported"
    assert not [r for r in check.reasons if r.kind == "speaker"]


# The Tokyo stabbing story (CNN, cnn.tune.jsonl ae99cbf7b2), as written: the deputy chief is
# named with his title in one sentence and speaks as "He" in the next.
ARTICLE_EN_TITLE = (
    "Tokyo (CNN)Police in Japan say they have arrested a 40-year-old man accused of fatally "
    "stabbing five neighbors in a farming community in Sumoto city. The man has admitted "
    "stabbing three women aged 59, 76 and 84, as well as two men aged 62 and 82, Deputy "
    "Police Chief Keizo Okumoto told CNN. He said the accused refused to comment further as "
    "he was awaiting his lawyer. The victims -- two couples and the 84-year-old woman -- "
    "lived within 100 meters (330 feet) of the suspect's home, police said."
)

TITLED = [
    # (article, the statement naming the speaker by title, the same by name alone)
    (ARTICLE_ID,
     "Kapolda Metro Jaya Idham Aziz menilai warga kelewatan emosional sehingga melakukan "
     "pemukulan dan pembakaran.",
     "Idham Aziz menilai warga kelewatan emosional sehingga melakukan pemukulan dan "
     "pembakaran."),
    (ARTICLE_EN_TITLE,
     "Deputy Police Chief Okumoto said the accused refused to comment further.",
     "Okumoto said the accused refused to comment further."),
]


@pytest.mark.parametrize(("article", "titled", "plain"), TITLED, ids=["id", "en"])
def test_the_right_speaker_with_a_title_is_supported_as_by_name(
    article: str, titled: str, plain: str
) -> None:
    """The title stands in the sentence introducing the speaker, not in the one holding the
    claim ("Dia menilai ...", "He said ..."): it was scored as text joined from a second
    sentence, and the statement was only unclear (0.79, 0.78) where the name alone was
    supported. A speaker confirmed by the article costs the statement nothing."""
    check, bare = intisari.verify(article, summary=[titled, plain]).statements
    assert check.label == "supported"
    assert check.score >= bare.score
    assert not check.reasons


def test_a_wrong_speaker_with_a_title_gains_nothing() -> None:
    """Only the speaker the article gives the claim to is left out of the score: the same
    title before someone else's words is still a wrong speaker."""
    statement = (
        "Kabid Humas Polda Metro Jaya Kombes Argo Yuwono menilai warga kelewatan emosional "
        "sehingga melakukan pemukulan dan pembakaran."
    )
    check = intisari.verify(ARTICLE_ID, summary=[statement]).statements[0]
    assert check.label == "unsupported"
    assert [r.kind for r in check.reasons] == ["speaker"]


def test_a_statement_naming_the_article_speaker_too_is_not_judged() -> None:
    """A claim traced through another person ("X, citing Y, said ...") is no wrong
    speaker: the statement names the article's speaker as well."""
    statement = "Argo Yuwono, citing Idham, said the residents were overly emotional."
    check = intisari.verify(ARTICLE_EN, summary=[statement]).statements[0]
    assert not [r for r in check.reasons if r.kind == "speaker"]
