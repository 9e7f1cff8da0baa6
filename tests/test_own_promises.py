"""Several kommuner each signing a promise of its own on one news page: one record each.
One test per bug found on real pages."""

from __future__ import annotations

import hashlib

import pytest

from lofte_extract.extract import extract_records
from lofte_extract.extract.own_promises import each_signs_its_own
from lofte_extract.extract.promise_talk import promises_something_unspecified
from lofte_extract.parse import parse_text
from lofte_extract.records import Source


def _records(text: str):
    data = text.encode()
    source = Source(path="x.txt", sha256=hashlib.sha256(data).hexdigest(), format="txt")
    return extract_records(parse_text(data), source)


def test_kommuner_signing_their_own_promises_get_a_record_each() -> None:
    # h25 4504, h11 1721: 'fyra nya medborgarlöften med Kungsörs kommun, Hallstahammars
    # kommun, …' gave one record naming all four, so three of the four were not found
    records = _records(
        "Nya medborgarlöften i Västra Mälardalen\n\nI december skrev lokalpolisområdet under "
        "tre nya medborgarlöften med Kungsörs kommun, Köpings kommun och Arboga kommun. "
        "Kommunalrådet Eva Ek skrev under för Kungsörs kommun.\n\nEva Ek\nKommunalråd\n\n"
        "Maria Bäck\nLokalpolisområdeschef\n"
    )
    assert [[k.name for k in r.kommuner] for r in records] == [["Kungsör"], ["Köping"], ["Arboga"]]
    assert len({r.id for r in records}) == 3
    # the police area signs each one; the kommun's signer only the first kommun's
    assert [[s.name for s in r.signatories] for r in records] == [
        ["Eva Ek", "Maria Bäck"],
        ["Maria Bäck"],
        ["Maria Bäck"],
    ]


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Alla kommuner skriver under egna löften.", True),
        ("Polisen skrev löften för var och en av sina sex kommuner.", True),
        ("Varje kommuns medborgarlöfte bygger på en lägesbild.", True),
        ("Läs löftena\n\nMedborgarlöfte Arboga kommun\nMedborgarlöfte Kungsörs kommun\n", True),
        # a joint promise of two kommuner is one promise
        ("Tranås och Ydre kommuner har ett gemensamt medborgarlöfte med polisen.", False),
        ("Medborgarlöfte Arboga kommun\n\nPolisen lovar att synas mer.", False),
    ],
)
def test_what_says_each_kommun_signs_its_own(text: str, own: bool) -> None:
    assert each_signs_its_own(text, 0, len(text)) is own


def test_a_joint_promise_of_two_kommuner_stays_one_record() -> None:
    records = _records(
        "Medborgarlöfte 2024 för Tranås och Ydre\n\nTranås kommun, Ydre kommun och polisen "
        "lovar att genomföra fyra trygghetsvandringar under 2024.\n"
    )
    assert [{k.name for k in r.kommuner} for r in records] == [{"Tranås", "Ydre"}]


def test_what_parties_promise_when_they_sign_any_promise_is_no_commitment() -> None:
    # h25 4505, h11 1721: polisen.se's 'Vad är medborgarlöften?' ('Inom dessa områden lovar polis
    # och kommun, när de tecknar medborgarlöftena, att samverka …') was kept on every kommun's
    # record; in PDF its question heading is set in body type
    assert promises_something_unspecified(
        "Inom dessa områden lovar polis och kommun, när de tecknar medborgarlöftena, att "
        "samverka genom olika aktiviteter."
    )
    assert not promises_something_unspecified(
        "Polis och kommun lovar att samverka genom fyra trygghetsvandringar."
    )
