"""Evidence pointers into a document's normalized text."""

from __future__ import annotations

from ..parse import ParsedDocument
from ..records import Evidence

__all__ = ["evidence_for"]


def evidence_for(doc: ParsedDocument, start: int, end: int, rule: str | None = None) -> Evidence:
    """Evidence for `doc.text[start:end]`, with the PDF page it starts on and the rule used."""
    page = doc.page_at(start) if doc.format == "pdf" else None
    return Evidence(start=start, end=end, page=page, rule=rule)
