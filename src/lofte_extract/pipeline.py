"""The end-to-end run: files -> parse -> extract -> store. The CLI is a thin layer over `run`."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cache import CACHE_DIR_NAME, CacheEntry, ResultCache, cacheable, entry_key
from .collect.manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from .compare.dedupe import deduplicate
from .parse import ParseError, parse_bytes
from .records import ErrorRow, PromiseRecord, Source
from .store.files import write_commitments_csv, write_errors, write_records, write_text
from .store.sqlite import write_dataset
from .workers import Task, WorkerPool

__all__ = ["FileResult", "RunSummary", "discover", "flag_duplicates", "process_file", "run"]

# Files the tool itself writes into a corpus folder; not documents.
_OWN_FILES = {MANIFEST_NAME, "errors.jsonl"}


@dataclass
class FileResult:
    """What one file gave: records, or the error that stopped it, and its text."""

    path: str
    sha256: str | None = None
    text: str | None = None
    records: list[PromiseRecord] = field(default_factory=list)
    error: ErrorRow | None = None
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0


@dataclass
class RunSummary:
    """Counts and timings of one run."""

    out_dir: Path
    files: int = 0
    records: int = 0
    failures: int = 0
    documents_extracted: int = 0
    cached: int = 0
    # Wall time of the parse + extract stage (first file handed out to last result back).
    extract_seconds: float = 0.0
    seconds: float = 0.0
    # Wall seconds per step of the run, and per-file parse / extract seconds summed.
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        """Extract-stage throughput: documents parsed and extracted per second of wall time."""
        return self.documents_extracted / self.extract_seconds if self.extract_seconds else 0.0

    def line(self) -> str:
        """One-line summary for the end of a run."""
        cached = f"{self.cached} from cache; " if self.cached else ""
        return (
            f"read {self.files} files: {self.records} records, {self.failures} failed; "
            f"{cached}extract {self.documents_per_second:.1f} docs/s; "
            f"{self.seconds:.1f}s; output in {self.out_dir}"
        )


def discover(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(corpus root, file) for every document under the given files and folders, sorted."""
    for given in paths:
        if given.is_dir():
            # A broken or looping link is listed too, so it becomes an error row, not a silent skip.
            files = sorted(p for p in given.rglob("*")
                           if p.is_file() or (p.is_symlink() and not p.exists()))
            for path in files:
                relative = path.relative_to(given)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if path.name in _OWN_FILES:
                    continue
                yield given, path
        else:
            yield given.parent, given


def _source(relative: str, data: bytes, entry: ManifestEntry | None) -> Source:
    return Source(
        path=relative,
        url=(entry.final_url or entry.url) if entry else None,
        sha256=hashlib.sha256(data).hexdigest(),
        format="txt",
    )


def process_file(
    root: Path,
    path: Path,
    manifest: dict[str, ManifestEntry],
    on_parsed: Callable[[], None] | None = None,
) -> FileResult:
    """Parse and extract one file; every failure becomes an `ErrorRow`, never an exception.

    `on_parsed` is called between the two stages (a worker tells its pool which one a
    timeout interrupted).
    """
    # Imported here, not at the top: the extract stage loads spaCy (seconds, hundreds of MB),
    # which a run served from the cache, and the parent of worker processes, never need.
    from .extract import NotAPromiseError, extract_records

    relative = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(relative, error=ErrorRow(path=relative, stage="parse",
                                                   reason="unreadable file", detail=str(exc)))
    if not data.strip():
        return FileResult(relative, error=ErrorRow(path=relative, stage="parse",
                                                   reason="empty file"))
    entry = manifest.get(relative)
    source = _source(relative, data, entry)
    result = FileResult(relative, sha256=source.sha256)
    started = time.perf_counter()
    try:
        doc = parse_bytes(data, path.name, charset=entry.charset if entry else None)
    except ParseError as exc:
        result.error = ErrorRow(path=relative, stage="parse", reason=exc.reason, detail=exc.detail)
        return result
    except Exception as exc:  # a parser bug must not stop the other files
        result.error = ErrorRow(path=relative, stage="parse", reason="parser failed",
                                detail=f"{type(exc).__name__}: {exc}")
        return result
    result.text = doc.text
    result.parse_seconds = time.perf_counter() - started
    if on_parsed is not None:
        on_parsed()
    started = time.perf_counter()
    source = source.model_copy(update={"format": doc.format, "pages": doc.pages})
    try:
        result.records = extract_records(doc, source)
    except NotAPromiseError as exc:
        result.error = ErrorRow(path=relative, stage="extract", reason=NotAPromiseError.reason,
                                detail=str(exc) if str(exc) != NotAPromiseError.reason else None)
    except Exception as exc:
        result.error = ErrorRow(path=relative, stage="extract", reason="extraction failed",
                                detail=f"{type(exc).__name__}: {exc}")
    for record in result.records:
        record.warnings[:0] = doc.warnings
    result.extract_seconds = time.perf_counter() - started
    return result


def run(
    paths: list[Path] | list[str],
    out_dir: Path | str = "out",
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = None,
    timeout: float = 120.0,
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
) -> RunSummary:
    """Run the whole pipeline over files and folders and write the dataset into `out_dir`.

    `jobs` worker processes (default: one per core, at most 2) each handle a file under a
    `timeout` in seconds; `jobs=0` runs in this process without a time limit. Results are
    cached under `cache_dir` (default `out_dir/.cache`) unless `use_cache` is false.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    found = list(discover([Path(p) for p in paths]))
    manifests = {root: read_manifest(root) for root in {root for root, _ in found}}
    tasks = [Task(root, path, manifests[root]) for root, path in found]
    cache = None
    if use_cache:
        cache = ResultCache(Path(cache_dir) if cache_dir else out_dir / CACHE_DIR_NAME)
    hits, misses, keys = _look_up(tasks, cache)
    summary = RunSummary(out_dir=out_dir, cached=len(hits))
    summary.stages["lookup"] = time.perf_counter() - started
    records: list[PromiseRecord] = []
    errors: list[ErrorRow] = []
    texts: dict[str, str] = {}
    done = 0
    per_file = {"parse": 0.0, "extract": 0.0}

    def on_start(task: Task) -> None:
        if progress is not None:
            progress(done, len(tasks), task.path.name)

    def take(result: FileResult) -> None:
        nonlocal done
        done += 1
        summary.files += 1
        per_file["parse"] += result.parse_seconds
        per_file["extract"] += result.extract_seconds
        if result.text is not None and result.sha256:
            texts[result.sha256] = result.text
        records.extend(result.records)
        if result.error is not None:
            errors.append(result.error)

    for result in hits:
        take(result)
    stage_started = time.perf_counter()
    for result in _compute(misses, jobs, timeout, on_start):
        take(result)
        summary.documents_extracted += result.text is not None
        if cache is not None:
            _remember(cache, keys, result)
    if misses:
        summary.extract_seconds = time.perf_counter() - stage_started
    if progress is not None:
        progress(done, len(tasks), "")
    summary.stages.update(work=summary.extract_seconds, parse_cpu=per_file["parse"],
                          extract_cpu=per_file["extract"])
    _finish(summary, out_dir, records, errors, texts)
    summary.seconds = time.perf_counter() - started
    return summary


def _finish(summary: RunSummary, out_dir: Path, records: list[PromiseRecord],
            errors: list[ErrorRow], texts: dict[str, str]) -> None:
    started = time.perf_counter()
    merged = deduplicate(records)
    records = flag_duplicates(records, merged)
    summary.stages["dedupe"] = time.perf_counter() - started
    _write(out_dir, records, merged, errors, texts)
    summary.stages["write"] = time.perf_counter() - started - summary.stages["dedupe"]
    summary.records = len(records)
    summary.failures = len(errors)


def _compute(
    tasks: list[Task], jobs: int | None, timeout: float, on_start: Callable[[Task], None]
) -> Iterator[FileResult]:
    """Parse and extract the tasks in this process (jobs=0) or in worker processes."""
    if jobs is None:
        jobs = min(2, os.cpu_count() or 1)
    if jobs == 0 or len(tasks) <= 1:
        return (on_start(t) or process_file(t.root, t.path, t.manifest) for t in tasks)
    return WorkerPool(jobs, timeout).map(tasks, on_start)


def _task_key(task: Task) -> tuple[str, str] | None:
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


def _look_up(
    tasks: list[Task], cache: ResultCache | None
) -> tuple[list[FileResult], list[Task], dict[str, list[tuple[str, str]]]]:
    """Results the cache holds; the tasks left to compute, with their keys by path."""
    if cache is None:
        return [], tasks, {}
    hits: list[FileResult] = []
    misses: list[Task] = []
    keys: dict[str, list[tuple[str, str]]] = {}
    for task in tasks:
        key = _task_key(task)
        entry = cache.get(key[1]) if key else None
        if entry is None:
            misses.append(task)
            if key:
                keys.setdefault(task.relative, []).append(key)
            continue
        hits.append(FileResult(task.relative, sha256=key[0], text=entry.text,
                               records=entry.records, error=entry.error))
    return hits, misses, keys


def _remember(
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


def flag_duplicates(
    records: list[PromiseRecord], merged: list[PromiseRecord]
) -> list[PromiseRecord]:
    """Per-source records, with the warnings deduplication found and a note on each copy
    that the dataset merged into another record."""
    by_id = {record.id: record for record in merged}
    kept_for: dict[str, str] = {}
    for record in merged:
        for other in record.also_in:
            kept_for.setdefault(other.sha256, record.id)
    flagged = []
    for record in records:
        kept = by_id.get(record.id)
        warnings = list(kept.warnings) if kept else list(record.warnings)
        if kept is None and record.source.sha256 in kept_for:
            warnings.append(f"same promise as record {kept_for[record.source.sha256]}; "
                            "merged into it in lofte.sqlite")
        flagged.append(record.model_copy(update={"warnings": warnings}))
    return flagged


def _write(
    out_dir: Path,
    records: list[PromiseRecord],
    merged: list[PromiseRecord],
    errors: list[ErrorRow],
    texts: dict[str, str],
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for sha256, text in texts.items():
        write_text(out_dir / "texts", sha256, text)
    write_records(out_dir / "records.jsonl", records)
    write_commitments_csv(out_dir / "commitments.csv", records)
    write_errors(out_dir / "errors.jsonl", errors)
    # The published dataset merges a promise published twice into one record listing
    # every source; records.jsonl keeps one record per source document so that every
    # source stays traceable and scorable on its own.
    write_dataset(out_dir, merged)
