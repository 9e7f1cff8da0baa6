"""Worker processes that parse and extract files, each file under a time and memory limit.

A hostile file (a PDF that makes pdfminer loop, a decompression bomb) must cost one
error row, not the run: each worker is a separate process the run can kill and replace.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .collect.manifest import ManifestEntry
from .inputs import printable_path
from .records import ErrorRow
from .results import FileResult

__all__ = ["Task", "WorkerPool"]

# Sent by a worker when a file is parsed and extraction begins, so a timeout names its stage.
_PARSED = "parsed"


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


def _serve(conn: Connection, memory_bytes: int | None) -> None:
    from .pipeline import process_file

    # Ctrl-C is the parent's to handle: it stops the pool and keeps the old outputs.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the run ended (or was interrupted) without a goodbye
            return
        if task is None:
            return
        try:
            conn.send(process_file(task.root, task.path, task.manifest,
                                   on_parsed=lambda: conn.send(_PARSED)))
        except MemoryError:
            conn.send(None)


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, memory_bytes: int | None):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_bytes), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0
        self.stage = "parse"

    def give(self, task: Task) -> None:
        self.task, self.started, self.stage = task, time.monotonic(), "parse"
        self.conn.send(task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class WorkerPool:
    """Runs `process_file` over tasks in `jobs` processes; yields results as they finish."""

    def __init__(self, jobs: int, timeout: float, memory_mb: int | None = 4096):
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.memory_bytes = memory_mb * 1024 * 1024 if memory_mb else None
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["lofte_extract._preload"])

    def map(self, tasks: list[Task], on_start: Callable[[Task], None] | None = None) -> Iterator:
        """Results (FileResult) in completion order; a stuck or dead worker gives an error."""

        pending = list(reversed(tasks))
        with _sigint_ignored():  # the fork server inherits it: Ctrl-C is for this process
            forkserver.ensure_running()  # starts it without waiting for its preload
        workers = [_Worker(self.context, self.memory_bytes)
                   for _ in range(min(self.jobs, len(tasks)))]
        try:
            while pending or any(w.task for w in workers):
                for worker in workers:
                    if worker.task is None and pending:
                        task = pending.pop()
                        if on_start:
                            on_start(task)
                        worker.give(task)
                busy = [w for w in workers if w.task]
                deadline = min(w.started for w in busy) + self.timeout
                ready = wait([w.conn for w in busy], timeout=max(0.0, deadline - time.monotonic()))
                for index, worker in enumerate(workers):
                    if worker.task is None:
                        continue
                    task = worker.task
                    reason = None
                    if worker.conn in ready:
                        try:
                            result = worker.conn.recv()
                        except (EOFError, OSError):
                            result, reason = None, "worker crashed (out of memory?)"
                        if result == _PARSED:
                            worker.stage = "extract"
                            continue
                        if result is not None:
                            worker.task = None
                            yield result
                            continue
                        reason = reason or "out of memory"
                    elif time.monotonic() - worker.started >= self.timeout:
                        reason = f"timed out after {self.timeout:g}s"
                    else:
                        continue
                    worker.kill()
                    workers[index] = _Worker(self.context, self.memory_bytes)
                    yield FileResult(task.relative, error=ErrorRow(
                        path=task.relative, stage=worker.stage, reason=reason))
        finally:
            for worker in workers:
                if worker.task is None and worker.process.is_alive():
                    try:
                        worker.conn.send(None)
                    except OSError:
                        pass
                worker.process.join(timeout=1)
                if worker.process.is_alive():
                    worker.kill()
