"""Result cache: what parse + extract gave for a file, reused while nothing it depends on changed.

A researcher re-runs the whole national corpus after every rule change; most runs change
nothing for most files. An entry is keyed by the file's sha256, its path, URL and charset
(they reach the record), the tool's version and a fingerprint of every source and data
file of the parse and extract stages, so any rule or vocabulary change recomputes
everything and a changed input recomputes only itself.

Entries are written to a temporary file and renamed into place, so a killed run leaves
either a whole entry or none; an entry that does not read back whole (a power cut, a
disk error) is treated as missing and recomputed, never served.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .records import ErrorRow, PromiseRecord
from .store.outset import file_mode

__all__ = ["CACHE_DIR_NAME", "CacheEntry", "ResultCache", "code_fingerprint", "entry_key"]

CACHE_DIR_NAME = ".cache"
# Bumped when the layout of an entry changes.
ENTRY_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
# What a file's result depends on: the parse and extract stages (code and data), the record
# models, and the per-file driver in pipeline.py.
_CODE_DIRS = ("parse", "extract")
_CODE_FILES = (
    "records.py",
    "pipeline.py",
    "cache.py",
    "results.py",
    "index_pages.py",
    "inputs.py",
    "datafiles.py",
)
# Errors that say something about this run, not about the file: never cached.
_TRANSIENT_DETAILS = ("MemoryError",)
# ... or about this machine: Tesseract missing, or too slow under the load of the moment.
_MACHINE_REASONS = ("OCR failed", "no text layer: needs OCR (install")


@dataclass
class CacheEntry:
    """A file's cached result: normalized text, records, or the error that stopped it."""

    text: str | None
    records: list[PromiseRecord] = field(default_factory=list)
    error: ErrorRow | None = None


def _code_files() -> list[Path]:
    files = [_PACKAGE / name for name in _CODE_FILES]
    for folder in _CODE_DIRS:
        files.extend(
            p
            for p in (_PACKAGE / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )
    return sorted(files)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over every source and data file a file's result depends on."""
    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def entry_key(sha256: str, path: str, url: str | None, charset: str | None) -> str:
    """The cache key of one input file under this version of the tool and its rules."""
    parts = [ENTRY_FORMAT, __version__, code_fingerprint(), sha256, path, url, charset]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def cacheable(error: ErrorRow | None) -> bool:
    """Whether a result is a property of the file (not of a run that ran out of memory, nor
    of a machine without Tesseract)."""
    return error is None or not (
        (error.detail or "").startswith(_TRANSIENT_DETAILS)
        or error.reason.startswith(_MACHINE_REASONS)
    )


class ResultCache:
    """Entries under `folder`, one JSON file per key."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        """The entry for `key`, or None when missing or not readable whole."""
        try:
            raw = json.loads(self._path(key).read_bytes())
            if raw.get("key") != key:
                return None
            return CacheEntry(
                text=raw["text"],
                records=[PromiseRecord.model_validate(r) for r in raw["records"]],
                error=ErrorRow.model_validate(raw["error"]) if raw["error"] else None,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError):
            return None

    def put(self, key: str, entry: CacheEntry) -> None:
        """Store an entry atomically; a cache that cannot be written only costs speed."""
        payload = {
            "key": key,
            "text": entry.text,
            "records": [r.model_dump(mode="json") for r in entry.records],
            "error": entry.error.model_dump(mode="json") if entry.error else None,
        }
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _replace(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return


def _replace(path: Path, data: bytes) -> None:
    # No fsync: the rename alone keeps a killed process from leaving half an entry, and an
    # entry a power cut garbles fails to read back and is recomputed.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, file_mode())  # tempfile makes 0600; entries follow the umask
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
