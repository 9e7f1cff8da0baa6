"""A document analysed once: its lines and per-document facts, shared by every extractor.

Long sources (a collection of promises, a 300-page follow-up report) hold many promise
spans; a rule that split or scanned the whole text once per span made extraction
quadratic. `AnalysedDocument` splits the text into lines once, finds a span's lines by
bisection over their offsets, and keeps whatever a rule computes about the whole document
(`memo`) so that the next span reuses it, the way a spaCy `Doc` carries its annotations.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from ..parse import ParsedDocument
from ..parse.normalize import abbreviations
from .meta_vocab import is_furniture
from .vocab import load_vocab

__all__ = [
    "AnalysedDocument",
    "Line",
    "Piece",
    "analysed",
    "body_lines",
    "first_lines",
    "lines",
    "sentences",
    "words",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """A stretch of `doc.text`: `text == doc.text[start:end]` (stripped unless merged).

    Lines cut from blocks carry the block's `kind` (heading, paragraph, list_item,
    signature) and heading `level`; lines, sentences and clauses cut from the text do not.
    """

    start: int
    end: int
    text: str
    kind: str | None = None
    level: int | None = None


# A sentence or clause cut from a line is a Line too; the commitment, goal and follow-up
# rules call it a piece.
Piece = Line


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of `text[start:end]`, stripped, with offsets into `text`."""
    end = len(text) if end is None else end
    out = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            begin = start + match.start() + lead
            out.append(Line(begin, begin + len(stripped), stripped))
    return out


def first_lines(text: str, count: int) -> list[Line]:
    """The first `count` of `lines(text)`, without splitting the rest of the text."""
    out: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        if len(out) == count:
            break
        out.extend(_stripped(text, match.start(), match.end()))
    return out


def body_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of `text[start:end]` without site furniture (see `is_furniture`)."""
    return [line for line in lines(text, start, end) if not is_furniture(line.text)]


# A word: a run of word characters, a hyphen or slash inside it kept ('trygghets-vandring',
# 'ska/bör'); every rule that reads words reads these (spaCy's tokens split both apart).
_WORD = re.compile(r"\w[\w/-]*")


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, punctuation stripped, older spellings in their usual form
    ('skall' as 'ska': spellings.json): the rules' one word splitter."""
    return list(_words(text))


# Kept per text: the cue rules read the same sentence's words many times over.
@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    usual = load_vocab("spellings")["spellings"]
    return tuple(usual.get(word, word) for word in _WORD.findall(text.lower()))


# A sentence ends at . ! ? (and closing quotes or brackets) before white space and a capital,
# a digit, a quote, a bullet or a dash, unless the word before is an abbreviation.
_SENTENCE_END = re.compile(r"[.!?]+[\"”')\]]*\s+(?=[A-ZÅÄÖÉ0-9\"”•–-])")


def sentences(
    text: str, start: int = 0, end: int | None = None, *, line_ends: bool, offset: int = 0
) -> list[Line]:
    """Sentences of `text[start:end]`, abbreviations respected, with offsets into `text` plus
    `offset` (where `text` starts, when it is a line's text); with `line_ends` every line end
    ends one too (a page's dates, names and headings), without it a line-wrapped sentence of a
    block stays whole."""
    end = len(text) if end is None else end
    if not line_ends:
        found = _sentences_in(text, start, end)
    else:
        found = []
        for match in re.finditer(r"[^\n]+", text[start:end]):
            found.extend(_sentences_in(text, start + match.start(), start + match.end()))
    if not offset:
        return found
    return [Line(s.start + offset, s.end + offset, s.text) for s in found]


def _sentences_in(text: str, start: int, end: int) -> list[Line]:
    out = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[position : match.start() + 1].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in abbreviations() or (len(last_word) == 1 and last_word.isalpha()):
            continue
        out.extend(_stripped(text, position, match.start() + len(match.group().rstrip())))
        position = match.end()
    out.extend(_stripped(text, position, end))
    return out


def _stripped(text: str, start: int, end: int) -> list[Line]:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return []
    begin = start + len(raw) - len(raw.lstrip())
    return [Line(begin, begin + len(stripped), stripped)]


class AnalysedDocument(ParsedDocument):
    """A parsed document with its lines computed once and per-document facts kept.

    It is the `ParsedDocument` it was made from (same text, blocks and pages), so every
    extractor takes it where it takes a document; `analysed(doc)` makes one when needed.
    """

    def __init__(self, doc: ParsedDocument):
        super().__init__(
            doc.format, doc.text, doc.blocks, doc.pages, doc.title, doc.warnings, doc.ocr_pages
        )
        self._memo: dict[Hashable, Any] = {}

    @cached_property
    def lines(self) -> list[Line]:
        """Every non-blank line of the text, stripped."""
        return lines(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def _ends(self) -> list[int]:
        return [line.end for line in self.lines]

    @cached_property
    def _furniture(self) -> list[bool]:
        return [is_furniture(line.text) for line in self.lines]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    @cached_property
    def body_lines(self) -> list[Line]:
        """Every line that is not site furniture."""
        return [line for line, skip in zip(self.lines, self._furniture, strict=True) if not skip]

    def page_at(self, offset: int) -> int | None:
        """The PDF page holding a character offset, or None (block offsets bisected once)."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        return self.blocks[max(index, 0)].page if self.blocks else None

    def lines_in(self, start: int, end: int) -> list[Line]:
        """The same as `lines(text, start, end)`, found by bisection."""
        return [line for line, _ in self._window(start, end)]

    def body_lines_in(self, start: int, end: int) -> list[Line]:
        """The same as `body_lines(text, start, end)`, found by bisection."""
        return [line for line, skip in self._window(start, end) if not skip]

    def _window(self, start: int, end: int) -> list[tuple[Line, bool]]:
        first = bisect.bisect_right(self._ends, start)
        last = bisect.bisect_left(self._starts, end)
        out = []
        for index in range(first, last):
            line = self.lines[index]
            if line.start >= start and line.end <= end:
                out.append((line, self._furniture[index]))
                continue
            # A line the window cuts: only the part inside counts, as `lines` would cut it.
            for part in lines(self.text, max(start, line.start), min(end, line.end)):
                out.append((part, is_furniture(part.text)))
        return out

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per document under `key`, then the kept value."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def analysed(doc: ParsedDocument) -> AnalysedDocument:
    """`doc` analysed: itself when it already is, else a new analysis of it."""
    return doc if isinstance(doc, AnalysedDocument) else AnalysedDocument(doc)
