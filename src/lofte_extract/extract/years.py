"""Which years a promise covers: every time span is a candidate, scored by its context.

The period grammar (`periods.py`) finds ranges and lone points; each gets features from its
sentence and line (a validity cue before it, a löfte word next to it, a heading, a past-tense
or survey context, a link line); the weights live in `data/year_scores.json`. Candidates
naming the same years add up and the best year set wins, so a repeated 'medborgarlöftet
2018' outweighs a passing 'löftena för 2019', and 'Löftet gäller från februari 2018 till
januari 2019' outweighs a title's '2018'.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from .analysed import Line, body_lines, first_lines, lines, sentences
from .dates import (
    article_date,
    expand_years,
    find_dates,
    find_period_range,
    ocr_digits,
)
from .meta_vocab import names_signing
from .periods import TimeSpan, find_timespans, heading_years, is_period_heading, years_in
from .settings import EXTRACT
from .year_features import features_of, is_future, score_of, year_patterns, year_settings
from .year_spans import coming_years, url_years, validity_lengths, years_in_preparation

__all__ = [
    "YearCandidate",
    "agreement_years",
    "follow_up_years",
    "YearsFound",
    "promise_years",
    "score_year_candidates",
]


@dataclass(frozen=True)
class YearCandidate:
    """A candidate year set with its evidence, score and the features that gave it."""

    years: tuple[int, ...]
    start: int | None
    end: int | None
    score: float
    features: tuple[str, ...]


def _line_of(line_list: list[Line], starts: list[int], position: int) -> Line:
    """The line holding `position` (found by bisection: long documents have many lines)."""
    return line_list[max(0, bisect.bisect_right(starts, position) - 1)]


def _text_candidates(
    text: str,
    start: int,
    end: int,
    dated: _PageDate | None,
    agreement: bool = False,
    follow_up: bool = False,
) -> list[YearCandidate]:
    dated_year = dated.year if dated else None
    # A page dated late in a year speaks of next year's promise: 'arbete 2017' in December 2016.
    next_year = dated_year + 1 if dated and dated.month >= EXTRACT.late_signing_month else None
    out = []
    line_list = lines(text, start, end)
    starts = [line.start for line in line_list]
    for sentence in sentences(text, start, end, line_ends=True):
        for span in find_timespans(text, sentence.start, sentence.end):
            if not span.years:  # 'för perioden mars-maj' on a dated page
                if dated_year is None:
                    continue
                span = TimeSpan(span.start, span.end, (dated_year,), span.kind)
            if _UNTIL_NEXT.search(text, sentence.start, span.start):
                # 'gäller fram till att nya medborgarlöften för 2018 undertecknas': this
                # promise ends the year before the next one's
                span = replace(span, years=(span.years[-1] - 1,), open_start=True)
            line = _line_of(line_list, starts, span.start)
            features = features_of(text, span, sentence, line, agreement)
            if follow_up:  # a follow-up tells its promise's work in the past tense
                features = [name for name in features if name != "past"]
            if dated is None and features == ["base"] and is_future(sentence.text):
                # an undated page's bare year, in a sentence about what will be done
                features.append("future")
            if span.years == (next_year,):
                features.append("next_year")
            score = score_of(features)
            if score > year_settings()["weights"]["base"]:  # a bare year is no evidence
                out.append(YearCandidate(span.years, span.start, span.end, score, tuple(features)))
    return out


_UNTIL_NEXT = re.compile(
    r"(?i)(?:fram\s+till|tills|till\s+dess)\s+(?:dess\s+)?(?:att\s+)?(?:\S+\s+){0,2}?"
    r"(?:nya|nästa|ett\s+nytt)\s+(?:medborgar)?löft\w*\s+(?:för\s+)?(?:år\s+)?\Z"
)


class _PageDate(NamedTuple):
    year: int
    month: int
    start: int
    end: int


def _page_date(text: str, start: int, end: int) -> _PageDate | None:
    """The page's date: an article date, or a line holding only a date near the top, or
    else the date the page was last updated (a news item may show no other)."""
    dated = _article_page_date(text, end)
    if dated:
        return dated
    for line in first_lines(text, year_settings()["dateline_max_line"]):
        dates = find_dates(text, line.start, line.end)
        alone = len(dates) == 1 and len(line.text) <= dates[0].end - dates[0].start + 2
        if alone and dates[0].year:
            return _PageDate(dates[0].year, dates[0].month, dates[0].start, dates[0].end)
    return _article_page_date(text, end, updated=True)


def _article_page_date(text: str, end: int, updated: bool = False) -> _PageDate | None:
    """The article date (see dates.article_date) when it stands before `end`."""
    dated = article_date(text, end, updated)
    if dated and dated[1] < end:
        return _PageDate(dated[0].year, dated[0].month, dated[1], dated[2])
    return None


def _coming_years(text: str, start: int, end: int, year: int) -> list[YearCandidate]:
    weight = year_settings()["weights"]["coming_years"]
    return [
        YearCandidate(years, at, until, weight, ("coming_years",))
        for years, at, until in coming_years(text, start, end, year)
    ]


def _durations(text: str, start: int, end: int) -> list[YearCandidate]:
    weights = year_settings()["weights"]
    score = weights["validity_cue"] + weights["range"] + weights["promise_near"]
    return [
        YearCandidate(years, at, until, score, ("validity_cue", "range", "promise_near"))
        for years, at, until in validity_lengths(text, start, end)
    ]


def _now_cues(text: str, start: int, end: int) -> list[Line]:
    """Sentences tying a promise to the page's own date ('I dag presenterar … löfte'), or
    narrating its signing ('En trygghetsöverenskommelse har skrivits under av …')."""
    pats = year_patterns()
    found = []
    for s in sentences(text, start, end, line_ends=True):
        if find_timespans(text, s.start, s.end):
            continue  # a sentence naming its own year speaks for itself
        promised = pats["lofte"].search(s.text) or pats["promise"].search(s.text)
        if (pats["now"].search(s.text) and promised) or names_signing(s.text):
            found.append(s)
    return found


def score_year_candidates(
    text: str,
    start: int,
    end: int,
    url: str | None = None,
    agreement: bool = False,
    follow_up: bool = False,
) -> list[YearCandidate]:
    """Year sets for `text[start:end]`, best first, each with its summed score."""
    text = ocr_digits(text)
    weights = year_settings()["weights"]
    dated = _page_date(text, start, end)
    candidates = _text_candidates(text, start, end, dated, agreement, follow_up)
    if dated:
        year, _, where, until = dated
        candidates.append(
            YearCandidate((year,), where, until, weights["article_date"], ("article_date",))
        )
        if year_patterns()["this_year"].search(text, start, end):
            # 'årets medborgarlöfte' in a dated article: the article's year
            candidates.append(
                YearCandidate(
                    (year,), where, until, weights["promise_near"], ("article_date", "promise_near")
                )
            )
        candidates += _coming_years(text, start, end, year)
        for _ in year_patterns()["last_year"].finditer(text, start, end):
            candidates.append(
                YearCandidate((year - 1,), where, until, weights["last_year"], ("last_year",))
            )
        for _ in _now_cues(text, start, end):
            candidates.append(
                YearCandidate(
                    (year,), where, until, weights["now_cue"], ("article_date", "now_cue")
                )
            )
    candidates += _durations(text, start, end)
    candidates = _close_open_starts(candidates, dated.year if dated else None)
    candidates = _without_promises_in_preparation(text, start, end, candidates)
    years = url_years(url)
    if years:
        candidates.append(YearCandidate(tuple(years), None, None, weights["url"], ("url",)))
    totals: dict[tuple[int, ...], float] = {}
    best: dict[tuple[int, ...], YearCandidate] = {}
    for candidate in candidates:
        totals[candidate.years] = totals.get(candidate.years, 0.0) + candidate.score
        if candidate.years not in best or candidate.score > best[candidate.years].score:
            best[candidate.years] = candidate
    ranked = sorted(totals, key=lambda ys: (-totals[ys], best[ys].start or 0))
    return [
        YearCandidate(ys, best[ys].start, best[ys].end, round(totals[ys], 3), best[ys].features)
        for ys in ranked
        if totals[ys] >= year_settings()["min_total"]
    ]


def _without_promises_in_preparation(
    text: str, start: int, end: int, candidates: list[YearCandidate]
) -> list[YearCandidate]:
    """Leave out the year of a promise still being drawn up ('Ett medborgarlöfte för 2023
    håller på att tas fram. Nedan kan du läsa vårt tidigare medborgarlöfte.') when the
    page names an earlier one."""
    upcoming = years_in_preparation(text, start, end)
    earliest = min((min(c.years) for c in candidates), default=None)
    if not upcoming or earliest is None:
        return candidates
    return [c for c in candidates if not (set(c.years) <= upcoming and min(c.years) > earliest)]


def _close_open_starts(
    candidates: list[YearCandidate], dated_year: int | None
) -> list[YearCandidate]:
    """An open-start period ('gäller fram till 2023') adds its weight to a range ending in
    its year ('under åren 2021-2023'), else runs from the page's year ('Publicerad 12 april
    2019' … 'gäller till april 2020')."""
    ranges = [c.years for c in candidates if len(c.years) > 1]
    closed = []
    for c in candidates:
        if "open_start" in c.features:
            end = c.years[-1]
            ending = [r for r in ranges if r[-1] == end]
            start = _open_period_start(candidates, end, dated_year)
            if ending:
                c = replace(c, years=ending[0])
            elif start is not None:
                c = replace(c, years=tuple(range(start, end + 1)))
        closed.append(c)
    return closed


def _open_period_start(
    candidates: list[YearCandidate], end: int, dated_year: int | None
) -> int | None:
    """Where 'gäller fram till 2025' starts: the page's year, else the best-scored year
    before it ('träder i kraft vid årsskiftet 2023')."""
    before = [
        c
        for c in candidates
        if "open_start" not in c.features and 0 < end - max(c.years) <= EXTRACT.max_range_years
    ]
    if dated_year is not None and 0 < end - dated_year <= EXTRACT.max_range_years:
        return dated_year
    if before:
        return min(max(before, key=lambda c: c.score).years)
    return None


class YearsFound(NamedTuple):
    """The years a promise covers, the evidence offsets and the rule that chose them."""

    years: list[int]
    start: int | None
    end: int | None
    rule: str | None


def promise_years(
    text: str, start: int, end: int, heading: str | None, url: str | None = None
) -> YearsFound:
    """Years the promise in `text[start:end]` covers, with evidence offsets and rule."""
    found = _promise_years(text, start, end, heading, url)
    return found._replace(years=list(found.years))


# The period, the signed date and the commitments' targets each need a span's years: the
# candidates are scored once per span, not three times.
@lru_cache(maxsize=64)
def _promise_years(
    text: str, start: int, end: int, heading: str | None, url: str | None
) -> YearsFound:
    text = ocr_digits(text)
    # A validity period given to the day says every year covered, even past the heading's.
    period = find_period_range(text, start, end)
    if period:
        years = expand_years(int(period[0][:4]), int(period[1][:4]))
        return YearsFound(years, period[2], period[3], "years.validity_period")
    ranked = score_year_candidates(text, start, end, url)
    scored = _choose(ranked)
    if heading and is_period_heading(heading):
        return _heading_years(text, start, end, heading, ranked, scored) or scored
    return scored


def _heading_years(
    text: str, start: int, end: int, heading: str, ranked: list[YearCandidate], scored: YearsFound
) -> YearsFound | None:
    """The years a period heading names, extended by a validity or range the text gives for
    the promise; None when the heading names a promise still to come."""
    years = heading_years(heading)
    if scored.years and set(years) <= years_in_preparation(text, start, end):
        # 'Medborgarlöfte 2023' / 'Ett medborgarlöfte för 2023 håller på att tas fram. Nedan
        # kan du läsa vårt tidigare …': the heading names the promise to come
        return None
    validity = any(_promise_validity(c) for c in ranked if set(c.years) <= set(scored.years))
    if set(years) < set(scored.years) and validity:
        # 'Medborgarlöfte 2020' over 'gäller till och med juni 2021': the heading names
        # the start, the validity sentence the whole period.
        return scored._replace(rule=f"years.heading_extended:{scored.rule}")
    # a range named with the löfte holding the heading's years ('Medborgarlöfte 2021' over
    # 'Medborgarlöftet 2021-2022 har som fokus …', 'Medborgarlöfte Vivalla 2017' over
    # 'genomförs mellan december 2016 – december 2017')
    longer = [c for c in ranked if set(years) < set(c.years) and _is_promise_range(c)]
    if longer:
        return YearsFound(
            list(longer[0].years), longer[0].start, longer[0].end, "years.heading_range"
        )
    found = text.find(heading, start, end)
    where = found if found >= 0 else start
    return YearsFound(years, where, where + len(heading), "years.heading")


def _choose(ranked: list[YearCandidate]) -> YearsFound:
    """The best year set, joined by adjoining sets scoring near it."""
    if not ranked:
        return YearsFound([], None, None, None)
    top = ranked[0]
    years = set(top.years)
    for other in ranked[1:]:
        adjoining = min(other.years) <= max(years) + 1 and max(other.years) >= min(years) - 1
        # 'gäller från maj 2020' … 'förlängts att gälla till juni 2021': a validity period
        # holding the best years and running on says how long they last.
        extends = set(other.years) > set(top.years) and (
            _promise_validity(other, open_start=False)
            # 'Uppföljning av medborgarlöften … år 2018-2019' over its repeated '2019'
            or _is_promise_range(other)
        )
        # 'De medborgarlöften som tecknades 2021 har förlängts så att de även gäller 2022'
        extended = "extension" in top.features and max(other.years) == min(top.years) - 1
        if adjoining and (
            extends or extended or other.score >= year_settings()["union_ratio"] * top.score
        ):
            years |= set(other.years)
    rule = "years.scored:" + ",".join(f for f in top.features if f != "base")
    return YearsFound(sorted(years), top.start, top.end, rule)


def _is_promise_range(candidate: YearCandidate) -> bool:
    """A range named with the löfte itself, not told in the past."""
    features = set(candidate.features)
    return {"range", "promise_near"} <= features and not {"past", "not_current"} & features


def _promise_validity(candidate: YearCandidate, open_start: bool = True) -> bool:
    """A validity statement about the promise itself: 'Löftet gäller till juni 2021', not
    'Fryshuset, som fram till 2020 driver projektet'."""
    cues = {"validity_cue", "open_start"} if open_start else {"validity_cue"}
    features = set(candidate.features)
    if {"negative_context", "not_current", "past"} & features:
        return False  # 'en samverkansöverenskommelse som gäller till och med 2026'
    return bool(cues & features) and bool({"promise_near", "promise_sentence"} & features)


def follow_up_years(text: str, start: int, end: int) -> YearsFound:
    """Years of the promise a follow-up reports on, told in the past tense ('Från juni 2017
    fram till juni 2018 arbetade vi med de här aktiviteterna')."""
    found = _choose(score_year_candidates(ocr_digits(text), start, end, follow_up=True))
    return found._replace(rule=found.rule and found.rule.replace("scored", "follow_up", 1))


def agreement_years(
    text: str, start: int, end: int, period: tuple[str, str, int, int] | None
) -> YearsFound:
    """Years a samverkansöverenskommelse covers: its period, its title line's years, else the
    scored candidates with the agreement as anchor ('överenskommelse ... gäller fram till 2026')."""
    if period:
        years = expand_years(int(period[0][:4]), int(period[1][:4]))
        return YearsFound(years, period[2], period[3], "years.validity_period")
    for line in body_lines(ocr_digits(text), start, end)[: EXTRACT.agreement_lines]:
        lower = line.text.lower()
        if ("överenskommelse" in lower or "avtal" in lower) and len(
            line.text
        ) <= EXTRACT.agreement_line_chars:
            years = years_in(line.text)
            if years:
                return YearsFound(years, line.start, line.end, "years.agreement_title")
    return _choose(score_year_candidates(ocr_digits(text), start, end, agreement=True))
