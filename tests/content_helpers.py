"""Helpers shared by the content-rule regression tests (test_issues_content*.py)."""

from __future__ import annotations

from lofte_extract.extract.content import find_commitments, find_follow_up, find_goals
from lofte_extract.extract.segment import DocumentSpan
from lofte_extract.parse import ParsedDocument, parse_text


def parse(text: str) -> tuple[ParsedDocument, DocumentSpan]:
    doc = parse_text(text.encode("utf-8"))
    return doc, DocumentSpan(0, len(doc.text))


def texts(text: str) -> list[str]:
    doc, span = parse(text)
    return [c.text for c in find_commitments(doc, span)]


def records(text: str):
    doc, span = parse(text)
    return find_commitments(doc, span), find_goals(doc, span), find_follow_up(doc, span)
