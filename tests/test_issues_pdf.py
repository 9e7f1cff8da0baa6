"""PDF parser regressions and hostile files: each test names what broke or could break."""

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
        "pages_tree_cycle": raw_pdf([
            catalog, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", page + b" >>",
            content, font,
        ]),
        "absurd_mediabox": raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page.replace(b"612 792", b"1e30 1e30") + b" >>", content, font,
        ]),
        "deeply_nested_font": raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page + b" >>", content,
            b"[" * 50000 + b"]" * 50000,
        ]),
        "self_drawing_form": raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /X1 5 0 R >> >> >>",
            b"<< /Length 6 >>\nstream\n/X1 Do\nendstream", form,
        ]),
        "count_lies": raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>", page + b" >>",
            content, font,
        ]),
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


def test_rotated_watermark_is_not_text():
    doc = parse_pdf(
        PdfLayout(watermark="UTKAST").paragraph("Polisen ska genomföra trafikkontroller.").build()
    )
    assert [b.text for b in doc.blocks] == ["Polisen ska genomföra trafikkontroller."]


def test_signature_org_lines_above_dotted_line_stay_with_names():
    doc = parse_pdf(
        PdfLayout()
        .signatures([
            ("För Polisen", "", "Anna Berg", "Lokalpolisområdeschef"),
            ("För Kumla kommun", "", "Per Holm", "Kommunstyrelsens ordförande"),
        ], dotted=None)
        .build()
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("signature", "Anna Berg\nLokalpolisområdeschef\nFör Polisen"),
        ("signature", "Per Holm\nKommunstyrelsens ordförande\nFör Kumla kommun"),
    ]


def test_signature_grid_two_by_two_splits_into_four():
    layout = PdfLayout()
    layout.signatures([("Anna Berg", "Kommunpolis"), ("Per Holm", "Kommundirektör")])
    layout.signatures([("Lena Ek", "Ordförande"), ("Olof Sund", "Polisområdeschef")])
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks] == [
        "Anna Berg\nKommunpolis",
        "Per Holm\nKommundirektör",
        "Lena Ek\nOrdförande",
        "Olof Sund\nPolisområdeschef",
    ]
    assert {b.kind for b in doc.blocks} == {"signature"}


def test_heading_after_signatures_not_absorbed_as_organisation():
    doc = parse_pdf(
        PdfLayout()
        .signatures([("Anna Berg", "Kommunpolis"), ("Per Holm", "Kommundirektör")], dotted=None)
        .heading("Medborgarlöften i Eslövs kommun 2016", size=13)
        .paragraph("Text.")
        .build()
    )
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("signature", "Anna Berg\nKommunpolis"),
        ("signature", "Per Holm\nKommundirektör"),
        ("heading", "Medborgarlöften i Eslövs kommun 2016"),
    ]


def test_numbered_heading_at_top_of_each_page_is_not_a_running_header():
    layout = PdfLayout(page_numbers=None)
    for number in (2, 5, 6):
        layout.heading(f"Löfte {number}").lines([f"Löfte {number} gäller {2016 + number}."])
        layout.paragraph("Polisen och kommunen arbetar tillsammans. " * 3).page_break()
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Löfte 2", "Löfte 5", "Löfte 6"]
    assert "Löfte 5 gäller 2021." in [b.text for b in doc.blocks]


def test_list_item_wrapped_under_marker_continues_in_lower_case():
    layout = PdfLayout(bullet="cid127")
    layout.bullets(["Kommunen ska genomföra"])
    layout._y += layout.body_size * 0.2  # no gap: the next line wraps back under the marker
    layout._line("trygghetsvandringar varje höst.", "FixBody", layout.body_size, layout.margin)
    layout.paragraph("Nytt stycke.")
    doc = parse_pdf(layout.build())
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("list_item", "Kommunen ska genomföra trygghetsvandringar varje höst."),
        ("paragraph", "Nytt stycke."),
    ]


def test_words_spaced_by_kerning_not_space_characters_stay_apart():
    text = b"BT /F1 9 Tf 72 700 Td [(Polisen) -260 (ska) -240 (vara) -300 (synlig) -30 (het.)]"
    text += b" TJ ET"
    data = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])
    assert [b.text for b in parse_pdf(data).blocks] == ["Polisen ska vara synlighet."]


def test_bold_paragraph_is_not_merged_into_a_heading():
    sentence = "Polisen och kommunen lovar att genomföra minst fyra trygghetsvandringar under året"
    layout = PdfLayout()
    layout.heading("Löften", size=14)
    for _ in range(3):
        layout._line(sentence, "FixBold", layout.body_size, layout.margin)
    layout._line("tillsammans med föreningar.", "FixBold", layout.body_size, layout.margin)
    layout.paragraph("Vanlig text efter.")
    doc = parse_pdf(layout.build())
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]


def test_line_starting_with_a_date_does_not_split_its_paragraph():
    doc = parse_pdf(
        PdfLayout()
        .lines([
            "Den 1 januari 2020 börjar löftet gälla",
            "och det följs upp av polisen och kommunen.",
        ])
        .build()
    )
    assert [b.text for b in doc.blocks] == [
        "Den 1 januari 2020 börjar löftet gälla och det följs upp av polisen och kommunen."
    ]


def test_paragraph_running_onto_next_page_with_capitalised_word_joins():
    names = ["Polisen", "Kommunen", "Kumla", "Hallsberg", "Trygghet", "Askersund", "Laxå"]
    words = " ".join(names[(i * i + i // 7) % len(names)] for i in range(700))
    doc = parse_pdf(PdfLayout(page_numbers="{n}").paragraph(words + " Slut.").build())
    assert doc.pages >= 2
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert doc.blocks[0].text == words + " Slut."


def test_dash_quote_in_news_is_a_paragraph_not_a_list_item():
    doc = parse_pdf(
        PdfLayout(bullet="dash")
        .bullets(["Vi kommer att göra minst 30 besök per år, säger Malin Ekholm."])
        .bullets(["Polisen ska genomföra trafikkontroller."])
        .build()
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "\u2013 Vi kommer att göra minst 30 besök per år, säger Malin Ekholm."),
        ("list_item", "Polisen ska genomföra trafikkontroller."),
    ]


def test_heading_in_capitals_at_body_size():
    doc = parse_pdf(
        PdfLayout()
        .lines(["BAKGRUND"])
        .paragraph("Polisen och kommunen har sett en ökning av inbrott i EU och FN-området.")
        .build()
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "BAKGRUND"),
        ("paragraph", "Polisen och kommunen har sett en ökning av inbrott i EU och FN-området."),
    ]


def test_signature_name_with_party_tag():
    doc = parse_pdf(
        PdfLayout()
        .signatures([("Niklas Jonsson (S)", "Kommunstyrelsens ordförande"),
                     ("Lotta Petersson", "Lokalpolisområdeschef")], dotted=None)
        .build()
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("signature", "Niklas Jonsson (S)\nKommunstyrelsens ordförande"),
        ("signature", "Lotta Petersson\nLokalpolisområdeschef"),
    ]


def test_contact_row_with_a_name_is_not_a_signature():
    doc = parse_pdf(
        PdfLayout()
        .signatures([("Kontaktperson:", "Telefon:"), ("Anna Berg", "010-123 45 67")], dotted=None)
        .build()
    )
    assert "signature" not in [b.kind for b in doc.blocks]
    assert "Anna Berg" in doc.text and "010-123 45 67" in doc.text


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


def _sideways_pdf() -> bytes:
    """Page 1 turned by /Rotate 90; page 2 with its text drawn at 90 degrees."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setPageRotation(90)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 500, "Polisen ska genomföra trafikkontroller.")
    pdf.drawString(72, 486, "Kommunen ska förbättra belysningen.")
    pdf.showPage()
    pdf.setPageRotation(0)
    pdf.saveState()
    pdf.translate(300, 100)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(0, 0, "Roterad text om trygghet i Kumla.")
    pdf.drawString(0, -14, "Andra raden om samverkan.")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_landscape_and_rotated_pages_read_as_lines():
    doc = parse_pdf(_sideways_pdf())
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "Polisen ska genomföra trafikkontroller. Kommunen ska förbättra belysningen."),
        (2, "Roterad text om trygghet i Kumla. Andra raden om samverkan."),
    ]


def test_first_line_indent_starts_a_paragraph_without_spacing():
    layout = PdfLayout()
    lines = [
        ("Polisen och kommunen har tagit fram löftet tillsammans med invånarna i", 0),
        ("kommunen under hösten och vintern efter flera möten med föreningarna där.", 0),
        ("Löftet gäller i två år och följs upp varje halvår av styrgruppen för", 20),
        ("det brottsförebyggande rådet i kommunen.", 0),
    ]
    for text, indent in lines:
        layout._line(text, "FixBody", layout.body_size, layout.margin + indent)
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks] == [
        "Polisen och kommunen har tagit fram löftet tillsammans med invånarna i "
        "kommunen under hösten och vintern efter flera möten med föreningarna där.",
        "Löftet gäller i två år och följs upp varje halvår av styrgruppen för "
        "det brottsförebyggande rådet i kommunen.",
    ]


def test_two_columns_with_a_short_right_column_read_left_first():
    left = "Polisen ska genomföra trafikkontroller vid skolorna under hela läsåret. " * 6
    right = "Kommunen ska förbättra belysningen i parkerna och längs vägarna och cykelbanorna."
    doc = parse_pdf(PdfLayout().two_columns(left.strip(), right).build())
    assert [b.text for b in doc.blocks] == [left.strip(), right]
