"""Counts read off tokens: digits, number words, 'fyra (4)', 'ett fyrtiotal', ranges, and the
whole in 'tre av fyra'."""

from __future__ import annotations

import re

from .numbers import parse_number, range_low, split_glued
from .settings import EXTRACT
from .target_units import Word, is_genitive, target_vocab

__all__ = ["count_at", "glued_unit", "value_at", "whole_after", "whole_of_a_part"]

_DIGITS = re.compile(r"^\d{1,12}$")
_DIGIT_APPROXIMATION = re.compile(r"^(\d{2,4})-?tal$")  # 'ett 30-tal', 'ett 40tal'


def count_at(tokens: list[Word], index: int) -> tuple[int | None, int, str | None]:
    """A count at a token, its width, and the qualifier its form implies: 'cirka' for
    'ett fyrtiotal', 'minst' for a range's lower end ('två-tre', 'två till tre')."""
    spanned = range_low([token.lower for token in tokens[index : index + 3]])
    if spanned is not None:
        return spanned[0], spanned[1], "minst"
    value, width, approximate = value_at(tokens, index)
    return value, width, "cirka" if approximate else None


def value_at(tokens: list[Word], index: int) -> tuple[int | None, int, bool]:
    """Value at a token, how many tokens it spans, and whether it is approximate ('fyrtiotal')."""
    token = tokens[index]
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if token.lower in ("ett", "en") and following == "par":
        return 2, 2, False
    value, width, approximate = _plain_value(tokens, index)
    if value is not None and _echo_at(tokens, index + width, value):
        return value, width + 3, approximate  # 'fyra (4)', 'en (1)': the digits repeat it
    return value, width, approximate


def _echo_at(tokens: list[Word], index: int, value: int) -> bool:
    """Whether '(4)' or '(fyra)' repeating `value` stands at `index`."""
    if index + 2 >= len(tokens) or tokens[index].text != "(" or tokens[index + 2].text != ")":
        return False
    echo = tokens[index + 1].lower
    return int(echo) == value if _DIGITS.match(echo) else parse_number(echo) == value


def _plain_value(tokens: list[Word], index: int) -> tuple[int | None, int, bool]:
    """A number written as digits, a number word, a glued word or an '-tal' approximation."""
    token = tokens[index]
    approximate = _DIGIT_APPROXIMATION.match(token.lower)
    if approximate and int(approximate.group(1)) >= EXTRACT.approximate_min:
        return int(approximate.group(1)), 1, True  # 'ett 30-tal gånger'
    if "-" in token.text or "/" in token.text or ":" in token.text:
        return None, 1, False
    if _DIGITS.match(token.text.replace(" ", "")):
        return parse_number(token.text), 1, False
    if (
        token.text[:1].isdigit()
        or not token.text.isalpha()
        or len(token.text) > EXTRACT.longest_number_word
    ):
        return None, 1, False
    value = parse_number(token.lower)
    if value is not None:
        return value, 1, False
    if token.lower.endswith("tal") and len(token.lower) > 5:
        value = parse_number(token.lower[:-3])  # 'ett fyrtiotal elever'
        if value is not None and value >= EXTRACT.approximate_min:
            return value, 1, True
    return _glued(token.lower), 1, False


def _glued(word: str) -> int | None:
    split = split_glued(word)
    return split[0] if split else None


def glued_unit(token: Word) -> str | None:
    # 'tvåinformationsmöten' carries its unit; 'tvågemensamma' leaves it to the next word.
    split = split_glued(token.lower)
    if split is None or split[1] in target_vocab()["content_units.adjectives"]:
        return None
    return token.text[len(token.text) - len(split[1]) :]


def whole_after(tokens: list[Word], av: int) -> int | None:
    """The whole's number after 'av' in 'N av M', a genitive or determiner allowed between
    ('40 av årets 52 helger'); not 'var och en av skolorna två gånger'."""
    if av + 1 < len(tokens) and value_at(tokens, av + 1)[0] is not None:
        return av + 1
    if av + 2 < len(tokens) and value_at(tokens, av + 2)[0] is not None:
        between = tokens[av + 1].lower
        if (
            is_genitive(between)
            or between in target_vocab()["content_nontargets.whole_determiners"]
        ):
            return av + 2
    return None


def whole_of_a_part(tokens: list[Word], index: int) -> bool:
    """Whether the number at `index` is the whole in 'tre av fyra', '40 av årets 52'."""
    return any(
        av >= 1
        and tokens[av].lower == "av"
        and value_at(tokens, av - 1)[0] is not None
        and whole_after(tokens, av) == index
        for av in (index - 1, index - 2)
    )
