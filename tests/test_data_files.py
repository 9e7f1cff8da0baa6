"""Data files load validated against their declared shapes; no dead, duplicated or shadowed
entries (issue 11, point 6)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from pdf_fixtures import layout_seed_text

from lofte_extract.datafiles import DataFile, DataShapeError, load_data, shape_errors
from lofte_extract.parse.pdf import parse_pdf

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lofte_extract"
DATA_FILES = sorted(
    (p.parent.parent.name, p.name) for p in PACKAGE.glob("*/data/*.json") if p.name != "shapes.json"
)


@pytest.mark.parametrize(("package", "name"), DATA_FILES, ids=[f"{p}/{n}" for p, n in DATA_FILES])
def test_every_data_file_loads_against_its_declared_shape(package, name):
    assert isinstance(load_data(f"lofte_extract.{package}", name), DataFile)


def test_every_declared_shape_has_its_file():
    for shapes in PACKAGE.glob("*/data/shapes.json"):
        declared = {k for k in json.loads(shapes.read_text("utf-8")) if not k.startswith("_")}
        present = {p.name for p in shapes.parent.glob("*.json")} - {"shapes.json"}
        assert declared == present, shapes


@pytest.mark.parametrize(
    ("value", "shape", "problem"),
    [
        ({"words": ["a"], "wrods": ["b"]}, {"words": ["str"]}, "/wrods: unknown key"),
        ({}, {"words": ["str"]}, "/words: missing key"),
        ({"words": "a"}, {"words": ["str"]}, "/words: expected a list, got str"),
        ({"n": True}, {"n": "int"}, "/n: expected int, got bool"),
        ({"m": {"a": 1, "b": "x"}}, {"m": {"*": "int"}}, "/m/b: expected int, got str"),
        ({"l": [{"a": 1}, {"b": 2}]}, {"l": [{"a?": "int"}]}, "/l[1]/b: unknown key"),
    ],
)
def test_shape_errors_name_the_path_and_the_problem(value, shape, problem):
    assert problem in shape_errors(value, shape)


def test_shape_allows_optional_and_comment_keys_and_ints_as_floats():
    shape = {"w": "float", "opt?": ["str"]}
    assert shape_errors({"_doc": "why", "w": 1}, shape) == []


def test_reading_an_undeclared_key_fails_instead_of_reading_empty():
    data = DataFile("x.json", {"words": ["a"]}, frozenset({"words", "extra"}))
    assert data.get("extra", []) == []  # declared, optional, absent
    with pytest.raises(KeyError, match="'wrods' is not a declared key"):
        data.get("wrods", [])


def test_a_file_without_a_declared_shape_is_refused():
    with pytest.raises(DataShapeError, match="no shape declared"):
        load_data("lofte_extract.extract", "kommuner.tsv")


def _source_names() -> set[str]:
    """Every string literal (and its dotted parts), attribute and field name in the package."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names |= {node.value, *re.split(r"[.\s]", node.value)}
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def test_every_declared_key_is_read_by_some_code():
    names = _source_names()
    dead = []
    for shapes in PACKAGE.glob("*/data/shapes.json"):
        for file, shape in json.loads(shapes.read_text("utf-8")).items():
            if file.startswith("_") or not isinstance(shape, dict) or set(shape) == {"*"}:
                continue
            dead += [f"{file}:{k}" for k in map(lambda k: k.rstrip("?"), shape) if k not in names]
    assert dead == []


def _lists(value, where=""):
    if isinstance(value, list):
        yield where, value
        for i, item in enumerate(value):
            yield from _lists(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lists(item, f"{where}/{key}")


@pytest.mark.parametrize(("package", "name"), DATA_FILES, ids=[f"{p}/{n}" for p, n in DATA_FILES])
def test_no_list_in_a_data_file_holds_an_entry_twice(package, name):
    data = json.loads((PACKAGE / package / "data" / name).read_text("utf-8"))
    for where, items in _lists(data):
        seen = [json.dumps(i, ensure_ascii=False) for i in items]
        assert len(seen) == len(set(seen)), (where, {s for s in seen if seen.count(s) > 1})


def _categories() -> dict:
    data = json.loads((PACKAGE / "extract" / "data" / "categories.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def test_no_category_stem_is_shadowed_by_a_shorter_one():
    # A token holding 'trafiksäker' holds 'trafik': the longer stem can never decide anything.
    shadowed = [
        (category, stem, other)
        for category, signals in _categories().items()
        for key, covers in (("contains", str.__contains__), ("prefix", str.startswith))
        for stem in signals.get(key, [])
        for other in signals.get(key, [])
        if other != stem and " " not in stem + other and covers(stem, other)
    ]
    assert shadowed == []


def test_every_category_exclusion_holds_one_of_its_stems():
    dead = [
        (category, word)
        for category, signals in _categories().items()
        for word in signals.get("exclude", [])
        if not any(s in word for s in signals.get("contains", []))
        and not any(word.startswith(s) for s in signals.get("prefix", []))
        and word not in signals.get("word", [])
    ]
    assert dead == []


def test_a_loaded_data_file_is_read_only():
    data = load_data("lofte_extract.parse", "pdf_signatures.json")
    with pytest.raises(TypeError):
        data["_date"] = "x"  # type: ignore[index]


def test_signed_pdf_parses_with_read_only_data_files():
    # The signature reader added compiled patterns to its loaded data file; once data files
    # became read-only every PDF failed as "corrupt PDF" (seen on harvest batch h6).
    text = (
        "Medborgarlöfte 2024\n\nPolisen ska genomföra fyra trafikinsatser.\n\n"
        "Anna Berg\nKommunstyrelsens ordförande\n2024-02-01"
    )
    doc = parse_pdf(layout_seed_text(text).build())
    assert "fyra trafikinsatser" in doc.text
