"""PDF parser regressions in layout: each test names what broke or could break.

Hostile, damaged and oversized files are in test_issues_pdf_files.py.
"""

from __future__ import annotations

import io

from pdf_fixtures import PdfLayout
from reportlab.pdfgen import canvas

from lofte_extract.parse.pdf import parse_pdf


def test_rotated_watermark_is_not_text():
    doc = parse_pdf(
        PdfLayout(watermark="UTKAST").paragraph("Polisen ska genomföra trafikkontroller.").build()
    )
    assert [b.text for b in doc.blocks] == ["Polisen ska genomföra trafikkontroller."]


def test_signature_org_lines_above_dotted_line_stay_with_names():
    doc = parse_pdf(
        PdfLayout()
        .signatures(
            [
                ("För Polisen", "", "Anna Berg", "Lokalpolisområdeschef"),
                ("För Kumla kommun", "", "Per Holm", "Kommunstyrelsens ordförande"),
            ],
            dotted=None,
        )
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
        .lines(
            [
                "Den 1 januari 2020 börjar löftet gälla",
                "och det följs upp av polisen och kommunen.",
            ]
        )
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
        .signatures(
            [
                ("Niklas Jonsson (S)", "Kommunstyrelsens ordförande"),
                ("Lotta Petersson", "Lokalpolisområdeschef"),
            ],
            dotted=None,
        )
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


def test_a_line_ending_with_an_abbreviation_runs_on():
    # 'Under perioden 2019-03-22 t.o.m.' / '2020-12-31 lovar …': the full stop of 't.o.m.'
    # ends no sentence, so the short line does not close the paragraph.
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    lines = [
        "Polisen och kommunen har tagit fram ett gemensamt medborgarlöfte för Avesta kommun som",
        "gäller under en längre tid än tidigare löften, med start i mars och slut i december.",
        "Under perioden 2019-03-22 t.o.m.",
        "2020-12-31 lovar Polisen och Avesta kommun att genomföra fyra trafikinsatser.",
    ]
    for i, text in enumerate(lines):
        page.drawString(72, 700 - i * 14, text)
    page.save()
    blocks = [" ".join(b.text.split()) for b in parse_pdf(buffer.getvalue()).blocks]
    assert any("t.o.m. 2020-12-31 lovar" in block for block in blocks), blocks
