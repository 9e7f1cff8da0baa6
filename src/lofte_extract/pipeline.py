"""The end-to-end run: files -> parse -> extract -> store. The CLI is a thin layer over `run`."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .cache import CACHE_DIR_NAME, ResultCache
from .collect.manifest import MANIFEST_NAME, BadLine, ManifestEntry, read_manifest
from .compare.dedupe import deduplicate
from .index_pages import index_page_error
from .inputs import printable_path, screen
from .parse import ParseError, parse_bytes
from .parse.cuts import cut_note
from .parse.encoding import decoding_note
from .records import ErrorRow, PromiseRecord, Source
from .results import FileResult, RunSummary, Task
from .run_cache import look_up, remember
from .store.dataset import write_dataset
from .store.files import (
    atomic_write_text,
    errors_jsonl,
    records_jsonl,
    write_commitments_csv,
)
from .store.outcomes import write_outcomes
from .store.outset import OutputError, OutputSet
from .store.records_csv import write_records_csv
from .store.reuse import dataset_digest, reuse_dataset, write_digest, write_texts
from .workers import WorkerPool

__all__ = [
    "FileResult",
    "RunSummary",
    "Task",
    "discover",
    "flag_duplicates",
    "process_file",
    "process_task",
    "run",
]

# Files the tool itself writes into a corpus folder; not documents.
_OWN_FILES = {MANIFEST_NAME, "errors.jsonl"}
# Imported once by the workers' fork server: spaCy loads before the workers fork.
_WORKER_PRELOAD = ["lofte_extract._preload"]


def discover(paths: list[Path], skip: Path | None = None) -> Iterator[tuple[Path, Path]]:
    """(corpus root, file) for every document under the given files and folders, sorted,
    each file once, none under `skip` (an output folder kept inside the corpus)."""
    seen: set[Path] = set()
    for given, path in _walk(paths):
        where = path.absolute()
        if where in seen or (skip is not None and where.is_relative_to(skip)):
            continue  # a file named twice is read once; our own outputs are not input
        seen.add(where)
        yield given, path


def _walk(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    for given in paths:
        if given.is_dir():
            for path in _folder_files(given):
                if path.name not in _OWN_FILES:
                    yield given, path
        else:
            yield given.parent, given


def _folder_files(folder: Path) -> list[Path]:
    """Every file under a folder, sorted, hidden ones left out. A broken or looping link, a
    FIFO, a link to a folder and a folder that cannot be listed are listed too, so each
    becomes an error row (see `inputs.screen`), not a silent skip."""
    found: list[Path] = []

    def unlisted(error: OSError) -> None:
        if error.filename:
            found.append(Path(error.filename))

    for where, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(where, name) for name in folders if Path(where, name).is_symlink())
        found.extend(Path(where, name) for name in files if not name.startswith("."))
    return sorted(found)


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

    relative, name_warning = printable_path(path.relative_to(root).as_posix())
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(
            relative,
            error=ErrorRow(path=relative, stage="parse", reason="unreadable file", detail=str(exc)),
        )
    except MemoryError:  # with --jobs 0 no worker's memory cap turns this into a row first
        return FileResult(
            relative,
            error=ErrorRow(
                path=relative, stage="parse", reason="out of memory", detail="MemoryError"
            ),
        )
    if not data.strip():
        return FileResult(
            relative, error=ErrorRow(path=relative, stage="parse", reason="empty file")
        )
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
        result.error = ErrorRow(
            path=relative,
            stage="parse",
            reason="parser failed",
            detail=f"{type(exc).__name__}: {exc}",
        )
        return result
    result.text = doc.text
    result.parse_seconds = time.perf_counter() - started
    if on_parsed is not None:
        on_parsed()
    started = time.perf_counter()
    source = source.model_copy(
        update={"format": doc.format, "pages": doc.pages, "ocr_pages": doc.ocr_pages}
    )
    try:
        result.records = extract_records(doc, source)
    except NotAPromiseError as exc:
        notes = [
            str(exc) if str(exc) != NotAPromiseError.reason else None,
            cut_note(doc.warnings),
            decoding_note(doc.warnings),  # 'not a promise' may be the decoder's doing
        ]
        result.error = ErrorRow(
            path=relative,
            stage="extract",
            reason=NotAPromiseError.reason,
            detail="; ".join(n for n in notes if n) or None,
        )
    except Exception as exc:
        result.error = ErrorRow(
            path=relative,
            stage="extract",
            reason="extraction failed",
            detail=f"{type(exc).__name__}: {exc}",
        )
    # A hub page listing the promises is no promise itself (index_pages.py says why).
    result.error = result.error or index_page_error(result.records, doc, relative)
    if result.error is not None:
        result.records = []
    for record in result.records:
        record.warnings[:0] = doc.warnings + ([name_warning] if name_warning else [])
    result.extract_seconds = time.perf_counter() - started
    return result


def process_task(task: Task, note: Callable[[str], None] | None = None) -> FileResult:
    """`process_file` for one task; what each worker process runs. `note("extract")` tells
    the pool that parsing is done, so a timeout names the stage it hit."""
    on_parsed = (lambda: note("extract")) if note is not None else None
    return process_file(task.root, task.path, task.manifest, on_parsed=on_parsed)


def _task_failed(task: Task, reason: str, stage: str | None) -> FileResult:
    """The error row of a file whose worker was killed (timeout, memory) or died."""
    return FileResult(
        task.relative, error=ErrorRow(path=task.relative, stage=stage or "parse", reason=reason)
    )


def run(
    paths: list[Path] | list[str],
    out_dir: Path | str = "out",
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = None,
    timeout: float = 120.0,
    follow_outside_links: bool = False,
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
) -> RunSummary:
    """Run the whole pipeline over files and folders and write the dataset into `out_dir`.

    `jobs` worker processes (default: one per core, at most 2) each handle a file under a
    `timeout` in seconds and a memory cap, even when there is one file; `jobs=0` runs in
    this process without either. Links out of the folders given are not read unless
    `follow_outside_links`. The outputs replace the previous ones in one step; an
    `OutputError` (an OSError) says why OUT cannot be used, before any file is read.
    Results are cached under `cache_dir` (default `out_dir/.cache`) unless `use_cache` is
    false.
    """
    started = time.perf_counter()
    if any(Path(p).is_dir() and Path(p).resolve() == Path(out_dir).resolve() for p in paths):
        # its outputs would replace the corpus's own files of the same names
        raise OutputError(f"{out_dir} is the corpus folder itself: give another output folder")
    cache = None
    if use_cache:
        cache = ResultCache(Path(cache_dir) if cache_dir else Path(out_dir) / CACHE_DIR_NAME)
    with OutputSet(out_dir) as output:
        summary = RunSummary(out_dir=Path(out_dir))
        results = _results(
            paths, progress, _Work(jobs, timeout, cache), follow_outside_links, summary
        )
        records, errors, texts = _gather(results, summary)
        step = time.perf_counter()
        merged = deduplicate(records)
        records = flag_duplicates(records, merged)
        summary.stages["dedupe"] = time.perf_counter() - step
        step = time.perf_counter()
        with output.writing() as staging:
            _write(staging, output.out, (records, merged, errors), texts)
        output.commit()
        summary.stages["write"] = time.perf_counter() - step
    summary.records = len(records)
    summary.failures = len(errors)
    counts = Counter(error.reason for error in errors)
    summary.failure_reasons = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(frozen=True)
class _Work:
    """How the files are computed: worker processes, their time limit, the result cache."""

    jobs: int | None
    timeout: float
    cache: ResultCache | None


def _results(
    paths: list[Path] | list[str],
    progress: Callable[[int, int, str], None] | None,
    work: _Work,
    follow_outside_links: bool,
    summary: RunSummary,
) -> Iterator[FileResult]:
    """Every file's result: screened-out files first, then cached ones, then the parsed ones
    as they finish."""
    looking = time.perf_counter()
    found = list(discover([Path(p) for p in paths], skip=summary.out_dir.absolute()))
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for root in {root for root, _ in found}:
        bad: list[BadLine] = []
        manifests[root] = read_manifest(root, bad)
        for line in bad:
            # the file stays in the run, without the provenance its line held
            row = ErrorRow(
                path=MANIFEST_NAME,
                stage="collect",
                reason="bad manifest line" if line.number else "unreadable manifest",
                detail=f"line {line.number}: {line.reason}" if line.number else line.reason,
            )
            yield FileResult(MANIFEST_NAME, error=row)
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
    hits, misses, keys = look_up(tasks, work.cache)
    summary.cached = len(hits)
    summary.stages["lookup"] = time.perf_counter() - looking
    yield from hits
    done = len(hits)

    def on_start(task: Task) -> None:
        if progress is not None:
            progress(done, len(tasks), printable_path(task.path.name)[0])

    stage_started = time.perf_counter()
    for result in _compute(misses, work, on_start):
        done += 1
        summary.documents_extracted += result.text is not None
        if work.cache is not None:
            remember(work.cache, keys, result)
        yield result
    if misses:  # wall time of the parse + extract stage, not per-file times added up
        summary.extract_seconds = time.perf_counter() - stage_started
    if progress is not None:
        progress(done, len(tasks), "")


def _compute(
    tasks: list[Task], work: _Work, on_start: Callable[[Task], None]
) -> Iterator[FileResult]:
    """Parse and extract the tasks in this process (jobs=0) or in worker processes, where
    even a single file gets the time limit and memory cap."""
    jobs = min(2, os.cpu_count() or 1) if work.jobs is None else work.jobs
    if jobs == 0:
        return (on_start(t) or process_task(t) for t in tasks)
    pool = WorkerPool(process_task, _task_failed, jobs, work.timeout, preload=_WORKER_PRELOAD)
    return pool.map(tasks, on_start)


def _gather(
    results: Iterator[FileResult], summary: RunSummary
) -> tuple[list[PromiseRecord], list[ErrorRow], dict[str, str]]:
    records: list[PromiseRecord] = []
    errors: list[ErrorRow] = []
    texts: dict[str, str] = {}
    per_file = {"parse_cpu": 0.0, "extract_cpu": 0.0}
    for result in results:
        summary.files += 1
        per_file["parse_cpu"] += result.parse_seconds
        per_file["extract_cpu"] += result.extract_seconds
        if result.text is not None and result.sha256:
            texts[result.sha256] = result.text
        records.extend(result.records)
        if result.error is not None:
            errors.append(result.error)
    summary.stages.update(work=summary.extract_seconds, **per_file)
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
            warnings.append(
                f"same promise as record {kept_for[record.source.sha256]}; "
                "merged into it in lofte.sqlite"
            )
        flagged.append(record.model_copy(update={"warnings": warnings}))
    return flagged


def _write(
    out_dir: Path,
    previous: Path,
    dataset: tuple[list[PromiseRecord], list[PromiseRecord], list[ErrorRow]],
    texts: dict[str, str],
) -> None:
    """The output set into `out_dir`; what comes out as the `previous` set has it is linked."""
    records, merged, errors = dataset
    out_dir.mkdir(parents=True, exist_ok=True)
    write_texts(previous, out_dir, texts)
    records_text, errors_text = records_jsonl(records), errors_jsonl(errors)
    digest = dataset_digest(records_text, errors_text)
    if reuse_dataset(previous, out_dir, digest):
        return
    atomic_write_text(out_dir / "records.jsonl", records_text)
    write_commitments_csv(out_dir / "commitments.csv", records)
    write_records_csv(out_dir / "records.csv", records)
    atomic_write_text(out_dir / "errors.jsonl", errors_text)
    write_outcomes(out_dir, merged, csv_only=True)  # before the datapackage that lists it
    # The published dataset merges a promise published twice into one record listing
    # every source; records.jsonl keeps one record per source document so that every
    # source stays traceable and scorable on its own.
    write_dataset(out_dir, merged)
    write_outcomes(out_dir, merged)
    write_digest(out_dir, digest)
