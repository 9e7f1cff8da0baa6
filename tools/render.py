"""Render a source .txt to realistic PDF and HTML fixtures.

The fixtures imitate what the pipeline meets in the wild: PDFs signed in Word
(running header, "Sida N av M" footer, bullets that pdfplumber extracts as
`(cid:127)` or a stray `l`, signatures side by side under dotted lines) and web
pages from polisen.se and Sitevision kommun sites (cookie banner, nav,
breadcrumbs, share buttons, aside, scripts), in utf-8 or windows-1252.

    python tools/render.py SOURCE.txt OUT.pdf|OUT.html [--variant N]
"""

from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Item", "build_pdf", "page_template", "parse_source", "render_html", "render_pdf"]

_BULLET = re.compile(r"^\s*(?:[•·▪◦●\-–*]|\(cid:\d+\)|\uf0b7)\s+")
_DOTS = re.compile(r"^\s*[._…]{4,}\s*$")
_COLUMNS = re.compile(r"\s{3,}|\t+")
_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüëø'’]+(?:-[A-ZÅÄÖÉÜ]?[a-zåäöéüëø'’]+)*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+\([A-ZÅÄÖa-zåäö]{{1,4}}\))?$")
# Stems that make a short line a role title rather than a name or a heading.
_TITLE_STEMS = (
    "ordförande", "ordf", "chef", "polis", "direktör", "kommunalråd", "samordnare",
    "strateg", "ansvarig", "kommunstyrelse", "nämnd", "president", "handläggare",
)
_SENTENCE_END = (".", "!", "?", ";", ",", ":")


@dataclass
class Item:
    """One structural unit of a source text."""

    kind: str  # heading | paragraph | list | signatures
    text: str = ""
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str | None]] = field(default_factory=list)


def _is_title(line: str) -> bool:
    low = line.lower()
    return len(line) <= 70 and not line.endswith(".") and any(s in low for s in _TITLE_STEMS)


def _is_name(line: str) -> bool:
    return bool(_NAME.match(line)) and not _is_title(line)


def _columns(line: str) -> list[str]:
    return [c.strip() for c in _COLUMNS.split(line.strip()) if c.strip()]


def _is_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 90 or line.endswith(_SENTENCE_END):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= len(line) / 2


def _signature_run(lines: list[str], i: int) -> tuple[list[tuple[str, str | None]], int]:
    """Name/title pairs starting at line i, and the index after them (i when none)."""
    pairs: list[tuple[str, str | None]] = []
    j = i
    while j < len(lines):
        k = j
        while k < len(lines) and (not lines[k].strip() or _DOTS.match(lines[k])):
            k += 1
        if k >= len(lines):
            break
        names = _columns(lines[k])
        if not names or not all(_is_name(n) for n in names):
            break
        t = k + 1
        while t < len(lines) and not lines[t].strip():
            t += 1
        titles = _columns(lines[t]) if t < len(lines) else []
        if titles and len(titles) == len(names) and all(_is_title(x) for x in titles):
            pairs.extend(zip(names, titles, strict=True))
            j = t + 1
        elif titles and len(names) == 1 and _is_title(lines[t].strip()):
            pairs.append((names[0], lines[t].strip()))
            j = t + 1
        else:
            break
    return pairs, (j if pairs else i)


def parse_source(text: str) -> list[Item]:
    """Split a source text into headings, paragraphs, lists and signature groups."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Item] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _DOTS.match(line):
            i += 1
            continue
        pairs, after = _signature_run(lines, i)
        if pairs:
            out.append(Item("signatures", pairs=pairs))
            i = after
            continue
        if _BULLET.match(line):
            item = _BULLET.sub("", line).strip()
            if out and out[-1].kind == "list" and _prev_blank_free(lines, i):
                out[-1].items.append(item)
            else:
                out.append(Item("list", items=[item]))
            i += 1
            continue
        stripped = line.strip()
        kind = "heading" if _is_heading(stripped) else "paragraph"
        out.append(Item(kind, text=stripped))
        i += 1
    return out


def _prev_blank_free(lines: list[str], i: int) -> bool:
    """Whether the previous non-empty line was a bullet (lists tolerate blank lines)."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and bool(_BULLET.match(lines[k]))


def _title_of(items: list[Item]) -> str:
    for item in items:
        if item.kind == "heading":
            return item.text
    return "Medborgarlöfte"


# --- PDF -------------------------------------------------------------------------------------

# Bullet glyphs as Word exports leave them: Symbol's bullet extracts as "•", a raw
# WinAnsi code 127 without a glyph as "(cid:127)", ZapfDingbats' disc as "l", and Word's
# Symbol-font bullet re-encoded into the private use area as U+F0B7.
_GLYPHS = ("symbol", "cid127", "zapf", "pua")
_PUA_FONT = "LofteBulletPUA"


def _pua_font() -> str:
    """A TrueType font whose U+F0B7 draws a bullet, registered once."""
    import os

    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _PUA_FONT not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(_PUA_FONT, os.path.join(os.path.dirname(reportlab.__file__), "fonts",
                                              "Vera.ttf"))
        # Map the private-use code to the bullet glyph: the ToUnicode map then says U+F0B7.
        font.face.charToGlyph[0xF0B7] = font.face.charToGlyph[0x2022]
        font.face.charWidths[0xF0B7] = font.face.charWidths[0x2022]
        pdfmetrics.registerFont(font)
    return _PUA_FONT


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=7)
    return {
        "h1": ParagraphStyle("h1", base, fontName="Helvetica-Bold", fontSize=16, leading=20,
                             spaceAfter=10),
        "h2": ParagraphStyle("h2", base, fontName="Helvetica-Bold", fontSize=12, leading=16,
                             spaceBefore=6, spaceAfter=5),
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


def _signature_table(pairs, styles, width):
    from reportlab.platypus import Paragraph, Table, TableStyle

    def cell(pair):
        name, title = pair
        return [
            Paragraph("." * 44, styles["sign"]),
            Paragraph(html.escape(name), styles["sign"]),
            Paragraph(html.escape(title or ""), styles["sign"]),
        ]

    rows = []
    for k in range(0, len(pairs), 2):
        row = [cell(p) for p in pairs[k:k + 2]]
        rows.append(row + [""] * (2 - len(row)))
    table = Table(rows, colWidths=[width / 2] * 2)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 22)]))
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


def build_pdf(items: list[Item], title: str, variant: int) -> bytes:
    """Lay items out on A4 pages."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = _styles()
    list_item = _list_item_class()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=62, rightMargin=62, topMargin=70,
                            bottomMargin=60, title=title, author="Polismyndigheten",
                            invariant=True)  # same bytes each build: corpus diffs mean something
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
            glyph = _GLYPHS[(variant + lists) % len(_GLYPHS)]
            lists += 1
            story.extend(list_item(Paragraph(html.escape(x), styles["item"]), glyph)
                         for x in item.items)
        else:
            story.append(_signature_table(item.pairs, styles, doc.width))
    doc.build(story, canvasmaker=_numbered_canvas(title, variant))
    return buffer.getvalue()


def render_pdf(text: str, variant: int = 0) -> bytes:
    """The source text as a signed-document PDF (bytes)."""
    items = parse_source(text)
    return build_pdf(items, _title_of(items), variant)


# --- HTML ------------------------------------------------------------------------------------

def _list_html(items: list[str], variant: int) -> str:
    # Every third Sitevision page pastes lists from Word: paragraphs starting with a bullet.
    if variant % 6 == 5:
        return "\n".join(f'<p class="normal">•&nbsp;{html.escape(x)}</p>' for x in items)
    lis = "".join(f"\n  <li>{html.escape(x)}</li>" for x in items)
    return f"<ul>{lis}\n</ul>"


def _body_html(items: list[Item], variant: int = 0) -> str:
    parts = []
    first_heading = True
    for item in items:
        if item.kind == "heading":
            tag = "h1" if first_heading else "h2"
            first_heading = False
            parts.append(f"<{tag}>{html.escape(item.text)}</{tag}>")
        elif item.kind == "paragraph":
            parts.append(f"<p>{html.escape(item.text)}</p>")
        elif item.kind == "list":
            parts.append(_list_html(item.items, variant))
        else:
            cells = "".join(
                '\n  <div class="signature"><p class="sign-line">&nbsp;</p>'
                f"<p><strong>{html.escape(name)}</strong><br>{html.escape(title or '')}</p></div>"
                for name, title in item.pairs
            )
            parts.append(f'<div class="signatures">{cells}\n</div>')
    return "\n".join(parts)


# Page layouts with {charset}, {title} and {body} slots ({{ }} escapes CSS/JS braces).
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def page_template(variant: int) -> str:
    """The page layout for a variant: even is polisen.se-like, odd Sitevision-kommun-like."""
    name = "polisen.html" if variant % 2 == 0 else "sitevision.html"
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def render_html(text: str, variant: int = 0, encoding: str = "utf-8") -> bytes:
    """The source text as a web page with site furniture, encoded as asked."""
    items = parse_source(text)
    title = _title_of(items)
    page = page_template(variant).format(
        charset=encoding,
        title=html.escape(title),
        body=_body_html(items, variant),
    )
    return page.encode(encoding, errors="xmlcharrefreplace")


def main(argv: list[str] | None = None) -> int:
    """Command line: render one source file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--variant", type=int, default=0)
    parser.add_argument("--encoding", default="utf-8")
    args = parser.parse_args(argv)
    text = args.source.read_text(encoding="utf-8")
    if args.out.suffix == ".pdf":
        data = render_pdf(text, args.variant)
    else:
        data = render_html(text, args.variant, args.encoding)
    args.out.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
