"""Issue 10, numbers and statuses: what a researcher adds up and compares must be right."""

from __future__ import annotations

import csv
import json
import sqlite3

from lofte_extract.cli import main
from lofte_extract.compare import compare_records, load_records, render


def _compare_json(out, *args: str, capsys) -> dict:
    assert main(["compare", str(out), "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _row(comparison: dict, kommun: str, category: str) -> dict:
    return next(
        r for r in comparison["rows"] if r["kommun"] == kommun and r["category"] == category
    )


def test_varav_subset_is_part_of_its_total_in_records(corpus_out):
    hoor = next(r for r in load_records(corpus_out) if r.kommuner[0].name == "Höör")
    traffic = next(c for c in hoor.commitments if "trafikinsatser" in c.text)
    total, subset = traffic.targets
    assert (total.value, total.qualifier, total.part_of) == (12, "minst", None)
    assert (subset.value, subset.part_of) == (4, 0)


def test_varav_subset_never_added_to_total_in_compare(corpus_out, capsys):
    row = _row(_compare_json(corpus_out, "--kommun", "Höör", capsys=capsys), "Höör", "trafik")
    cell = row["values"]["2019"]
    assert (cell["value"], cell["qualifier"]) == (12, "minst")
    assert [p["value"] for p in cell["parts"]] == [4]
    assert " | " not in cell["text"] and cell["text"].count("Minst tolv") == 1
    table = render(compare_records(load_records(corpus_out), kommuner=["Höör"]), "markdown")
    assert "minst 12 (varav 4)" in table and "16" not in table


def test_varav_subset_marked_in_commitments_csv(corpus_out):
    with (corpus_out / "commitments.csv").open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if "trafikinsatser" in r["unit"] and r["kommun"] == "Höör"
        ]
    assert [(r["value"], r["part_of"]) for r in rows] == [
        ("12", ""),
        ("4", "Minst tolv trafikinsatser"),
    ]


def test_varav_subset_marked_in_sqlite(corpus_out):
    db = sqlite3.connect(corpus_out / "lofte.sqlite")
    rows = db.execute(
        "select t.id, t.value, t.part_of, p.value from targets t "
        "left join targets p on p.id = t.part_of "
        "where t.unit = 'trafikinsatser' and t.record_id in "
        "(select id from records where title like 'Höör%') order by t.id"
    ).fetchall()
    assert [(r[1], r[3]) for r in rows] == [(12, None), (4, 12)]
    assert rows[1][2] == rows[0][0]


def test_dropped_not_claimed_from_a_news_item_without_commitments(corpus_out, capsys):
    comparison = _compare_json(corpus_out, "--kommun", "Svalöv", capsys=capsys)
    walks = _row(comparison, "Svalöv", "trygghetsvandring")
    assert walks["status"] == "unknown"
    assert {s["status"] for s in comparison["rows"]} == {"unknown"}
    news = next(
        r
        for r in load_records(corpus_out)
        if r.doc_type == "nyhet" and r.kommuner[0].name == "Svalöv"
    )
    assert walks["status_records"]["2022"] == [news.id]
    assert "nyhet" in walks["status_note"]


def test_every_status_names_the_records_it_was_computed_from(corpus_out, capsys):
    comparison = _compare_json(corpus_out, "--kommun", "Eslöv", capsys=capsys)
    ids = {r.id: r for r in load_records(corpus_out)}
    for row in comparison["rows"]:
        assert set(row["status_records"]) == {"2016", "2017"}, row
        for column, used in row["status_records"].items():
            assert all(int(column) in ids[i].years for i in used)
    assert main(["compare", str(corpus_out), "--kommun", "Eslöv", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("status,status_records")
    assert all(":" in line.rsplit(",", 1)[1] for line in lines[1:])
    assert main(["compare", str(corpus_out), "--kommun", "Eslöv"]) == 0
    assert "Eslöv: statuses from 2016" in capsys.readouterr().out
