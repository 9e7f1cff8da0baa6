"""Codebook categories of a commitment, from signal stems matched inside compounds."""

from __future__ import annotations

from functools import lru_cache

from ..records import Category
from .nlp import get_nlp
from .vocab import load_vocab

__all__ = ["categorize"]


@lru_cache(maxsize=1)
def _codebook() -> dict[str, dict[str, list[str]]]:
    return {key: value for key, value in load_vocab("categories").items() if key[:1] != "_"}


def categorize(text: str) -> list[Category]:
    """Codebook keys whose signals occur in `text`, in codebook order; ['annat'] if none."""
    lowered = " ".join(text.lower().split())
    tokens = [token.text.lower() for token in get_nlp().tokenizer(lowered) if not token.is_space]
    # OCR reads 'm' as 'rn': 'karneraövervakning', 'rnopeder'.
    tokens += [token.replace("rn", "m") for token in tokens if "rn" in token]
    found: list[Category] = []
    for key, signals in _codebook().items():
        if _hits(signals, lowered, tokens):
            found.append(key)  # type: ignore[arg-type]
    return found or ["annat"]


def _hits(signals: dict[str, list[str]], lowered: str, tokens: list[str]) -> bool:
    exclude = set(signals.get("exclude", []))
    candidates = [
        token
        for token in tokens
        if token not in exclude and token.replace("rn", "m") not in exclude
    ]
    for stem in signals.get("contains", []):
        if " " in stem:
            if stem in lowered:
                return True
        elif any(stem in token for token in candidates):
            return True
    for stem in signals.get("prefix", []):
        if any(token.startswith(stem) for token in candidates):
            return True
    words = set(signals.get("word", []))
    if words & set(candidates):
        return True
    return any(phrase in lowered for phrase in signals.get("phrase", []))
