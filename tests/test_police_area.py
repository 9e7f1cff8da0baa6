"""The lokalpolisområde name grammar (extract/police_area.py)."""

from __future__ import annotations

import pytest

from lofte_extract.extract.police_area import police_area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Värmdö kommun och Nacka lokalpolisområde har tagit fram löften", "Nacka"),
        ("Polisen (Lokalpolisområde södra Roslagen) ska patrullera", "södra Roslagen"),
        ("Via lokalpolisområde Norrmalms konton i sociala medier", "Norrmalm"),
        ("från Lokalpolisområde Storgöteborg syd och Härryda kommun", "Storgöteborg syd"),
        ("säger Dan Windt, lokalpolisområdeschef Storgöteborg Syd.", "Storgöteborg Syd"),
        ("Maria Bäck, lokalpolisområdeschefen i Västra Mälardalen och", "Västra Mälardalen"),
        ("Lokalpolisområde Piteå älvdal och Piteå kommun lovar", "Piteå älvdal"),
        ("lokalpolisområde Storgöteborg Kungälv-Ale", "Kungälv-Ale"),
        ("Lokalpolisområde Malmö Norr", "Malmö Norr"),
        # joint areas: a slash with or without spaces, 'och' after 'i'
        ("Lokalpolisområde Luleå/ Boden och Bodens kommun lovar", "Luleå/Boden"),
        (
            "säger Anders Rissel, lokalpolisområdeschef i Sundbyberg och Solna.",
            "Sundbyberg och Solna",
        ),
        ("Tomas Eriksson, chef för lokalpolisområde Norduppland, har", "Norduppland"),
        # 'på' as well as 'i': 'lokalpolisområdeschef på Höglandet' was no area
        ("Jonas Lindell, lokalpolisområdeschef på Höglandet och Henrik Tvarnö", "Höglandet"),
        ("Jenny Wester\nLokalpolisområdeschef\nÖstra Fyrbodal\n", "Östra Fyrbodal"),
        ("Lokalpolisområde Piteå Älvdal och Arvidsjaurs kommun lovar", "Piteå Älvdal"),
        # a unit named by region after 'Polismyndigheten' (no area found before)
        ("Lilla Edets kommun och Polismyndigheten Östra Fyrbodal ska verka", "Östra Fyrbodal"),
        ("Thomas Nyberg, chef polisen Södra Ångermanland, och", "Södra Ångermanland"),
        (
            "av t.f. lokalpolisområdeschef för södra Lappland Daniel Westerberg, och",
            "södra Lappland",
        ),
        ("samt Henrik Gustavsson, lokalpolisområdeschef, Torsby.", "Torsby"),
        # a region name after a chief's title, a police unit 'i' a region, 'Lokalpolisen i X'
        ("säger Niklas Hållkvist, lokalpolisområdeschef Norduppland.", "Norduppland"),
        ("säger Veronica Andersson, tf. Lokalpolisområdeschef Medelpad.", "Medelpad"),
        ("Polisen i Östra Norrbotten lovar att tillsammans med kommunen", "Östra Norrbotten"),
        ("Lokalpolisen i Haninge/Nynäshamn, Nynäshamns kommun och", "Haninge/Nynäshamn"),
        ("säger Fredrik Malm lokalområdespolischef i Västra Skaraborg.", "Västra Skaraborg"),
        # an area and its kommun joined by a hyphen are two parties; a hyphenated kommun is one
        ("lokalpolisområde Nybro-Emmaboda kommun.", "Nybro"),
        ("lokalpolisområdet Järfälla/Upplands-Bro kommun har", "Järfälla/Upplands-Bro"),
        # a PDF joined the title line and the area line below it
        ("Tf lokalpolisområdeschef Lokalpolisområde Kalmar\n\nHenrik Yngvesson", "Kalmar"),
        # a bare name beside the joint area it belongs to supports the joint one
        (
            "Lokalpolisområde Haninges löften.\n\nLokalpolisområde Haninge/Nynäshamn och "
            "Haninge kommun har enats.",
            "Haninge/Nynäshamn",
        ),
    ],
)
def test_area_names_with_direction_region_words_and_genitives(text, area):
    assert police_area(text, 0, len(text))[0] == area


def test_a_chiefs_personal_name_is_no_area():
    text = "lokalpolisområdeschef Anna Svensson"
    assert police_area(text, 0, len(text))[0] is None


def test_area_evidence_points_at_the_name():
    text = "Medborgarlöfte från lokalpolisområde Piteå älvdal."
    name, start, end, rule = police_area(text, 0, len(text))
    assert police_area("lokalpolisområde Motala och Motala kommun", 0, 41)[0] == "Motala"
    assert text[start:end] == name
    assert rule == "police_area.after_cue"


def test_a_kommun_named_after_polismyndigheten_is_no_area():
    # A PDF's running header 'Polismyndigheten Östra Göinge - medborgarlöften' names the
    # kommun whose page it is, not a police unit.
    text = "Polismyndigheten Östra Göinge - medborgarlöften"
    assert police_area(text, 0, len(text))[0] is None


def test_an_area_named_before_the_chefs_title_or_a_stadsdel_before_the_cue() -> None:
    # 'Katrineholms lokalpolisområdeschef Liselotte Jergard' (h13) and 'de 14 stadsdelar som
    # hör till Farsta lokalpolisområde' (h26) named no area: the name before the cue had to
    # be a kommun followed by 'lokalpolisområde' itself.
    for text, area in (
        ("Katrineholms lokalpolisområdeschef Liselotte Jergard möttes på tisdagen.", "Katrineholm"),
        ("Mötena hålls i de 14 stadsdelar som hör till Farsta lokalpolisområde.", "Farsta"),
    ):
        assert police_area(text, 0, len(text))[0] == area
