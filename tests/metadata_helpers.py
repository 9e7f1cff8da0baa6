"""Helpers shared by the metadata tests (plain functions, no fixtures)."""

from __future__ import annotations

from lofte_extract.extract.segment import split_documents
from lofte_extract.parse import parse_text

__all__ = ["doc_and_span"]


def doc_and_span(text: str):
    """The parsed text and its first document span."""
    doc = parse_text(text.encode())
    return doc, split_documents(doc)[0]
