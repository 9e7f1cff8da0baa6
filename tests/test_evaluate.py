"""The scorer counts exactly as shared/gold/FORMAT.md says."""

from __future__ import annotations

import json
from pathlib import Path

from lofte_extract.cli import main
from lofte_extract.evaluate import evaluate, text_match

GOLD_DOC = {
    "doc_type": "lofte",
    "kommuner": ["Eslöv"],
    "years": [2017],
    "period": None,
    "lokalpolisomrade": "Eslöv",
    "signed_date": "2017-02-15",
    "signatories": [
        {"name": "Anna-Karin Boije", "title": "Lokalpolisområdeschef", "organisation": "polisen"}
    ],
    "commitments": [
        {
            "text": "Två gemensamma trygghetsvandringar i Eslövs kommun.",
            "actors": ["polisen"],
            "categories": ["trygghetsvandring"],
            "optional": False,
            "targets": [
                {"value": 2, "qualifier": "exakt", "unit": "trygghetsvandringar", "period": None}
            ],
        },
        {
            "text": "Minst två besök per månad på fritidsgårdar.",
            "actors": [],
            "categories": ["ungdomar"],
            "optional": False,
            "targets": [{"value": 2, "qualifier": "minst", "unit": "besök", "period": "månad"}],
        },
        {
            "text": "Tillsammans arbetar kommunen och polisen enligt EST.",
            "actors": [],
            "categories": ["samordning"],
            "optional": True,
            "targets": [],
        },
    ],
    "goals": [{"text": "Bostadsinbrotten ska fortsätta att minska.", "direction": "decrease"}],
    "follow_up": None,
}


def _record(**overrides):
    record = {
        "id": "r1",
        "source": {"path": "sub/003_x.pdf"},
        "doc_type": "lofte",
        "kommuner": [{"name": "Eslöv", "code": "1285"}],
        "years": [2017],
        "lokalpolisomrade": "Eslöv",
        "signed_date": "2017-02-15",
        "period": None,
        "signatories": [{"name": "anna-karin  boije", "title": "Lokalpolisområdeschef"}],
        "commitments": [
            {
                "text": "Två gemensamma trygghetsvandringar i Eslövs kommun.",
                "categories": ["trygghetsvandring"],
                "actors": ["polisen"],
                "targets": [{"value": 2.0, "period": None}],
            },
            {
                "text": "Minst två besök per månad på kommunens fritidsgårdar och skolor.",
                "categories": ["ungdomar"],
                "actors": [],
                "targets": [{"value": 2, "period": None}],
            },
        ],
        "goals": [{"text": "Bostadsinbrotten ska fortsätta att minska"}],
        "follow_up": None,
    }
    record.update(overrides)
    return record


def _write(tmp_path: Path, records: list[dict]) -> tuple[Path, Path]:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "003_x.json").write_text(json.dumps({"source": "003_x.txt", "documents": [GOLD_DOC]}))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return gold, path


def test_text_match_is_jaccard_or_containment():
    assert text_match("Två trygghetsvandringar", "två  trygghetsvandringar i Eslöv.") == 1.0
    assert text_match("a b c d", "a b x y") < 0.5
    assert text_match("a b c", "a b c d") == 1.0


def test_matched_document_scores_each_field(tmp_path):
    scores = evaluate(*_write(tmp_path, [_record()]))
    f = scores.fields
    assert f["doc_type"].accuracy == 1.0 and f["kommuner"].accuracy == 1.0
    assert (f["signatories"].tp, f["signatories"].fp, f["signatories"].fn) == (1, 0, 0)
    # the optional gold commitment is neither a miss nor a match here
    assert (f["commitments"].tp, f["commitments"].fp, f["commitments"].fn) == (2, 0, 0)
    # (2, None) vs gold (2, "månad") is a wrong period: one fp and one fn
    assert (f["targets"].tp, f["targets"].fp, f["targets"].fn) == (1, 1, 1)
    assert f["goals"].f1 == 1.0


def test_record_of_another_year_does_not_match_and_gold_counts_as_missed(tmp_path):
    scores = evaluate(*_write(tmp_path, [_record(years=[2016])]))
    assert scores.fields["documents"].fn == 1 and scores.fields["documents"].fp == 1
    assert scores.fields["commitments"].fn == 2
    assert scores.fields["doc_type"].accuracy == 0.0
    assert any("document not found" in miss for miss in scores.misses)


def test_evaluate_command_prints_json(tmp_path, capsys):
    gold, records = _write(tmp_path, [_record()])
    assert main(["evaluate", "--gold", str(gold), str(records), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert 0 < report["overall"] <= 1
    assert report["fields"]["targets"]["precision"] == 0.5


def test_broken_gold_file_is_named_and_the_rest_still_scored(tmp_path, capsys):
    gold, records = _write(tmp_path, [_record()])
    (gold / "004_y.json").write_text('{"source": "004_y.txt", "documents": [')
    (gold / "005_z.json").write_text(json.dumps({"source": "005_z.txt", "documents": [{}]}))
    assert main(["evaluate", "--gold", str(gold), str(records), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["gold_documents"] == 1
    assert "004_y.json: skipped, not JSON" in captured.err
    assert "005_z.json: skipped, document 0 has no 'doc_type'" in captured.err


def test_truncated_records_line_is_named_and_the_rest_still_scored(tmp_path, capsys):
    gold, records = _write(tmp_path, [_record()])
    with records.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "r2", "source": {"pa\n[1, 2]\n')
    scores = evaluate(gold, records)
    assert scores.fields["documents"].tp == 1
    assert scores.skipped == [
        f"{records}:2: skipped, not JSON (Unterminated string starting at, line 1)",
        f"{records}:3: skipped, a JSON array where an object belongs",
    ]


def test_run_folder_without_records_is_a_clear_error_not_a_traceback(tmp_path, capsys):
    gold, _ = _write(tmp_path, [])
    empty_run = tmp_path / "run"
    empty_run.mkdir()
    assert main(["evaluate", "--gold", str(gold), str(empty_run)]) == 2
    assert f"records not found: {empty_run}" in capsys.readouterr().err
    assert main(["evaluate", "--gold", str(gold), str(empty_run), "--outcomes"]) == 2
