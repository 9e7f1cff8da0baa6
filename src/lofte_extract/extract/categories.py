"""Codebook categories of a commitment, from signal stems matched inside compounds."""

from __future__ import annotations

import re
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
    for key, signals in _codebook().items():
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


def _hits(signals: dict[str, list[str]], lowered: str, tokens: list[str]) -> bool:
    exclude = set(signals.get("exclude", []))
    # The OCR variant of an excluded word ('skolterminema') is excluded with it.
    exclude |= {token.replace("rn", "m") for token in exclude}
    candidates = [
        token
        for token in tokens
        if token not in exclude and token.replace("rn", "m") not in exclude
    ]
    for stem in signals.get("contains", []):
        if " " in stem:
            if _phrase(stem).search(lowered):
                return True
        elif any(stem in token for token in candidates):
            return True
    for stem in signals.get("prefix", []):
        if any(token.startswith(stem) for token in candidates):
            return True
    words = set(signals.get("word", []))
    return bool(words & set(candidates))


@lru_cache(maxsize=512)
def _phrase(phrase: str) -> re.Pattern[str]:
    """A multi-word stem in 'contains' starting on a word boundary; it may take an ending
    ('mobila kontor' hits 'mobila kontoret')."""
    return re.compile(r"(?<!\w)" + re.escape(phrase))
