"""`lofte-extract compare` on a run's output folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_compare_records import all_seed_records, eslov_records

from lofte_extract.cli import main
from lofte_extract.store.files import write_records

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _out(tmp_path: Path, records) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    write_records(out / "records.jsonl", records)
    return out


def _eslov_rows(data: dict) -> dict[tuple[str, str | None], dict]:
    rows = {}
    for row in data["rows"]:
        key = (row["category"], row["unit"])
        assert key not in rows, f"duplicate row {key}"
        rows[key] = row
    return rows


def _check_eslov(data: dict) -> None:
    rows = _eslov_rows(data)
    insatser = rows[("trafik", "trafikinsatser")]
    assert insatser["values"]["2016"]["value"] == 2 and insatser["values"]["2017"]["value"] == 4
    assert insatser["status"] == "increased"
    kontroller = rows[("trafik", "trafikkontroller")]
    assert kontroller["values"]["2016"] is None and kontroller["values"]["2017"]["value"] == 30
    assert kontroller["status"] == "new"
    walks = [r for r in data["rows"] if r["category"] == "trygghetsvandring" and r["unit"]]
    assert [
        (r["values"]["2016"]["value"], r["values"]["2017"]["value"], r["status"]) for r in walks
    ] == [(2, 2, "unchanged")]
    dialog = [r for r in data["rows"] if r["category"] == "medborgardialog" and r["unit"]]
    assert [
        (r["values"]["2016"]["value"], r["values"]["2017"]["value"], r["status"]) for r in dialog
    ] == [(2, 2, "unchanged")]
    skola = [r for r in data["rows"] if r["category"] == "skola"]
    assert [r["status"] for r in skola] == ["new"]
    assert "utbildningsdag" in skola[0]["values"]["2017"]["text"]
    assert not [r for r in data["rows"] if r["status"] == "dropped"]


def _compare_eslov_json(out) -> int:
    """`compare` for Eslöv, 2016 against 2017, as JSON."""
    args = ["--kommun", "Eslöv", "--year", "2016", "--year", "2017", "--format", "json"]
    return main(["compare", str(out), *args])


def test_compare_json_on_eslov(tmp_path, capsys):
    out = _out(tmp_path, all_seed_records())
    code = _compare_eslov_json(out)
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["columns"] == ["2016", "2017"]
    for row in data["rows"]:
        assert set(row) >= {"kommun", "category", "unit", "values", "status"}
        for cell in row["values"].values():
            assert cell is None or set(cell) >= {"value", "qualifier", "text", "record_id"}
    _check_eslov(data)


def test_compare_table_csv_markdown_and_output_file(tmp_path, capsys):
    out = _out(tmp_path, eslov_records())
    assert main(["compare", str(out), "--kommun", "eslöv"]) == 0
    table = capsys.readouterr().out
    assert "trafikinsatser" in table and "increased" in table and "2016" in table
    target = tmp_path / "cmp.csv"
    assert main(["compare", str(out), "--format", "csv", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {r["status"] for r in rows} == {"increased", "new", "unchanged"}
    assert main(["compare", str(out), "--format", "markdown", "--category", "trafik"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count("\n| Eslöv | trafik |") == 2


def test_compare_reports_missing_output_folder(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nothing")]) == 2
    assert "no records.jsonl" in capsys.readouterr().err


def test_compare_skips_a_broken_line_and_goes_on(tmp_path, capsys):
    out = _out(tmp_path, eslov_records())
    with (out / "records.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "source": 3}\n')
    assert main(["compare", str(out), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "records.jsonl:3: skipped invalid record" in captured.err
    _check_eslov(json.loads(captured.out))


def test_compare_unknown_kommun_says_so(tmp_path, capsys):
    out = _out(tmp_path, eslov_records())
    assert main(["compare", str(out), "--kommun", "Lund"]) == 1
    assert "no kommun 'Lund'" in capsys.readouterr().err


def test_sample_corpus_eslov_2016_against_2017(tmp_path, capsys):
    """The issue's own example, through the whole pipeline on corpus/."""
    out = tmp_path / "run"
    assert main(["run", str(CORPUS), "-o", str(out), "-q", "-j", "0"]) == 0
    capsys.readouterr()
    code = _compare_eslov_json(out)
    data = json.loads(capsys.readouterr().out)
    assert code == 0, "no Eslöv commitments extracted from corpus/"
    _check_eslov(data)
