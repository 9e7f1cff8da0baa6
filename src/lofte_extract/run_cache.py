"""The result cache in a run: which files it can serve, and storing what was computed."""

from __future__ import annotations

import hashlib

from .cache import CacheEntry, ResultCache, cacheable, entry_key
from .results import FileResult, Task

__all__ = ["look_up", "remember", "task_key"]


def task_key(task: Task) -> tuple[str, str] | None:
    """(file sha256, cache key) of a task; None when the file cannot be read."""
    try:
        # Streamed: the parent runs without the workers' memory limit, and a file may be huge.
        with task.path.open("rb") as handle:
            sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    entry = task.manifest.get(task.relative)
    url = (entry.final_url or entry.url) if entry else None
    return sha256, entry_key(sha256, task.relative, url, entry.charset if entry else None)


def look_up(
    tasks: list[Task], cache: ResultCache | None
) -> tuple[list[FileResult], list[Task], dict[str, list[tuple[str, str]]]]:
    """Results the cache holds; the tasks left to compute, with their keys by path."""
    if cache is None:
        return [], tasks, {}
    hits: list[FileResult] = []
    misses: list[Task] = []
    keys: dict[str, list[tuple[str, str]]] = {}
    for task in tasks:
        key = task_key(task)
        entry = cache.get(key[1]) if key else None
        if entry is None:
            misses.append(task)
            if key:
                keys.setdefault(task.relative, []).append(key)
            continue
        hits.append(
            FileResult(
                task.relative,
                sha256=key[0],
                text=entry.text,
                records=entry.records,
                error=entry.error,
            )
        )
    return hits, misses, keys


def remember(
    cache: ResultCache, keys: dict[str, list[tuple[str, str]]], result: FileResult
) -> None:
    """Cache a computed result when it is the file's own, not a timeout or a crash."""
    candidates = keys.get(result.path, [])
    # Two corpus folders may hold the same relative path; a result that cannot be told
    # apart from the other one's is not cached (and neither is a file that changed since).
    if len(candidates) != 1 or candidates[0][0] != result.sha256:
        return
    if not cacheable(result.error):
        return
    cache.put(candidates[0][1], CacheEntry(result.text, result.records, result.error))
