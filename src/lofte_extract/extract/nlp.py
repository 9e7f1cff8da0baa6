"""The shared spaCy pipeline: a blank Swedish tokenizer, built once."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

__all__ = ["blank_swedish", "get_nlp"]


def blank_swedish() -> Language:
    """spaCy's blank Swedish tokenizer without its emoticon exceptions that hold a digit:
    '8)' is a smiley to spaCy, but 'åtta (8) trafikinsatser' repeats a count in brackets."""
    nlp = spacy.blank("sv")
    nlp.tokenizer.rules = {
        text: tokens
        for text, tokens in nlp.tokenizer.rules.items()
        if not any(ch.isdigit() for ch in text)
    }
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Blank `sv` pipeline: tokenizer and vocabulary only.

    No lemmatizer: no extractor reads lemmas, and the lookup tables cost 1.5 s and about
    250 MB in every process that loads them.
    """
    return blank_swedish()
