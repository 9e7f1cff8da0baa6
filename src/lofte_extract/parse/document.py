"""The parse stage's output: normalized text with structure and offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Block", "BlockKind", "DocumentBuilder", "ParseError", "ParsedDocument"]

BlockKind = Literal["heading", "paragraph", "list_item", "signature"]

# Prefix written before list items in the normalized text so a reader of
# texts/<sha256>.txt sees the list; the block's offsets exclude it.
LIST_PREFIX = "• "


class ParseError(Exception):
    """A file that cannot be parsed; `reason` is short and specific ('encrypted PDF')."""

    def __init__(self, reason: str, detail: str | None = None):
        super().__init__(reason if detail is None else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Block:
    """One structural unit: `text == document.text[start:end]`."""

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None  # heading level (1 = h1) where the source says


@dataclass
class ParsedDocument:
    """A file turned into normalized text plus blocks pointing into it."""

    format: Literal["pdf", "html", "txt"]
    text: str
    blocks: list[Block]
    pages: int | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # PDF pages whose text came from OCR

    def page_at(self, offset: int) -> int | None:
        """The PDF page holding a character offset, or None."""
        starts = [block.start for block in self.blocks]
        index = bisect.bisect_right(starts, offset) - 1
        return self.blocks[max(index, 0)].page if self.blocks else None


class DocumentBuilder:
    """Accumulates blocks and keeps offsets right; every parser builds through it."""

    def __init__(self, format: Literal["pdf", "html", "txt"]):
        self.format = format
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []

    def add(
        self, kind: BlockKind, text: str, page: int | None = None, level: int | None = None
    ) -> Block | None:
        """Append a block; blank text is skipped. Returns the block added."""
        text = text.strip()
        if not text:
            return None
        previous = self._blocks[-1] if self._blocks else None
        if previous is None:
            separator = ""
        elif kind == "list_item" and previous.kind == "list_item":
            separator = "\n"
        else:
            separator = "\n\n"
        prefix = LIST_PREFIX if kind == "list_item" else ""
        self._write(separator + prefix)
        start = self._length
        self._write(text)
        block = Block(kind, text, start, self._length, page, level)
        self._blocks.append(block)
        return block

    def extend_last(self, text: str) -> None:
        """Continue the last block (a list item broken across a page, say)."""
        if not self._blocks:
            self.add("paragraph", text)
            return
        last = self._blocks.pop()
        addition = " " + text.strip()
        self._write(addition)
        self._blocks.append(
            Block(last.kind, last.text + addition, last.start, self._length, last.page, last.level)
        )

    @property
    def blocks(self) -> list[Block]:
        """Blocks added so far."""
        return list(self._blocks)

    def build(
        self, pages: int | None = None, title: str | None = None, warnings: list[str] | None = None
    ) -> ParsedDocument:
        """The finished document."""
        return ParsedDocument(
            self.format, "".join(self._parts), list(self._blocks), pages, title, warnings or []
        )

    def _write(self, s: str) -> None:
        self._parts.append(s)
        self._length += len(s)
