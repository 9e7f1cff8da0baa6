"""Scanned PDFs: pages without a text layer read by Tesseract's Swedish model.

Only pages that draw images and no text are rendered (pypdfium2, which pdfplumber
already depends on) and handed to the `tesseract` binary (Debian `tesseract-ocr` and
`tesseract-ocr-swe`); their text joins the document at the page's place, and the
document lists the pages so every record says which of its words came from OCR.
"""

from __future__ import annotations

import ctypes
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from functools import cache

import pypdfium2
import pypdfium2.raw as pdfium_c

from .document import DocumentBuilder, ParsedDocument, ParseError

__all__ = [
    "MAX_OCR_PAGES",
    "NEEDS_OCR",
    "OCR_DPI",
    "OCR_LANGUAGE",
    "OCR_PAGE_TIMEOUT",
    "merge_ocr",
    "ocr_available",
    "ocr_pages",
    "run_tied",
    "textless_pages",
]

NEEDS_OCR = "no text layer: needs OCR"
OCR_LANGUAGE = "swe"
OCR_DPI = 300  # Tesseract's sweet spot for body text
OCR_PAGE_TIMEOUT = 60.0  # seconds for one page
MAX_OCR_PAGES = 40  # a longer scan is cut with a warning: the file's time limit is shared
_PARAGRAPH = re.compile(r"\n\s*\n")


@cache
def ocr_available() -> bool:
    """Whether `tesseract` with the Swedish model is installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return OCR_LANGUAGE in listed.split()


def textless_pages(data: bytes) -> tuple[int, list[int]]:
    """Page count and the 1-based pages that hold images but no text characters."""
    pdf = pypdfium2.PdfDocument(data)
    try:
        found = []
        for index in range(len(pdf)):
            page = pdf[index]
            if page.get_textpage().count_chars() == 0 and any(
                True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
            ):
                found.append(index + 1)
        return len(pdf), found
    finally:
        pdf.close()


def _read_page(pdf: pypdfium2.PdfDocument, number: int) -> str:
    image = pdf[number - 1].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, "PNG")
    done = run_tied(
        ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGE, "--dpi", str(OCR_DPI)],
        png.getvalue(),
        OCR_PAGE_TIMEOUT,
        # One thread: the run already keeps every core busy with a worker each.
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    if done.returncode != 0:
        raise ParseError("OCR failed", done.stderr.decode("utf-8", "replace").strip()[:300])
    return done.stdout.decode("utf-8", "replace")


def run_tied(
    command: list[str], data: bytes, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `command` on `data`; on Linux the child is killed with the process that started
    it, so a worker stopped on a file's --timeout (or Ctrl-C) leaves no tesseract running."""
    tie = _die_with_parent if sys.platform.startswith("linux") else None
    return subprocess.run(
        command, input=data, capture_output=True, timeout=timeout, env=env, preexec_fn=tie
    )


def _die_with_parent() -> None:
    """In the child, before exec: ask the kernel for SIGKILL when the parent dies."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # no prctl: the child may outlive a killed worker, as before


def ocr_pages(data: bytes, numbers: list[int]) -> dict[int, str]:
    """Text of the given pages by OCR; NEEDS_OCR with the install hint without Tesseract."""
    if not ocr_available():
        raise ParseError(
            f"{NEEDS_OCR} (install tesseract-ocr-swe)",
            f"pages {', '.join(map(str, numbers[:10]))} are images",
        )
    pdf = pypdfium2.PdfDocument(data)
    try:
        return {number: _read_page(pdf, number) for number in numbers[:MAX_OCR_PAGES]}
    except subprocess.TimeoutExpired as exc:
        raise ParseError("OCR failed", f"a page took over {OCR_PAGE_TIMEOUT:g}s") from exc
    finally:
        pdf.close()


def merge_ocr(doc: ParsedDocument | None, pages: int, texts: dict[int, str]) -> ParsedDocument:
    """The document with each OCR'd page's paragraphs at that page's place."""
    builder = DocumentBuilder("pdf")
    by_page: dict[int | None, list] = {}
    for block in doc.blocks if doc else []:
        by_page.setdefault(block.page, []).append(block)
    for number in range(1, pages + 1):
        for block in by_page.get(number, []):
            builder.add(block.kind, block.text, page=block.page, level=block.level)
        for paragraph in _PARAGRAPH.split(texts.get(number, "")):
            builder.add("paragraph", " ".join(paragraph.split()), page=number)
    read = sorted(number for number, text in texts.items() if text.strip())
    if not builder.blocks:
        raise ParseError(
            "no text layer: OCR found no text",
            f"{len(texts)} page(s) read by Tesseract ({OCR_LANGUAGE})",
        )
    warnings = list(doc.warnings) if doc else []
    warnings.append(f"pages read by OCR (Tesseract, {OCR_LANGUAGE}): {', '.join(map(str, read))}")
    skipped = [n for n in range(1, pages + 1) if n not in texts and n not in by_page]
    if len(texts) == MAX_OCR_PAGES and skipped:
        warnings.append(f"OCR stopped after {MAX_OCR_PAGES} pages")
    result = builder.build(pages=pages, title=doc.title if doc else None, warnings=warnings)
    result.ocr_pages = read
    return result
