"""Malay (Bahasa Melayu): read with Indonesian rules, flagged as not fully supported."""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import id as indonesian

__all__ = ["DATA"]

MARKER_WORDS = frozenset(
    # Malay forms where Indonesian news uses another word (kerana/karena, sahaja/saja,
    # jawatan/jabatan, mesyuarat/rapat, polis/polisi, ...). Not names of places ("Kuala
    # Lumpur", "Malaysia", "ringgit"), nor words Indonesian also writes ("boleh", "selepas",
    # "berkata") or uses in another sense ("pejabat", an official; "negeri", "kerajaan",
    # a kingdom), nor "wang", a name as often as money: 28 IndoSum stories had been read
    # as Malay.
    """
    kerana sahaja manakala iaitu kewangan bahawa jawatan mesyuarat setiausaha
    pengerusi justeru faham tentera polis syarikat dipersetujui
    """.split()
)

DATA = replace(
    indonesian.DATA,
    code="ms",
    name="Malay",
    heading="Intisari Utama",
    notice=(
        "Intisari ini dijana oleh AI dan mungkin tidak sentiasa tepat. "
        "Laporkan jika terdapat kesilapan untuk membantu kami meningkatkan kualiti."
    ),
    checked_notice="Dijana oleh AI, disemak editor.",
    marker_words=MARKER_WORDS,
    # No Malay training data: the middle-ground word budget sizes its boxes.
    learned_box_size=False,
    word_budget=40,
)
