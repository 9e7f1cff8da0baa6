"""Store stage: output files (JSONL, CSV, texts), SQLite, Datasette and datapackage metadata."""

from __future__ import annotations

from .files import write_commitments_csv, write_errors, write_records, write_text
from .sqlite import write_dataset

__all__ = [
    "write_commitments_csv",
    "write_dataset",
    "write_errors",
    "write_records",
    "write_text",
]
