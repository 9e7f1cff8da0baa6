"""Store stage: output files (JSONL, CSV, texts), SQLite, Datasette and datapackage metadata."""

from __future__ import annotations

from .dataset import write_dataset
from .files import write_commitments_csv, write_errors, write_records, write_text

__all__ = [
    "write_commitments_csv",
    "write_dataset",
    "write_errors",
    "write_records",
    "write_text",
]
