"""Which language an article is in.

The caller's declared language (API ``lang``, ``--lang``) always wins. A page's
``<html lang>`` wins too, unless the text is plainly in another language: templates
declare ``lang="en"`` on Indonesian pages (kompas.com, kapanlagi.com among the examples),
so a page's tag is overruled when py3langid finds the text all but impossible in that
language and the language it finds is not a sibling (Indonesian and Malay are told apart
by words, not by the model).
Otherwise py3langid (its model ships inside the package: no download) names the language,
and a word-list vote settles Indonesian against Malay, which langid confuses: news in the
two shares most of its vocabulary, so only words where they differ can tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intisari.language.data import GENERIC, LANGUAGES, RELATED, LanguageData

__all__ = ["Language", "detect_language", "is_known_code", "language_for"]

#: langid is accurate well before this many characters, and the cost grows with length.
DETECTION_SAMPLE_CHARS = 3000

#: The quick vote by function words decides only on this many words or more ...
QUICK_MIN_WORDS = 15
#: ... when this share of them are function words of one supported language ...
QUICK_MIN_SHARE = 0.2
#: ... and that share is this many times the other language's. On IndoSum and CNN the
#: vote is right on every article it decides; others go to py3langid (~1 ms each, most of
#: the engine's time if it ran on every article).
QUICK_MARGIN = 3.0
#: Words looked at by the quick vote: the first paragraphs say it.
QUICK_SAMPLE_CHARS = 1500

#: A page's ``<html lang>`` is overruled when the detector gives that language less than
#: this probability: on the example pages a wrong tag scores below 1e-20 and a right one
#: above 0.5, so the exact value hardly matters; it only has to be tiny.
PAGE_IMPLAUSIBLE_PROBABILITY = 1e-6

#: Languages so close that the detector cannot overrule one with the other.
_SIBLINGS = {"id": "ms", "ms": "id"}

#: Old and regional codes that publishers still put in ``<html lang>``.
CODE_ALIASES = {"in": "id", "ind": "id", "zsm": "ms", "msa": "ms", "may": "ms", "eng": "en"}

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    """The language an article was read in, and the rules that come with it."""

    code: str
    supported: bool
    data: LanguageData
    #: "declared" (the caller said so), "page" (``<html lang>``) or "detected".
    source: str


def language_for(code: str, source: str = "declared") -> Language:
    """The ``Language`` for an ISO 639 code or a BCP 47 tag (``id-ID``, ``en_US``)."""
    base = CODE_ALIASES.get(_base(code), _base(code))
    if base in LANGUAGES:
        return Language(base, True, LANGUAGES[base], source)
    if base in RELATED:
        return Language(base, False, RELATED[base], source)
    return Language(base or "und", False, GENERIC, source)


def is_known_code(code: str) -> bool:
    """Is the language of ``code`` (an ISO 639-1 code or a BCP 47 tag: "id", "en-US",
    "id_ID") a real one? ISO 639-1 as pycountry lists it, or one of ``CODE_ALIASES``.

    A caller's ``lang`` wins over everything, so a typo ("ind0", "english") must be an
    error, not a silent switch to punctuation-only rules.
    """
    base = _base(code)
    return base in CODE_ALIASES or base in _iso_639_1()


@lru_cache(maxsize=1)
def _iso_639_1() -> frozenset[str]:
    import pycountry  # Imported here: its tables are read only when a caller names a language.

    return frozenset(
        language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")
    )


def _base(code: str) -> str:
    """The language subtag of a BCP 47 tag, lower-cased: "en_US" -> "en"."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def detect_language(
    text: str, declared: str | None = None, page: str | None = None
) -> Language:
    """The caller's language, else the page's unless plainly wrong, else the detected one.

    ``und`` when there is no text to detect from.
    """
    if declared and declared.strip():
        return language_for(declared, "declared")
    sample = text[:DETECTION_SAMPLE_CHARS]
    if not _WORD.search(sample):
        return language_for(page, "page") if page and page.strip() else _UNDETERMINED
    # Only the quick sample is lower-cased: ``lower`` on text with curly quotes or dashes
    # (most English news) costs more than the whole vote.
    words = _WORD.findall(sample[:QUICK_SAMPLE_CHARS].lower(), 0, QUICK_SAMPLE_CHARS)
    code = _quick_vote(words)
    ranked = None
    if code is None:
        ranked = _rank(sample)
        code = ranked[0][0]
    if code in ("id", "ms"):
        code = _indonesian_or_malay(words)
    if page and page.strip():
        stated = language_for(page, "page")
        if code == stated.code or _SIBLINGS.get(code) == stated.code:
            return stated
        plausibility = dict(ranked or _rank(sample)).get(stated.code)
        # A language the detector does not know is trusted: nothing says otherwise.
        if plausibility is None or plausibility >= PAGE_IMPLAUSIBLE_PROBABILITY:
            return stated
    return language_for(code, "detected")


_UNDETERMINED = Language("und", False, GENERIC, "detected")


def _quick_vote(words: list[str]) -> str | None:
    """Indonesian or English told by their function words, or None when not clear-cut.

    News in either language is a fifth or more function words ("yang", "dan", "the",
    "of"); a clear majority of one language's settles it without the statistical model.
    """
    if len(words) < QUICK_MIN_WORDS:
        return None
    shares = {
        code: sum(map(LANGUAGES[code].stopwords.__contains__, words)) / len(words)
        for code in ("id", "en")
    }
    best, other = sorted(shares, key=shares.__getitem__, reverse=True)
    if shares[best] >= QUICK_MIN_SHARE and shares[best] >= QUICK_MARGIN * shares[other]:
        return best
    return None


def _rank(sample: str) -> list[tuple[str, float]]:
    """Every language the detector knows with its probability, most likely first."""
    return [(str(code), float(p)) for code, p in _identifier().rank(sample)]


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    # Imported lazily: loading the model takes ~0.3 s, which the CLI's --help need not pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Normalised probabilities, so "nearly certain" has a meaning across texts.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _indonesian_or_malay(words: list[str]) -> str:
    """Lower-cased ``words`` vote by the forms where Indonesian and Malay differ."""
    indonesian = sum(map(LANGUAGES["id"].marker_words.__contains__, words))
    malay = sum(map(RELATED["ms"].marker_words.__contains__, words))
    # Ties go to Indonesian: it is far more common in the news we serve.
    return "ms" if malay > indonesian else "id"
