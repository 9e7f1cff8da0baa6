"""Issue 10 point 3: compare groups by a normalised unit but shows the sources' own words.

Every normalisation rule in compare/data/units.json gets its own test case below, generated
from the data file, so a rule added there is tested without a line of code.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from lofte_extract.compare import compare_records, load_records
from lofte_extract.compare.units import normalize_unit, unit_key

RULES = json.loads(
    resources.files("lofte_extract.compare").joinpath("data/units.json").read_text("utf-8")
)


def _cases(section: str) -> list:
    entries = RULES[section]
    items = entries.items() if isinstance(entries, dict) else [(e, None) for e in entries]
    return [pytest.param(key, value, id=f"{section}:{key}") for key, value in items]


def test_compare_shows_units_the_sources_wrote_not_invented_ones(corpus_out):
    rows = compare_records(load_records(corpus_out)).rows
    units = {(r.kommun, r.category): (r.unit, r.unit_key) for r in rows}
    # Höör wrote "minst fyra insatser" under narkotika; Kävlinge wrote "besök".
    assert units[("Höör", "narkotika")] == ("insatser", "narkotikainsats")
    assert units[("Kävlinge", "narkotika")][0] == "besök"
    for row in rows:
        for word in (row.unit or "").split(" / ") if row.unit else []:
            assert any(c and c.unit == word for c in row.values.values()), (row.unit, row.kommun)


@pytest.mark.parametrize("word, singular", _cases("irregular"))
def test_unit_rule_irregular(word, singular):
    assert normalize_unit(word) == RULES["synonyms"].get(singular, singular)


@pytest.mark.parametrize("word, key", _cases("synonyms"))
def test_unit_rule_synonym(word, key):
    assert normalize_unit(word) == key


@pytest.mark.parametrize("modifier, _", _cases("modifiers"))
def test_unit_rule_modifier_dropped(modifier, _):
    assert normalize_unit(f"{modifier} trygghetsvandringar") == "trygghetsvandring"


@pytest.mark.parametrize("suffix, _", _cases("suffixes"))
def test_unit_rule_plural_suffix(suffix, _):
    assert normalize_unit(f"kontroll{suffix}") == "kontroll"


@pytest.mark.parametrize("generic, _", _cases("generic"))
def test_unit_rule_generic_unit_takes_the_noun_after_it(generic, _):
    for link in RULES["generic_links"]:
        assert unit_key(generic, f"Två {generic} {link} medborgardialog.") == "medborgardialog"


@pytest.mark.parametrize("category, prefix", _cases("category_prefix"))
def test_unit_rule_category_prefix(category, prefix):
    for head in RULES["category_heads"]:
        assert unit_key(head, f"Minst tre {head}.", [category]) == prefix + head


def test_unit_rule_short_stem_keeps_its_ending():
    short = "x" * (RULES["min_stem"] - 1)
    assert normalize_unit(f"{short}er") == f"{short}er"
