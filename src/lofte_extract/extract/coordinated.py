"""Several promises told in one sentence, as coordinated clauses with a modal each.

News sums a promise up so: 'grannsamverkan ska växa med två möten, polisen ska synas mer,
två trygghetsvandringar ska hållas och polisen ska besöka fritidsgårdarna'. Each clause is
one promised activity, or one outcome goal when an outcome is its subject ('antalet
bostadsinbrott ska minska'); read whole, the sentence is neither.
"""

from __future__ import annotations

import re
from functools import cache

from .analysed import words
from .clauses import modal_only_subordinate
from .cues import names_an_activity
from .text_units import Piece
from .vocab import load_vocab

__all__ = ["coordinated_clauses", "in_promise_context", "is_outcome_clause"]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    goals = load_vocab("content_goals")
    return {
        "separator": re.compile(goals["coordinated_separator_pattern"], re.IGNORECASE),
        "promise": re.compile(goals["coordinated_context_pattern"], re.IGNORECASE),
    }


def _modal_at(segment: str) -> int | None:
    """The word index of the first modal in a segment, or None."""
    modals = load_vocab("content_goals")["clause_modals"]
    return next((i for i, w in enumerate(words(segment)) if w in modals), None)


def _main_modal(segment: str) -> bool:
    """A main clause of its own: 'polisen ska synas', not an att-clause ('mål är att brotten
    ska minska', 'för att löftet ska infrias') or a condition."""
    modal = _modal_at(segment)
    return (
        modal is not None
        and "att" not in words(segment)[:modal]
        and not modal_only_subordinate(segment)
    )


def _starts_a_subject(segment: str) -> bool:
    """'kommunen ska …' after 'polisen och': a clause opening with a short subject, so the
    part before 'och' is the subject's first half ('med hjälp av information ska fler …'
    opens with an adverbial instead)."""
    modal = _modal_at(segment)
    limit = load_vocab("content_goals")["coordinated_subject_words"]
    ws = words(segment)
    return modal is not None and 0 < modal <= limit and ws[0] not in _prepositions()


def _prepositions() -> frozenset[str]:
    return frozenset(load_vocab("content_goals")["coordinated_adverbial_starts"])


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """(begin, end, joined by 'och'/'samt' to the next) for each part between separators."""
    parts = []
    begin = 0
    for match in [*_patterns()["separator"].finditer(text), None]:
        stop = match.start() if match else len(text)
        joined = match is not None and match.group().strip() in ("och", "samt")
        parts.append((begin, stop, joined))
        begin = match.end() if match else stop
    return parts


def coordinated_clauses(piece: Piece) -> list[Piece]:
    """The clauses of a sentence coordinating enough main clauses with a modal each, without
    the lead-in before the first ('Löftena liknar fjolårets;'); [] for any other sentence."""
    text = piece.text
    parts = _segments(text)
    spans: list[list[int]] = []
    head: int | None = None  # where a subject cut by 'och' began ('polisen och kommunen ska')
    for index, (begin, stop, joined) in enumerate(parts):
        start = begin if head is None else head
        if _modal_at(text[begin:stop]) is not None:
            head = None
            if _main_modal(text[start:stop]):
                spans.append([start, stop])
            continue
        following = parts[index + 1] if index + 1 < len(parts) else None
        if joined and following and _starts_a_subject(text[following[0] : following[1]]):
            head = start
        elif spans and head is None:
            spans[-1][1] = stop  # 'och vara närvarande mer' finishes the clause before it
        else:
            head = None  # a lead-in before ';' or ':': no clause
    if len(spans) < load_vocab("content_goals")["coordinated_min_clauses"]:
        return []
    return [_trimmed(piece, b, e) for b, e in spans]


def in_promise_context(text: str) -> bool:
    """Whether a paragraph speaks of the promise ('De nya medborgarlöftena rymmer …',
    'för att löftet ska infrias'), so its coordinated clauses are what was promised."""
    return bool(_patterns()["promise"].search(text))


def is_outcome_clause(text: str) -> bool:
    """An outcome as the clause's subject, moved by its verb: 'antalet bostadsinbrott ska
    minska', 'bostadsinbrotten ska inte öka' (not 'synligheten ska öka', an activity)."""
    goals = load_vocab("content_goals")
    ws = words(text)
    modal = _modal_at(text)
    if not modal:  # none, or no subject before it
        return False
    subject = ws[:modal]
    outcome = tuple(goals["outcome_stems"] + goals["measure_nouns"])
    if names_an_activity(subject) or not any(stem in w for w in subject for stem in outcome):
        return False
    verbs = [w for w in ws[modal + 1 :] if w not in goals["coordinated_skip_words"]]
    directions = goals["increase"] + goals["decrease"] + goals["maintain"]
    return bool(verbs) and (
        verbs[0] in directions or verbs[0].startswith(tuple(goals["clause_verb_stems"]))
    )


def _trimmed(piece: Piece, begin: int, end: int) -> Piece:
    """piece.text[begin:end] without the spaces and final stop around it."""
    part = piece.text[begin:end]
    stripped = part.strip().rstrip(".").rstrip()
    start = begin + len(part) - len(part.lstrip())
    return Piece(piece.start + start, piece.start + start + len(stripped), stripped)
