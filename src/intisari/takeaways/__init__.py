"""From ranked sentences to the takeaways box, and the box to JSON, Markdown, text, HTML."""

from intisari.takeaways.render import FORMATS, render
from intisari.takeaways.select import MAX_COUNT, MIN_COUNT, select_takeaways

__all__ = ["FORMATS", "MAX_COUNT", "MIN_COUNT", "render", "select_takeaways"]
