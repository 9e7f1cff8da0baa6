"""Domain vocabulary for the content rules, read once from the package's data files."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_vocab"]


@cache
def load_vocab(name: str) -> dict[str, Any]:
    """The JSON data file `extract/data/<name>.json` as a dict."""
    path = resources.files("lofte_extract.extract").joinpath("data", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))
