"""Bytes to str for HTML and text: BOM, declared charset, then UTF-8, then windows-1252."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

__all__ = [
    "UTF8_MIN_VALID_PER_BAD",
    "Decoded",
    "decode",
    "decoding_note",
    "html_meta_charset",
    "utf16_without_bom",
]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers read these labels as windows-1252 (WHATWG Encoding): pages declaring
# latin-1 routinely use the curly quotes and dashes only cp1252 has.
_CP1252_ALIASES = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "ascii",
    "us-ascii",
    "iso_8859-1",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}
# Latin-9 is its own encoding (WHATWG too): byte A4 is '€' there, '¤' in cp1252.
_LATIN9 = "iso8859-15"
_LATIN9_ALIASES = {
    "iso-8859-15",
    "iso8859-15",
    "iso_8859-15",
    "iso885915",
    "latin-9",
    "latin9",
    "l9",
    "csisolatin9",
}

# cp1252 leaves five bytes undefined; like browsers, read them as the latin-1 code point.
_CP1252_TABLE = {
    b: ch for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))
}
_CP1252_TRANSLATE = str.maketrans({chr(b): ch for b, ch in _CP1252_TABLE.items()})

# Valid UTF-8 multibyte characters per invalid sequence for bytes to count as damaged UTF-8
# rather than cp1252; real cp1252 Swedish text has none, so one per bad byte is plenty.
UTF8_MIN_VALID_PER_BAD = 1

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


@dataclass
class Decoded:
    """Decoded text, the encoding used and why (`source`: bom, declared, meta, utf-8, guess)."""

    text: str
    encoding: str
    source: str
    warnings: list[str] = field(default_factory=list)


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_ALIASES:
        return "cp1252"
    if label in _LATIN9_ALIASES:
        return _LATIN9
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    # 'rot13', 'base64' and 'undefined' are codecs, not charsets: no page is written in them.
    if not getattr(info, "_is_text_encoding", True) or name == "undefined":
        return None
    # A page cannot really be UTF-16 once we read its meta tag as ASCII (WHATWG rule).
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def _cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252_TRANSLATE)


def _decode_with(data: bytes, codec: str) -> str:
    if codec == "cp1252":
        return _cp1252(data)
    if codec == _LATIN9:
        # Bytes 80-9F are control codes in latin-9; such pages mean cp1252's quotes there.
        return data.decode(_LATIN9).translate(_CP1252_TRANSLATE)
    return data.decode(codec, errors="replace")


def html_meta_charset(data: bytes) -> str | None:
    """The charset label a page declares in <meta> or an XML declaration (first 4 KB)."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head.lstrip())
    return match.group(1).decode("ascii") if match else None


def _is_utf8_multibyte(data: bytes) -> bool:
    """Valid UTF-8 holding non-ASCII: almost never true of real cp1252 text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in data)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes fall on every other byte (ASCII-heavy text)."""
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.02:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.02:
        return "utf-16-be"
    return None


def decode(data: bytes, declared: str | None = None, meta: str | None = None) -> Decoded:
    """Decode `data`: BOM, then `declared` (HTTP), then `meta`, then UTF-8 strictly, then cp1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8" and not _is_strict_utf8(body):
                # an editor's BOM before cp1252 text: read as what the bytes are
                return _damaged_utf8_or_cp1252(body, [], " after a byte order mark")
            return Decoded(body.decode(codec, errors="replace"), codec, "bom")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16, errors="replace"), utf16, "guess")
    warnings: list[str] = []
    for label, source in ((declared, "declared"), (meta, "meta")):
        if not label:
            continue
        codec = _codec(label)
        if codec is None:
            warnings.append(f"unknown charset {label!r} ignored")
            continue
        if codec in ("cp1252", _LATIN9) and _is_utf8_multibyte(data):
            # A latin-1 label on bytes that are valid UTF-8 is a server default gone stale.
            warnings.append(f"charset {label!r} declared ({source}) but content is UTF-8")
            return Decoded(data.decode("utf-8"), "utf-8", "utf-8", warnings)
        if codec in ("cp1252", _LATIN9) and _mostly_utf8(data):
            warnings.append(f"charset {label!r} declared ({source}) but content is UTF-8")
            return _damaged_utf8_or_cp1252(data, warnings, "")
        if codec == "utf-8":
            try:
                return Decoded(data.decode("utf-8"), "utf-8", source, warnings)
            except UnicodeDecodeError:
                return _damaged_utf8_or_cp1252(data, warnings, f" declared ({source})")
        return Decoded(_decode_with(data, codec), codec, source, warnings)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", warnings)
    except UnicodeDecodeError:
        return _damaged_utf8_or_cp1252(data, warnings, "")


def _is_strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _damaged_utf8_or_cp1252(data: bytes, warnings: list[str], declared: str) -> Decoded:
    """Bytes that are not strict UTF-8: mostly-valid UTF-8 with a few bad bytes, or cp1252."""
    text, multibyte, bad = _utf8_counts(data)
    if multibyte >= bad * UTF8_MIN_VALID_PER_BAD and multibyte:
        warnings.append(f"UTF-8{declared} with {bad} invalid byte sequences replaced")
        return Decoded(text, "utf-8", "guess", warnings)
    if declared:
        warnings.append(f"charset 'utf-8'{declared} but content is not UTF-8")
    return Decoded(_cp1252(data), "cp1252", "guess", warnings)


def _utf8_counts(data: bytes) -> tuple[str, int, int]:
    """The bytes read as UTF-8 with replacement, valid non-ASCII characters, bad sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("latin-1").count("\ufffd")
    return text, sum(1 for ch in text if ord(ch) >= 0x80) - text.count("\ufffd"), bad


def _mostly_utf8(data: bytes) -> bool:
    """Bytes that are UTF-8 but for a few damaged sequences (cp1252 text has almost no
    valid UTF-8 multibyte sequences: 'Ã¶' is not Swedish)."""
    _, multibyte, bad = _utf8_counts(data)
    return multibyte > 0 and multibyte >= bad * UTF8_MIN_VALID_PER_BAD


# The decoder's own wording for text that may not read as written (see decode above).
_DOUBT = re.compile(r"invalid byte sequences replaced|but content is not UTF-8")


def decoding_note(warnings: list[str]) -> str | None:
    """'the text may be garbled: …' when decoding replaced or guessed bytes, else None."""
    doubts = [w for w in warnings if _DOUBT.search(w)]
    return f"the text may be garbled: {'; '.join(doubts[:2])}" if doubts else None
