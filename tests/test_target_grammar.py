"""Targets in promises written for the purpose (not taken from any page): the number grammar's
counts, qualifiers, counted nouns and periods.

'Två trygghetsvandringar under våren och två under hösten' gave one target: an elliptic count
took its noun from the count before it only after 'per' or 'varje', not before a season.
"""

from __future__ import annotations

import pytest
from content_helpers import parse

from lofte_extract.extract.content import find_commitments

PAGE = "Medborgarlöfte 2021\n\nVi lovar\n\n• {promise}\n"


def _targets(promise: str) -> list[tuple[int, str | None]]:
    doc, span = parse(PAGE.format(promise=promise))
    return [(t.value, t.period) for c in find_commitments(doc, span) for t in c.targets]


@pytest.mark.parametrize(
    ("promise", "targets"),
    [
        ("Polisen genomför tolv trafikkontroller under året.", [(12, None)]),
        ("Ett fyrtiotal trygghetsvandringar genomförs.", [(40, None)]),
        ("Minst fyra (4) riktade insatser per år.", [(4, "år")]),
        ("Polisen gör 4 st trafikinsatser i månaden.", [(4, "månad")]),
        ("Sex stycken medborgardialoger per termin.", [(6, "termin")]),
        ("Polisen ska fotpatrullera i centrum en gång i veckan.", [(1, "vecka")]),
        ("Minst 200 stycken 20 minuters trafikkontroller.", [(200, None)]),
        ("Årligen genomförs minst tre trygghetsvandringar.", [(3, "år")]),
        ("Polisen genomför veckovis två fotpatruller i centrum.", [(2, "vecka")]),
        ("Klotter ska saneras inom tre dagar.", [(3, "deadline")]),
        ("Polisen ska vara på plats vid minst 10 tillfällen varje månad.", [(10, "månad")]),
        ("Två trygghetsvandringar under våren och två under hösten.", [(2, "vår"), (2, "höst")]),
        ("Två trafikkontroller i månaden och en i veckan.", [(2, "månad"), (1, "vecka")]),
        # no period after the second count: no noun for it either
        ("Tre möten, två i centrum och en på landsbygden.", [(3, None)]),
    ],
)
def test_target_grammar(promise, targets):
    assert _targets(promise) == targets


def test_a_subset_is_marked_and_never_added():
    doc, span = parse(PAGE.format(promise="Tio riktade insatser, varav fyra mot narkotika."))
    (commitment,) = find_commitments(doc, span)
    assert [(t.value, t.part_of) for t in commitment.targets] == [(10, None), (4, 0)]
