"""The end-to-end run: files -> parse -> extract -> store. The CLI is a thin layer over `run`."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .collect.manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from .compare.dedupe import deduplicate
from .extract import NotAPromiseError, extract_records
from .index_pages import index_page_error
from .inputs import printable_path, screen
from .parse import ParseError, parse_bytes
from .parse.cuts import cut_note
from .records import ErrorRow, PromiseRecord, Source
from .store.dataset import write_dataset
from .store.files import write_commitments_csv, write_errors, write_records, write_text
from .store.outcomes import write_outcomes
from .store.outset import OutputSet
from .store.records_csv import write_records_csv
from .workers import WorkerPool

__all__ = [
    "FileResult", "RunSummary", "Task", "discover", "flag_duplicates", "process_file",
    "process_task", "run",
]

# Files the tool itself writes into a corpus folder; not documents.
_OWN_FILES = {MANIFEST_NAME, "errors.jsonl"}
# Imported once by the workers' fork server: spaCy loads before the workers fork.
_WORKER_PRELOAD = ["lofte_extract._preload"]


@dataclass
class FileResult:
    """What one file gave: records, or the error that stopped it, and its text."""

    path: str
    sha256: str | None = None
    text: str | None = None
    records: list[PromiseRecord] = field(default_factory=list)
    error: ErrorRow | None = None
    extract_seconds: float = 0.0


@dataclass(frozen=True)
class Task:
    """One file to process."""

    root: Path
    path: Path
    manifest: dict[str, ManifestEntry]

    @property
    def relative(self) -> str:
        """Path relative to the corpus root, as printable text."""
        return printable_path(self.path.relative_to(self.root).as_posix())[0]


@dataclass
class RunSummary:
    """Counts and timings of one run."""

    out_dir: Path
    files: int = 0
    records: int = 0
    failures: int = 0
    documents_extracted: int = 0
    extract_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def documents_per_second(self) -> float:
        """Extract-stage throughput (documents parsed and extracted per second)."""
        return self.documents_extracted / self.extract_seconds if self.extract_seconds else 0.0

    def line(self) -> str:
        """One-line summary for the end of a run."""
        return (
            f"read {self.files} files: {self.records} records, {self.failures} failed; "
            f"extract {self.documents_per_second:.1f} docs/s; "
            f"{self.seconds:.1f}s; output in {self.out_dir}"
        )


def discover(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(corpus root, file) for every document under the given files and folders, sorted."""
    for given in paths:
        if given.is_dir():
            # A broken or looping link is listed too, so it becomes an error row, not a silent skip.
            # FIFOs and device links too: each gets an error row (see `inputs.screen`).
            files = sorted(p for p in given.rglob("*") if not p.is_dir())
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


def process_file(root: Path, path: Path, manifest: dict[str, ManifestEntry]) -> FileResult:
    """Parse and extract one file; every failure becomes an `ErrorRow`, never an exception."""
    relative, name_warning = printable_path(path.relative_to(root).as_posix())
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
    source = source.model_copy(update={"format": doc.format, "pages": doc.pages,
                                       "ocr_pages": doc.ocr_pages})
    try:
        result.records = extract_records(doc, source)
    except NotAPromiseError as exc:
        notes = [str(exc) if str(exc) != NotAPromiseError.reason else None, cut_note(doc.warnings)]
        result.error = ErrorRow(path=relative, stage="extract", reason=NotAPromiseError.reason,
                                detail="; ".join(n for n in notes if n) or None)
    except Exception as exc:
        result.error = ErrorRow(path=relative, stage="extract", reason="extraction failed",
                                detail=f"{type(exc).__name__}: {exc}")
    # A hub page listing the promises is no promise itself (index_pages.py says why).
    result.error = result.error or index_page_error(result.records, doc, relative)
    if result.error is not None:
        result.records = []
    for record in result.records:
        record.warnings[:0] = doc.warnings + ([name_warning] if name_warning else [])
    result.extract_seconds = time.perf_counter() - started
    return result


def process_task(task: Task) -> FileResult:
    """`process_file` for one task; what each worker process runs."""
    return process_file(task.root, task.path, task.manifest)


def _task_failed(task: Task, reason: str) -> FileResult:
    """The error row of a file whose worker was killed (timeout, memory) or died."""
    return FileResult(task.relative, error=ErrorRow(path=task.relative, stage="parse",
                                                    reason=reason))


def run(
    paths: list[Path] | list[str],
    out_dir: Path | str = "out",
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = None,
    timeout: float = 120.0,
    follow_outside_links: bool = False,
) -> RunSummary:
    """Run the whole pipeline over files and folders and write the dataset into `out_dir`.

    `jobs` worker processes (default: one per core, at most 2) each handle a file under a
    `timeout` in seconds and a memory cap, even when there is one file; `jobs=0` runs in
    this process without either. Links out of the folders given are not read unless
    `follow_outside_links`. The outputs replace the previous ones in one step; an
    `OutputError` (an OSError) says why OUT cannot be used, before any file is read.
    """
    started = time.perf_counter()
    with OutputSet(out_dir) as output:
        summary = RunSummary(out_dir=Path(out_dir))
        results = _results(paths, progress, jobs, timeout, follow_outside_links)
        records, errors, texts = _gather(results, summary)
        merged = deduplicate(records)
        records = flag_duplicates(records, merged)
        with output.writing() as staging:
            _write(staging, records, merged, errors, texts)
        output.commit()
    summary.records = len(records)
    summary.failures = len(errors)
    summary.seconds = time.perf_counter() - started
    return summary


def _results(
    paths: list[Path] | list[str],
    progress: Callable[[int, int, str], None] | None,
    jobs: int | None,
    timeout: float,
    follow_outside_links: bool,
) -> Iterator[FileResult]:
    """Every file's result: screened-out files first, then the parsed ones as they finish."""
    found = list(discover([Path(p) for p in paths]))
    manifests = {root: read_manifest(root) for root in {root for root, _ in found}}
    tasks = []
    # A file named on the command line was chosen; only links found in folders are screened.
    chosen = {Path(p) for p in paths if not Path(p).is_dir()}
    for root, path in found:
        relative = printable_path(path.relative_to(root).as_posix())[0]
        refused = screen(root, path, relative, follow_outside_links or path in chosen)
        if refused is not None:
            yield FileResult(relative, error=refused)
        else:
            tasks.append(Task(root, path, manifests[root]))
    done = 0

    def on_start(task: Task) -> None:
        if progress is not None:
            progress(done, len(tasks), printable_path(task.path.name)[0])

    if jobs is None:
        jobs = min(2, os.cpu_count() or 1)
    if jobs == 0:
        results = (on_start(t) or process_task(t) for t in tasks)
    else:
        pool = WorkerPool(process_task, _task_failed, jobs, timeout, preload=_WORKER_PRELOAD)
        results = pool.map(tasks, on_start)
    for result in results:
        done += 1
        yield result
    if progress is not None:
        progress(done, len(tasks), "")


def _gather(
    results: Iterator[FileResult], summary: RunSummary
) -> tuple[list[PromiseRecord], list[ErrorRow], dict[str, str]]:
    records: list[PromiseRecord] = []
    errors: list[ErrorRow] = []
    texts: dict[str, str] = {}
    for result in results:
        summary.files += 1
        summary.extract_seconds += result.extract_seconds
        if result.text is not None and result.sha256:
            texts[result.sha256] = result.text
            summary.documents_extracted += 1
        records.extend(result.records)
        if result.error is not None:
            errors.append(result.error)
    return records, errors, texts


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
    write_records_csv(out_dir / "records.csv", records)
    write_errors(out_dir / "errors.jsonl", errors)
    write_outcomes(out_dir, merged, csv_only=True)  # before the datapackage that lists it
    # The published dataset merges a promise published twice into one record listing
    # every source; records.jsonl keeps one record per source document so that every
    # source stays traceable and scorable on its own.
    write_dataset(out_dir, merged)
    write_outcomes(out_dir, merged)
