"""The shared spaCy pipeline: blank Swedish with lookup lemmas, built once."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

__all__ = ["get_nlp"]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Blank `sv` tokenizer plus the lookup lemmatizer from spacy-lookups-data."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
