"""A sentence telling several promises as coordinated clauses, each with its own modal: one
commitment or goal per clause. News sums promises up so; read whole, such a sentence was
taken as a string of goals (h22, h32: 'antalet inbrott ska minska, fler grannsamverkans-
områden ska startas, synligheten ska öka …')."""

from __future__ import annotations

import hashlib

from lofte_extract.extract import extract_records
from lofte_extract.extract.coordinated import coordinated_clauses, is_outcome_clause
from lofte_extract.extract.text_units import Piece
from lofte_extract.parse import parse_text
from lofte_extract.records import Source


def _clauses(text: str) -> list[str]:
    return [clause.text for clause in coordinated_clauses(Piece(10, 10 + len(text), text))]


def test_each_modal_clause_is_one_clause_and_a_lead_in_is_left_out():
    assert _clauses(
        "Årets löften liknar fjolårets; polisen och kommunen ska hålla fyra trygghets"
        "vandringar, fältassistenterna ska synas och vara ute på kvällarna, skadegörelsen "
        "ska minska och med hjälp av skolan ska fler elever nås."
    ) == [
        "polisen och kommunen ska hålla fyra trygghetsvandringar",
        "fältassistenterna ska synas och vara ute på kvällarna",
        "skadegörelsen ska minska",
        "med hjälp av skolan ska fler elever nås",
    ]


def test_clause_offsets_point_into_the_text():
    text = "Polisen ska cykla, kommunen ska städa och skolan ska bjuda in."
    for clause in coordinated_clauses(Piece(10, 10 + len(text), text)):
        assert text[clause.start - 10 : clause.end - 10] == clause.text


def test_aims_in_att_clauses_and_ordinary_sentences_are_not_split():
    assert (
        _clauses("Målet är att brotten ska minska, att tryggheten ska öka och att fler ska anmäla.")
        == []
    )
    assert (
        _clauses("Polisen ska hålla fyra trafikkontroller och kommunen ska laga belysningen.") == []
    )


def test_an_outcome_as_subject_is_a_goal_an_activity_is_not():
    assert is_outcome_clause("antalet bostadsinbrott ska minska")
    assert is_outcome_clause("skadegörelsen ska inte öka")
    assert not is_outcome_clause("synligheten ska öka vid busstationen")
    assert not is_outcome_clause("fler grannsamverkansområden ska startas")


def test_news_sentence_of_promises_gives_one_commitment_per_clause_and_its_goal():
    text = (
        "Nya löften i Tranemo\n\n"
        "Polisen och Tranemo kommun har tagit fram nya medborgarlöften för 2024. De nya "
        "löftena innehåller bland annat följande: skadegörelsen ska minska, fler "
        "grannsamverkansområden ska startas, polisen ska synas vid busstationen och "
        "kommunen ska laga belysningen i parken.\n\n"
        "– Vi vill att det ska kännas tryggt, säger kommunpolisen Eva Lind."
    ).encode()
    source = Source(path="x.txt", sha256=hashlib.sha256(text).hexdigest(), format="txt")
    [record] = extract_records(parse_text(text), source)
    assert [c.text for c in record.commitments] == [
        "fler grannsamverkansområden ska startas",
        "polisen ska synas vid busstationen",
        "kommunen ska laga belysningen i parken",
    ]
    assert [g.text for g in record.goals] == ["skadegörelsen ska minska"]
    assert all(".coordinated_clause" in c.evidence.rule for c in record.commitments)
