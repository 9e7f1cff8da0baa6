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
    text = text if line.size > body_size + 0.5 else re.sub(r"\d+", "#", text)
    # The size is part of the key: a title on page 1 worded like the small running
    # header on every page ("Medborgarlöften i Kalmar kommun") is not furniture.
    return f"{round(line.size)}|{text}"


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
    zones = [_zones(lines, height) for lines, height in zip(pages, heights, strict=True)]
    seen: dict[tuple[str, str], list[tuple[int, tuple[int, ...]]]] = {}
    for index, (top, bottom) in enumerate(zones):
        for where, lines in (("top", top), ("bottom", bottom)):
            for key, numbers in {(_key(line, body), _numbers(line.text)) for line in lines}:
                seen.setdefault((where, key), []).append((index, numbers))
    needed = max(2, math.ceil(min_share * len(pages)))
    repeated = {key for key, hits in seen.items() if len(hits) >= needed and _running(hits)}
    titles = _title_texts(pages[0] if pages else [], body)
    cleaned: list[list[Line]] = []
    for number, (lines, (top, bottom)) in enumerate(zip(pages, zones, strict=True)):
        in_zone = {id(line) for line in top + bottom}
        drop = {
            id(line)
            for line in top + bottom
            if is_page_number(line.text) and not _ends_broken_line(line, lines)
        }
        if number > 0:
            # A later page's small header echoing the first page's title: furniture even
            # when the first page (a title page) does not carry it.
            drop |= {
                id(line) for line in top if _plain(line.text) in titles and line.size < body + 0.5
            }
        # "Sida 2 av 3" spelled out is a page label wherever it stands (a scan's OCR
        # puts it mid-page); a bare number is one only at the edge.
        drop |= {id(line) for line in lines if _spelled_page_label(line.text)}
        drop |= {id(line) for line in top if ("top", _key(line, body)) in repeated}
        drop |= {id(line) for line in bottom if ("bottom", _key(line, body)) in repeated}
        kept = []
        for line in lines:
            if id(line) in drop:
                continue
            if id(line) in in_zone:
                # A footer line ending in its page number: "Medborgarlöfte 2019   2 (3)".
                kept_segments = [s for s in line.segments if not is_page_number(s.text)]
                if kept_segments and len(kept_segments) < len(line.segments):
                    line.segments = kept_segments
                    # Columns are split from the words later: the number must go there too.
                    line.words = [w for w in line.words if _within(w, kept_segments)]
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _ends_broken_line(line: Line, lines: list[Line]) -> bool:
    """'… 2022-06-01 t.o.m 2023-12-' / '31': the number ends the line just above, broken
    at its dash, not a page number."""
    return any(
        other.text.rstrip().endswith(("-", "–"))
        and 0 <= line.top - other.bottom <= line.size
        and other.x0 <= line.x0 <= other.x1
        for other in lines
        if other is not line
    )


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _title_texts(lines: list[Line], body_size: float) -> set[str]:
    """Texts of the first page's lines set larger than body text (its title, headings)."""
    return {_plain(line.text) for line in lines if line.size > body_size + 0.5}


def _spelled_page_label(text: str) -> bool:
    return is_page_number(text) and any(ch.isalpha() for ch in text)


def _within(word: dict, segments: list) -> bool:
    middle = (word["x0"] + word["x1"]) / 2
    return any(s.x0 - 1 <= middle <= s.x1 + 1 for s in segments)


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)[:6])


def _running(hits: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Same text on every page, or numbers that count pages ('Sida 2', 'Sida 3')."""
    numbers = [n for _, n in hits]
    if len(set(numbers)) == 1:
        return True
    width = min(len(n) for n in numbers)
    return any(len({n[position] - index for index, n in hits}) == 1 for position in range(width))
