"""Codebook categories of a commitment, from signal stems matched inside compounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from ..records import Category
from .nlp import get_nlp
from .vocab import load_vocab

__all__ = ["categorize"]


@lru_cache(maxsize=1)
def _codebook() -> dict[str, dict[str, list[str]]]:
    return {key: value for key, value in load_vocab("categories").items() if key[:1] != "_"}


@lru_cache(maxsize=1)
def _masks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_vocab("categories")
    when = "|".join(re.escape(p) for p in data["_when_phrases"])
    source = "|".join(re.escape(p) for p in data["_source_phrases"])
    return re.compile(rf"(?<!\w)(?:{when})(?!\w)"), re.compile(rf"(?<!\w)((?:{source})\s+)\w+")


def _masked(lowered: str) -> str:
    """The text without words that only say when or where a need was found."""
    when, source = _masks()
    # 'vid skolornas avslutning' says when; 'brister som framkommer vid trygghetsvandringarna'
    # names where the need was found, not the activity promised.
    return source.sub(r"\1", when.sub(" ", lowered))


def categorize(text: str) -> list[Category]:
    """Codebook keys whose signals occur in `text`, in codebook order; ['annat'] if none."""
    lowered = _masked(" ".join(text.lower().split()))
    doc = get_nlp().make_doc(lowered)
    tokens = [token.text for token in doc if not token.is_space]
    # OCR reads 'm' as 'rn': 'karneraövervakning', 'rnopeder'.
    tokens += [token.replace("rn", "m") for token in tokens if "rn" in token]
    phrased = {get_nlp().vocab.strings[match_id] for match_id, _, _ in _phrase_matcher()(doc)}
    found: list[Category] = []
    for key, signals in _signals().items():
        if key in phrased or _hits(signals, lowered, tokens):
            found.append(key)  # type: ignore[arg-type]
    return found or ["annat"]


@lru_cache(maxsize=1)
def _phrase_matcher() -> PhraseMatcher:
    """Whole-word phrases per category ('på plats', 'oskyddade trafikanter') as token
    sequences, so 'på plats' never hits 'på platser där unga samlas'."""
    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, signals in _codebook().items():
        phrases = signals.get("phrase", [])
        if phrases:
            matcher.add(key, [nlp.make_doc(phrase.lower()) for phrase in phrases])
    return matcher


@dataclass(frozen=True)
class _Signals:
    """One category's signals, prepared once: which word forms it excludes and its stems."""

    exclude: frozenset[str]
    phrases: tuple[str, ...]  # multi-word 'contains' stems
    contains: tuple[str, ...]  # one-word 'contains' stems
    prefixes: tuple[str, ...]
    words: frozenset[str]


@lru_cache(maxsize=1)
def _signals() -> dict[str, _Signals]:
    prepared = {}
    for key, signals in _codebook().items():
        exclude = set(signals.get("exclude", []))
        # The OCR variant of an excluded word ('skolterminema') is excluded with it.
        exclude |= {token.replace("rn", "m") for token in exclude}
        contains = signals.get("contains", [])
        prepared[key] = _Signals(
            frozenset(exclude),
            tuple(stem for stem in contains if " " in stem),
            tuple(stem for stem in contains if " " not in stem),
            tuple(signals.get("prefix", [])),
            frozenset(signals.get("word", [])),
        )
    return prepared


def _hits(signals: _Signals, lowered: str, tokens: list[str]) -> bool:
    candidates = [
        token
        for token in tokens
        if token not in signals.exclude and token.replace("rn", "m") not in signals.exclude
    ]
    if any(_phrase(stem).search(lowered) for stem in signals.phrases):
        return True
    # A one-word stem inside a token is inside the tokens joined by a character no stem holds.
    joined = "\0".join(candidates)
    if candidates and any(stem in joined for stem in signals.contains):
        return True
    if signals.prefixes and any(token.startswith(signals.prefixes) for token in candidates):
        return True
    return not signals.words.isdisjoint(candidates)


@lru_cache(maxsize=512)
def _phrase(phrase: str) -> re.Pattern[str]:
    """A multi-word stem in 'contains' starting on a word boundary; it may take an ending
    ('mobila kontor' hits 'mobila kontoret')."""
    return re.compile(r"(?<!\w)" + re.escape(phrase))
