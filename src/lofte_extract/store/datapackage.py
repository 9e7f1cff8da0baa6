"""OUT/datapackage.json: a Frictionless Data Package describing the CSV files.

Tools such as `frictionless validate`, R's `frictionless` and pandas readers take the
column types and descriptions from here instead of guessing.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, get_args

from .. import __version__
from ..records import (
    Category,
    Commitment,
    DocType,
    NumericTarget,
    PromiseRecord,
    RecordRow,
    Source,
    Strength,
)
from .datasette import DATASET
from .files import COMMITMENT_COLUMNS, atomic_write_text
from .tables import DB_NAME, TABLES

__all__ = [
    "COMMITMENT_FIELDS",
    "RECORD_FIELDS",
    "commitment_columns",
    "datapackage",
    "write_datapackage",
]

_LIST = "Several values are joined with ';'."


def _describe(model: type, field: str, extra: str = "") -> str:
    text = model.model_fields[field].description or ""
    return " ".join(part for part in (text, extra) if part)


def _target(field: str, note: str = "") -> str:
    return _describe(NumericTarget, field, note)


# Schema of each commitments.csv column: (type, description, constraints).
COMMITMENT_FIELDS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "record_id": (
        "string",
        "Id of the promise document (records.jsonl, lofte.sqlite).",
        {"required": True},
    ),
    "kommun": ("string", f"Kommun name as in SCB's list. {_LIST}", {}),
    "kommunkod": (
        "string",
        f"SCB kommunkod (four digits) for joins with SCB and Kolada. {_LIST}",
        {"pattern": r"\d{4}(;\d{4})*"},
    ),
    "years": ("string", f"Every year the promise covers. {_LIST}", {}),
    "doc_type": (
        "string",
        "lofte (the promise), uppfoljning (follow-up), nyhet (article), "
        "overenskommelse (agreement) or annat.",
        {"enum": list(get_args(DocType))},
    ),
    "categories": (
        "string",
        f"Codebook category keys ({', '.join(get_args(Category))}). {_LIST}",
        {},
    ),
    "commitment": ("string", "The commitment as written.", {}),
    "strength": ("string", _describe(Commitment, "strength"), {"enum": list(get_args(Strength))}),
    "value": (
        "number",
        "The number the commitment commits to; empty for a commitment without one.",
        {},
    ),
    "qualifier": ("string", _target("qualifier"), {"enum": ["minst", "högst", "cirka", "exakt"]}),
    "unit": ("string", _target("unit"), {}),
    "period": ("string", _target("period"), {}),
    "target_text": ("string", _target("text"), {}),
    "part_of": (
        "string",
        "target_text of the total this row is a subset of ('varav fyra'); "
        "empty otherwise. Never add such a row to its total.",
        {},
    ),
    "source_path": ("string", _describe(Source, "path"), {}),
    "source_url": ("string", _describe(Source, "url"), {}),
    "page": ("integer", "1-based PDF page of the evidence; empty for HTML and text.", {}),
}


# records.csv: one row per record (store/records_csv.py); descriptions from the model.
_COUNTS = ("commitments", "targets", "goals", "signatories")
RECORD_FIELDS: dict[str, tuple[str, str, dict[str, Any]]] = {
    name: (
        "integer" if name in _COUNTS else COMMITMENT_FIELDS.get(name, ("string",))[0],
        RecordRow.model_fields[name].description
        or COMMITMENT_FIELDS.get(name, ("", ""))[1]
        or _describe(PromiseRecord, name),
        COMMITMENT_FIELDS.get(name, ("", "", {}))[2] if name not in _COUNTS else {},
    )
    for name in RecordRow.model_fields
}


def commitment_columns(csv_path: Path | None = None) -> list[str]:
    """The commitments.csv columns: the file's own header when given, else the writer's list."""
    if csv_path is not None and csv_path.is_file():
        with csv_path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), None)
        if header:
            return header
    return list(COMMITMENT_COLUMNS)


def _field(
    name: str, fields: dict[str, tuple[str, str, dict[str, Any]]] | None = None
) -> dict[str, Any]:
    kind, description, constraints = (fields or COMMITMENT_FIELDS).get(name, ("string", "", {}))
    field: dict[str, Any] = {"name": name, "type": kind}
    if description:
        field["description"] = description
    if constraints:
        field["constraints"] = constraints
    return field


def _other_csv(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    return {"fields": [{"name": name, "type": "string"} for name in header], "missingValues": [""]}


def datapackage(out_dir: Path) -> dict[str, Any]:
    """The descriptor for the CSV files in (or about to be written to) `out_dir`."""
    out_dir = Path(out_dir)
    commitments = out_dir / "commitments.csv"
    resources = [
        {
            "name": "commitments",
            "path": "commitments.csv",
            "profile": "tabular-data-resource",
            "title": "Commitments",
            "description": "One row per numeric target, or one per commitment without targets.",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            "schema": {
                "fields": [_field(c) for c in commitment_columns(commitments)],
                "missingValues": [""],
            },
        }
    ]
    resources.append(
        {
            "name": "records",
            "path": "records.csv",
            "profile": "tabular-data-resource",
            "title": "Records",
            "description": "One row per promise document (record), with or without commitments.",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            "schema": {
                "fields": [_field(c, RECORD_FIELDS) for c in RECORD_FIELDS],
                "missingValues": [""],
            },
        }
    )
    for path in sorted(out_dir.glob("*.csv")):
        if path.name not in ("commitments.csv", "records.csv"):
            resources.append(
                {
                    "name": path.stem.lower().replace(" ", "-"),
                    "path": path.name,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "schema": _other_csv(path),
                }
            )
    return {
        "profile": "tabular-data-package",
        "name": "medborgarloften",
        "title": DATASET["title"],
        "description": DATASET["description"],
        "version": __version__,
        "licenses": [
            {
                "name": "CC0-1.0",
                "path": DATASET["license_url"],
                "title": "Creative Commons Zero v1.0 Universal",
            }
        ],
        "sources": [{"title": DATASET["source"], "path": DATASET["source_url"]}],
        "keywords": ["medborgarlöften", "polisen", "kommun", "brottsförebyggande"],
        "resources": resources,
        "x-sqlite": {"path": DB_NAME, "tables": [t.name for t in TABLES]},
    }


def write_datapackage(out_dir: Path) -> None:
    """Write OUT/datapackage.json atomically."""
    text = json.dumps(datapackage(out_dir), ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(Path(out_dir) / "datapackage.json", text)
