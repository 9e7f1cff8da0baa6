"""OUT/lofte.sqlite: the records as related tables, for SQL, Datasette and joins with SCB data.

Every table has a stable primary key built from the record id and positions, and the
tables a researcher joins on (records, commitments, record_kommuner) carry `kommunkod`,
SCB's four-digit code, which Kolada and SCB's own tables use too.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import BaseModel

from ..compare.units import unit_key
from ..records import (
    Commitment,
    Evidence,
    FollowUp,
    Goal,
    Kommun,
    NumericTarget,
    Period,
    PromiseRecord,
    Signatory,
    Source,
)

__all__ = ["DB_NAME", "TABLES", "Column", "Table", "record_rows", "write_dataset", "write_sqlite"]

DB_NAME = "lofte.sqlite"


@dataclass(frozen=True)
class Column:
    """A column, the model field it holds (for its description) and its SQLite type."""

    name: str
    type: type
    model: type[BaseModel] | None = None
    field: str | None = None
    note: str = ""

    @property
    def description(self) -> str:
        """The pydantic Field description, else the note, else the model's docstring."""
        if self.model is not None and self.field is not None:
            info = self.model.model_fields[self.field]
            if info.description:
                return info.description + (f" {self.note}" if self.note else "")
            if self.note:
                return self.note
            doc = (self.model.__doc__ or "").strip().splitlines()[0]
            return f"{self.field} of {self.model.__name__}: {doc}"
        return self.note


@dataclass(frozen=True)
class Table:
    """A table: description, columns, primary key, foreign keys (column, table, column)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()


def _evidence(prefix: str = "evidence") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_start", int, Evidence, "start"),
        Column(f"{prefix}_end", int, Evidence, "end"),
        Column(f"{prefix}_page", int, Evidence, "page"),
    )


_RECORD = Column("record_id", str, note="The record (promise document) this row belongs to.")
_POSITION = Column("position", int, note="0-based order within the record, as in records.jsonl.")
_KOMMUNKOD = Column("kommunkod", str, Kommun, "code",
                    note="Joins with SCB and Kolada (first kommun when several).")

TABLES: tuple[Table, ...] = (
    Table("kommuner", "Kommuner named by at least one record.", (
        Column("kommunkod", str, Kommun, "code"),
        Column("name", str, Kommun, "name"),
        Column("lan_code", str, note="Two-digit SCB länskod: the first two digits of kommunkod."),
    ), "kommunkod"),
    Table("sources", "Files records were read from.", (
        Column("id", str, note="Stable id: <sha256>:<path>."),
        Column("sha256", str, Source, "sha256"),
        Column("path", str, Source, "path"),
        Column("url", str, Source, "url"),
        Column("format", str, Source, "format"),
        Column("pages", int, Source, "pages"),
    ), "id"),
    Table("records", "One row per promise document (a page may hold several).", (
        Column("id", str, PromiseRecord, "id"),
        Column("doc_type", str, PromiseRecord, "doc_type",
               note="lofte, uppfoljning, nyhet, overenskommelse or annat."),
        Column("title", str, PromiseRecord, "title", note="Heading of the promise document."),
        Column("kommun", str, Kommun, "name", note="(First kommun when several.)"),
        _KOMMUNKOD,
        Column("lokalpolisomrade", str, PromiseRecord, "lokalpolisomrade",
               note="Local police area, as written."),
        Column("years", str, PromiseRecord, "years",
               note="JSON list of every year the promise covers."),
        Column("first_year", int, note="Earliest year the promise covers."),
        Column("last_year", int, note="Latest year the promise covers."),
        Column("period_start", str, Period, "start"),
        Column("period_end", str, Period, "end"),
        Column("signed_date", str, PromiseRecord, "signed_date"),
        Column("source_id", str, note="The file the record was read from (sources.id)."),
        Column("source_sha256", str, Source, "sha256"),
        Column("source_path", str, Source, "path"),
        Column("source_url", str, Source, "url"),
        Column("follow_up_frequency", str, FollowUp, "frequency",
               note="How often the promise is followed up."),
        Column("follow_up_deadline", str, FollowUp, "deadline"),
        Column("follow_up_text", str, FollowUp, "text", note="Words the follow-up was read from."),
        *_evidence("follow_up_evidence"),
        Column("warnings", str, PromiseRecord, "warnings",
               note="JSON list of things a reader should check (e.g. differing duplicates)."),
    ), "id", (("kommunkod", "kommuner", "kommunkod"), ("source_id", "sources", "id"))),
    Table("record_kommuner", "Every kommun each record names.", (
        _RECORD, _POSITION, Column("kommunkod", str, Kommun, "code"),
        Column("kommun", str, Kommun, "name"), *_evidence(),
    ), ("record_id", "kommunkod"),
        (("record_id", "records", "id"), ("kommunkod", "kommuner", "kommunkod"))),
    Table("record_years", "Every year each record covers (2022-2023 gives two rows).", (
        _RECORD, Column("year", int, note="A year the promise covers."),
    ), ("record_id", "year"), (("record_id", "records", "id"),)),
    Table("record_sources", "The file a record was read from and every other file publishing "
          "the same promise (also_in).", (
        _RECORD, Column("source_id", str, note="The file (sources.id)."),
        Column("role", str, note="'source' for the file read, 'also_in' for other copies."),
    ), ("record_id", "source_id"),
        (("record_id", "records", "id"), ("source_id", "sources", "id"))),
    Table("signatories", "People who sign a promise.", (
        Column("id", str, note="Stable id: <record_id>:s<position>."),
        _RECORD, _POSITION,
        Column("name", str, Signatory, "name", note="Full name as written."),
        Column("title", str, Signatory, "title"),
        Column("organisation", str, Signatory, "organisation", note="polisen, kommun or annan."),
        *_evidence(),
    ), "id", (("record_id", "records", "id"),)),
    Table("commitments", "Concrete promises and activities.", (
        Column("id", str, note="Stable id: <record_id>:c<position>."),
        _RECORD, _POSITION, _KOMMUNKOD,
        Column("text", str, Commitment, "text", note="The commitment as written."),
        Column("actors", str, Commitment, "actors", note="(JSON list.)"),
        Column("categories", str, Commitment, "categories", note="(JSON list.)"),
        Column("strength", str, Commitment, "strength"),
        *_evidence(),
    ), "id", (("record_id", "records", "id"), ("kommunkod", "kommuner", "kommunkod"))),
    Table("commitment_categories", "One row per commitment and codebook category.", (
        Column("commitment_id", str, note="The commitment."),
        Column("category", str, note="Codebook key (shared/gold/CODEBOOK.md)."),
    ), ("commitment_id", "category"), (("commitment_id", "commitments", "id"),)),
    Table("targets", "Numbers a commitment commits to.", (
        Column("id", str, note="Stable id: <commitment_id>:t<position>."),
        Column("commitment_id", str, note="The commitment the target belongs to."),
        _RECORD, _POSITION,
        # INTEGER affinity keeps 2 an integer and 2.5 a real, as in records.jsonl.
        Column("value", int, NumericTarget, "value", note="The number."),
        Column("qualifier", str, NumericTarget, "qualifier"),
        Column("unit", str, NumericTarget, "unit"),
        Column("unit_key", str, note="The unit normalised for comparisons ('medborgardialog' for "
               "'tillfällen för gemensam medborgardialog' and 'medborgardialoger')."),
        Column("period", str, NumericTarget, "period"),
        Column("text", str, NumericTarget, "text"),
        Column("part_of", str, note="Id of the target this one is a subset of ('varav fyra'); "
               "never add it to that total."),
        *_evidence(),
    ), "id", (("commitment_id", "commitments", "id"), ("record_id", "records", "id"),
              ("part_of", "targets", "id"))),
    Table("goals", "Outcome goals ('Bostadsinbrotten ska minska').", (
        Column("id", str, note="Stable id: <record_id>:g<position>."),
        _RECORD, _POSITION,
        Column("text", str, Goal, "text", note="The goal as written."),
        Column("direction", str, Goal, "direction", note="increase, decrease, maintain or null."),
        *_evidence(),
    ), "id", (("record_id", "records", "id"),)),
    Table("field_evidence", "Where each scalar field of a record was read.", (
        _RECORD, Column("field", str, note="title, years, period, signed_date, "
                        "lokalpolisomrade or doc_type."),
        *_evidence(),
    ), ("record_id", "field"), (("record_id", "records", "id"),)),
)


def _ev(evidence: Evidence | None, prefix: str = "evidence") -> dict[str, Any]:
    if evidence is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_page": None}
    return {f"{prefix}_start": evidence.start, f"{prefix}_end": evidence.end,
            f"{prefix}_page": evidence.page}


def _source_id(source: Source) -> str:
    return f"{source.sha256}:{source.path}"


def _record_row(record: PromiseRecord) -> dict[str, Any]:
    first = record.kommuner[0] if record.kommuner else None
    follow = record.follow_up
    return {
        "id": record.id, "doc_type": record.doc_type, "title": record.title,
        "kommun": first.name if first else None, "kommunkod": first.code if first else None,
        "lokalpolisomrade": record.lokalpolisomrade, "years": list(record.years),
        "first_year": min(record.years) if record.years else None,
        "last_year": max(record.years) if record.years else None,
        "period_start": record.period.start if record.period else None,
        "period_end": record.period.end if record.period else None,
        "signed_date": record.signed_date, "source_id": _source_id(record.source),
        "source_sha256": record.source.sha256,
        "source_path": record.source.path, "source_url": record.source.url,
        "follow_up_frequency": follow.frequency if follow else None,
        "follow_up_deadline": follow.deadline if follow else None,
        "follow_up_text": follow.text if follow else None,
        **_ev(follow.evidence if follow else None, "follow_up_evidence"),
        "warnings": list(record.warnings),
    }


def _part_of(commitment_id: str, targets: list[NumericTarget], position: int) -> str | None:
    """Id of the total a 'varav' target is part of, when its index points at another target."""
    index = targets[position].part_of
    if index is None or index >= len(targets) or index == position:
        return None
    return f"{commitment_id}:t{index}"


def record_rows(record: PromiseRecord) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table from one record."""
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
    rid = record.id
    first_code = record.kommuner[0].code if record.kommuner else None
    rows["records"].append(_record_row(record))
    for source in [record.source, *record.also_in]:
        rows["sources"].append({"id": _source_id(source), "sha256": source.sha256,
                                "path": source.path, "url": source.url,
                                "format": source.format, "pages": source.pages})
        role = "source" if source is record.source else "also_in"
        rows["record_sources"].append({"record_id": rid, "source_id": _source_id(source),
                                       "role": role})
    for i, kommun in enumerate(record.kommuner):
        rows["kommuner"].append({"kommunkod": kommun.code, "name": kommun.name,
                                 "lan_code": kommun.code[:2]})
        rows["record_kommuner"].append({"record_id": rid, "position": i, "kommunkod": kommun.code,
                                        "kommun": kommun.name, **_ev(kommun.evidence)})
    rows["record_years"] += [{"record_id": rid, "year": y} for y in sorted(set(record.years))]
    for i, person in enumerate(record.signatories):
        rows["signatories"].append({"id": f"{rid}:s{i}", "record_id": rid, "position": i,
                                    "name": person.name, "title": person.title,
                                    "organisation": person.organisation, **_ev(person.evidence)})
    for i, commitment in enumerate(record.commitments):
        cid = f"{rid}:c{i}"
        rows["commitments"].append({
            "id": cid, "record_id": rid, "position": i, "kommunkod": first_code,
            "text": commitment.text, "actors": list(commitment.actors),
            "categories": list(commitment.categories), "strength": commitment.strength,
            **_ev(commitment.evidence)})
        rows["commitment_categories"] += [{"commitment_id": cid, "category": c}
                                          for c in dict.fromkeys(commitment.categories)]
        for j, target in enumerate(commitment.targets):
            rows["targets"].append({
                "id": f"{cid}:t{j}", "commitment_id": cid, "record_id": rid, "position": j,
                "value": target.value, "qualifier": target.qualifier, "unit": target.unit,
                "unit_key": unit_key(target.unit, commitment.text, commitment.categories) or None,
                "period": target.period, "text": target.text,
                "part_of": _part_of(cid, commitment.targets, j), **_ev(target.evidence)})
    for i, goal in enumerate(record.goals):
        rows["goals"].append({"id": f"{rid}:g{i}", "record_id": rid, "position": i,
                              "text": goal.text, "direction": goal.direction, **_ev(goal.evidence)})
    for name, evidence in sorted(record.field_evidence.items()):
        rows["field_evidence"].append({"record_id": rid, "field": name, **_ev(evidence)})
    return rows


def _fill(db: sqlite_utils.Database, records: list[PromiseRecord]) -> None:
    for table in TABLES:
        db[table.name].create(
            {c.name: c.type for c in table.columns}, pk=table.pk,
            foreign_keys=list(table.foreign_keys), not_null=set(),
        )
    collected: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
    for record in sorted(records, key=lambda r: r.id):
        for name, rows in record_rows(record).items():
            collected[name] += rows
    for table in TABLES:
        # Kommuner and sources recur across records: the first row of each key wins.
        db[table.name].insert_all(collected[table.name], ignore=True)
        for column, _, _ in table.foreign_keys:
            db[table.name].create_index([column], if_not_exists=True)


def write_sqlite(path: Path, records: list[PromiseRecord]) -> None:
    """Write the records into a fresh SQLite file at `path`, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        with db.conn:
            _fill(db, records)
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_dataset(out_dir: Path, records: list[PromiseRecord]) -> None:
    """OUT/lofte.sqlite, OUT/metadata.json (Datasette) and OUT/datapackage.json."""
    from .datapackage import write_datapackage
    from .datasette import write_metadata

    out_dir = Path(out_dir)
    write_sqlite(out_dir / DB_NAME, records)
    write_metadata(out_dir / "metadata.json")
    write_datapackage(out_dir)
