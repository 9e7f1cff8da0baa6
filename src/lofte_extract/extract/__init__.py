"""Extract stage: a `ParsedDocument` to `PromiseRecord`s, every value with evidence."""

from __future__ import annotations

from ..parse import ParsedDocument
from ..records import PromiseRecord, Source, make_record_id
from .analysed import analysed
from .content import find_commitments, find_follow_up, find_goals
from .evidence import evidence_for
from .metadata import (
    classify_doc_type,
    find_kommuner,
    find_lokalpolisomrade,
    find_period,
    find_signatories,
    find_signed_date,
    is_about_promises,
)
from .outcomes import find_outcomes
from .own_promises import each_signs_its_own, one_per_kommun
from .segment import split_documents

__all__ = ["NotAPromiseError", "extract_records"]


class NotAPromiseError(Exception):
    """The source is not about medborgarlöften at all."""

    reason = "not a medborgarlöfte"


def extract_records(doc: ParsedDocument, source: Source) -> list[PromiseRecord]:
    """One record per promise document in the source."""
    if not is_about_promises(doc):
        raise NotAPromiseError(NotAPromiseError.reason)
    doc = analysed(doc)  # lines and page-wide facts computed once, shared by every span
    records = []
    for span in split_documents(doc):
        field_evidence = {}
        if span.title:
            at = doc.text.find(span.title, span.start, span.end)
            if at >= 0:
                rule = "title.period_heading" if span.title == span.heading else "title.page"
                field_evidence["title"] = evidence_for(doc, at, at + len(span.title), rule)
        lpo, lpo_evidence = find_lokalpolisomrade(doc, span)
        period, years, period_evidence = find_period(doc, span, source.url)
        signed_date, signed_evidence = find_signed_date(doc, span, years, source.url)
        for name, evidence in (
            ("lokalpolisomrade", lpo_evidence),
            ("years", period_evidence),
            ("period", period_evidence if period is not None else None),
            ("signed_date", signed_evidence),
        ):
            if evidence is not None:
                field_evidence[name] = evidence
        records.append(
            PromiseRecord(
                id=make_record_id(source.sha256, len(records)),
                source=source,
                doc_type=classify_doc_type(doc, span, source.url),
                title=span.title,
                kommuner=find_kommuner(doc, span, source.url),
                lokalpolisomrade=lpo,
                period=period,
                years=years,
                signed_date=signed_date,
                signatories=find_signatories(doc, span),
                commitments=find_commitments(doc, span),
                goals=find_goals(doc, span),
                follow_up=find_follow_up(doc, span),
                field_evidence=field_evidence,
            )
        )
        records[-1].outcomes = find_outcomes(doc, span, records[-1].doc_type, span.heading)
        if len(records[-1].kommuner) > 1 and each_signs_its_own(doc.text, span.start, span.end):
            records[-1:] = one_per_kommun(records[-1], first=len(records) - 1)
    if not any(record.kommuner or record.commitments or record.outcomes for record in records):
        # A page that talks about medborgarlöften in general (the national reform, a police
        # diary) names no kommun, promises nothing and reports nothing: no record to keep.
        raise NotAPromiseError(_NO_PROMISE)
    return records


_NO_PROMISE = "mentions medborgarlöften but names no kommun, commitment or outcome"
