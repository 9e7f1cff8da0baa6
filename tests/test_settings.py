"""Thresholds in one place (issue 11.4): the extract and compare stages read their numeric
thresholds from `extract/settings.py` and `compare/settings.py`, each with its reason.

A new bare ALL_CAPS number at module level in those packages fails here: it belongs in the
stage's settings, with a comment saying why it is what it is.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from lofte_extract.compare.settings import COMPARE, CompareSettings
from lofte_extract.extract.settings import EXTRACT, ExtractSettings

SRC = Path(__file__).resolve().parents[1] / "src" / "lofte_extract"
PACKAGES = ("extract", "compare")
# Module-level numbers that are no thresholds: (module, name) -> why it stays where it is.
ALLOWED: dict[tuple[str, str], str] = {}


def _numeric(node: ast.expr | None) -> bool:
    """An int or float literal, a negated one, or a tuple of them: `12`, `-1.5`, `(12, 40)`."""
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(_numeric(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _numeric(node.operand)
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    )


def _names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple):
        return [n for e in target.elts for n in _names(e)]
    return []


def bare_constants(source: str) -> list[str]:
    """ALL_CAPS names a module assigns a number (or a tuple of numbers) at its top level."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        else:
            continue
        if not _numeric(value):
            continue
        for name in (n for t in targets for n in _names(t)):
            if name.strip("_").isupper():
                found.append(name)
    return found


def _modules() -> list[Path]:
    return [
        path
        for package in PACKAGES
        for path in sorted((SRC / package).glob("*.py"))
        if path.name != "settings.py"
    ]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_bare_threshold_outside_settings(path: Path):
    names = bare_constants(path.read_text(encoding="utf-8"))
    module = f"{path.parent.name}/{path.name}"
    bare = [n for n in names if (module, n) not in ALLOWED]
    assert not bare, f"{module}: move {bare} to {path.parent.name}/settings.py with a reason"


def test_the_check_catches_a_bare_threshold():
    source = (
        'FOLLOW_UP_TYPES = ("uppfoljning",)\n'
        "SECTION_LINE_WORDS = 8\n"
        "_SHARE: float = 0.6\n"
        "_TEXT_MIN, _TEXT_MAX = 12, 40\n"
        "_OFFSET = -3\n"
        "_word_count = 4\n"
        "DEBUG = True\n"
        "def f():\n    LIMIT = 5\n    return LIMIT\n"
    )
    assert bare_constants(source) == [
        "SECTION_LINE_WORDS",
        "_SHARE",
        "_TEXT_MIN",
        "_TEXT_MAX",
        "_OFFSET",
    ]


def test_allow_list_names_real_constants_with_reasons():
    for (module, name), reason in ALLOWED.items():
        assert reason.strip(), (module, name)
        assert name in bare_constants((SRC / module).read_text(encoding="utf-8")), (module, name)


@pytest.mark.parametrize("settings", [EXTRACT, COMPARE], ids=["extract", "compare"])
def test_every_setting_has_a_reason(settings):
    """Each field of the settings class carries a comment on its line or the line above."""
    cls = type(settings)
    path = SRC / ("extract" if cls is ExtractSettings else "compare") / "settings.py"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = [f.name for f in dataclasses.fields(cls)]
    assert len(fields) > 10
    for name in fields:
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{name}:"))
        here, above = lines[index], lines[index - 1].strip()
        assert "#" in here or above.startswith("#"), f"{cls.__name__}.{name} says not why"


@pytest.mark.parametrize("cls", [ExtractSettings, CompareSettings])
def test_settings_are_frozen_numbers(cls):
    settings = cls()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.__setattr__(dataclasses.fields(cls)[0].name, 0)
    for field in dataclasses.fields(cls):
        value = getattr(settings, field.name)
        assert _numeric(ast.parse(repr(value), mode="eval").body), (field.name, value)
