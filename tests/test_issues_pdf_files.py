"""PDF parser on hostile, damaged, encrypted and oversized files: each names what could break."""

from __future__ import annotations

import time

import pytest
from pdf_fixtures import (
    PdfLayout,
    encrypted_pdf,
    image_only_pdf,
    raw_pdf,
    truncated_pdf,
)

from lofte_extract.parse import ParseError
from lofte_extract.parse import pdf as pdf_module
from lofte_extract.parse.pdf import parse_pdf


def hostile_pdfs() -> dict[str, bytes]:
    """Files built to trip a parser: cycles, self-references, absurd numbers, deep nesting."""
    text = b"BT /F1 12 Tf 72 700 Td (Hej Kumla kommun) Tj ET"
    content = b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    resources = b"/Resources << /Font << /F1 5 0 R >> >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + resources
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /XObject << /X1 5 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream"
    )
    return {
        "pages_tree_cycle": raw_pdf(
            [
                catalog,
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                page + b" >>",
                content,
                font,
            ]
        ),
        "absurd_mediabox": raw_pdf(
            [
                catalog,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page.replace(b"612 792", b"1e30 1e30") + b" >>",
                content,
                font,
            ]
        ),
        "deeply_nested_font": raw_pdf(
            [
                catalog,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page + b" >>",
                content,
                b"[" * 50000 + b"]" * 50000,
            ]
        ),
        "self_drawing_form": raw_pdf(
            [
                catalog,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /X1 5 0 R >> >> >>",
                b"<< /Length 6 >>\nstream\n/X1 Do\nendstream",
                form,
            ]
        ),
        "count_lies": raw_pdf(
            [
                catalog,
                b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>",
                page + b" >>",
                content,
                font,
            ]
        ),
        "html_with_pdf_header": b"%PDF-1.4\n<html><body>Hej</body></html>",
    }


HOSTILE = hostile_pdfs()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pdf_parses_or_fails_cleanly_and_fast(name):
    started = time.monotonic()
    try:
        doc = parse_pdf(HOSTILE[name])
    except ParseError as error:
        assert error.reason in {"corrupt PDF", "no text layer: needs OCR", "empty PDF"}
        assert error.detail
    else:
        assert doc.blocks and all(doc.text[b.start : b.end] == b.text for b in doc.blocks)
    assert time.monotonic() - started < 10


def test_pages_tree_cycle_reads_the_page_once():
    doc = parse_pdf(HOSTILE["pages_tree_cycle"])
    assert [b.text for b in doc.blocks] == ["Hej Kumla kommun"]


def test_self_drawing_form_is_corrupt_not_recursion():
    with pytest.raises(ParseError) as raised:
        parse_pdf(HOSTILE["self_drawing_form"])
    assert raised.value.reason == "corrupt PDF"
    assert "circular" in raised.value.detail


def test_page_with_too_many_characters_is_skipped_with_warning(monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_CHARS_PER_PAGE", 200)
    layout = PdfLayout(page_numbers=None).paragraph("Kort sida.").page_break()
    layout.paragraph("Lång text om trygghet. " * 40)
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks] == ["Kort sida."]
    assert any("page 2: skipped" in w for w in doc.warnings)


def test_page_with_oversized_content_stream_is_skipped_before_parsing(monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_CONTENT_BYTES", 1000)
    layout = PdfLayout(page_numbers=None).paragraph("Kort sida.").page_break()
    layout.paragraph("Lång text om trygghet. " * 60)
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks] == ["Kort sida."]
    assert any("page 2: skipped" in w and "bytes" in w for w in doc.warnings)


def test_time_budget_keeps_first_page_and_warns():
    layout = PdfLayout(page_numbers=None)
    for text in ["Första.", "Andra.", "Tredje."]:
        layout.paragraph(text).page_break()
    doc = parse_pdf(layout.build(), time_budget=0.0)
    assert [b.text for b in doc.blocks] == ["Första."]
    assert doc.warnings == ["stopped after 1 pages: over 0s"]


def test_words_spaced_by_kerning_not_space_characters_stay_apart():
    text = b"BT /F1 9 Tf 72 700 Td [(Polisen) -260 (ska) -240 (vara) -300 (synlig) -30 (het.)]"
    text += b" TJ ET"
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
    )
    assert [b.text for b in parse_pdf(data).blocks] == ["Polisen ska vara synlighet."]


def test_encrypted_pdf_needs_password():
    with pytest.raises(ParseError) as raised:
        parse_pdf(encrypted_pdf())
    assert raised.value.reason == "encrypted PDF"


def test_owner_password_only_pdf_is_parsed():
    doc = parse_pdf(encrypted_pdf(user_password=""))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Medborgarlöfte 2021"),
        ("paragraph", "Polisen och kommunen lovar att arbeta."),
    ]


def test_image_only_pdf_needs_ocr():
    with pytest.raises(ParseError) as raised:
        parse_pdf(image_only_pdf())
    assert raised.value.reason == "no text layer: needs OCR"
    assert "2 of 2 pages" in raised.value.detail


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_corrupt_with_pdfminer_message(keep):
    with pytest.raises(ParseError) as raised:
        parse_pdf(truncated_pdf(keep))
    assert raised.value.reason == "corrupt PDF"
    assert raised.value.detail


def test_zero_page_pdf_is_empty():
    data = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )
    with pytest.raises(ParseError) as raised:
        parse_pdf(data)
    assert raised.value.reason == "empty PDF"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n", b"%PDF-1.4\n" + bytes(range(256)) * 40, b"not a pdf at all"],
)
def test_garbage_is_a_clear_error(data):
    with pytest.raises(ParseError) as raised:
        parse_pdf(data)
    assert raised.value.reason == "corrupt PDF"


def test_zero_byte_file_is_empty():
    with pytest.raises(ParseError) as raised:
        parse_pdf(b"")
    assert raised.value.reason == "empty PDF"


def test_page_cap_parses_first_pages_and_warns():
    layout = PdfLayout(page_numbers=None)
    for text in ["Inledning.", "Bakgrund.", "Löften.", "Uppföljning."]:
        layout.paragraph(text).page_break()
    doc = parse_pdf(layout.build(), max_pages=2)
    assert [b.text for b in doc.blocks] == ["Inledning.", "Bakgrund."]
    assert doc.warnings == ["parsed the first 2 of 5 pages"]
    assert doc.pages == 5
