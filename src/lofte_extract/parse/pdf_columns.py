"""Reading order on pages set in two columns: the left column before the right one."""

from __future__ import annotations

from collections import Counter

from .pdf_lines import Line, split_line
from .settings import LAYOUT

__all__ = ["find_gutter", "reading_order"]


def find_gutter(lines: list[Line], width: float) -> float | None:
    """The x of an empty vertical strip in the middle of the page that most lines straddle."""
    shortest = LAYOUT.column_line_chars
    body = [line for line in lines if line.cells is None and len(line.text) > shortest]
    if len(body) < LAYOUT.column_min_lines or width <= 0:
        return None
    low, high = (int(width * share) for share in LAYOUT.gutter_band)
    counts = [0] * (high - low)
    for line in body:
        for word in line.words:
            start = max(int(word["x0"]) - low, 0)
            end = min(int(word["x1"]) - low + 1, len(counts))
            for index in range(start, end):
                counts[index] += 1
    # Headings and other full-width lines may cross the gutter, a tenth of the lines at
    # most; the strip is where the fewest do (a short right column still counts).
    if not counts or min(counts) > len(body) // LAYOUT.gutter_crossing_share:
        return None
    allowed = min(counts) + max(1, len(body) // LAYOUT.gutter_slack_share)
    best: tuple[int, int] | None = None
    run_start = None
    for index, count in enumerate([*counts, allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = index
        elif count > allowed and run_start is not None:
            # A gutter has text on both sides inside the middle band of the page.
            inside = run_start > 0 and index < len(counts)
            if inside and (best is None or index - run_start > best[1] - best[0]):
                best = (run_start, index)
            run_start = None
    if best is None or best[1] - best[0] < LAYOUT.min_gutter:
        return None
    gutter = low + (best[0] + best[1]) / 2
    # Both sides need text; the right column may be short (the text ran out there),
    # but its lines start at one x, the column's edge.
    left = sum(1 for line in body if any(w["x1"] < gutter for w in line.words))
    starts = Counter(
        round(min(w["x0"] for w in line.words if w["x0"] > gutter))
        for line in body
        if any(w["x0"] > gutter for w in line.words)
    )
    near = LAYOUT.column_edge_tolerance
    aligned = max(
        (sum(n for x, n in starts.items() if abs(x - edge) <= near) for edge in starts), default=0
    )
    enough = LAYOUT.min_side_lines
    return gutter if left >= enough and aligned >= enough else None


def reading_order(lines: list[Line], width: float, height: float | None = None) -> list[Line]:
    """The page's lines in reading order; unchanged unless the page has two columns."""
    gutter = find_gutter(lines, width)
    if gutter is None:
        return lines
    edge = (height or 0) * LAYOUT.margin_share
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        in_margin = bool(edge) and (line.bottom < edge or line.top > (height or 0) - edge)
        crosses = (
            in_margin
            or line.cells is not None
            or any(w["x0"] < gutter < w["x1"] for w in line.words)
        )
        if crosses:
            # A full-width line (heading, table row) ends the two-column stretch above it.
            ordered += _edged(left) + _edged(right) + [line]
            left, right = [], []
            continue
        left_part, right_part = split_line(line, gutter)
        if left_part is not None:
            left.append(left_part)
        if right_part is not None:
            right.append(right_part)
    return ordered + _edged(left) + _edged(right)


def _edged(column: list[Line]) -> list[Line]:
    """Mark each line with its column's edges, so paragraph ends are judged per column."""
    if column:
        edges = (min(line.x0 for line in column), max(line.x1 for line in column))
        for line in column:
            line.column = edges
    return column
