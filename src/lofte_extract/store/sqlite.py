"""OUT/lofte.sqlite: the records as related tables, for SQL, Datasette and joins with SCB data.

Every table has a stable primary key built from the record id and positions, and the
tables a researcher joins on (records, commitments, record_kommuner) carry `kommunkod`,
SCB's four-digit code, which Kolada and SCB's own tables use too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import sqlite_utils

from ..compare.units import unit_key
from ..records import Evidence, NumericTarget, PromiseRecord, Source, record_order
from .tables import TABLES

__all__ = ["record_rows", "write_sqlite"]


def _ev(evidence: Evidence | None, prefix: str = "evidence") -> dict[str, Any]:
    if evidence is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_page": None}
    return {
        f"{prefix}_start": evidence.start,
        f"{prefix}_end": evidence.end,
        f"{prefix}_page": evidence.page,
    }


def _source_id(source: Source) -> str:
    return f"{source.sha256}:{source.path}"


def _record_row(record: PromiseRecord) -> dict[str, Any]:
    first = record.kommuner[0] if record.kommuner else None
    follow = record.follow_up
    return {
        "id": record.id,
        "doc_type": record.doc_type,
        "title": record.title,
        "kommun": first.name if first else None,
        "kommunkod": first.code if first else None,
        "lokalpolisomrade": record.lokalpolisomrade,
        "years": list(record.years),
        "first_year": min(record.years) if record.years else None,
        "last_year": max(record.years) if record.years else None,
        "period_start": record.period.start if record.period else None,
        "period_end": record.period.end if record.period else None,
        "signed_date": record.signed_date,
        "source_id": _source_id(record.source),
        "source_sha256": record.source.sha256,
        "source_path": record.source.path,
        "source_url": record.source.url,
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
        rows["sources"].append(
            {
                "id": _source_id(source),
                "sha256": source.sha256,
                "path": source.path,
                "url": source.url,
                "format": source.format,
                "pages": source.pages,
            }
        )
        role = "source" if source is record.source else "also_in"
        rows["record_sources"].append(
            {"record_id": rid, "source_id": _source_id(source), "role": role}
        )
    for i, kommun in enumerate(record.kommuner):
        rows["kommuner"].append(
            {"kommunkod": kommun.code, "name": kommun.name, "lan_code": kommun.code[:2]}
        )
        rows["record_kommuner"].append(
            {
                "record_id": rid,
                "position": i,
                "kommunkod": kommun.code,
                "kommun": kommun.name,
                **_ev(kommun.evidence),
            }
        )
    rows["record_years"] += [{"record_id": rid, "year": y} for y in sorted(set(record.years))]
    for i, person in enumerate(record.signatories):
        rows["signatories"].append(
            {
                "id": f"{rid}:s{i}",
                "record_id": rid,
                "position": i,
                "name": person.name,
                "title": person.title,
                "organisation": person.organisation,
                **_ev(person.evidence),
            }
        )
    for i, commitment in enumerate(record.commitments):
        cid = f"{rid}:c{i}"
        rows["commitments"].append(
            {
                "id": cid,
                "record_id": rid,
                "position": i,
                "kommunkod": first_code,
                "text": commitment.text,
                "actors": list(commitment.actors),
                "categories": list(commitment.categories),
                "strength": commitment.strength,
                **_ev(commitment.evidence),
            }
        )
        rows["commitment_categories"] += [
            {"commitment_id": cid, "category": c} for c in dict.fromkeys(commitment.categories)
        ]
        for j, target in enumerate(commitment.targets):
            rows["targets"].append(
                {
                    "id": f"{cid}:t{j}",
                    "commitment_id": cid,
                    "record_id": rid,
                    "position": j,
                    "value": target.value,
                    "qualifier": target.qualifier,
                    "unit": target.unit,
                    "unit_key": unit_key(target.unit, commitment.text, commitment.categories)
                    or None,
                    "period": target.period,
                    "text": target.text,
                    "part_of": _part_of(cid, commitment.targets, j),
                    **_ev(target.evidence),
                }
            )
    for i, goal in enumerate(record.goals):
        rows["goals"].append(
            {
                "id": f"{rid}:g{i}",
                "record_id": rid,
                "position": i,
                "text": goal.text,
                "direction": goal.direction,
                **_ev(goal.evidence),
            }
        )
    for name, evidence in sorted(record.field_evidence.items()):
        rows["field_evidence"].append({"record_id": rid, "field": name, **_ev(evidence)})
    return rows


def _fill(db: sqlite_utils.Database, records: list[PromiseRecord]) -> None:
    for table in TABLES:
        db[table.name].create(
            {c.name: c.type for c in table.columns},
            pk=table.pk,
            foreign_keys=list(table.foreign_keys),
            not_null=set(),
        )
    collected: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
    for record in sorted(records, key=record_order):
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
