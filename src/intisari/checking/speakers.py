"""Whose claim a statement says it is, and whether the article gives it to that person.

"Kombes Argo Yuwono menilai warga kelewatan emosional ..." holds every word of the
article's "Dia menilai warga kelewatan emosional ...", whose "Dia" is Idham, named in
"Menurut Idham, ..." right before: word shares called it supported (0.83), yet it puts
Idham's judgement in Argo's mouth (IndoSum 1502267734, a new user's report). No other rule
sees it: both names are the article's, and ``relation`` looks only at names round a verb.

A statement names its speaker with a name right before or after one of the language's
verbs of saying or judging ("Argo menilai", "said Argo": ``speech_verbs``,
``reporting_verbs``, ``opinion_verbs``) or after an attribution opener ("Menurut Idham,",
"According to Idham,": ``attribution_openers``). Its claim, the rest, is looked up in the
article's sentences that hold most of it; each such sentence's speaker is read the same
way, a pronoun ("Dia", "he", "ujarnya", "Menurut dia": ``speaker_pronouns``,
``person_pronouns``, ``attribution_suffix``) standing for the speaker named in the nearest
sentence before it that names one. When every such sentence gives the claim to someone
else, the statement gets a ``speaker`` reason.

Narrow on purpose, since a wrong flag on a right statement is the worse error: nothing is
said when the claim is not mostly in one sentence of the article, when a sentence holding
it names no speaker (the article's own fact, or a quotation attributed elsewhere), or when
the person a pronoun stands for cannot be told.

The same reading confirms the right speaker (``confirmed_speaker``): "Kapolda Metro Jaya
Idham Aziz menilai warga kelewatan emosional ..." gives "Dia menilai ..." to the Idham
that "Menurut Idham, ..." names. The word shares (``features``) then score the claim
without the speaker's name and title, which the claim's own sentence seldom holds: the
match pulled in the sentence naming his title, and the statement was only ``unclear``
(0.79) where "Idham Aziz menilai ..." was supported (0.84).
"""

from __future__ import annotations

from dataclasses import dataclass

from intisari.checking.align import ArticleIndex, align
from intisari.checking.facts import Token, tokens
from intisari.language.model import LanguageData, per_language, saying_verbs

__all__ = ["Speaker", "confirmed_speaker", "speaker_reason"]

#: Share of the claim's content words an article sentence must hold to be where the claim
#: comes from: less, and the statement says more than that sentence, whose speaker then
#: speaks for only part of it.
CLAIM_SHARE = 0.7
#: Fewest content words of a claim worth tracing to a speaker: "Argo said so" is not one.
MIN_CLAIM_WORDS = 3
#: Most words after a closing verb of saying that can still be its speaker ("kata Kabid
#: Humas Polda Metro Jaya Kombes Argo Yuwono." is nine): farther, it is what was said.
MAX_SPEAKER_WORDS = 10
#: Sentences looked back for the person a pronoun stands for: news names a speaker, then
#: gives them "Dia ..." and "..., ujarnya." for a paragraph or two.
PRONOUN_REACH = 3


@dataclass(frozen=True)
class Speaker:
    """Who a sentence gives its words to: the capitalised words naming them, lower-cased,
    and as written; or a pronoun (no words) standing for someone named before."""

    words: tuple[str, ...] = ()
    written: str = ""
    #: A name right after a stop word ("the Frenchman said", "dan Argo menilai"): an
    #: epithet or one of several subjects, whose person cannot be told.
    unknown: bool = False
    #: Where the naming stands in the tokens it was read from, ``[start, end)``: the name
    #: and title, without the verb or opener ("Kapolda Metro Jaya Idham Aziz").
    at: tuple[int, int] = (0, 0)

    @property
    def pronoun(self) -> bool:
        return not self.words


@per_language
def _verbs(data: LanguageData) -> frozenset[str]:
    return saying_verbs(data) | data.opinion_verbs


@per_language
def _openers(data: LanguageData) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(opener.split()) for opener in sorted(data.attribution_openers))


@per_language
def _pronouns(data: LanguageData) -> frozenset[str]:
    """Single words that stand for a speaker named before ("dia", "he", "menurutnya")."""
    return data.speaker_pronouns | {p for p in data.person_pronouns if " " not in p}


def speaker_reason(
    text: str, toks: list[Token], index: ArticleIndex, data: LanguageData
) -> str | None:
    """Why the statement gives its claim to the wrong person, or ``None`` when it names
    no speaker, the article gives the claim to the same one, or nothing can be told."""
    claimed = _claimed(text, toks, index, data)
    if claimed is None:
        return None
    speaker, claim = claimed
    toks_words = {t.word for t in toks}
    sources = _sources(index, claim)
    if not sources:
        return None
    others: list[Speaker] = []
    for sentence in sources:
        givers = _givers(index, sentence, speaker, data)
        if givers is None:
            return None  # this sentence's speaker is unknown, or is the statement's
        others += givers
    if any(other.words[-1] in claim or other.words[-1] in toks_words for other in others):
        return None  # the statement names them too: "X, citing Y, said ..."
    names = list(dict.fromkeys(other.written for other in others))
    return f"the article gives these words to {' or '.join(names)}, not {speaker.written}"


def confirmed_speaker(
    text: str, toks: list[Token], index: ArticleIndex, data: LanguageData
) -> tuple[int, int] | None:
    """Where among ``toks`` the statement names its speaker (``Speaker.at``), when an
    article sentence holding its claim gives the claim to that same person through a
    pronoun ("Dia menilai ...", "He said ...") and names them nowhere itself; ``None``
    when it names nobody, several people, someone else, or the article's speaker cannot
    be told, and when the claim's sentence names the speaker.

    Stricter than ``speaker_reason``'s acquittal on purpose: what is confirmed stops
    counting against the statement, so only a speaker the article positively gives the
    claim to is, never one merely not contradicted. A claim's sentence that names its
    speaker holds the naming already: leaving it out there would cut the run a copied
    sentence is ("Menanggapi kabar tersebut, Gus Ipul mengaku terkejut." fell from 0.90
    to 0.79), and a reordered one is a rewording the naming is part of.
    """
    claimed = _claimed(text, toks, index, data)
    if claimed is None:
        return None
    speaker, claim = claimed
    if any(_gives(index, sentence, speaker, data) for sentence in _sources(index, claim)):
        return speaker.at
    return None


def _claimed(
    text: str, toks: list[Token], index: ArticleIndex, data: LanguageData
) -> tuple[Speaker, list[str]] | None:
    """The one person the statement names as its speaker, and its claim: its content
    words without the naming. ``None`` when it names nobody or several people (whose
    claim is what cannot be told), or the claim is too short to trace."""
    found = _speakers(text, toks, index.names, data)
    named = [(s, span) for s, span in found if not (s.pronoun or s.unknown)]
    if len(named) != 1:
        return None
    speaker, (first, last) = named[0]
    claim = index.content(toks[:first] + toks[last:])
    return None if len(claim) < MIN_CLAIM_WORDS else (speaker, claim)


def _gives(index: ArticleIndex, sentence: int, speaker: Speaker, data: LanguageData) -> bool:
    """Does article sentence ``sentence``, naming no one, give its words to ``speaker``
    by a pronoun whose nearest named speaker before is them?"""
    givers = [s for s, _ in _sentence_speakers(index, sentence, data)]
    if not givers or not all(s.pronoun and not s.unknown for s in givers):
        return False
    if speaker.words[-1] in index.sentence_sets[sentence]:
        return False
    before = _nearest_named(index, sentence, data)
    return any(_same(index, speaker, person) for person in before)


def _nearest_named(index: ArticleIndex, sentence: int, data: LanguageData) -> list[Speaker]:
    """The people named as speakers by the nearest sentence within ``PRONOUN_REACH``
    before ``sentence`` that names any: whom its pronoun stands for. Nobody when that
    sentence's speaker cannot be told or no sentence within reach names one."""
    for before in range(sentence - 1, max(-1, sentence - 1 - PRONOUN_REACH), -1):
        named = _named_givers(index, before, data)
        if named is None:
            return []
        if named:
            return named
    return []


def _named_givers(index: ArticleIndex, sentence: int, data: LanguageData) -> list[Speaker] | None:
    """The people ``sentence`` names as speakers (pronouns left out); ``None`` when one of
    its speakers cannot be told (an epithet, one of several subjects)."""
    givers = [s for s, _ in _sentence_speakers(index, sentence, data)]
    if any(s.unknown for s in givers):
        return None
    return [s for s in givers if not s.pronoun]


def _sources(index: ArticleIndex, claim: list[str]) -> list[int]:
    """The article's sentences holding at least ``CLAIM_SHARE`` of the claim's words."""
    alignment = align(index, claim)
    if alignment.best_share < CLAIM_SHARE:
        return []
    wanted = set(claim)
    return [
        i for i, words in enumerate(index.sentence_sets)
        if len(wanted & words) >= CLAIM_SHARE * len(wanted)
    ]


def _givers(
    index: ArticleIndex, sentence: int, speaker: Speaker, data: LanguageData
) -> list[Speaker] | None:
    """The people article sentence ``sentence`` gives its words to, when none of them is
    ``speaker``; ``None`` when one is, or when who speaks cannot be told."""
    found = [s for s, _ in _sentence_speakers(index, sentence, data)]
    if not found or speaker.words[-1] in index.sentence_sets[sentence]:
        return None  # nobody, or the statement's speaker is in it ("Dilansir The New
        # York Times, juru bicara ... Matt Kallman itu mengatakan ...")
    others = []
    for giver in found:
        if giver.unknown:
            return None
        if giver.pronoun:
            referents = _referents(index, sentence, speaker, data)
            if referents is None:
                return None
            others += referents
        elif _same(index, speaker, giver):
            return None
        else:
            others.append(giver)
    return others


def _referents(
    index: ArticleIndex, sentence: int, speaker: Speaker, data: LanguageData
) -> list[Speaker] | None:
    """Who a pronoun of ``sentence`` stands for, when it is not ``speaker``: the people
    the nearest sentence before that names a speaker gives words to. ``None`` when that
    is ``speaker``, when a sentence on the way names ``speaker`` at all (the pronoun may
    mean them), or when no sentence within ``PRONOUN_REACH`` names a speaker."""
    for before in range(sentence - 1, max(-1, sentence - 1 - PRONOUN_REACH), -1):
        named = _named_givers(index, before, data)
        if named is None or any(_same(index, speaker, s) for s in named):
            return None
        if named:
            return named
        if speaker.words[-1] in index.sentence_sets[before]:
            return None
    return None


def _same(index: ArticleIndex, one: Speaker, other: Speaker) -> bool:
    """Do two namings mean one person? Either's last word (the surname, or the one name
    a story uses: "Idham", "Argo") is in the other's full name, the longest the article
    writes ("Kapolda Metro Jaya Inspektur Jenderal Idham Aziz"), so "Idham Aziz",
    "Idham" and "Kapolda Metro Jaya" are one man, and "Argo Yuwono", who shares "Metro
    Jaya" in his title, another. Namings that share a word as written are taken for one
    too ("Ende NTT", "Ende Nusa Tenggara Timur"): a wrong flag costs more than a miss."""
    if set(one.words) & set(other.words):
        return True
    return one.words[-1] in _full_name(index, other) or other.words[-1] in _full_name(
        index, one
    )


def _full_name(index: ArticleIndex, speaker: Speaker) -> set[str]:
    """``speaker``'s words and those of every capitalised run of the article ending with
    or holding their last word."""
    last = speaker.words[-1]
    full = set(speaker.words)
    for sentence in index.where.get(last, ()):
        for run in _runs(_sentence_tokens(index, sentence), index.document.sentences[
            sentence
        ].text, index.names):
            if last in run:
                full.update(run)
    return full


def _sentence_tokens(index: ArticleIndex, sentence: int) -> list[Token]:
    data = index.document.language.data
    return tokens(index.document.sentences[sentence].text, data.negation_suffixes)


def _sentence_speakers(
    index: ArticleIndex, sentence: int, data: LanguageData
) -> list[tuple[Speaker, tuple[int, int]]]:
    text = index.document.sentences[sentence].text
    return _speakers(text, _sentence_tokens(index, sentence), index.names, data)


def _runs(toks: list[Token], text: str, names: frozenset[str]) -> list[tuple[str, ...]]:
    """Runs of capitalised words with nothing but spaces between them."""
    runs: list[list[str]] = []
    for i, token in enumerate(toks):
        if not (token.capital and token.word.isalpha()):
            continue
        if runs and i and _joined(text, toks[i - 1], token) and toks[i - 1].capital:
            runs[-1].append(token.word)
        else:
            runs.append([token.word])
    return [tuple(run) for run in runs if run[-1] in names]


def _joined(text: str, left: Token, right: Token) -> bool:
    """Is there nothing but space between two words (no comma, quote or full stop)?"""
    return not text[left.end:right.start].strip()


def _speakers(
    text: str, toks: list[Token], names: frozenset[str], data: LanguageData
) -> list[tuple[Speaker, tuple[int, int]]]:
    """Every speaker ``text`` names, with the span of tokens (name and verb or opener)
    that names them: a name or pronoun right before a verb of saying or judging, one
    right after a closing verb of saying ("kata Argo", "said Argo"), or one after an
    attribution opener ("Menurut Idham,"). The selector reads speakers its own ways, for
    other ends: ``takeaways.select._speakers`` more loosely, a speaker missed being the
    worse error there, and ``takeaways.speakers`` all a bullet shows of one."""
    verbs, pronouns, openers = _verbs(data), _pronouns(data), _openers(data)
    suffix = data.attribution_suffix
    heads = tuple(opener[0] for opener in openers)
    found: list[tuple[Speaker, tuple[int, int]]] = []
    for v, token in enumerate(toks):
        word = token.word
        if word in pronouns and word.startswith(heads):
            found.append((Speaker(), (v, v + 1)))  # "menurutnya"
            continue
        opener = next(
            (o for o in openers if tuple(t.word for t in toks[v:v + len(o)]) == o), None
        )
        if opener is not None:  # "according" is a verb of saying too: read once
            after = _after(text, toks, v + len(opener), names, data, pronouns)
            if after is not None:
                speaker, end = after
                found.append((speaker, (v, end)))
            continue
        if word not in verbs:
            continue
        if suffix and word.endswith(suffix) and word in data.speech_verbs:
            found.append((Speaker(), (v, v + 1)))  # "ujarnya"
            continue
        before = _before(text, toks, v, names, data, pronouns)
        if before is not None:
            speaker, start = before
            found.append((speaker, (start, v + 1)))
        elif word in data.speech_verbs:
            after = _after(text, toks, v + 1, names, data, pronouns)
            if after is not None:
                speaker, end = after
                found.append((speaker, (v, end)))
    return found


def _before(
    text: str, toks: list[Token], verb: int, names: frozenset[str], data: LanguageData,
    pronouns: frozenset[str],
) -> tuple[Speaker, int] | None:
    """The name or pronoun right before the verb at ``verb``, and where it starts."""
    start = verb
    while (
        start > 0
        and _joined(text, toks[start - 1], toks[start])
        and _name_word(toks[start - 1], data)
    ):
        start -= 1
    if start < verb and toks[verb - 1].word in names and len(toks[verb - 1].word) > 1:
        if start and toks[start - 1].word in data.stopwords and _joined(
            text, toks[start - 1], toks[start]
        ):
            return Speaker(unknown=True), start
        return _speaker(text, toks[start:verb], (start, verb)), start
    if verb and toks[verb - 1].word in pronouns and _joined(text, toks[verb - 1], toks[verb]):
        return Speaker(), verb - 1
    return None


def _after(
    text: str, toks: list[Token], first: int, names: frozenset[str], data: LanguageData,
    pronouns: frozenset[str],
) -> tuple[Speaker, int] | None:
    """The speaker named from token ``first`` on, after a closing verb or an opener, and
    where the naming ends: up to a comma or full stop, where or when it was said
    (``speaker_ends``, ``place_prepositions``), ending with a name of the article.
    "said the killing of Zoya in Bekasi ..." opens what was said
    (``reported_clause_openers``), not a speaker."""
    if first >= len(toks) or toks[first].word in data.reported_clause_openers:
        return None
    if toks[first].word in pronouns:
        return Speaker(), first + 1
    stops = data.speaker_ends | data.place_prepositions
    end = first
    while (
        end < len(toks)
        and end - first < MAX_SPEAKER_WORDS
        and toks[end].word not in stops
        and (end == first or _joined(text, toks[end - 1], toks[end]))
    ):
        end += 1
    named = [t for t in toks[first:end] if _name_word(t, data)]
    if (
        not named or toks[end - 1] is not named[-1] or named[-1].word not in names
        or len(named[-1].word) < 2
    ):
        return None
    if end < len(toks) and end - first >= MAX_SPEAKER_WORDS:
        return None
    return _speaker(text, named, (first, end)), end


def _name_word(token: Token, data: LanguageData) -> bool:
    return (
        token.capital
        and token.word.isalpha()
        and token.word not in data.stopwords
        and token.word not in data.weekdays
    )


def _speaker(text: str, run: list[Token], at: tuple[int, int]) -> Speaker:
    return Speaker(tuple(t.word for t in run), text[run[0].start:run[-1].end], at=at)
