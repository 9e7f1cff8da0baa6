"""Year sets a page states in words rather than as a range: the coming N years, a validity
told as a length from a start, a promise still being drawn up, and the years its address
names. `years.py` scores them."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysed import sentences
from .numbers import parse_number
from .periods import find_timespans
from .settings import EXTRACT
from .year_features import year_settings

__all__ = ["coming_years", "url_years", "validity_lengths", "years_in_preparation"]

YearSpan = tuple[tuple[int, ...], int, int]


def coming_years(text: str, start: int, end: int, year: int) -> list[YearSpan]:
    """'under de kommande två åren' on a page dated 2022: 2022 and 2023."""
    found = []
    for m in re.finditer(year_settings()["coming_years_pattern"], text[start:end]):
        count = parse_number(m[1])
        if count and 1 < count <= EXTRACT.max_range_years + 1:
            found.append((tuple(range(year, year + count)), start + m.start(), start + m.end()))
    return found


# 'gäller i fyra år med start 1/1 2019', 'gäller i 3 månader fr.o.m 1/12 -2020'
_DURATION = re.compile(
    r"(?i)\bgäller\s+(?:i|under)\s+(\w+)\s+(år|månader)\s+"
    r"(?:fr\.?\s?o\.?\s?m\.?|från|med\s+start|med\s+början)\s+"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})\s*-?\s*(20\d\d)\b")


def validity_lengths(text: str, start: int, end: int) -> list[YearSpan]:
    """A validity told as a length from a start ('gäller i fyra år med start 1/1 2019'):
    every year from the start to the end of that length."""
    found = []
    for m in _DURATION.finditer(text, start, end):
        count = parse_number(m[1])
        begun = _DAY_MONTH_YEAR.match(text, m.end(), end)
        if not count or not begun:
            continue
        month, year = int(begun[2]), int(begun[3])
        months = count * 12 if m[2].lower() == "år" else count
        last = year + (month - 1 + months - 1) // 12
        if 1 <= month <= 12 and last - year <= EXTRACT.max_range_years:
            found.append((tuple(range(year, last + 1)), m.start(), begun.end()))
    return found


# Read twice per span: when the candidates are scored and when a period heading is weighed.
@lru_cache(maxsize=64)
def years_in_preparation(text: str, start: int, end: int) -> frozenset[int]:
    """Years of a promise the page says is still being drawn up ('Ett medborgarlöfte för 2023
    håller på att tas fram')."""
    pattern = re.compile(year_settings()["in_preparation_pattern"])
    return frozenset(
        year
        for sentence in sentences(text, start, end, line_ends=True)
        if pattern.search(sentence.text)
        for span in find_timespans(text, sentence.start, sentence.end)
        for year in span.years
    )


def url_years(url: str | None) -> list[int]:
    """Years a promise's URL names in a path segment about a löfte."""
    for segment in (url or "").lower().split("/"):
        if "lofte" in segment:  # 'medborgarlofte-2020' and 'medborgarloften' alike
            spans = find_timespans(segment)
            years = sorted({y for s in spans for y in s.years})
            if years:
                return (
                    list(range(min(years), max(years) + 1))
                    if len(years) <= EXTRACT.max_range_years + 1
                    else []
                )
    return []
