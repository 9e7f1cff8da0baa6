"""Word sets for comparing wordings, with numbers masked so only the numbers can differ."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import load_data

__all__ = ["jaccard", "masked_words", "number_words", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)
NUMBER_MASK = "#"


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Swedish number words from data/numbers.json."""
    data = load_data(__package__, "numbers.json")
    return frozenset(w for entry in data["words"] for w in entry.split())


def words(text: str) -> list[str]:
    """Lower-cased words of `text`."""
    return _WORD.findall(text.lower())


def masked_words(text: str) -> frozenset[str]:
    """Word set with every digit run and number word replaced by one mask token."""
    numbers = number_words()
    return frozenset(
        NUMBER_MASK if word.isdigit() or word in numbers else word for word in words(text)
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
