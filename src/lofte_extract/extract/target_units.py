"""The counted noun, the period and the qualifier of a numeric target, and whether 'en' counts:
the units half of the number grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import parse_number
from .rules import load_rules
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "Word",
    "counted_before",
    "is_article",
    "is_countable",
    "is_genitive",
    "per_follows",
    "period_follows",
    "period_after",
    "period_before",
    "qualifier_of",
    "second_season",
    "target_vocab",
    "unit_end",
    "unit_index",
    "unit_text",
]

_DIGITS = re.compile(r"^\d{1,12}$")


@dataclass
class Word:
    text: str
    lower: str
    start: int  # offset into doc.text
    end: int


@lru_cache(maxsize=1)
def target_vocab() -> dict:
    data = {}
    for name in ("content_qualifiers", "content_periods", "content_nontargets", "content_units"):
        data.update({f"{name}.{key}": value for key, value in load_vocab(name).items()})
    return data


_SEASONS = re.compile(
    r"\b(?:varje|under|per|i)\s+(vår|höst)(?:en)?\s+och\s+(?:varje\s+)?(vår|höst)(?:en)?\b"
)


def second_season(tokens: list[Word], index: int, period: str | None) -> str | None:
    # 'en trygghetsvandring varje vår och höst' promises one each spring and one each autumn.
    if period not in ("vår", "höst"):
        return None
    tail = " ".join(token.lower for token in tokens[index : index + EXTRACT.season_tokens])
    match = _SEASONS.search(tail)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    return second if first == period and second != period else None


def per_follows(tokens: list[Word], index: int) -> bool:
    # An elliptic count names no unit of its own, only its period: 'och en per år'.
    if index >= len(tokens):
        return False
    return tokens[index].lower in target_vocab()["content_periods.elliptic_openers"]


def period_follows(tokens: list[Word], index: int, several_years: bool) -> bool:
    """An elliptic count's period after a preposition: 'och två under hösten', 'en i veckan'."""
    if (
        index >= len(tokens)
        or tokens[index].lower not in target_vocab()["content_periods.elliptic_prepositions"]
    ):
        return False
    return period_after(tokens, index, several_years)[0] is not None


def counted_before(tokens: list[Word], index: int) -> str | None:
    """The nearest countable plural noun before an elliptic count ('trafikinsatser')."""
    for token in reversed(tokens[:index]):
        if (
            token.text.isalpha()
            and token.lower.endswith(("er", "ar", "or"))
            and is_countable(token.lower)
        ):
            return token.text
    return None


def unit_index(tokens: list[Word], index: int) -> int | None:
    vocab = target_vocab()
    adjectives = set(vocab["content_units.adjectives"])
    endings = tuple(vocab["content_units.adjective_endings"])
    candidate = None
    skip_to = index
    for offset in range(EXTRACT.unit_tokens):
        position = index + offset
        if position >= len(tokens):
            break
        if position < skip_to:
            continue
        word = tokens[position]
        pair = " ".join(t.lower for t in tokens[position : position + 2])
        if pair in vocab["content_units.adverbials"]:
            skip_to = position + 2  # 'minst åtta i förväg planerade insatser'
            continue
        fillers = vocab["content_units.count_fillers"]
        if word.text in _QUOTES or word.lower in fillers:
            continue  # 'två (2) ”riskkvällar”', '4 st insatser'
        if word.text == "." and position > index and tokens[position - 1].lower in fillers:
            continue  # 'två st. insatser'
        if _is_measure(tokens, position):
            continue  # '200 stycken 20 minuters trafikkontroller'
        if position > index and _is_measure(tokens, position - 1):
            continue
        if not word.text.replace("-", "").isalpha():
            if word.text in (".",) and word.lower == "." and position > index:
                break
            break
        nxt = tokens[position + 1] if position + 1 < len(tokens) else None
        next_is_word = nxt is not None and nxt.text.replace("-", "").isalpha()
        if word.lower in adjectives and next_is_word:
            continue
        if word.lower.endswith(endings) and next_is_word and not is_countable(word.lower):
            # A word before 'som', 'under', 'per' heads the phrase: 'två fältsekreterare som'.
            if nxt is not None and nxt.lower not in vocab["content_units.noun_followers"]:
                continue
        if word.lower in vocab["content_nontargets.unit_stopwords"]:
            break
        candidate = position
        break
    return candidate


_QUOTES = frozenset("\"”“'«»’")


def _is_measure(tokens: list[Word], position: int) -> bool:
    """A number and a measure genitive ('20 minuters') inside the counted noun phrase."""
    nxt = tokens[position + 1].lower if position + 1 < len(tokens) else ""
    return (
        bool(_DIGITS.match(tokens[position].text))
        and nxt in target_vocab()["content_nontargets.measure_genitives"]
    )


def unit_end(tokens: list[Word], index: int) -> int:
    # 'trafik- och informationsinsatser' is one unit.
    word = tokens[index]
    if (
        word.text.endswith("-")
        and index + 2 < len(tokens)
        and tokens[index + 1].lower
        in (
            "och",
            "eller",
        )
    ):
        return index + 2
    return index


def unit_text(tokens: list[Word], index: int) -> str:
    return " ".join(token.text for token in tokens[index : unit_end(tokens, index) + 1])


def is_article(
    tokens: list[Word], index: int, width: int, found: tuple[str, str | None, str | None]
) -> bool:
    """Whether 'en'/'ett' at `index` is an article, not the count one; `found` is the count's
    qualifier, unit and period."""
    qualifier, unit, period = found
    if tokens[index].lower not in ("en", "ett") or width != 1:
        return False
    if qualifier == "exakt" and not is_countable(unit):
        return True
    vocab = target_vocab()
    # 'en mer omfattande tillsyn', 'en tydligare samverkan': more of something, not one
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if following in vocab["content_nontargets.article_comparatives"] or following.endswith("are"):
        return True
    # 'bjuda in till en vandring' is an article; '... till en vandring varje höst' counts.
    before = tokens[index - 1].lower if index > 0 else ""
    return before in vocab["content_nontargets.article_blockers"] and period is None


def is_genitive(word: str) -> bool:
    """A definite genitive ('kommunens', 'årets', 'stadsdelarnas'), read off its ending."""
    return word.endswith(tuple(target_vocab()["content_nontargets.genitive_endings"]))


def is_countable(unit: str | None) -> bool:
    if not unit:
        return False
    lowered = unit.lower()
    if lowered.startswith(tuple(target_vocab()["content_units.uncountable_words"])):
        return False
    return any(stem in lowered for stem in target_vocab()["content_units.countable_stems"])


def period_before(
    tokens: list[Word], index: int, several_years: bool
) -> tuple[str | None, str | None]:
    """Period and rule id from the sentence before a count: 'ska varje termin genomföra två'."""
    found = load_rules("target_periods").matches(" ".join(t.text for t in tokens[:index]))
    for match in found:
        if "before" in match.rule.where:
            return _label(match.rule.label, several_years), match.rule.id
    # 'I snitt per vecka genomföra minst tre …', 'genomför per år två dialogmöten, minst ett
    # BRÅ-möte och …': a per-phrase with no count before it heads every count after it ('två
    # gånger per år och tio …' gives the tio none).
    first_count = _first_count_offset(tokens[:index])
    for match in found:
        if "after" in match.rule.where and match.rule.label != "whole_year":
            if first_count is None or match.end <= first_count:
                return match.rule.label, match.rule.id
    return None, None


def _first_count_offset(tokens: list[Word]) -> int | None:
    """Where the first number stands in the tokens joined by spaces, if any."""
    offset = 0
    for token in tokens:
        if token.text[:1].isdigit() or parse_number(token.lower):
            return offset
        offset += len(token.text) + 1
    return None


def _label(label: str | None, several_years: bool) -> str | None:
    # 'under året' is per year only in a promise covering several years
    if label == "whole_year":
        return "år" if several_years else None
    return label


def period_after(
    tokens: list[Word], index: int, several_years: bool
) -> tuple[str | None, str | None]:
    """Period and rule id from the words after a count, up to the next count or comma."""
    words: list[str] = []
    for token in tokens[index : index + EXTRACT.period_tokens]:
        if token.text in (",", ";"):
            break
        if token.text[:1].isdigit() and len(token.text) != 4:
            break
        if token.lower not in ("en", "ett") and parse_number(token.lower) is not None:
            break
        words.append(token.text)
    for match in load_rules("target_periods").matches(" ".join(words), "after"):
        return _label(match.rule.label, several_years), match.rule.id
    return None, None


@lru_cache(maxsize=1)
def _qualifier_pattern() -> re.Pattern[str]:
    # One alternation, longest phrase first, anchored to the words right before the number.
    phrases = [
        (phrase, qualifier)
        for qualifier in ("minst", "högst", "cirka")
        for phrase in target_vocab()[f"content_qualifiers.{qualifier}"]
        if phrase != "inom"  # 'inom tre dagar' is a deadline, handled apart
    ]
    phrases.sort(key=lambda item: -len(item[0]))
    alternation = "|".join(re.escape(phrase) for phrase, _ in phrases)
    return re.compile(rf"(?:^|[\s(])({alternation})\s+$")


def qualifier_of(text: str, tokens: list[Word], index: int) -> tuple[str, int | None]:
    """The qualifier right before the count at `index` ('minst', 'högst', 'cirka', else
    'exakt') and where its phrase starts."""
    if index == 0:
        return "exakt", None
    lead = text[
        max(0, tokens[index].start - EXTRACT.qualifier_window_chars) : tokens[index].start
    ].lower()
    match = _qualifier_pattern().search(lead)
    if not match:
        return "exakt", None
    phrase = match.group(1)
    for qualifier in ("minst", "högst", "cirka"):
        if phrase in target_vocab()[f"content_qualifiers.{qualifier}"]:
            return qualifier, tokens[index].start - len(lead) + match.start(1)
    return "exakt", None
