"""Render source texts the way other producers than `render.py` would: a browser printing a
page to PDF, LibreOffice exporting a document, and HTML templates built of bare divs or line
breaks. The eval sets' own renderings share one writer's layout; these do not.

    chromium_pdfs(html_files, out_dir)      # needs chromium on PATH
    libreoffice_pdfs(html_files, out_dir)   # needs soffice on PATH
    other_html(text, "divs" | "br" | "divnav")
    plain_pdfs(text_files, out_dir)         # the text drawn line by line in one font
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from render import Item, bare_page, parse_source

__all__ = [
    "CHROMIUM_FLAGS",
    "HTML_STYLES",
    "chromium_pdfs",
    "libreoffice_pdfs",
    "other_html",
    "plain_pdfs",
]

# Chromium's flags for a closed network (see the env notes): no background connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
HTML_STYLES = ("divs", "br", "divnav")
_E = html.escape
_HEADER = (
    '<div class="c-header"><div class="c-logo"><a href="/">Kommunen</a></div>'
    '<div class="c-menu"><a href="/a">Barn och utbildning</a> <a href="/b">Omsorg</a> '
    '<a href="/c">Bygga och bo</a> <a href="/d">Kommun och politik</a></div>'
    '<div class="c-crumbs"><a href="/">Start</a> &gt; <a href="/d">Kommun och politik</a>'
    " &gt; Trygghet</div></div>"
)
_FOOTER = (
    '<div class="c-foot"><div>Kommunen, 123 45 Orten</div><div>Telefon: 0123-45 67 89</div>'
    '<div><a href="/k">Kakor</a> | <a href="/t">Tillgänglighetsredogörelse</a></div></div>'
)


def chromium_pdfs(pages: list[Path], out_dir: Path) -> list[Path]:
    """Each HTML file printed to PDF by headless Chromium, as a reader saving the page."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("chromium not on PATH (Debian: apt-get install chromium)")
    out_dir.mkdir(parents=True, exist_ok=True)
    printed = []
    with tempfile.TemporaryDirectory() as profile:  # no shared profile between runs
        for page in pages:
            target = out_dir / f"{page.stem}.pdf"
            command = [
                browser,
                *CHROMIUM_FLAGS,
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={target}",
                page.resolve().as_uri(),
            ]
            subprocess.run(command, check=True, capture_output=True, timeout=120)
            printed.append(target)
    return printed


def libreoffice_pdfs(pages: list[Path], out_dir: Path) -> list[Path]:
    """Each HTML file opened in LibreOffice Writer and exported to PDF, in one run."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("soffice not on PATH (Debian: apt-get install libreoffice-writer)")
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        office,
        "--headless",
        "--infilter=HTML (StarWriter)",  # a Writer document, not a web page
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(out_dir),
        *map(str, pages),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=3600)
    return [out_dir / f"{page.stem}.pdf" for page in pages]


def plain_pdfs(texts: list[Path], out_dir: Path) -> list[Path]:
    """Each text file drawn into an A4 PDF as it stands: one font and size throughout, long
    lines wrapped at the margin, blank lines kept (a text-to-PDF converter's output)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for text in texts:
        target = out_dir / f"{text.stem}.pdf"
        target.write_bytes(_plain_pdf(text.read_text(encoding="utf-8")))
        written.append(target)
    return written


def _plain_pdf(text: str, size: float = 10, margin: float = 56) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = A4[1] - margin
    for line in text.split("\n"):
        indent = 4 * (len(line) - len(line.lstrip(" ")))
        width = A4[0] - 2 * margin - indent
        pieces = [""]
        for word in line.split():
            joined = f"{pieces[-1]} {word}".strip()
            fits = stringWidth(joined, "Helvetica", size) <= width or not pieces[-1]
            pieces[-1:] = [joined] if fits else [pieces[-1], word]
        for piece in pieces:
            if y < margin:
                pdf.showPage()
                y = A4[1] - margin
            pdf.setFont("Helvetica", size)
            pdf.drawString(margin + indent, y, piece)
            y -= size * 1.3
    pdf.save()
    return buffer.getvalue()


def other_html(text: str, style: str) -> str:
    """The source text as a page of bare divs ('divs'), one <p> of line breaks ('br'), or
    divs between a div header and footer with class names that say nothing ('divnav')."""
    items = parse_source(text)
    inner = "\n".join(_element(item, style) for item in items)
    if style == "br":
        body = f'<div id="content"><p>{inner}</p></div>'
    elif style == "divnav":
        body = f'{_HEADER}<div class="c-main"><div class="c-col">{inner}</div></div>{_FOOTER}'
    else:
        body = f'<div class="content">{inner}</div>'
    return bare_page(items, body)


def _element(item: Item, style: str) -> str:
    """One item in the style's markup."""
    if item.kind == "heading":
        if style == "br":
            return f"<b>{_E(item.text)}</b><br><br>"
        return f'<div class="rubrik"><b>{_E(item.text)}</b></div>'
    if item.kind == "paragraph":
        return f"{_E(item.text)}<br><br>" if style == "br" else f"<div>{_E(item.text)}</div>"
    if item.kind == "list":
        if style == "br":
            return "".join(f"- {_E(x)}<br>" for x in item.items) + "<br>"
        return "".join(f"<div>• {_E(x)}</div>" for x in item.items)
    if item.kind == "table":
        rows = ("".join(f"<td>{_E(c)}</td>" for c in row) for row in item.rows)
        return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"
    signers = [f"{_E(name)}<br>{_E(title or '')}" for name, title in item.pairs]
    if style == "br":
        return "<br><br>".join(signers) + "<br><br>"
    return "".join(f"<div>{signer}</div>" for signer in signers)
