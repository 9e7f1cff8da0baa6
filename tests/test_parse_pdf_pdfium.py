"""pdfium reads a PDF page's characters (ruled tables and line-end hyphens too); pdfplumber keeps
unopenable files and pages that may draw a soft hyphen."""

from __future__ import annotations

import io

import pdfplumber
from pdf_fixtures import PdfLayout
from reportlab.pdfgen import canvas

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


def test_ruled_table_page_reads_pdfium_chars_and_pdfminer_rules(monkeypatch):
    data = (
        PdfLayout()
        .paragraph("Aktiviteter under året.")
        .table([["Aktivitet", "Ansvar"], ["Trygghetsvandring", "Kommunen"]])
        .table([["När", "Vem", "Var"], ["Hösten", "Polisen och kommunen", "Centrum"]])
        .build()
    )
    (page,) = _pages(data)
    assert isinstance(page, CharPage) and page.rules.get("rect")  # the cells
    assert len(page.find_tables({"vertical_strategy": "lines"})) == 2
    fast = parse_pdf(data)
    monkeypatch.setattr(pdf_module, "open_pdfium", lambda data: None)
    slow = parse_pdf(data)
    assert [(b.kind, b.text) for b in fast.blocks] == [(b.kind, b.text) for b in slow.blocks]
    # each row one paragraph, its cells side by side (the table finder ran)
    assert "Hösten | Polisen och kommunen | Centrum" in [b.text for b in fast.blocks]


def test_page_without_rules_looks_for_no_table():
    data = PdfLayout().paragraph("Polisen och kommunen lovar fler trygghetsvandringar.").build()
    (page,) = _pages(data)
    assert isinstance(page, CharPage) and page.rules == {} and page.edges == []


def _source(data: bytes, number: int = 0) -> object:
    """Page `number`'s character source as parse_pdf picks it: a CharPage or None."""
    fast = open_pdfium(data)
    assert fast is not None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = pdf.pages[number]
            _, _, reader, code_173 = pdf_module._content_size(page)
            return pdfium_page(fast, number, page, reader == "cid127", code_173)
    finally:
        fast.close()


def _both_ways(data: bytes, monkeypatch) -> tuple[list, list]:
    fast = [(b.kind, b.text) for b in parse_pdf(data).blocks]
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "open_pdfium", lambda data: None)
        slow = [(b.kind, b.text) for b in parse_pdf(data).blocks]
    return fast, slow


def test_line_end_hyphen_reads_as_hyphen_where_no_font_has_a_soft_hyphen(monkeypatch):
    # reportlab's TrueType subset has a ToUnicode map without U+00AD: pdfium's marker
    # can only have been a hyphen, and the page keeps pdfium's characters.
    data = PdfLayout().lines(["Vi genomför trygghets-", "vandringar och e-", "post"]).build()
    page = _source(data)
    assert isinstance(page, CharPage)
    assert [c["text"] for c in page.chars].count("-") == 2
    fast, slow = _both_ways(data, monkeypatch)
    assert fast == slow
    assert "trygghetsvandringar och e-post" in parse_pdf(data).text


def test_line_end_hyphen_stays_with_pdfplumber_where_the_page_may_draw_a_soft_hyphen(
    monkeypatch,
):
    # WinAnsi code 173 at a line's end: pdfium marks it like a hyphen, pdfminer reads a
    # space; the page stays with pdfplumber.
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "Polisen genomför trygghets\xad")
    pdf.drawString(72, 686, "vandringar i centrum.")
    pdf.save()
    winansi = buffer.getvalue()
    # A TrueType subset whose ToUnicode map names U+00AD (a soft hyphen drawn at the end).
    named = PdfLayout().lines(["Vi genomför trygghets\u00ad", "vandringar i centrum."]).build()
    for data in (winansi, named):
        assert _source(data) is None
        fast, slow = _both_ways(data, monkeypatch)
        assert fast == slow


def test_line_end_hyphen_in_a_plain_winansi_font_without_code_173(monkeypatch):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "Polisen genomför trygghets-")
    pdf.drawString(72, 686, "vandringar och kunskaps-")
    pdf.drawString(72, 672, "och utbildningsdagar.")
    pdf.save()
    data = buffer.getvalue()
    assert isinstance(_source(data), CharPage)  # Helvetica: only code 173 is soft
    fast, slow = _both_ways(data, monkeypatch)
    assert fast == slow
    assert "trygghetsvandringar och kunskaps- och utbildningsdagar." in parse_pdf(data).text


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
