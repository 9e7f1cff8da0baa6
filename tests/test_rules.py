"""The rule layer: pattern files load validated, every rule is alive, matches name their rule."""

from __future__ import annotations

import json

import pytest

from lofte_extract.extract.rules import _validate, load_rules, rule_files, stem

RULES = [(name, rule_id) for name in rule_files() for rule_id in load_rules(name).rules]


@pytest.mark.parametrize(("name", "rule_id"), RULES, ids=[r for _, r in RULES])
def test_every_rule_wins_on_its_own_examples(name, rule_id):
    rules = load_rules(name)
    rule = rules.rules[rule_id]
    for example in rule.examples:
        for place in rule.where:
            found = rules.matches(example, place)
            assert found and found[0].rule.id == rule_id, (example, place, found[:2])


def _entry(**changes) -> dict:
    entry = {"id": "x.one", "label": "år", "pattern": [{"LOWER": "per"}], "examples": ["per"]}
    return {**entry, **changes}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rules": [_entry()], "extra": 1}, "unknown keys"),
        ({"rules": [_entry(colour="red")]}, "unknown keys"),
        ({"rules": [_entry(), _entry(pattern=[{"LOWER": "varje"}])]}, "duplicate rule id"),
        ({"rules": [_entry(), _entry(id="x.two")]}, "repeats a pattern"),
        ({"rules": [_entry(examples=[])]}, "has no examples"),
        ({"rules": [_entry(where=["inside"])]}, "where"),
    ],
)
def test_bad_pattern_files_fail_with_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        _validate("broken", data)


def test_a_token_pattern_spacy_rejects_fails_at_load(tmp_path, monkeypatch):
    from lofte_extract.extract import rules as module

    bad = {"rules": [_entry(pattern=[{"LOWR": "per"}])]}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(module, "PATTERN_DIR", tmp_path)
    with pytest.raises(ValueError, match="bad.json"):
        module.load_rules.__wrapped__("bad")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("veckan", "veck"),
        ("veckor", "veck"),
        ("terminen", "termin"),
        ("läsåret", "läsår"),
        ("året", "år"),
        ("månaden", "månad"),
        ("sommaren", "sommar"),
        ("sommar", "sommar"),
    ],
)
def test_stem_table_gives_one_stem_per_word_family(word, expected):
    assert stem(word) == expected


def test_target_evidence_names_the_rules_that_found_it():
    from lofte_extract.extract.targets import find_targets
    from lofte_extract.parse import parse_text

    doc = parse_text("Polisen ska genomföra fyra trafikinsatser per år.".encode())
    (target,) = find_targets(doc, 0, len(doc.text))
    assert target.evidence.rule == "targets.number_grammar+period.each_year"
