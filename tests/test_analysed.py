"""The analysed document gives the same lines, pages and dates as reading the text again."""

from __future__ import annotations

from lofte_extract.extract.analysed import AnalysedDocument, body_lines, lines
from lofte_extract.extract.dates import article_date
from lofte_extract.extract.sections import sectioned_lines
from lofte_extract.extract.segment import split_documents
from lofte_extract.parse.document import DocumentBuilder

TEXT = (
    "Publicerad 12 mars 2020\n\n"
    "Medborgarlöfte Eslöv 2020\n\n"
    "Kontakta oss | Om webbplatsen | Tillgänglighet\n\n"
    "  Polisen och kommunen lovar att:  \n"
    "• genomföra fyra trygghetsvandringar\n\n"
    "Medborgarlöfte Eslöv 2021\n\n"
    "Vi lovar att:\n"
    "• minst 12 trafikinsatser\n"
)


def _doc():
    builder = DocumentBuilder("pdf")
    for page, part in enumerate(TEXT.split("\n\n"), start=1):
        builder.add("list_item" if part.startswith("•") else "paragraph", part, page=page)
    return builder.build(pages=6)


def test_lines_in_a_window_are_the_lines_of_the_window_even_when_it_cuts_a_line():
    doc = AnalysedDocument(_doc())
    text = doc.text
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1, 5):
            assert doc.lines_in(start, end) == lines(text, start, end), (start, end)
            assert doc.body_lines_in(start, end) == body_lines(text, start, end), (start, end)


def test_page_of_an_offset_is_the_parsed_documents_page():
    parsed = _doc()
    doc = AnalysedDocument(parsed)
    assert [doc.page_at(i) for i in range(len(doc.text))] == [
        parsed.page_at(i) for i in range(len(doc.text))
    ]
    assert {doc.page_at(i) for i in range(len(doc.text))} == {b.page for b in parsed.blocks}


def test_article_date_of_a_prefix_is_the_date_of_that_prefix_text():
    text = _doc().text
    for end in range(len(text) + 1):
        assert article_date(text, end) == article_date(text[:end]), end


def test_sections_of_a_span_are_read_once_and_equal_a_fresh_reading():
    doc = AnalysedDocument(_doc())
    spans = split_documents(doc)
    assert len(spans) == 2
    for span in spans:
        first = sectioned_lines(doc, span)
        first.clear()  # a caller changing its list does not change the kept one
        assert sectioned_lines(doc, span) == sectioned_lines(_doc(), span)
        assert sectioned_lines(doc, span)


def test_the_word_splitter_reads_older_spellings_in_their_usual_form():
    # only some cues respelled 'skall'; every word-based rule now reads it as 'ska'
    from lofte_extract.extract.analysed import words
    from lofte_extract.extract.cues import has_modal

    assert words("Polisen SKALL genomföra, skallgång") == [
        "polisen",
        "ska",
        "genomföra",
        "skallgång",
    ]
    assert has_modal("Trafikkontroller skall genomföras varje vecka.")
