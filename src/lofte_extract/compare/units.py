"""Counted units normalised to one key per thing counted.

"tillfällen för gemensam medborgardialog" and "medborgardialoger" both count
medborgardialoger, so both normalise to the key "medborgardialog".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..datafiles import load_data
from .wording import words

__all__ = ["normalize_unit", "unit_key"]


def _data() -> dict[str, Any]:
    return load_data(__package__, "units.json")


def _singular(word: str) -> str:
    data = _data()
    if word in data["irregular"]:
        return data["irregular"][word]
    for suffix in data["suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= data["min_stem"]:
            return word[: -len(suffix)]
    return word


def normalize_unit(unit: str) -> str:
    """Key for a unit as written: modifiers dropped, head noun singular, synonyms merged."""
    data = _data()
    kept = [w for w in words(unit) if w not in data["modifiers"]]
    if not kept:
        return ""
    # Compounds carry the meaning in the last noun ("trafik- och informationsinsatser").
    head = _singular(kept[-1])
    return data["synonyms"].get(head, head)


def _generic_head(unit: str) -> bool:
    data = _data()
    kept = [w for w in words(unit) if w not in data["modifiers"]]
    return bool(kept) and kept[-1] in data["generic"]


def unit_key(unit: str | None, text: str = "", categories: Sequence[str] = ()) -> str:
    """Key for a target's unit, looking past generic units into the commitment text.

    "Två tillfällen för gemensam medborgardialog" counts medborgardialoger, so a generic
    unit ("tillfällen", "gånger") followed by "för/med/av" and a noun takes that noun;
    a bare "insatser" under trafik counts trafikinsatser.
    """
    key = _unit_key(unit, text)
    data = _data()
    if key in data["category_heads"]:
        for category in categories:
            if category in data["category_prefix"]:
                return data["category_prefix"][category] + key
    return key


def _unit_key(unit: str | None, text: str) -> str:
    if not unit:
        return ""
    if _generic_head(unit) and text:
        data = _data()
        modifiers = "|".join(re.escape(m) for m in data["modifiers"])
        links = "|".join(re.escape(link) for link in data["generic_links"])
        pattern = re.compile(
            rf"\b{re.escape(unit.lower())}\s+(?:{links})\s+(?:(?:{modifiers})\s+)*(\w+)",
            re.UNICODE,
        )
        match = pattern.search(text.lower())
        if match:
            return normalize_unit(match.group(1))
    return normalize_unit(unit)
