"""Outputs carried over from the previous run when they would come out the same.

A re-run over an unchanged corpus rebuilds the same records; writing the same SQLite file,
CSVs and texts again (each through a temp file, fsync and rename) would cost more than
reading every result from the cache. The dataset files depend only on the records and the
errors, so a digest of those, kept beside them as `dataset.sha256`, says whether the
previous files can be linked into the new output set unchanged; a text file is reused when
its content is the same.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import lru_cache
from pathlib import Path

from .. import __version__
from .files import atomic_write_text, write_text

__all__ = [
    "DATASET_DIGEST",
    "DATASET_FILES",
    "dataset_digest",
    "reuse_dataset",
    "write_digest",
    "write_texts",
]

DATASET_DIGEST = "dataset.sha256"
# Every file written from the records and errors alone (texts/ is handled per file).
DATASET_FILES = (
    "records.jsonl",
    "commitments.csv",
    "records.csv",
    "errors.jsonl",
    "outcomes.csv",
    "lofte.sqlite",
    "metadata.json",
    "datapackage.json",
)


_PACKAGE = Path(__file__).resolve().parent.parent
# The code the dataset files are written by: a change there rewrites them all.
_WRITER_CODE = ("store", "compare", "records.py", "datafiles.py")


@lru_cache(maxsize=1)
def _writer_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for name in _WRITER_CODE:
        root = _PACKAGE / name
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def dataset_digest(records_text: str, errors_text: str) -> str:
    """A digest of everything the dataset files are built from: records.jsonl and
    errors.jsonl as written, and the code that writes the rest."""
    digest = hashlib.sha256(_writer_fingerprint().encode())
    for text in (records_text, "\0", errors_text):
        digest.update(text.encode())
    return digest.hexdigest()


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)


def reuse_dataset(previous: Path, staging: Path, digest: str) -> bool:
    """Link the previous run's dataset files into `staging` when they were built from the
    same records and errors; False (nothing linked) otherwise."""
    recorded = previous / DATASET_DIGEST
    try:
        same = recorded.read_text(encoding="ascii").strip() == digest
    except OSError:
        return False
    if not same or not all((previous / name).is_file() for name in DATASET_FILES):
        return False
    for name in (*DATASET_FILES, DATASET_DIGEST):
        _link(previous / name, staging / name)
    return True


def write_digest(staging: Path, digest: str) -> None:
    """Record what the dataset files in `staging` were built from."""
    atomic_write_text(staging / DATASET_DIGEST, digest + "\n")


def write_texts(previous: Path, staging: Path, texts: dict[str, str]) -> None:
    """texts/<sha256>.txt for every source: linked from the previous run when the same."""
    for sha256, text in texts.items():
        old = previous / "texts" / f"{sha256}.txt"
        try:
            unchanged = old.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            unchanged = False
        if unchanged:
            _link(old, staging / "texts" / f"{sha256}.txt")
        else:
            write_text(staging / "texts", sha256, text)
