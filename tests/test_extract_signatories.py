"""Document-level fields: the signing date and the signers."""

from __future__ import annotations

import pytest
from metadata_helpers import doc_and_span as _doc

from lofte_extract.extract.metadata import find_signatories, find_signed_date

# --- signed date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Medborgarlöften i Eslöv 2017\n\nTvå trygghetsvandringar.\n\n2017-02-15\n\nAnna-Karin "
            "Boije\nLokalpolisområdeschef",
            "2017-02-15",
        ),
        ("Löftena\n\nKumla den 3 juli 2017\n\nKatarina Hansson", "2017-07-03"),
        ("Löftena\n\nOrt och datum: Eslöv, 2019-03-12\n\nAnna Berg", "2019-03-12"),
        ("Publicerad 2019-03-01\n\nMedborgarlöfte 2019\n\nPolisen lovar mer.", None),
        (
            "Medborgarlöftet för 2020 undertecknades den 16 juni 2020, av kommunpolis X.",
            "2020-06-16",
        ),
        (
            "Medborgarlöftena för 2017 tecknades förra året den 1 november av Michael Storm.",
            "2016-11-01",
        ),
        ("Medborgarlöftet för 2018 undertecknades under måndagen 22 januari.", "2018-01-22"),
        (
            "12 december 2017\n\nMedborgarlöfte mot narkotika\n\nI dag undertecknades "
            "medborgarlöftet för 2018.",
            "2017-12-12",
        ),
        (
            "Publicerad 14 mars 2023\n\nNytt medborgarlöfte\n\nPå tisdagen undertecknade "
            "ordföranden medborgarlöftet för 2023–2024.",
            "2023-03-14",
        ),
        (
            "Nyhet\n\nPublicerad 2022-05-10\n\nUnder måndagen skrev Lena Forsgren (S) under ett "
            "nytt medborgarlöfte.",
            "2022-05-09",
        ),
        (
            "Publicerad 2019-03-15\n\nI torsdags skrev polisen och kommunen under löftet.",
            "2019-03-14",
        ),
        ("Artikeln publicerades 23 mars 2022\n\nNu är det nya Medborgarlöftet signerat.", None),
        ("Medborgarlöftet skrev kommunen och polisen under i december 2015.", None),
        ("Medborgarlöftet ska följas upp senast 2020-01-31 i en rapport.", None),
        ("Medborgarlöftet undertecknades den 31 juni 2019.", None),
    ],
)
def test_signed_date(text, expected):
    doc, span = _doc(text)
    iso, evidence = find_signed_date(doc, span)
    assert iso == expected
    if expected:
        assert evidence is not None and doc.text[evidence.start : evidence.end]


# --- signatories --------------------------------------------------------------------------


def _signers(text: str) -> list[tuple[str, str | None, str]]:
    doc, span = _doc(text)
    found = find_signatories(doc, span)
    for signer in found:
        assert doc.text[signer.evidence.start : signer.evidence.end] == signer.name
    return [(s.name, s.title, s.organisation) for s in found]


def test_signature_block_name_then_title_with_dotted_lines():
    text = (
        "Medborgarlöfte i Svalövs kommun 2020\n\nVi lovar.\n\n.....\nCaroline Sempert\n"
        "Tf Lokalpolisområdeschef\n\n.....\nTeddy Nilsson\nOrdf. Kommunstyrelsen"
    )
    assert _signers(text) == [
        ("Caroline Sempert", "Tf Lokalpolisområdeschef", "polisen"),
        ("Teddy Nilsson", "Ordf. Kommunstyrelsen", "kommun"),
    ]


def test_side_by_side_columns_with_a_wide_gap():
    text = (
        "Löften\n\nKumla den 3 juli 2017\n\n"
        "Katarina Hansson                                     Mats Scherp\n\n"
        "Kommunstyrelsens ordförande                Lokalpolisområdeschef Hallsberg\n\n"
        "Ulla Lundholm\n\nKommundirektör"
    )
    assert _signers(text) == [
        ("Katarina Hansson", "Kommunstyrelsens ordförande", "kommun"),
        ("Mats Scherp", "Lokalpolisområdeschef Hallsberg", "polisen"),
        ("Ulla Lundholm", "Kommundirektör", "kommun"),
    ]


def test_side_by_side_columns_collapsed_to_single_spaces():
    text = (
        "Löften\n\nHanna Sjögren Cecilia W Burenby\n"
        "Lokalpolisområdeschef Kommunstyrelsens ordförande\n\nSlut."
    )
    assert [s[:2] for s in _signers(text)] == [
        ("Hanna Sjögren", "Lokalpolisområdeschef"),
        ("Cecilia W Burenby", "Kommunstyrelsens ordförande"),
    ]


def test_title_then_name_and_name_with_title_on_one_line():
    assert _signers("Löften\n\nKommunpolis\nAnna Johansson\n\nKommundirektör\nErik Berg") == [
        ("Anna Johansson", "Kommunpolis", "polisen"),
        ("Erik Berg", "Kommundirektör", "kommun"),
    ]
    text = (
        "Löften\n\nJohan Svanberg (S), kommunstyrelsens ordförande\n"
        "Karin Persson Lund, lokalpolisområdeschef"
    )
    assert _signers(text) == [
        ("Johan Svanberg", "kommunstyrelsens ordförande", "kommun"),
        ("Karin Persson Lund", "lokalpolisområdeschef", "polisen"),
    ]


def test_name_title_organisation_stacked():
    text = (
        "Löften\n\nLena Dahl\nSäkerhetschef\nPolismyndigheten\n\nPer Ek\nSäkerhetschef\nEda kommun"
    )
    assert _signers(text) == [
        ("Lena Dahl", "Säkerhetschef", "polisen"),
        ("Per Ek", "Säkerhetschef", "kommun"),
    ]


def test_contact_box_is_not_a_signature():
    text = (
        "Medborgarlöfte\n\nKontakt hos polisen för grannsamverkan\n\nRolf Ångström\n"
        "Kommunpolis, Ljusdal\n010-567 86 78"
    )
    assert _signers(text) == []


def test_news_keeps_only_people_the_text_says_signed():
    text = (
        "Artikeln publicerades 23 mars 2022\n\nFörnyat medborgarlöfte\n\nTeddy Nilsson (SD), "
        "kommunstyrelsens ordförande och Niklas Årcén, chef lokalpolisområde Klippan, sätter "
        "sina signaturer på medborgarlöftet.\n\n– Det är bra, säger Josefin Arvidsson, "
        "kommunpolis.\n\nPå bilden skriver lokalpolisområdeschef Tomas Jansson och kommunalråd "
        "Stefan Carlsson under medborgalöftet."
    )
    assert _signers(text) == [
        ("Teddy Nilsson", "kommunstyrelsens ordförande", "kommun"),
        ("Niklas Årcén", "chef lokalpolisområde Klippan", "polisen"),
        ("Tomas Jansson", "lokalpolisområdeschef", "polisen"),
        ("Stefan Carlsson", "kommunalråd", "kommun"),
    ]


def test_perfect_of_putting_ones_name_under_is_signing():
    # h32: 'har … satt sina namn under' (the perfect of 'sätta') named no signer
    text = (
        "Nyhet\n\nAnna Berg, kommundirektör, har tillsammans med Per Holm, "
        "lokalpolisområdeschef, satt sina namn under de nya medborgarlöftena för 2024."
    )
    assert _signers(text) == [
        ("Anna Berg", "kommundirektör", "kommun"),
        ("Per Holm", "lokalpolisområdeschef", "polisen"),
    ]


def test_signer_title_found_elsewhere_in_the_article():
    text = (
        "Nyhet\n\nI onsdags skrev Kåre Friberg och Hanna Sjögren, chef för lokalpolisområde "
        "Motala, under ett nytt medborgarlöfte.\n\n– Bra, säger Kåre Friberg, kommunstyrelsens "
        "ordförande."
    )
    assert _signers(text) == [
        ("Kåre Friberg", "kommunstyrelsens ordförande", "kommun"),
        ("Hanna Sjögren", "chef för lokalpolisområde Motala", "polisen"),
    ]


def test_three_word_names_and_party_tags():
    text = (
        "Medborgarlöftet för 2020 undertecknades den 16 juni 2020, av lokalområdespolis "
        "Lars-Gunnar Björnqvist och kommunstyrelsens ordförande Linda Allansson Wester (M)."
    )
    assert _signers(text) == [
        ("Lars-Gunnar Björnqvist", "lokalområdespolis", "polisen"),
        ("Linda Allansson Wester", "kommunstyrelsens ordförande", "kommun"),
    ]


def test_title_abbreviating_lokalpolisomrade_as_lpo():
    # 'Chef LPO Klippan', 'Lpo-chef': the police's own abbreviation of lokalpolisområde
    text = (
        "Medborgarlöfte 2019\n\nVi lovar.\n\nNiklas Årcén\nChef LPO Klippan\n\n"
        "Anna Berg\nKommunstyrelsens ordförande\n\nPer Ek\nLpo-chef"
    )
    assert _signers(text) == [
        ("Niklas Årcén", "Chef LPO Klippan", "polisen"),
        ("Anna Berg", "Kommunstyrelsens ordförande", "kommun"),
        ("Per Ek", "Lpo-chef", "polisen"),
    ]


def test_a_kommun_of_two_words_is_no_signer():
    # 'Upplands Väsby', 'Lilla Edet' look like a first name and a surname; found by giving
    # the dev pages other kommuners' names (scripts/perturb_eval.py kommun_swap)
    text = (
        "Medborgarlöfte 2019\n\nI onsdags skrev Kåre Friberg, kommunstyrelsens ordförande i "
        "Lilla Edet, och Hanna Sjögren, chef för lokalpolisområde Upplands Väsby, under såväl "
        "samverkansavtalet som ett nytt medborgarlöfte."
    )
    names = [name for name, _, _ in _signers(text)]
    assert names == ["Kåre Friberg", "Hanna Sjögren"]


def test_capitalised_words_before_kommun_are_the_kommun():
    # 'Nyheter Ales kommun …': a heading word run into a kommun whose name is also a word
    # (Ale) is no signer; found by kommun_swap
    text = (
        "Medborgarlöfte 2019\n\nNyheter Ales kommun och polisen har i dag skrivit under ett "
        "nytt medborgarlöfte."
    )
    assert [name for name, _, _ in _signers(text)] == []


def test_signer_under_place_and_date_above_a_site_footer():
    # a page's footer ('Kontakta oss', 'Tillgänglighetsredogörelse') below the last signer
    # is the page's end, not text that makes the name something else (perturb_eval menus)
    text = (
        "Medborgarlöfte 2017\n\nUppföljning kvartalsvis.\n\nEmmaboda 2016-12-12\n\n"
        "Malena Grann\n\n\nKontakta oss\nTillgänglighetsredogörelse\nCookies\n"
    )
    assert [name for name, _, _ in _signers(text)] == ["Malena Grann"]
