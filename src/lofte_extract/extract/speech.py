"""Speech an article quotes: the marks that open a line of speech, and whether a text is a
quoted statement rather than the page's own."""

from __future__ import annotations

from .vocab import load_vocab

__all__ = ["SPEECH_DASHES", "SPEECH_OPENERS", "is_quote"]

# A line of speech opens with a dash of any kind ('–', '‒', '−') or a quotation mark; a
# hyphen opens speech too, but as a bullet it opens a list item as often.
SPEECH_DASHES = ("–", "—", "‒", "−")
SPEECH_OPENERS = (*SPEECH_DASHES, "-", "”", '"')


def is_quote(text: str) -> bool:
    """A quoted statement in an article ('..., säger Anna')."""
    lowered = text.lower()
    return text.lstrip()[:1] in SPEECH_OPENERS or any(
        mark in lowered for mark in load_vocab("content_verbs")["quote_marks"]
    )
