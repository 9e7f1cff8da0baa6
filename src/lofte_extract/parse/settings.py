"""Layout thresholds of the PDF and HTML parsers, in one place, each with why it is what it is.

Sizes are in PDF points unless a name says otherwise; shares are of the page (or column)
width or height. Changing one changes what the parsers produce: the accuracy gate
(tests/test_eval_gate.py) and the layout tests say whether a change helps.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LAYOUT", "LayoutSettings"]


@dataclass(frozen=True)
class LayoutSettings:
    """Thresholds for reading order, line segments, headings and paragraphs."""

    # Two columns (pdf_columns.py).
    column_min_lines: int = 8  # fewer body lines than this never make a two-column page
    column_line_chars: int = 15  # shorter lines (page numbers, labels) do not vote on a gutter
    gutter_band: tuple[float, float] = (0.3, 0.7)  # a gutter lies in this share of the width
    gutter_crossing_share: int = 10  # 1/10 of the lines at most cross a gutter (headings)
    gutter_slack_share: int = 20  # 1/20 of the lines may cross it and still count as empty
    min_gutter: float = 8.0  # points of empty space between the columns
    min_side_lines: int = 3  # lines each column needs
    column_edge_tolerance: float = 2  # points: right-column lines start within this of one x
    # Lines this close to the page's top or bottom edge (share of its height) are running
    # furniture set over both columns ('Polismyndigheten ... Medborgarlöften i X'): never split.
    margin_share: float = 0.06

    # Words to line segments (pdf_lines.py): a gap wider than this many font sizes splits a
    # line (side-by-side signatures, table cells), never ordinary (even justified) word gaps.
    segment_gap: float = 3.0
    segment_min_size: float = 4  # font size floor for that gap: tiny type still has gaps

    # Headings in PDFs (pdf_blocks.py).
    size_tolerance: float = 0.5  # points: a line within this of the body size is body type
    heading_size_ratio: float = 1.12  # a line this much larger than body type is a heading style
    heading_max_chars: int = 150  # longer lines are prose, whatever their style
    heading_max_words: int = 16  # idem, in words
    capitals_min_letters: int = 4  # 'BAKGRUND': fewer capitals are an acronym, not a heading
    capitals_max_words: int = 8  # a capitals line longer than this is shouted prose
    sentence_max_chars: int = 160  # longer lines are too long to be a heading
    sentence_min_words: int = 12  # a full sentence longer than this is not a heading
    # A bold line that is a sentence, not a heading: words over this in body type...
    bold_sentence_words: int = 8
    bold_only_sentence_words: int = 4  # ...over this when only boldness sets it apart
    bold_only_max_chars: int = 100  # ...or longer than this in characters
    ordinal_words_bold: int = 4  # '2. Trygghet i centrum' longer than this in bold is an item
    ordinal_words_large: int = 12  # idem, in a larger type

    # Paragraphs and list items in PDFs (pdf_blocks.py).
    broken_word_min_chars: int = 3  # 'nykterhets-' longer than this is a word broken at the end
    size_change: float = 1  # points: a larger change of size ends the paragraph
    marker_tolerance: float = 3  # points left of a list item's text that still wrap under it
    edge_tolerance: float = 3  # points: a line starts at the margin within this
    indent_min: float = 8  # points of first-line indent that open a paragraph...
    indent_max_share: float = 0.15  # ...up to this share of the column width
    line_gap_share: float = 0.45  # a gap over the line spacing plus this share of the size ends it
    short_line_share: float = 0.2  # a sentence ending this far before the margin ends it...
    char_width_share: float = 0.6  # ...when the next first word (at this width per size) fitted
    item_indent: float = 5  # points right of the margin a list item's next-page line sits
    full_line_share: float = 0.15  # a last line this close to the margin is full: it runs on

    # List markers drawn as shapes (pdf_markers.py): a browser's bullet is a small disc.
    drawn_marker_size: tuple[float, float] = (1.5, 9.0)  # points: each side of the shape...
    drawn_marker_aspect: float = 1.6  # ...its longer side at most this many times the shorter
    drawn_marker_gap: float = 2.5  # font sizes at most between the shape and the line's text
    drawn_marker_clear: float = 1.0  # font sizes free of words before it (else an icon)
    drawn_marker_max: int = 400  # more such shapes on a page make a drawing: none is a bullet

    # Signature blocks (pdf_signatures.py): the parts of a signature are short lines.
    dotted_min_chars: int = 4  # a dotted signature line has at least this many dots
    date_line_max_chars: int = 60  # 'Eslöv 2017-02-15': a date line at most this long
    name_words: tuple[int, int] = (2, 5)  # 'Anna-Karin Boije': a name has this many words...
    name_max_chars: int = 45  # ...and at most this many characters
    title_max_chars: int = 70  # 'Kommunstyrelsens ordförande': a title at most this long...
    title_max_words: int = 8  # ...in this many words
    title_run_on_words: int = 3  # a wrapped title's second line is this short
    organisation_max_chars: int = 60  # 'Polisen i Eslöv': an organisation at most this long...
    organisation_max_words: int = 7  # ...in this many words
    segment_max_chars: int = 60  # side-by-side signature segments are at most this long...
    segment_max_words: int = 8  # ...in this many words
    under_dots_max_chars: int = 50  # a line under a dotted line's name, at most this long

    # Hard-wrapped plain text (text.py, text_lines.py): a text editor's or converter's lines.
    wrap_width_range: tuple[int, int] = (50, 100)  # the longest line, when lines were wrapped
    wrap_full_share: float = 0.75  # a line this share of that width or longer is a full one...
    wrap_full_lines: int = 8  # ...and so many full lines...
    wrap_full_line_share: float = 0.3  # ...making this share of the lines mark a wrapped text
    wrap_slack: int = 3  # characters of indent or collapsed spaces a full line may lack

    # HTML (html.py, html_blocks.py, html_clean.py).
    html_signature_name_chars: int = 60  # <p>Name</p> at most this long...
    html_signature_title_chars: int = 80  # ...and <p>Title</p> this long join as a signature
    html_heading_max_chars: int = 300  # a longer bold or heading element is prose
    html_long_line: int = 80  # a heading-like line over one this long heads it, as in text
    html_prose_paragraph_chars: int = 100  # a 'weak' furniture class holding such a <p> is content
    html_links_share: float = 0.8  # an element whose text is this much link text is navigation
    html_main_min_chars: int = 50  # a <main> with less text is a stub: look further
    html_div_prose_chars: int = 80  # text this long set straight in a <div> counts as prose
    html_article_min_chars: int = 200  # an <article> or content id with less text is a teaser


LAYOUT = LayoutSettings()
