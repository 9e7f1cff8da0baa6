"""Read a run's records back from OUT/records.jsonl."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from ..records import PromiseRecord

__all__ = ["RecordsNotFound", "load_records", "records_path"]


class RecordsNotFound(Exception):
    """The given path holds no records.jsonl."""


def records_path(out: Path) -> Path:
    """OUT/records.jsonl for a run folder, or the file itself."""
    path = out / "records.jsonl" if out.is_dir() else out
    if not path.is_file():
        raise RecordsNotFound(f"no records.jsonl in {out} (run `lofte-extract CORPUS -o {out}`)")
    return path


def load_records(out: Path, stderr: TextIO | None = None) -> list[PromiseRecord]:
    """Every valid record; a bad line is reported with its number and skipped."""
    stderr = stderr or sys.stderr
    path = records_path(out)
    records = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(PromiseRecord.model_validate_json(line))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ())) or "line"
                print(
                    f"{path}:{number}: skipped invalid record ({where}: {first['msg']})",
                    file=stderr,
                )
    return records
