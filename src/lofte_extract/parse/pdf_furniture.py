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


def _key(line: Line, body_size: float) -> str:
    """Text with numbers blanked, so 'Sida 2' on page 2 matches 'Sida 3' on page 3.

    Numbers stay in lines larger than body text: 'Löfte 1', 'Löfte 2' heading
    each page are content, not a running header.
    """
    text = re.sub(r"\s+", " ", line.text.lower()).strip()
    return text if line.size > body_size + 0.5 else re.sub(r"\d+", "#", text)


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _zones(lines: list[Line], height: float) -> tuple[list[Line], list[Line]]:
    """The lines near the top and bottom edge of one page."""
    _, fraction, count, _ = _settings()
    top = [line for line in lines[:count] if line.top < height * fraction * 1.5]
    bottom = [line for line in lines[-count:] if line.bottom > height * (1 - fraction * 1.5)]
    return top, bottom


def remove_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Each page's lines without page numbers and lines repeated at every page's edge."""
    _, _, _, min_share = _settings()
    body = _body_size(pages)
    zone_lines: list[set[int]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        top, bottom = _zones(lines, height)
        zone_lines.append({id(line) for line in top + bottom})
        keys = {("top", _key(line, body)) for line in top}
        keys |= {("bottom", _key(line, body)) for line in bottom}
        counts.update(keys)
    needed = max(2, math.ceil(min_share * len(pages)))
    repeated = {key for key, count in counts.items() if count >= needed}
    cleaned: list[list[Line]] = []
    for lines, height, in_zone in zip(pages, heights, zone_lines, strict=True):
        top, bottom = _zones(lines, height)
        drop = {id(line) for line in lines if id(line) in in_zone and is_page_number(line.text)}
        drop |= {id(line) for line in top if ("top", _key(line, body)) in repeated}
        drop |= {id(line) for line in bottom if ("bottom", _key(line, body)) in repeated}
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
