"""Dates and years: reading dates, the validity period, and the years a promise covers."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from .analysed import Line, body_lines, sentences
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "DateMention",
    "article_date",
    "dateline_date",
    "expand_years",
    "find_dates",
    "find_period_range",
    "make_date",
    "ocr_digits",
    "range_start_year",
]

YEAR = r"(?<![\d/-])(20[0-4]\d)(?![\d])"


@dataclass(frozen=True)
class DateMention:
    """A date in the text; `year` is None when the text leaves it out ('den 1 november')."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def iso(self, year: int | None = None) -> str | None:
        """ISO form, or None when the date does not exist ('31 juni')."""
        return make_date(self.year or year, self.month, self.day)


def make_date(year: int | None, month: int, day: int) -> str | None:
    """ISO date, or None for an impossible one."""
    if year is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    vocab = load_vocab("months")
    return {**vocab["months"], **vocab["ocr_months"]}


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern, ...]:
    names = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    iso = re.compile(r"(?<![\d])(20[0-4]\d)-(\d{1,2})-(\d{1,2})(?!\d)")
    words = re.compile(
        rf"(?<![\d])(\d{{1,2}})(?::?e)?\s+({names})\.?(?![a-zåäö])(?:,?\s+(20[0-4]\d)(?!\d))?",
        re.IGNORECASE,
    )
    slash = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s*(20[0-4]\d)(?!\d)")
    dotted = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20[0-4]\d)(?![\d])")
    month_first = re.compile(rf"(?i)(?<![\wåäö])({names})\.?\s+(\d{{1,2}}),\s*(20[0-4]\d)(?!\d)")
    compact = re.compile(r"(?<!\d)(20[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
    days = "|".join(map(re.escape, load_vocab("months")["ordinal_days"]))
    ordinal = re.compile(
        rf"(?i)(?<![\wåäö])({days})\s+({names})\.?(?![a-zåäö])\s+(20[0-4]\d)(?!\d)"
    )
    return iso, words, slash, dotted, compact, month_first, ordinal


# A run of digits with OCR letters inside or at its end: '2O19', '2017-02-2l'.
_OCR_RUN = re.compile(r"(?<![^\W\d_])[\dlIOo]+(?![^\W\d_])")
_OCR_TABLE = str.maketrans("lIOo", "1100")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)
def ocr_digits(text: str) -> str:
    """`text` with OCR's l, I and O (o) read as 1, 1 and 0 inside digit runs (same length)."""
    if not re.search(r"\d[lIOo]|[lIOo]\d", text):
        return text
    return _OCR_RUN.sub(_mend_run, text)


def _mend_run(m: re.Match) -> str:
    run = m.group()
    if run.isdigit() or not any(c.isdigit() for c in run):
        return run  # 'IO', 'Ola' stay words
    return run.translate(_OCR_TABLE)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Dates in `text[start:end]` (ISO, '12 mars 2019', '1/1 2019'), in text order."""
    end = len(text) if end is None else end
    text = ocr_digits(text)
    if not _DIGIT.search(text, start, end):
        return []  # every date pattern holds a digit; most lines hold none
    iso, words, slash, dotted, compact, month_first, ordinal = _date_patterns()
    found: list[DateMention] = []
    for pattern in (iso, compact):  # '2019-06-01', '20190601': year first
        for m in pattern.finditer(text, start, end):
            found.append(DateMention(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])))
    for m in words.finditer(text, start, end):
        year = int(m[3]) if m[3] else None
        found.append(DateMention(m.start(), m.end(), year, _months()[m[2].lower()], int(m[1])))
    for m in month_first.finditer(text, start, end):  # 'Mar 06, 2020'
        found.append(DateMention(m.start(), m.end(), int(m[3]), _months()[m[1].lower()], int(m[2])))
    for m in ordinal.finditer(text, start, end):  # 'första juni 2021', 'sista augusti 2021'
        year, month = int(m[3]), _months()[m[2].lower()]
        day = load_vocab("months")["ordinal_days"][m[1].lower()]
        day = day or calendar.monthrange(year, month)[1]
        found.append(DateMention(m.start(), m.end(), year, month, day))
    for pattern in (slash, dotted):  # '1/3 2019', '01.03.2019': day first
        for m in pattern.finditer(text, start, end):
            found.append(DateMention(m.start(), m.end(), int(m[3]), int(m[2]), int(m[1])))
    found.sort(key=lambda d: d.start)
    kept: list[DateMention] = []
    for date in found:  # overlapping readings: keep the first, longest
        if kept and date.start < kept[-1].end:
            continue
        kept.append(date)
    return kept


_RANGE_GAP = re.compile(
    r"^\s*(?:[-–—]{1,2}|\n\s*•|(?:och\s+\w+\s+)?(?:fram\s+)?till|t\.o\.m\.?|tom|to)\s*"
    r"(?:och med\s*)?(?:den\s*)?$",
    re.IGNORECASE,
)


def find_period_range(
    text: str, start: int = 0, end: int | None = None, agreement: bool = False
) -> tuple[str, str, int, int] | None:
    """The first 'date - date' validity range in a sentence about the promise.

    An agreement's period counts only when the document is the agreement itself.
    """
    vocab = load_vocab("meta_years")
    agreement_words = ("överenskommelse", "avtal")
    found = sentences(text, start, end, line_ends=True)
    for index, sentence in enumerate(found):
        lower = sentence.text.lower()
        # a line holding nothing but the range ('1 februari 2022 - 30 september 2023') under
        # the promise's title dates the promise itself
        bare = _BARE_RANGE.fullmatch(lower.strip())
        if (
            not bare
            and not any(cue in lower for cue in vocab["valid_cues"])
            and not (agreement and any(word in lower for word in agreement_words))
        ):
            continue
        if not agreement and "löfte" not in lower and any(w in lower for w in agreement_words):
            continue
        if any(cue in lower for cue in vocab["measurement_cues"]):
            continue  # 'Brottsstatistiken för 1 januari – 21 oktober 2016 …': what was counted
        reach = sentence.end
        runs_on = index + 1 < len(found) and (
            _OPEN_RANGE_END.search(lower) or _RANGE_CONTINUED.match(found[index + 1].text)
        )
        if runs_on:
            reach = found[index + 1].end  # 'perioden 2019-03-22 t.o.m.' / '2020-12-31 lovar …'
        dates = find_dates(text, sentence.start, reach)
        for first, second in zip(dates, dates[1:], strict=False):
            if not _RANGE_GAP.match(text[first.end : second.start]):
                continue
            first_year = first.year
            if first_year is None and second.year is not None:
                first_year = range_start_year(
                    (first.month, first.day), (second.month, second.day), second.year
                )
            begin, finish = first.iso(first_year), second.iso()
            if begin and finish and begin < finish:
                return begin, finish, first.start, second.end
    return None


def range_start_year(
    start: tuple[int | None, int | None], end: tuple[int | None, int | None], end_year: int
) -> int:
    """The year of a range's year-less start (month, day) given its end's: the same, or the
    one before when the start comes later in the year ('1 november - 31 mars 2017', 'juni -
    mars 2020')."""
    later = (start[0] or 0, start[1] or 0) > (end[0] or 13, end[1] or 0)
    return end_year - 1 if later else end_year


# A line of two dates and the dash between them, nothing else.
_BARE_RANGE = re.compile(r"(?:den\s+)?\d[\d\w\s.-]{4,24}?\s*[-–—]\s*(?:den\s+)?\d[\d\w\s.-]{4,24}")

# A sentence (or line) ending in a range's connector runs on into the next one.
_OPEN_RANGE_END = re.compile(r"(?:[-–—]|\btill|\bt\.o\.m\.?|\btom)\s*$")
# … or the next one starts with the connector, a PDF's wrapped dash read as a bullet:
# '2023-05-01' / '• 2023-08-31'.
_RANGE_CONTINUED = re.compile(r"^\s*(?:[-–—•]|till\b|t\.o\.m\.?)\s*\d")


def expand_years(first: int, second: int | None) -> list[int]:
    if second is None or not 0 < second - first <= EXTRACT.max_range_years:
        return [first]
    return list(range(first, second + 1))


def article_date(
    text: str, end: int | None = None, updated: bool = False
) -> tuple[datetime.date, int, int] | None:
    """An article's date in `text[:end]`: a date line at the top, or a 'Publicer<ad> <date>'
    line anywhere; with `updated`, an 'Uppdaterad <date>' counts too."""
    if end is not None and end < len(text) and _cuts_line(text, end):
        text = text[:end]  # the last line is cut: read the cut text as it is
    for index, line in _date_lines(text):
        if end is not None and line.end > end:
            break
        if (
            line.text.lower().startswith("publicer")
            or index < EXTRACT.dateline_lines
            and len(line.text) <= EXTRACT.dateline_chars
        ):
            dates = find_dates(text, line.start, line.end)
        elif index < EXTRACT.dateline_lines:
            dates = dateline_date(text, line) or _published(text, line)
        else:  # a lead opening with its date, or 'publicer' inside a line that ran on
            dates = _lead_date(text, line) or _published(text, line)
        # 'Uppdaterad 2024-02-28' is not when the article came out
        dates = [
            d
            for d in dates
            if updated
            or not _UPDATED.search(
                text[max(line.start, d.start - EXTRACT.updated_window_chars) : d.start]
            )
        ]
        if dates and dates[0].year:
            iso = dates[0].iso()
            if iso:
                return datetime.date.fromisoformat(iso), dates[0].start, dates[0].end
    return None


@lru_cache(maxsize=4)
def _date_lines(text: str) -> tuple[tuple[int, Line], ...]:
    """The body lines an article's date can be on (the first four, and any naming
    publication), with their index: split once per text, however many spans ask."""
    return tuple(
        (index, line)
        for index, line in enumerate(body_lines(text))
        if index < EXTRACT.dateline_lines
        or "publicer" in line.text.lower()
        or (index < EXTRACT.lead_date_lines and _lead_date(text, line))
    )


def _lead_date(text: str, line: Line) -> list[DateMention]:
    """'2020-09-08 Polisen och kommunen arbetar …', '8 september 2020 Polisen …': the date a
    news item's lead opens with, a capitalised word right after it."""
    first = find_dates(text, line.start, line.end)[:1]
    if not first or text[line.start : first[0].start].strip():
        return []
    return first if re.match(r"\s+[A-ZÅÄÖ]", text[first[0].end : line.end]) else []


def _cuts_line(text: str, end: int) -> bool:
    """Whether `end` falls inside a line's text (not at its end or in white space)."""
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(text[line_start:end].strip()) and bool(text[end:line_end].strip())


_UPDATED = re.compile(r"(?i)\b(?:uppdaterad|uppdaterades|ändrad|senast)\w*\s*:?\s*(?:den\s+)?$")


def _published(text: str, line: Line) -> list[DateMention]:
    """The date right after a 'Publicerad' label inside a line."""
    return [
        date
        for date in find_dates(text, line.start, line.end)
        if re.search(r"(?i)\bpublicer\w*\s*:?\s*(?:den\s+)?$", text[line.start : date.start])
    ][:1]


# 'Pressmeddelande • Gävle kommun • 2024-02-27 09:15 CET': a source label, then the date,
# maybe a time and a time zone. The bullets may be lost ('Pressmeddelande Gävle kommun ...').
_DATELINE_HEAD = re.compile(r"(?:^|[•|·–—-]|\s-)\s*(?:den\s+)?$|^[^.!?:;]{0,60}?\s(?:den\s+)?$")
_DATELINE_TAIL = re.compile(
    r"^\s*(?:,?\s*(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?"
    r"(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2})?)?\s*$"
)


def dateline_date(text: str, line: Line) -> list[DateMention]:
    """The date ending a source or bullet line, a trailing time and time zone ignored."""
    dates = find_dates(text, line.start, line.end)
    if not dates or dates[-1].year is None:
        return []
    last = dates[-1]
    if _DATELINE_HEAD.search(text[line.start : last.start]) and _DATELINE_TAIL.match(
        text[last.end : line.end]
    ):
        return [last]
    return []
