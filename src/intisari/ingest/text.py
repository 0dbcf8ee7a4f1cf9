"""Plain text in: decode bytes, enforce the size cap, find a headline on the first line."""

from __future__ import annotations

import codecs
import contextlib
import re

from intisari.errors import InputTooLarge, UndecodableInput

__all__ = ["check_size", "check_text", "decode", "decode_page", "first_line_title"]

#: A first line longer than this is a paragraph, not a headline.
MAX_TITLE_WORDS = 25
#: Share of control characters above which bytes are binary, not text.
MAX_CONTROL_SHARE = 0.01


#: Bytes of a page looked at for a ``<meta>`` charset declaration. The HTML standard's
#: prescan reads 1,024, and browsers that meet one later read the page again with it:
#: landwirt.com's declaration stands at byte 2,388, after its scripts.
META_PRESCAN_BYTES = 65536
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
#: Encodings a page names that browsers read as windows-1252 (the HTML standard's labels):
#: "ISO-8859-1" pages hold its curly quotes and dashes in bytes 0x80-0x9F.
_READ_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})


def decode(data: bytes, max_bytes: int) -> str:
    """Text from bytes: UTF-8 (with or without BOM), or the encoding an HTML page declares
    in a ``<meta>`` tag (``decode_page``); binary or undeclared encodings are refused."""
    check_size(len(data), max_bytes)
    if b"\x00" in data[:8192]:
        raise UndecodableInput("input looks binary (NUL bytes), expected text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        declared = decode_page(data)
        if declared is None:
            raise UndecodableInput(
                f"input is not valid UTF-8 (byte {error.start}) and declares no encoding"
            ) from None
        text = declared
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > MAX_CONTROL_SHARE * min(len(text), 10000):
        raise UndecodableInput("input looks binary (control characters), expected text")
    return text


def decode_page(data: bytes, charset: str | None = None) -> str | None:
    """A page's text in the encoding it is in: ``charset`` (its server's ``Content-Type``),
    else UTF-8 when the bytes are UTF-8, else the charset its ``<meta>`` declares in its
    first ``META_PRESCAN_BYTES`` (read as browsers read it). ``None`` when none of these
    reads it; what an encoding cannot read becomes U+FFFD.

    A page of landwirt.com declaring ISO-8859-1 in a ``<meta>`` tag was refused as "not
    valid UTF-8" from a file, and fetched, its umlauts were mojibake.
    """
    if charset and (text := _decoded(data, charset)) is not None:
        return text
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    declared = _META_CHARSET.search(data, 0, META_PRESCAN_BYTES)
    return None if declared is None else _decoded(data, declared.group(1).decode("ascii"))


def _decoded(data: bytes, label: str) -> str | None:
    """``data`` read in the encoding ``label`` names; ``None`` when Python has no such text
    encoding (a codec of bytes to bytes, "base64", is refused by ``bytes.decode`` itself)."""
    with contextlib.suppress(LookupError, UnicodeError):
        name = codecs.lookup(label).name
        return data.decode("cp1252" if name in _READ_AS_WINDOWS_1252 else name, "replace")
    return None


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
