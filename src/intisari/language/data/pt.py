"""Portuguese: the generic rules with Portuguese words for the box and for leaning back.

No Portuguese summaries to tune on, so Portuguese is read with the rules every language
gets (``generic``) and flagged as not fully supported. These words put the box's own
words in Portuguese and keep a sentence that leans on the one before it ("Com isso,
...", "Além disso, ...", "Porém, ...": ``dangling_openers``) out of a box that does not
show that sentence, as the Spanish and French words do for those languages.
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import generic

__all__ = ["DATA"]

#: Before one of these a period goes on: titles before a name ("Sr. Silva", "Dra.
#: Souza") and short forms inside a sentence ("aprox. 30", "nº. 5").
ABBREVIATIONS = frozenset("sr sra srta dr dra prof profa av pág núm aprox etc".split())

MONTHS: tuple[tuple[str, int], ...] = (
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("abril", 4), ("maio", 5),
    ("junho", 6), ("julho", 7), ("agosto", 8), ("setembro", 9), ("outubro", 10),
    ("novembro", 11), ("dezembro", 12),
)
WEEKDAYS = frozenset(
    """
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo
    segunda terça quarta quinta sexta
    """.split()
)

#: Function words: centrality, overlap with the lead and the headline's words are read
#: without them.
STOPWORDS = frozenset(
    """
    o a os as um uma uns umas de do da dos das no na nos nas ao aos à às pelo pela pelos
    pelas e ou mas nem que quem qual quais cujo onde quando como se não mais menos muito
    já também ainda é são era eram foi foram ser sido está estão estava estar tem têm
    tinha ter há seu sua seus suas meu minha este esta estes estas esse essa esses essas
    aquele aquela isso isto em por para com sem sobre entre desde até após contra durante
    segundo ele ela eles elas eu nós você vocês lhe lhes me te nos todo toda todos todas
    outro outra outros outras mesmo mesma
    """.split()
)

#: Opening a sentence, they point back to what the one before said: connectives
#: ("Porém", "Além disso", "Com isso", "No entanto") and demonstratives ("Essa medida",
#: "Isso") and the personal pronouns. A demonstrative that names a time ("Nesta
#: terça-feira, ...") is no opener here: "nesta" is not among them.
DANGLING_OPENERS = frozenset(
    """
    porém contudo todavia entretanto mas também assim então ainda isso isto este esta
    estes estas esse essa esses essas aquele aquela ele ela eles elas
    """.split()
) | frozenset({"além disso", "com isso", "no entanto", "por isso", "desse modo",
               "dessa forma", "por outro lado", "de fato", "por sua vez"})
#: The personal pronouns among them: a sentence opening with one may follow any
#: takeaway that names someone.
PERSON_PRONOUNS = frozenset({"ele", "ela", "eles", "elas"})
#: Verbs of saying that attribute a quotation ("...", disse o ministro).
SPEECH_VERBS = frozenset(
    "disse diz afirmou explicou acrescentou declarou ressaltou destacou garantiu".split()
)
#: "Leia também: ...", "Leia mais: ...", "Veja também ...": a link to another story.
NOISE_LINES = (
    *generic.DATA.noise_lines,
    ("related-link", r"(?:leia|veja|saiba) (?:também|mais)\b.*"),
)

DATA = replace(
    generic.DATA,
    code="pt",
    name="Portuguese",
    words_language="",  # the box's words are Portuguese, not the generic rules' English
    heading="Pontos principais",
    notice=(
        "Estes pontos principais foram gerados por IA e podem conter erros. "
        "Informe o que parecer errado para nos ajudar a melhorá-los."
    ),
    report_label="Informar um erro",
    checked_notice="Gerado por IA, revisado pela redação.",
    checked_label="Conferido com o artigo",
    abbreviations=ABBREVIATIONS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    person_pronouns=PERSON_PRONOUNS,
    writer_pronouns=frozenset({"eu", "nós", "meu", "minha", "nosso", "nossa", "nossos",
                               "nossas"}),
    speech_verbs=SPEECH_VERBS,
    noise_lines=NOISE_LINES,
    months=MONTHS,
    weekdays=WEEKDAYS,
    decimal_mark=",",
    numeric_date_order="dmy",
)
