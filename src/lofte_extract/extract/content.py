"""Promise content: commitments with targets, outcome goals, follow-up plan.

Placeholder implementations; the real rules replace these bodies, keeping the signatures.
"""

from __future__ import annotations

from ..parse import DocumentSpan, ParsedDocument
from ..records import Commitment, FollowUp, Goal

__all__ = ["find_commitments", "find_follow_up", "find_goals"]


def find_commitments(doc: ParsedDocument, span: DocumentSpan) -> list[Commitment]:
    """Concrete promises in the span, each with actors, categories, strength and targets."""
    return []


def find_goals(doc: ParsedDocument, span: DocumentSpan) -> list[Goal]:
    """Outcome goals with their direction."""
    return []


def find_follow_up(doc: ParsedDocument, span: DocumentSpan) -> FollowUp | None:
    """Follow-up frequency and deadline."""
    return None
