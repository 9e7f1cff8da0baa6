"""Domain vocabulary for the extract stage: `extract/data/<name>.json`, read once."""

from __future__ import annotations

from typing import Any

from ..datafiles import load_data

__all__ = ["load_vocab"]


def load_vocab(name: str) -> dict[str, Any]:
    """The JSON data file `extract/data/<name>.json` as a dict."""
    return load_data("lofte_extract.extract", f"{name}.json")
