"""Named reasons a statement is not supported: each one a fact the article does not hold.

Each finder looks at one kind of fact and names the statement's words that fail:

* ``number``, ``date``, ``amount``: a value the article never gives (compared by value:
  "tujuh" = "7", "1,5 juta" = "1.500.000"; a rounded "1.5 million" matches 1,523,000);
* ``name``, ``place``: a capitalised word the article never has (a place after "di", "in");
* ``quotation``: a quoted passage of several words the article does not hold word for word;
* ``negation``: a denial the statement adds or drops against its evidence sentence, or a
  word swapped for its opposite ("naik" where the article says "turun");
* ``relation``: two names of the article that the statement relates in one clause and no
  sentence (or pair of neighbouring sentences) puts together, or whose order round a
  shared verb is swapped;
* ``speaker``: a claim the statement gives to someone the article does not give it to
  ("Argo menilai ..." where the article's "Dia menilai ..." is Idham: ``speakers``);
* ``content``: the statement's other words that the article nowhere has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from intisari.checking.align import Alignment, ArticleIndex
from intisari.checking.facts import (
    Token,
    denies_at,
    joined_initials,
    matches,
    negated,
    numbers,
    quotations,
    tokens,
)
from intisari.checking.models import Reason
from intisari.checking.speakers import speaker_reason
from intisari.language.model import LanguageData

__all__ = ["Finding", "find_reasons"]

#: Words looked at on each side of a negation for the word it denies.
NEGATION_REACH = 3
#: Most words between two names for their order to be a relation ("A mengalahkan B",
#: "A told B that"): farther apart, the names belong to different clauses, and a summary
#: that reorders clauses says the same (on SummEval, swaps found farther apart were in
#: consistent summaries more often than not).
SWAP_REACH = 4
#: Two names in neighbouring sentences (this many apart) still count as put together:
#: news often names the actor in one sentence and the act in the next.
RELATION_WINDOW = 1
#: Marks that end a clause or an item of a list between two names: names on either side
#: of one are related through the clause they belong to, not to each other.
CLAUSE_MARKS = frozenset(",;:()\"“”")
#: Fewest letters of what is left of a name without its clitic for it to be the word
#: the article has ("Pelatihnya": "pelatih"); shorter ones are particles ("Kenya": "ke").
MIN_ROOT_LETTERS = 4


@dataclass
class Finding:
    """Reasons found in one statement sentence, counted by kind for the scorer."""

    reasons: list[Reason]
    #: How many of them are facts the article does not hold (each halves the support and
    #: makes the statement unsupported): all but ``content`` and names merely never put
    #: together by the article, which a summary fusing two parts of a story also does.
    hard: int = 0

    def count(self, *kinds: str) -> int:
        return sum(r.kind in kinds for r in self.reasons)


def find_reasons(
    text: str, toks: list[Token], index: ArticleIndex, alignment: Alignment, data: LanguageData
) -> Finding:
    reasons: list[Reason] = []
    reported: set[str] = set()
    for kind, words in _numbers(text, index, data):
        reasons.append(Reason(kind=kind, text=words))
        reported.update(w.lower() for w in words.split())
    for kind, words in _names(toks, text, index, data, reported):
        reasons.append(Reason(kind=kind, text=words))
        reported.update(words.lower().split())
    for quote in _quotations(text, index, data):
        reasons.append(Reason(kind="quotation", text=quote))
    for words in _polarity(toks, text, index, alignment, data):
        reasons.append(Reason(kind="negation", text=words))
        reported.update(words.split())
    speaker = speaker_reason(text, toks, index, data)
    if speaker is not None:
        reasons.append(Reason(kind="speaker", text=speaker))
    hard = len(reasons)
    for words, swapped in _relations(toks, text, index, data):
        reasons.append(Reason(kind="relation", text=words))
        hard += swapped
    rest = [w for w in alignment.novel if w not in reported and not w.isdigit()]
    if rest:
        reasons.append(Reason(kind="content", text=", ".join(rest)))
    return Finding(reasons, hard)


def _numbers(text: str, index: ArticleIndex, data: LanguageData) -> list[tuple[str, str]]:
    found = numbers(text, data)
    known = index.numbers.values()
    failed = []
    for mention in found.mentions:
        if mention.text.isalpha() and mention.kind == "date":
            # A month by name is the article's only if the article names that month, in
            # words or in a date in figures: that it has the number 1 somewhere does not
            # make "Januari" its month.
            if int(mention.value) not in index.numbers.months:
                failed.append(("date", mention.text))
        elif not any(matches(value, known) for value in mention.readings()):
            failed.append((mention.kind, mention.text))
    failed += [
        ("date", found.written[day]) for day in sorted(found.weekdays - index.numbers.weekdays)
    ]
    # A day and its month are one fact: "21 April" is not the article's when the article
    # dates things in April, the 5th and the 4th, and has a 21 only elsewhere (each part
    # alone is found). A month the article gives no day of is left to the checks above.
    written = {text for _, text in failed}
    for (day, month), as_written in found.days.items():
        days = {d for d, m in index.numbers.days if m == month}
        if days and day not in days and not any(w in as_written for w in written):
            failed.append(("date", as_written))
    # One reason per written form: "0-0" is two zeros but one claim.
    return list(dict.fromkeys(failed))


def _names(
    toks: list[Token], text: str, index: ArticleIndex, data: LanguageData, reported: set[str]
) -> list[tuple[str, str]]:
    """Runs of capitalised words that the article lacks in any form it writes names in.

    The statement's first word is capitalised anyway: it counts only when the next word
    is capitalised too and follows it with a space alone ("Joe Biden ...", not
    "Diharapkan, Poso ..."), and then only with it, as one new name: alone it is a
    title before a name the article has ("Former President Bill Clinton ..."). Weekdays
    and months are dates, checked as dates (``_numbers``); a lone letter is an initial
    ("A. Wibowo").
    """
    toks = joined_initials(toks, text)
    dates = _date_words(data)
    runs: list[tuple[str, list[Token]]] = []
    for position, token in enumerate(toks):
        opening = position > 0 or (
            len(toks) > 1 and toks[1].capital and text[token.end:toks[1].start] == " "
        )
        missing = (
            token.capital
            and opening
            and token.word.isalpha()
            and len(token.word) > 1
            and token.word not in dates
            and token.word not in data.stopwords
            and token.word not in reported
            and token.word not in data.amount_words
            and not _known(token, index, data)
        )
        if not missing:
            continue
        previous = toks[position - 1] if position else None
        if runs and previous is runs[-1][1][-1]:
            runs[-1][1].append(token)
            continue
        kind = "place" if previous is not None and previous.word in data.place_prepositions \
            else "name"
        runs.append((kind, [token]))
    return [
        (kind, " ".join(t.word.capitalize() for t in run))
        for kind, run in runs
        if run != [toks[0]] and not _named_otherwise(run, index, data)
    ]


def _known(token: Token, index: ArticleIndex, data: LanguageData) -> bool:
    """Does the article hold the word, as it stands, with or without one of the
    language's ``clitics`` ("Pelatih" where the article writes "Pelatihnya"), or as the
    initials of a run of its names ("PSG" for "Paris Saint - Germain")?"""
    word = token.word
    if word in index.words or word in index.acronyms:
        return True
    if token.acronym and word in index.initials:
        return True
    for clitic in data.clitics:
        root = word[:-len(clitic)] if word.endswith(clitic) else ""
        if word + clitic in index.words or (
            # "Kenya" is no "ke" with "-nya": a root too short or a stop word is chance.
            len(root) >= MIN_ROOT_LETTERS and root not in index.stopwords
            and root in index.words
        ):
            return True
    return False


def _named_otherwise(run: list[Token], index: ArticleIndex, data: LanguageData) -> bool:
    """Does the article name what ``run`` names another way: by its acronym ("Paris
    Saint-Germain" where the article writes "PSG"), or by another of its
    ``name_aliases`` ("Jaksel" where the article writes "Jakarta Selatan")?"""
    words = [t.word for t in run]
    if len(words) > 1 and "".join(w[0] for w in words) in index.acronyms:
        return True
    aliases = _aliases(data).get(" ".join(words), ())
    return any(f" {alias} " in index.flat or alias in index.acronyms for alias in aliases)


@lru_cache(maxsize=16)
def _aliases(data: LanguageData) -> dict[str, tuple[str, ...]]:
    """Each form of ``data.name_aliases`` (as ``tokens`` reads it) -> the group's others."""
    found: dict[str, list[str]] = {}
    for group in data.name_aliases:
        forms = [" ".join(t.word for t in joined_initials(tokens(form), form)) for form in group]
        for form in forms:
            found.setdefault(form, []).extend(f for f in forms if f != form)
    return {form: tuple(others) for form, others in found.items()}


@lru_cache(maxsize=16)
def _date_words(data: LanguageData) -> frozenset[str]:
    return data.weekdays | {month for month, _ in data.months}


def _quotations(text: str, index: ArticleIndex, data: LanguageData) -> list[str]:
    missing = []
    for _, _, quoted in quotations(text):
        words = " ".join(t.word for t in tokens(quoted, data.negation_suffixes))
        if f" {words} " not in index.flat:
            missing.append(quoted.strip())
    return missing


def _polarity(
    toks: list[Token], text: str, index: ArticleIndex, alignment: Alignment, data: LanguageData
) -> list[str]:
    """Negations added or dropped against the evidence, and words swapped for opposites."""
    if not alignment.sentences:
        return []
    words = [t.word for t in toks]
    evidence = [index.sentence_words[i] for i in alignment.sentences]
    evidence_words = set().union(*(set(e) for e in evidence))
    found = []
    statement_negated = negated(words, data)
    if statement_negated:
        # A denial in the statement whose denied word the evidence states plainly.
        for position in range(len(words)):
            if not denies_at(words, position, data):
                continue
            target = _denied(words, position, index.stopwords)
            if target is None:
                continue
            forms = _forms(target, data)
            if forms & evidence_words and not any(
                _denies(sentence, forms, data) for sentence in evidence
            ):
                found.append(" ".join(words[position:words.index(target) + 1]))
    else:
        # A denial in the best sentence of a word the statement states plainly, and the
        # sentence nowhere states plainly ("... won the 2010 Club World Cup ... Having not
        # won a game since January ...": a run-on of captions says both).
        best = evidence[0]
        stated = set(words)
        for position in range(len(best)):
            if not denies_at(best, position, data):
                continue
            target = _denied(best, position, index.stopwords)
            if target is None:
                continue
            forms = _forms(target, data)
            if forms & stated and not _states(best, forms, data):
                found.append(target)
    opposites = _opposites(data)
    for word in words:
        for other in opposites.get(word, ()):
            if word not in evidence_words and other in evidence_words:
                found.append(word)
    return list(dict.fromkeys(found))


def _relations(
    toks: list[Token], text: str, index: ArticleIndex, data: LanguageData
) -> list[tuple[str, bool]]:
    """Pairs of the article's names that the statement relates and the article does not:
    ``(names, swapped)``, swapped when the article relates them the other way round.

    Two names are related only within one clause (``_apart``): items of a list ("Neymar
    (5), Cavani (12), Meunier (21)", "Dion Wiyoko dan Fiona, Tyas Mirasih dan Raiden
    Soedjono") are each related to what the list shares, not to one another, and a
    place after a preposition ("Hull were beaten by Southampton at St Mary's") is where
    the event happened, which the article may say in another sentence than who took
    part. A swap is checked whatever stands between the names. A name is the article's
    names written with nothing but space between them: "Fiona, Tyas Mirasih" is two.
    """
    entities: list[tuple[int, list[str]]] = []
    for position, token in enumerate(toks):
        if token.word not in index.names:
            continue
        last = entities[-1] if entities else None
        if last is not None and last[0] + len(last[1]) == position and not text[
            toks[position - 1].end:token.start
        ].strip():
            last[1].append(token.word)
        else:
            entities.append((position, [token.word]))
    words = [t.word for t in toks]
    places = _places(toks, text, data)
    found = []
    for a in range(len(entities)):
        for b in range(a + 1, len(entities)):
            (at, first), (bt, second) = entities[a], entities[b]
            if set(first) & set(second):
                continue
            between = words[at + len(first):bt]
            swapped = _swapped(index, first, second, between, data)
            if swapped or not (
                _apart(toks, text, (at, at + len(first) - 1, bt), places, data)
                or _together(index, first, second)
            ):
                found.append((f"{' '.join(first)} … {' '.join(second)}", swapped))
    return found


def _apart(
    toks: list[Token], text: str, pair: tuple[int, int, int], places: set[int],
    data: LanguageData,
) -> bool:
    """Do two names stand in different clauses or list items, or is one of them a place?
    ``pair``: where the first starts, where it ends (inclusive), where the second starts.
    A clause mark between them, a word that joins clauses or items (``coordinators``,
    ``relativizers``, ``subordinators``), or either among ``places``."""
    first, end, second = pair
    if any(mark in CLAUSE_MARKS for mark in text[toks[end].end:toks[second].start]):
        return True
    joins = data.coordinators | data.relativizers | data.subordinators
    if any(t.word in joins for t in toks[end + 1:second]):
        return True
    return first in places or second in places


def _places(toks: list[Token], text: str, data: LanguageData) -> set[int]:
    """Positions of the capitalised words after a place preposition ("at St Mary's
    Stadium", "di Bandara Adi Sutjipto"): the run goes on through a possessive's
    apostrophe and the letter after it."""
    found: set[int] = set()
    for position, token in enumerate(toks):
        if token.word not in data.place_prepositions:
            continue
        after = position + 1
        while after < len(toks) and (
            toks[after].capital or text[toks[after - 1].end:toks[after].start] == "'"
        ):
            if toks[after].capital:
                found.add(after)
            after += 1
    return found


def _swapped(
    index: ArticleIndex, first: list[str], second: list[str], between: list[str],
    data: LanguageData,
) -> bool:
    """Does the article put the two names round the statement's verb the other way only?

    "Marquez mengungguli Pirro" against "Pirro mengungguli Marquez": some sentence holds
    both names with a content word the statement has between them, in the reverse order,
    and none holds them round such a word in the statement's order. A passive marker
    between them ("oleh", "by") turns the order round legitimately and stops the check.
    """
    if len(between) > SWAP_REACH:
        return False
    shared = {w for w in between if w not in index.stopwords and w not in index.names}
    if not shared or any(w in data.passive_markers for w in between):
        return False
    reversed_found = False
    for sentence in set(index.where.get(first[0], ())) & set(index.where.get(second[0], ())):
        words = index.sentence_words[sentence]
        a, b = words.index(first[0]), words.index(second[0])
        middle = words[min(a, b) + 1:max(a, b)]
        if not shared & set(middle) or len(middle) > SWAP_REACH:
            continue
        if a < b:
            return False
        if not any(w in data.passive_markers for w in middle):
            reversed_found = True
    return reversed_found


def _together(index: ArticleIndex, first: list[str], second: list[str]) -> bool:
    """Does some sentence, or pair of neighbouring ones, hold a word of each name?"""
    left = {i for w in first for i in index.where.get(w, ())}
    right = {i for w in second for i in index.where.get(w, ())}
    return any(abs(i - j) <= RELATION_WINDOW for i in left for j in right)


def _forms(target: str, data: LanguageData) -> frozenset[str]:
    """``target`` and its forms with the language's verb endings: what a negation denies
    is the bare verb ("did not arrest"), what the article states is inflected
    ("arrested", "capsized"). Without them "Police did not arrest three men" was
    supported by "Police arrested three men"."""
    forms = {target}
    for ending in data.predicate_suffixes:
        forms.add(target + ending)
        if target.endswith(ending[0]):  # "capsize" + "d"
            forms.add(target + ending[1:])
    return frozenset(forms)


def _states(words: list[str], targets: frozenset[str], data: LanguageData) -> bool:
    """Does ``words`` hold one of ``targets`` with no negation within reach before it?"""
    return any(
        word in targets
        and not any(denies_at(words, i, data) for i in range(max(0, at - NEGATION_REACH), at))
        for at, word in enumerate(words)
    )


def _denied(words: list[str], position: int, stopwords: frozenset[str]) -> str | None:
    """The first content word after the negation at ``position``, within reach."""
    for word in words[position + 1:position + 1 + NEGATION_REACH]:
        if word not in stopwords and len(word) > 1:
            return word
    return None


def _denies(words: list[str], targets: frozenset[str], data: LanguageData) -> bool:
    """Does ``words`` deny one of ``targets`` (a negation within reach before it)?"""
    for position, word in enumerate(words):
        if word in targets:
            reach = range(max(0, position - NEGATION_REACH), position)
            if any(denies_at(words, i, data) for i in reach):
                return True
    return False


@lru_cache(maxsize=16)
def _opposites(data: LanguageData) -> dict[str, tuple[str, ...]]:
    pairs: dict[str, list[str]] = {}
    for a, b in data.antonyms:
        pairs.setdefault(a, []).append(b)
        pairs.setdefault(b, []).append(a)
    return {word: tuple(others) for word, others in pairs.items()}
