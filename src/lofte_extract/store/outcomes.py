"""outcomes.csv and the `outcomes` table of lofte.sqlite: what follow-ups say was done."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import sqlite_utils

from ..compare.kept import KeptResult, build_kept
from ..records import PromiseRecord, record_order
from .files import atomic_write_text, csv_cell

__all__ = ["OUTCOME_COLUMNS", "outcome_rows", "write_outcomes"]

OUTCOME_COLUMNS = (
    "id",
    "followup_record_id",
    "position",
    "kommun",
    "years",
    "status",
    "achieved",
    "unit",
    "reason",
    "categories",
    "text",
    "evidence_start",
    "evidence_end",
    "evidence_page",
    "source_path",
    "promise_record_id",
    "commitment_id",
    "commitment",
    "alignment_score",
    "link_confidence",
    "link_reasons",
    "kept",
)
_FOREIGN_KEYS = [
    ("followup_record_id", "records", "id"),
    ("promise_record_id", "records", "id"),
    ("commitment_id", "commitments", "id"),
]


def _row(
    record: PromiseRecord, index: int, kept: KeptResult, by_id: dict[str, PromiseRecord]
) -> dict[str, Any]:
    outcome = record.outcomes[index]
    row: dict[str, Any] = {
        "id": f"{record.id}:o{index}",
        "followup_record_id": record.id,
        "position": index,
        "kommun": ";".join(k.name for k in record.kommuner),
        "years": ";".join(str(y) for y in record.years),
        "status": outcome.status,
        "achieved": outcome.achieved,
        "unit": outcome.unit,
        "reason": outcome.reason,
        "categories": ";".join(outcome.categories),
        "text": outcome.text,
        "evidence_start": outcome.evidence.start,
        "evidence_end": outcome.evidence.end,
        "evidence_page": outcome.evidence.page,
        "source_path": record.source.path,
    }
    alignment = kept.alignment_of(record.id, index)
    if alignment is not None:
        link = next(
            (
                lk
                for lk in kept.links
                if lk.followup_id == record.id and lk.promise_id == alignment.record_id
            ),
            None,
        )
        row.update(
            {
                "promise_record_id": alignment.record_id,
                "commitment_id": f"{alignment.record_id}:c{alignment.commitment_index}",
                "commitment": by_id[alignment.record_id]
                .commitments[alignment.commitment_index]
                .text,
                "alignment_score": alignment.score,
                "link_confidence": link.confidence if link else None,
                "link_reasons": "; ".join(link.reasons) if link else None,
                "kept": kept.kept.get((alignment.record_id, alignment.commitment_index)),
            }
        )
    return {c: row.get(c) for c in OUTCOME_COLUMNS}


def outcome_rows(records: list[PromiseRecord], kept: KeptResult | None = None) -> list[dict]:
    """One row per outcome, with the commitment it answers and that commitment's kept status."""
    kept = kept or build_kept(records)
    by_id = {r.id: r for r in records}
    return [
        _row(r, i, kept, by_id)
        for r in sorted(records, key=record_order)
        for i in range(len(r.outcomes))
    ]


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTCOME_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def write_outcomes(out_dir: Path, records: list[PromiseRecord], csv_only: bool = False) -> None:
    """OUT/outcomes.csv (atomically) and, unless `csv_only`, the lofte.sqlite `outcomes` table."""
    rows = outcome_rows(records)
    atomic_write_text(Path(out_dir) / "outcomes.csv", _csv(rows))
    if csv_only:
        return
    db = sqlite_utils.Database(Path(out_dir) / "lofte.sqlite")
    with db.conn:  # one transaction: the table appears whole or not at all
        types = {c: str for c in OUTCOME_COLUMNS}
        types.update(
            position=int,
            achieved=float,
            evidence_start=int,
            evidence_end=int,
            evidence_page=int,
            alignment_score=float,
            link_confidence=float,
        )
        db["outcomes"].create(types, pk="id", foreign_keys=_FOREIGN_KEYS, replace=True)
        db["outcomes"].insert_all(rows)
        for column, _, _ in _FOREIGN_KEYS:
            db["outcomes"].create_index([column], if_not_exists=True)
    db.close()
