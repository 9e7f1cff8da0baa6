"""Lines of a span, with offsets into the whole `doc.text` (sentences: `analysed.sentences`)."""

from __future__ import annotations

import re

from ..parse import ParsedDocument
from .analysed import Line, Piece
from .segment import DocumentSpan
from .settings import EXTRACT

__all__ = ["Line", "Piece", "normalize", "span_lines"]

_BULLET = re.compile(
    # Symbol-font bullets come out of PDFs as letters: 'l' (Wingdings), 'o' (Courier), 'q', 'Ø'.
    r"^(?:(?:[•·▪►◦■□●○*\-–—§Øü\uf0b7\uf0a7]|\d{1,2}[.)]|[a-z][.)]|[loqnv](?=\s+[A-ZÅÄÖ]))\s+"
    # '*Kvartersmöten. Polisen ska …': a bullet set tight against its item
    r"|[•▪●*](?=[A-ZÅÄÖ]))"
)
_LINE_HYPHEN = re.compile(r"(?<=[a-zåäö])-[ \t]*\n\s*(?=[a-zåäö])")


def normalize(text: str) -> str:
    """Whitespace collapsed to single spaces; words hyphenated across lines rejoined."""
    return " ".join(_LINE_HYPHEN.sub("", text).split())


def span_lines(doc: ParsedDocument, span: DocumentSpan) -> list[Line]:
    """The span's blocks cut into lines; a line starting in lower case continues the last."""
    lines: list[Line] = []
    for block in doc.blocks:
        if block.end <= span.start or block.start >= span.end:
            continue
        offset = block.start
        for raw in block.text.split("\n"):
            start = offset + len(raw) - len(raw.lstrip())
            end = offset + len(raw.rstrip())
            offset += len(raw) + 1
            if end <= start:
                continue
            kind = block.kind
            text = doc.text[start:end]
            bullet = _BULLET.match(text)
            if (
                bullet
                and kind == "heading"
                and len(text[bullet.end() :].split()) >= EXTRACT.numbered_heading_words
            ):
                kind = "paragraph"  # '2. Polisen ska genomföra ...' is an item, not a heading
            if bullet and kind != "heading":
                start += bullet.end()
                text = doc.text[start:end]
                kind = "list_item"
            if _continues(lines, text, kind):
                last = lines.pop()
                lines.append(Line(last.start, end, doc.text[last.start : end], last.kind))
                continue
            lines.append(Line(start, end, text, kind, block.level))
    return lines


def _continues(lines: list[Line], text: str, kind: str) -> bool:
    # PDF and text layouts break list items across lines; the next line then starts in
    # lower case and the previous one has no closing punctuation.
    if not lines or kind in ("list_item", "heading") or not text[:1].islower():
        return False
    previous = lines[-1]
    if previous.kind in ("heading", "signature"):
        return False
    return not previous.text.rstrip().endswith((".", ":", ";", "!", "?"))
