"""Plain text in: decode bytes, enforce the size cap, find a headline on the first line."""

from __future__ import annotations

import codecs
import contextlib
import re

from intisari.errors import InputTooLarge, UndecodableInput

__all__ = [
    "check_size",
    "check_text",
    "decode",
    "decode_page",
    "first_line_title",
    "wide_encoding",
]

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


#: Byte order marks of the encodings whose text holds NUL bytes, longest first (UTF-32
#: little-endian's opens with UTF-16 little-endian's). Python's "utf-16" and "utf-32"
#: codecs read the mark and drop it.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Bytes looked at for NULs, and for the NUL of every other byte that UTF-16 without a
#: byte order mark has in Latin script.
NUL_SCAN_BYTES = 8192
#: Share of the scanned byte pairs with exactly one NUL above which NUL-laden input is
#: named as UTF-16 without a mark rather than binary (ASCII and Latin text in UTF-16
#: is all such pairs; a PNG's or a zip's header is not).
MIN_UTF16_PAIR_SHARE = 0.9


def decode(data: bytes, max_bytes: int) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with their BOM, or
    the encoding an HTML page declares in a ``<meta>`` tag (``decode_page``); binary or
    undeclared encodings are refused.

    A UTF-16 file (Windows Notepad's "Unicode", ``iconv -t utf-16``) was refused as
    "input looks binary (NUL bytes)" (a new user's report)."""
    check_size(len(data), max_bytes)
    wide = _wide_text(data)
    if wide is not None:
        return _check_controls(wide)
    if b"\x00" in data[:NUL_SCAN_BYTES]:
        if _looks_utf16(data[:NUL_SCAN_BYTES]):
            raise UndecodableInput(
                "input looks like UTF-16 without a byte order mark; save it as UTF-8 "
                "(or UTF-16 with its mark)"
            )
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
    return _check_controls(text)


def _check_controls(text: str) -> str:
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > MAX_CONTROL_SHARE * min(len(text), 10000):
        raise UndecodableInput("input looks binary (control characters), expected text")
    return text


def wide_encoding(head: bytes) -> str | None:
    """The name of the UTF-16 or UTF-32 that bytes opening with ``head`` are in ("UTF-16-LE",
    "UTF-16 without a byte order mark"), or ``None``: for readers of UTF-8 alone (JSON
    Lines), which would cut such text at the wrong bytes."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return _bom_name(bom, encoding)
    scanned = head[:NUL_SCAN_BYTES]
    if b"\x00" in scanned and _looks_utf16(scanned):
        return "UTF-16 without a byte order mark"
    return None


def _bom_name(bom: bytes, encoding: str) -> str:
    return f"{encoding.upper()}-{'LE' if bom[0] == 0xFF else 'BE'}"


def _wide_text(data: bytes) -> str | None:
    """``data`` read as UTF-32 or UTF-16 when it opens with one's byte order mark; ``None``
    without a mark; ``UndecodableInput`` when the bytes after it are not that encoding."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                name = _bom_name(bom, encoding)
                raise UndecodableInput(
                    f"input opens with a {name} byte order mark but is not valid {name} "
                    f"(byte {error.start})"
                ) from None
    return None


def _looks_utf16(head: bytes) -> bool:
    """Whether NUL-laden bytes are UTF-16 text without a byte order mark: nearly every
    pair of bytes holds one NUL, as Latin-script text in UTF-16 does."""
    pairs = [head[i : i + 2] for i in range(0, len(head) - 1, 2)]
    with_one_nul = sum(1 for pair in pairs if pair.count(0) == 1)
    return bool(pairs) and with_one_nul >= MIN_UTF16_PAIR_SHARE * len(pairs)


def decode_page(data: bytes, charset: str | None = None) -> str | None:
    """A page's text in the encoding it is in: its UTF-16 or UTF-32 byte order mark, else
    ``charset`` (its server's ``Content-Type``),
    else UTF-8 when the bytes are UTF-8, else the charset its ``<meta>`` declares in its
    first ``META_PRESCAN_BYTES`` (read as browsers read it). ``None`` when none of these
    reads it; what an encoding cannot read becomes U+FFFD.

    A page of landwirt.com declaring ISO-8859-1 in a ``<meta>`` tag was refused as "not
    valid UTF-8" from a file, and fetched, its umlauts were mojibake.
    """
    with contextlib.suppress(UndecodableInput):  # a broken mark: the other ways, below
        if (wide := _wide_text(data)) is not None:
            return wide  # a byte order mark wins over any label, as the HTML standard says
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
