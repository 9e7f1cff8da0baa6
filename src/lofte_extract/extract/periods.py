"""A Swedish date and period grammar: time points, then ranges built from adjacent points.

Points are full dates ('2019-06-01', '20190601', '1 juni 2019', 'Mar 06, 2020'), month-years
('februari 2019'), bare months ('juni', when a later point gives the year), seasons ('hösten
2019') and years ('2021', '2022/23'). Two points joined by a range word ('-', '–', '/',
'till', 't.o.m.', 'till och med', 'fram till') make a range; what is left stands alone.
The grammar knows nothing of promises: `years.py` scores what it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import (
    expand_years,
    find_dates,
    find_period_range,
    make_date,
    ocr_digits,
    range_start_year,
)
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "Point",
    "TimeSpan",
    "find_points",
    "find_timespans",
    "heading_years",
    "is_period_heading",
    "years_in",
]

# A range longer than this many years is no promise period ('2015-2030' is a vision).


@dataclass(frozen=True)
class Point:
    """A point in time as written: a year always (or from context), month and day if given."""

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    kind: str = "year"  # date | month_year | month | season | year

    def iso(self, year: int | None = None) -> str | None:
        """ISO date when given to the day."""
        if self.day is None or self.month is None:
            return None
        return make_date(self.year or year, self.month, self.day)


@dataclass(frozen=True)
class TimeSpan:
    """A range or a lone point, with every year it covers."""

    start: int
    end: int
    years: tuple[int, ...]
    kind: str  # range | date | month_year | season | year
    begin: str | None = None  # ISO, when both ends are given to the day
    finish: str | None = None
    # 'gäller till april 2020', 'fram till 2023': a lone point closing a period whose start
    # the text leaves to its context (the page's date, a range ending there).
    open_start: bool = False

    @property
    def is_range(self) -> bool:
        """Whether two points were joined."""
        return self.kind == "range"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    months = load_vocab("months")
    names = {**months["months"], **months["ocr_months"]}
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    seasons = "|".join(map(re.escape, months["seasons"]))
    year = r"(20[0-4]\d)"
    return {
        # 'juni 2020', 'juni månad 2016'
        "month_year": re.compile(rf"(?i)(?<![\wåäö])({alt})\.?\s+(?:månads?\s+)?{year}(?!\d)"),
        "month": re.compile(rf"(?i)(?<![\wåäö\d])({alt})(?![\wåäö])"),
        "season": re.compile(rf"(?i)(?<![\wåäö])(?:{seasons})\s+{year}(?!\d)"),
        # 'Lag (2023:196)': a statute's number, no year of anything
        # '2022/23', '2023–24': the second year written short
        "year": re.compile(r"(?<!\d)(20[0-4]\d)(?:[/–-](\d{2})(?![\d]|[-–/.:]\d))?(?![\d]|:\d)"),
    }


def _month_number(word: str) -> int:
    months = load_vocab("months")
    return {**months["months"], **months["ocr_months"]}[word.lower().rstrip(".")]


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def find_points(text: str, start: int = 0, end: int | None = None) -> list[Point]:
    """Time points in `text[start:end]`, in text order, longest reading first."""
    end = len(text) if end is None else end
    text = ocr_digits(text)
    pats = _patterns()
    points: list[Point] = []
    taken: list[tuple[int, int]] = []

    def add(point: Point) -> None:
        if _free(taken, point.start, point.end):
            points.append(point)
            taken.append((point.start, point.end))

    for d in find_dates(text, start, end):
        add(Point(d.start, d.end, d.year, d.month, d.day, "date"))
    for m in pats["season"].finditer(text, start, end):
        add(Point(m.start(), m.end(), int(m[1]), None, None, "season"))
    for m in pats["month_year"].finditer(text, start, end):
        add(Point(m.start(), m.end(), int(m[2]), _month_number(m[1]), None, "month_year"))
    for m in pats["year"].finditer(text, start, end):
        second = int(m[1][:2] + m[2]) if m[2] else 0
        if m[2] and not 0 < second - int(m[1]) <= EXTRACT.short_year_span:
            m = pats["year"].match(text, m.start(), m.start() + 4)  # '2023-14' is no range
        add(Point(m.start(), m.end(), int(m[1]), None, None, "year"))
        if m[2]:
            points[-1] = Point(m.start(), m.start(1) + 4, int(m[1]), kind="year")
            points.append(Point(m.start(1) + 5, m.end(), second, kind="year_short"))
    for m in pats["month"].finditer(text, start, end):
        add(Point(m.start(), m.end(), None, _month_number(m[1]), None, "month"))
    return sorted(points, key=lambda p: p.start)


_GAP = re.compile(
    r"^\s*(?:[-–—/]{1,2}|(?:(?:och\s+)?(?:pågå|pågår|löpa|löper|gälla|gäller)\s+)?"
    r"(?:till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|tom|fram\s+till)|och|samt)"
    r"\s*(?:den\s+)?$",
    re.IGNORECASE,
)


_UNTIL = re.compile(
    r"(?<![\wåäö])(?:till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|fram\s+till)\s+(?:den\s+)?$",
    re.IGNORECASE,
)


def _joinable(text: str, first: Point, second: Point) -> bool:
    gap = text[first.end : second.start]
    if not _GAP.match(gap):
        return False
    if second.year is None:  # 'mars-maj': a range whose year the context gives
        return first.kind == second.kind == "month" and gap.strip() in ("-", "–", "—", "till")
    if gap.strip().lower() in ("och", "samt"):  # '2020 och 2021' joins years, not dates
        return first.kind == "year" and second.kind in ("year", "year_short")
    return second.kind != "month"


def _impossible(point: Point) -> bool:
    """'31 juni 2019': a date that does not exist is no time point."""
    return point.kind == "date" and point.year is not None and point.iso() is None


def _range(first: Point, second: Point) -> TimeSpan | None:
    if _impossible(first) or _impossible(second):
        return None
    if second.year is None:
        return TimeSpan(first.start, second.end, (), "range")
    first_year = first.year
    if first_year is None:  # 'juni - augusti 2020', 'januari–december 2022'
        first_year = range_start_year(
            (first.month, first.day), (second.month, second.day), second.year
        )
    if not 0 <= second.year - first_year <= EXTRACT.max_range_years:
        return None
    begin, finish = first.iso(first_year), second.iso()
    if begin and finish and begin >= finish:
        return None
    years = tuple(range(first_year, second.year + 1))
    return TimeSpan(first.start, second.end, years, "range", begin, finish)


def find_timespans(text: str, start: int = 0, end: int | None = None) -> list[TimeSpan]:
    """Ranges and lone points, in text order; a month range without a year has `years == ()`.

    Lone bare months are dropped.
    """
    text = ocr_digits(text)
    points = find_points(text, start, end)
    spans: list[TimeSpan] = []
    index = 0
    while index < len(points):
        point = points[index]
        nxt = points[index + 1] if index + 1 < len(points) else None
        if nxt and _joinable(text, point, nxt) and (_impossible(point) or _impossible(nxt)):
            index += 2  # a range with an impossible end says nothing
            continue
        joined = _range(point, nxt) if nxt and _joinable(text, point, nxt) else None
        if joined:
            spans.append(joined)
            index += 2
            continue
        if point.year is not None and not _impossible(point):
            kind = "year" if point.kind == "year_short" else point.kind
            until = bool(
                _UNTIL.search(text, max(0, point.start - EXTRACT.until_window_chars), point.start)
            )
            spans.append(TimeSpan(point.start, point.end, (point.year,), kind, open_start=until))
        index += 1
    return spans


def years_in(text: str) -> list[int]:
    """Years a short piece of text names, ranges expanded ('2018-07-01—2020-06-30' -> 3)."""
    period = find_period_range(text + " löfte")
    if period:
        return expand_years(int(period[0][:4]), int(period[1][:4]))
    masked = re.sub(r"(?i)\bdnr\b[^\n,;]*", " ", ocr_digits(text))
    for date in find_dates(masked):  # single dates are events, not coverage
        masked = masked[: date.start] + " " * (date.end - date.start) + masked[date.end :]
    # the period grammar's spans, as the year scores read them ('2023-25', '2019 till 2020')
    spans = find_timespans(masked, 0, len(masked))
    return sorted({year for span in spans if span.kind != "date" for year in span.years})


def _words(line: str) -> list[str]:
    return line.split()


def is_period_heading(line: str) -> bool:
    """A short line naming a promise and a year: 'Medborgarlöften i Eslöv 2017'."""
    vocab = load_vocab("meta_years")
    lower = line.lower()
    words = _words(line)
    if not words or len(words) > vocab["heading_max_words"]:
        return False
    if any(mark in lower for mark in vocab["heading_link_marks"]):
        return False
    if line.rstrip().endswith(".") and len(words) > EXTRACT.heading_sentence_words:
        # 'Medborgarlöfte i Söderköpings kommun 2020-2022, som kan förlängas …': a period
        # heading with a relative clause after it; a sentence is none
        head = line.split(", som ")[0]
        if head == line or len(_words(head)) > EXTRACT.heading_sentence_words:
            return False
        line, lower, words = head, head.lower(), _words(head)
    lofte = re.compile(vocab["lofte_word"])
    if not any(lofte.match(word) for word in words[: vocab["heading_lofte_within_words"]]):
        return False
    return bool(years_in(line))


def heading_years(line: str) -> list[int]:
    """Years of a period heading."""
    return years_in(line)
