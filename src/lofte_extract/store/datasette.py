"""OUT/metadata.json: Datasette metadata describing every table and column.

`datasette OUT/lofte.sqlite -m OUT/metadata.json` then shows the descriptions; they are
generated from the pydantic models' Field descriptions so they never drift from records.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from .files import atomic_write_text
from .tables import DB_NAME, TABLES

__all__ = ["DATASET", "metadata", "write_metadata"]

DATASET = {
    "title": "Medborgarlöften: Swedish kommun-police citizen promises",
    "description": (
        "Medborgarlöften, the yearly joint promises of a Swedish kommun and its local police "
        "area, extracted from the published pages and signed PDFs by lofte-extract. Every "
        "value carries evidence offsets into the normalized source text; kommunkod (SCB) "
        "joins the tables with SCB and Kolada data."
    ),
    "license": "CC0-1.0 (extracted data); the source documents belong to their publishers",
    "license_url": "https://creativecommons.org/publicdomain/zero/1.0/",
    "source": "polisen.se and the kommuner's own websites",
    "source_url": "https://polisen.se/om-polisen/medborgarloften/",
    "about": f"lofte-extract {__version__}",
}


def metadata() -> dict[str, Any]:
    """Datasette metadata for lofte.sqlite, with a description of every column."""
    tables = {
        table.name: {
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        for table in TABLES
    }
    return {**DATASET, "databases": {Path(DB_NAME).stem: {**DATASET, "tables": tables}}}


def write_metadata(path: Path) -> None:
    """Write metadata.json atomically."""
    atomic_write_text(Path(path), json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n")
