"""Intisari: grounded "Key Takeaways" for news articles, Indonesian first, English second.

    >>> import intisari
    >>> result = intisari.summarize(text=article_text)
    >>> [t.text for t in result.takeaways]
    >>> check = intisari.verify(article_text, summary="- first point\n- second point")
    >>> [(s.label, s.score, s.reasons) for s in check.statements]
"""

from intisari._version import __version__
from intisari.checking import Reason, StatementCheck, Verification
from intisari.errors import InputError
from intisari.options import Options
from intisari.pipeline import summarize, summarize_record, verify
from intisari.result import EngineInfo, Removed, Summary, Takeaway

__all__ = [
    "EngineInfo",
    "InputError",
    "Options",
    "Reason",
    "Removed",
    "StatementCheck",
    "Summary",
    "Takeaway",
    "Verification",
    "__version__",
    "summarize",
    "summarize_record",
    "verify",
]
