"""Issue 9, scanned PDFs: pages without a text layer are read by Tesseract (swe), and only
those pages; without Tesseract the error says what to install.

The scan is made here: the bundled Höör promise's text drawn into page images, put into a
PDF that holds nothing else (no text layer at all, or beside a page with one).
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import lofte_extract
from lofte_extract.parse import parse_file
from lofte_extract.parse.ocr import ocr_available
from lofte_extract.pipeline import run

REPO = Path(__file__).resolve().parents[1]
HOOR = REPO / "corpus" / "004_31a527f7f8e38881.pdf"
FONT = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
needs_tesseract = pytest.mark.skipif(
    not ocr_available(),
    reason="no tesseract with Swedish (Debian: apt-get install -y tesseract-ocr-swe)",
)


def _scan_pages(text: str, lines_per_page: int = 60) -> list[Image.Image]:
    """Pages at 200 dpi holding `text` in 11 pt type, as a scanner would deliver them."""
    font = ImageFont.truetype(str(FONT), 30)
    lines = [
        wrapped
        for paragraph in text.split("\n")
        for wrapped in (textwrap.wrap(paragraph, 80) or [""])
    ]
    pages = []
    for start in range(0, len(lines), lines_per_page):
        image = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines[start : start + lines_per_page]):
            draw.text((140, 150 + row * 34), line, font=font, fill=0)
        pages.append(image)
    return pages


def _image_pdf(pages: list[Image.Image], text_page: str | None = None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if text_page is not None:  # a cover page with a real text layer
        pdf.drawString(72, 760, text_page)
        pdf.showPage()
    for image in pages:
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hoor_text() -> str:
    return parse_file(HOOR).text


@needs_tesseract
def test_scanned_pdf_is_read_by_ocr(tmp_path, hoor_text):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hoor_scan.pdf").write_bytes(_image_pdf(_scan_pages(hoor_text)))
    out = tmp_path / "out"
    run([corpus], out, jobs=1)
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert records, (out / "errors.jsonl").read_text()
    record = records[0]
    assert [k["name"] for k in record["kommuner"]] == ["Höör"]
    assert 2019 in record["years"]
    assert any("tillsynsbesök" in c["text"] for c in record["commitments"]), record["commitments"]
    assert record["source"]["ocr_pages"] == [1, 2]
    assert any("read by OCR" in w for w in record["warnings"])


@needs_tesseract
def test_scanned_pdf_ocr_only_pages_without_text_layer(tmp_path, hoor_text):
    data = _image_pdf(
        _scan_pages(hoor_text, lines_per_page=200),
        text_page="Bilaga: Medborgarlofte for Hoor kommun",
    )
    path = tmp_path / "mixed.pdf"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.ocr_pages == [2]
    assert doc.text.startswith("Bilaga: Medborgarlofte for Hoor kommun")
    assert {block.page for block in doc.blocks} == {1, 2}
    assert "tillsynsbesök" in doc.text


def test_scanned_pdf_without_tesseract_says_what_to_install(tmp_path, hoor_text):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scan.pdf").write_bytes(_image_pdf(_scan_pages(hoor_text[:400])))
    out = tmp_path / "out"
    python_only = str(Path(tmp_path / "bin"))
    os.mkdir(python_only)
    os.symlink(sys.executable, Path(python_only) / "python")
    code = (
        "import sys; from lofte_extract.pipeline import run; "
        "run([sys.argv[1]], sys.argv[2], jobs=0)"
    )
    env = {
        "PATH": python_only,
        "PYTHONPATH": str(Path(lofte_extract.__file__).resolve().parents[1]),
    }
    subprocess.run(["python", "-c", code, str(corpus), str(out)], env=env, check=True, timeout=120)
    error = json.loads((out / "errors.jsonl").read_text())
    assert error["reason"] == "no text layer: needs OCR (install tesseract-ocr-swe)", error


def _alive(pid: int) -> bool:
    """Running: neither gone nor a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _start_tied_child(pid_file: str) -> None:
    from lofte_extract.parse.ocr import run_tied

    run_tied(["sh", "-c", f"echo $$ > {pid_file}; exec sleep 30"], b"", timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_ocr_child_dies_with_a_worker_killed_on_timeout(tmp_path):
    # a worker killed on --timeout left its tesseract running at full CPU for minutes
    pid_file = tmp_path / "child.pid"
    worker = multiprocessing.get_context("spawn").Process(
        target=_start_tied_child, args=(str(pid_file),)
    )
    worker.start()
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text().strip():
            break
        time.sleep(0.05)
    child = int(pid_file.read_text())
    worker.kill()
    worker.join()
    for _ in range(100):
        if not _alive(child):
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the OCR child outlived its worker")
