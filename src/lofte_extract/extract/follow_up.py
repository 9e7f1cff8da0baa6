"""How and when a promise is followed up: frequency and deadline."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..parse import ParsedDocument
from ..records import FollowUp
from .analysed import sentences, words
from .evidence import evidence_for
from .numbers import parse_number
from .sections import sectioned_lines
from .segment import DocumentSpan
from .settings import EXTRACT
from .text_units import Piece, normalize
from .vocab import load_vocab

__all__ = ["find_follow_up", "follow_up_deadline", "follow_up_frequency"]

_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)(?:\s*/\s*(20)?\d\d)?\b")
_TIMES = re.compile(
    r"\b(\w+)\s+gång(?:er)?\s*(?:per|om|i|/|varje|under)\s*(år|året|20\d\d)\b", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_vocab("content_follow_up")


def follow_up_frequency(text: str) -> tuple[str | None, bool]:
    """Frequency named in `text`, and whether a count per year was given at all."""
    lowered = " ".join(text.lower().split())
    for phrase, frequency in sorted(_vocab()["frequencies"].items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered) or (
            phrase.endswith("rapport") and phrase in lowered
        ):
            return frequency, True
    match = _TIMES.search(lowered)
    if match:
        count = parse_number(match.group(1))
        if count is not None:
            return _vocab()["times_per_year"].get(str(count)), True
    return None, False


def follow_up_deadline(text: str) -> str | None:
    """ISO date the follow-up is due: 'senast 2020-01-31', 'innan utgången av 2017'."""
    lowered = " ".join(text.lower().split())
    iso = _ISO.search(lowered)
    if iso and re.search(r"\b(senast|innan|före|till|by)\b", lowered[: iso.start()]):
        return iso.group(0) if _valid(iso.group(0)) else None
    months = _vocab()["months"]
    dated = re.search(r"senast(?: den)? (\d{1,2}) (\w+) (20\d\d)", lowered)
    if dated and dated.group(2) in months:
        day, month, year = int(dated.group(1)), months[dated.group(2)], dated.group(3)
        iso_date = f"{year}-{month:02d}-{day:02d}"
        return iso_date if _valid(iso_date) else None
    for phrase in sorted(_vocab()["year_end_phrases"], key=len, reverse=True):
        match = re.search(rf"\b{re.escape(phrase)}\s+(?:år\s+)?(20\d\d)\b", lowered)
        if match:
            if phrase == "under" and re.search(r"gång(er)?\s+under", lowered):
                continue
            return f"{match.group(1)}-12-31"
    return None


def _is_past(text: str) -> bool:
    markers = load_vocab("meta_years")["past_markers"]
    # Passive past ('genomfördes', 'hölls', 'anordnades') besides the listed markers.
    return any(
        w in markers or (len(w) > EXTRACT.passive_past_chars and w.endswith(("ades", "des")))
        for w in words(text)
    )


def _valid(iso_date: str) -> bool:
    try:
        date.fromisoformat(iso_date)
    except ValueError:
        return False  # 'senast den 31 februari'
    return True


def find_follow_up(doc: ParsedDocument, span: DocumentSpan) -> FollowUp | None:
    """Frequency and deadline from the follow-up statements; None when neither is given."""
    frequency: str | None = None
    deadline: str | None = None
    counted = False
    used: list[Piece] = []
    for piece in _follow_up_pieces(doc, span):
        found_frequency, found_count = follow_up_frequency(piece.text)
        # 'Under 2019 genomfördes ...' reports on a past year; it sets no deadline.
        found_deadline = None if _is_past(piece.text) else follow_up_deadline(piece.text)
        if not (found_frequency or found_deadline or found_count):
            continue
        if used and piece.start - used[-1].end > EXTRACT.follow_up_gap_chars:
            break  # a later follow-up plan belongs to another part of the page
        if frequency and found_deadline and not found_frequency:
            # After 'följs upp kvartalsvis', only a dated 'senast ...' report adds a deadline;
            # 'en utvärdering innan årsskiftet' is a summary, not the follow-up's due date.
            if "senast" not in piece.text.lower():
                found_deadline = None
        frequency = frequency or found_frequency
        deadline = deadline or found_deadline
        counted = counted or found_count
        used.append(piece)
        if frequency and deadline:
            break
    if not used:
        return None
    start, end = used[0].start, used[-1].end
    return FollowUp(
        frequency=frequency,  # type: ignore[arg-type]
        deadline=deadline,
        text=normalize(doc.text[start:end]),
        evidence=evidence_for(doc, start, end, "follow_up.sentence"),
    )


def _follow_up_pieces(doc: ParsedDocument, span: DocumentSpan) -> list[Piece]:
    cues = _vocab()["cues"]
    pieces: list[Piece] = []
    for sectioned in sectioned_lines(doc, span):
        line = sectioned.line
        for piece in sentences(line.text, line_ends=False, offset=line.start):
            lowered = piece.text.lower()
            in_section = sectioned.section == "follow_up" and not sectioned.heading
            if in_section or any(cue in lowered for cue in cues):
                pieces.append(piece)
    return pieces
