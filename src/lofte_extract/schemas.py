"""JSON Schemas of the output rows, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .collect.manifest import ManifestEntry
from .records import CommitmentRow, ErrorRow, PromiseRecord, RecordRow
from .store.files import atomic_write_text

__all__ = ["SCHEMA_MODELS", "schema_texts", "write_schemas"]

# file name -> model: records.jsonl lines, errors.jsonl lines, commitments.csv and records.csv rows,
# corpus/manifest.jsonl lines.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "record.schema.json": PromiseRecord,
    "error.schema.json": ErrorRow,
    "commitment_row.schema.json": CommitmentRow,
    "record_row.schema.json": RecordRow,
    "manifest_entry.schema.json": ManifestEntry,
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, deterministic."""
    texts = {}
    for name, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://lofte-extract.invalid/schemas/{name}"
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return texts


def write_schemas(out_dir: Path | str) -> list[Path]:
    """Write every schema into `out_dir`; returns the paths written."""
    out = Path(out_dir)
    written = []
    for name, text in schema_texts().items():
        atomic_write_text(out / name, text)
        written.append(out / name)
    return written
