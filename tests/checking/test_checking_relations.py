"""Two names are related only within one clause (``reasons._relations``).

Each statement is a real summary sentence (indosum.tune's reference, a SummEval summary
its three experts called consistent) and the article beside it the article's own
sentences. Items of a list and a venue are no relation between names; each case has a
twin with two of the names really swapped round a verb, which must still be named, so a
test cannot pass by never naming a relation.
"""

from __future__ import annotations

import pytest

from intisari.checking.align import ArticleIndex
from intisari.checking.check import statement_units
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

#: (language, article, statement listing names or a venue, statement swapping two names)
CASES = [
    # indosum.tune: the reference lists PSG's scorers; the article gives each goal its
    # own sentence, so "Cavani … Meunier" had been a relation the article never states.
    ("id",
     "Setelah pekan lalu diimbangi Montpellier tanpa gol gara-gara Neymar absen, kali ini "
     "dengan kehadiran sang superstar, Les Parisiens berhasil menggulung Bordeuax 6-2. "
     "Adalah sang megabintang Neymar yang membuka keunggulan bagi tuan rumah sebelum "
     "Cavani menggandakannya di menit ke-12. Kali ini, Neymar yang memberikan servis "
     "matang pada Cavani. Memasuki menit ke-21, keunggulan PSG kembali bertambah saat "
     "Yuri mengkreasikan serangan untuk memudahkan Thomas Meunier mengepak gol ketiga "
     "bagi PSG. Penalti Neymar di menit ke-40 membuat skor jadi 4-1 sebelum Juilan "
     "Draxler yang berkolaborasi dengan Mbappe, menutup babak pertama dengan keunggulan "
     "5-1. Selepas interval, giliran Mbappe yang unjuk gigi.",
     "Enam gol PSG terbagi rata untuk Neymar (5), Cavani (12), Meunier (21), Neymar "
     "(pen, 40) Draxler (45) dan Mbappé (58).",
     "Bordeuax berhasil menggulung Les Parisiens 6-2."),
    # SummEval: the article names the venue in a sentence of its own ("At St Mary's
    # Stadium, Mohamed Diame returned ..."), so "Hull … St Mary" had been a relation.
    ("en",
     "Steve Bruce is adamant he can keep Hull City in the Barclays Premier League after a "
     "2-0 defeat by Southampton left them battling to stay up. Hull were the better side "
     "against Southampton for the first 45 minutes. Hull were beaten 2-0 by Southampton "
     "on Saturday and are just two points clear of the drop zone. 'We've got our reasons "
     "for it, we've still got enough to keep us out of trouble I hope.' Bruce was "
     "targeting 10 wins to survive. Ronald Koeman's side moved to fifth in the table ahead "
     "of Tottenham, who lost to Aston Villa. At St Mary's Stadium, Mohamed Diame returned "
     "from five months out and James Chester from three.",
     "Hull were beaten 2-0 by Southampton at St Mary's Stadium on Saturday.",
     "Aston Villa lost to Tottenham."),
]


def _relations(lang: str, article: str, statement: str) -> list[str]:
    """The relation reasons found, shown or not: a statement labelled supported shows
    none, yet its reasons are features of the score."""
    document = read_article(
        text=article, html=None, url=None, title=None, lang=lang, options=DEFAULT_OPTIONS
    ).document
    units = statement_units(ArticleIndex.build(document), statement)
    return [r.text for u in units for r in u.finding.reasons if r.kind == "relation"]


@pytest.mark.parametrize(("lang", "article", "listed", "swapped"), CASES)
def test_names_in_a_list_or_a_venue_are_no_relation_but_a_swap_is(
    lang: str, article: str, listed: str, swapped: str
) -> None:
    assert _relations(lang, article, listed) == []
    assert _relations(lang, article, swapped)
