"""OUT/records.csv: one row per record, so records without commitments are counted too.

commitments.csv has a row per target or commitment; a news item or promise from which no
commitment was read has none there, and counting kommuner from it would miss them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from ..records import PromiseRecord, RecordRow, record_order
from .files import atomic_write_text, csv_cell

__all__ = ["RECORD_COLUMNS", "record_row", "write_records_csv"]

RECORD_COLUMNS = list(RecordRow.model_fields)


def record_row(record: PromiseRecord) -> dict[str, object]:
    """The records.csv row of one record."""
    return {
        "record_id": record.id,
        "kommun": ";".join(k.name for k in record.kommuner),
        "kommunkod": ";".join(k.code for k in record.kommuner),
        "years": ";".join(str(y) for y in record.years),
        "doc_type": record.doc_type,
        "title": record.title or "",
        "commitments": len(record.commitments),
        "targets": sum(len(c.targets) for c in record.commitments),
        "goals": len(record.goals),
        "signatories": len(record.signatories),
        "source_path": record.source.path,
        "source_url": record.source.url or "",
    }


def write_records_csv(path: Path, records: Iterable[PromiseRecord]) -> None:
    """records.csv, sorted by record id, plain UTF-8 like commitments.csv."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=RECORD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {k: csv_cell(v) for k, v in record_row(r).items()}
        for r in sorted(records, key=record_order)
    )
    atomic_write_text(path, buffer.getvalue())
