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


def test_every_extracted_value_says_how_it_was_found(tmp_path):
    from lofte_extract.pipeline import run

    source = tmp_path / "in" / "ale.txt"
    source.parent.mkdir()
    source.write_text(
        "Medborgarlöfte Ale 2024\n\nLöftet gäller 2024-01-01 till 2024-12-31.\n\n"
        "Lokalpolisområde Kungälv-Ale och Ale kommun lovar att:\n"
        "• Genomföra fyra trafikinsatser per år.\n\n"
        "Målet är att tryggheten ska öka och att brotten ska minska.\n",
        encoding="utf-8",
    )
    run([source.parent], tmp_path / "out", jobs=0)
    (record,) = [
        json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    ]
    rules = [record["field_evidence"]["years"]["rule"], record["kommuner"][0]["evidence"]["rule"]]
    rules += [c["evidence"]["rule"] for c in record["commitments"]]
    rules += [t["evidence"]["rule"] for c in record["commitments"] for t in c["targets"]]
    rules += [g["evidence"]["rule"] for g in record["goals"]]
    assert all(rules), rules
    assert "commitments.list_item.promise" in rules
