"""Per-language data, kept apart from the logic that uses it (as spaCy's ``lang/`` does).

Each module defines one ``LanguageData``; adding a language means adding a module here and
naming it in ``LANGUAGES``. Nothing in these modules runs; they only describe.
"""

from __future__ import annotations

from intisari.language.data import en, generic, id, ms
from intisari.language.model import LanguageData

__all__ = ["GENERIC", "LANGUAGES", "LanguageData"]

#: Languages with full rules (cleaning, segmentation, dangling-reference checks, notice).
LANGUAGES: dict[str, LanguageData] = {data.code: data for data in (id.DATA, en.DATA)}

#: Malay gets Indonesian rules (the languages share most grammar and news vocabulary) but
#: is reported with ``language_supported = False`` because the rules were not tuned on it.
RELATED: dict[str, LanguageData] = {"ms": ms.DATA}

#: Fallback for every other language: punctuation-only rules, an English box.
GENERIC: LanguageData = generic.DATA
