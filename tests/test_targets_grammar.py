"""Number-grammar cases of targets: echoes, count fillers, measures, achieved results."""

from __future__ import annotations

import pytest

from lofte_extract.extract.targets import find_targets
from lofte_extract.parse import parse_text


def _targets(text: str) -> list[tuple]:
    doc = parse_text(text.encode())
    return [(t.value, t.unit, t.period, t.qualifier) for t in find_targets(doc, 0, len(doc.text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number repeated in digits: 'fyra (4)'
        (
            "Genomföra minst fyra (4) riktade insatser per år i kommunen.",
            [(4, "insatser", "år", "minst")],
        ),
        (
            "Polisen ska vara på plats vid minst två (2) ”riskkvällar” per år.",
            [(2, "riskkvällar", "år", "minst")],
        ),
        # spaCy's blank Swedish reads '8)' as a smiley; here it closes a repeated count
        (
            "Polisen ska genomföra åtta (8) nykterhetskontroller under året.",
            [(8, "nykterhetskontroller", None, "exakt")],
        ),
        # h33: the whole after 'av' with a word between counts nothing, and names the unit
        (
            "Polisen ska under minst 40 av årets 52 helger lägga resurser på en helginsats.",
            [(40, "helger", None, "minst")],
        ),
        # a genitive after 'av' is no unit: the schools are counted, not the kommun
        ("Polisen ska besöka tre av kommunens skolor.", [(3, "skolor", None, "exakt")]),
        # 'stycken' and 'st.' count nothing themselves
        (
            "Polisen ska genomföra minst 200 stycken 20 minuters trafikkontroller.",
            [(200, "trafikkontroller", None, "minst")],
        ),
        ("Vi ska genomföra minst två st. insatser mot langning.", [(2, "insatser", None, "minst")]),
        # a yearly promise named before the verb
        (
            "Polis och kommun ska varje år bjuda in till en föreläsningskväll om droger.",
            [(1, "föreläsningskväll", "år", "exakt")],
        ),
    ],
)
def test_number_grammar(text, expected):
    assert _targets(text) == expected


def test_measure_inside_the_noun_phrase_is_no_target():
    assert all(v != 20 for v, *_ in _targets("Minst 200 stycken 20 minuters kontroller ska göras."))


@pytest.mark.parametrize(
    "text",
    [
        "Polisen har gjort 43 trafikkontroller i Brandkärr under året.",
        "Kommunen har genomfört fyra föräldraträffar.",
    ],
)
def test_achieved_results_are_never_targets(text):
    assert _targets(text) == []


def test_a_promise_in_the_perfect_tense_still_counts():
    assert _targets("Polisen har lovat att genomföra fyra trafikinsatser.") == [
        (4, "trafikinsatser", None, "exakt")
    ]


def test_a_share_of_a_subset_is_a_target_of_its_own():
    text = (
        "Målvärdet är att minst 52 stycken narkotikabrott upptäcks, varav minst 20 procent "
        "ska gälla förstagångsanvändare."
    )
    assert _targets(text) == [(52, "narkotikabrott", None, "minst"), (20, "procent", None, "minst")]


def test_a_perfect_tense_in_a_clause_of_time_is_no_result():
    text = "När en förundersökning har inletts tas kontakt inom en vecka."
    assert _targets(text) == [(1, "vecka", "deadline", "högst")]


def test_an_adverbial_between_the_count_and_the_noun_is_skipped() -> None:
    # 'i förväg' stopped the search for the counted noun.
    assert _targets("Minst åtta i förväg planerade gemensamma insatser på platsen.") == [
        (8, "insatser", None, "minst")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a road's number is its name: 'Rv 73', 'Lv 225'
        "Trafikkontroller ska genomföras, särskilt på de större lederna Lv 225 och Rv 73.",
        # 'de kommande två åren' says how long, not how many
        "Polisen och kommunen ska under de kommande två åren arbeta för en drogfri miljö.",
    ],
)
def test_road_numbers_and_durations_are_no_targets(text: str) -> None:
    assert _targets(text) == []


def test_a_period_heading_a_list_of_counts_holds_for_each_and_an_alternative_is_one() -> None:
    # 'genomför per år två dialogmöten, minst ett öppet BRÅ-möte/en trygghetskväll och minst
    # en trygghetsvandring': 'år' before 'två' blocked the count as a year's number, the other
    # counts got no period, and 'en trygghetskväll' (another name for the meeting) was a count.
    text = (
        "Kommunen och polisen genomför per år två dialogmöten om trygghet, minst ett öppet "
        "BRÅ-möte/en trygghetskväll och minst en trygghetsvandring."
    )
    assert [(found[0], found[2]) for found in _targets(text)] == [
        (2, "år"),
        (1, "år"),
        (1, "år"),
    ]
    # a count before the per-phrase keeps it: 'tio' gets none
    later = "Polisen ska två gånger per år och tio gånger under sommaren kontrollera."
    assert [(found[0], found[2]) for found in _targets(later)] == [(2, "år"), (10, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Var och en av skolorna ska besökas av polisen under hösten.", []),
        (
            "Polisen ska besöka var och en av skolorna två gånger per termin.",
            [(2, "gånger", "termin", "exakt")],
        ),
    ],
)
def test_each_of_is_no_count_of_one(text: str, expected: list[tuple]) -> None:
    # 'Var och en av skolorna ska besökas': the 'en' of 'var och en' was read as the count 1.
    assert _targets(text) == expected


def test_a_school_year_is_no_count() -> None:
    # 'föräldrarna till elever i skolår 8' gave the target 8, as 'årskurs 8' never did.
    assert _targets("Därtill ska föräldrarna till elever i skolår 8 bjudas in till ett möte.") == []
