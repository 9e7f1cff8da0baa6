"""lofte.sqlite, metadata.json, datapackage.json: the dataset for SQL, Datasette, Frictionless."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3

import pytest
import sqlite_utils
from test_compare_records import all_seed_records

from lofte_extract.compare.dedupe import deduplicate
from lofte_extract.store.dataset import write_dataset
from lofte_extract.store.files import write_commitments_csv, write_records
from lofte_extract.store.tables import TABLES


def _dataset(tmp_path, records=None):
    records = records if records is not None else all_seed_records()
    out = tmp_path / "out"
    write_records(out / "records.jsonl", records)
    write_commitments_csv(out / "commitments.csv", records)
    write_dataset(out, records)
    return out, records


def test_tables_hold_the_same_content_as_records_jsonl(tmp_path):
    out, _ = _dataset(tmp_path)
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    db = sqlite_utils.Database(out / "lofte.sqlite")
    assert db["records"].count == len(records) == 6
    assert db["commitments"].count == sum(len(r["commitments"]) for r in records)
    assert db["targets"].count == sum(len(c["targets"]) for r in records for c in r["commitments"])
    assert db["signatories"].count == sum(len(r["signatories"]) for r in records)
    assert db["goals"].count == sum(len(r["goals"]) for r in records)
    for record in records:
        row = db["records"].get(record["id"])
        assert json.loads(row["years"]) == record["years"]
        assert row["signed_date"] == record["signed_date"]
        assert row["kommunkod"] == record["kommuner"][0]["code"]
        texts = [
            r["text"]
            for r in db["commitments"].rows_where(
                "record_id = ?", [record["id"]], order_by="position"
            )
        ]
        assert texts == [c["text"] for c in record["commitments"]]
        targets = [
            (r["value"], r["qualifier"], r["unit"], r["period"])
            for r in db["targets"].rows_where("record_id = ?", [record["id"]], order_by="id")
        ]
        assert sorted(targets, key=str) == sorted(
            [
                (t["value"], t["qualifier"], t["unit"], t["period"])
                for c in record["commitments"]
                for t in c["targets"]
            ],
            key=str,
        )
        names = [
            r["name"]
            for r in db["signatories"].rows_where(
                "record_id = ?", [record["id"]], order_by="position"
            )
        ]
        assert names == [s["name"] for s in record["signatories"]]


def test_foreign_keys_hold_and_kommunkod_joins(tmp_path):
    out, _ = _dataset(tmp_path)
    conn = sqlite3.connect(out / "lofte.sqlite")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    eslov = conn.execute(
        "SELECT t.value, t.unit_key, y.year FROM targets t JOIN commitments c ON c.id = "
        "t.commitment_id JOIN record_years y ON y.record_id = t.record_id "
        "WHERE c.kommunkod = '1285' AND t.unit_key = 'trafikinsats' ORDER BY y.year"
    ).fetchall()
    assert eslov == [(2, "trafikinsats", 2016), (4, "trafikinsats", 2017)]
    # Svalöv's 2022-2023 promise is one record with two years.
    assert conn.execute(
        "SELECT count(*) FROM record_years y JOIN records r ON r.id = y.record_id"
        " WHERE r.kommunkod = '1214'"
    ).fetchone() == (3,)
    tables = {t.name for t in TABLES}
    db = sqlite_utils.Database(conn)
    for table in ("records", "signatories", "commitments", "targets", "goals"):
        assert table in tables
    assert {fk.other_table for fk in db["targets"].foreign_keys} == {
        "commitments",
        "records",
        "targets",
    }


def test_ids_are_stable_and_rewrite_replaces_atomically(tmp_path):
    out, records = _dataset(tmp_path)
    first = [r["id"] for r in sqlite_utils.Database(out / "lofte.sqlite")["targets"].rows]
    write_dataset(out, list(reversed(records)))
    second = [r["id"] for r in sqlite_utils.Database(out / "lofte.sqlite")["targets"].rows]
    assert first == second
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_also_in_sources_are_listed(tmp_path):
    records = all_seed_records()
    mirror = records[0].model_copy(deep=True, update={"id": "mirror"})
    mirror.source = mirror.source.model_copy(update={"sha256": "f" * 64, "path": "kommun.html"})
    merged = deduplicate(records + [mirror])
    out, _ = _dataset(tmp_path, merged)
    db = sqlite_utils.Database(out / "lofte.sqlite")
    roles = {(r["source_id"], r["role"]) for r in db["record_sources"].rows}
    assert ("f" * 64 + ":kommun.html", "also_in") in roles
    assert db["sources"].get("f" * 64 + ":kommun.html")["path"] == "kommun.html"


def test_metadata_describes_every_column(tmp_path):
    out, _ = _dataset(tmp_path)
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    for key in ("title", "description", "license", "source"):
        assert meta[key]
    described = meta["databases"]["lofte"]["tables"]
    db = sqlite_utils.Database(out / "lofte.sqlite")
    assert set(described) == set(db.table_names())
    for table in db.tables:
        columns = described[table.name]["columns"]
        assert set(columns) == {c.name for c in table.columns}
        assert all(columns.values()), f"undescribed column in {table.name}"
    # Taken from the pydantic Field descriptions, not written twice.
    assert described["targets"]["columns"]["period"].startswith("What the count is per")


def test_datasette_serves_the_dataset(tmp_path):
    app = pytest.importorskip(
        "datasette.app", reason="datasette not installed (pip install datasette)"
    )
    Datasette = app.Datasette

    out, _ = _dataset(tmp_path)
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    ds = Datasette([str(out / "lofte.sqlite")], metadata=meta)

    async def fetch():
        table = await ds.client.get("/lofte/commitments.json?_shape=array&kommunkod=1285")
        page = await ds.client.get("/lofte/targets")
        return table, page

    table, page = asyncio.run(fetch())
    assert table.status_code == 200
    assert len(table.json()) == 11  # Eslöv 2017 and 2016
    assert "The counted thing as written" in page.text


def test_datapackage_describes_commitments_csv(tmp_path):
    out, _ = _dataset(tmp_path)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resource = next(r for r in package["resources"] if r["path"] == "commitments.csv")
    fields = resource["schema"]["fields"]
    with (out / "commitments.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert [f["name"] for f in fields] == reader.fieldnames
        rows = list(reader)
    assert rows and all(f.get("description") for f in fields)
    cast = {"number": float, "integer": int, "string": str}
    for row in rows:
        for field in fields:
            value = row[field["name"]]
            if value in resource["schema"]["missingValues"]:
                continue
            cast[field["type"]](value)
            enum = field.get("constraints", {}).get("enum")
            assert enum is None or value in enum, (field["name"], value)
