"""Malay (Bahasa Melayu): read with Indonesian rules, flagged as not fully supported."""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import id as indonesian

__all__ = ["DATA"]

MARKER_WORDS = frozenset(
    # Malay forms where Indonesian news uses another word (kerana/karena, boleh/bisa, ...).
    """
    kerana boleh selepas sahaja wang kerajaan pejabat berkata kuala lumpur negeri ringgit
    malaysia manakala iaitu semasa kenyataan kewangan bahawa
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
