"""The one loader of the package's data files (vocabulary, patterns, settings): JSON read once
from a package's `data/` folder through importlib.resources, so it works installed or not."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_data"]


@cache
def load_data(package: str, name: str) -> dict[str, Any]:
    """`<package>/data/<name>` as a dict (`name` with its `.json` ending)."""
    return json.loads(resources.files(package).joinpath("data", name).read_text("utf-8"))
