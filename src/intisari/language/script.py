"""What the engine needs to know about writing systems, whatever the language: the marks
that end a sentence, the signs that belong inside a word, the capital letters, and which
languages are written from right to left.

Python's ``\\w`` and ``str.isalpha`` leave out the vowel signs and viramas of the Indic
scripts (the "ा" of "प्राण" is a combining mark, not a letter), so Hindi words fell
apart into letters and Hindi news was refused as "a list of numbers"; ``[A-Z]`` leaves
out every capital but ASCII's ("ÉVRY", "МОСКВА"). The character classes here are built
once, at import, from Unicode's own properties over the blocks of the scripts written
with spaces between words (those the engine reads; ``ingest.prose`` refuses the others).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = [
    "CASELESS",
    "FINAL_MARKS",
    "OPENING_MARKS",
    "RIGHT_TO_LEFT",
    "UPPER",
    "WORD",
    "WORD_MARKS",
]

#: Marks that end a sentence: the Latin ones, the Devanagari danda and double danda
#: (Hindi, Nepali, Bengali ...), the Urdu full stop, the Arabic question mark, the
#: Armenian full stop and the Ethiopic full stop.
FINAL_MARKS = ".!?…।॥۔؟։።"
#: Languages written from right to left (ISO 639 codes): Arabic, Hebrew, Persian, Urdu,
#: Pashto, Sindhi, Uyghur, Yiddish, Dhivehi and Central Kurdish. A box of their text is
#: marked ``dir="rtl"``, or a browser sets its closing marks at the wrong end.
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})
#: Marks that may open a sentence before its first word, besides quotes and brackets:
#: Spanish opens a question with "¿" and an exclamation with "¡".
OPENING_MARKS = "¿¡"

#: Blocks of the scripts without capitals that are written with spaces: Hebrew and
#: Arabic, and Devanagari to Sinhala. Their combining marks (vowel signs, viramas,
#: nuktas, points) are part of the word they sit in.
_CASELESS_BLOCKS = ((0x0591, 0x05C7), (0x0610, 0x06ED), (0x0900, 0x0DFF))
#: Blocks with capital letters: Latin with its extensions (Vietnamese among them),
#: Greek, Cyrillic, Armenian, Georgian.
_CASED_BLOCKS = ((0x0041, 0x024F), (0x0370, 0x052F), (0x0531, 0x0556), (0x10A0, 0x10CD),
                 (0x1E00, 0x1FFF))


def _characters(blocks: tuple[tuple[int, int], ...], wanted: Callable[[str], bool]) -> str:
    """The characters of ``blocks`` for which ``wanted`` holds, as a regular expression's
    character class holds them (none of them needs escaping: no "]", "\\", "^" or "-")."""
    return "".join(
        chr(code) for first, last in blocks for code in range(first, last + 1)
        if wanted(chr(code))
    )


#: Combining marks that belong inside a word (a character class's contents).
WORD_MARKS = _characters(_CASELESS_BLOCKS, lambda c: unicodedata.category(c) in ("Mn", "Mc"))
#: A word: word characters and the marks inside them (a regular expression's source).
WORD = rf"[\w{WORD_MARKS}]+"
#: Capital letters (a character class's contents): "A", "É", "İ", "М", "Α", "Ա".
UPPER = _characters(_CASED_BLOCKS, str.isupper)
#: Letters of those scripts without capitals (a character class's contents): where a
#: rule looks for a capital to open a name or a sentence, they stand in for one.
CASELESS = _characters(_CASELESS_BLOCKS, lambda c: unicodedata.category(c) == "Lo")
