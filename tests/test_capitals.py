"""Pages set in capitals: headings and signature blocks a PDF or web page writes in upper case.

Found by perturbing the dev texts (headings upper-cased): 'MEDBORGARLÖFTET' was dropped as a
line without words, so the list under it lost its promise section, and signers written
'ANNA-KARIN BOIJE' over 'LOKALPOLISOMRÅDESCHEF' were not read at all.
"""

from __future__ import annotations

from content_helpers import texts
from metadata_helpers import doc_and_span

from lofte_extract.extract.kommun import joint_groups, kommun_mentions
from lofte_extract.extract.metadata import find_signatories

PAGE = (
    "MEDBORGARLÖFTEN I ESLÖV 2017\n\n"
    "SITUATION\n\n"
    "Många upplever otrygghet i centrala Eslöv, och skadegörelsen har ökat.\n\n"
    "MEDBORGARLÖFTET\n\n"
    "• Två gemensamma trygghetsvandringar i Eslövs kommun.\n"
    "• Två gemensamma medborgardialoger i Eslövs kommun.\n\n"
    "EFFEKT\n\n"
    "Tryggheten i centrum ska öka.\n"
)


def test_heading_in_capitals_opens_the_promise_section():
    assert texts(PAGE) == [
        "Två gemensamma trygghetsvandringar i Eslövs kommun.",
        "Två gemensamma medborgardialoger i Eslövs kommun.",
    ]


def test_signature_block_in_capitals_reads_names_and_titles_in_their_usual_case():
    text = (
        PAGE + "\n2017-02-15\n\nANNA-KARIN BOIJE\nLOKALPOLISOMRÅDESCHEF\n\n"
        "JOHAN ANDERSSON\nKOMMUNSTYRELSENS ORDFÖRANDE\n"
    )
    doc, span = doc_and_span(text)
    found = find_signatories(doc, span)
    assert [(s.name, s.title, s.organisation) for s in found] == [
        ("Anna-Karin Boije", "Lokalpolisområdeschef", "polisen"),
        ("Johan Andersson", "Kommunstyrelsens ordförande", "kommun"),
    ]
    # the evidence still points at the name as the page writes it
    first = found[0].evidence
    assert doc.text[first.start : first.end] == "ANNA-KARIN BOIJE"


def test_heading_in_capitals_is_no_signer():
    # a capitalised heading over a title-like line is no name over its title
    doc, span = doc_and_span(
        "Medborgarlöfte 2020\n\nVi lovar fler trafikkontroller.\n\nVI LOVAR\n\nKommunpolisen "
        "ska besöka skolorna.\n"
    )
    assert find_signatories(doc, span) == []


def test_areas_after_med_inriktning_pa_are_an_overview_of_the_promises_below():
    text = (
        "Örebro – medborgarlöften\n\n"
        "MEDBORGARLÖFTET\n\n"
        "Genom löftet ska parterna göra trygghetsarbetet i området mer konkret, "
        "med inriktning på:\n\n"
        " • Våldsbrott\n • Öppen droghantering\n • Skadegörelse/ Nedskräpning\n • Trafik\n\n"
        "  Aktörerna lovar\n"
        " • Ökad närvaro och tillgänglighet\n"
        " • Insatser mot våldsbrottslighet\n"
        " • Insatser för trafiksäkerhet\n"
    )
    assert texts(text) == [
        "Ökad närvaro och tillgänglighet",
        "Insatser mot våldsbrottslighet",
        "Insatser för trafiksäkerhet",
    ]


def test_kommun_written_with_a_capital_names_the_party_in_a_title():
    # 'Härryda Kommun', as many kommuner write their own name: the headline is the page's
    # title, so the promises in the list under it are read
    text = (
        "Polisen och Härryda {kommun} ökar tryggheten\n\n"
        "Lokalpolisområde Storgöteborg Syd och Härryda {kommun} lovar i ett gemensamt "
        "medborgarlöfte att göra det tryggare i Mölnlycke centrum.\n\n"
        "• Minst fyra planerade insatser mot alkohol och narkotika.\n"
        "• Trygghetsvandringar görs på aktuella platser.\n"
    )
    expected = [t.lower() for t in texts(text.format(kommun="kommun"))]
    assert "minst fyra planerade insatser mot alkohol och narkotika." in expected
    assert [t.lower() for t in texts(text.format(kommun="Kommun"))] == expected


def test_a_joint_list_of_kommuner_written_with_kommun_in_capitals_is_one_party() -> None:
    # 'Bjurholms Kommun, Nordmalings Kommun … och Umeå Kommun' (h11 1721 with 'Kommun'
    # capitalised): the joiner between the names read only 'kommun', so the news item about
    # six kommuner each signing their own promise gave two records instead of six.
    page = (
        "Pressmeddelande\n\nI år är det första gången som {0}, {1} och {2} gjorde en "
        "gemensam insats när medborgarlöftena tecknades med Polismyndigheten.\n"
    )
    for word in ("kommun", "Kommun"):
        names = [f"Bjurholms {word}", f"Nordmalings {word}", f"Umeå {word}"]
        text = page.format(*names)
        groups = joint_groups(text, kommun_mentions(text, 0, len(text)))
        assert [[m.entry.name for m in group] for group in groups] == [
            ["Bjurholm", "Nordmaling", "Umeå"]
        ]
