"""The corpus folder: atomic file writes, sha256 dedup, manifest and error rows."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from ..records import ErrorRow
from .content import extension_for
from .fetch import PART_PREFIX, Download
from .manifest import (
    MANIFEST_NAME,
    BadLine,
    ManifestEntry,
    append_jsonl,
    append_manifest,
    manifest_lines,
)
from .urls import file_name

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["ERRORS_NAME", "Corpus", "CorpusBusy"]

ERRORS_NAME = "errors.jsonl"


class CorpusBusy(Exception):
    """Another collect is writing into this corpus folder."""


class Corpus:
    """A corpus folder being filled: knows which URLs and contents it already holds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        # Held while a collect writes into the folder: two at once rewrote each other's
        # manifest lines and deleted each other's downloads
        self._lock = _lock(root)
        self._by_sha: dict[str, ManifestEntry] = {}
        self._by_url: dict[str, ManifestEntry] = {}
        # Lines that are no entry: described for the caller, never dropped (see _forget)
        self.bad_lines: list[BadLine] = []
        for entry in manifest_lines(root, self.bad_lines):
            if isinstance(entry, ManifestEntry):
                self._index(entry)

    def _index(self, entry: ManifestEntry) -> None:
        if entry.sha256:
            self._by_sha[entry.sha256] = entry
        for url in (entry.url, entry.final_url, *entry.also_urls):
            if url:
                self._by_url[url] = entry

    def known(self, url: str) -> ManifestEntry | None:
        """The entry of a file already fetched from `url`, if its file is still there."""
        entry = self._by_url.get(url)
        if entry is not None and (self.root / entry.path).is_file():
            return entry
        return None

    def add(self, download: Download) -> tuple[ManifestEntry, bool]:
        """Move a download into place and record it; True when it is new content."""
        same = self._by_sha.get(download.sha256)
        if same is not None and (self.root / same.path).is_file():
            download.tmp_path.unlink(missing_ok=True)
            if download.url in (same.url, same.final_url, *same.also_urls):
                if (same.etag, same.last_modified) == (download.etag, download.last_modified):
                    return same, False  # a refresh found the same bytes: nothing to record
                entry = same.model_copy(
                    update={
                        "fetched_at": _now(),
                        "etag": download.etag,
                        "last_modified": download.last_modified,
                    }
                )
            else:
                entry = same.model_copy(update={"also_urls": [*same.also_urls, download.url]})
            append_manifest(self.root, entry)
            self._index(entry)
            return entry, False
        name = file_name(download.url, extension_for(download.kind))
        # A refresh may replace this file's bytes: older hashes no longer describe it.
        replaced = any(e.path == name for e in self._by_sha.values())
        self._by_sha = {sha: e for sha, e in self._by_sha.items() if e.path != name}
        os.replace(download.tmp_path, self.root / name)  # atomic: no half file under the name
        entry = ManifestEntry(
            url=download.url,
            final_url=download.final_url,
            path=name,
            sha256=download.sha256,
            content_type=download.content_type or None,
            charset=download.charset,
            status=download.status,
            fetched_at=_now(),
            size=download.size,
            etag=download.etag,
            last_modified=download.last_modified,
        )
        if replaced:
            self._forget(name)
        append_manifest(self.root, entry)
        self._index(entry)
        return entry, True

    def _forget(self, name: str) -> None:
        """Drop the manifest lines of a file whose bytes were just replaced."""
        path = self.root / MANIFEST_NAME
        kept = [
            line if isinstance(line, str) else line.model_dump_json()
            for line in manifest_lines(self.root)
            if isinstance(line, str) or line.path != name
        ]
        tmp = path.with_name(PART_PREFIX + MANIFEST_NAME)
        tmp.write_text("".join(f"{line}\n" for line in kept), "utf-8")
        os.replace(tmp, path)
        self._by_url = {url: e for url, e in self._by_url.items() if e.path != name}

    def error(self, row: ErrorRow) -> None:
        """Append an error row to `errors.jsonl`."""
        append_jsonl(self.root / ERRORS_NAME, row.model_dump_json(exclude_none=True))

    def compact_errors(self) -> None:
        """Keep the latest collect row per URL, and none for URLs the manifest now holds."""
        path = self.root / ERRORS_NAME
        if not path.is_file():
            return
        others: list[str] = []
        latest: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                url = row["path"] if row.get("stage") == "collect" else None
            except (ValueError, TypeError, KeyError, AttributeError):
                url = None  # not a row this compaction knows: kept as it is
            if url is None:
                others.append(line)
            elif self.known(url) is None:
                latest.pop(url, None)
                latest[url] = line
        tmp = path.with_name(PART_PREFIX + ERRORS_NAME)
        tmp.write_text("".join(f"{line}\n" for line in [*others, *latest.values()]), "utf-8")
        os.replace(tmp, path)

    def close(self) -> None:
        """Let another collect write into the folder."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def clean_partials(self) -> None:
        """Delete temp files a timed-out download may have left behind."""
        for tmp in self.root.glob(PART_PREFIX + "*"):
            tmp.unlink(missing_ok=True)


def _lock(folder: Path) -> int | None:
    """An exclusive lock on the folder itself (no lock file left behind), held until the
    descriptor is closed."""
    if fcntl is None:  # no flock here (Windows): run one collect per folder at a time
        return None
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise CorpusBusy(
            f"another collect is writing into {folder}; wait for it to finish"
        ) from None
    return fd


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
