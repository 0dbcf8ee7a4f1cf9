"""The learned sentence scorer: a small neural network over ``features``, run with numpy.

It is trained by ``intisari train`` (scikit-learn, fixed seed) on greedy-oracle labels
made from the human summaries of the tune files, and shipped as plain JSON (weights and
feature scaling, no pickle: a model file is data, never code). One network per supported
language, plus ``default`` (trained on both) for every other language. Scoring an
article is two small matrix products on top of the features.

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
from intisari.ranking.features import FEATURE_NAMES, document_features
from intisari.ranking.network import Network
from intisari.ranking.size import SIZER_FEATURE_NAMES, BoxSizer
from intisari.ranking.word_rates import WordRates

__all__ = ["MODEL_FORMAT", "MODEL_PATH", "LearnedRanker", "load_model"]

#: Version of the model file layout; a file of another layout is refused with a message.
#: 2: word rates and box sizers added.
MODEL_FORMAT = "intisari-ranker/2"
#: The model shipped in the package (reproduced by ``intisari train``).
MODEL_PATH = Path(str(resources.files("intisari.ranking").joinpath("model.json")))
#: Model used for a language that has no network of its own.
FALLBACK = "default"


class LearnedRanker:
    """Scores sentences with the network of the document's language."""

    def __init__(
        self,
        networks: dict[str, Network],
        name: str,
        sizers: dict[str, Network] | None = None,
        word_rates: dict[str, WordRates] | None = None,
    ) -> None:
        if FALLBACK not in networks:
            raise ValueError(f"a ranker model needs a {FALLBACK!r} network")
        self.networks = networks
        #: Box-sizer networks by language code; a language without one uses word budgets.
        self.sizers = sizers or {}
        #: Word-rate tables by language code; a language without one gets 0 columns.
        self.word_rates = word_rates or {}
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
        return network(document_features(document, rates)).tolist()

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
    ):
        raise ValueError(f"{path} was trained on other features; retrain with `intisari train`")
    networks = {code: Network.from_json(net) for code, net in data["networks"].items()}
    sizers = {code: Network.from_json(net) for code, net in data["sizers"].items()}
    rates = {code: WordRates.from_json(table) for code, table in data["word_rates"].items()}
    return LearnedRanker(networks, name=data["name"], sizers=sizers, word_rates=rates)
