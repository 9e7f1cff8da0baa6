"""The shared spaCy pipeline: a blank Swedish tokenizer, built once."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

__all__ = ["get_nlp"]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Blank `sv` pipeline: tokenizer and vocabulary only.

    No lemmatizer: no extractor reads lemmas, and the lookup tables cost 1.5 s and about
    250 MB in every process that loads them.
    """
    return spacy.blank("sv")
