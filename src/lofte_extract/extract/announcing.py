"""Lead-ins that announce the promise list rather than promise anything themselves."""

from __future__ import annotations

from .analysed import words
from .numbers import parse_number
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["announces_list", "says_more_after_colon"]


def announces_list(text: str) -> bool:
    """Announces the promises to come: 'X åtar sig ett antal konkreta åtgärder som ...'."""
    ws = words(text)
    lowered = " ".join(ws)
    if any(phrase in lowered for phrase in load_vocab("content_verbs")["announcing"]):
        return True
    # A count of groups, not of deeds: 'koncentrera sig på fem områden', 'följande punkter';
    # 'trygghetsvandringar i tre områden' places the deed, and 'Två fokusområden …: mörka
    # platser och …' names the groups itself.
    if says_more_after_colon(text):
        return False
    units = set(load_vocab("content_verbs")["announcing_units"])
    return any(
        _counts_groups(word) and bool(units & set(ws[i + 1 : i + 3])) and ws[i - 1 : i] != ["i"]
        for i, word in enumerate(ws)
    )


def says_more_after_colon(text: str) -> bool:
    """Words after a colon: 'Två fokusområden …: mörka platser och …', not a lead-in's
    closing 'följande åtgärder:'."""
    return ":" in text.rstrip().rstrip(":")


def _counts_groups(word: str) -> bool:
    """A count of several things ('fem', '3', 'följande'), not 'ett'."""
    value = parse_number(word)
    return word == "följande" or (value is not None and 1 < value <= EXTRACT.max_list_groups)
