"""List markers drawn as shapes: a browser's or layout program's bullet is a small filled
circle or square beside the line, not a character, so without it the items of a list would
run together as one paragraph.

A marker is read as the glyph '•' standing before the line's first word, where a small,
roughly square shape sits just left of a line's first word, level with it, with no word
overlapping it (a glyph bullet drawn over a shape) or ending just before it (an icon inside
a line).
"""

from __future__ import annotations

from typing import Any

from .settings import LAYOUT

__all__ = ["Box", "marker_shapes", "marker_words", "plumber_markers"]

# (x0, top, x1, bottom), top-left origin as pdfplumber's.
Box = tuple[float, float, float, float]


def marker_shapes(boxes: list[Box]) -> list[Box]:
    """The boxes whose size and proportions are a list marker's."""
    low, high = LAYOUT.drawn_marker_size
    found = []
    for box in boxes:
        width, height = box[2] - box[0], box[3] - box[1]
        if not (low <= width <= high and low <= height <= high):
            continue
        if max(width, height) > LAYOUT.drawn_marker_aspect * min(width, height):
            continue
        found.append(box)
    return found


def plumber_markers(page: Any) -> list[Box]:
    """A pdfplumber page's curves and rects that could be list markers."""
    shapes = [*getattr(page, "curves", []), *getattr(page, "rects", [])]
    return marker_shapes([(s["x0"], s["top"], s["x1"], s["bottom"]) for s in shapes])


def marker_words(markers: list[Box], words: list[dict]) -> list[dict]:
    """A '•' word for each marker standing before a line's first word."""
    added: list[dict] = []
    if len(markers) > LAYOUT.drawn_marker_max:
        return added  # a drawing (a map's dots, a chart), not a page of lists
    for box in markers:
        middle = (box[1] + box[3]) / 2
        level = [w for w in words if w["top"] <= middle <= w["bottom"]]
        after = [w for w in level if w["x0"] >= box[2] - 0.5]
        if not after:
            continue
        first = min(after, key=lambda w: w["x0"])
        size = first.get("size") or (first["bottom"] - first["top"])
        if first["x0"] - box[2] > LAYOUT.drawn_marker_gap * size:
            continue
        clear = box[0] - LAYOUT.drawn_marker_clear * size
        if any(w["x0"] < box[2] and w["x1"] > clear for w in level if w is not first):
            continue  # a glyph over the shape, or a word just before it: not a list marker
        if any(o["x0"] == box[0] and o["top"] <= middle <= o["bottom"] for o in added):
            continue  # one marker drawn twice (fill and stroke)
        added.append(
            {
                "text": "•",
                "x0": box[0],
                "x1": box[2],
                "top": min(box[1], first["top"]),
                "bottom": max(box[3], first["bottom"]),
                "size": size,
                "fontname": "",
                "upright": True,
            }
        )
    return added
