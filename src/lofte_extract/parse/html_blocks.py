"""Walk cleaned HTML into blocks: headings with levels, list items, paragraphs, table rows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import NavigableString, Tag

from .document import BlockKind
from .normalize import normalize_line, split_bullet
from .settings import LAYOUT
from .text_lines import (
    bullet_is_item,
    classify_lines,
    is_furniture_line,
    is_name,
    is_organisation,
    is_role,
    looks_like_heading,
)

__all__ = ["HtmlBlock", "html_blocks"]

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset(("strong", "b"))
_CELL_MARK = "\x1f"  # between cells while a row is collected; never reaches the text
_GAP_MARK = "\x1e"  # a wide gap inside a line while it is collected; never reaches the text
_GAP = re.compile(r"(?<![\n\r\t \u00a0])[ \u00a0]{3,}(?![\n\r\t \u00a0])")  # not indentation
_RULE_CELL = re.compile(r"^[\s._\-–—]*$")  # empty, or a dotted signature line
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")


@dataclass(frozen=True)
class HtmlBlock:
    """One block found in the page, before it goes into the DocumentBuilder."""

    kind: BlockKind
    text: str
    level: int | None = None
    cells: tuple[str, ...] | None = None  # a table row's cells, for signer tables


@dataclass
class _Context:
    """What the open block element makes of the text inside it."""

    kind: str  # "paragraph", "heading", "list_item", "row", "pre"
    level: int | None = None
    cells: int = 0


@dataclass
class _Walker:
    blocks: list[HtmlBlock] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside <b>)
    contexts: list[_Context] = field(default_factory=lambda: [_Context("paragraph")])
    bold: int = 0
    layout_tables: set[int] = field(default_factory=set)  # ids, from `_layout_tables`
    tables: list[Tag] = field(default_factory=list)  # the open <table> elements

    @property
    def context(self) -> _Context:
        return self.contexts[-1]

    def text(self, value: str) -> None:
        if self.context.kind != "pre":
            # a wide gap of spaces or NBSPs inside a line may separate side-by-side signers
            value = _WHITESPACE.sub(" ", _GAP.sub(_GAP_MARK, value))
        self.pieces.append((value, self.bold > 0))

    def start(self, tag: Tag) -> bool:
        """Open `tag`; False when the walker should treat it as inline."""
        name = tag.name
        if name in _BOLD:
            self.bold += 1
        if name == "table":
            self.tables.append(tag)
        if name == "br":
            self.pieces.append(("\n", self.bold > 0))
            return False
        if name not in _BLOCK_TAGS:
            return False
        kind = self.context.kind
        if kind in ("heading", "list_item") and name not in ("ul", "ol", "li", "table", "dl"):
            self.pieces.append((" ", False))  # a <p> inside an <li> stays in the item
            return False
        if kind == "row" and name in ("td", "th"):
            if self.context.cells:
                self.pieces.append((_CELL_MARK, False))
            self.context.cells += 1
            return False
        if kind == "row" and name not in ("table", "tr"):
            self.pieces.append((" ", False))
            return False
        self.flush()
        if name in _HEADINGS:
            self.contexts.append(_Context("heading", _HEADINGS[name]))
        elif name == "li":
            self.contexts.append(_Context("list_item"))
        elif name == "tr" and self.tables and id(self.tables[-1]) not in self.layout_tables:
            self.contexts.append(_Context("row"))
        elif name == "pre":
            self.contexts.append(_Context("pre"))
        else:
            self.contexts.append(_Context("paragraph"))
        return True

    def end(self, tag: Tag, opened: bool) -> None:
        if tag.name in _BOLD:
            self.bold -= 1
        if tag.name == "table" and self.tables:
            self.tables.pop()
        if opened:
            self.flush()
            if len(self.contexts) > 1:
                self.contexts.pop()

    def flush(self) -> None:
        """Turn the collected text into blocks of the current context's kind."""
        pieces, self.pieces = self.pieces, []
        raw = "".join(text for text, _ in pieces)
        if not raw.strip():
            return
        context = self.context
        if context.kind == "row":
            self._row(raw.replace(_GAP_MARK, " "))
            return
        if _GAP_MARK in raw and self._gap_columns(raw, context):
            return
        raw = raw.replace(_GAP_MARK, " ")
        lines = [normalize_line(line) for line in raw.split("\n")]
        kept = [
            "" if _RULE_CELL.match(line) else line  # dotted signature lines carry no text
            for line in lines
            if not is_furniture_line(line, html=True)
        ]
        if not any(kept):
            return
        if context.kind == "heading":
            text = " ".join(line for line in kept if line)
            if len(text) <= LAYOUT.html_heading_max_chars:
                self.blocks.append(HtmlBlock("heading", text, context.level))
                return
            self.blocks.append(HtmlBlock("paragraph", text))
            return
        if context.kind == "list_item":
            self.blocks.append(HtmlBlock("list_item", " ".join(line for line in kept if line)))
            return
        bold_lines = _bold_lines(pieces)
        for group in _groups(kept):
            first = group[0]
            marker = split_bullet(first)
            if (
                looks_like_heading(first)
                and not is_role(first)
                # '<p>•&nbsp;Trygghet</p>': a list pasted as paragraphs, one item each
                and (marker is None or marker.kind == "ordinal")
                and (
                    len(group) == 1 or first in bold_lines or len(group[1]) > LAYOUT.html_long_line
                )
            ):
                # <p><strong>Det här ska vi göra</strong></p>, or a short line alone in its
                # <p> as the text parser reads it: a heading in CMS clothing
                self.blocks.append(HtmlBlock("heading", first))
                group = group[1:]
            if group:
                self._lines(group)

    def _gap_columns(self, raw: str, context: _Context) -> bool:
        """Lines split by wide gaps into equal columns: kept as cells for the signer check."""
        rows = [
            [normalize_line(cell) for cell in line.split(_GAP_MARK)]
            for line in raw.split("\n")
            if line.strip()
        ]
        rows = [[cell for cell in row if cell] for row in rows]
        width = len(rows[0]) if rows else 0
        if width < 2 or any(len(row) != width for row in rows) or context.kind == "list_item":
            return False
        if not all(is_name(c) or is_role(c) or is_organisation(c) for row in rows for c in row):
            return False  # only signer names and titles are set side by side
        kind: BlockKind = "heading" if context.kind == "heading" else "paragraph"
        for row in rows:
            self.blocks.append(HtmlBlock(kind, " ".join(row), context.level, tuple(row)))
        return True

    def _row(self, raw: str) -> None:
        """One block per table row; a row of 'Name<br>Title' cells gives one signature each."""
        cells = []
        for cell in raw.split(_CELL_MARK):
            lines = [normalize_line(line) for line in cell.split("\n")]
            cells.append([x for x in lines if x and not is_furniture_line(x, html=True)])
        filled = [c for c in cells if c and not _RULE_CELL.match(" ".join(c))]
        if not filled:
            return
        signed = [classify_lines(c) for c in filled]
        if any(len(c) > 1 for c in filled) and all(
            len(s) == 1 and s[0][0] == "signature" for s in signed
        ):
            self.blocks.extend(HtmlBlock("signature", s[0][1]) for s in signed)
            return
        texts = tuple(" ".join(c) for c in cells)
        text = " | ".join(t for t in texts if t and not _RULE_CELL.match(t))
        self.blocks.append(HtmlBlock("paragraph", text, cells=texts))

    def _lines(self, lines: list[str]) -> None:
        """Paragraph lines; a typed bullet ('• ', '1. ', '- ') starts a list item."""
        bullets = [split_bullet(line) for line in lines]
        dashes = Counter(b.marker for b in bullets if b is not None and b.kind == "dash")
        plain: list[str] = []
        for line, bullet in zip(lines, bullets, strict=True):
            if bullet is not None:
                self._plain(plain)
                previous = self.blocks[-1] if self.blocks else None
                in_list = dashes[bullet.marker] >= 2 or (
                    previous is not None and previous.kind == "list_item"
                )
                if bullet_is_item(bullet, in_list, previous.text if previous else None):
                    self.blocks.append(HtmlBlock("list_item", bullet.text))
                    continue
            plain.append(line)
        self._plain(plain)

    def _plain(self, lines: list[str]) -> None:
        for kind, text in classify_lines(lines):
            self.blocks.append(HtmlBlock(kind, text))
        lines.clear()


def _bold_lines(pieces: list[tuple[str, bool]]) -> set[str]:
    """Lines whose every word sits inside <b>/<strong>."""
    lines: list[tuple[str, bool]] = [("", True)]
    for text, bold in pieces:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append(("", True))
            line, all_bold = lines[-1]
            lines[-1] = (line + part, all_bold and (bold or not part.strip()))
    return {normalize_line(line) for line, all_bold in lines if all_bold and line.strip()}


def _groups(lines: list[str]) -> list[list[str]]:
    """Split lines at blank ones (<br><br> separates paragraphs)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


_LAYOUT_INSIDE = frozenset(("table", "h1", "h2", "h3", "main", "article", "form"))


def _layout_tables(root: Tag) -> set[int]:
    """Ids of tables used for page layout (nested tables, headings in cells): walked as divs.

    One pass with an explicit stack: a search per table would be quadratic in nesting.
    """
    layout: set[int] = set()
    tables: list[Tag] = []
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            tables.pop()
            continue
        if node.name in _LAYOUT_INSIDE and tables:
            layout.add(id(tables[-1]))  # its own enclosing tables hold it through this one
        if node.name == "table":
            tables.append(node)
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents) if isinstance(child, Tag))
    return layout


def html_blocks(root: Tag) -> list[HtmlBlock]:
    """The blocks under `root`, in reading order (iterative: deep nesting cannot overflow)."""
    walker = _Walker(layout_tables=_layout_tables(root))
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]
    while stack:
        node, closing, opened = stack.pop()
        if closing:
            walker.end(node, opened)  # type: ignore[arg-type]
            continue
        if isinstance(node, Tag):
            opened = walker.start(node)
            stack.append((node, True, opened))
            stack.extend((child, False, False) for child in reversed(node.contents))
        elif type(node) is NavigableString:  # not comments, doctype, CDATA
            walker.text(str(node))
    walker.flush()
    return walker.blocks
