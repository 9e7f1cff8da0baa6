"""Lines and sentences of a span, with offsets into the whole `doc.text`."""

from __future__ import annotations

import re

from ..parse import ParsedDocument
from .analysed import Line, Piece
from .segment import DocumentSpan
from .settings import EXTRACT

__all__ = ["Line", "Piece", "normalize", "span_lines", "split_sentences"]

_BULLET = re.compile(
    # Symbol-font bullets come out of PDFs as letters: 'l' (Wingdings), 'o' (Courier), 'q', 'Ø'.
    r"^(?:[•·▪►◦■□●○*\-–—§Øü\uf0b7\uf0a7]|\d{1,2}[.)]|[a-z][.)]|[loqnv](?=\s+[A-ZÅÄÖ]))\s+"
)
_LINE_HYPHEN = re.compile(r"(?<=[a-zåäö])-[ \t]*\n\s*(?=[a-zåäö])")
_SENTENCE_END = re.compile(r"[.!?]+[\"”')\]]*\s+(?=[A-ZÅÄÖÉ0-9\"”•–-])")
# Abbreviations that end with a full stop without ending a sentence.
_ABBREVIATIONS = {
    "t.ex",
    "bl.a",
    "st",
    "ca",
    "resp",
    "m.fl",
    "osv",
    "dvs",
    "s.k",
    "kl",
    "nr",
    "t.f",
    "tf",
    "ordf",
    "jfr",
    "inkl",
    "exkl",
    "m.m",
    "p.g.a",
    "pga",
    "fr.o.m",
    "t.o.m",
    "ev",
    "mfl",
    "tex",
    "bla",
    "enl",
    "tel",
    "c:a",
    "dnr",
    "ang",
    "avd",
    "forts",
}


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


def split_sentences(text: str, start: int) -> list[Piece]:
    """Sentences of `text` (which begins at offset `start`), abbreviations respected."""
    pieces: list[Piece] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[begin : match.start() + 1].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        end = match.start() + len(match.group().rstrip())
        pieces.append(_piece(text, begin, end, start))
        begin = match.end()
    if begin < len(text):
        pieces.append(_piece(text, begin, len(text), start))
    return [piece for piece in pieces if piece.text]


def _piece(text: str, begin: int, end: int, start: int) -> Piece:
    chunk = text[begin:end]
    stripped = chunk.strip()
    lead = len(chunk) - len(chunk.lstrip())
    return Piece(start + begin + lead, start + begin + lead + len(stripped), stripped)
