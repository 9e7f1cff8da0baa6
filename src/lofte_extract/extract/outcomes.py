"""Outcomes: what a follow-up report says was done, per reported activity.

A follow-up ("Uppföljning medborgarlöfte 2018", "Så gick det med …") restates the promises
and then reports on them: "Polisen har genomfört fyra krogtillsyner", "Elva riktade
narkotikainsatser", "trygghetsvandringen ställdes in på grund av pandemin". Each such
sentence becomes an `Outcome` with a status, the achieved count where one is given (a count
the report says was done, never the promised target) and the reason where one is given, each
with evidence. Vocabulary and patterns are in `data/outcomes.json`, validated on load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import get_args

from pydantic import BaseModel, ConfigDict, field_validator

from ..parse import ParsedDocument
from ..records import Outcome, OutcomeStatus
from .analysed import sentences, words
from .categories import categorize
from .cues import goal_direction, is_perfect, names_actor, perfect_tense
from .evidence import evidence_for
from .numbers import parse_number
from .promise_talk import is_meta_statement
from .segment import DocumentSpan
from .settings import EXTRACT
from .speech import is_quote
from .text_units import Line, Piece, span_lines
from .vocab import load_vocab

__all__ = ["OutcomeVocab", "find_outcomes", "is_follow_up", "vocab"]

# Doc types read whole as follow-ups; other records only inside a follow-up section.
FOLLOW_UP_TYPES = ("uppfoljning",)
_NUMBER = re.compile(
    r"(?<![\w-])(?:ett\s+)?(\d{1,3}(?:[ \u00a0]\d{3})+|\d+|[a-zåäö]+)(?:-?tal)?(?![\w])", re.I
)
_WORD = re.compile(r"[\wåäöÅÄÖ.-]+")
# A definite subject refers back to activities already reported: "Kontrollerna har främst
# placerats där …", "De planerade insatserna har riktats mot …" say how, not what more was done.
_DEFINITE_SUBJECT = re.compile(r"\s*(?:(?:de|dessa)\s+(?:[\wåäö]+\s+)?)?[\wåäö]+(?:na)\s+har\b")
# The perfect tense in the passive: 'har köpts in', 'har genomförts'.
_PASSIVE_PERFECT = re.compile(perfect_tense(3, 3, endings=("ats", "its", "tts", "ts")))


class OutcomeVocab(BaseModel):
    """The validated contents of `data/outcomes.json`."""

    model_config = ConfigDict(extra="ignore")

    status_order: list[str]
    status_cues: dict[str, list[str]]
    outcome_headings: list[str]
    promise_headings: list[str]
    followup_titles: list[str]
    promise_markers: list[str]
    not_outcomes: list[str]
    reason_cues: list[str]
    approximate: dict[str, int]
    count_blockers: list[str]
    not_units: list[str]
    unit_stop: list[str]
    fillers: list[str]
    prepositions: list[str]

    @field_validator("status_order")
    @classmethod
    def _known_statuses(cls, order: list[str]) -> list[str]:
        unknown = set(order) - set(get_args(OutcomeStatus))
        if unknown:
            raise ValueError(f"unknown outcome statuses {sorted(unknown)}")
        return order

    @field_validator(
        "outcome_headings",
        "promise_headings",
        "followup_titles",
        "promise_markers",
        "not_outcomes",
        "reason_cues",
        "count_blockers",
    )
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


@dataclass(frozen=True)
class _Rules:
    vocab: OutcomeVocab
    cues: tuple[tuple[str, re.Pattern[str]], ...]
    outcome_heading: re.Pattern[str]
    promise_heading: re.Pattern[str]
    followup_title: re.Pattern[str]
    promise: re.Pattern[str]
    not_outcome: re.Pattern[str]
    reason: re.Pattern[str]
    blocker: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def vocab() -> _Rules:
    """The compiled outcome rules from `data/outcomes.json`."""
    data = OutcomeVocab.model_validate(dict(load_vocab("outcomes")))
    cues = tuple((s, _any(data.status_cues[s])) for s in data.status_order)
    return _Rules(
        data,
        cues,
        _any(data.outcome_headings),
        _any(data.promise_headings),
        _any(data.followup_titles),
        _any(data.promise_markers),
        _any(data.not_outcomes),
        re.compile(r"(?:" + "|".join(data.reason_cues) + r")\s+([^.;:]+)", re.I),
        _any(data.count_blockers),
    )


def is_follow_up(doc_type: str, title: str | None) -> bool:
    """Whether a record is read whole as a follow-up report."""
    return doc_type in FOLLOW_UP_TYPES or bool(title and vocab().followup_title.search(title))


def _section_line(line: Line) -> bool:
    text = line.text.strip()
    if line.kind == "heading":
        return True
    return len(text.split()) <= EXTRACT.section_line_words and not text.endswith(".")


def _status(text: str, rules: _Rules) -> str | None:
    for status, pattern in rules.cues:
        if pattern.search(text):
            return status
    return None


def _count(text: str, rules: _Rules) -> tuple[float | None, str | None, int, int]:
    """The first count in `text` that reports something done: value, unit, span."""
    data = rules.vocab
    for match in _NUMBER.finditer(text):
        token = match.group(1).lower()
        whole = match.group(0).lower()
        value = data.approximate.get(whole.removeprefix("ett ").strip())
        if value is None:
            value = parse_number(token)
        if value is None or (
            token.isdigit() and EXTRACT.year_range[0] <= value <= EXTRACT.year_range[1]
        ):
            continue
        if rules.blocker.search(text[: match.start()].rstrip()):
            continue
        unit = _unit(text[match.end() :], data)
        if unit is None:
            continue
        return value, unit, match.start(), match.end()
    return None, None, 0, 0


def _unit(after: str, data: OutcomeVocab) -> str | None:
    words = []
    for word in _WORD.findall(after)[: EXTRACT.unit_words + 1]:
        low = word.lower().strip(".")
        if low in data.fillers and not words:
            continue
        if low in data.unit_stop or not low.isalpha():
            break
        words.append(word.strip("."))
        if len(words) == EXTRACT.outcome_unit_words or not low.endswith(("a", "e")):
            break
    unit = " ".join(words)
    if not unit or unit.lower() in data.not_units or unit.lower().split()[0] in data.not_units:
        return None
    return unit


def _reports_done(text: str) -> bool:
    """A perfect tense with a doer ("Under året har polisen informerat …") or in the passive
    ("Reflexer har köpts in"); a trend ("skadegörelsen har ökat"), a quote or the promise as
    subject ("Medborgarlöftet har som mål …") reports nothing done."""
    if not is_perfect(text) or is_quote(text) or is_meta_statement(text):
        return False
    lowered = text.lower()
    return _has_doer(text) or bool(
        _PASSIVE_PERFECT.search(lowered) and not _DEFINITE_SUBJECT.match(lowered)
    )


def _has_doer(text: str) -> bool:
    """An actor as the subject, among the first words or right after the auxiliary: "Polisen
    har …", "Trots … har polisen …", "För att klara det har vi …"; not an owner ("Polisens
    insatser") nor a place ("skadegörelsen i kommunen")."""
    ws = words(text)
    prepositions = vocab().vocab.prepositions
    return any(
        (i < EXTRACT.actor_words or ws[i - 1] in ("har", "hade"))
        and (w == "vi" or names_actor(w))
        and not (i and ws[i - 1] in prepositions)
        for i, w in enumerate(ws)
    )


def _is_trend(text: str) -> bool:
    """A change without a doer ("skadegörelsen har ökat", "klagomålen har blivit färre") is an
    effect the report observes, not work it reports done."""
    return goal_direction(text) is not None and not _has_doer(text)


def _outcome(doc: ParsedDocument, piece: Piece, in_results: bool, rules: _Rules) -> Outcome | None:
    text = piece.text
    if len(text.split()) < EXTRACT.outcome_min_words or rules.not_outcome.search(text.strip()):
        return None
    status = _status(text, rules)
    if status == "genomförd" and _is_trend(text):
        return None
    if rules.promise.search(text) and status in (None, "pågår"):
        return None  # a promise restated, not a report on it
    if status is None:
        # An item under "Utfallet blev:", or a sentence in the perfect tense ("Polisen har
        # informerat om …", "Reflexer har köpts in"), reports what was done.
        if not (in_results or _reports_done(text)):
            return None
        status = "genomförd"
    value, unit, start, end = _count(text, rules)
    if status == "pågår":
        value = None  # "tre möten är inplanerade": planned, not done
    reason = rules.reason.search(text) if status != "genomförd" else None
    return Outcome(
        text=text,
        status=status,
        achieved=value,
        unit=unit,
        reason=reason.group(1).strip() if reason else None,
        categories=[c for c in categorize(text) if c != "annat"],
        evidence=evidence_for(doc, piece.start, piece.end),
        achieved_evidence=evidence_for(doc, piece.start + start, piece.start + end)
        if value is not None
        else None,
        reason_evidence=evidence_for(
            doc,
            piece.start + reason.start(1),
            piece.start + reason.start(1) + len(reason.group(1).strip()),
        )
        if reason
        else None,
    )


def find_outcomes(
    doc: ParsedDocument, span: DocumentSpan, doc_type: str, title: str | None = None
) -> list[Outcome]:
    """Reported outcomes in the span: whole follow-ups, else follow-up sections only."""
    rules = vocab()
    whole = is_follow_up(doc_type, title)
    in_followup, in_results = whole, False
    outcomes: list[Outcome] = []
    for line in span_lines(doc, span):
        if _section_line(line):
            if rules.outcome_heading.search(line.text):
                in_followup, in_results = True, True
            elif rules.promise_heading.search(line.text):
                in_results = False
            elif line.kind == "heading" and rules.followup_title.search(line.text):
                in_followup = True
            if line.kind == "heading" or line.text.rstrip().endswith(":"):
                continue
        if not in_followup:
            continue
        for piece in sentences(line.text, line_ends=False, offset=line.start):
            found = _outcome(doc, piece, in_results and line.kind == "list_item", rules)
            if found is not None:
                outcomes.append(found)
    return outcomes
