"""Plain text (.txt, .md) to a ParsedDocument: paragraphs, headings, list items, signatures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import reduce

from .document import BlockKind, DocumentBuilder, ParsedDocument, ParseError
from .encoding import decode
from .normalize import BulletMatch, join_lines, normalize_text, split_bullet
from .text_lines import (
    bullet_is_item,
    classify_lines,
    ends_sentence,
    full_line,
    is_furniture_line,
    is_name,
    is_role,
    looks_like_heading,
    wrap_width,
)

__all__ = [
    "MAX_BLOCKS",
    "classify_lines",
    "is_furniture_line",
    "looks_like_heading",
    "parse_text",
]

# Blocks kept at most: a promise has hundreds; a page of 100 000 list lines is a dump whose
# extraction would outlast any time limit, so its first blocks stand for it (with a warning).
MAX_BLOCKS = 5_000
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_RULE = re.compile(r"^[\s._\-–—=*~·•]{3,}$")  # dotted signature lines, markdown rules
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MD_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
_COLUMN_GAP = re.compile(r"\s{3,}")
_SPACES = re.compile(r"\s+")
# '1. Syfte', '2.1 Ungdomar i riskzon', '3.2.1 Trafik': a section number before a short title.
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,2})(\.?)\s+(\S.*)$")


@dataclass(frozen=True)
class _Piece:
    kind: BlockKind
    text: str
    level: int | None = None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _implicit_items(chunk: list[str], bullets: list[BulletMatch | None]) -> set[int]:
    """Indented lines listed under a flush-left line: a list whose bullet glyphs were lost."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(chunk + [""]):
        indented = (
            index < len(chunk)
            and index > 0
            and bullets[index] is None
            and _indent(line) > _indent(chunk[0])
            and line.strip()[:1].isupper()
            and len(line.strip()) <= 250
        )
        if indented:
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


def _marker_depth(marker: str) -> int:
    """How many numbers a list marker holds: '2.' -> 1, '2.1' -> 2, '•' or 'a)' -> 0."""
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,2}\.?", marker) is None:
        return 0
    return len(marker.rstrip(".").split("."))


def _heading_number(line: str) -> int:
    """Depth of a numbered heading line ('2.1 Ungdomar i riskzon' -> 2), 0 if it is none."""
    match = _NUMBERED.match(line)
    if match is None:
        return 0
    number, dot, title = match.groups()
    if "." not in number and not dot:
        return 0  # '12 Polisen ...' is a count, not a section number
    if not looks_like_heading(title) or title.rstrip().endswith((".", "!", "?")):
        return 0
    return number.count(".") + 1


def _numbered_heading(line: str, following: str | None, previous: str | None = None) -> int:
    """Depth when a numbered line stands alone as a heading over a body or a blank line.

    A run of short numbered lines ('1. Trafik' / '2. Narkotika') is a list, so the line is
    a heading only when what follows is a blank, a body line, or a deeper numbered heading.
    """
    depth = _heading_number(line)
    if not depth or (previous is not None and _heading_number(previous) == depth):
        return 0
    if following is None:
        return depth
    below = _heading_number(following)
    if below:
        return depth if below > depth else 0
    if split_bullet(following) is not None:
        return 0
    return depth if following.strip()[:1].isupper() else 0


def _clean_md(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    match = _MD_EMPHASIS.match(line.strip())
    return match.group(2) if match else line


def _merge_chunks(chunks: Iterable[list[str]]) -> Iterator[list[str]]:
    """Rejoin signature lines that a blank line separates: name/title, and column rows."""
    pending: list[str] | None = None
    for chunk in chunks:
        if pending is not None and len(chunk) == 1 and _belongs_together(pending, chunk[0]):
            pending.append(chunk[0])
            continue
        if pending is not None:
            yield pending
        pending = list(chunk)
    if pending is not None:
        yield pending


def _belongs_together(chunk: list[str], line: str) -> bool:
    last = chunk[-1]
    columns = len(_COLUMN_GAP.split(last.strip()))
    if columns >= 2 and all(len(_COLUMN_GAP.split(x.strip())) == columns for x in chunk):
        return len(_COLUMN_GAP.split(line.strip())) == columns
    return len(chunk) == 1 and is_name(last.strip()) and is_role(line.strip())


def _chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Runs of lines between blank lines (dotted signature rules count as blank)."""
    chunk: list[str] = []
    for line in lines:
        rule = _RULE.match(line) and (not chunk or not _SETEXT.match(line))
        if not line.strip() or rule:
            if chunk:
                yield chunk
                chunk = []
            continue
        chunk.append(line)
    if chunk:
        yield chunk


def _dash_counts(bullets: list[BulletMatch | None]) -> dict[str, int]:
    """How often each dash marker opens a line of a chunk: two make a dash list."""
    counts: dict[str, int] = {}
    for bullet in bullets:
        if bullet is not None and bullet.kind == "dash":
            counts[bullet.marker] = counts.get(bullet.marker, 0) + 1
    return counts


def _heading_in_chunk(chunk: list[str], index: int, line: str, in_item: bool) -> _Piece | None:
    """Line `index` of a chunk as a heading: Setext-underlined, Markdown '#', or numbered."""
    following = chunk[index + 1] if index + 1 < len(chunk) else None
    if following is not None and _SETEXT.match(following) and not in_item:
        level = 1 if following.strip().startswith("=") else 2
        return _Piece("heading", _SPACES.sub(" ", line).strip(), level)
    md = _MD_HEADING.match(line.strip())
    if md:
        return _Piece("heading", md.group(2), len(md.group(1)))
    previous = chunk[index - 1] if index > 0 else None
    depth = _numbered_heading(line, following, previous) if len(chunk) > 1 else 0
    if depth:
        return _Piece("heading", _SPACES.sub(" ", line).strip(), min(depth + 1, 6))
    return None


def _heads(line: str, following: str | None, first: bool) -> bool:
    """Whether `line` is a heading over the long line or the list item `following` it."""
    if following is None:
        return False
    return (
        looks_like_heading(line, first)
        and (len(following.strip()) > 80 or split_bullet(following) is not None)
        and not is_role(following)
    )


def _heads_line(chunk: list[str], index: int, line: str, first: bool) -> bool:
    """Whether line `index` of a chunk heads what follows it: the chunk's first line, or, as
    pages without blank lines set them, one after a sentence's end or a list item ('Löfte
    till Göingarna år 2019')."""
    following = chunk[index + 1] if index + 1 < len(chunk) else None
    if index == 0:
        return _heads(line, following, first)
    previous = chunk[index - 1]
    closed = ends_sentence(previous.strip()) or split_bullet(previous) is not None
    return closed and _heads(chunk[index], following, False)


class _TextParser:
    """Turns chunks into pieces, remembering what came before (dash bullets need context)."""

    def __init__(self, width: int | None = None) -> None:
        self.width = width  # the width the text was hard-wrapped at, if it was
        self.pieces: list[_Piece] = []
        # Depth of the numbered list item or lone numbered heading last added, to tell
        # '1. Trafik' / blank / '2. Narkotika' (a list) from a heading over its body.
        self.numbered_item = 0
        self.lone_heading: int | None = None  # index of a lone numbered heading, no body yet

    def feed(self, chunk: list[str], first: bool) -> None:
        """Classify one chunk of lines."""
        pending, self.lone_heading = self.lone_heading, None
        if len(chunk) == 1:
            line = _clean_md(chunk[0])
            if self._markdown_heading(line):
                return
            single = classify_lines([line])
            if single and single[0][0] == "signature":
                self.pieces.append(_Piece("signature", single[0][1]))
                return
            if self._lone_numbered(line, pending):
                return
            if split_bullet(line) is None and looks_like_heading(line, first):
                self.pieces.append(
                    _Piece("heading", _SPACES.sub(" ", line).strip(), 1 if first else None)
                )
                return
        if self._columns(chunk):
            return
        self._lines(chunk, first)

    def _lone_numbered(self, line: str, pending: int | None) -> bool:
        """A numbered line alone between blanks: a heading, unless it goes on a numbered list."""
        depth = _numbered_heading(line, None)
        if not depth:
            return False
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.kind == "list_item" and self.numbered_item == depth:
            return False  # '2. Narkotika' after the list item '1. Trafik'
        if pending is not None and self.numbered_item == depth:
            # Two numbered lines with only blanks between: items of a list, not headings.
            previous = self.pieces[pending]
            marker = split_bullet(previous.text)
            text = marker.text if marker is not None else previous.text
            self.pieces[pending] = _Piece("list_item", text)
            return False
        self.pieces.append(_Piece("heading", _SPACES.sub(" ", line).strip(), min(depth + 1, 6)))
        self.lone_heading = len(self.pieces) - 1
        self.numbered_item = depth
        return True

    def _markdown_heading(self, line: str) -> bool:
        match = _MD_HEADING.match(line.strip())
        if match:
            self.pieces.append(_Piece("heading", match.group(2), len(match.group(1))))
        return bool(match)

    def _columns(self, chunk: list[str]) -> bool:
        """Signatures set side by side with wide gaps: one signature block per column."""
        rows = [_COLUMN_GAP.split(line.strip()) for line in chunk]
        width = len(rows[0])
        if width < 2 or len(rows) < 2 or any(len(row) != width for row in rows):
            return False
        columns = [[row[k] for row in rows] for k in range(width)]
        classified = [classify_lines(column) for column in columns]
        if not all(any(kind == "signature" for kind, _ in c) for c in classified):
            return False
        for column in classified:
            self.pieces.extend(_Piece(kind, text) for kind, text in column)
        return True

    def _lines(self, chunk: list[str], first: bool) -> None:
        bullets = [split_bullet(line) for line in chunk]
        implicit = _implicit_items(chunk, bullets)
        dash_counts = _dash_counts(bullets)
        plain: list[str] = []
        item: list[str] = []
        item_indent = 0

        def flush_plain() -> None:
            if plain:
                self.pieces.extend(_Piece(k, t) for k, t in classify_lines(plain, self.width))
                plain.clear()

        def flush_item() -> None:
            if item:
                # "nykterhets-" / "kontroller": a word broken at the line end joins whole.
                self.pieces.append(_Piece("list_item", reduce(join_lines, item)))
                item.clear()

        for index, (line, bullet) in enumerate(zip(chunk, bullets, strict=True)):
            line = _clean_md(line)
            heading = _heading_in_chunk(chunk, index, line, bool(item))
            if heading is not None:
                flush_plain()
                flush_item()
                self.pieces.append(heading)
                continue
            if _SETEXT.match(line) and index > 0:
                continue  # the underline of the Setext heading above
            if bullet is not None and self._is_list_item(bullet, dash_counts, bool(item)):
                flush_plain()
                flush_item()
                item.append(_SPACES.sub(" ", _clean_md(bullet.text)).strip())
                self.numbered_item = _marker_depth(bullet.marker)
                item_indent = _indent(line)
                continue
            if index in implicit:
                flush_plain()
                flush_item()
                item.append(_SPACES.sub(" ", line).strip())
                item_indent = _indent(line)
                continue
            heads = _heads_line(chunk, index, line, first)
            if item and not heads and self._continues_item(line, item[-1], item_indent, self.width):
                item.append(_SPACES.sub(" ", line).strip())
                continue
            flush_item()
            if heads:
                flush_plain()
                self.pieces.append(_Piece("heading", _SPACES.sub(" ", line).strip()))
                continue
            plain.append(line)
        flush_item()
        flush_plain()

    def _is_list_item(
        self, bullet: BulletMatch, dash_counts: dict[str, int], in_list: bool
    ) -> bool:
        previous = self.pieces[-1] if self.pieces else None
        in_list = (
            in_list
            or dash_counts.get(bullet.marker, 0) >= 2
            or (previous is not None and previous.kind == "list_item")
        )
        return bullet_is_item(bullet, in_list, previous.text if previous else None)

    @staticmethod
    def _continues_item(line: str, last: str, item_indent: int, width: int | None) -> bool:
        indent = _indent(line)
        if indent > item_indent:
            return True
        if width is not None and line.strip() and full_line(last, line.strip(), width):
            return True  # a hard-wrapped item's next line, whatever its indent and letter
        # Left of the item's bullet and capitalised: a new paragraph after the list.
        if indent < item_indent and (ends_sentence(last) or line.lstrip()[:1].isupper()):
            return False
        # Under a finished item, a heading-like line of a text whose lines are not wrapped (a
        # page without blank lines) heads what comes next ('– Nej, … på ett år.' / 'Fokus på
        # helgvåld'); a capitalised sentence there may still be the item's own
        if width is None and ends_sentence(last) and looks_like_heading(line.strip()):
            return False
        return not (is_name(line) or is_role(line))


def parse_text(data: bytes, charset: str | None = None) -> ParsedDocument:
    """Blank lines separate blocks; bullets become list items; short lone lines are headings."""
    decoded = decode(data, declared=charset)
    text = normalize_text(decoded.text, collapse_spaces=False)
    lines = ["" if is_furniture_line(line) else line for line in text.split("\n")]
    parser = _TextParser(wrap_width(lines))
    for number, chunk in enumerate(_merge_chunks(_chunks(lines))):
        parser.feed(chunk, first=number == 0)
    builder = DocumentBuilder("txt")
    warnings = list(decoded.warnings)
    if len(parser.pieces) > MAX_BLOCKS:
        warnings.append(f"kept the first {MAX_BLOCKS} of {len(parser.pieces)} blocks")
    for piece in parser.pieces[:MAX_BLOCKS]:
        builder.add(piece.kind, piece.text, level=piece.level)
    if not builder.blocks:
        raise ParseError("empty document", "no text after removing page furniture")
    title = next((b.text for b in builder.blocks if b.kind == "heading"), builder.blocks[0].text)
    return builder.build(title=title.split("\n")[0][:200], warnings=warnings)
