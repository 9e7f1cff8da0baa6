"""Numeric targets: Swedish number words, qualifiers, units, periods, and numbers that are not."""

from __future__ import annotations

import pytest

from lofte_extract.extract.numbers import parse_number, parse_number_word
from lofte_extract.extract.targets import find_targets
from lofte_extract.parse import parse_text


def targets(text: str, several_years: bool = False) -> list[tuple]:
    doc = parse_text(text.encode("utf-8"))
    found = find_targets(doc, 0, len(doc.text), several_years)
    for target in found:
        # Evidence covers the words the target was read from.
        assert (
            " ".join(doc.text[target.evidence.start : target.evidence.end].split()) == target.text
        )
    return [(t.value, t.qualifier, t.unit, t.period) for t in found]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("två", 2),
        ("tolv", 12),
        ("femtiotvå", 52),
        ("etthundra", 100),
        ("tjugofem", 25),
        ("tvåhundra", 200),
        ("tretusen", 3000),
        ("Fyra", 4),
    ],
)
def test_number_words(word: str, value: int) -> None:
    assert parse_number_word(word) == value


def test_not_number_words() -> None:
    assert parse_number_word("kommun") is None
    assert parse_number_word("sexa") is None


def test_digit_group_with_space() -> None:
    assert parse_number("4 000") == 4000


def test_qualified_count_and_varav() -> None:
    text = (
        "Minst tolv trafikinsatser med fokus på hastigheter, buskörningar, beteende och "
        "alkohol/droganvändning varav fyra i anslutning till skolområden vid utsatta tider."
    )
    assert targets(text) == [
        (12, "minst", "trafikinsatser", None),
        (4, "exakt", "trafikinsatser", None),
    ]


def test_evidence_covers_qualifier_number_and_unit() -> None:
    doc = parse_text("Polisen ska genomföra minst fyra insatser i Höörs kommun.".encode())
    (target,) = find_targets(doc, 0, len(doc.text))
    assert doc.text[target.evidence.start : target.evidence.end] == "minst fyra insatser"


def test_deadline_inom_tre_dagar() -> None:
    text = "Kommunen ska arbeta för att ta bort klotter inom tre dagar."
    assert targets(text) == [(3, "högst", "dagar", "deadline")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Etablera trygghetsvandringar, genomförda 2 gånger under hösten.", (2, "exakt", "höst")),
        ("Minst två besök per månad på kommunens fritidsgårdar.", (2, "minst", "månad")),
        ("Polisen ska utföra minst två kontroller om året.", (2, "minst", "år")),
        ("Cirka 10 träffar i veckan med föräldrar.", (10, "cirka", "vecka")),
        ("Högst 3 tillfällen varje termin.", (3, "högst", "termin")),
        ("Ca 40 besök varje onsdag på skolan.", (40, "cirka", "vecka")),
        ("Inte färre än fem insatser under våren.", (5, "minst", "vår")),
    ],
)
def test_qualifiers_and_periods(text: str, expected: tuple) -> None:
    ((value, qualifier, _unit, period),) = targets(text)
    assert (value, qualifier, period) == expected


def test_under_aret_is_per_year_only_in_multi_year_promises() -> None:
    text = "Polisen genomför trafikinsatser vid minst två tillfällen under året."
    assert targets(text, several_years=True)[0][3] == "år"
    assert targets(text, several_years=False)[0][3] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trafikkontroller 4 ggr/år vid skolorna.", [(4, "exakt", "år")]),
        ("Minst 1 gång/vecka besöker polisen skolan.", [(1, "minst", "vecka")]),
        ("Polisen ska delta vid tre av fyra skolavslutningar.", [(3, "exakt", None)]),
        ("Totalt 12 insatser under 2021 och 2022.", [(12, "exakt", None)]),
        ("Insatser vecka 23 och v. 45.", []),
        ("Trygghetsvandringen genomförs vid ett tillfälle under hösten.", [(1, "exakt", "höst")]),
        ("Ett fyrtiotal elever i årskurs 9 får besök.", [(40, "cirka", None)]),
        # digits with '-tal' were no number at all; a deed told in the simple past a target
        ("Polisen ska fotpatrullera i området ett 30-tal gånger.", [(30, "cirka", None)]),
        ("Under året gick man två trygghetsvandringar i centrum.", []),
        (
            "Polisen och kommunen ska genomföra tvågemensamma trygghetsvandringar.",
            [(2, "exakt", None)],
        ),
    ],
)
def test_written_variants(text: str, expected: list[tuple]) -> None:
    assert [(value, qualifier, period) for value, qualifier, _unit, period in targets(text)] == (
        expected
    )


def test_ett_par_is_two_and_counting_en() -> None:
    assert targets("Kommunen ordnar minst ett par informationsträffar.")[0][:2] == (2, "minst")
    assert targets("Genomföra en trygghetsvandring i respektive stadsdel.") == [
        (1, "exakt", "trygghetsvandring", None)
    ]
    assert targets("Polisen ska verka för en tryggare trafiksituation.") == []
    assert targets("Kommunen ordnar minst ett tillfälle där en ungdomsdialog kan inledas.") == [
        (1, "minst", "tillfälle", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kunskapsdag för samtliga elever i årskurs 4 i Eslövs kommun.",
        "Information till elever i åk 8 om droger.",
        "Insatser riktade mot 15-åringar och ungdomar 13-17 år.",
        "Dnr Kommunen: 396-2019.",
        "Löftet gäller under 2020 och följs upp 2021-01-31.",
        "Ring kommunpolisen på 010-567 86 78.",
        "Mötet hålls på Storgatan 12 i Kävlinge.",
        "Enligt trygghetsmätningen känner sig 75 procent trygga.",
        "Polisen har genomfört 10 trafikkontroller under våren.",
        "Kommunen och polisen lämnar tre löften till invånarna.",
        "Barn upp till 18 år får hembesök.",
    ],
)
def test_numbers_that_are_not_targets(text: str) -> None:
    assert targets(text) == []


def test_a_count_after_a_definite_genitive_describes_what_exists() -> None:
    text = "Polisen ska genomföra en trygghetsvandring runt kommunens två gymnasieskolor."
    assert [t[0] for t in targets(text)] == [1]


def test_respektive_ar_is_per_year() -> None:
    text = "Polisen ska hålla uppstartsmöten minst två gånger respektive år."
    assert [(t[0], t[3]) for t in targets(text, several_years=True)] == [(2, "år")]
