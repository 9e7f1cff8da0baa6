"""Build realistic medborgarlöfte PDFs with reportlab for the parser's tests.

A `PdfLayout` collects headings, paragraphs, bullet lists and signatures, lays
them out on A4 pages, then draws running headers, footers and page numbers the
way Word exports do. Bullets can be drawn so pdfplumber reads them back as the
odd things real files hold: `(cid:127)`, private-use U+F0B7, `▪`, `–`.

Import it through `pdf_fixtures`, which re-exports these names.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

__all__ = ["BODY", "BOLD", "BULLET_STYLES", "RULE", "PdfLayout"]


_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BODY, BOLD = "FixBody", "FixBold"
# Fonts used only for bullet glyphs, so their ToUnicode maps can be rewritten.
_PUA_FONT, _NOMAP_FONT = "FixBulletPua", "FixBulletNomap"
_FONT_FILES = {
    BODY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    _PUA_FONT: "DejaVuSansCondensed.ttf",
    _NOMAP_FONT: "DejaVuSerif.ttf",
}

# style -> (font, glyph drawn); what pdfplumber reads back is in the comment.
BULLET_STYLES: dict[str, tuple[str, str]] = {
    "cid127": ("Helvetica", "\u2022"),  # (cid:127): WinAnsi bullet without a unicode map
    "symbol": ("Symbol", "\u2022"),  # •
    "pua": (_PUA_FONT, "\u2022"),  # U+F0B7 (Word's Symbol bullet)
    "pua_a7": (_PUA_FONT, "\u25aa"),  # U+F0A7 (Word's Wingdings square)
    "nomap": (_NOMAP_FONT, "\u2022"),  # (cid:N): font without ToUnicode
    "square": (BODY, "\u25aa"),  # ▪
    "dash": (BODY, "\u2013"),  # –
    "hyphen": (BODY, "-"),  # -
    "dot": (BODY, "\u2022"),  # •
    "courier_o": ("Courier", "o"),  # o: Word's second-level bullet
    "zapf_l": ("ZapfDingbats", "l"),  # l: a filled circle in ZapfDingbats
    "disc": ("DRAWN", "disc"),  # nothing: a filled circle drawn as a path, as browsers do
    "box": ("DRAWN", "box"),  # nothing: a filled square drawn as a path
}


def _register_fonts() -> None:
    for name, filename in _FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_FONT_DIR / filename)))


@dataclass
class _Op:
    font: str
    size: float
    x: float
    y: float
    text: str
    fake_bold: bool = False
    width: float = 0.0  # set for a drawn rectangle (table rule), whose font is RULE
    height: float = 0.0


RULE = "RULE"
DRAWN = "DRAWN"  # an op drawing a bullet shape ('disc' or 'box') instead of text


@dataclass
class PdfLayout:
    """A document laid out top to bottom, then drawn with running furniture."""

    header: str | None = None  # drawn at the top of every page
    header_right: str | None = None  # drawn right-aligned on the header's line
    footer: str | None = None  # drawn at the bottom of every page
    page_numbers: str | None = "Sida {n} av {total}"  # bottom right; None for none
    bullet: str = "dot"
    body_size: float = 11
    fake_bold_headings: bool = False
    watermark: str | None = None  # drawn diagonally across every page
    margin: float = 72
    pages: list[list[_Op]] = field(default_factory=lambda: [[]])
    _y: float = 0

    def __post_init__(self) -> None:
        _register_fonts()
        self.width, self.height = A4
        self._y = self.height - self.margin

    # -- content ----------------------------------------------------------
    def heading(self, text: str, size: float = 15) -> PdfLayout:
        """A bold heading in a larger font, with space above."""
        self._space(size * 0.9)
        self._need(size * 2.5)
        self._line(text, BOLD, size, self.margin, fake_bold=self.fake_bold_headings)
        self._y -= size * 0.4
        return self

    def paragraph(self, text: str, gap: float | None = None) -> PdfLayout:
        """Wrapped body text; a soft hyphen (U+00AD) marks where a word may break."""
        self._space(self.body_size * 0.8 if gap is None else gap)
        for line in self._wrap(text, self.width - 2 * self.margin):
            self._line(line, BODY, self.body_size, self.margin)
        return self

    def lines(self, lines: list[str], font: str = BODY, x: float | None = None) -> PdfLayout:
        """Body lines exactly as given, one paragraph."""
        self._space(self.body_size * 0.8)
        for line in lines:
            self._line(line, font, self.body_size, self.margin if x is None else x)
        return self

    def bullets(self, items: list[str], style: str | None = None) -> PdfLayout:
        """A bullet list; each item wraps under its own text, not under the glyph."""
        font, glyph = BULLET_STYLES[style or self.bullet]
        indent = self.margin + 18
        self._space(self.body_size * 0.5)
        for item in items:
            wrapped = self._wrap(item, self.width - self.margin - indent)
            for index, line in enumerate(wrapped):
                self._need(self.body_size * 1.3)
                if index == 0:
                    self._op(font, self.body_size, self.margin + 4, glyph)
                self._line(line, BODY, self.body_size, indent)
            self._y -= self.body_size * 0.2
        return self

    def signatures(
        self,
        people: list[tuple[str, ...]],
        dotted: str | None = "." * 40,
        date: str | None = None,
    ) -> PdfLayout:
        """Signatures side by side: dotted lines, names on one line, titles under them."""
        self._space(self.body_size * 1.5)
        self._need(self.body_size * 10)
        if date:
            self._line(date, BODY, self.body_size, self.margin)
            self._y -= self.body_size * 2.5
        column = (self.width - 2 * self.margin) / len(people)
        rows = max(len(person) for person in people)
        if dotted:
            for index in range(len(people)):
                self._op(BODY, self.body_size, self.margin + index * column, dotted)
            self._y -= self.body_size * 1.4
        for row in range(rows):
            for index, person in enumerate(people):
                if row < len(person):
                    self._op(BODY, self.body_size, self.margin + index * column, person[row])
            self._y -= self.body_size * 1.25
        return self

    def stacked_signature(self, *lines: str, dotted: str | None = None) -> PdfLayout:
        """One signature: optional dotted line, then name, title (and organisation)."""
        self._space(self.body_size * 1.5)
        self._need(self.body_size * 5)
        if dotted:
            self._line(dotted, BODY, self.body_size, self.margin)
        for line in lines:
            self._line(line, BODY, self.body_size, self.margin)
        return self

    def table(self, rows: list[list[str]], ruled: bool = True) -> PdfLayout:
        """A table with equal columns; cell text wraps inside its cell; ruled draws the grid."""
        self._space(self.body_size)
        columns = max(len(row) for row in rows)
        width = (self.width - 2 * self.margin) / columns
        leading = self.body_size * 1.25
        for row in rows:
            wrapped = [
                [line for part in cell.split("\n") for line in self._wrap(part, width - 8)]
                for cell in row
            ]
            height = max(len(lines) for lines in wrapped) * leading + 6
            self._need(height + 2)
            top = self._y
            for index, lines in enumerate(wrapped):
                x = self.margin + index * width
                for number, line in enumerate(lines):
                    self._y = top - 3 - number * leading
                    self._op(BODY, self.body_size, x + 4, line)
                if ruled:
                    self.pages[-1].append(_Op(RULE, 0, x, top - height, "", False, width, height))
            self._y = top - height
        return self

    def two_columns(self, left: str, right: str, gutter: float = 24) -> PdfLayout:
        """Body text set in two columns: `left` fills the left column, `right` the right."""
        self._space(self.body_size)
        width = (self.width - 2 * self.margin - gutter) / 2
        top = self._y
        bottom = top
        for index, text in enumerate((left, right)):
            self._y = top
            for line in self._wrap(text, width):
                self._op(BODY, self.body_size, self.margin + index * (width + gutter), line)
                self._y -= self.body_size * 1.25
            bottom = min(bottom, self._y)
        self._y = bottom
        return self

    def shape(self, kind: str, x: float, y: float | None = None) -> PdfLayout:
        """A bullet shape ('disc' or 'box') drawn at x, on the last line's height by default."""
        height = self._y + self.body_size * 1.25 if y is None else y
        self.pages[-1].append(_Op(DRAWN, self.body_size, x, height - self.body_size, kind))
        return self

    def page_break(self) -> PdfLayout:
        """Continue on a new page."""
        self.pages.append([])
        self._y = self.height - self.margin
        return self

    # -- output -----------------------------------------------------------
    def build(self, encrypt: StandardEncryption | None = None) -> bytes:
        """The PDF's bytes."""
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=0, encrypt=encrypt)
        pdf.setTitle("")
        total = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            if self.header:
                pdf.setFont(BODY, 9)
                pdf.drawString(self.margin, self.height - 40, self.header)
            if self.header_right:
                pdf.setFont(BODY, 9)
                pdf.drawRightString(self.width - self.margin, self.height - 40, self.header_right)
            if self.footer:
                pdf.setFont(BODY, 9)
                pdf.drawString(self.margin, 36, self.footer)
            if self.watermark:
                pdf.saveState()
                pdf.translate(150, 250)
                pdf.rotate(45)
                pdf.setFont(BOLD, 60)
                pdf.drawString(0, 0, self.watermark)
                pdf.restoreState()
            if self.page_numbers:
                label = self.page_numbers.format(n=number, total=total)
                pdf.setFont(BODY, 9)
                pdf.drawRightString(self.width - self.margin, 36, label)
            for op in ops:
                if op.font == RULE:
                    pdf.setLineWidth(0.5)
                    pdf.rect(op.x, op.y, op.width, op.height, stroke=1, fill=0)
                    continue
                if op.font == DRAWN:
                    _draw_shape(pdf, op)
                    continue
                pdf.setFont(op.font, op.size)
                pdf.drawString(op.x, op.y, op.text)
                if op.fake_bold:
                    # Fake bold: the same glyphs drawn again a fraction of a point right.
                    pdf.drawString(op.x + 0.35, op.y, op.text)
            pdf.showPage()
        pdf.save()
        data = buffer.getvalue()
        return data if encrypt else _rewrite_bullet_maps(data)

    # -- layout helpers ---------------------------------------------------
    def _wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word.replace(chr(0xAD), '')}".strip()
            if self._width(candidate) <= width:
                current = candidate
                continue
            if "\u00ad" in word:
                # Break at the last soft hyphen that fits, drawing a hyphen like Word.
                parts = word.split("\u00ad")
                for cut in range(len(parts) - 1, 0, -1):
                    head = "".join(parts[:cut]) + "-"
                    trial = f"{current} {head}".strip()
                    if self._width(trial) <= width:
                        lines.append(trial)
                        current = "".join(parts[cut:])
                        break
                else:
                    lines.append(current)
                    current = word.replace("\u00ad", "")
                continue
            if current:
                lines.append(current)
            current = word.replace("\u00ad", "")
        if current:
            lines.append(current.replace("\u00ad", ""))
        return lines

    def _width(self, text: str) -> float:
        return pdfmetrics.stringWidth(text, BODY, self.body_size)

    def _space(self, amount: float) -> None:
        if self.pages[-1]:
            self._y -= amount

    def _need(self, amount: float) -> None:
        if self._y - amount < self.margin:
            self.page_break()

    def _line(self, text: str, font: str, size: float, x: float, fake_bold: bool = False) -> None:
        self._need(size * 1.3)
        self._op(font, size, x, text, fake_bold)
        self._y -= size * 1.25

    def _op(self, font: str, size: float, x: float, text: str, fake_bold: bool = False) -> None:
        self.pages[-1].append(_Op(font, size, x, self._y - size, text, fake_bold))


def _draw_shape(pdf: canvas.Canvas, op: _Op) -> None:
    """A bullet as a filled path a third of the type's height, level with the text."""
    side = op.size / 3
    middle = op.y + op.size * 0.35
    if op.text == "disc":
        pdf.circle(op.x + side / 2, middle, side / 2, stroke=0, fill=1)
    else:
        pdf.rect(op.x, middle - side / 2, side, side, stroke=0, fill=1)


def _rewrite_bullet_maps(data: bytes) -> bytes:
    """Make the bullet-only fonts read back as private-use code points or bare CIDs."""
    for match in re.finditer(rb"/CMapName /(\w+\+DejaVuSansCondensed) def", data):
        end = data.index(b"endcmap", match.end())
        body = data[match.end() : end]
        body = body.replace(b"<2022>", b"<F0B7>").replace(b"<25AA>", b"<F0A7>")
        data = data[: match.end()] + body + data[end:]
    # Blank out the ToUnicode reference of the serif bullet font (same length keeps xref valid).
    pattern = rb"/BaseFont /\w+\+DejaVuSerif [^>]*?(/ToUnicode \d+ 0 R)"
    for match in re.finditer(pattern, data):
        start, end = match.span(1)
        data = data[:start] + b" " * (end - start) + data[end:]
    return data
