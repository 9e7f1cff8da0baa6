"""The output folder as one set: locked while a run works, switched in one step when done.

records.jsonl, commitments.csv, lofte.sqlite and texts/ describe the same run only if
they are replaced together. A run writes them into a staging folder beside OUT and then
exchanges the two folders in one rename (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere
two renames, so OUT is at worst briefly absent, never mixed). A kill, a full disk or
Ctrl-C before that leaves the previous set untouched.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

__all__ = ["OUTPUT_NAMES", "OutputError", "OutputSet", "file_mode"]

# What a run writes; anything else in OUT (a report, a cache) is carried over as it is.
OUTPUT_NAMES = frozenset(
    {
        "records.jsonl",
        "commitments.csv",
        "errors.jsonl",
        "texts",
        "lofte.sqlite",
        "metadata.json",
        "datapackage.json",
        "records.csv",
        "outcomes.csv",
        "dataset.sha256",
    }
)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(OSError):
    """The output folder cannot be used: locked, unwritable, or the disk filled up."""


def file_mode(folder: bool = False) -> int:
    """The mode a new file (or folder) gets under the process umask; tempfile makes 0600."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _carry(old: Path, new: Path) -> None:
    """Hard-link (or copy) what OUT holds beside the run's own files into the new set."""
    for entry in old.iterdir():
        if entry.name in OUTPUT_NAMES or (new / entry.name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / entry.name, symlinks=True)
            continue
        try:
            os.link(entry, new / entry.name, follow_symlinks=False)
        except OSError:
            shutil.copy2(entry, new / entry.name, follow_symlinks=False)


class OutputSet:
    """`with OutputSet(out) as output:` write into `output.staging`, then `commit()`."""

    def __init__(self, out_dir: Path | str) -> None:
        out = Path(out_dir)
        self.out = out.resolve() if out.is_symlink() else out.absolute()
        self.staging: Path = self.out
        self._lock: int | None = None
        self._committed = False

    def __enter__(self) -> OutputSet:
        """Check OUT is usable and take its lock, before any work is done."""
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"{self.out} exists and is not a folder")
        if self.out.is_dir() and not self.out.stat().st_mode & stat.S_IWUSR:
            # the swap would replace it with a writable folder: a read-only one says 'keep'
            raise OutputError(f"{self.out} is read-only: make it writable or give another one")
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._take_lock()
            for stale in self.out.parent.glob(f".{self.out.name}.staging-*"):
                # left by a run killed outright; the lock says none is in use now
                shutil.rmtree(stale, ignore_errors=True)
            self.staging = Path(
                tempfile.mkdtemp(prefix=f".{self.out.name}.staging-", dir=self.out.parent)
            )
            os.chmod(self.staging, file_mode(folder=True))
        except OutputError:
            self._release()
            raise
        except OSError as exc:
            self._release()
            raise OutputError(f"cannot write to {self.out.parent}: {exc.strerror or exc}") from exc
        return self

    def _take_lock(self) -> None:
        path = self.out.parent / f".{self.out.name}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise OutputError(
                f"another lofte-extract run (pid {holder or '?'}) is writing to "
                f"{self.out}; wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock = fd

    def commit(self) -> None:
        """Switch the staged set in for the old one in one step."""
        try:
            if self.out.is_dir():
                _carry(self.out, self.staging)
                if not _exchange(self.staging, self.out):
                    old = self.out.with_name(self.staging.name + "-old")
                    os.rename(self.out, old)
                    os.rename(self.staging, self.out)
                    self.staging = old
            else:
                os.rename(self.staging, self.out)
            self._committed = True
        except OSError as exc:
            raise OutputError(f"could not switch in the new outputs: {exc}") from exc

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing drops the flock
            self._lock = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Remove the staging folder (or the old set after a commit) and unlock."""
        if self.staging != self.out and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        self._release()

    @contextmanager
    def writing(self) -> Iterator[Path]:
        """The staging folder to write into; a full disk or SQLite failure is an OutputError."""
        try:
            yield self.staging
        except (OSError, sqlite3.Error) as exc:
            if isinstance(exc, OutputError):
                raise
            raise OutputError(
                f"could not write the outputs ({exc}); previous outputs kept"
            ) from exc
