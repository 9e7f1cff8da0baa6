"""Flat output files: records.jsonl, commitments.csv, errors.jsonl, texts/.

Every file is written atomically (temp file in the same folder, then rename) so an
interrupted run never leaves a half-written dataset behind.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..records import CommitmentRow, ErrorRow, NumericTarget, PromiseRecord, record_order
from .outset import file_mode

__all__ = [
    "COMMITMENT_COLUMNS",
    "atomic_write_bytes",
    "atomic_write_text",
    "FORMULA_STARTS",
    "commitment_rows",
    "errors_jsonl",
    "records_jsonl",
    "csv_cell",
    "write_commitments_csv",
    "write_errors",
    "write_records",
    "write_text",
]

COMMITMENT_COLUMNS = list(CommitmentRow.model_fields)
# Cell starts Excel, LibreOffice and Google Sheets read as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temp file and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())  # as any new file, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _jsonl(rows: Iterable[str]) -> str:
    return "".join(row + "\n" for row in rows)


def records_jsonl(records: Iterable[PromiseRecord]) -> str:
    """The text of records.jsonl: one record per line, sorted by id so two runs diff cleanly."""
    ordered = sorted(records, key=record_order)
    return _jsonl(r.model_dump_json() for r in ordered)


def errors_jsonl(errors: Iterable[ErrorRow]) -> str:
    """The text of errors.jsonl: one line per unusable file, sorted by path."""
    ordered = sorted(errors, key=lambda e: (e.path, e.stage, e.reason))
    return _jsonl(e.model_dump_json() for e in ordered)


def write_records(path: Path, records: Iterable[PromiseRecord]) -> None:
    """records.jsonl, sorted by id so two runs diff cleanly."""
    atomic_write_text(path, records_jsonl(records))


def write_errors(path: Path, errors: Iterable[ErrorRow]) -> None:
    """errors.jsonl, one line per unusable file, sorted by path."""
    atomic_write_text(path, errors_jsonl(errors))


def write_text(texts_dir: Path, sha256: str, text: str) -> None:
    """texts/<sha256>.txt: the normalized text evidence offsets point into."""
    atomic_write_text(texts_dir / f"{sha256}.txt", text)


def _parent(targets: list[NumericTarget], target: NumericTarget) -> NumericTarget | None:
    """The total a 'varav' target is part of, when its index points at another target."""
    index = target.part_of
    if index is None or index >= len(targets) or targets[index] is target:
        return None
    return targets[index]


def commitment_rows(record: PromiseRecord) -> Iterable[dict[str, object]]:
    """One row per target, or one per commitment without targets."""
    base = {
        "record_id": record.id,
        "kommun": ";".join(k.name for k in record.kommuner),
        "kommunkod": ";".join(k.code for k in record.kommuner),
        "years": ";".join(str(y) for y in record.years),
        "doc_type": record.doc_type,
        "source_path": record.source.path,
        "source_url": record.source.url or "",
    }
    for commitment in record.commitments:
        row = base | {
            "categories": ";".join(commitment.categories),
            "commitment": commitment.text,
            "strength": commitment.strength,
        }
        if not commitment.targets:
            yield row | {"page": commitment.evidence.page or ""}
        for target in commitment.targets:
            parent = _parent(commitment.targets, target)
            yield row | {
                "part_of": parent.text if parent else "",
                "value": target.value,
                "qualifier": target.qualifier,
                "unit": target.unit or "",
                "period": target.period or "",
                "target_text": target.text,
                "page": target.evidence.page or commitment.evidence.page or "",
            }


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with ' (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_commitments_csv(path: Path, records: Iterable[PromiseRecord]) -> None:
    """commitments.csv: plain UTF-8 (no BOM, which R and frictionless read as data); text
    cells starting like a formula are neutralised (see `csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COMMITMENT_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for record in sorted(records, key=record_order):
        writer.writerows(
            {k: csv_cell(v) for k, v in row.items()} for row in commitment_rows(record)
        )
    atomic_write_text(path, buffer.getvalue())
