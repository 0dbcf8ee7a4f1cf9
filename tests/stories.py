"""Real articles' sentences that tests of more than one unit read."""

from __future__ import annotations

#: slate.com (a shared page): John M. Ford is first named in a sentence that leans back
#: ("The book was called ..."), then by surname alone ("Ford had won ..."), then
#: introduced in full below ("John Milo Ford was born ..."). The first two sentences are
#: one paragraph (``FORD_PARAGRAPHS``).
FORD_SENTENCES = [
    "Three years ago, over breakfast, my friend Helen handed me a novel about a quest.",
    "The book was called The Dragon Waiting, and it was written by the late science "
    "fiction and fantasy author John M. Ford.",
    "Ford had won the Philip K. Dick Award and multiple World Fantasy Awards.",
    "John Milo Ford was born the first child of two pharmacists in East Chicago, "
    "Indiana, in 1957.",
    "In his final years, Ford toiled away at a colossal work, over 140,000 words long, "
    "titled Aspects.",
]
FORD_PARAGRAPHS = [" ".join(FORD_SENTENCES[:2]), *FORD_SENTENCES[2:]]
