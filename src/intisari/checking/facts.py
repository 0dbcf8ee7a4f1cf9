"""The checkable facts of a piece of text: words, numbers, dates, amounts, names, quotes.

Everything a language writes its own way (negation words, number words, month names,
decimal marks, currencies) comes from its ``LanguageData``; this module only reads it.
The same reading is applied to the article and to a statement, so a number written "1,5
juta" in one and "1.500.000" in the other compares equal, and "tujuh" equals "7".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from intisari.language.model import LanguageData

__all__ = [
    "Mention",
    "Numbers",
    "Token",
    "denies_at",
    "is_negation",
    "joined_initials",
    "matches",
    "negated",
    "numbers",
    "quotations",
    "tokens",
]

_TOKEN = re.compile(r"\w+", re.UNICODE)
#: A number as written: "7", "0-0" (two numbers), "1.500.000", "33,556", "2017".
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
#: Quoted passages: straight or curly double quotes, or curly single ones. Straight single
#: quotes are left out: they are apostrophes far more often ("team's").
_QUOTED = re.compile(r"[\"“”](?P<a>[^\"“”]+)[\"“”]|‘(?P<b>[^‘’]+)’")
#: A quotation shorter than this many words is a title or a scare quote, not a claim.
MIN_QUOTE_WORDS = 4
#: Years are dates when they stand alone; outside this range a four-digit number is a count.
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Token:
    """A word of the text: lower-cased, with its offsets and whether it was capitalised."""

    word: str
    start: int
    end: int
    capital: bool
    #: Written in capitals throughout, two letters or more ("PSG", "WNI"), or joined from
    #: letters with dots between them ("U.S.": ``joined_initials``).
    acronym: bool = False


@dataclass(frozen=True)
class Mention:
    """A number, date or amount of the text: its value(s) and how it reads."""

    kind: str
    text: str
    value: float
    #: The value read the other way when the marks allow two readings ("Rp 200,000" in
    #: Indonesian text: 200 by the language's decimal comma, 200,000 as the English
    #: writer of the figure meant): either may be the fact (``readings``).
    other: float | None = None

    def readings(self) -> tuple[float, ...]:
        return (self.value,) if self.other is None else (self.value, self.other)


@dataclass(frozen=True)
class Numbers:
    """The numeric facts of a text, by value, and the months and weekdays it names."""

    mentions: tuple[Mention, ...]
    months: frozenset[int]
    #: Weekdays named, lower-cased, and as written.
    weekdays: frozenset[str]
    written: dict[str, str]
    #: Days given with their month, (day, month) -> as written: "21 April", "April 21,"
    #: "(21/4/2017)" all give (21, 4).
    days: dict[tuple[int, int], str] = field(default_factory=dict)

    def values(self) -> list[float]:
        return [v for m in self.mentions for v in m.readings()]


def tokens(text: str, suffixes: tuple[str, ...] = ()) -> list[Token]:
    """Every ``\\w+`` word of ``text``, lower-cased, with its place and capitalisation.

    ``suffixes``: the language's ``negation_suffixes``; the word that closes one ("t" of
    "didn't") is read as the first of them ("n't"), a negation like "not", whichever
    apostrophe the text uses and whether or not it stands between spaces ("didn ’ t", as
    detokenised text and some feeds write it): the same word in the article and in a
    statement that writes it the other way. Accents are dropped ("Mbappé" reads
    "mbappe"): one page writes a foreign name with them, the next without, and a
    summary written from "Calderón" that says "Calderon" names the same stadium.
    """
    found = []
    for match in _TOKEN.finditer(text):
        word = _unaccented(match.group().lower())
        for suffix in suffixes:
            if word == _last_word(suffix) and _closes(text, match.end(), suffix):
                word = suffixes[0]
                break
        written = match.group()
        acronym = len(written) >= MIN_ACRONYM_LETTERS and written.isupper()
        found.append(Token(word, match.start(), match.end(), written[:1].isupper(), acronym))
    return found


#: Fewest letters of a word in capitals read as an acronym: "A" opens a sentence.
MIN_ACRONYM_LETTERS = 2
#: Most letters of each part of an abbreviation written with dots ("U.S.", "M.Si").
MAX_DOTTED_PART = 3


def joined_initials(toks: list[Token], text: str) -> list[Token]:
    """``toks`` with each abbreviation written with dots between its parts joined into
    one word: "U.S." is "us", "M.Si" is "msi", as the text that writes them "US" and
    "MSi" has them. Parts are short capitalised words with a dot and no space between
    them; "A. Wibowo" is an initial and a name, not one word."""
    joined: list[Token] = []
    for token in toks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and token.capital
            and previous.capital
            and len(token.word) <= MAX_DOTTED_PART
            and (len(previous.word) <= MAX_DOTTED_PART or previous.acronym)
            and text[previous.end:token.start] == "."
        ):
            joined[-1] = Token(
                previous.word + token.word, previous.start, token.end, True, True
            )
            continue
        joined.append(token)
    return joined


def _unaccented(word: str) -> str:
    """``word`` without its combining marks ("mbappé" -> "mbappe"); ASCII as it is."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


#: An apostrophe between the two spaces a detokeniser may leave round it ("didn ’ t");
#: a space on one side only is a quotation mark or a Dutch name ("in 't Veld").
_SPACED_APOSTROPHE = re.compile(r"\s([’'])\s")
#: Characters read before a suffix's end: the suffix and a space on each side of its
#: apostrophe.
_APOSTROPHE_SPACES = 2


def _closes(text: str, end: int, suffix: str) -> bool:
    """Does ``text`` up to ``end`` close with ``suffix``, spaces round its apostrophe aside?"""
    window = text[max(0, end - len(suffix) - _APOSTROPHE_SPACES):end].lower()
    return _SPACED_APOSTROPHE.sub(r"\1", window).endswith(suffix)


@lru_cache(maxsize=64)
def _last_word(suffix: str) -> str:
    """The word token that closes ``suffix`` ("t" of "n't"): only such a token can."""
    words = _TOKEN.findall(suffix.lower())
    return words[-1] if words else ""


def numbers(text: str, data: LanguageData) -> Numbers:
    """Numbers, dates and amounts of ``text``, read with the language's conventions."""
    rules = _rules(data)
    mentions: list[Mention] = []
    months: set[int] = set()
    weekdays: dict[str, str] = {}
    for match in _NUMBER.finditer(text):
        value = _parse(match.group(), data.decimal_mark)
        if value is None:
            continue
        other = _other_reading(match.group(), data.decimal_mark)
        after = text[match.end():match.end() + 24]
        before = text[max(0, match.start() - 16):match.start()]
        scale_match = re.match(r"\s?([^\W\d_]+)", after)
        following = scale_match.group(1).lower() if scale_match else ""
        kind = "number"
        if following in rules.scales:
            value *= rules.scales[following]
            other = None if other is None else other * rules.scales[following]
            kind = "amount"
        slash_date = _slash_date(text, match.start(), match.end())
        if slash_date is not None:
            kind = "date"
            position = slash_date.index(match.start())
            if position == rules.month_position:
                months.add(int(value))
        elif _next_to(before, after, rules.months_pattern):
            kind = "date"
        elif _next_to(before, after, rules.amounts_pattern) or following in data.amount_words:
            kind = "amount"
        elif value.is_integer() and int(value) in YEARS and "," not in match.group():
            kind = "date"
        written = _as_written(text, match, kind, following, rules)
        mentions.append(Mention(kind, written, value, other if kind != "date" else None))
    words = tokens(text)
    mentions.extend(_written_numbers(text, words, rules))
    for token in words:
        if token.word in rules.number_words:
            continue  # read with its neighbours, just above
        if token.word in rules.month_numbers and (
            token.capital or _near_number(text, token.start, token.end)
        ):
            months.add(rules.month_numbers[token.word])
            # "8 September 2017" and "8/9/2017" say the same: the month is a number too.
            mentions.append(
                Mention("date", text[token.start:token.end], float(rules.month_numbers[token.word]))
            )
        elif token.word in data.weekdays:
            weekdays[token.word] = text[token.start:token.end]
    days = _days(text, words, rules)
    return Numbers(tuple(mentions), frozenset(months), frozenset(weekdays), weekdays, days)


#: A date in figures with its day and month: "21/4", "(5/11/2015)".
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/])")
#: A day right before a month's name ("21 April") or right after it ("April 21, 2015").
_DAY_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})\s$")
_DAY_AFTER = re.compile(r"\s(\d{1,2})(?![\d.,]?\d)")
#: Days of a month.
DAYS = range(1, 32)


def _days(text: str, words: list[Token], rules: _Rules) -> dict[tuple[int, int], str]:
    """Every (day, month) of ``text``, in figures ("21/4") or with the month's name."""
    found: dict[tuple[int, int], str] = {}
    day_first = rules.month_position == 1
    for match in _DAY_MONTH.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        day, month = (first, second) if day_first else (second, first)
        if day in DAYS and month in rules.month_numbers.values():
            found.setdefault((day, month), match.group())
    for token in words:
        named = rules.month_numbers.get(token.word)
        if named is None or not token.capital:
            continue
        before = _DAY_BEFORE.search(text[max(0, token.start - 3):token.start])
        after = _DAY_AFTER.match(text, token.end)
        if before is not None and int(before.group(1)) in DAYS:
            start = token.start - len(before.group())
            found.setdefault((int(before.group(1)), named), text[start:token.end])
        elif after is not None and int(after.group(1)) in DAYS:
            found.setdefault((int(after.group(1)), named), text[token.start:after.end()])
    return found


#: What may stand between two words of one number written out: "twenty-one", "dua puluh".
_NUMBER_JOINS = frozenset({" ", "-", "\u2011", "\u2010"})


def _written_numbers(text: str, words: list[Token], rules: _Rules) -> list[Mention]:
    """Numbers written in words, each read whole: "Twenty-one" is 21 and "dua puluh satu"
    21, not 20 and 1 (a statement saying 21 had been "unsupported" against an article
    saying "Twenty-one", and one saying 40 "supported" by its "Forty-five").

    A run is number words and scale words ("puluh", "hundred", "ribu") joined by a space or
    a hyphen, opened by a number word. A scale under 1,000 multiplies the number just
    before it ("dua ratus lima puluh": 2 x 100 + 5 x 10), one from 1,000 up everything
    before it ("tiga ratus ribu"); a number word goes on a run only after a round number
    bigger than it ("seratus dua", "twenty one", not "one two", which are two numbers).
    """
    found: list[Mention] = []
    run_start = run_end = -1
    total = current = last = 0.0

    def close() -> None:
        if run_start >= 0:
            found.append(Mention("number", text[run_start:run_end], total + current))

    for token in words:
        value = rules.number_words.get(token.word)
        scale = rules.scales.get(token.word) if value is None else None
        joined = run_start >= 0 and text[run_end:token.start] in _NUMBER_JOINS
        goes_on = joined and (
            scale is not None
            or (value is not None and value.is_integer() and last > value and last % 10 == 0)
        )
        if not goes_on:
            close()
            run_start = -1
            if value is None:
                continue
            run_start, total, current, last = token.start, 0.0, 0.0, 0.0
        if value is not None and value >= 1000:  # "seribu", "sejuta": a scale with its one
            total, current, last = total + current + value, 0.0, value
        elif value is not None:
            current, last = current + value, value
        elif scale is not None and scale >= 1000:
            total, current, last = total + (current or 1) * scale, 0.0, scale
        elif scale is not None:
            current, last = current - last + (last or 1) * scale, (last or 1) * scale
        run_end = token.end
    close()
    return found


def matches(value: float, known: list[float]) -> bool:
    """Does ``value`` (from a statement) equal or round one of the article's ``known``?

    Whole numbers must be equal; a number with a fraction or a scale ("1.5 million") may
    round the article's ("1,523,000"), to the precision it is written with.
    """
    if value.is_integer() and abs(value) < 1e5:
        return value in known
    tolerance = _rounding(value)
    return any(abs(value - k) <= tolerance for k in known)


def quotations(text: str) -> list[tuple[int, int, str]]:
    """Quoted passages of at least ``MIN_QUOTE_WORDS`` words: (start, end, quoted text)."""
    found = []
    for match in _QUOTED.finditer(text):
        group = "a" if match.group("a") is not None else "b"
        quoted = match.group(group)
        if len(_TOKEN.findall(quoted)) >= MIN_QUOTE_WORDS:
            found.append((match.start(group), match.end(group), quoted))
    return found


def is_negation(word: str, data: LanguageData) -> bool:
    """Is ``word`` (a token of ``tokens``) one that denies?"""
    return word in data.negations or word in data.negation_suffixes


def denies_at(words: list[str], position: int, data: LanguageData) -> bool:
    """Does the word at ``position`` deny? Not before a number: "No 1", "No. 5" abbreviate
    "number"."""
    following = words[position + 1] if position + 1 < len(words) else ""
    return is_negation(words[position], data) and not following[:1].isdigit()


def negated(words: list[str], data: LanguageData) -> bool:
    """Do the ``words`` (tokens of ``tokens``) hold one that denies?"""
    return any(denies_at(words, i, data) for i in range(len(words)))


@dataclass(frozen=True)
class _Rules:
    scales: dict[str, float]
    amount_words: frozenset[str]
    number_words: dict[str, float]
    month_numbers: dict[str, int]
    month_position: int
    months_pattern: re.Pattern[str] | None
    amounts_pattern: re.Pattern[str] | None


@lru_cache(maxsize=16)
def _rules(data: LanguageData) -> _Rules:
    """The language's fact rules as lookups and patterns, built once per language."""
    month_names = "|".join(sorted((re.escape(m) for m, _ in data.months), key=len, reverse=True))
    amount_words = sorted(data.amount_words, key=len, reverse=True)
    amounts = "|".join(re.escape(w) for w in amount_words)
    return _Rules(
        # Floats, as the data is typed ("dua" is written 2 there).
        scales={word: float(value) for word, value in data.scale_words},
        amount_words=data.amount_words,
        number_words={word: float(value) for word, value in data.number_words},
        month_numbers=dict(data.months),
        month_position=data.numeric_date_order.index("m"),
        months_pattern=re.compile(rf"(?<!\w)(?:{month_names})(?!\w)", re.I) if month_names
        else None,
        amounts_pattern=re.compile(rf"(?<!\w)(?:{amounts})(?!\w)|[$€£#%]", re.I) if amounts
        else None,
    )


def _parse(raw: str, decimal_mark: str) -> float | None:
    """The value of a number as written in a language with ``decimal_mark``: the other
    mark separates thousands ("1.500.000" and "1,5" in Indonesian, "1,000" and "1.5" in
    English), unless a group of other than three digits follows it, when it can only be
    a decimal mark ("94.5%" in Indonesian text is 94.5, not 945)."""
    other = "." if decimal_mark == "," else ","
    if decimal_mark not in raw and raw.count(other) == 1 and len(raw.partition(other)[2]) != 3:
        decimal_mark, other = other, decimal_mark
    digits = raw.replace(other, "")
    whole, mark, fraction = digits.rpartition(decimal_mark)
    try:
        if mark:
            return float(whole.replace(decimal_mark, "") + "." + fraction)
        return float(digits)
    except ValueError:
        return None


def _other_reading(raw: str, decimal_mark: str) -> float | None:
    """The value of ``raw`` read with the other language's marks, when that reading is
    possible too: one decimal mark followed by exactly three digits ("200,000" in
    Indonesian, "200.000" in English) also reads as thousands. Otherwise None."""
    if raw.count(decimal_mark) != 1 or len(raw.partition(decimal_mark)[2]) != 3:
        return None
    other = "." if decimal_mark == "," else ","
    return _parse(raw, other) if other not in raw else None


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit of ``value`` as written (1.5e6: 5e4)."""
    if value == 0:
        return 0.0
    mantissa, _, power = f"{abs(value):.5e}".partition("e")
    significant = len(mantissa.replace(".", "").rstrip("0")) or 1
    return 0.5 * 10.0 ** (int(power) - significant + 1)


def _slash_date(text: str, start: int, end: int) -> list[int] | None:
    """The starts of the parts of "8/9/2017" or "8/9" holding this number, if it is one."""
    left = start
    while left >= 2 and text[left - 1] == "/" and text[left - 2].isdigit():
        left -= 2
        while left > 0 and text[left - 1].isdigit():
            left -= 1
    match = re.match(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])", text[left:left + 12])
    if match is None or left + match.end() < end:
        return None
    return [left + m.start() for m in re.finditer(r"\d+", match.group())]


def _next_to(before: str, after: str, pattern: re.Pattern[str] | None) -> bool:
    """Is a word of ``pattern`` right before or right after the number?"""
    if pattern is None:
        return False
    tail = re.search(r"(\S+)\s?$", before)
    head = re.match(r"\s?(\S+)", after)
    return any(
        part is not None and pattern.search(part.group(1)) is not None for part in (tail, head)
    )


def _as_written(
    text: str, match: re.Match[str], kind: str, following: str, rules: _Rules
) -> str:
    """An amount as a reader would quote it: "Rp 5 triliun", "$5,000", "£200m"."""
    if kind != "amount":
        return match.group()
    start, end = match.start(), match.end()
    before = re.search(r"(\S+)\s?$", text[max(0, start - 16):start])
    if before is not None and rules.amounts_pattern is not None and (
        rules.amounts_pattern.fullmatch(before.group(1))
    ):
        start -= len(before.group(0))
    after = re.match(r"\s?[^\W\d_]+|\s?%", text[end:end + 24])
    if after is not None and (after.group().strip().lower() in rules.scales or "%" in
                              after.group() or following in rules.amount_words):
        end += after.end()
    return text[start:end].strip()


def _near_number(text: str, start: int, end: int) -> bool:
    """A month word stands next to a day or a year ("8 May", "May 2017", "mei 2017")."""
    return bool(
        re.search(r"\d[\s,.]{0,2}$", text[max(0, start - 4):start])
        or re.match(r"[\s,.]{1,2}\d", text[end:end + 4])
    )
