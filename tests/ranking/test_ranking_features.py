"""Sentence features: one row per sentence, values that mean what their names say."""

from __future__ import annotations

import numpy as np
import pytest

from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking.features import FEATURE_NAMES, VOICE_FEATURE_NAMES, document_features

ARTICLE = (
    "Banjir besar melanda Jakarta Utara pada Senin pagi setelah hujan deras semalaman.\n\n"
    "Ia mengatakan banjir di Jakarta Utara mencapai 1,5 meter di 12 kelurahan.\n\n"
    '"Kami sudah mengerahkan 300 petugas," ujar Kepala BPBD DKI Jakarta Isnawa Adji.\n\n'
    "Informasi lengkap di https://bpbd.jakarta.go.id\n\n"
    "Warga diminta tetap waspada karena hujan diperkirakan turun lagi pekan ini."
)


@pytest.fixture(scope="module")
def features() -> np.ndarray:
    document = build_document(ARTICLE, None, language_for("id"))
    assert len(document.sentences) == 5
    return document_features(document, None)


def column(features: np.ndarray, name: str) -> np.ndarray:
    return features[:, FEATURE_NAMES.index(name)]


def test_one_row_per_sentence_one_column_per_name(features: np.ndarray) -> None:
    assert features.shape == (5, len(FEATURE_NAMES))
    assert np.isfinite(features).all()


def test_position_features(features: np.ndarray) -> None:
    assert column(features, "position_relative").tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert column(features, "is_sentence_1").tolist() == [1, 0, 0, 0, 0]
    assert column(features, "is_sentence_3").tolist() == [0, 0, 1, 0, 0]
    assert (column(features, "opens_paragraph") == 1).all()


def test_text_cues(features: np.ndarray) -> None:
    assert column(features, "dangling_opener").tolist() == [0, 1, 0, 0, 0]
    assert column(features, "opens_with_quote").tolist() == [0, 0, 1, 0, 0]
    assert column(features, "url_or_handle").tolist() == [0, 0, 0, 1, 0]
    assert column(features, "no_final_punctuation").tolist() == [0, 0, 0, 1, 0]
    digits = column(features, "digit_density")
    assert digits[1] > 0 and digits[0] == 0
    capitals = column(features, "capitalised_density")
    assert capitals[2] > capitals[4]


def test_lead_overlap_and_centrality(features: np.ndarray) -> None:
    lead = column(features, "lead_overlap")
    # Sentence 2 repeats "banjir ... Jakarta Utara" from the first; the last shares "hujan".
    assert lead[1] > lead[4] > 0.0
    centrality = column(features, "centroid_similarity")
    assert centrality.argmax() in (0, 1)


def test_empty_document_has_no_rows() -> None:
    document = build_document("", None, language_for("en"))
    assert document_features(document, None).shape == (0, len(FEATURE_NAMES))


def test_writer_voice_reads_the_writer_not_the_quoted_nor_the_country() -> None:
    article = (
        "As I recall, June usually cleaned up after dinner.\n\n"
        '"We are not going to tolerate it," the chief said on Monday.\n\n'
        "The US economy added jobs in March, the department said.\n\n"
        "Saya sudah lama menunggu kabar ini."
    )
    document = build_document(article, None, language_for("en"))
    features = document_features(document, None, voice=True)
    assert features.shape == (4, len(FEATURE_NAMES) + len(VOICE_FEATURE_NAMES))
    voice = features[:, len(FEATURE_NAMES) :]
    assert voice.tolist() == [[1, 0.25], [0, 0.25], [0, 0.25], [0, 0.25]]
    assert (features[:, : len(FEATURE_NAMES)] == document_features(document, None)).all()
    # The language's own pronouns: "saya" is no English writer's.
    indonesian = build_document("Saya sudah lama menunggu kabar ini.", None, language_for("id"))
    assert document_features(indonesian, None, voice=True)[:, -2:].tolist() == [[1, 1.0]]
    # A letter alone inside a name is no "I" (cnn.tune).
    taliban = build_document(
        "The Tehrik-i-Taliban Pakistan claimed responsibility for the attack.",
        None,
        language_for("en"),
    )
    assert document_features(taliban, None, voice=True)[:, -2:].tolist() == [[0, 0.0]]


def test_capitals_and_digits_count_alike_in_ascii_and_typographic_text() -> None:
    # Text all in ASCII is read by a byte table, other text by the regular expression:
    # the same sentence with typographic quotes and a dash in place of ASCII's counts the
    # same words opening with a capital or a digit.
    plain = (
        'Kepala BPBD DKI Jakarta Isnawa Adji said "300 petugas" were sent to 12 kelurahan '
        "- and 2,5 ton of aid_2 arrived in Jakarta Utara on Senin (24/7)."
    )
    typographic = plain.replace(' "', " “").replace('" ', "” ").replace(" - ", " – ")
    assert plain.isascii() and not typographic.isascii()
    document = build_document(f"{plain}\n\n{typographic}", None, language_for("id"))
    features = document_features(document, None)
    for name in ("digit_density", "capitalised_density"):
        ascii_value, other_value = column(features, name)
        assert ascii_value == other_value > 0
    # Of 28 words, 8 capitalised after the first and 6 opening with a digit ("aid_2" not).
    assert column(features, "capitalised_density")[0] == 8 / 28
    assert column(features, "digit_density")[0] == 6 / 28
