"""PDF block regressions found downstream: bold sentences, columns, broken words, page labels."""

from __future__ import annotations

import pytest
from pdf_fixtures import BODY, BOLD, PdfLayout

from lofte_extract.parse.pdf import parse_pdf

INTRO = (
    "Polisen och kommunen har tillsammans tagit fram en lägesbild genom medborgardialoger, "
    "trygghetsmätningar och statistik från de senaste åren. "
) * 3


def kinds_texts(doc) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def test_bold_sentences_are_paragraphs_and_list_items_not_headings():
    layout = PdfLayout(page_numbers=None)
    layout.heading("Medborgarlöfte 2024 för Kalmar kommun", size=16)
    layout.paragraph(INTRO.strip())
    layout.lines(["Våra löften"], font=BOLD)
    layout.lines(["2. Polisen ska genomföra minst 25 nykterhetskontroller under året."], font=BOLD)
    layout.lines(["Kommunen ska tända belysningen vid alla skolor."], font=BOLD)
    layout.lines(
        [
            "a) Polisen ska genomföra minst 25 nykterhetskontroller under",
            "året och i samband med större evenemang i centrum",
        ],
        font=BOLD,
    )
    layout.lines(["Hur följs löftet upp i Kalmar kommun?"], font=BOLD)
    layout.paragraph("Löftet följs upp varje kvartal av styrgruppen.")
    doc = parse_pdf(layout.build())
    assert kinds_texts(doc)[2:] == [
        ("heading", "Våra löften"),
        ("list_item", "Polisen ska genomföra minst 25 nykterhetskontroller under året."),
        ("paragraph", "Kommunen ska tända belysningen vid alla skolor."),
        (
            "list_item",
            "Polisen ska genomföra minst 25 nykterhetskontroller under året och i "
            "samband med större evenemang i centrum",
        ),
        ("heading", "Hur följs löftet upp i Kalmar kommun?"),
        ("paragraph", "Löftet följs upp varje kvartal av styrgruppen."),
    ]


def test_numbered_heading_styled_item_hyphenated_across_lines_is_one_item():
    # A numbered promise set larger and bold, its last word broken onto a body-size line.
    layout = PdfLayout(page_numbers=None)
    layout.paragraph(INTRO.strip())
    layout.lines(["1. Polisen och kommunen ska sam-"], font=BOLD)
    layout._y -= 8  # paragraph spacing between the two lines
    layout.lines(["verka med skolorna kring trygghet i centrum."])
    layout.lines(["2. Kommunen ska tända belysningen vid skolorna och i parkerna."])
    doc = parse_pdf(layout.build())
    assert kinds_texts(doc)[1:] == [
        ("list_item", "Polisen och kommunen ska samverka med skolorna kring trygghet i centrum."),
        ("list_item", "Kommunen ska tända belysningen vid skolorna och i parkerna."),
    ]


def test_hyphenated_word_in_numbered_item_wrapped_under_the_number():
    layout = PdfLayout(page_numbers=None)
    layout.paragraph(INTRO.strip())
    layout.lines(
        [
            "1. Polisen och kommunen ska sam-",
            "verka med skolorna kring trygghet.",
            "2. Kommunen ska tända belysningen.",
        ]
    )
    doc = parse_pdf(layout.build())
    assert kinds_texts(doc)[1:] == [
        ("list_item", "Polisen och kommunen ska samverka med skolorna kring trygghet."),
        ("list_item", "Kommunen ska tända belysningen."),
    ]


def _two_column_page(header: bool = True) -> bytes:
    """One brochure page: a letterhead over both columns, a list item running across."""
    layout = PdfLayout(
        header="Polismyndigheten" if header else None,
        header_right="Medborgarlöften i Kalmar kommun" if header else None,
        page_numbers=None,
    )
    left_x, right_x = layout.margin, layout.width / 2 + 12
    top = layout.height - layout.margin
    left = [(left_x, f"Rad {n} om trygghet i stadskärnan.") for n in range(1, 30)]
    left += [
        (left_x + 14, "Fortsätta arbetet med ANDT i"),
        (left_x + 14, "stadskärnans offentliga"),
    ]
    right = [
        (right_x + 14, "miljö. Tillsammans ska vi ta oss"),
        (right_x + 14, "an problembilder med tillsyn."),
    ]
    right += [(right_x, f"Text {n} om uppföljning här.") for n in range(1, 12)]
    for column in (left, right):
        for index, (x, text) in enumerate(column):
            layout._y = top - index * 13
            layout._op(BODY, 10, x, text)
    layout._y = top - (len(left) - 2) * 13
    layout._op(BODY, 10, left_x + 3, "\u2022")
    return layout.build()


def test_letterhead_over_both_columns_stays_out_of_a_list_item_running_across():
    doc = parse_pdf(_two_column_page())
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        "Fortsätta arbetet med ANDT i stadskärnans offentliga miljö. Tillsammans ska vi ta oss "
        "an problembilder med tillsyn."
    ]
    # The letterhead is read whole, before both columns, not at the head of the right one.
    assert doc.blocks[0].text == "Polismyndigheten Medborgarlöften i Kalmar kommun"
    assert doc.text.count("Medborgarlöften i Kalmar kommun") == 1
    assert doc.blocks[2].text == items[0]
    assert doc.blocks[3].text == "Text 1 om uppföljning här."


def test_tall_heading_in_one_column_does_not_interleave_two_lines_of_the_other():
    layout = PdfLayout(page_numbers=None)
    left_x, right_x = layout.margin, layout.width / 2 + 12
    top = layout.height - layout.margin
    for index in range(12):
        layout._y = top - index * 14
        layout._op(BODY, 10, right_x, f"Högerrad {index} om polisens arbete.")
        if index != 3 and index != 4:
            layout._op(BODY, 10, left_x, f"Vänsterrad {index} om kommunens ansvar.")
    layout._y = top - 3 * 14 - 2  # a 16 pt heading straddling right lines 3 and 4
    layout._op(BOLD, 16, left_x, "Sök på polisen.se")
    doc = parse_pdf(layout.build())
    assert "Högerrad 3 om polisens arbete." in doc.text
    assert "Högerrad 4 om polisens arbete." in doc.text
    assert "Sök på polisen.se" in [b.text for b in doc.blocks]


def test_spelled_out_page_label_in_the_middle_of_a_page_is_dropped():
    # OCR of a two-page scan: the page label sits where the old page ended.
    layout = PdfLayout(page_numbers=None)
    layout.paragraph(INTRO.strip()).paragraph(INTRO.strip())
    layout.paragraph("Uppföljning av löftet sker halvårsvis.")
    layout.paragraph("Sida 2 av 2")
    layout.paragraph("Torsby 2018-03-02")
    layout.paragraph(INTRO.strip())
    doc = parse_pdf(layout.build())
    assert "Sida 2 av 2" not in doc.text
    assert "Torsby 2018-03-02" in [b.text for b in doc.blocks]


@pytest.mark.parametrize("style", ["cid127", "pua", "square", "dash", "dot"])
def test_bullet_list_across_a_page_break_keeps_every_item(style):
    layout = PdfLayout(header="Medborgarlöfte 2021 – Kumla kommun", bullet=style)
    layout.paragraph(INTRO.strip())
    while layout._y > layout.margin + 60:
        layout.lines(["Fyllnadsrad om trygghet och samverkan i kommunen."])
    layout.paragraph("Vi lovar följande:")
    items = [
        "Polisen ska genomföra minst tolv trafikkontroller vid skolorna under läsåret "
        "och redovisa resultatet för kommunens samverkansgrupp varje kvartal.",
        "Kommunen ska förbättra belysningen i centrum och i parkerna under hösten.",
        "Polisen och kommunen ska genomföra fyra trygghetsvandringar tillsammans.",
    ]
    layout.bullets(items)
    doc = parse_pdf(layout.build())
    assert doc.pages == 2
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == items
    assert "Kumla kommun" not in doc.text and "Sida" not in doc.text


@pytest.mark.parametrize("first_page_header", [True, False])
def test_title_worded_like_the_running_header_is_kept_and_the_header_dropped(first_page_header):
    # Word's "different first page": the small header may start on page 2 only.
    header = "Medborgarlöften i Kalmar kommun"
    layout = PdfLayout(header=header if first_page_header else None)
    layout.heading(header, size=18)
    layout.paragraph(INTRO.strip())
    while layout._y > layout.margin + 30:
        layout.lines(["Fyllnadsrad om trygghet och samverkan i kommunen."])
    running = "Polisen och kommunen arbetar gemensamt för en trygg och säker " * 3 + "miljö."
    layout.paragraph(running)
    if not first_page_header:
        layout.pages[1].append(
            type(layout.pages[1][0])(BODY, 9, layout.margin, layout.height - 49, header)
        )
    doc = parse_pdf(layout.build())
    assert doc.pages == 2
    assert doc.blocks[0].text == header and doc.blocks[0].kind == "heading"
    assert doc.title == header
    assert doc.text.count(header) == 1
    assert doc.blocks[-1].text == running


def test_numbered_section_heading_set_large_stays_a_heading():
    layout = PdfLayout(page_numbers=None)
    layout.paragraph(INTRO.strip())
    layout.heading("1. Ökad trygghet i centrala Kalmar", size=14)
    layout.paragraph("Polisen ska genomföra fler kontroller i centrum under kvällstid.")
    layout.heading("Vad är ett medborgarlöfte?", size=14)
    layout.paragraph("Ett löfte från polisen och kommunen till invånarna.")
    doc = parse_pdf(layout.build())
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "1. Ökad trygghet i centrala Kalmar",
        "Vad är ett medborgarlöfte?",
    ]


def test_wrapped_heading_ending_in_a_bare_year_stays_one_heading():
    layout = PdfLayout(page_numbers=None)
    # a heading too wide for the column wraps, leaving the year alone on the second line
    layout._line("Giltighetstid: 1 juli 2021 – 30 juni", BOLD, 18, layout.margin)
    layout._line("2023", BOLD, 18, layout.margin)
    layout.paragraph(INTRO.strip())
    doc = parse_pdf(layout.build())
    assert kinds_texts(doc)[0] == ("heading", "Giltighetstid: 1 juli 2021 – 30 juni 2023")


def test_a_heading_at_the_foot_of_one_column_does_not_run_into_the_next_columns_heading():
    # 'UppföljningT3 Norrköping' ending the left column and 'Medborgarlöfte i Norrköping
    # 2018-2019' heading the right one, both bold 12 pt, became one heading: the second
    # promise period lost its heading and so its own record.
    layout = PdfLayout(page_numbers=None)
    left_x, right_x = layout.margin, layout.width / 2 + 12
    top = layout.height - layout.margin
    left = [f"Rad {n} om trygghet i stadskärnan." for n in range(1, 30)]
    right = [f"Text {n} om polisens arbete här." for n in range(1, 20)]
    for index, text in enumerate(left):
        layout._y = top - index * 13
        layout._op(BODY, 10, left_x, text)
    layout._y = top - len(left) * 13 - 6
    layout._op(BOLD, 12, left_x, "Uppföljning Norrköping")
    layout._y = top
    layout._op(BOLD, 12, right_x, "Medborgarlöfte i Norrköping")
    layout._y = top - 16
    layout._op(BOLD, 12, right_x, "2018-2019")
    for index, text in enumerate(right, start=3):
        layout._y = top - index * 13
        layout._op(BODY, 10, right_x, text)
    headings = [b.text for b in parse_pdf(layout.build()).blocks if b.kind == "heading"]
    assert "Uppföljning Norrköping" in headings
    assert "Medborgarlöfte i Norrköping 2018-2019" in headings
