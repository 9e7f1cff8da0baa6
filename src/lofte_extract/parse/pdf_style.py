"""What body text looks like in a PDF: body size, line gap, heading styles, margins."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from .normalize import split_bullet
from .pdf_lines import Line
from .settings import LAYOUT

__all__ = ["Style", "bold_sentence", "measure_style", "sentence_like"]


@dataclass
class Style:
    """What body text looks like in this document, to tell headings and paragraph gaps."""

    body_size: float
    body_bold: bool
    line_gap: float
    heading_levels: dict[tuple[float, bool], int] = field(default_factory=dict)
    left: dict[int, float] = field(default_factory=dict)
    right: dict[int, float] = field(default_factory=dict)

    def is_heading(self, line: Line) -> bool:
        """Larger or bolder than body text, or in capitals; short; not a list item or sentence."""
        styled = (line.size, line.bold) in self.heading_levels
        if not ((styled or _capitals(line.text)) and _heading_shaped(line)):
            return False
        # Bold at body size marks emphasis as often as a title: a sentence stays text.
        bold_only = line.size < self.body_size * 1.12
        return not bold_sentence(line.text, bold_only)

    def level(self, line: Line) -> int:
        """1 for the largest heading style; capitals at body style rank below all styles."""
        return self.heading_levels.get((line.size, line.bold), len(self.heading_levels) + 1)


def _capitals(text: str) -> bool:
    """'BAKGRUND', 'DET HÄR SKA VI GÖRA': a heading set in capitals at body size."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        LAYOUT.capitals_min_letters <= len(letters)
        and text.isupper()
        and len(text.split()) <= LAYOUT.capitals_max_words
    )


def _heading_shaped(line: Line) -> bool:
    text = line.text
    return (
        not line.bullet
        and len(text) <= LAYOUT.heading_max_chars
        and len(text.split()) <= LAYOUT.heading_max_words
        and not text.endswith((",", ";"))
        and any(ch.isalpha() for ch in text)
    )


def bold_sentence(text: str, bold_only: bool) -> bool:
    """A full sentence or a numbered list item set in bold, not a heading.

    'Polisen ska genomföra minst 25 nykterhetskontroller under året.' in bold body type;
    a larger type needs a longer sentence ('Medborgarlöfte 2024.' stays a title).
    """
    words = text.split() or [""]
    # Only a full stop: "Vad är ett medborgarlöfte?" and "Tillsammans!" are headings.
    sentence = text.endswith(".") and not text.endswith("...")
    broken = (len(words[-1]) > LAYOUT.broken_word_min_chars and words[-1].endswith("-")) and words[
        -1
    ][-2].isalpha()
    numbered = split_bullet(text)
    if numbered is not None and numbered.kind == "ordinal":
        # "2. Trygghet i centrum" set large is a numbered section; in body type, or a
        # sentence, or running on into the next line ("nykterhets-"), it is a list item.
        limit = LAYOUT.ordinal_words_bold if bold_only else LAYOUT.ordinal_words_large
        return sentence or broken or len(words) > limit
    if not bold_only:
        return sentence and len(words) > LAYOUT.bold_sentence_words
    return (sentence and len(words) >= LAYOUT.bold_only_sentence_words) or (
        len(text) > LAYOUT.bold_only_max_chars
    )


def sentence_like(text: str) -> bool:
    """Too long, or a full sentence, to be a heading."""
    words = len(text.split())
    return len(text) > LAYOUT.sentence_max_chars or (
        text.endswith(".") and words > LAYOUT.sentence_min_words
    )


def measure_style(pages: list[list[Line]]) -> Style:
    """Body font size, boldness, line spacing, heading styles and margins of the document."""
    sizes: Counter[float] = Counter()
    bold_chars: Counter[bool] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    for lines in pages:
        for line in lines:
            if abs(line.size - body) <= LAYOUT.size_tolerance:
                bold_chars[line.bold] += len(line.text)
    body_bold = bold_chars[True] > bold_chars[False]
    gaps = []
    for lines in pages:
        for above, below in zip(lines, lines[1:], strict=False):
            gap = below.top - above.bottom
            body_type = all(abs(ln.size - body) <= LAYOUT.size_tolerance for ln in (above, below))
            if body_type and gap < body:
                gaps.append(gap)
    style = Style(body, body_bold, median(gaps) if gaps else body * 0.25)
    heading_styles: Counter[tuple[float, bool]] = Counter()
    for lines in pages:
        for line in lines:
            larger = line.size >= body * LAYOUT.heading_size_ratio
            bolder = line.bold and not body_bold and line.size >= body - LAYOUT.size_tolerance
            if (larger or bolder) and _heading_shaped(line):
                heading_styles[(line.size, line.bold)] += 1
    ranked = sorted(heading_styles, key=lambda s: (-s[0], not s[1]))
    style.heading_levels = {key: min(level, 6) for level, key in enumerate(ranked, start=1)}
    for lines in pages:
        body_lines = [ln for ln in lines if abs(ln.size - body) <= LAYOUT.size_tolerance]
        if body_lines:
            style.left[body_lines[0].page] = min(ln.x0 for ln in body_lines)
            ends = sorted(ln.x1 for ln in body_lines)
            style.right[body_lines[0].page] = ends[int(len(ends) * 0.9)]
    return style
