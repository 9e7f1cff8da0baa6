"""Turn a PDF's cleaned lines into headings, paragraphs, list items and signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .document import DocumentBuilder
from .normalize import abbreviations, join_lines, keep_hyphen_before, load_data, split_bullet
from .pdf_lines import Line
from .pdf_signatures import Emitted, find_signatures, is_dotted, is_name
from .pdf_style import Style, bold_sentence, sentence_like
from .settings import LAYOUT
from .text_lines import is_date_line, looks_like_heading

__all__ = ["add_blocks"]

_SENTENCE_END = (".", "!", "?", ":", ";")


@cache
def _quote_pattern() -> re.Pattern[str]:
    # Shared with the text parser: verbs that attribute a quote ('säger', 'berättar').
    verbs = "|".join(load_data("text_lines.json").get("quote_attribution", ["säger"]))
    after = rf"(?:[,.!?–]\s*(?:{verbs})\b)"
    before = rf"(?:\b(?:{verbs})\s+(?:han|hon|de|vi|[A-ZÅÄÖ]))"
    return re.compile(f"{after}|{before}")


def _quote(marker: str, text: str) -> bool:
    """A dash item that is a quote in news prose, not a list item."""
    return marker in {"-", "\u2013", "\u2014"} and bool(_quote_pattern().search(text))


@dataclass
class _Pending:
    kind: str
    page: int
    text: str
    last: Line
    size: float
    bold: bool
    item_x: float = 0.0
    level: int | None = None
    marker: str = ""


class _Assembler:
    """Walks lines in reading order and decides where each block starts."""

    def __init__(self, builder: DocumentBuilder, style: Style):
        self.builder = builder
        self.style = style
        self.pending: _Pending | None = None
        self.headings: list[tuple[int, int, str]] = []  # (level, page, text)
        self.previous: Line | None = None  # the line fed last...
        self.before: Line | None = None  # ...and the one fed before it

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        if pending.kind == "list_item" and _quote(pending.marker, pending.text):
            # "– Vi kommer att ..., säger Malin Ekholm." opens a quote in Swedish news.
            pending.kind, pending.text = "paragraph", f"{pending.marker} {pending.text}"
        bold_only = pending.size < self.style.body_size * 1.12
        if pending.kind == "heading" and (
            sentence_like(pending.text) or bold_sentence(pending.text, bold_only)
        ):
            pending.kind, pending.level = "paragraph", None  # a bold paragraph, not a title
            numbered = split_bullet(pending.text)
            if numbered is not None and numbered.kind == "ordinal":
                pending.kind, pending.text = "list_item", numbered.text
        if pending.kind == "heading":
            self.headings.append((pending.level or 9, pending.page, pending.text))
        self.builder.add(pending.kind, pending.text, page=pending.page, level=pending.level)

    def emit(self, kind: str, text: str, page: int) -> None:
        self.flush()
        self.builder.add(kind, text, page=page)

    def feed(self, line: Line) -> None:
        self._plain_heading(line)
        self._feed(line)
        self.before, self.previous = self.previous, line

    def _plain_heading(self, line: Line) -> None:
        """A page set in one style throughout (text drawn into a PDF as it is): a short
        heading-like line standing alone between paragraph gaps is a heading, as in text."""
        pending = self.pending
        if (
            self.style.heading_levels
            or pending is None
            or pending.kind != "paragraph"
            or pending.last is not self.previous
            or pending.text != pending.last.text
            or not looks_like_heading(pending.text)
            or is_name(pending.text)
        ):
            return
        apart = self.style.line_gap + LAYOUT.line_gap_share * line.size
        if self._gap(self.before, pending.last) > apart and self._gap(pending.last, line) > apart:
            pending.kind, pending.level = "heading", 1

    @staticmethod
    def _gap(above: Line | None, below: Line) -> float:
        """The space between two lines on one page; a new page or column counts as wide."""
        if above is None or above.page != below.page or below.top < above.top:
            return float("inf")
        return below.top - above.bottom

    def _feed(self, line: Line) -> None:
        if line.cells is not None:
            self.table_row(line)
            return
        text = line.text
        if is_dotted(text):
            self.flush()
            return
        if (
            is_date_line(text)
            and len(text.split()) <= 6
            and not line.bullet
            and not self._heading_wrap(line)  # '… till den 30' / 'juni 2019': one heading
        ):
            if not self._continues(line):
                self.emit("paragraph", text, line.page)
                return
        if self._bold_run_on(line):
            return
        if self.style.is_heading(line) or self._heading_wrap(line):
            level = self.style.level(line)
            pending = self.pending
            if (
                pending is not None
                and pending.kind == "heading"
                and pending.level == level
                and pending.page == line.page
                # the next line of the same column: a heading does not run on from the foot
                # of one column to the head of the next (far above it)
                and -line.size * 0.5 <= line.top - pending.last.bottom <= line.size * 0.6
                and not _next_column(pending.last, line)
            ):
                pending.text = join_lines(pending.text, text)
                pending.last = line
                return
            self.flush()
            self.pending = _Pending(
                "heading", line.page, text, line, line.size, line.bold, level=level
            )
            return
        if line.bullet or self._numbered(line):
            self.flush()
            if not line.bullet:
                text = split_bullet(text).text
            self.pending = _Pending(
                "list_item",
                line.page,
                text,
                line,
                line.size,
                line.bold,
                item_x=line.text_x0,
                marker=line.marker,
            )
            return
        if self._continues(line):
            pending = self.pending
            if _next_column(pending.last, line):
                pending.item_x = line.x0  # the item's text edge in the new column
            soft = pending.last.raw_end == "\u00ad"
            pending.text = join_lines(pending.text, text, soft_break=soft)
            pending.last = line
            return
        self.flush()
        self.pending = _Pending("paragraph", line.page, text, line, line.size, line.bold)

    def _heading_wrap(self, line: Line) -> bool:
        """The short rest of a wrapped heading in the same style ('2023' after 'Gäller 1 juli
        2021 – 30 juni'), which alone is too short to look like a heading."""
        pending = self.pending
        return (
            pending is not None
            and pending.kind == "heading"
            and (line.size, line.bold) == (pending.last.size, pending.last.bold)
            and not line.bullet
            # a heading's period broken at its end: '… till och med den 31' / 'december 2023'
            and (len(line.text) <= 12 or is_date_line(line.text))
        )

    def _bold_run_on(self, line: Line) -> bool:
        """A bold sentence's wrapped line ('året och i samband med'), joined, not a heading."""
        pending = self.pending
        if (
            pending is None
            or pending.kind == "heading"
            or not (pending.bold and line.bold)
            or _ends_sentence(pending.last.text)
            or not line.text[:1].islower()
            or not self._continues(line)
        ):
            return False
        soft = pending.last.raw_end == "\u00ad"
        pending.text = join_lines(pending.text, line.text, soft_break=soft)
        pending.last = line
        return True

    def table_row(self, line: Line) -> None:
        """A ruled table's row: signature cells apart, the other cells one paragraph."""
        self.flush()
        rest = []
        for cell in line.cells or []:
            parts = cell.split("\n")
            if is_name(parts[0]) and 2 <= len(parts) <= 4:
                self.emit("signature", cell, line.page)
            else:
                rest.append(" ".join(parts))
        if rest:
            self.emit("paragraph", " | ".join(rest), line.page)

    def _numbered(self, line: Line) -> bool:
        """'1. Text' or 'a) Text' starting a line; not a heading."""
        found = split_bullet(line.text)
        return found is not None and found.kind == "ordinal" and len(line.text.split()) > 2

    def _continues(self, line: Line) -> bool:
        """Whether the line goes on with the pending paragraph or list item."""
        pending = self.pending
        if pending is None or pending.kind == "heading":
            return False
        previous = pending.last
        if line.bullet:
            return False
        if _broken_word(previous.text, line.text) and line.page == previous.page:
            # "nykterhets-" / "kontroller": one word, whatever the styles and spacing.
            return 0 <= line.top - previous.bottom < 2 * line.size
        if abs(line.size - pending.size) > LAYOUT.size_change:
            return False
        ends_sentence = _ends_sentence(previous.text)
        if pending.kind == "list_item" and line.x0 < pending.item_x - LAYOUT.marker_tolerance:
            # Wrapped back under the marker: only a lower-case sentence tail continues.
            if ends_sentence or not line.text[:1].islower():
                return False
        if line.page != previous.page:
            return self._continues_across_page(pending, line, ends_sentence)
        if _next_column(previous, line):
            return self._continues_across_page(pending, line, ends_sentence)
        gap = line.top - previous.bottom
        if gap > self.style.line_gap + LAYOUT.line_gap_share * line.size or gap < -line.size:
            return False
        if previous.column is not None:
            left, right = previous.column
        else:
            left = self.style.left.get(line.page, previous.x0)
            right = self.style.right.get(line.page, previous.x1)
        width = right - left
        indent = line.x0 - left
        if (
            pending.kind == "paragraph"
            and ends_sentence
            and abs(previous.x0 - left) <= LAYOUT.edge_tolerance
            and LAYOUT.indent_min <= indent <= LAYOUT.indent_max_share * width
        ):
            return False  # a first-line indent opens a paragraph set without spacing
        # A line ending a sentence well before the margin, when the next line's first
        # word would have fitted there, closes a paragraph set without spacing.
        first_word = line.text.split()[0] if line.text.split() else ""
        room = right - previous.x1
        fitted = room > (len(first_word) + 1) * line.size * LAYOUT.char_width_share
        short = room > LAYOUT.short_line_share * width and fitted
        if short and not self.style.heading_levels and line.text[:1].isupper():
            return False  # one style throughout: a short line's break was meant, as in text
        return not (ends_sentence and short)

    def _continues_across_page(self, pending: _Pending, line: Line, ends_sentence: bool) -> bool:
        """Across a page break, or from the foot of one column to the head of the next."""
        if line.page not in (pending.last.page, pending.last.page + 1):
            return False
        if line.text[:1].islower() and not ends_sentence:
            return True
        if ends_sentence:
            return False
        if line.column is not None:
            left = line.column[0]
        else:
            left = self.style.left.get(line.page, line.x0)
        if pending.kind == "list_item":
            return line.x0 > left + LAYOUT.item_indent
        # A full last line without a full stop runs on: "... i samarbete med" / "Polisen".
        previous = pending.last
        if previous.column is not None:
            start, right = previous.column
        else:
            start = self.style.left.get(previous.page, 0)
            right = self.style.right.get(previous.page, previous.x1)
        full = previous.x1 >= right - LAYOUT.full_line_share * (right - start)
        return full and abs(line.x0 - left) <= LAYOUT.edge_tolerance


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop or the like, not with an abbreviation ('… 2019-03-22 t.o.m.')."""
    text = text.rstrip()
    if not text.endswith(_SENTENCE_END):
        return False
    words = text.split()
    return not (text.endswith(".") and words[-1].lower().rstrip(".") in abbreviations())


def _broken_word(first: str, second: str) -> bool:
    """A word hyphenated at the line end, going on in lower case on the next line."""
    word = first.split()[-1] if first.split() else ""
    return (
        len(word) > LAYOUT.broken_word_min_chars
        and word.endswith("-")
        and word[-2].isalpha()
        and second[:1].islower()
        and second.split()[0].lower() not in keep_hyphen_before()
    )


def _next_column(previous: Line, line: Line) -> bool:
    """Whether `line` heads the column right of the one `previous` ends."""
    return (
        previous.column is not None
        and line.column is not None
        and line.column[0] > previous.column[1] - 1
        and line.top < previous.top
    )


def add_blocks(builder: DocumentBuilder, pages: list[list[Line]], style: Style) -> list[str]:
    """Add every page's blocks to the builder; returns the headings' texts, most important first."""
    assembler = _Assembler(builder, style)
    lines = [line for page in pages for line in page]
    for item in find_signatures(lines):
        if isinstance(item, Emitted):
            assembler.emit(item.kind, item.text, item.page)
        else:
            assembler.feed(item)
    assembler.flush()
    ranked = sorted(assembler.headings, key=lambda h: (h[1], h[0]))
    return [text for _, _, text in ranked]
