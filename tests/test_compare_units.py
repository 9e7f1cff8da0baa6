"""Counted units normalised so the same thing counted lines up across years."""

from __future__ import annotations

import pytest

from lofte_extract.compare.units import normalize_unit, unit_key


@pytest.mark.parametrize(
    ("unit", "text", "categories", "key"),
    [
        (
            "tillfällen",
            "Två tillfällen för gemensam medborgardialog i Eslövs kommun.",
            ["medborgardialog"],
            "medborgardialog",
        ),
        (
            "medborgardialoger",
            "Två gemensamma medborgardialoger i Eslövs kommun.",
            ["medborgardialog"],
            "medborgardialog",
        ),
        (
            "trafikinsatser",
            "Två riktade trafikinsatser i centrala Eslöv.",
            ["trafik"],
            "trafikinsats",
        ),
        ("insatser", "Fyra riktade insatser mot buskörning.", ["trafik"], "trafikinsats"),
        ("narkotikainsatser", "Minst fem narkotikainsatser.", ["narkotika"], "narkotikainsats"),
        (
            "insatser",
            "Minst tre insatser mot langning.",
            ["narkotika", "ungdomar"],
            "narkotikainsats",
        ),
        ("trygghetsvandringar", "", [], "trygghetsvandring"),
        ("trygghetsvandring", "", [], "trygghetsvandring"),
        ("gemensamma trygghetsvandringar", "", [], "trygghetsvandring"),
        ("timmar", "", [], "timme"),
        ("gånger", "minst tre gånger per år", ["trafik"], "gång"),
        ("besök", "", [], "besök"),
        (None, "Två gånger", [], ""),
    ],
)
def test_unit_keys(unit, text, categories, key):
    assert unit_key(unit, text, categories) == key


def test_generic_unit_without_a_noun_after_it_stays_generic():
    assert unit_key("tillfällen", "Vid fyra tillfällen under året.", ["synlighet"]) == "tillfälle"


def test_short_words_keep_their_ending():
    assert normalize_unit("kvällar") == "kväll"
    assert normalize_unit("par") == "par"
