"""Outcome rules found on the second blind batch of follow-ups (accuracy/outcomes-ledger.md):
each test is named after what the rules got wrong there."""

from __future__ import annotations

from pathlib import Path

from lofte_extract.compare.kept import build_kept, link_records
from lofte_extract.evaluate_outcomes import load_run
from lofte_extract.extract.outcomes import find_outcomes, is_follow_up
from lofte_extract.extract.segment import DocumentSpan
from lofte_extract.parse import parse_text
from lofte_extract.pipeline import run
from lofte_extract.records import Outcome


def _outcomes(text: str) -> list[Outcome]:
    doc = parse_text(f"Uppföljning medborgarlöfte 2022\n\n{text}\n".encode())
    return find_outcomes(doc, DocumentSpan(0, len(doc.text)), "uppfoljning")


def _texts(text: str) -> list[str]:
    return [o.text for o in _outcomes(text)]


def test_perfect_tense_with_a_doer_reports_work_done() -> None:
    found = _outcomes("Polisen har informerat om trafikregler och säkerhet vid flera tillfällen.")
    assert [o.status for o in found] == ["genomförd"]


def test_perfect_tense_with_the_doer_after_the_auxiliary_reports_work_done() -> None:
    found = _texts("För att klara det har vi fördjupat samverkan mellan oss och skolan.")
    assert found == ["För att klara det har vi fördjupat samverkan mellan oss och skolan."]


def test_passive_perfect_reports_work_done() -> None:
    assert _texts("Reflexer har köpts in och delats ut till skolorna.")


def test_a_trend_in_the_perfect_is_no_outcome() -> None:
    assert _texts("Tyvärr har skadegörelsen i kommunen ökat under sommaren.") == []


def test_the_promise_as_subject_is_no_outcome() -> None:
    assert _texts("Medborgarlöftet har som mål att förebygga brott och öka tryggheten.") == []


def test_a_definite_subject_elaborating_on_reported_work_is_no_new_outcome() -> None:
    assert _texts("Kontrollerna har främst placerats där allmänheten har önskat dem.") == []


def test_work_begun_is_under_way_not_done() -> None:
    found = _outcomes("Kommunen har som åtgärd börjat installera kameror och larm.")
    assert [o.status for o in found] == ["pågår"]


def test_more_than_the_promised_count_is_no_achieved_count() -> None:
    found = _outcomes("Polisen har genomfört fler än de 10 trafikinsatser som utlovades.")
    assert [(o.status, o.achieved) for o in found] == [("genomförd", None)]


def test_a_title_saying_the_police_follow_up_the_promises_is_a_follow_up() -> None:
    assert is_follow_up("nyhet", "Polisen följer upp medborgarlöften")
    assert not is_follow_up("nyhet", "Polisen följer trafiken i centrum")


def test_a_follow_up_links_to_the_news_item_announcing_its_promise(tmp_path) -> None:
    # Gullspång 2022: the promise survives only as the kommun's news item on its signing.
    docs = Path(__file__).parent / "outcomes" / "docs"
    for name in ("o2_gullspang_2022_lofte.txt", "o2_gullspang_2022_uppf.txt"):
        (tmp_path / name).write_bytes((docs / name).read_bytes())
    run([tmp_path], tmp_path / "out", jobs=0)
    records = load_run(tmp_path / "out")
    by_id = {r.id: Path(r.source.path).name for r in records}
    links = [(by_id[k.followup_id], by_id[k.promise_id]) for k in link_records(records)]
    assert links == [("o2_gullspang_2022_uppf.txt", "o2_gullspang_2022_lofte.txt")]


def test_an_outcome_aligns_to_the_one_commitment_of_its_category(tmp_path) -> None:
    # Worded apart ('gjort minst 43 fasta trafikkontroller' / 'Genomföra kontroller av
    # hastigheten …'), but the promise holds one trafik commitment: that is what it answers.
    (tmp_path / "lofte.txt").write_text(
        "Medborgarlöfte Essunga 2023\n\nPolisen lovar att:\n\n"
        " • Genomföra kontroller av hastigheten på landsvägarna med fokus på fortkörning.\n"
        " • Genomföra två trygghetsvandringar i Nossebro centrum.\n",
        encoding="utf-8",
    )
    (tmp_path / "uppf.txt").write_text(
        "Uppföljning medborgarlöfte Essunga 2023\n\n"
        "Polisen har under 2023 gjort minst 43 fasta trafikkontroller i kommunen.\n",
        encoding="utf-8",
    )
    run([tmp_path], tmp_path / "out", jobs=0)
    records = load_run(tmp_path / "out")
    kept = build_kept(records)
    followup = next(r for r in records if r.outcomes)
    promise = next(r for r in records if not r.outcomes)
    alignment = kept.alignment_of(followup.id, 0)
    assert alignment is not None and alignment.record_id == promise.id
    assert "hastigheten" in promise.commitments[alignment.commitment_index].text


def test_an_outcome_under_the_promise_the_follow_up_restates_answers_it(tmp_path) -> None:
    # No promise page collected: each restated promise, with the reports set out under it.
    (tmp_path / "uppf.txt").write_text(
        "Uppföljning medborgarlöfte Kungälv 2021\n\n"
        "Vi kommer att öka närvaron och finnas på plats vid 200 tillfällen. (Polis)\n\n"
        " • Flera personer som druckit alkohol på allmän plats har avvisats.\n\n"
        "Minst två narkotikainsatser riktade mot ungdomar. (Polis)\n\n"
        " • Under året har två riktade narkotikainsatser genomförts.\n",
        encoding="utf-8",
    )
    run([tmp_path], tmp_path / "out", jobs=0)
    (record,) = load_run(tmp_path / "out")
    kept = build_kept([record])
    answered = {
        o.text[:20]: record.commitments[kept.alignment_of(record.id, i).commitment_index].text[:20]
        for i, o in enumerate(record.outcomes)
        if kept.alignment_of(record.id, i)
    }
    assert answered["Flera personer som d"] == "Vi kommer att öka nä"


def test_how_the_promises_were_made_is_no_outcome() -> None:
    # A news follow-up's background: dialogues held, promises formulated; not work reported.
    text = (
        "Utifrån önskemålen hölls medborgardialoger, och därefter formulerade polisen "
        "ett antal löften."
    )
    assert _texts(text) == []


def test_several_of_the_promises_kept_is_partly_done() -> None:
    found = _outcomes("Utvärderingen visar att flera av löftena har infriats under året.")
    assert [o.status for o in found] == ["delvis"]
