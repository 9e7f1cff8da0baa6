"""A PDF page's words grouped into text lines, split where a line jumps across a wide gap."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from statistics import median
from typing import Any

from .normalize import load_data, normalize_line, split_bullet
from .pdf_markers import marker_words, plumber_markers
from .settings import LAYOUT

__all__ = [
    "Line",
    "Segment",
    "bullet_marker",
    "clean_page",
    "is_bold_font",
    "page_lines",
    "split_line",
]


@dataclass
class Segment:
    """A run of words on one line with no wide gap inside."""

    text: str
    x0: float
    x1: float


@dataclass
class Line:
    """One visual line of a page, left to right."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    segments: list[Segment]
    bullet: bool = False  # starts with a list marker, removed from `text`
    marker: str = ""  # the marker as read ('•', '–', '(cid:127)')
    text_x0: float = 0.0  # where the text after a bullet starts
    raw_end: str = ""  # last character before normalization (a soft hyphen matters)
    font_sizes: list[float] = field(default_factory=list)
    cells: list[str] | None = None  # a ruled table's row: each cell's lines, '\n'-joined
    words: list[dict] = field(default_factory=list, repr=False)  # pdfplumber's, marker too
    column: tuple[float, float] | None = None  # (left, right) edges on a two-column page

    @property
    def text(self) -> str:
        """The segments joined with single spaces."""
        return " ".join(segment.text for segment in self.segments if segment.text)

    @property
    def height(self) -> float:
        """Bottom minus top."""
        return self.bottom - self.top


@cache
def _bullet_data() -> tuple[re.Pattern[str], list[tuple[str, str]], frozenset[str], tuple]:
    data = load_data("bullets.json")
    ranges = [(low, high) for low, high in data["private_use_ranges"]]
    return (
        re.compile(data["cid_marker"]),
        ranges,
        frozenset(data["extra_glyphs"]),
        tuple(data["symbol_fonts"]),
    )


@cache
def _bold_markers() -> tuple[str, ...]:
    return tuple(load_data("pdf_words.json")["bold_font_markers"])


def is_bold_font(fontname: str) -> bool:
    """Whether a PDF font name names a bold weight ('ABCDEF+Arial-BoldMT')."""
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _bold_markers())


def bullet_marker(token: str, fontname: str = "", next_fontname: str = "") -> bool:
    """Whether a word standing alone at the start of a line is a list marker.

    Letters such as Word's 'o' (Courier New) or 'n'/'§' (Wingdings) count only when
    drawn in a symbol font or in another font than the word after them.
    """
    cid, ranges, extra, symbol_fonts = _bullet_data()
    if cid.match(token):
        return True
    if len(token) != 1:
        return False
    if any(low <= token <= high for low, high in ranges):
        return True
    if split_bullet(token + " x") is not None and not token.isalnum():
        return True
    font = fontname.split("+", 1)[-1].lower()
    if token not in extra:
        return False
    other_font = bool(next_fontname) and fontname != next_fontname
    return not token.isalnum() or other_font or any(f in font for f in symbol_fonts)


def clean_page(page: Any) -> Any:
    """The page without fake-bold doubles and without tilted text (watermarks)."""
    chars = page.chars
    drop = _duplicate_chars(chars)
    sideways = [char for char in chars if _rotated(char)]
    if len(sideways) < len(chars) / 2:
        # Rotated text on an upright page is a watermark or a margin note.
        drop |= {id(char) for char in sideways}
    return page.filter(lambda obj: id(obj) not in drop) if drop else page


def page_lines(
    page: Any, number: int, exclude: Sequence[tuple[float, float, float, float]] = ()
) -> list[Line]:
    """The (cleaned) page's lines top to bottom, bullets marked; `exclude`: table boxes."""
    sideways = [char for char in page.chars if not char.get("upright", True)]
    down = sum(1 for char in sideways if char["matrix"][1] < 0) >= len(sideways) / 2
    if len(sideways) > len(page.chars) / 2:
        # Sideways text: pdfplumber's char sizes vary along the line (they would split
        # words), so words are grouped by a fixed gap and sized from their boxes.
        words = page.extract_words(
            x_tolerance=3,
            y_tolerance=2,
            extra_attrs=["fontname"],
            char_dir_rotated="ttb" if down else "btt",
            line_dir_rotated="rtl" if down else "ltr",
        )
        words = [w for w in words if not any(_inside(w, box) for box in exclude)]
        words = _turned_upright(words, page, down)
    else:
        # Word gaps scale with the font: a fixed 3pt tolerance glues 9pt words set without
        # space characters ("Polisenskavara"), so the tolerance is a share of the size.
        words = page.extract_words(
            x_tolerance_ratio=0.15,
            y_tolerance=2,
            keep_blank_chars=False,
            extra_attrs=["fontname", "size"],
        )
        words = [w for w in words if not any(_inside(w, box) for box in exclude)]
        markers = getattr(page, "markers", None)
        markers = plumber_markers(page) if markers is None else markers
        words += marker_words([m for m in markers if not _in_any(m, exclude)], words)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        row = _matching_row(rows, word)
        if row is None:
            rows.append([word])
        else:
            row.append(word)
    lines = [_make_line(sorted(row, key=lambda w: w["x0"]), number) for row in rows]
    lines = [line for line in lines if line is not None]
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _turned_upright(words: list[dict], page: Any, down: bool) -> list[dict]:
    """Words of a page whose text runs down or up (landscape, /Rotate 90) as if upright."""
    width, height = float(page.width), float(page.height)
    turned = []
    for word in words:
        if down:  # reads top to bottom; the rightmost line comes first
            box = (word["top"], width - word["x1"], word["bottom"], width - word["x0"])
        else:  # reads bottom to top; the leftmost line comes first
            box = (height - word["bottom"], word["x0"], height - word["top"], word["x1"])
        x0, top, x1, bottom = box
        turned.append(
            {
                **word,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "size": word.get("size") or round(bottom - top, 1),
            }
        )
    return turned


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _in_any(box: tuple[float, float, float, float], boxes: Sequence[tuple]) -> bool:
    """Whether the box's middle lies inside one of `boxes` (table boxes)."""
    word = {"x0": box[0], "top": box[1], "x1": box[2], "bottom": box[3]}
    return any(_inside(word, other) for other in boxes)


def _rotated(char: dict) -> bool:
    """Drawn at an angle (pdfminer calls 45 degrees 'upright')."""
    a, b, c, d = (char.get("matrix") or (1, 0, 0, 1))[:4]
    tilted = abs(b) > 0.05 * abs(a) + 1e-6 or abs(c) > 0.05 * abs(d) + 1e-6
    return tilted or not char.get("upright", True)


def _duplicate_chars(chars: list[dict], tolerance: float = 1.0) -> set[int]:
    """Ids of characters drawn again on top of an equal one: fake bold, shadows.

    Linear (a grid of 1-point cells) where pdfplumber's `dedupe_chars` sorts per
    group, which was half the parse time.
    """
    cells: dict[tuple[str, str, int, int], list[dict]] = {}
    duplicates: set[int] = set()
    for char in chars:
        text, font = char["text"], char.get("fontname", "")
        top, x0 = round(char["top"]), round(char["x0"])
        near = (
            other
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for other in cells.get((text, font, top + dy, x0 + dx), ())
        )
        if any(
            abs(other["x0"] - char["x0"]) <= tolerance
            and abs(other["top"] - char["top"]) <= tolerance
            for other in near
        ):
            duplicates.add(id(char))
        else:
            cells.setdefault((text, font, top, x0), []).append(char)
    return duplicates


def _matching_row(rows: list[list[dict]], word: dict) -> list[dict] | None:
    """The row (among the last few) the word overlaps vertically by half its height.

    A row already holding a word at the same x is another line: a tall heading in one
    column spans two lines of the other, which would otherwise be interleaved.
    """
    for row in reversed(rows[-4:]):
        if any(_same_x(other, word) for other in row):
            continue
        top = min(w["top"] for w in row)
        bottom = max(w["bottom"] for w in row)
        overlap = min(bottom, word["bottom"]) - max(top, word["top"])
        height = min(bottom - top, word["bottom"] - word["top"]) or 1.0
        if overlap >= 0.5 * height:
            return row
    return None


def _same_x(a: dict, b: dict) -> bool:
    overlap = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    return overlap > 0.5 and overlap > 0.3 * min(a["x1"] - a["x0"], b["x1"] - b["x0"])


def split_line(line: Line, x: float) -> tuple[Line | None, Line | None]:
    """The parts of a line left and right of `x` (a column gutter), each a line of its own."""
    left = [w for w in line.words if (w["x0"] + w["x1"]) / 2 < x]
    right = [w for w in line.words if (w["x0"] + w["x1"]) / 2 >= x]
    return (
        _make_line(left, line.page) if left else None,
        _make_line(right, line.page) if right else None,
    )


def _make_line(words: list[dict], number: int) -> Line | None:
    bullet = False
    original = words
    first = words[0]
    fonts = (first.get("fontname", ""), words[1].get("fontname", "") if len(words) > 1 else "")
    marker = ""
    if len(words) > 1 and bullet_marker(first["text"], *fonts):
        bullet, marker, words = True, first["text"], words[1:]
    elif _glued_bullet(first["text"]):
        # "•Text" or "(cid:127)Text": the marker drawn without a gap.
        rest = _glued_bullet(first["text"])
        bullet, marker = True, first["text"][: len(first["text"]) - len(rest)]
        words = [{**first, "text": rest}, *words[1:]]
    raw_end = words[-1]["text"][-1:]
    segments: list[Segment] = []
    previous = None
    for word in words:
        text = normalize_line(_CID.sub("", word["text"]))
        gap_limit = LAYOUT.segment_gap * max(word["size"], LAYOUT.segment_min_size)
        if previous is not None and word["x0"] - previous["x1"] <= gap_limit and segments:
            segments[-1].text = f"{segments[-1].text} {text}".strip()
            segments[-1].x1 = word["x1"]
        else:
            segments.append(Segment(text, word["x0"], word["x1"]))
        previous = word
    segments = [segment for segment in segments if segment.text]
    if not segments:
        return None
    sizes = [w["size"] for w in words for _ in w["text"]]
    return Line(
        page=number,
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=first["x0"],
        x1=words[-1]["x1"],
        size=round(median(sizes), 1),
        bold=all(is_bold_font(w.get("fontname", "")) for w in words),
        segments=segments,
        bullet=bullet,
        marker=marker,
        text_x0=words[0]["x0"],
        raw_end=raw_end,
        font_sizes=sizes,
        words=original,
    )


_CID = re.compile(r"\(cid:\d+\)")
_GLUED_CID = re.compile(r"^\(cid:\d+\)(?=\w)")


def _glued_bullet(token: str) -> str:
    """The word after a marker glued to its front ('•Text', '(cid:127)Text'), or ''."""
    match = _GLUED_CID.match(token)
    if match:
        return token[match.end() :]
    if len(token) > 1 and token[1].isalnum() and not token[0].isalnum():
        found = split_bullet(token)
        _, ranges, _, _ = _bullet_data()
        in_private_use = any(low <= token[0] <= high for low, high in ranges)
        if in_private_use or (found and found.kind == "glyph" and found.marker != "*"):
            return token[1:]
    return ""
