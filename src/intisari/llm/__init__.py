"""Short bullets from any OpenAI-compatible LLM, each checked against the article.

``config`` says where the server is, ``client`` asks it (deadline, retries, circuit
breaker), ``box`` turns its answer into a box where every LLM bullet passed the checker
and the rest is extracted, ``stats`` counts what happened for the service's metrics.
This package is engine: it imports nothing from storage, web, batch or evaluation.
"""

from intisari.llm.config import LlmConfig

__all__ = ["LlmConfig"]
