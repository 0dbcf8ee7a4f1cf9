"""Language: detected without downloads, declared wins, Malay and others flagged."""

from __future__ import annotations

import html

import pytest

import intisari
from intisari.language.detect import detect_language, language_for
from intisari.takeaways.render import render

INDONESIAN = (
    "Pemerintah provinsi mengatakan banjir yang melanda kabupaten itu sudah surut setelah "
    "hujan berhenti. Polisi dan tim SAR masih membantu warga yang mengungsi karena rumah "
    "mereka rusak. Bantuan uang dan makanan sudah dikirim ke lokasi pada Selasa pagi."
)
ENGLISH = (
    "The government said on Tuesday that the floods had receded after the rain stopped. "
    "Police and rescue teams are still helping residents who left their damaged homes. "
    "Money and food aid was sent to the area on Tuesday morning, officials said."
)
MALAY = (
    "Kerajaan negeri berkata banjir yang melanda daerah itu sudah surut selepas hujan "
    "berhenti. Polis dan pasukan penyelamat masih membantu penduduk yang berpindah kerana "
    "rumah mereka rosak. Bantuan wang dan makanan sudah dihantar ke Kuala Lumpur semalam."
)
FRENCH = (
    "Le gouvernement a annoncé mardi que les eaux de la crue avaient baissé après la fin "
    "des pluies. La police et les secours aident toujours les habitants qui ont dû quitter "
    "leurs maisons endommagées. De l'argent et de la nourriture ont été envoyés le matin."
)
ITALIAN = (
    "Il governo ha annunciato martedì che le acque dell'alluvione sono calate dopo la fine "
    "delle piogge. La polizia e i soccorritori aiutano ancora gli abitanti che hanno dovuto "
    "lasciare le loro case danneggiate. Denaro e cibo sono stati inviati in mattinata."
)
GERMAN = (
    "Die Regierung teilte am Dienstag mit, dass das Hochwasser nach dem Ende des Regens "
    "zurückgegangen sei. Polizei und Rettungskräfte helfen weiterhin den Bewohnern, die ihre "
    "beschädigten Häuser verlassen mussten. Geld und Lebensmittel wurden am Morgen geschickt."
)


@pytest.mark.parametrize(
    ("text", "code", "supported"),
    [(INDONESIAN, "id", True), (ENGLISH, "en", True), (MALAY, "ms", False), (GERMAN, "de", False)],
)
def test_detected_language_and_support(text: str, code: str, supported: bool) -> None:
    language = detect_language(text)
    assert (language.code, language.supported, language.source) == (code, supported, "detected")


def test_declared_language_wins_and_tags_are_normalised() -> None:
    assert detect_language(ENGLISH, declared="id-ID").code == "id"
    assert language_for("en_US").code == "en"
    assert language_for("in").code == "id"  # The old code some sites still declare.
    assert language_for("zsm").supported is False


def test_malay_is_flagged_in_the_result() -> None:
    summary = intisari.summarize(text=MALAY)
    assert (summary.language, summary.language_supported) == ("ms", False)
    assert summary.takeaways


def test_another_language_still_gets_takeaways_with_generic_rules() -> None:
    summary = intisari.summarize(text=ITALIAN)
    assert (summary.language, summary.language_supported) == ("it", False)
    assert 1 <= len(summary.takeaways) <= 3
    assert summary.notice.startswith("These takeaways")  # The English box for the rest.


@pytest.mark.parametrize(
    ("text", "code", "heading", "notice"),
    [
        (FRENCH, "fr", "L'essentiel", "Ces points clés ont été générés par une IA"),
        ("El Gobierno anunció el martes que las aguas de la riada bajaron tras el fin de las "
         "lluvias. La policía y los servicios de emergencia siguen ayudando a los vecinos que "
         "tuvieron que dejar sus casas dañadas. Se enviaron dinero y comida por la mañana.",
         "es", "Claves", "Estos puntos clave se generaron con IA"),
        ("O governo anunciou na terça-feira que as águas da enchente baixaram após o fim das "
         "chuvas. A polícia e os bombeiros continuam ajudando os moradores que tiveram de "
         "deixar suas casas danificadas. Dinheiro e comida foram enviados pela manhã.",
         "pt", "Pontos principais", "Estes pontos principais foram gerados por IA"),
    ],
)
def test_french_spanish_and_portuguese_readers_get_their_own_box_words(
    text: str, code: str, heading: str, notice: str
) -> None:
    # Their readers saw an English heading and notice above their own language's bullets.
    summary = intisari.summarize(text=text)
    assert (summary.language, summary.language_supported) == (code, False)
    assert summary.takeaways and summary.notice.startswith(notice)
    assert render(summary, "html").startswith(f'<aside class="intisari-box" lang="{code}">')
    assert f"<h2>{html.escape(heading)}</h2>" in render(summary, "html")


def test_german_gets_its_own_words_and_box_but_is_flagged() -> None:
    summary = intisari.summarize(text=GERMAN)
    assert (summary.language, summary.language_supported) == ("de", False)
    assert summary.takeaways
    assert summary.notice.startswith("Diese Zusammenfassung")


def test_declared_lang_wins_in_summarize() -> None:
    assert intisari.summarize(text=INDONESIAN, lang="en").language == "en"


def test_html_lang_wins_over_detection() -> None:
    page = (
        '<html lang="ms"><head><title>Banjir</title></head><body><article>'
        f"<p>{INDONESIAN}</p><p>{INDONESIAN}</p></article></body></html>"
    )
    summary = intisari.summarize(html=page)
    assert (summary.language, summary.language_supported) == ("ms", False)
    # ... and the caller's lang wins over the page's.
    assert intisari.summarize(html=page, lang="id").language == "id"


def test_a_page_tag_plainly_wrong_for_the_text_is_overruled() -> None:
    # Site templates say lang="en" on Indonesian pages (kompas.com, kapanlagi.com).
    assert detect_language(INDONESIAN, page="en").code == "id"
    assert detect_language(INDONESIAN, page="en").source == "detected"
    # A sibling is never overruled (the detector cannot tell Malay from Indonesian) ...
    assert detect_language(INDONESIAN, page="ms").code == "ms"
    # ... nor a language the detector does not know.
    assert detect_language(INDONESIAN, page="bjn").code == "bjn"  # Banjar: not in the model.
    assert detect_language(ENGLISH, page="en-US").source == "page"
