"""Plain text in: decode bytes, enforce the size cap, find a headline on the first line."""

from __future__ import annotations

from intisari.errors import InputTooLarge, UndecodableInput

__all__ = ["check_size", "check_text", "decode", "first_line_title"]

#: A first line longer than this is a paragraph, not a headline.
MAX_TITLE_WORDS = 25
#: Share of control characters above which bytes are binary, not text.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, max_bytes: int) -> str:
    """UTF-8 (with or without BOM) text from bytes; binary or other encodings are refused."""
    check_size(len(data), max_bytes)
    if b"\x00" in data[:8192]:
        raise UndecodableInput("input looks binary (NUL bytes), expected text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UndecodableInput(f"input is not valid UTF-8 (byte {error.start})") from None
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > MAX_CONTROL_SHARE * min(len(text), 10000):
        raise UndecodableInput("input looks binary (control characters), expected text")
    return text


def check_size(n_bytes: int, max_bytes: int) -> None:
    if n_bytes > max_bytes:
        raise InputTooLarge(f"input is {n_bytes:,} bytes, over the limit of {max_bytes:,}")


def check_text(value: str, max_bytes: int) -> bytes:
    """Refuse a string that is over the size cap or not valid Unicode (lone surrogates).

    Python strings can hold surrogates that no UTF-8 encoder accepts; letting one through
    would only fail later, when the JSON result is written. Returns the UTF-8 bytes that
    checking made: the HTML parser reads bytes, and a page need not be encoded twice.
    """
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise UndecodableInput(
            f"input is not valid Unicode text (lone surrogate at character {error.start})"
        ) from None
    check_size(len(encoded), max_bytes)
    return encoded


def first_line_title(text: str) -> str | None:
    """A short first line with no final period, followed by more text, may be the headline.

    Only may: the line stays in the text, and cleaning, which knows the language, decides.
    It cuts a headline as the title, and a byline or a dateline pasted above the story
    ("Laporan Wartawan Tribunnews.com, Rina Ayu") as what it is, which is then no title
    (``pipeline.read_article``)."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if (
        sep
        and rest.strip()
        and first
        and len(first.split()) <= MAX_TITLE_WORDS
        and not first.endswith((".", "!", "?", ":", ",", ";", '"', "”"))
    ):
        return first
    return None
