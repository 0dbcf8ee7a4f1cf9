"""The learned sentence scorer: a small neural network over ``features``, run with numpy.

It is trained by ``intisari train`` (scikit-learn, fixed seed) on greedy-oracle labels
made from the human summaries of the tune files, and shipped as plain JSON (weights and
feature scaling, no pickle: a model file is data, never code). One network per supported
language, plus ``default`` (trained on both) for every other language. Scoring an
article is two small matrix products on top of the features. A language whose own
summaries are one outlet's (``LanguageData.general_ranker_share``) takes part of each
score from ``default``, so that its box is not that outlet's habits alone.

An opinion piece or a first-person story, where the writer speaks in many sentences
(``OPINION_SHARE``), keeps its point out of its opening anecdote, and a language whose
data says so (``LanguageData.opinion_pieces``) has a second network for such articles,
which also reads where the writer speaks (``features.VOICE_FEATURE_NAMES``). It is
trained on the same articles as the first; every other article is scored by the first,
as if the second did not exist.

The same file carries each language's word rates (``word_rates``), which the features
read, and the box sizers (``size``) of the languages that have one: they are trained on
this ranker's scores, so they travel with it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from intisari.document import Document
from intisari.ranking.features import (
    FEATURE_NAMES,
    VOICE_FEATURE_NAMES,
    WORD_RATE_COLUMNS,
    document_features,
)
from intisari.ranking.network import Network
from intisari.ranking.size import SIZER_FEATURE_NAMES, BoxSizer
from intisari.ranking.word_rates import WordRates

__all__ = ["MODEL_FORMAT", "MODEL_PATH", "LearnedRanker", "load_model"]

#: Version of the model file layout; a file of another layout is refused with a message.
#: 2: word rates and box sizers added; 3: opinion networks.
MODEL_FORMAT = "intisari-ranker/3"
#: The model shipped in the package (reproduced by ``intisari train``).
MODEL_PATH = Path(str(resources.files("intisari.ranking").joinpath("model.json")))
#: Model used for a language that has no network of its own.
FALLBACK = "default"
#: Share of an article's sentences in the writer's voice from which its opinion network
#: scores it. In cnn.tune's 54 articles at or above it the oracle's sentences sit at a
#: median 0.41-0.48 of the way through and 18-21% of them among the first three; in the
#: 368 under 0.05, at 0.18 and 37%. A blind reader preferred the opinion network's box in
#: 16 of the 33 that changed, the old in 10; their ROUGE-1 moves with the folds.
OPINION_SHARE = 0.15


class LearnedRanker:
    """Scores sentences with the network of the document's language, or with its opinion
    network when the writer speaks in ``OPINION_SHARE`` of the sentences."""

    def __init__(
        self,
        networks: dict[str, Network],
        name: str,
        sizers: dict[str, Network] | None = None,
        word_rates: dict[str, WordRates] | None = None,
        opinions: dict[str, Network] | None = None,
    ) -> None:
        if FALLBACK not in networks:
            raise ValueError(f"a ranker model needs a {FALLBACK!r} network")
        self.networks = networks
        #: Box-sizer networks by language code; a language without one uses word budgets.
        self.sizers = sizers or {}
        #: Word-rate tables by language code; a language without one gets 0 columns.
        self.word_rates = word_rates or {}
        #: Opinion networks by language code (``OPINION_SHARE``).
        self.opinions = opinions or {}
        #: Reported in ``engine.method``: names the model so results can be traced to it.
        self.name = name

    def score(self, document: Document) -> list[float]:
        if not document.sentences:
            return []
        code = document.language.code
        if code in self.networks:
            network, rates = self.networks[code], self.word_rates.get(code)
        else:
            network, rates = self.networks[FALLBACK], None
        opinion = self.opinions.get(code)
        features = document_features(document, rates, voice=opinion is not None)
        if opinion is not None and features[0, -1] >= OPINION_SHARE:
            scores = opinion(features)
        else:
            scores = network(features[:, : len(FEATURE_NAMES)])
        share = document.language.data.general_ranker_share
        if share and network is not self.networks[FALLBACK]:
            # The general network read the word-rate columns at 0 when it was trained.
            general = features[:, : len(FEATURE_NAMES)].copy()
            general[:, WORD_RATE_COLUMNS] = 0.0
            scores = (1.0 - share) * scores + share * self.networks[FALLBACK](general)
        return scores.tolist()

    def sizer_for(self, language: str) -> BoxSizer | None:
        """The box sizer trained on this ranker's scores for ``language``, if any."""
        network = self.sizers.get(language)
        return BoxSizer(network) if network is not None else None


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> LearnedRanker:
    """Read a model file; one load per process (the file never changes while running)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"cannot read ranker model {path}: {error}") from error
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a {MODEL_FORMAT} model file")
    if (
        tuple(data.get("features", ())) != FEATURE_NAMES
        or tuple(data.get("sizer_features", ())) != SIZER_FEATURE_NAMES
        or tuple(data.get("opinion_features", ())) != VOICE_FEATURE_NAMES
    ):
        raise ValueError(f"{path} was trained on other features; retrain with `intisari train`")
    networks = {code: Network.from_json(net) for code, net in data["networks"].items()}
    sizers = {code: Network.from_json(net) for code, net in data["sizers"].items()}
    rates = {code: WordRates.from_json(table) for code, table in data["word_rates"].items()}
    opinions = {code: Network.from_json(net) for code, net in data["opinions"].items()}
    return LearnedRanker(
        networks, name=data["name"], sizers=sizers, word_rates=rates, opinions=opinions
    )
