"""Document-level fields: kommun, police area, period, dates, signatories, doc type.

Placeholder implementations; the real rules replace these bodies, keeping the signatures.
"""

from __future__ import annotations

from ..parse import DocumentSpan, ParsedDocument
from ..records import DocType, Evidence, Kommun, Period, Signatory

__all__ = [
    "classify_doc_type",
    "find_kommuner",
    "find_lokalpolisomrade",
    "find_period",
    "find_signatories",
    "find_signed_date",
    "is_about_promises",
]


def is_about_promises(doc: ParsedDocument) -> bool:
    """Whether the source is about medborgarlöften at all."""
    return "löfte" in doc.text.lower() or "lofte" in doc.text.lower()


def find_kommuner(doc: ParsedDocument, span: DocumentSpan, url: str | None) -> list[Kommun]:
    """Kommuner the promise covers, best first."""
    return []


def find_lokalpolisomrade(doc: ParsedDocument, span: DocumentSpan) -> tuple[str | None, Evidence | None]:
    """The lokalpolisområde named in the document."""
    return None, None


def find_period(
    doc: ParsedDocument, span: DocumentSpan, url: str | None
) -> tuple[Period | None, list[int], Evidence | None]:
    """Validity period (to the day, when given) and every year covered."""
    return None, [], None


def find_signed_date(doc: ParsedDocument, span: DocumentSpan) -> tuple[str | None, Evidence | None]:
    """ISO date of signing."""
    return None, None


def find_signatories(doc: ParsedDocument, span: DocumentSpan) -> list[Signatory]:
    """People who sign the promise."""
    return []


def classify_doc_type(doc: ParsedDocument, span: DocumentSpan) -> DocType:
    """lofte, uppfoljning, nyhet, overenskommelse or annat."""
    return "lofte"
