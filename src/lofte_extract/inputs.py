"""Which files a run may read: names that are not UTF-8, links out of the corpus, FIFOs.

A national crawl lands on many file systems; a file name is whatever bytes the system
allowed, and a folder may hold links to system files or devices. None of them may stop
the run or leak a file from outside the folders given.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .records import ErrorRow

__all__ = ["NAME_WARNING", "outside_link", "printable_path", "screen", "special_file"]

NAME_WARNING = (
    "file name is not valid UTF-8: stored as {name!r}, each \\xNN standing for a raw byte"
)

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def printable_path(relative: str) -> tuple[str, str | None]:
    """`relative` as valid UTF-8 text, raw bytes written `\\xNN`, and a warning if changed.

    Python hands undecodable name bytes over as lone surrogates, which no JSON, CSV or
    SQLite writer accepts; the escape keeps every byte so the file can still be found.
    """
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        raw = relative.encode("utf-8", "surrogateescape")
        shown = raw.decode("utf-8", "backslashreplace")
        return shown, NAME_WARNING.format(name=shown)
    return relative, None


def outside_link(root: Path, path: Path) -> str | None:
    """Where `path` leads when it is a link resolving outside `root`, else None."""
    if not path.is_symlink():
        return None  # rglob does not descend into linked folders
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # broken or looping: the reader says so
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return str(target)
    return None


def special_file(path: Path) -> str | None:
    """What `path` is when it is no regular file that can be read (a FIFO blocks forever)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # vanished or a broken link: reading it gives the specific error
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None


def _folder_row(path: Path, relative: str) -> ErrorRow:
    """A folder listed among the files: a link to one (not followed), or one not listable."""
    if path.is_symlink():
        return ErrorRow(
            path=relative,
            stage="parse",
            reason="link to a folder",
            detail="not followed: give its target as a folder of its own to read it",
        )
    try:
        os.listdir(path)
        detail = "its files could not be listed"
    except OSError as exc:
        detail = f"its files are not read ({exc.strerror or exc})"
    return ErrorRow(path=relative, stage="parse", reason="unreadable folder", detail=detail)


def screen(root: Path, path: Path, relative: str, allow_outside: bool) -> ErrorRow | None:
    """An error row for a file the run must not open, else None."""
    if path.is_dir():
        return _folder_row(path, relative)
    if not allow_outside:
        target = outside_link(root, path)
        if target is not None:
            return ErrorRow(
                path=relative,
                stage="parse",
                reason="link points outside the corpus",
                detail=f"resolves to {printable_path(target)[0]}; not read "
                "(--follow-outside-links reads it)",
            )
    kind = special_file(path)
    if kind is not None:
        return ErrorRow(
            path=relative, stage="parse", reason="not a regular file", detail=f"{kind}; not read"
        )
    return None
