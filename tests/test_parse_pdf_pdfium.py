"""pdfium reads a PDF page's characters; pdfplumber keeps ruled tables and unopenable files."""

from __future__ import annotations

import io

import pdfplumber
from pdf_fixtures import PdfLayout

from lofte_extract.parse import pdf as pdf_module
from lofte_extract.parse.pdf import parse_pdf
from lofte_extract.parse.pdf_chars import CharPage, open_pdfium, pdfium_page


def _pages(data: bytes) -> list:
    """Each page's character source as parse_pdf picks it."""
    fast = open_pdfium(data)
    assert fast is not None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [pdfium_page(fast, index, page) for index, page in enumerate(pdf.pages)]
    finally:
        fast.close()


def test_pdfium_chars_give_words_sizes_and_fonts():
    data = (
        PdfLayout()
        .heading("Medborgarlöfte för Kumla", size=15)
        .paragraph("Polisen och kommunen ska genomföra trygghetsvandringar.")
        .build()
    )
    (page,) = _pages(data)
    assert isinstance(page, CharPage)
    words = page.extract_words(x_tolerance_ratio=0.15, extra_attrs=["fontname", "size"])
    heading = [w for w in words if w["text"] in {"Medborgarlöfte", "Kumla"}]
    body = [w for w in words if w["text"] == "trygghetsvandringar."]
    assert [w["text"] for w in heading] == ["Medborgarlöfte", "Kumla"]
    assert {round(w["size"], 1) for w in heading} == {15.0}
    assert all(w["fontname"].endswith("DejaVuSans-Bold") for w in heading)
    assert round(body[0]["size"], 1) == 11.0 and body[0]["fontname"].endswith("DejaVuSans")
    # top-left origin, one font size tall, as pdfplumber's
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plumber = [w for w in pdf.pages[0].extract_words() if w["text"] == "Kumla"][0]
    assert abs(heading[1]["top"] - plumber["top"]) < 0.5
    assert abs(heading[1]["x0"] - plumber["x0"]) < 0.5


def test_ruled_table_page_goes_through_pdfplumber():
    data = (
        PdfLayout()
        .paragraph("Aktiviteter under året.")
        .table([["Aktivitet", "Ansvar"], ["Trygghetsvandring", "Kommunen"]])
        .build()
    )
    assert _pages(data) == [None]  # pdfplumber reads the page, its table finder too
    doc = parse_pdf(data)
    assert any("Trygghetsvandring" in block.text for block in doc.blocks)


def test_line_end_hyphen_page_goes_through_pdfplumber():
    data = PdfLayout().lines(["Vi genomför trygghets-", "vandringar och e-", "post"]).build()
    assert _pages(data) == [None]
    assert "trygghetsvandringar och e-post" in parse_pdf(data).text


def test_unopenable_by_pdfium_falls_back_to_pdfplumber(monkeypatch):
    assert open_pdfium(b"%PDF-1.4\n" + b"\x00" * 200) is None  # pdfium refuses junk
    data = PdfLayout().paragraph("Polisen och kommunen lovar fler trygghetsvandringar.").build()
    expected = parse_pdf(data).text
    # A document pdfium does not open is read by pdfplumber alone, page for page.
    monkeypatch.setattr(pdf_module, "open_pdfium", lambda data: None)
    assert parse_pdf(data).text == expected
    assert "fler trygghetsvandringar" in expected


def test_pdfium_and_pdfplumber_read_a_page_alike(monkeypatch):
    data = (
        PdfLayout(header="Medborgarlöfte 2021 – Kumla", bullet="dot")
        .heading("Det här ska vi göra")
        .paragraph("Polisen och kommunen ska genomföra trygghetsvandringar i centrum. " * 4)
        .bullets(["Minst fyra riktade trafikinsatser.", "Två föräldramöten."])
        .build()
    )
    assert isinstance(_pages(data)[0], CharPage)
    fast = parse_pdf(data)
    monkeypatch.setattr(pdf_module, "open_pdfium", lambda data: None)
    slow = parse_pdf(data)
    assert [(b.kind, b.text) for b in fast.blocks] == [(b.kind, b.text) for b in slow.blocks]
