"""When a promise was signed: a date by the signatures, or in a sentence saying it was signed."""

from __future__ import annotations

import datetime
import re

from .analysed import Line, lines, sentences
from .dates import DateMention, article_date, find_dates
from .meta_vocab import says_signed
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["signed_date"]


def signed_date(
    text: str, start: int, end: int, years: list[int], url: str | None = None
) -> tuple[str | None, int | None, int | None]:
    """ISO signing date of the promise in `text[start:end]`, with evidence offsets.

    A date without its year ('Tisdagen den 5 november') takes the year of the page's own
    date (its dateline, or a date in its URL) when it has one, else the promise's years."""
    places = load_vocab("meta_places")
    for sentence in sentences(text, start, end, line_ends=True):
        lower = sentence.text.lower()
        if not says_signed(sentence.text):
            continue
        for date in find_dates(text, sentence.start, sentence.end):
            if _labelled_not_signed(
                text[max(sentence.start, date.start - EXTRACT.not_signed_window_chars) : date.start]
            ):
                continue  # 'Publicerad 2019-03-12' run into the signing sentence
            year = date.year or _page_year(text, url, date) or _infer_year(date.month, lower, years)
            if not date.year and year:
                year = _weekday_year(date, text[sentence.start : date.start].lower(), year)
            iso = date.iso(year)
            if iso:
                return iso, date.start, date.end
        relative = _relative_date(text, lower)
        if relative:
            return relative
    # A date standing alone near the signatures (the second half), or after a place name.
    half = start + (end - start) // 2
    not_signed = places["date_line_not_signed"]
    span_lines = lines(text, start, end)
    for index, line in enumerate(span_lines):
        date = _date_line(text, line)
        if date is None:
            continue
        label = span_lines[index - 1].text.lower() if index else ""
        if len(label.split()) <= EXTRACT.not_signed_label_words and any(
            word in label for word in not_signed
        ):
            continue  # 'Senast uppdaterad' on the line above
        placed = date.start > line.start
        if not placed and line.end >= len(text.rstrip()) and index > 0:
            # A bare date closing the page is its 'Senast uppdaterad' stamp, the label
            # dropped as site furniture; a signing date stands by a place or the names.
            continue
        iso = date.iso()
        if iso and (line.start >= half or placed):
            return iso, date.start, date.end
    return None, None, None


def _labelled_not_signed(before: str) -> bool:
    """Whether the words just before a date label it a publication or update date."""
    words = [w.lower().strip(":,.") for w in before.split()[-3:]]
    not_signed = load_vocab("meta_places")["date_line_not_signed"]
    return (
        any(w in not_signed for w in words[-2:])
        or bool(words)
        and words[-1] == "den"
        and any(w in not_signed for w in words[:-1])
    )


# A date in a news item's URL: '/2024-11-05-hylte-kommun-…', '/2018/02/07/'.
_URL_DATE = re.compile(r"/(20\d\d)[-/](\d\d)[-/](\d\d)(?:[-/]|$)")


def _page_year(text: str, url: str | None, date: DateMention) -> int | None:
    """The year a year-less date falls in on a dated page: the page's year, or the year
    before when the day comes after the page's date."""
    dated = article_date(text)
    page = dated[0] if dated else _url_day(url)
    if page is None:
        return None
    return page.year if (date.month, date.day) <= (page.month, page.day) else page.year - 1


def _url_day(url: str | None) -> datetime.date | None:
    found = _URL_DATE.search(url or "")
    if not found:
        return None
    try:
        return datetime.date(*map(int, found.groups()))
    except ValueError:
        return None


def _weekday_year(date: DateMention, before: str, year: int) -> int:
    """The year next to `year` in which a year-less date falls on the weekday named right
    before it ('måndagen den 6 juni' is 2022's, not 2023's), else `year`."""
    named = re.search(r"(\w+?)(?:en|ar)?\s+(?:den\s+)?$", before)
    weekday = load_vocab("meta_places")["weekday_forms"].get(named.group(1)) if named else None
    if weekday is None or date.month is None or date.day is None:
        return year
    for candidate in (year, year - 1, year + 1):
        try:
            if datetime.date(candidate, date.month, date.day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _infer_year(month: int, sentence: str, years: list[int]) -> int | None:
    # A promise for year Y is signed late in Y-1 or early in Y.
    if not years:
        return None
    first = min(years)
    last_year = load_vocab("meta_places")["last_year_words"]
    if any(w in sentence for w in last_year) or month >= EXTRACT.late_signing_month:
        return first - 1
    return first


def _date_line(text: str, line: Line) -> DateMention | None:
    """The date of a line that is only a date, maybe after a place: 'Kumla den 3 juli 2017'."""
    dates = find_dates(text, line.start, line.end)
    if len(dates) != 1 or dates[0].year is None or len(line.text) > EXTRACT.date_line_chars:
        return None
    prefix = text[line.start : dates[0].start]
    suffix = text[dates[0].end : line.end]
    labels = "|".join(map(re.escape, load_vocab("meta_places")["date_labels"]))
    if suffix.strip(" .,") or not re.fullmatch(
        rf"(?:(?i:{labels})\s*:?\s*)?"
        r"(?:[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?,?\s+)?(?:den\s+)?",
        prefix,
    ):
        return None
    places = load_vocab("meta_places")
    words = [word.lower().strip(":,") for word in prefix.split()]
    if any(word in places["date_line_not_signed"] for word in words):
        return None
    return dates[0]


def _shifted(day: datetime.date, sentence: str) -> datetime.date | None:
    """The day a relative phrase in the sentence means, counted from `day`."""
    places = load_vocab("meta_places")
    for word, days in places["relative_days"].items():
        if re.search(rf"(?<!\w){word}(?!\w)", sentence):
            return day + datetime.timedelta(days=days)
    for name, weekday in places["weekday_forms"].items():
        back = (day.weekday() - weekday) % 7
        if re.search(rf"\b(?:på|under) {name}en\b", sentence):  # 'på tisdagen': this week's
            return day - datetime.timedelta(days=back)
        if re.search(rf"\bi {name}s\b", sentence):  # 'i tisdags': the last one before
            return day - datetime.timedelta(days=back or 7)
    return None


def _relative_date(text: str, sentence: str) -> tuple[str, int, int] | None:
    # 'I dag undertecknades', 'På tisdagen undertecknade', counted from the article's date.
    dated = article_date(text)
    if dated is None:
        return None
    day, start, end = dated
    shifted = _shifted(day, sentence)
    return (shifted.isoformat(), start, end) if shifted else None
