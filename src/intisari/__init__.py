"""Intisari: grounded "Key Takeaways" for news articles, Indonesian first, English second.

    >>> import intisari
    >>> result = intisari.summarize(text=article_text)
    >>> [t.text for t in result.takeaways]
"""

__version__ = "0.1.0"

from intisari.errors import InputError
from intisari.options import Options
from intisari.pipeline import summarize, summarize_record
from intisari.result import EngineInfo, Removed, Summary, Takeaway

__all__ = [
    "EngineInfo",
    "InputError",
    "Options",
    "Removed",
    "Summary",
    "Takeaway",
    "__version__",
    "summarize",
    "summarize_record",
]
