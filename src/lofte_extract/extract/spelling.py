"""Older spellings read as the cue lists write them: 'skall' as 'ska'."""

from __future__ import annotations

import re
from functools import lru_cache

from .vocab import load_vocab

__all__ = ["respelled"]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    words = load_vocab("spellings")["spellings"]
    return re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def respelled(text: str) -> str:
    """`text` with each listed spelling in its usual form ('Detta skall' -> 'Detta ska')."""
    words = load_vocab("spellings")["spellings"]
    return _pattern().sub(lambda m: words[m.group().lower()], text)
