"""Parse stage: any file (PDF, HTML, text) to a `ParsedDocument`."""

from __future__ import annotations

from pathlib import Path

from .document import Block, DocumentBuilder, ParsedDocument, ParseError
from .html import parse_html
from .pdf import parse_pdf
from .scanned import read_pdf
from .sniff import detect_format
from .text import parse_text

__all__ = [
    "Block",
    "DocumentBuilder",
    "ParseError",
    "ParsedDocument",
    "detect_format",
    "parse_bytes",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "parse_text",
]


def parse_bytes(data: bytes, name: str = "", charset: str | None = None) -> ParsedDocument:
    """Parse a file's bytes; the format comes from the content, the name only breaks ties."""
    kind = detect_format(data, name)
    if kind == "pdf":
        return read_pdf(data)
    if kind == "html":
        return parse_html(data, charset=charset)
    return parse_text(data, charset=charset)


def parse_file(path: str | Path, charset: str | None = None) -> ParsedDocument:
    """Parse the file at `path` (charset: from the HTTP header, when the manifest knows it)."""
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name, charset=charset)
