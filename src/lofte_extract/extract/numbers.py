"""Swedish number words and digit groups to integers."""

from __future__ import annotations

import re
from functools import lru_cache

from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["parse_number", "parse_number_word", "range_low", "split_glued"]

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


@lru_cache(maxsize=1)
def _glue() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    units = load_vocab("content_units")
    glue = frozenset(units["adjectives"]) | frozenset(units["glued_words"])
    return (
        glue,
        tuple(units["countable_stems"] + units["glued_heads"]),
        tuple(units["countable_stems"]),
    )


def split_glued(word: str) -> tuple[int, str] | None:
    """A number word glued onto the next word by OCR: 'tvåmöten' -> (2, 'möten'), else None."""
    glue, starts, countable = _glue()
    word = word.lower()
    for cut in range(EXTRACT.glued_min_chars, len(word) - EXTRACT.glued_min_chars):
        head, rest = word[:cut], word[cut:]
        if head in ("en", "ett"):
            continue
        # A counted compound is known by how it starts and what it counts; 'sjuksköterska' is not.
        compound = rest.startswith(starts) and any(stem in rest for stem in countable)
        if rest in glue or compound:
            value = parse_number(head)
            if value is not None:
                return value, rest
    return None


_GLUED_RANGE = re.compile(r"^(\w+)[-–](\w+)$")


def range_low(words: list[str]) -> tuple[int, int] | None:
    """A count given as a range ('två-tre', '2–3', 'två till tre', 'två, tre') at the start
    of `words`: its lower bound and how many words it spans; the promise is at least that."""
    glued = _GLUED_RANGE.match(words[0]) if words else None
    if glued:
        pair, width = (glued.group(1), glued.group(2)), 1
    elif len(words) >= 3 and words[1] in load_vocab("numbers")["range_words"]:
        pair, width = (words[0], words[2]), 3
    else:
        return None
    low, high = parse_number(pair[0]), parse_number(pair[1])
    if low is None or high is None or not low < high < EXTRACT.range_max:
        return None
    return low, width
