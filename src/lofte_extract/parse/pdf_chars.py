"""A PDF page's characters read with pdfium, as the plain dicts the layout code reads.

pdfplumber builds its character dicts from pdfminer's layout objects, which was 84% of
the parse time; pdfium (pypdfium2, already installed with pdfplumber) reads the same
characters in C about ten times as fast. The dicts carry what `pdf_lines` and
pdfplumber's word grouping read: text, x0, x1, top, bottom (top-left origin, as
pdfplumber), size, fontname, upright and matrix.

A page that may hold a ruled table keeps pdfium's characters too: its rules come from
pdfminer with the text left out (`_drawing`: drawing the characters was the cost) and go
to pdfplumber's table finder beside them. A page stays with pdfplumber where pdfium's
reading would differ: a rotated page or one whose MediaBox does not start at 0,0
(pdfplumber's coordinates), and a page whose text mostly runs sideways (pdfplumber's
vertical word grouping).

A hyphen at a line's end: pdfium replaces it with a marker that no longer says whether it
was a hyphen or a soft hyphen (code 173 of WinAnsi, which pdfminer reads as a space), and
paragraphs are joined differently after each. The marker is read as '-' where the page
cannot draw a soft hyphen: no string may hold code 173 and every font's ToUnicode map
names no U+00AD (`_no_soft_hyphen`); elsewhere the page stays with pdfplumber. Inside a
line the marker stands for a soft hyphen, pdfium's only hyphen there.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils import curve_to_edges, extract_words, line_to_edge, rect_to_edges

from .pdf_markers import Box, marker_shapes

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
# A ToUnicode map's hex string naming U+00AD (or a code 00AD: an over-estimate), and its
# ranges '<low> <high> <first unicode>' (a range may cover U+00AD without naming it).
_NAMES_SOFT_HYPHEN = re.compile(rb"<[0-9A-Fa-f\s]*00\s*[aA]\s*[dD][0-9A-Fa-f\s]*>")
_SIMPLE_FONTS = frozenset({"Type1", "TrueType", "MMType1"})
_SOFT_HYPHEN_GLYPHS = frozenset({"sfthyphen", "softhyphen", "uni00AD"})
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{1,8})>")


@dataclass
class CharPage:
    """A page as the layout code reads it: characters and size (a pdfplumber page's subset)."""

    chars: list[dict]
    width: float
    height: float
    # pdfminer's line, rect and curve objects (as pdfplumber's `Page.objects`) of a page
    # that may hold a ruled table; empty elsewhere (no table is looked for).
    rules: dict[str, list[dict]] = field(default_factory=dict)
    markers: list[Box] = field(default_factory=list)  # shapes drawn as list markers

    def filter(self, keep: Callable[[dict], bool]) -> CharPage:
        """The page with only the characters `keep` accepts."""
        chars = [char for char in self.chars if keep(char)]
        return CharPage(chars, self.width, self.height, self.rules, self.markers)

    def extract_words(self, **options: Any) -> list[dict]:
        """Words as pdfplumber's `Page.extract_words` groups them."""
        return extract_words(self.chars, **options)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The page's box, top-left origin (as pdfplumber's)."""
        return (0.0, 0.0, self.width, self.height)

    @property
    def edges(self) -> list[dict]:
        """The rules' edges, in the order pdfplumber's `Container.edges` lists them."""
        rules = self.rules
        return [
            *map(line_to_edge, rules.get("line", [])),
            *chain.from_iterable(map(rect_to_edges, rules.get("rect", []))),
            *chain.from_iterable(map(curve_to_edges, rules.get("curve", []))),
        ]

    def find_tables(self, settings: dict[str, Any]) -> list[Table]:
        """Tables as pdfplumber's `Page.find_tables` finds them."""
        return TableFinder(self, TableSettings.resolve(settings)).tables


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
    doc: PdfiumDocument,
    index: int,
    plumber_page: Any,
    cid127: bool = False,
    code_173: bool = True,
) -> CharPage | None:
    """Page `index` read by pdfium, or None where pdfplumber must read it (see module doc);
    `cid127`: the page's '•' in plain standard fonts are WinAnsi's undefined code 127;
    `code_173`: a string on the page may hold code 173 (a soft hyphen in WinAnsi)."""
    if plumber_page.rotation or not _at_origin(plumber_page):
        return None
    height = float(plumber_page.height)
    with _LOCK:
        page = doc.doc[index]
        try:
            ruled, markers = _paths(page, height)
            textpage = page.get_textpage()
            try:
                chars, line_ends = _chars(textpage, height, cid127)
            finally:
                textpage.close()
        finally:
            page.close()
    if line_ends and (code_173 or not _no_soft_hyphen(plumber_page)):
        return None
    for at in line_ends:
        chars[at]["text"] = "-"  # no soft hyphen on the page: the marker was a hyphen
    sideways = sum(1 for char in chars if not char["upright"])
    if chars and sideways >= SIDEWAYS_SHARE * len(chars):
        return None
    rules = _drawing(plumber_page) if ruled else {}
    return CharPage(chars, float(plumber_page.width), height, rules, markers)


class _DrawingOnly(PDFPageAggregator):
    """pdfminer's layout of a page without its text (pdfium reads that)."""

    def render_string(self, *args: Any, **kwargs: Any) -> None:
        """Skip the characters: laying them out is what made pdfplumber slow."""


def _drawing(plumber_page: Any) -> dict[str, list[dict]]:
    """The page's lines, rects and curves as pdfplumber's `Page.objects` holds them."""
    pdf = plumber_page.pdf
    device = _DrawingOnly(pdf.rsrcmgr, pageno=plumber_page.page_number, laparams=pdf.laparams)
    PDFPageInterpreter(pdf.rsrcmgr, device).process_page(plumber_page.page_obj)
    objects: dict[str, list[dict]] = {}
    for obj in plumber_page.iter_layout_objects(device.get_result()._objs):
        if obj["object_type"] in ("line", "rect", "curve"):
            objects.setdefault(obj["object_type"], []).append(obj)
    return objects


def _at_origin(plumber_page: Any) -> bool:
    box = plumber_page.page_obj.mediabox
    return bool(box) and float(box[0]) == 0 and float(box[1]) == 0


def _chars(textpage: Any, height: float, cid127: bool = False) -> tuple[list[dict], list[int]]:
    """The text page's characters as pdfplumber-style dicts (pdfium's own spaces and
    line breaks left out), and where pdfium marked a hyphen at a line's end (see module
    doc; read as a soft hyphen until then)."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    name = ctypes.create_string_buffer(_FONT_BUFFER)
    flags = ctypes.c_int()
    fonts: dict[int, tuple[str, bool, float | None]] = {}
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
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
        fontname, plain, descent = _font(raw, index, fonts, name, flags)
        if cid127 and plain and code == _BULLET:
            text = "(cid:127)"  # as pdfminer names it
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        top, bottom = height - rect.top, height - rect.bottom
        if abs(b) < 1e-6 and abs(c) < 1e-6:
            size *= abs(d)
            if descent is not None:
                # from the baseline, as pdfminer: some fonts' loose boxes drop with a
                # glyph's descender ('y', 'g'), which split words on the line
                pdfium_c.FPDFText_GetCharOrigin(raw, index, origin_x, origin_y)
                bottom = height - (origin_y.value + descent * size)
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
    return chars, [at for at in hyphens if not _inside_line(chars, at)]


def _plain_encoding(spec: Any) -> bool:
    """Whether a font without a ToUnicode map is a simple font whose encoding is a named
    one (WinAnsi, MacRoman, Standard) with no Differences naming a soft hyphen, or a
    standard font (not embedded: no built-in encoding of its own)."""
    if not isinstance(spec, dict) or _name(spec.get("Subtype")) not in _SIMPLE_FONTS:
        return False
    encoding = resolve1(spec.get("Encoding"))
    if isinstance(encoding, dict):
        differences = resolve1(encoding.get("Differences")) or []
        if _name(encoding.get("BaseEncoding")) is None or not isinstance(differences, list):
            return False
        return not any(_name(entry) in _SOFT_HYPHEN_GLYPHS for entry in differences)
    if encoding is not None:
        return _name(encoding) is not None
    descriptor = resolve1(spec.get("FontDescriptor"))
    return not (
        isinstance(descriptor, dict)
        and any(key in descriptor for key in ("FontFile", "FontFile2", "FontFile3"))
    )


def _name(value: Any) -> str | None:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else None


def _no_soft_hyphen(plumber_page: Any) -> bool:
    """Whether none of the page's fonts can map a code to U+00AD: each has a ToUnicode
    map naming no U+00AD, and the page draws no form XObject (with fonts of its own)."""
    resources = resolve1(plumber_page.page_obj.resources) or {}
    if not isinstance(resources, dict) or resolve1(resources.get("XObject")):
        return False
    fonts = resolve1(resources.get("Font")) or {}
    if not isinstance(fonts, dict):
        return False
    for spec in fonts.values():
        spec = resolve1(spec)
        cmap = resolve1(spec.get("ToUnicode")) if isinstance(spec, dict) else None
        if not isinstance(cmap, PDFStream):
            if _plain_encoding(spec):
                continue  # only code 173 (none on the page) is a soft hyphen there
            return False
        data = cmap.get_data()
        if _NAMES_SOFT_HYPHEN.search(data) or any(
            int(low, 16) <= _SOFT_HYPHEN - int(start, 16) + int(low, 16) <= int(high, 16)
            for block in _BFRANGE.findall(data)
            for low, high, start in _RANGE.findall(block)
        ):
            return False
    return True


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
    raw: Any, index: int, fonts: dict[int, tuple[str, bool, float | None]], name: Any, flags: Any
) -> tuple[str, bool, float | None]:
    """The character's font name, whether it is a plain (not embedded, not symbolic) font,
    and its descent per point of size (None if unknown); read once per text object."""
    handle = pdfium_c.FPDFText_GetTextObject(raw, index)
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key not in fonts:
        pdfium_c.FPDFText_GetFontInfo(raw, index, name, _FONT_BUFFER, flags)
        font = pdfium_c.FPDFTextObj_GetFont(handle) if key else None
        plain = bool(font) and not pdfium_c.FPDFFont_GetIsEmbedded(font)
        descent = ctypes.c_float()
        known = bool(font) and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent)
        fonts[key] = (
            name.value.decode("utf-8", errors="replace"),
            plain and not flags.value & _SYMBOLIC,
            descent.value if known else None,
        )
    return fonts[key]


def _paths(page: Any, height: float) -> tuple[bool, list[Box]]:
    """The page's path objects read once: whether they may frame a table, and those shaped
    as list markers (top-left origin).

    A table may be framed where the rules have three or more distinct vertical and two or
    more horizontal positions; this errs towards yes (pdfplumber then decides), and rules
    inside form XObjects count as yes.
    """
    xs: set[int] = set()
    ys: set[int] = set()
    ruled = False
    boxes: list[Box] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        if obj.level > 0:
            ruled = True
            continue
        if not ruled:
            _rules(obj.raw, xs, ys)
            ruled = len(xs) >= 3 and len(ys) >= 2
        left, bottom, right, top = obj.get_bounds()
        boxes.append((left, height - top, right, height - bottom))
    return ruled, marker_shapes(boxes)


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
