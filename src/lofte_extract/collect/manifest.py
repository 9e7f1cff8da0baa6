"""The collect manifest: `corpus/manifest.jsonl`, one fetched file per line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MANIFEST_NAME", "ManifestEntry", "read_manifest"]

MANIFEST_NAME = "manifest.jsonl"


class ManifestEntry(BaseModel):
    """Provenance of one file in the corpus folder."""

    model_config = ConfigDict(extra="allow")

    url: str = Field(description="URL asked for.")
    final_url: str | None = Field(None, description="URL after redirects.")
    path: str = Field(description="File path relative to the corpus folder.")
    sha256: str | None = None
    content_type: str | None = None
    charset: str | None = Field(None, description="Charset from the HTTP Content-Type header.")
    status: int | None = None
    fetched_at: str | None = None
    size: int | None = None


def read_manifest(corpus_dir: str | Path) -> dict[str, ManifestEntry]:
    """Entries by path; a missing manifest is empty, a bad line is skipped."""
    path = Path(corpus_dir) / MANIFEST_NAME
    entries: dict[str, ManifestEntry] = {}
    if not path.is_file():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            entry = ManifestEntry.model_validate(json.loads(line))
        except (ValueError, TypeError):
            continue
        entries[entry.path] = entry  # later lines win: a re-fetch supersedes
    return entries
