"""Which language an article is in.

A declared language (API ``lang``, ``<html lang>``) wins: publishers know their pages.
Otherwise py3langid (its model ships inside the package: no download) names the language,
and a word-list vote settles Indonesian against Malay, which langid confuses: news in the
two shares most of its vocabulary, so only words where they differ can tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intisari.language.data import GENERIC, LANGUAGES, RELATED, LanguageData

__all__ = ["Language", "detect_language", "language_for"]

#: langid is accurate well before this many characters, and the cost grows with length.
DETECTION_SAMPLE_CHARS = 3000

#: Old and regional codes that publishers still put in ``<html lang>``.
CODE_ALIASES = {"in": "id", "ind": "id", "zsm": "ms", "msa": "ms", "may": "ms", "eng": "en"}

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    """The language an article was read in, and the rules that come with it."""

    code: str
    supported: bool
    data: LanguageData
    #: "declared" (caller or page said so) or "detected".
    source: str


def language_for(code: str, source: str = "declared") -> Language:
    """The ``Language`` for an ISO 639 code or a BCP 47 tag (``id-ID``, ``en_US``)."""
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    base = CODE_ALIASES.get(base, base)
    if base in LANGUAGES:
        return Language(base, True, LANGUAGES[base], source)
    if base in RELATED:
        return Language(base, False, RELATED[base], source)
    return Language(base or "und", False, GENERIC, source)


def detect_language(text: str, declared: str | None = None) -> Language:
    """Declared language if any, else the detected one (``und`` when there is no text)."""
    if declared and declared.strip():
        return language_for(declared, "declared")
    sample = text[:DETECTION_SAMPLE_CHARS]
    if not _WORD.search(sample):
        return Language("und", False, GENERIC, "detected")
    code = _classify(sample)
    if code in ("id", "ms"):
        code = _indonesian_or_malay(sample)
    return language_for(code, "detected")


def _classify(sample: str) -> str:
    return str(_identifier().classify(sample)[0])


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    # Imported lazily: loading the model takes ~0.3 s, which the CLI's --help need not pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _indonesian_or_malay(sample: str) -> str:
    words = [w.lower() for w in _WORD.findall(sample)]
    indonesian = sum(w in LANGUAGES["id"].marker_words for w in words)
    malay = sum(w in RELATED["ms"].marker_words for w in words)
    # Ties go to Indonesian: it is far more common in the news we serve.
    return "ms" if malay > indonesian else "id"
