"""The PDF parser on reportlab-built PDFs that carry what real medborgarlöfte PDFs carry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import (
    BULLET_STYLES,
    PdfLayout,
    layout_seed_text,
)

from lofte_extract.parse import parse_bytes
from lofte_extract.parse.normalize import join_lines
from lofte_extract.parse.pdf import parse_pdf
from lofte_extract.parse.pdf_furniture import is_page_number

SEEDS = Path("/work/shared/seeds")
ITEM = (
    "Polisen ska genomföra minst fyra insatser per år i syfte att minska droganvändningen "
    "bland unga."
)


def assert_offsets(doc) -> None:
    """Every block's text is exactly the document text at its offsets."""
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        assert block.page is not None and 1 <= block.page <= doc.pages


def kinds_texts(doc) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


@pytest.mark.parametrize("style", sorted(BULLET_STYLES))
def test_bullet_glyph_becomes_list_item(style):
    doc = parse_pdf(
        PdfLayout(bullet=style)
        .paragraph("Vi lovar följande:")
        .bullets([ITEM, "Två trygghetsvandringar."])
        .paragraph("Uppföljning sker varje kvartal.")
        .build()
    )
    assert kinds_texts(doc) == [
        ("paragraph", "Vi lovar följande:"),
        ("list_item", ITEM),
        ("list_item", "Två trygghetsvandringar."),
        ("paragraph", "Uppföljning sker varje kvartal."),
    ]
    assert "(cid:" not in doc.text and "\uf0b7" not in doc.text
    assert_offsets(doc)


def test_headings_found_by_size_and_bold_with_levels():
    doc = parse_pdf(
        PdfLayout()
        .heading("Medborgarlöfte 2020 för Kumla kommun", size=18)
        .paragraph("Polisen och kommunen har tagit fram löftet tillsammans.")
        .heading("Det här ska vi göra", size=13)
        .bullets(["Genomföra trygghetsvandringar."])
        .heading("Uppföljning", size=13)
        .paragraph("Löftet följs upp varje halvår.")
        .build()
    )
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Medborgarlöfte 2020 för Kumla kommun", 1),
        ("Det här ska vi göra", 2),
        ("Uppföljning", 2),
    ]
    assert doc.title == "Medborgarlöfte 2020 för Kumla kommun"
    assert_offsets(doc)


def test_fake_bold_heading_is_not_doubled():
    doc = parse_pdf(
        PdfLayout(fake_bold_headings=True)
        .heading("Det här ska vi göra")
        .paragraph("Polisen ska vara synlig i centrum.")
        .build()
    )
    assert kinds_texts(doc)[0] == ("heading", "Det här ska vi göra")


def test_paragraphs_join_lines_and_split_on_gaps():
    doc = parse_pdf(
        PdfLayout()
        .lines(["Polisen och kommunen ska under året", "genomföra gemensamma insatser."])
        .lines(["Ett nytt stycke börjar här."])
        .build()
    )
    assert kinds_texts(doc) == [
        ("paragraph", "Polisen och kommunen ska under året genomföra gemensamma insatser."),
        ("paragraph", "Ett nytt stycke börjar här."),
    ]


def test_hyphenated_words_joined_real_hyphens_kept():
    doc = parse_pdf(
        PdfLayout()
        .lines(
            [
                "Vi genomför trygghets-",
                "vandringar samt kunskaps-",
                "och utbildningsdagar med Anna-",
                "Karin Boije och e-",
                "post till alla under 2019-",
                "2020.",
            ]
        )
        .build()
    )
    assert doc.blocks[0].text == (
        "Vi genomför trygghetsvandringar samt kunskaps- och utbildningsdagar med "
        "Anna-Karin Boije och e-post till alla under 2019-2020."
    )


def test_wrapped_soft_hyphen_break_is_joined():
    text = "Kommunen och polisen genomför " + "gemensamma " * 6 + "trygghets\u00advandringar i år."
    doc = parse_pdf(PdfLayout().paragraph(text).build())
    assert doc.blocks[0].text == text.replace("\u00ad", "")


def test_running_header_footer_and_page_numbers_removed():
    layout = PdfLayout(
        header="Medborgarlöfte 2019 – Höörs kommun",
        footer="Polisen Lokalpolisområde Höör",
        page_numbers="Sida {n} av {total}",
    )
    for number in range(1, 4):
        layout.heading(f"Avsnitt {number}").paragraph("Text om trygghet och samverkan. " * 8)
        layout.page_break()
    doc = parse_pdf(layout.build())
    assert doc.pages == 4 or doc.pages == 3
    assert "Höörs kommun" not in doc.text
    assert "Lokalpolisområde Höör" not in doc.text
    assert "Sida" not in doc.text
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "Avsnitt 1",
        "Avsnitt 2",
        "Avsnitt 3",
    ]
    assert_offsets(doc)


@pytest.mark.parametrize("label", ["{n} ({total})", "- {n} -", "{n}", "{n}/{total}"])
def test_page_number_styles_removed(label):
    layout = PdfLayout(page_numbers=label)
    layout.paragraph("Första sidans text.").page_break().paragraph("Andra sidans text.")
    doc = parse_pdf(layout.build())
    assert kinds_texts(doc) == [
        ("paragraph", "Första sidans text."),
        ("paragraph", "Andra sidans text."),
    ]
    assert [b.page for b in doc.blocks] == [1, 2]


def test_list_item_broken_across_page_joins_after_header_removed():
    layout = PdfLayout(header="Medborgarlöfte 2021 – Kumla kommun", bullet="cid127")
    layout.paragraph("Inledning. " * 10)
    # Fill the page so the long item starts near the bottom and wraps onto page 2.
    while layout._y > layout.margin + 45:
        layout.lines(["Fyllnadsrad om trygghet."])
    long_item = "Kommunen ska ta bort klotter inom tre dagar " + "på allmänna platser " * 12
    layout.bullets([long_item.strip() + "."])
    doc = parse_pdf(layout.build())
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [long_item.strip() + "."]
    assert items[0].page == 1
    assert doc.pages == 2
    assert "Kumla kommun" not in doc.text


def test_signatures_side_by_side_with_dotted_lines_and_date():
    doc = parse_pdf(
        PdfLayout()
        .paragraph("Löftet gäller under 2017.")
        .signatures(
            [
                ("Anna-Karin Boije", "Lokalpolisområdeschef"),
                ("Johan Andersson", "Kommunstyrelsens ordförande"),
            ],
            date="Eslöv 2017-02-15",
        )
        .build()
    )
    assert kinds_texts(doc) == [
        ("paragraph", "Löftet gäller under 2017."),
        ("paragraph", "Eslöv 2017-02-15"),
        ("signature", "Anna-Karin Boije\nLokalpolisområdeschef"),
        ("signature", "Johan Andersson\nKommunstyrelsens ordförande"),
    ]
    assert_offsets(doc)


def test_three_signatures_with_organisation_and_underscores():
    doc = parse_pdf(
        PdfLayout()
        .signatures(
            [
                ("Maria Berg", "Kommunpolis", "Polisen"),
                ("Per Holm", "Kommundirektör", "Kumla kommun"),
                ("Lena Ek", "Ordförande", "Kumla kommun"),
            ],
            dotted="_" * 18,
            date="Kumla den 3 juli 2017",
        )
        .build()
    )
    assert kinds_texts(doc) == [
        ("paragraph", "Kumla den 3 juli 2017"),
        ("signature", "Maria Berg\nKommunpolis\nPolisen"),
        ("signature", "Per Holm\nKommundirektör\nKumla kommun"),
        ("signature", "Lena Ek\nOrdförande\nKumla kommun"),
    ]


def test_stacked_signatures():
    doc = parse_pdf(
        PdfLayout()
        .paragraph("Löftet följs upp senast 2020-01-31.")
        .stacked_signature("Caroline Sempert", "Tf Lokalpolisområdeschef", dotted=".....")
        .stacked_signature("Teddy Nilsson", "Ordf. Kommunstyrelsen", dotted=".....")
        .stacked_signature("Anna Johansson", "kommunpolis")
        .build()
    )
    assert kinds_texts(doc)[1:] == [
        ("signature", "Caroline Sempert\nTf Lokalpolisområdeschef"),
        ("signature", "Teddy Nilsson\nOrdf. Kommunstyrelsen"),
        ("signature", "Anna Johansson\nkommunpolis"),
    ]


def test_signer_title_wrapped_onto_a_second_line_stays_whole():
    # shared/dev 304 as PDF: 'Chef, lokalpolisområde Norrmalm, region' / 'Stockholm' lost
    # its last word to a paragraph of its own; an organisation line stays a line of its own
    doc = parse_pdf(
        PdfLayout()
        .paragraph("Löftet följs upp senast 2020-01-31.")
        .stacked_signature("Peter Ågren", "Chef, lokalpolisområde Norrmalm, region", "Stockholm")
        .stacked_signature("Lena Ek", "Kommunpolis", "Polisen")
        .build()
    )
    assert kinds_texts(doc)[1:] == [
        ("signature", "Peter Ågren\nChef, lokalpolisområde Norrmalm, region Stockholm"),
        ("signature", "Lena Ek\nKommunpolis\nPolisen"),
    ]


def test_whitespace_ligatures_and_nbsp_normalized():
    line = "Polisen\u00a0ska  of\ufb01ciellt \ufb02ytta 2\u00a0000 bilar."
    doc = parse_pdf(PdfLayout().lines([line]).build())
    assert doc.blocks[0].text == "Polisen ska officiellt flytta 2 000 bilar."


def test_parse_bytes_routes_pdf():
    doc = parse_bytes(PdfLayout().paragraph("Hej Kumla.").build(), "x.bin")
    assert doc.format == "pdf" and doc.blocks[0].text == "Hej Kumla."


def test_seed_eslov_as_signed_pdf_keeps_list_items():
    text = (SEEDS / "003_9d60ccaea8afeb8d.txt").read_text("utf-8")
    doc = parse_pdf(layout_seed_text(text, bullet="pua", header="Polisen – Eslöv").build())
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert "Två gemensamma trygghetsvandringar i Eslövs kommun." in items
    assert (
        "Utöver detta kommer 30 trafikkontroller att genomföras med inriktning, hastighet, "
        "beteende samt alkohol/droger." in items
    )
    assert items[0].startswith("Genomförande av kunskaps- och utbildningsdag för samtliga elever")
    assert len(items) == 8
    signatures = [b.text for b in doc.blocks if b.kind == "signature"]
    assert signatures.count("Anna-Karin Boije\nLokalpolisområdeschef") == 2
    assert signatures.count("Johan Andersson\nKommunstyrelsens ordförande") == 2
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert {"Situation", "Medborgarlöftet", "Uppföljning", "Löften"} <= set(headings)
    assert "Polisen – Eslöv" not in doc.text
    assert_offsets(doc)


def test_seed_svalov_dotted_stacked_signatures():
    text = (SEEDS / "000_06d6dd4b8bf202db.txt").read_text("utf-8")
    doc = parse_pdf(layout_seed_text(text, bullet="cid127").build())
    assert [b.text for b in doc.blocks if b.kind == "signature"] == [
        "Caroline Sempert\nTf Lokalpolisområdeschef",
        "Teddy Nilsson\nOrdf. Kommunstyrelsen",
    ]
    assert "Det här ska vi göra" in [b.text for b in doc.blocks if b.kind == "heading"]


def test_join_lines_rules():
    assert join_lines("trygghets-", "vandringar") == "trygghetsvandringar"
    assert join_lines("kunskaps-", "och utbildning") == "kunskaps- och utbildning"
    assert join_lines("Anna-", "Karin") == "Anna-Karin"
    assert join_lines("IT-", "stöd") == "IT-stöd"
    assert join_lines("ska", "göra") == "ska göra"


@pytest.mark.parametrize("text", ["Sida 2 av 3", "2 (3)", "- 2 -", "12", "Page 4 of 9", "3/7"])
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize(
    "text", ["2017-02-15", "Två trygghetsvandringar", "30 trafikkontroller", "2020"]
)
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_ruled_table_rows_keep_each_cell_whole():
    doc = parse_pdf(
        PdfLayout()
        .paragraph("Aktiviteter under året:")
        .table(
            [
                ["Aktivitet", "Ansvarig", "När"],
                [
                    "Genomföra trygghets\u00advandringar i centrala Kumla och i Hallsberg",
                    "Kommunen och polisen",
                    "Hösten 2020",
                ],
                ["Minst fyra riktade trafikinsatser", "Polisen", "Varje kvartal"],
            ]
        )
        .paragraph("Efter tabellen.")
        .build()
    )
    assert kinds_texts(doc) == [
        ("paragraph", "Aktiviteter under året:"),
        ("paragraph", "Aktivitet | Ansvarig | När"),
        (
            "paragraph",
            "Genomföra trygghetsvandringar i centrala Kumla och i Hallsberg | "
            "Kommunen och polisen | Hösten 2020",
        ),
        ("paragraph", "Minst fyra riktade trafikinsatser | Polisen | Varje kvartal"),
        ("paragraph", "Efter tabellen."),
    ]
    assert_offsets(doc)


def test_signatures_in_a_ruled_table():
    doc = parse_pdf(
        PdfLayout()
        .table([["Anna Berg\nKommunpolis", "Per Holm\nKommundirektör\nKumla kommun"]])
        .build()
    )
    assert kinds_texts(doc) == [
        ("signature", "Anna Berg\nKommunpolis"),
        ("signature", "Per Holm\nKommundirektör\nKumla kommun"),
    ]


def test_borderless_table_signatures_read_as_columns():
    doc = parse_pdf(
        PdfLayout()
        .table([["Anna Berg\nKommunpolis", "Per Holm\nKommundirektör"]], ruled=False)
        .build()
    )
    assert kinds_texts(doc) == [
        ("signature", "Anna Berg\nKommunpolis"),
        ("signature", "Per Holm\nKommundirektör"),
    ]


def test_two_column_page_reads_left_column_first():
    left = "Polisen ska genomföra trafikkontroller vid skolorna under hela läsåret. " * 4
    right = "Kommunen ska förbättra belysningen i parkerna och längs gångvägarna. " * 4
    doc = parse_pdf(PdfLayout().heading("Löften").two_columns(left.strip(), right.strip()).build())
    assert kinds_texts(doc) == [
        ("heading", "Löften"),
        ("paragraph", left.strip()),
        ("paragraph", right.strip()),
    ]
