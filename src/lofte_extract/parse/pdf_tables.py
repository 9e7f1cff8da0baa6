"""Ruled tables in a PDF page: one line per table row, each cell's text kept whole.

Without this, a row whose cells wrap onto several lines reads across the cells
line by line and interleaves them ("Trygghets- Kommunen Hösten vandringar ...").
"""

from __future__ import annotations

from statistics import median
from typing import Any

from .normalize import join_lines, normalize_line
from .pdf_lines import Line, Segment

__all__ = ["MAX_TABLE_EDGES", "table_rows"]

# A page drawn with more ruling edges than this is a chart or a map, not a table.
MAX_TABLE_EDGES = 2000
_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "text_x_tolerance_ratio": 0.15,
}

Box = tuple[float, float, float, float]


def table_rows(page: Any, number: int) -> tuple[list[Line], list[Box]]:
    """Lines standing for the rows of ruled tables with two or more columns, and their boxes."""
    edges = page.edges
    if len(edges) < 4 or len(edges) > MAX_TABLE_EDGES:
        return [], []
    lines: list[Line] = []
    boxes: list[Box] = []
    for table in page.find_tables(_SETTINGS):
        rows = table.extract(**{"x_tolerance_ratio": 0.15})
        if not rows or max(sum(1 for cell in row if cell) for row in rows) < 2:
            continue  # a framed paragraph, not a table
        boxes.append(tuple(table.bbox))
        for row, cells in zip(table.rows, rows, strict=False):
            line = _row_line(page, row, cells, number)
            if line is not None:
                lines.append(line)
    return lines, boxes


def _row_line(page: Any, row: Any, cells: list[str | None], number: int) -> Line | None:
    texts = [_cell_text(cell) for cell in cells]
    bboxes = [box for box in row.cells]
    segments = [
        Segment(normalize_line(text.replace("\n", " ")), box[0], box[2])
        for text, box in zip(texts, bboxes, strict=False)
        if text and box is not None
    ]
    if not segments:
        return None
    x0, top, x1, bottom = row.bbox
    sizes = [
        c["size"]
        for c in page.chars
        if x0 <= c["x0"] <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
    ]
    return Line(
        page=number,
        top=top,
        bottom=bottom,
        x0=x0,
        x1=x1,
        size=round(median(sizes), 1) if sizes else 0.0,
        bold=False,
        segments=segments,
        text_x0=x0,
        cells=[t for t in texts if t],
    )


def _cell_text(cell: str | None) -> str:
    """A cell's lines, hyphenation across its lines undone."""
    if not cell:
        return ""
    lines = [normalize_line(line) for line in cell.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    # Keep line structure where it looks like a stacked signature (name over title).
    out = [lines[0]]
    for line in lines[1:]:
        if out[-1].endswith("-") or line[:1].islower():
            out[-1] = join_lines(out[-1], line)
        else:
            out.append(line)
    return "\n".join(out)
