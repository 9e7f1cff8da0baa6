"""Detect a file's format from its bytes: 'pdf', 'html' or 'txt', or a clear refusal."""

from __future__ import annotations

import codecs
import re

from .document import ParseError
from .encoding import utf16_without_bom

__all__ = ["detect_format"]

# Leading bytes of formats we refuse, with the detail a researcher reads in errors.csv.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP archive (docx/xlsx?)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old .doc/.xls?)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"MZ", "Windows executable"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"{\\rtf", "RTF document"),
    (b"%!PS", "PostScript document"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

_ZIP_MEMBERS = (
    (b"word/", "Word document (docx)"),
    (b"xl/", "Excel workbook (xlsx)"),
    (b"ppt/", "PowerPoint presentation (pptx)"),
    (b"application/vnd.oasis.opendocument", "OpenDocument file (odt/ods)"),
    (b"application/epub", "EPUB book"),
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Things an HTML file may start with before its first element.
_PROLOGUE = re.compile(r"\A(?:\s+|<!--.*?-->|<\?xml[^>]*\?>|<!\[CDATA\[.*?\]\]>)*", re.DOTALL)
_HTML_START = re.compile(
    r"\A<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|base|div|p|h[1-6]|"
    r"table|ul|ol|section|article|main|header|nav|span|a|form|iframe|noscript|center|font|b|"
    r"br|img|!--)[\s>/]",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html[\s>]|body[\s>]|head>)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|span|a|table|td|b|i|strong|em)\b[^<>]*>", re.I)
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp")


def _binary_detail(data: bytes) -> str | None:
    """Why `data` is a binary format we refuse, or None."""
    for magic, detail in _MAGIC:
        if data.startswith(magic):
            if len(magic) < 4 and not _binary_tail(data):
                continue  # "MZ", "BZh", "ID3" can start a line of text
            if magic == b"PK\x03\x04":
                head = data[:4096]
                for member, specific in _ZIP_MEMBERS:
                    if member in head:
                        return specific
            return detail
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def _binary_tail(data: bytes) -> bool:
    """NUL bytes or invalid UTF-8 in the first KB (a text file starting 'MZ' has neither)."""
    head = data[:1024]
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start < len(head) - 4  # a cut multibyte character at the end is fine
    return False


def _looks_binary(head: bytes) -> bool:
    """Many NULs or control characters: not text in any encoding we read (a stray one is).

    NUL padding after the text (a preallocated download) does not count, nor do sparse
    NULs in otherwise valid UTF-8: the decoder drops them.
    """
    head = head.rstrip(b"\x00")
    if not head:
        return True
    nuls = head.count(0)
    controls = sum(1 for b in head if 0 < b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    if nuls > max(1, len(head) // 20):
        return True
    if nuls > max(1, len(head) // 200) and _binary_tail(head.replace(b"\x00", b"")):
        return True
    return controls > min(max(8, len(head) // 50), len(head) // 10)


def _head_text(data: bytes) -> str:
    """The first 8 KB as text, whatever the BOM says."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) : 8192 * 4].decode(codec, errors="replace")
    return data[:8192].decode("latin-1")


def _nul_padded_html(data: bytes) -> bool:
    """A page that starts as HTML once NUL bytes are dropped (as the decoder drops them)."""
    head = data[:8192]
    if b"\x00" not in head or utf16_without_bom(data) is not None:
        return False
    text = head.replace(b"\x00", b"").decode("latin-1")
    return bool(_HTML_START.match(text[_PROLOGUE.match(text).end() :]))


_PDF_HEADER = re.compile(rb"(?:^|[\r\n\x00]|\xef\xbb\xbf)%PDF-")


def detect_format(data: bytes, name: str = "") -> str:
    """'pdf', 'html' or 'txt' from the content; the name only breaks ties."""
    if not data.strip():
        raise ParseError("empty file", f"{len(data)} bytes, no text")
    # PDF readers accept a header anywhere in the first 1024 bytes (junk before it happens);
    # a damaged one ('%PDF\0') is still a PDF, to be refused as one, never read as text.
    # … at the start of a line, or anywhere in a file named .pdf: a text mentioning
    # '%PDF-1.4' mid-sentence stays text.
    head = data[:1024]
    named_pdf = name.lower().endswith(".pdf") and b"%PDF-" in head
    if _PDF_HEADER.search(head) or named_pdf or data.lstrip(b"\x00\t\r\n ").startswith(b"%PDF"):
        return "pdf"
    if _nul_padded_html(data):
        return "html"
    detail = _binary_detail(data)
    if detail is not None:
        raise ParseError("unsupported file type", detail)
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    utf16 = None if has_bom else utf16_without_bom(data)
    if not has_bom and utf16 is None and _looks_binary(data[:8192]):
        raise ParseError("unsupported file type", "binary content")
    head = _head_text(data) if utf16 is None else data[:16384].decode(utf16, errors="replace")
    body = head[_PROLOGUE.match(head).end() :]
    if _HTML_START.match(body) or _HTML_ANYWHERE.search(head[:2048]):
        return "html"
    if body.startswith("<svg") or head.lstrip().startswith("<?xml"):
        # XML that is not XHTML (feeds, sitemaps, SVG) holds no page text we can use.
        raise ParseError("unsupported file type", "XML document, not HTML")
    # A fragment of markup named .html, or text with many tags, reads better as HTML.
    tags = len(_TAG.findall(head))
    if tags >= 3 and (name.lower().endswith(_HTML_NAMES) or tags >= 10):
        return "html"
    return "txt"
