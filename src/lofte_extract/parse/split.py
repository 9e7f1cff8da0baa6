"""Split a source holding several promise documents (placeholder, being replaced)."""

from __future__ import annotations

from dataclasses import dataclass

from .document import ParsedDocument

__all__ = ["DocumentSpan", "split_documents"]


@dataclass(frozen=True)
class DocumentSpan:
    """One promise document inside a source: `text[start:end]`."""

    start: int
    end: int
    heading: str | None = None


def split_documents(doc: ParsedDocument) -> list[DocumentSpan]:
    """One span per promise document; the whole text when there is one."""
    return [DocumentSpan(0, len(doc.text), None)]
