"""The one loader of the package's data files (vocabulary, patterns, settings): JSON read once
from a package's `data/` folder through importlib.resources, so it works installed or not,
and checked against the shape that package declares for it in `data/shapes.json`.

A shape is plain JSON: `"str"`, `"int"`, `"float"` (an int is accepted too), `"bool"`; a
one-item list `[shape]` is a list of such items; an object lists its keys, a key ending in
`?` being optional, and `"*": shape` stands for every other key (a map with free keys). A
key starting with `_` whose value is a string is a comment, always allowed. An unknown key,
a missing key or a wrong type fails at load with the file and the path of the value, and
reading an undeclared key fails too: a misspelt key, in the data or in the code, can never
be silently read as empty.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["DataFile", "DataShapeError", "load_data", "shape_errors"]

SHAPES_FILE = "shapes.json"
_SCALARS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (float, int),
    "bool": (bool,),
}


class DataShapeError(ValueError):
    """A data file does not have the shape its package declares for it."""


class DataFile(Mapping[str, Any]):
    """A validated data file: a read-only mapping that refuses keys its shape does not declare."""

    def __init__(self, name: str, data: dict[str, Any], declared: frozenset[str] | None) -> None:
        self.name = name
        self._data = data
        self._declared = declared  # None: a map with free keys

    def _check(self, key: str) -> None:
        if self._declared is not None and key not in self._declared and not key.startswith("_"):
            raise KeyError(f"{self.name}: {key!r} is not a declared key of this data file")

    def __getitem__(self, key: str) -> Any:
        self._check(key)
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a declared key, or `default` when an optional key is absent."""
        self._check(key)
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def shape_errors(value: Any, shape: Any, where: str = "") -> list[str]:
    """Every way `value` differs from `shape`, each as 'path: problem' (empty when it fits)."""
    if isinstance(shape, str):
        if isinstance(value, bool) and shape != "bool":
            return [f"{where or '/'}: expected {shape}, got bool"]
        if isinstance(value, _SCALARS[shape]):
            return []
        return [f"{where or '/'}: expected {shape}, got {type(value).__name__}"]
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where or '/'}: expected a list, got {type(value).__name__}"]
        return [
            e for i, item in enumerate(value) for e in shape_errors(item, shape[0], f"{where}[{i}]")
        ]
    if not isinstance(value, dict):
        return [f"{where or '/'}: expected an object, got {type(value).__name__}"]
    return _object_errors(value, shape, where)


def _is_comment(key: str, value: Any) -> bool:
    return key.startswith("_") and isinstance(value, str)


def _object_errors(value: dict[str, Any], shape: dict[str, Any], where: str) -> list[str]:
    keys = {k.rstrip("?"): k.endswith("?") for k in shape if k != "*"}
    errors = [
        f"{where}/{k}: missing key"
        for k, optional in keys.items()
        if not optional and k not in value
    ]
    for name, item in value.items():
        sub = shape.get(name, shape.get(f"{name}?", shape.get("*")))
        if name in keys:
            errors += shape_errors(item, sub, f"{where}/{name}")
        elif _is_comment(name, item):
            continue
        elif sub is None or name.startswith("_"):
            errors.append(f"{where}/{name}: unknown key")
        else:
            errors += shape_errors(item, sub, f"{where}/{name}")
    return errors


@cache
def _shapes(package: str) -> dict[str, Any]:
    text = resources.files(package).joinpath("data", SHAPES_FILE).read_text("utf-8")
    return json.loads(text)


@cache
def load_data(package: str, name: str) -> DataFile:
    """`<package>/data/<name>` (with its `.json` ending), checked against its declared shape."""
    shapes = _shapes(package)
    if name not in shapes:
        raise DataShapeError(f"{package}/data/{name}: no shape declared in data/{SHAPES_FILE}")
    data = json.loads(resources.files(package).joinpath("data", name).read_text("utf-8"))
    errors = shape_errors(data, shapes[name])
    if errors:
        raise DataShapeError(f"{package}/data/{name}: " + "; ".join(errors[:5]))
    return DataFile(name, data, _declared_keys(shapes[name]))


def _declared_keys(shape: Any) -> frozenset[str] | None:
    if not isinstance(shape, dict) or "*" in shape:
        return None
    return frozenset(k.rstrip("?") for k in shape)
