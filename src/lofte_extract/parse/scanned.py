"""A PDF file to a document: bombs refused first, then the text layer, then OCR for scans.

`parse_pdf` reads the text layer; this module wraps it with what needs the raw file
(`bombs`) and the page images (`ocr`), so the layout code stays about layout.
"""

from __future__ import annotations

from .bombs import inspect_pdf
from .document import ParsedDocument, ParseError
from .ocr import NEEDS_OCR, merge_ocr, ocr_available, ocr_pages, textless_pages
from .pdf import parse_pdf

__all__ = ["read_pdf"]


def read_pdf(data: bytes) -> ParsedDocument:
    """A PDF's document: text layer, with pages that are only images read by OCR."""
    facts = inspect_pdf(data)  # before any PDF library inflates a stream
    try:
        doc: ParsedDocument | None = parse_pdf(data)
    except ParseError as error:
        if error.reason != NEEDS_OCR:
            raise
        if not facts.images:
            raise facts.no_text_reason() from error
        doc = None
    if doc is not None and not (facts.images and ocr_available()):
        return doc  # no page can be a scan, or no OCR to read one (parse_pdf warned)
    try:
        pages, scanned = textless_pages(data)
    except Exception as error:  # pdfium refusing a file pdfminer read: keep the text layer
        if doc is not None:
            return doc
        raise ParseError(NEEDS_OCR, f"pages could not be rendered ({error})") from error
    if not scanned:
        if doc is None:
            raise ParseError(NEEDS_OCR, "the pages hold images but none could be read")
        return doc
    return merge_ocr(doc, pages, ocr_pages(data, scanned))
