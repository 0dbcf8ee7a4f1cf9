"""German: punctuation rules with the German words that split sentences and lean back.

No German summaries to tune on, so German is read with the rules every language gets
(``generic``) and flagged as not fully supported; these words only stop the mistakes a
reader saw in the boxes of German pages (trafilatura's test pages, outside the shared
set: 13, then 70):

* "Neugierige werden aber schon ab dem 25." was a bullet: a day's number ends with a
  period before its month ("ab dem 25. Juni"), which is no sentence end
  (``ordinal_days``), and so does an ordinal after an article or a preposition ("im 15.
  Jahrhundert": ``ordinal_leads``);
* "Dadurch sollen Privatkunden ...", "Darauf hat sich die Auswahlkommission ...", "Das
  teilte die Stadt am Freitag mit.", "So lange dauert die schnellste Zugverbindung ...",
  "Auch im Werbegeschäft sieht er Potenzial." and "Wir haben recherchiert ..." lean on
  the sentence before them (``dangling_openers``, ``referring_openers``,
  ``writer_pronouns``);
* "Ein Strand, ist ein Strand, ist ein Strand." is the view the next sentence rejects
  ("Von wegen!": ``rebuttals``), and "Hier informieren wir Sie, was Sie beachten
  müssen." only announces what follows (``setup_cues``).
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import generic

__all__ = ["DATA"]

#: Before one of these a period goes on: titles before a name ("Dr. Skadi Jennicke"),
#: words before a number ("Nr. 5") and short forms inside a sentence ("z. B.", "bzw.",
#: "ca. 30", "3 Mio. Euro"). Lower case, without the final period; dotted ones
#: ("z.B.", "u.a.", "d.h.") without their inner dots, spaced ones ("z. B.", "u. a.") by
#: their first letter.
ABBREVIATIONS = frozenset(
    """
    dr prof hr fr nr st abs bzw ca vgl zb ua dh sog ggf evtl inkl bspw mio mrd tsd z u d
    """.split()
)
#: After these a number with a period is an ordinal ("im 15. Jahrhundert", "vom Balkon im
#: 4. Stock", "Im Jahr des 10. Jubiläums", "der 2. Bundesliga"): three pages outside the
#: shared set had a bullet cut there ("Das Bohnenviertel entstand als erstes Wohnquartier
#: im 15."). Articles and prepositions with an article in them.
ORDINAL_LEADS = frozenset(
    """
    im am vom zum beim der die das den dem des ab bis seit zur ins ans
    """.split()
)
#: Short forms that mostly close their sentence: a period after them ends it before a
#: capital.
FINAL_ABBREVIATIONS = frozenset({"usw", "etc"})

MONTHS: tuple[tuple[str, int], ...] = (
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("april", 4), ("mai", 5),
    ("juni", 6), ("juli", 7), ("august", 8), ("september", 9), ("oktober", 10),
    ("november", 11), ("dezember", 12),
)
WEEKDAYS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag".split()
)

#: Function words: they carry no content, so centrality, overlap with the lead and the
#: headline's words are read without them (the fallback ranker reads every language's
#: sentences through such a set).
STOPWORDS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber doch sondern
    denn weil dass ob wenn als wie so auch noch nur schon sehr mehr nicht kein keine
    keinen keiner keines ist sind war waren wird werden wurde wurden worden sein seine
    seiner seinen seinem ihr ihre ihrer ihren ihrem hat haben hatte hatten habe kann
    können konnte konnten muss müssen soll sollen sollte sollten will wollen wollte
    darf dürfen mag möchte ich du er sie es wir ihr man sich mich mir dich dir uns euch
    ihn ihm ihnen mein meine unser unsere dein euer in im an am auf aus bei mit nach
    von vom vor zu zum zur über unter um durch für gegen ohne bis seit während zwischen
    hinter neben dieser diese dieses diesem diesen jener jene jenes welche welcher
    welches alle allem allen aller alles andere anderen viele vielen wieder jetzt dann
    da dort hier nun bereits immer etwa rund sowie bzw etwas
    """.split()
)

#: Opening a sentence, they point back to what the one before said: pronominal adverbs
#: ("Dadurch", "Darauf", "Dabei"), connectives ("Allerdings", "Trotzdem", "Auch") and
#: demonstratives ("Dies", "Diese ..."). "Das" is left out: more often the article of a
#: noun ("Das Buch mit dem Titel ...") than a pronoun; ``referring_openers`` has the
#: pronoun before a verb.
DANGLING_OPENERS = frozenset(
    """
    dadurch darauf dabei damit dazu daher deshalb deswegen darum danach davor dafür
    dagegen daneben darüber darunter davon daraus dahinter dennoch trotzdem allerdings
    jedoch aber außerdem zudem ebenfalls auch somit demnach folglich stattdessen sonst
    dort so dies diese dieser dieses diesem diesen er sie
    dann denn doch also schließlich immerhin hingegen wiederum gleichzeitig zugleich
    """.split()
)
#: A contrast with the sentence before, right after the verb (``inner_connectives``):
#: "Neugierige werden aber schon ab dem 25. Juni einen ersten Blick auf das Gerät ...
#: werfen können." (computerbase.de, outside the shared set: a bullet whose launch date,
#: the sentence before, the box did not show). Not "auch": "Auch für Passagiere ..." opens
#: a sentence (``dangling_openers``), and after the verb it adds as often as it ties back.
INNER_CONNECTIVES = frozenset({"aber", "jedoch", "allerdings", "dennoch", "trotzdem"})
#: The personal pronouns among them: a sentence opening with one may follow any
#: takeaway that names someone.
PERSON_PRONOUNS = frozenset({"er", "sie"})
#: "Das" as a pronoun, before a verb: "Das teilte die Stadt am Freitag mit.", "Das ist
#: ...", "Das sagte ...", "Das besagt, dass alles in der Natur beseelt ist ..."
#: (shingon-reiki.de, outside the shared set: a reader asked "what does?").
REFERRING_OPENERS = frozenset(
    # Better or worse than what? ("Noch besser ist es, wenn ...": lady50plus.de, outside
    # the shared set; a reader's report.)
    {"noch besser", "noch schlimmer", "noch wichtiger", "noch mehr"}
) | frozenset(
    f"das {verb}"
    for verb in """
    ist war sind waren hat hatte haben wird wurde werden teilte teilten sagte sagten
    erklärte erklärten bestätigte bestätigten berichtete berichteten geht gilt zeigt
    zeigte bedeutet bedeutete kann könnte soll sollte muss besagt heißt klingt macht
    bringt passt reicht hilft stimmt kostet betrifft bleibt liegt zählt wirkt scheint
    beweist erklärt ändert sorgt führt dürfte würde wäre hätte lässt steht kommt fällt
    """.split()
)
#: A sentence rejecting the one before it: "Ein Strand, ist ein Strand, ist ein Strand.
#: Von wegen!", "An milden, sonnigen Herbsttagen gehen Menschen ... spazieren. Nicht so in
#: Brandenburg." (two pages outside the shared set, whose boxes stated the view).
REBUTTALS = (
    r"(?:von wegen|weit gefehlt|falsch|mitnichten|keineswegs|irrtum|im gegenteil)\s*[.!,:;]",
    r"nicht so\b(?! \w+ wie\b)",
)
#: The writer announcing what follows: "Hier eine ganz einfache Lösung, wie wir schwierige
#: Gespräche meistern können.", "Hier informieren wir Sie, was Sie beachten müssen.",
#: "Wir verraten, wie ihr ...", "Heut geht es um Reiki und Schamanismus.", "Welche Tops
#: und Flops das bei SportScheck sind, verrät er uns ...", "In diesem Artikel zeigen wir
#: euch, wie ..." (pages outside the shared set, readers' reports): no point of the story,
#: only the promise of one (``setup_cues``).
SETUP_CUES = (
    r"^\W*(hier|wir|im folgenden) (verraten|zeigen|erklären|informieren|erfahren|sagen)\b",
    r"^\W*hier (ein|eine|einige|die|der|das)\b[^.!?]{0,80}\b(wie|was|warum)\b",
    r"^\W*(heute?|hier|diesmal) geht es um\b",
    r"^\W*in diesem (artikel|beitrag|text|video|post)\b",
    r"^\W*(welche|was|wie|warum|wo|wer)\b[^.!?]{0,120}, (verrät|verraten|zeigt|zeigen|erklärt"
    r"|erklären|erfahrt|erfahren) (er|sie|wir|uns|euch|ihr|ihnen)\b",
)
#: A pointer to elsewhere on the page or to another page (``related_link_cues``): "Wenn
#: du das lernen magst, siehe Infos unten." (shingon-reiki.de, a page outside the shared
#: set, where it was a bullet), "Mehr dazu lesen Sie hier.", "Lesen Sie auch: ...".
#: The site asking for support ("Die einfachste Art, uns bei unserer Arbeit zu unterstützen
#: und Danke zu sagen, ist, wenn ihr über einen der folgenden Links einkauft oder eure
#: Werbeblocker ausschaltet.", mixed.de): a line of its own, or a sentence among others.
SUPPORT_PROMPT = (
    r"\buns\b.{0,40}\b(zu )?unterstützen\b.{0,60}"
    r"\b(links?|einkau\w*|werbeblocker|spende\w*|abo\w*)\b"
)
RELATED_LINK_CUES = (
    ("siehe", r"\bsiehe (infos |details |mehr |dazu )?(unten|oben)\b"),
    ("mehr", r"\bmehr (dazu|infos|informationen|details) (unten|hier|im)\b"),
    ("lesen", r"\blesen sie (auch|hier|mehr)\b"),
    ("unterstützen", SUPPORT_PROMPT),
    # The site's rule for its members: "Wie immer können die Bilder nur von Eingeloggten
    # Usern betrachtet werden." (love-hina.ch, outside the shared set, a bullet).
    (
        "eingeloggten registrierten angemeldeten",
        r"\bnur (für|von) (eingeloggten|registrierten|angemeldeten)"
        r" (usern|nutzern|benutzern|mitgliedern)\b",
    ),
)
#: A review's and a shop link's disclosures: "Vielen Dank an den Verlag für das
#: Rezensionsexemplar!", "Die folgenden Angebote sind mit Affiliate-Links versehen."
#: (pages outside the shared set, a reader's report: each was a bullet).
NOISE_LINES = (
    *generic.DATA.noise_lines,
    ("disclosure", r".{0,200}\brezensionsexemplar\w*\b.{0,100}"),
    ("disclosure", r".{0,120}\baffiliate-links?\b.{0,160}"),
    ("disclosure", r"am preis\b.{0,60}\bändert sich (dadurch )?nichts\b.{0,60}"),
    ("site-prompt", rf".{{0,80}}{SUPPORT_PROMPT}.{{0,120}}"),
)
#: Verbs of saying that attribute a quotation ('„...“, sagte er.').
SPEECH_VERBS = frozenset(
    """
    sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont
    schrieb schreibt berichtete berichtet meinte meint kündigte teilte warnte fügte
    """.split()
)

DATA = replace(
    generic.DATA,
    code="de",
    name="German",
    words_language="",  # the box's words are German, not the generic rules' English
    heading="Das Wichtigste in Kürze",
    notice=(
        "Diese Zusammenfassung wurde mit KI erstellt und kann Fehler enthalten. "
        "Melden Sie, was falsch erscheint, damit wir sie verbessern können."
    ),
    report_label="Fehler melden",
    checked_notice="Mit KI erstellt, von der Redaktion geprüft.",
    checked_label="Mit dem Artikel abgeglichen",
    abbreviations=ABBREVIATIONS,
    final_abbreviations=FINAL_ABBREVIATIONS,
    ordinal_days=True,
    ordinal_leads=ORDINAL_LEADS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    person_pronouns=PERSON_PRONOUNS,
    referring_openers=REFERRING_OPENERS,
    inner_connectives=INNER_CONNECTIVES,
    writer_pronouns=frozenset({"ich", "wir", "mein", "meine", "unser", "unsere", "uns"}),
    aside_pronouns=frozenset({"ich", "mich", "mir", "wir", "uns", "unser", "unsere"}),
    speech_verbs=SPEECH_VERBS,
    rebuttals=REBUTTALS,
    setup_cues=SETUP_CUES,
    noise_lines=NOISE_LINES,
    # "Die 31-Jährige hat ..." (jolie.de, a page outside the shared set: Adele was named
    # only in the bullet after it).
    age_openers=r"\W*(der|die|den|dem|des) \d{1,3}-jährigen?\b",
    related_link_cues=RELATED_LINK_CUES,
    setup_triggers=("hier", "wir", "folgenden", "geht es um", "diesem", ", ver", ", zeig",
                    ", erkl", ", erfahr"),
    months=MONTHS,
    weekdays=WEEKDAYS,
    decimal_mark=",",
    numeric_date_order="dmy",
)
