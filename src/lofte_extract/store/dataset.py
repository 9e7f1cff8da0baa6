"""The published dataset: OUT/lofte.sqlite with its Datasette metadata and datapackage."""

from __future__ import annotations

from pathlib import Path

from ..records import PromiseRecord
from .datapackage import write_datapackage
from .datasette import write_metadata
from .sqlite import write_sqlite
from .tables import DB_NAME

__all__ = ["write_dataset"]


def write_dataset(out_dir: Path, records: list[PromiseRecord]) -> None:
    """OUT/lofte.sqlite, OUT/metadata.json (Datasette) and OUT/datapackage.json."""
    out_dir = Path(out_dir)
    write_sqlite(out_dir / DB_NAME, records)
    write_metadata(out_dir / "metadata.json")
    write_datapackage(out_dir)
