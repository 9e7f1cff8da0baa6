"""PDF side of the fixture renderer: signed-document layout with reportlab.

Running header, "Sida N av M" footer, bullets drawn as the raw glyphs Word leaves behind,
ruled tables, and signatures side by side under dotted lines.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from render import Item

__all__ = ["GLYPHS", "build_pdf"]

# Bullet glyphs as Word exports leave them: Symbol's bullet extracts as "•", a raw
# WinAnsi code 127 without a glyph as "(cid:127)", ZapfDingbats' disc as "l", and Word's
# Symbol-font bullet re-encoded into the private use area as U+F0B7.
GLYPHS = ("symbol", "cid127", "zapf", "pua")
_PUA_FONT = "LofteBulletPUA"


def _pua_font() -> str:
    """A TrueType font whose U+F0B7 draws a bullet, registered once."""
    import os

    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _PUA_FONT not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(
            _PUA_FONT, os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
        )
        # Map the private-use code to the bullet glyph: the ToUnicode map then says U+F0B7.
        font.face.charToGlyph[0xF0B7] = font.face.charToGlyph[0x2022]
        font.face.charWidths[0xF0B7] = font.face.charWidths[0x2022]
        pdfmetrics.registerFont(font)
    return _PUA_FONT


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=7)
    return {
        "h1": ParagraphStyle(
            "h1", base, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=16,
            spaceBefore=6,
            spaceAfter=5,
        ),
        "body": base,
        "item": ParagraphStyle("item", base, spaceAfter=4),
        "sign": ParagraphStyle("sign", base, spaceAfter=1),
    }


def _list_item_class():
    from reportlab.platypus import Flowable

    class ListItem(Flowable):
        """A paragraph with a bullet drawn as raw PDF glyph codes; splits across pages."""

        indent = 18

        def __init__(self, para, glyph: str | None):
            super().__init__()
            self.para = para
            self.glyph = glyph

        def wrap(self, aw, ah):
            _, h = self.para.wrap(aw - self.indent, ah)
            self.width, self.height = aw, h
            return aw, h

        def split(self, aw, ah):
            parts = self.para.split(aw - self.indent, ah)
            if len(parts) < 2:
                return []
            return [ListItem(parts[0], self.glyph), ListItem(parts[1], None)]

        def getSpaceAfter(self):
            return self.para.getSpaceAfter()

        def draw(self):
            self.para.drawOn(self.canv, self.indent, 0)
            if self.glyph is None:
                return
            y = self.height - self.para.style.fontSize
            if self.glyph == "cid127":
                font = self.canv._doc.getInternalFontName("Helvetica")
                self.canv._code.append(f"BT 1 0 0 1 4 {y:.2f} Tm {font} 10 Tf (\\177) Tj ET")
                self.canv.circle(6, y + 3.5, 1.8, stroke=0, fill=1)
            else:
                font, char = {
                    "symbol": ("Symbol", "•"),
                    "zapf": ("ZapfDingbats", "●"),
                    "pua": (_pua_font(), "\uf0b7"),
                }[self.glyph]
                self.canv.setFont(font, 8 if self.glyph == "zapf" else 10)
                self.canv.drawString(4, y, char)

    return ListItem


def _signature_table(pairs, orgs, styles, width, per_row=2):
    from reportlab.platypus import Paragraph, Table, TableStyle

    def cell(n):
        name, title = pairs[n]
        org = [Paragraph(html.escape(orgs[n]), styles["sign"])] if orgs and orgs[n] else []
        return [
            *org,
            Paragraph("." * 44, styles["sign"]),
            Paragraph(html.escape(name), styles["sign"]),
            Paragraph(html.escape(title or ""), styles["sign"]),
        ]

    rows = []
    for k in range(0, len(pairs), per_row):
        row = [cell(n) for n in range(k, min(k + per_row, len(pairs)))]
        rows.append(row + [""] * (per_row - len(row)))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 22)])
    )
    return table


def _ruled_table(rows, styles, width):
    """Promises laid out as a ruled table, header row in bold, as kommun PDFs often do."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    columns = max(len(r) for r in rows)
    cells = [
        [Paragraph(html.escape(c), styles["sign"]) for c in r + [""] * (columns - len(r))]
        for r in rows
    ]
    first = width * 0.5 if columns > 1 else width
    widths = [first] + [(width - first) / (columns - 1)] * (columns - 1) if columns > 1 else [width]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "#444444"),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _numbered_canvas(header: str, variant: int):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = "Polismyndigheten" if variant % 2 == 0 else "Kommunledningskontoret"

    class NumberedCanvas(canvas.Canvas):
        """Draws 'Sida N av M' once the page count is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont("Helvetica", 8.5)
                self.drawString(56, A4[1] - 40, left)
                self.drawRightString(A4[0] - 56, A4[1] - 40, header[:70])
                self.line(56, A4[1] - 46, A4[0] - 56, A4[1] - 46)
                self.drawCentredString(A4[0] / 2, 34, f"Sida {self._pageNumber} av {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(items: list[Item], title: str, variant: int, columns: int | None = None) -> bytes:
    """Lay items out on A4 pages; every fifth variant sets a brochure in two columns."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    columns = columns or (2 if variant % 5 == 4 else 1)
    styles = _styles()
    list_item = _list_item_class()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=62,
        rightMargin=62,
        topMargin=70,
        bottomMargin=60,
        title=title,
        author="Polismyndigheten",
        invariant=True,
    )  # same bytes each build: corpus diffs mean something
    gap = 18
    width = (doc.width - gap * (columns - 1)) / columns
    frames = [
        Frame(
            doc.leftMargin + n * (width + gap), doc.bottomMargin, width, doc.height, id=f"column{n}"
        )
        for n in range(columns)
    ]
    doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
    story = []
    first = True
    lists = 0
    for item in items:
        if item.kind == "heading":
            story.append(Paragraph(html.escape(item.text), styles["h1" if first else "h2"]))
            first = False
        elif item.kind == "paragraph":
            story.append(Paragraph(html.escape(item.text), styles["body"]))
        elif item.kind == "list":
            glyph = GLYPHS[(variant + lists) % len(GLYPHS)]
            lists += 1
            story.extend(
                list_item(Paragraph(html.escape(x), styles["item"]), glyph) for x in item.items
            )
        elif item.kind == "table":
            story.append(_ruled_table(item.rows, styles, width - 12))
        else:
            # In a narrow brochure column signers stack, so no title breaks mid-word.
            story.append(
                _signature_table(
                    item.pairs, item.orgs, styles, width - 12, per_row=2 if columns == 1 else 1
                )
            )
    doc.build(story, canvasmaker=_numbered_canvas(title, variant))
    return buffer.getvalue()
