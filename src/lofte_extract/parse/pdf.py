"""PDF to a ParsedDocument with pdfplumber (placeholder, being replaced)."""

from __future__ import annotations

import io

import pdfplumber

from .document import DocumentBuilder, ParsedDocument

__all__ = ["parse_pdf"]


def parse_pdf(data: bytes) -> ParsedDocument:
    """Text of each page, line by line."""
    builder = DocumentBuilder("pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in (page.extract_text() or "").splitlines():
                builder.add("paragraph", line, page=number)
        return builder.build(pages=len(pdf.pages))
