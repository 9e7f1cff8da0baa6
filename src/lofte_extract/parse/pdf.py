"""PDF to a ParsedDocument with pdfplumber: reading order, furniture removed, lists and signatures.

Layout work lives in small modules: `pdf_lines` (words to lines: fake bold,
watermarks, bullets, sideways pages), `pdf_tables` (ruled tables row by row),
`pdf_columns` (two-column reading order), `pdf_furniture` (running headers,
footers, page numbers), `pdf_signatures` and `pdf_blocks` (lines to blocks).
Vocabulary is in `data/bullets.json` and `data/pdf_*.json`. This module opens the
file, guards against hostile input and turns every pdfminer failure into a
specific `ParseError`.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber
from pdfminer.ascii85 import ascii85decode
from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_FLATE_DECODE, resolve1

from .document import DocumentBuilder, ParsedDocument, ParseError
from .pdf_blocks import add_blocks
from .pdf_chars import PdfiumDocument, open_pdfium, pdfium_page
from .pdf_columns import reading_order
from .pdf_furniture import remove_furniture
from .pdf_lines import Line, clean_page, page_lines
from .pdf_style import measure_style
from .pdf_tables import table_rows

__all__ = ["MAX_CHARS_PER_PAGE", "MAX_CONTENT_BYTES", "MAX_PAGES", "TIME_BUDGET", "parse_pdf"]

MAX_PAGES = 300  # pages parsed before the rest is skipped with a warning
MAX_CHARS_PER_PAGE = 200_000  # a page with more characters than this is not prose
# Compressed content stream bytes per page: text pages need kilobytes; beyond this a
# page is a map, a drawing, or a decompression bomb, and pdfminer would chew on it.
MAX_CONTENT_BYTES = 4_000_000
TIME_BUDGET = 120.0  # seconds of layout work before the remaining pages are skipped
# String operands in a content stream: a cheap upper bound of the characters a page draws,
# read before pdfminer lays out every one of them (a 7 KB file can hold a million).
_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)")
# A hex string operand ('<0012003A>', as Word writes text in CID fonts); '<<' is a dict.
_HEX_STRING = re.compile(rb"(?<!<)<[0-9A-Fa-f\s]+>")
# A hex string that may draw code 173 (0xAD), at any offset: a cheap over-estimate.
_HEX_AD = re.compile(rb"(?<!<)<[0-9A-Fa-f\s]*[aA]\s*[dD][0-9A-Fa-f\s]*>")


# pdfminer logs every oddity of a broken file as a warning; they are collected per
# document instead (see `_pdfminer_messages`) so a batch run's stderr stays readable.
_PDFMINER = logging.getLogger("pdfminer")
if _PDFMINER.level == logging.NOTSET:
    _PDFMINER.setLevel(logging.ERROR)


class _Collector(logging.Handler):
    """Keeps pdfminer's messages from this thread only (parsers may run in threads)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and len(self.messages) < 20:
            self.messages.append(record.getMessage()[:200])


@contextmanager
def _pdfminer_messages() -> Iterator[_Collector]:
    collector = _Collector()
    previous = _PDFMINER.level
    _PDFMINER.addHandler(collector)
    _PDFMINER.setLevel(min(previous, logging.WARNING) if previous else logging.WARNING)
    _PDFMINER.propagate = False
    try:
        yield collector
    finally:
        _PDFMINER.removeHandler(collector)
        _PDFMINER.setLevel(previous)
        _PDFMINER.propagate = True


def parse_pdf(
    data: bytes, max_pages: int = MAX_PAGES, time_budget: float = TIME_BUDGET
) -> ParsedDocument:
    """Blocks (heading, paragraph, list_item, signature) with pages, from a PDF's bytes."""
    if not data.strip():
        raise ParseError("empty PDF", "the file has 0 bytes")
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ParseError("corrupt PDF", "no %PDF header")
    with _pdfminer_messages() as messages:
        fast = None
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                # pdfplumber opens first: its checks (encryption, page tree, content
                # sizes) guard every page before pdfium lays one out.
                fast = open_pdfium(data)
                return _parse_open(pdf, max_pages, time_budget, messages, fast)
        except ParseError:
            raise
        except Exception as error:  # pdfminer raises many kinds on hostile input
            raise _classify(error) from error
        finally:
            if fast is not None:
                fast.close()


def _classify(error: BaseException) -> ParseError:
    """A pdfminer/pdfplumber exception as a specific ParseError."""
    inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
    name = type(inner).__name__
    message = f"{name}: {inner}".strip().rstrip(":")
    if "Password" in name or "Encryption" in name or "encrypt" in str(inner).lower():
        return ParseError("encrypted PDF", f"a password is needed to open it ({message})")
    return ParseError("corrupt PDF", message)


def _parse_open(
    pdf: Any,
    max_pages: int,
    time_budget: float,
    messages: _Collector,
    fast: PdfiumDocument | None = None,
) -> ParsedDocument:
    total = len(pdf.pages)
    if fast is not None and fast.pages != total:
        fast = None  # the two read the page tree differently: pages would not match
    if total == 0 and messages.messages:
        # No pages because the page tree is broken, not because there are none.
        raise ParseError("corrupt PDF", "; ".join(dict.fromkeys(messages.messages))[:500])
    if total == 0 and _lists_kids(pdf):
        # The tree names pages, yet none is reachable: it loops or points at non-pages.
        raise ParseError("corrupt PDF", "the page tree lists pages but none can be reached")
    if total == 0:
        raise ParseError("empty PDF", "the document has no pages")
    warnings: list[str] = []
    if total > max_pages:
        warnings.append(f"parsed the first {max_pages} of {total} pages")
    pages: list[list[Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    image_pages: list[int] = []
    failures: list[str] = []
    oversized: list[str] = []
    chars = unmapped = 0
    started = time.monotonic()
    for number, page in enumerate(pdf.pages[:max_pages], start=1):
        if number > 1 and time.monotonic() - started > time_budget:
            warnings.append(f"stopped after {number - 1} pages: over {time_budget:.0f}s")
            break
        lines, source = _read_page(page, number, fast, warnings, failures, oversized)
        # Looking at a skipped page's images or glyphs would lay it out after all.
        if source is not None and not lines and _has_images(page):
            image_pages.append(number)
        pages.append(lines)
        heights.append(float(page.height or 842))
        widths.append(float(page.width or 0))
        chars += sum(len(line.text) for line in lines)
        unmapped += _unmapped_glyphs(source) if source is not None else 0
        page.close()  # free pdfminer's layout objects as we go
    if failures and len(failures) == len(pages):
        raise ParseError("corrupt PDF", "; ".join(failures[:3]))
    if unmapped > chars:
        raise ParseError("no text layer: needs OCR", f"{unmapped} glyphs without a unicode map")
    if chars == 0 and oversized:
        raise ParseError("PDF pages too large to parse", "; ".join(oversized[:3]))
    if chars == 0 and not image_pages and messages.messages:
        # No text, no images, but pdfminer complained: broken streams, not a scan.
        raise ParseError("corrupt PDF", "; ".join(dict.fromkeys(messages.messages))[:500])
    if chars == 0:
        detail = (
            f"{len(image_pages)} of {len(pages)} pages are images"
            if image_pages
            else (f"no text on any of {len(pages)} pages")
        )
        raise ParseError("no text layer: needs OCR", detail)
    if image_pages:
        listed = ", ".join(map(str, image_pages[:10]))
        warnings.append(f"pages without a text layer (images only): {listed}")
    # Running headers go before columns are ordered and paragraphs joined: a header
    # split at the gutter would land inside the text that runs across.
    pages = remove_furniture(pages, heights)
    pages = [
        reading_order(lines, width, height)
        for lines, width, height in zip(pages, widths, heights, strict=True)
    ]
    builder = DocumentBuilder("pdf")
    headings = add_blocks(builder, pages, measure_style(pages))
    title = headings[0] if headings else _metadata_title(pdf)
    return builder.build(pages=total, title=title, warnings=warnings)


def _lists_kids(pdf: Any) -> bool:
    """Whether the catalog's page tree claims any pages (/Kids or /Count)."""
    try:
        tree = resolve1(pdf.doc.catalog.get("Pages"))
        kids = resolve1(tree.get("Kids")) if isinstance(tree, dict) else None
        count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    except Exception:  # a tree too broken to read is corrupt too
        return True
    return bool(kids) or (isinstance(count, int) and count > 0)


def _read_page(
    page: Any,
    number: int,
    fast: PdfiumDocument | None,
    warnings: list[str],
    failures: list[str],
    oversized: list[str],
) -> tuple[list[Line], Any]:
    """One page's lines and the page its characters were read from (None: skipped as too
    large); a broken or absurd page becomes a warning, not a failure."""
    source = page
    try:
        size, strings, reader, code_173 = _content_size(page)
        if reader and strings <= 2 * MAX_CHARS_PER_PAGE and size <= MAX_CONTENT_BYTES:
            source = _char_source(page, number, fast, reader == "cid127", code_173)
        count = (
            0 if size > MAX_CONTENT_BYTES or strings > 2 * MAX_CHARS_PER_PAGE else len(source.chars)
        )
        if size > MAX_CONTENT_BYTES:
            skipped = f"page {number}: skipped, over {MAX_CONTENT_BYTES} bytes of drawing"
        elif strings > 2 * MAX_CHARS_PER_PAGE:
            skipped = f"page {number}: skipped, about {strings} characters"
        elif count > MAX_CHARS_PER_PAGE:
            skipped = f"page {number}: skipped, {count} characters"
        else:
            skipped = ""
        if skipped:
            warnings.append(skipped)
            oversized.append(skipped)
            return [], None
        cleaned = clean_page(source)
        rows, boxes = _tables(cleaned, number, warnings)
        lines = page_lines(cleaned, number, boxes) + rows
        lines.sort(key=lambda line: (line.top, line.x0))
        return lines, source
    except Exception as error:  # one bad content stream should not lose the other pages
        reason = _classify(error)
        failures.append(f"page {number}: {reason.detail}")
        warnings.append(f"page {number}: unreadable ({reason.detail})")
        return [], source


def _char_source(
    page: Any, number: int, fast: PdfiumDocument | None, cid127: bool, code_173: bool
) -> Any:
    """pdfium's reading of the page where it can stand in for pdfplumber's, else the page."""
    if fast is None:
        return page
    try:
        return pdfium_page(fast, number - 1, page, cid127, code_173) or page
    except Exception:  # pdfium failing on one page leaves it to pdfplumber
        return page


def _tables(page: Any, number: int, warnings: list[str]) -> tuple[list[Line], list[Any]]:
    """Ruled tables' rows and boxes (pdfplumber's table finder)."""
    try:
        return table_rows(page, number)
    except Exception as error:  # a table finder failure costs the table layout only
        warnings.append(f"page {number}: tables not read ({type(error).__name__})")
        return [], []


def _content_size(page: Any) -> tuple[int, int, str, bool]:
    """Bytes of the page's content streams once inflated (counted up to just past the
    limit: a 5 KB stream may inflate to gigabytes), bytes of their (literal) string
    operands, how pdfium may read the page's characters (see the end), and whether a
    string may hold code 173 (WinAnsi's soft hyphen; see `pdf_chars`)."""
    total = strings = 0
    text = code_127 = code_149 = code_173 = False
    for stream in page.page_obj.contents or []:
        data = _inflate(resolve1(stream), MAX_CONTENT_BYTES + 1 - total)
        total += len(data)
        strings += sum(len(found) - 2 for found in _STRING.findall(data))
        text = text or bool(strings) or _HEX_STRING.search(data) is not None
        code_127 = code_127 or b"\\177" in data or b"\x7f" in data
        code_149 = code_149 or b"\\225" in data or b"\x95" in data
        code_173 = code_173 or bool(b"\\255" in data or b"\xad" in data or _HEX_AD.search(data))
        if total > MAX_CONTENT_BYTES:
            break
    # Without a string operand as pdfminer reads the content (trusting /Length), pdfium's
    # repair of the stream could find text pdfminer calls cut off. Code 127 has no
    # character in WinAnsi: pdfminer reads '(cid:127)' (the layout code drops it inside a
    # line, takes it for a bullet at its start) where pdfium reads '•', as for WinAnsi's
    # bullet, 149; with only 127 on the page, pdfium's '•' is turned back.
    if not text or (code_127 and code_149):
        return total, strings, "", code_173
    return total, strings, "cid127" if code_127 else "pdfium", code_173


def _inflate(stream: Any, limit: int) -> bytes:
    """A content stream's data, at most `limit` bytes; Flate is inflated only that far."""
    limit = max(limit, 1)  # zlib reads a max_length of 0 as "no limit"
    if getattr(stream, "data", None) is not None:
        return bytes(stream.data[:limit])
    raw = getattr(stream, "rawdata", None) or b""
    try:
        filters = stream.get_filters()
    except Exception:
        return raw[:limit]
    names = [name for name, _ in filters]
    if len(names) == 2 and names[0] in LITERALS_ASCII85_DECODE:
        # reportlab's default: ASCII85 (no bigger than the file) around Flate.
        try:
            raw, names = ascii85decode(raw), names[1:]
        except Exception:
            return raw[:limit]
    if len(names) == 1 and names[0] in LITERALS_FLATE_DECODE:
        try:
            return zlib.decompressobj().decompress(raw, limit)
        except zlib.error:  # encrypted or damaged: pdfminer will say so
            return raw[:limit]
    return raw[:limit]


def _unmapped_glyphs(page: Any) -> int:
    """Characters pdfminer could only name by glyph id: '(cid:127)'."""
    try:
        return sum(1 for char in page.chars if char["text"].startswith("(cid:"))
    except Exception:
        return 0


def _has_images(page: Any) -> bool:
    try:
        return bool(page.images)
    except Exception:
        return False


_JUNK_TITLE = re.compile(r"(microsoft|word -|\.docx?$|\.pdf$|^untitled|^dokument\d*$)", re.I)


def _metadata_title(pdf: Any) -> str | None:
    """The PDF's Title entry, unless it is a file name or an editor's default."""
    try:
        title = pdf.metadata.get("Title")
    except Exception:
        return None
    if isinstance(title, bytes):
        title = title.decode("utf-8", errors="ignore")
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    return title if title and not _JUNK_TITLE.search(title) else None
