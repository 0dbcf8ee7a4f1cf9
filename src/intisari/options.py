"""One options object that travels through every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from intisari.llm.config import LlmConfig

__all__ = ["DEFAULT_OPTIONS", "METHODS", "Options"]

#: How the box is written: ``extract`` cuts it from the article (the default: nothing
#: invented); ``llm`` asks an LLM for short bullets and keeps only those the checker
#: finds supported, filling the rest by extraction (README, "Short bullets from an LLM").
METHODS = ("extract", "llm")


@dataclass(frozen=True)
class Options:
    """How an article is read and summarized. Defaults suit a public news service."""

    #: Takeaways wanted (1-5). ``None`` sizes the box to the article: it grows in rank order
    #: to about the length of a human summary in that language (3 bullets for a typical
    #: Indonesian story, 1-3 for English), which cross-validated ~2.5 ROUGE-1 points above a
    #: fixed 3 on IndoSum and ~1 on CNN (README, "Quality and evaluation").
    count: int | None = None
    #: One of ``METHODS``. ``llm`` needs ``llm``.
    method: str = "extract"
    #: The LLM server for ``method="llm"`` (``INTISARI_LLM_URL`` and friends).
    llm: LlmConfig | None = None
    #: Largest text accepted, in bytes of UTF-8, given or extracted from a page: a long
    #: feature is ~100 kB of text; anything beyond is not an article.
    max_input_bytes: int = 2_000_000
    #: Largest HTML page accepted, given or fetched: CNN's article pages are 2.5-2.9 MB,
    #: nearly all of it inline script around ~10 kB of story. Parsing stays linear in the
    #: page (``ingest/nesting.py``) and the story found in it is held to ``max_input_bytes``.
    max_page_bytes: int = 10_000_000
    #: Fewer words than this is a teaser or a caption, not an article to summarize.
    min_words: int = 15
    #: URL fetching: a slow site must not hold a worker.
    fetch_timeout_s: float = 10.0
    fetch_max_redirects: int = 3
    #: Allow URLs that resolve to private, loopback or link-local addresses. Off by
    #: default: a public fetcher must not be a door into the server's own network.
    fetch_allow_private: bool = False
    #: Networks (CIDR, e.g. ``"127.0.0.1/32"``) a URL may resolve to although they are
    #: private: narrower than ``fetch_allow_private``, for tests and intranet deployments.
    fetch_allow_networks: tuple[str, ...] = ()


DEFAULT_OPTIONS = Options()
