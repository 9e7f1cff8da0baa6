"""Pages whose text has no blank lines between paragraphs (as many scraped pages do): a heading
inside a chunk still heads what follows it.

Found by removing the dev and harvested texts' blank lines (scripts/perturb_eval.py): h20 2804
lost its promise heading into the list item above it ('– Förebygga inbrott i bostäder' /
'Löfte till Göingarna år 2019' / …) and with it all nine commitments.
"""

from __future__ import annotations

from content_helpers import texts
from metadata_helpers import doc_and_span

from lofte_extract.extract.metadata import find_period
from lofte_extract.parse import parse_text

PAGE = (
    "Östra Göinge kommun och Polisen stärker sitt samarbete\n"
    "Kommunen och Polisen har tillsammans pekat ut fyra prioriterade områden som har stor "
    "betydelse för hur trygga invånarna känner sig.\n"
    "Prioriterade områden år 2019\n"
    "– Missbruk av narkotika bland barn och unga\n"
    "– Förebygga inbrott i bostäder\n"
    "Löfte till invånarna år 2019\n"
    "Östra Göinge kommun och Polisen lovar att verka förebyggande mot inbrott i bostäder. "
    "Minst 15 riktade trafikkontroller ska genomföras under år 2019.\n"
    "Kontakt\n"
)


def _blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text[:40]) for b in parse_text(text.encode("utf-8")).blocks]


def test_a_heading_after_a_list_item_ends_the_item():
    blocks = _blocks(PAGE)
    assert ("list_item", "Förebygga inbrott i bostäder") in blocks
    assert ("heading", "Löfte till invånarna år 2019") in blocks
    assert ("heading", "Prioriterade områden år 2019") in blocks


def test_promises_under_a_heading_inside_a_chunk():
    assert "Minst 15 riktade trafikkontroller ska genomföras under år 2019." in texts(PAGE)


def test_a_short_line_inside_a_sentence_is_no_heading():
    # a title over a line (no sentence ended before it) stays with its paragraph
    blocks = _blocks(
        "Medborgarlöfte 2019\nPolisen och kommunen lovar att tillsammans arbeta för\n"
        "Trygga Eskilstuna\noch för en tryggare stadskärna under hela året som kommer.\n"
    )
    assert not any(kind == "heading" and text.startswith("Trygga") for kind, text in blocks)


def test_a_period_on_its_own_line_under_a_heading_keeps_its_dates():
    # 'Tryggare utemiljö' / '1 februari 2022 - 30 september 2023' (h30 5501 without its blank
    # lines): the period line ran on after the heading, as a wrapped line starting with a
    # digit would, and the promise lost its period (h30 0.80 against 0.88).
    page = (
        "Västra Göteborg – medborgarlöften\n"
        "Genom medborgarlöftet åtar sig lokalpolisområdet något gentemot dem som bor här.\n"
        "Tryggare utemiljö\n"
        "1 februari 2022 - 30 september 2023\n"
        "Medborgarlöftet utgår från den lokala lägesbilden\n"
        "Polisen ska vara synlig på utsatta platser och kommunen ska rusta upp belysningen.\n"
    )
    doc, span = doc_and_span(page)
    period, years = find_period(doc, span, None)[:2]
    assert (period.start, period.end) == ("2022-02-01", "2023-09-30")
    assert years == [2022, 2023]
    lines = [b.text for b in doc.blocks if "utemiljö" in b.text][0].split("\n")
    assert lines[:2] == ["Tryggare utemiljö", "1 februari 2022 - 30 september 2023"]


def test_a_heading_after_a_finished_dash_line_is_not_part_of_it():
    # h26 4603 without blank lines: a speech dash read as a list item took in the heading
    # and the promise list below it, and both promises were lost (h26 0.88 against 0.91).
    page = (
        "– Man följer inte med oss ut på fältet, säger Susanne Wikland, lokalpolisområdeschef.\n"
        "Extra resurser över, det händer väl inte särskilt ofta?\n"
        "– Nej, men min förhoppning är att vi klarar det minst två gånger på ett år.\n"
        "Fokus på helgvåld\n"
        "Farstapolisens två andra medborgarlöften är:\n"
        "*Kvartersmöten. Polisen ska hålla dialoger med medborgarna i de 14 stadsdelarna. "
        "Mötena ska vara minst en gång per år och stadsdel.\n"
    )
    doc = parse_text(page.encode("utf-8"))
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["Nej, men min förhoppning är att vi klarar det minst två gånger på ett år."]
    assert [text.split(".")[0] for text in texts(page)] == ["Kvartersmöten"]
