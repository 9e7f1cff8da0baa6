"""Swedish number words and digit groups to integers."""

from __future__ import annotations

import re
from functools import lru_cache

from .vocab import load_vocab

__all__ = ["parse_number", "parse_number_word"]

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})+$|^\d+$")


@lru_cache(maxsize=1)
def _parts() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    data = load_vocab("numbers")
    return data["ones"], data["tens"], data["multipliers"]


def parse_number_word(word: str) -> int | None:
    """Value of a Swedish number word, compounds included ('femtiotvå' -> 52), else None."""
    word = word.lower().strip()
    if not word:
        return None
    ones, tens, multipliers = _parts()
    if word in ones:
        return ones[word]
    return _compound(word, ones, tens, multipliers)


def _compound(
    word: str, ones: dict[str, int], tens: dict[str, int], multipliers: dict[str, int]
) -> int | None:
    # Greedy split into known parts, longest first: 'tvåhundrafemtio' -> två|hundra|femtio.
    pieces = sorted([*ones, *tens, *multipliers], key=len, reverse=True)
    total, current, rest = 0, 0, word
    while rest:
        for piece in pieces:
            if rest.startswith(piece):
                break
        else:
            return None
        rest = rest[len(piece) :]
        if piece in multipliers:
            factor = multipliers[piece]
            current = (current or 1) * factor
            if factor >= 1000:
                total += current
                current = 0
        else:
            current += ones.get(piece, tens.get(piece, 0))
    value = total + current
    return value if value > 0 else None


def parse_number(text: str) -> int | None:
    """Value of a digit group ('4 000', '12') or a number word, else None."""
    text = text.strip()
    if _DIGITS.match(text):
        return int(re.sub(r"\D", "", text))
    return parse_number_word(text)
