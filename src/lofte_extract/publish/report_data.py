"""The report's vocabulary and style from publish/data/: län names, labels, colours, CSS."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..datafiles import load_data

__all__ = [
    "category_color",
    "category_label",
    "css",
    "doc_type_label",
    "kept_label",
    "lan_name",
    "status_label",
]


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")


@cache
def _json(name: str) -> dict[str, Any]:
    # Through the one data loader, so labels.json and lan.json are checked against their shapes.
    return {k: v for k, v in load_data(__package__, name).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def css() -> str:
    """The report's stylesheet, inlined into the page."""
    return _read("report.css")


def lan_name(kommunkod: str) -> str:
    """The län a kommunkod belongs to (its first two digits)."""
    return _json("lan.json").get(kommunkod[:2], f"Län {kommunkod[:2]}")


def category_label(key: str) -> str:
    """Swedish name of a codebook category."""
    return _json("labels.json")["categories"].get(key, [key])[0]


def category_color(key: str) -> str:
    """Chart colour of a codebook category."""
    return _json("labels.json")["categories"].get(key, [key, "#999999"])[1]


def doc_type_label(key: str) -> str:
    """Swedish name of a doc type."""
    return _json("labels.json")["doc_types"].get(key, key)


def status_label(key: str) -> tuple[str, str]:
    """Swedish label and colour of a comparison status."""
    label, color = _json("labels.json")["statuses"].get(key, [key, "#57606a"])
    return label, color


def kept_label(key: str) -> tuple[str, str]:
    """Label and colour of an outcome or kept status ('genomförd', …, 'ingen rapport')."""
    label, color = _json("labels.json")["kept"].get(key, [key, "#57606a"])
    return label, color
