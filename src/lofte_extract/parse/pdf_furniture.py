"""Remove running headers, footers and page numbers from a PDF's lines."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from .normalize import load_data
from .pdf_lines import Line

__all__ = ["is_page_number", "remove_furniture"]


@cache
def _settings() -> tuple[list[re.Pattern[str]], float, int, float]:
    data = load_data("pdf_furniture.json")
    patterns = [re.compile(p, re.IGNORECASE) for p in data["page_number_patterns"]]
    return patterns, data["zone_fraction"], data["zone_lines"], data["repeat_min_share"]


def is_page_number(text: str) -> bool:
    """'Sida 2 av 3', '2 (3)', '- 2 -', '2/3' or a bare number."""
    patterns = _settings()[0]
    text = text.strip()
    return any(pattern.match(text) for pattern in patterns)


def _key(text: str) -> str:
    """Text with numbers blanked, so 'Sida 2' on page 2 matches 'Sida 3' on page 3."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.lower())).strip()


def _zones(lines: list[Line], height: float) -> tuple[list[Line], list[Line]]:
    """The lines near the top and bottom edge of one page."""
    _, fraction, count, _ = _settings()
    top = [line for line in lines[:count] if line.top < height * fraction * 1.5]
    bottom = [line for line in lines[-count:] if line.bottom > height * (1 - fraction * 1.5)]
    return top, bottom


def remove_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Each page's lines without page numbers and lines repeated at every page's edge."""
    _, _, _, min_share = _settings()
    zone_lines: list[set[int]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        top, bottom = _zones(lines, height)
        zone_lines.append({id(line) for line in top + bottom})
        keys = {("top", _key(line.text)) for line in top}
        keys |= {("bottom", _key(line.text)) for line in bottom}
        counts.update(keys)
    needed = max(2, math.ceil(min_share * len(pages)))
    repeated = {key for key, count in counts.items() if count >= needed}
    cleaned: list[list[Line]] = []
    for lines, height, in_zone in zip(pages, heights, zone_lines, strict=True):
        top, bottom = _zones(lines, height)
        drop = {id(line) for line in lines if id(line) in in_zone and is_page_number(line.text)}
        drop |= {id(line) for line in top if ("top", _key(line.text)) in repeated}
        drop |= {id(line) for line in bottom if ("bottom", _key(line.text)) in repeated}
        kept = []
        for line in lines:
            if id(line) in drop:
                continue
            if id(line) in in_zone:
                # A footer line ending in its page number: "Medborgarlöfte 2019   2 (3)".
                line.segments = [s for s in line.segments if not is_page_number(s.text)] or [
                    line.segments[0]
                ]
            kept.append(line)
        cleaned.append(kept)
    return cleaned
