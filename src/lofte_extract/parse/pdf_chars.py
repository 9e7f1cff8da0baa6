"""A PDF page's characters read with pdfium, as the plain dicts the layout code reads.

pdfplumber builds its character dicts from pdfminer's layout objects, which was 84% of
the parse time; pdfium (pypdfium2, already installed with pdfplumber) reads the same
characters in C about ten times as fast. The dicts carry what `pdf_lines` and
pdfplumber's word grouping read: text, x0, x1, top, bottom (top-left origin, as
pdfplumber), size, fontname, upright and matrix.

A page stays with pdfplumber where pdfium's reading would differ or pdfplumber does
work pdfium cannot: a page that may hold a ruled table (pdfplumber's table finder), a
rotated page or one whose MediaBox does not start at 0,0 (pdfplumber's coordinates),
a page whose text mostly runs sideways (pdfplumber's vertical word grouping), and a
page with a hyphen at a line's end: pdfium replaces it with a marker that no longer says
whether it was a hyphen or a soft hyphen, and paragraphs are joined differently after each
(inside a line the marker stands for a soft hyphen, pdfium's only hyphen there).
"""

from __future__ import annotations

import ctypes
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils import extract_words

__all__ = ["CharPage", "PdfiumDocument", "open_pdfium", "pdfium_page"]

# pdfium is not thread-safe: parsers may run in threads, so every call holds this lock.
_LOCK = threading.RLock()
# Share of characters drawn sideways from which a page is left to pdfplumber (the layout
# code reads such pages with vertical word grouping when more than half are sideways;
# the margin covers fake-bold duplicates removed before it counts).
SIDEWAYS_SHARE = 0.4
# Ruling segments this close to horizontal or vertical (points) count as table rules.
_RULE_TOLERANCE = 1.0
_FONT_BUFFER = 256
_SYMBOLIC = 4  # font descriptor flag: glyphs outside the standard Latin set
_BULLET = 0x2022
_SOFT_HYPHEN = 0xAD


@dataclass
class CharPage:
    """A page as the layout code reads it: characters and size (a pdfplumber page's subset)."""

    chars: list[dict]
    width: float
    height: float

    def filter(self, keep: Callable[[dict], bool]) -> CharPage:
        """The page with only the characters `keep` accepts."""
        return CharPage([char for char in self.chars if keep(char)], self.width, self.height)

    def extract_words(self, **options: Any) -> list[dict]:
        """Words as pdfplumber's `Page.extract_words` groups them."""
        return extract_words(self.chars, **options)


class PdfiumDocument:
    """An open pdfium document; `close()` frees it."""

    def __init__(self, data: bytes) -> None:
        with _LOCK:
            self.doc = pdfium.PdfDocument(data)
            self.pages = len(self.doc)

    def close(self) -> None:
        """Free pdfium's document."""
        with _LOCK:
            self.doc.close()


def open_pdfium(data: bytes) -> PdfiumDocument | None:
    """The document opened with pdfium, or None when pdfium cannot open it."""
    try:
        return PdfiumDocument(data)
    except Exception:  # pdfium refuses what pdfplumber may still read: it falls back
        return None


def pdfium_page(
    doc: PdfiumDocument, index: int, plumber_page: Any, cid127: bool = False
) -> CharPage | None:
    """Page `index` read by pdfium, or None where pdfplumber must read it (see module doc);
    `cid127`: the page's '•' in plain standard fonts are WinAnsi's undefined code 127."""
    if plumber_page.rotation or not _at_origin(plumber_page):
        return None
    height = float(plumber_page.height)
    with _LOCK:
        page = doc.doc[index]
        try:
            if _may_hold_table(page):
                return None
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, height, cid127)
            finally:
                textpage.close()
        finally:
            page.close()
    if chars is None:
        return None
    sideways = sum(1 for char in chars if not char["upright"])
    if chars and sideways >= SIDEWAYS_SHARE * len(chars):
        return None
    return CharPage(chars, float(plumber_page.width), height)


def _at_origin(plumber_page: Any) -> bool:
    box = plumber_page.page_obj.mediabox
    return bool(box) and float(box[0]) == 0 and float(box[1]) == 0


def _chars(textpage: Any, height: float, cid127: bool = False) -> list[dict] | None:
    """The text page's characters as pdfplumber-style dicts (pdfium's own spaces and
    line breaks left out); None at a line-end hyphen (see module doc)."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    name = ctypes.create_string_buffer(_FONT_BUFFER)
    flags = ctypes.c_int()
    fonts: dict[int, tuple[str, bool]] = {}
    chars: list[dict] = []
    hyphens: list[int] = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsHyphen(raw, index):
            hyphens.append(len(chars))
            code = _SOFT_HYPHEN
        # pdfminer names a glyph without a unicode mapping by its code: '(cid:127)'.
        text = (
            f"(cid:{code})"
            if pdfium_c.FPDFText_HasUnicodeMapError(raw, index)
            else chr(code)
            if code
            else ""
        )
        if not text:
            continue
        fontname, plain = _font(raw, index, fonts, name, flags)
        if cid127 and plain and code == _BULLET:
            text = "(cid:127)"  # as pdfminer names it
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        top, bottom = height - rect.top, height - rect.bottom
        if abs(b) < 1e-6 and abs(c) < 1e-6:
            size *= abs(d)
            top = bottom - size  # pdfminer's box is one font size tall, from the descent
        else:
            size = bottom - top  # pdfminer sizes a turned glyph by its box
        chars.append(
            {
                "text": text,
                "fontname": fontname,
                "size": size,
                "x0": rect.left,
                "x1": rect.right,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": a * d > 0 and b * c <= 0,
                "matrix": (a, b, c, d, rect.left, height - bottom),
            }
        )
    return chars if all(_inside_line(chars, at) for at in hyphens) else None


def _inside_line(chars: list[dict], at: int) -> bool:
    """Whether the hyphen at `at` has the next character beside it on its line: pdfium
    marks a soft hyphen anywhere so, but a hyphen only at a line's end."""
    here, after = chars[at], chars[at + 1] if at + 1 < len(chars) else None
    return (
        after is not None
        and abs(after["bottom"] - here["bottom"]) < 1.0
        and after["x0"] >= here["x0"]
    )


def _font(
    raw: Any, index: int, fonts: dict[int, tuple[str, bool]], name: Any, flags: Any
) -> tuple[str, bool]:
    """The character's font name and whether it is a plain (not embedded, not symbolic)
    font; read once per text object."""
    handle = pdfium_c.FPDFText_GetTextObject(raw, index)
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key not in fonts:
        pdfium_c.FPDFText_GetFontInfo(raw, index, name, _FONT_BUFFER, flags)
        font = pdfium_c.FPDFTextObj_GetFont(handle) if key else None
        plain = bool(font) and not pdfium_c.FPDFFont_GetIsEmbedded(font)
        fonts[key] = (
            name.value.decode("utf-8", errors="replace"),
            plain and not flags.value & _SYMBOLIC,
        )
    return fonts[key]


def _may_hold_table(page: Any) -> bool:
    """Whether the page draws rules that could frame a table of two or more columns:
    three or more distinct vertical and two or more horizontal rule positions.

    Errs towards yes (pdfplumber then decides); rules inside form XObjects count as yes.
    """
    xs: set[int] = set()
    ys: set[int] = set()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        if obj.level > 0:
            return True
        _rules(obj.raw, xs, ys)
        if len(xs) >= 3 and len(ys) >= 2:
            return True
    return False


def _rules(path: Any, xs: set[int], ys: set[int]) -> None:
    """Add the x of a path's vertical segments to `xs`, the y of its horizontal ones to `ys`."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(path, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif points:
            _rule(points[-1], point, xs, ys)
        points.append(point)
        if start is not None and pdfium_c.FPDFPathSegment_GetClose(segment):
            _rule(point, start, xs, ys)


def _rule(one: tuple[float, float], other: tuple[float, float], xs: set[int], ys: set[int]) -> None:
    dx, dy = abs(one[0] - other[0]), abs(one[1] - other[1])
    if dx <= _RULE_TOLERANCE and dy > _RULE_TOLERANCE:
        xs.add(math.floor(one[0]))
    elif dy <= _RULE_TOLERANCE and dx > _RULE_TOLERANCE:
        ys.add(math.floor(one[1]))
