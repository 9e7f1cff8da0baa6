"""Document-level fields: kommun, police area, period, dates, signatories, doc type.

The rules live in small modules (`kommun`, `dates`, `signatories`, `doctype`); this module
gives the extract stage one place to call them, with evidence offsets into `doc.text`.
"""

from __future__ import annotations

from ..parse import ParsedDocument
from ..records import DocType, Evidence, Kommun, Period, Signatory
from .analysed import AnalysedDocument, analysed
from .dates import find_period_range
from .doctype import classify, is_about
from .kommun import rank_kommuner
from .police_area import police_area
from .segment import DocumentSpan
from .settings import EXTRACT
from .signatories import find_signers
from .signed import signed_date
from .years import YearsFound, agreement_years, follow_up_years, promise_years

__all__ = [
    "classify_doc_type",
    "find_kommuner",
    "find_lokalpolisomrade",
    "find_period",
    "find_signatories",
    "find_signed_date",
    "is_about_promises",
]


def _evidence(
    doc: ParsedDocument, start: int | None, end: int | None, rule: str | None = None
) -> Evidence | None:
    if start is None or end is None:
        return None
    return Evidence(start=start, end=end, page=doc.page_at(start), rule=rule)


def is_about_promises(doc: ParsedDocument) -> bool:
    """Whether the source is about medborgarlöften at all."""
    return is_about(doc.text)


def find_kommuner(doc: ParsedDocument, span: DocumentSpan, url: str | None) -> list[Kommun]:
    """Kommuner the promise covers, best first."""
    return [
        Kommun(
            name=entry.name,
            code=entry.code,
            evidence=_evidence(doc, mention.start, mention.end, "kommun.ranked_mention")
            if mention
            else None,
        )
        for entry, mention in rank_kommuner(
            doc.text, span.start, span.end, url, span.heading, analysed(doc)
        )
    ]


def find_lokalpolisomrade(
    doc: ParsedDocument, span: DocumentSpan
) -> tuple[str | None, Evidence | None]:
    """The lokalpolisområde named in the document (the span first, then the whole source)."""
    page = analysed(doc)
    name, start, end, rule = police_area(doc.text, span.start, span.end)
    if name is None:
        name, start, end, rule = page.memo(
            "police_area.page", lambda: police_area(doc.text, 0, len(doc.text))
        )
    return name, _evidence(doc, start, end, rule)


def find_period(
    doc: ParsedDocument, span: DocumentSpan, url: str | None
) -> tuple[Period | None, list[int], Evidence | None]:
    """Validity period (to the day, when given) and every year covered."""
    period = None
    doc_type = classify_doc_type(doc, span, url)
    agreement = doc_type == "overenskommelse"
    found = find_period_range(doc.text, span.start, span.end, agreement=agreement)
    if found:
        period = Period(start=found[0], end=found[1])
    if agreement:
        years, start, end, rule = agreement_years(doc.text, span.start, span.end, found)
    else:
        years, start, end, rule = promise_years(doc.text, span.start, span.end, span.heading, url)
    if not years and not agreement:
        # No year for the promise: an agreement's period or title line gives the page's
        # years ('sluter ett samverkansavtal för perioden 2021–2022', 'Nya överenskommelser
        # 2017'), even beside the löfte it holds.
        found_years = agreement_years(doc.text, span.start, span.end, None)
        if _names_the_agreements_years(doc.text, found_years):
            years, start, end, rule = found_years
    if not years and doc_type == "uppfoljning":
        years, start, end, rule = follow_up_years(doc.text, span.start, span.end)
    if period and not years:
        years = list(range(int(found[0][:4]), int(found[1][:4]) + 1))
    if not years and doc_type == "nyhet":
        # News of a promise signed that day names no year: the signing date's year it is.
        iso, start, end = signed_date(doc.text, span.start, span.end, [])
        if iso:
            years, rule = [int(iso[:4])], "years.signed_date"
    return period, years, _evidence(doc, start, end, rule)


def _names_the_agreements_years(text: str, found: YearsFound) -> bool:
    """A validity period or range of the agreement, or its title line (no sentence: 'Avtalet
    slöts 2015.' tells of the past)."""
    rule = found.rule or ""
    if "validity" in rule or "range" in rule:
        return True
    line = text[found.start : found.end] if found.start is not None else ""
    return "title" in rule and not line.rstrip().endswith(".")


def find_signed_date(
    doc: ParsedDocument,
    span: DocumentSpan,
    years: list[int] | None = None,
    url: str | None = None,
) -> tuple[str | None, Evidence | None]:
    """ISO date of signing; the years the document covers (its promise years unless given:
    an agreement's come from its own period) place a year-less date."""
    if years is None:
        years = promise_years(doc.text, span.start, span.end, span.heading).years
    iso, start, end = signed_date(doc.text, span.start, span.end, years, url)
    return iso, _evidence(doc, start, end, "signed_date")


def find_signatories(doc: ParsedDocument, span: DocumentSpan) -> list[Signatory]:
    """People who sign the promise."""
    return [
        Signatory(
            name=m.name,
            title=m.title,
            organisation=m.organisation,
            evidence=_evidence(doc, m.start, m.end, m.rule),
        )
        for m in find_signers(doc.text, span.start, span.end)
    ]


def classify_doc_type(doc: ParsedDocument, span: DocumentSpan, url: str | None = None) -> DocType:
    """lofte, uppfoljning, nyhet, overenskommelse or annat (once per span of a document)."""
    page = analysed(doc)
    return page.memo(("doc_type", span, url), lambda: _doc_type(page, span, url))


def _doc_type(doc: AnalysedDocument, span: DocumentSpan, url: str | None) -> DocType:
    top = [
        block.text
        for block in doc.blocks
        if block.kind == "heading"
        and span.start <= block.start < span.start + EXTRACT.title_window_chars
    ][: EXTRACT.title_headings]
    if doc.title:
        top.append(doc.title)
    return classify(doc.text, span.start, span.end, span.heading, top, doc, url)  # type: ignore[return-value]
