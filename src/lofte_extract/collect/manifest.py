"""The collect manifest: `corpus/manifest.jsonl`, one fetched file per line."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "MANIFEST_NAME",
    "BadLine",
    "ManifestEntry",
    "append_jsonl",
    "append_manifest",
    "manifest_lines",
    "read_manifest",
]

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
    also_urls: list[str] = Field(
        default_factory=list, description="Other URLs that served the same bytes."
    )
    etag: str | None = Field(None, description="ETag header; sent as If-None-Match by --refresh.")
    last_modified: str | None = Field(
        None, description="Last-Modified header; sent as If-Modified-Since by --refresh."
    )

    def validators(self) -> dict[str, str]:
        """Conditional request headers that ask the server whether the file changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class BadLine(NamedTuple):
    """A manifest line that is no entry, or (number None) a manifest that could not be read."""

    number: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{MANIFEST_NAME}:{self.number}" if self.number else MANIFEST_NAME
        return f"{where}: {self.reason}"


def read_manifest(
    corpus_dir: str | Path, bad: list[BadLine] | None = None
) -> dict[str, ManifestEntry]:
    """Entries by path; a missing manifest is empty, a bad line is skipped and, when `bad` is
    given, described there."""
    entries: dict[str, ManifestEntry] = {}
    for entry in manifest_lines(Path(corpus_dir), bad):
        if isinstance(entry, ManifestEntry):
            entries[entry.path] = entry  # later lines win: a re-fetch supersedes
    return entries


def manifest_lines(corpus_dir: Path, bad: list[BadLine] | None = None) -> list[ManifestEntry | str]:
    """Every line of the manifest in file order: an entry, or the raw text of a line that is
    none (kept so that rewriting the manifest never drops what a person may still repair)."""
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return []
    lines: list[ManifestEntry | str] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        if bad is None:
            raise  # a rewrite must not take an unread manifest for an empty one
        bad.append(BadLine(None, f"unreadable ({exc.strerror or exc})"))
        return []  # the files are still read, without their provenance
    text = data.decode("utf-8", errors="replace")  # one bad byte spoils one line
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append(ManifestEntry.model_validate(json.loads(line)))
        except (ValueError, TypeError) as exc:
            lines.append(line)
            if bad is not None:
                reason = str(exc).splitlines()[0][:120]
                bad.append(BadLine(number, f"not a manifest entry ({reason})"))
    return lines


def append_jsonl(path: Path, line: str) -> None:
    """Append one line with a single O_APPEND write, so readers never see half a line."""
    data = (line.rstrip("\n") + "\n").encode("utf-8")
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        end = os.lseek(fd, 0, os.SEEK_END)
        if end and os.pread(fd, 1, end - 1) != b"\n":
            data = b"\n" + data  # a file cut off mid-line keeps its bad line to itself
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def append_manifest(corpus_dir: str | Path, entry: ManifestEntry) -> None:
    """Append one entry to `corpus_dir/manifest.jsonl`."""
    # Every documented key on every line (null when unknown): readers need not guess.
    append_jsonl(Path(corpus_dir) / MANIFEST_NAME, entry.model_dump_json())
