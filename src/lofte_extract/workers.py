"""Worker processes that run one function over tasks, each task under a time and memory limit.

A hostile file (a PDF that makes pdfminer loop, a decompression bomb) must cost one
error row, not the run: each worker is a separate process the run can kill and replace.
The pool knows nothing of files: the caller (pipeline.py) gives the function to run and
the function that turns a killed task into a result.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

__all__ = ["Stage", "WorkerPool"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Stage:
    """A worker's note that its task entered a stage: a timeout then names the stage."""

    name: str


def _serve(conn: Connection, work: Callable[..., Any], memory_bytes: int | None) -> None:
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
            conn.send(work(task, lambda name: conn.send(Stage(name))))
        except MemoryError:
            conn.send(None)


class _Worker:
    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        work: Callable[[Any], Any],
        memory_bytes: int | None,
    ):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work, memory_bytes), daemon=True)
        self.process.start()
        child.close()
        self.task: Any = None
        self.started = 0.0
        self.stage: str | None = None

    def give(self, task: Any) -> None:
        self.task, self.started, self.stage = task, time.monotonic(), None
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


class WorkerPool(Generic[T, R]):
    """Runs `work` over tasks in `jobs` processes; yields results as they finish.

    `work(task, note)` must be a module-level function (it is sent to the workers by name);
    it may call `note(stage)` as it enters a stage. `failed` makes the result of a task whose
    worker timed out, ran out of memory or died, from the task, the reason and the stage last
    noted (None before any). `preload` names modules the fork server imports once for all
    workers (slow imports such as spaCy models).
    """

    def __init__(
        self,
        work: Callable[[T, Callable[[str], None]], R],
        failed: Callable[[T, str, str | None], R],
        jobs: int,
        timeout: float,
        memory_mb: int | None = 4096,
        preload: Sequence[str] = (),
    ):
        self.work = work
        self.failed = failed
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.memory_bytes = memory_mb * 1024 * 1024 if memory_mb else None
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(list(preload))

    def _worker(self) -> _Worker:
        return _Worker(self.context, self.work, self.memory_bytes)

    def _outcome(self, worker: _Worker, ready: list) -> tuple[Any, str | None]:
        """(result, None) when the worker finished its task; (None, reason) when it must be
        killed; (None, None) while it works on (a stage note only updates its stage)."""
        if worker.conn in ready:
            try:
                result = worker.conn.recv()
            except (EOFError, OSError):
                return None, "worker crashed (out of memory?)"
            if isinstance(result, Stage):
                worker.stage = result.name
                return None, None
            return (result, None) if result is not None else (None, "out of memory")
        if time.monotonic() - worker.started >= self.timeout:
            return None, f"timed out after {self.timeout:g}s"
        return None, None

    def map(self, tasks: list[T], on_start: Callable[[T], None] | None = None) -> Iterator[R]:
        """Results in completion order; a stuck or dead worker gives `failed(task, reason)`."""
        pending = list(reversed(tasks))
        with _sigint_ignored():  # the fork server inherits it: Ctrl-C is for this process
            forkserver.ensure_running()  # starts it without waiting for its preload
        workers = [self._worker() for _ in range(min(self.jobs, len(tasks)))]
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
                    result, reason = self._outcome(worker, ready)
                    if result is not None:
                        worker.task = None
                        yield result
                    elif reason is not None:
                        worker.kill()
                        workers[index] = self._worker()
                        yield self.failed(task, reason, worker.stage)
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
