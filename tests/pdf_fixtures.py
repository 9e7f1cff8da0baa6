"""PDF fixtures for the parser's tests: the layout builder, odd files, seed text as PDF.

`PdfLayout` and its fonts and bullet styles are built in pdf_builder.py and
re-exported here, so tests and scripts import every fixture from `pdf_fixtures`.
This module adds hand-written, encrypted, image-only and truncated files, and
`layout_seed_text`, which lays a plain-text page out as a signed PDF.
"""

from __future__ import annotations

import io
import re

from pdf_builder import (
    _FONT_DIR,  # noqa: F401  (private names stay importable from here, as before the split)
    _FONT_FILES,  # noqa: F401
    _NOMAP_FONT,  # noqa: F401
    _PUA_FONT,  # noqa: F401
    BODY,
    BOLD,
    BULLET_STYLES,
    RULE,
    PdfLayout,
    _Op,  # noqa: F401
    _register_fonts,  # noqa: F401
    _rewrite_bullet_maps,  # noqa: F401
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

__all__ = [
    "BODY",
    "BOLD",
    "BULLET_STYLES",
    "RULE",
    "PdfLayout",
    "encrypted_pdf",
    "image_only_pdf",
    "layout_seed_text",
    "raw_pdf",
    "truncated_pdf",
]


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A hand-written PDF: numbered objects, a correct xref table and trailer."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return out


def encrypted_pdf(user_password: str = "hemligt", owner_password: str = "ägare") -> bytes:
    """A short promise encrypted; an empty user password opens without asking."""
    layout = PdfLayout(page_numbers=None)
    layout.heading("Medborgarlöfte 2021").paragraph("Polisen och kommunen lovar att arbeta.")
    return layout.build(encrypt=StandardEncryption(user_password, owner_password))


def image_only_pdf(pages: int = 2) -> bytes:
    """A scan: every page one image, no text layer."""
    from PIL import Image, ImageDraw

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        image = Image.new("L", (300, 400), 255)
        ImageDraw.Draw(image).rectangle((40, 40, 260, 60), fill=0)
        pdf.drawInlineImage(image, 72, 300, width=450, height=500)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def truncated_pdf(keep: float = 0.5) -> bytes:
    """A download cut off part way."""
    data = PdfLayout().heading("Medborgarlöfte").paragraph("Text " * 200).build()
    return data[: int(len(data) * keep)]


_BULLET_LINE = re.compile(r"^\s*[•\-–*▪]\s+")


def layout_seed_text(text: str, bullet: str = "cid127", header: str | None = None) -> PdfLayout:
    """Lay a plain-text page out as a signed PDF: short lines become headings, bullets lists."""
    layout = PdfLayout(header=header, bullet=bullet)
    chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", text) if c.strip()]
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        raw = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        # An indented line under flush-left text is a list item whose glyph was lost.
        lost = [
            line[:1] == " " and i > 0 and raw[0][:1] != " " and not _BULLET_LINE.match(line)
            for i, line in enumerate(raw)
        ]
        lines = [
            f"• {line.strip()}" if glyph else line.strip()
            for line, glyph in zip(raw, lost, strict=True)
        ]
        columns = [re.split(r"\s{3,}", line.strip()) for line in raw]
        if len(raw) >= 2 and all(len(row) >= 2 for row in columns[-2:]):
            before = [line for line, row in zip(lines, columns, strict=True) if len(row) < 2]
            rows = [row for row in columns if len(row) >= 2]
            if before:
                layout.paragraph(" ".join(before))
            width = max(len(row) for row in rows)
            people = [tuple(row[i] for row in rows if i < len(row)) for i in range(width)]
            layout.signatures(people, dotted=None)  # names side by side, titles under them
            index += 1
            continue
        if len(lines) > 1 and _heading_like(lines[0]) and not _is_signature_chunk(lines):
            layout.heading(lines[0], size=13)  # a heading with its text right under it
            lines = lines[1:]
        dotted = lines[0] if lines and set(lines[0]) <= set("._ ") and len(lines) > 1 else None
        if dotted and _is_signature_chunk(lines[1:]):
            layout.stacked_signature(*lines[1:], dotted=dotted)
        elif any(_BULLET_LINE.match(line) for line in lines):
            _bullet_chunk(layout, lines)
        elif _is_signature_chunk(lines):
            following = [
                line.strip()
                for line in (chunks[index + 1] if index + 1 < len(chunks) else "").splitlines()
                if line.strip()
            ]
            if _is_signature_chunk(following):
                layout.signatures([tuple(lines), tuple(following)])
                index += 1
            else:
                layout.stacked_signature(*lines)
        elif len(lines) == 1 and _heading_like(lines[0]):
            layout.heading(lines[0], size=13)
        else:
            layout.paragraph(" ".join(lines))
        index += 1
    return layout


def _heading_like(line: str) -> bool:
    return len(line) < 60 and not line.endswith((".", ":", ",")) and not _BULLET_LINE.match(line)


def _bullet_chunk(layout: PdfLayout, lines: list[str]) -> None:
    """Lines before the first bullet are a paragraph; unmarked lines continue the item above."""
    lead: list[str] = []
    items: list[str] = []
    for line in lines:
        if _BULLET_LINE.match(line):
            items.append(_BULLET_LINE.sub("", line))
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            lead.append(line)
    if lead:
        layout.paragraph(" ".join(lead))
    layout.bullets(items)


def _is_signature_chunk(lines: list[str]) -> bool:
    """Two or three short lines, the first a name (capitalised words, no digits)."""
    if not 2 <= len(lines) <= 3:
        return False
    words = lines[0].split()
    return (
        2 <= len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and not any(ch.isdigit() for ch in lines[0])
        and all(len(line) < 45 for line in lines)
    )
