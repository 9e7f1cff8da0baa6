"""How a goal sentence is cut into its coordinated goals (extract/goals.py)."""

from __future__ import annotations

from lofte_extract.extract.goals import _parts
from lofte_extract.extract.text_units import Piece


def _texts(text: str) -> list[str]:
    return [p.text for p in _parts(Piece(0, len(text), text))]


def test_a_tail_with_no_verb_of_its_own_finishes_the_last_goal() -> None:
    # '… att brotten ska minska och tryggheten öka för dem som bor, verkar och vistas i
    # Olofströms kommun': 'verkar och vistas …' is no goal clause, so the two goals were
    # kept as one sentence.
    assert _texts(
        "Medborgarlöftet syftar till att brotten ska minska och tryggheten öka för dem som bor, "
        "verkar och vistas i Olofströms kommun."
    ) == [
        "Medborgarlöftet syftar till att brotten ska minska",
        "tryggheten öka för dem som bor, verkar och vistas i Olofströms kommun.",
    ]


def test_one_goal_with_a_tail_stays_whole() -> None:
    text = "Målet är att tryggheten ska öka för dem som bor, verkar och vistas i kommunen."
    assert _texts(text) == [text]
