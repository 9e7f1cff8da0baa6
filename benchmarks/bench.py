"""National-scale benchmark: floor, cold run, warm run, throughput, stage shares, peak memory.

    python benchmarks/bench.py [--scale 1.0] [--work /tmp/lofte-bench] [--jobs N]

Builds (or reuses) the deterministic corpus of benchmarks/corpus.py, then measures:

- floor: one process doing the least any tool must do over the same files: pdfplumber
  `extract_text` of every PDF page, BeautifulSoup `get_text` of every web page, reading the
  text files;
- cold: `lofte-extract` with default jobs and an empty cache, in a child process;
- warm: the same command again, every result served from the cache;
- documents/s and PDF pages/s of the cold run, each stage's share of its wall time, and the
  peak resident memory of the whole process tree (parent, fork server and workers, sampled
  from /proc) and of its largest single process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pdfplumber
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

__all__ = ["floor", "main", "measure_run", "tree_rss"]

SAMPLE_EVERY = 0.05  # seconds between /proc samples of the process tree
_CHILD = Path(__file__).resolve().parent / "run_once.py"
_PAGE_BYTES = 4096


def floor(docs: Path) -> tuple[float, int]:
    """Seconds of the bare single-process read over every file, and the PDF pages seen."""
    started = time.perf_counter()
    pages = 0
    for path in sorted(docs.iterdir()):
        data = path.read_bytes()
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        elif path.suffix == ".html":
            BeautifulSoup(data, "lxml").get_text()
        else:
            data.decode("utf-8", errors="replace")
    return time.perf_counter() - started, pages


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) resident bytes over a process and all its descendants."""
    tree = _children()
    todo, sizes = [root], []
    while todo:
        pid = todo.pop()
        sizes.append(_rss(pid))
        todo.extend(tree.get(pid, []))
    return sum(sizes), max(sizes)


def measure_run(docs: Path, out: Path, jobs: int | None) -> dict[str, object]:
    """Run the tool once in a child process: its summary, wall seconds and peak memory."""
    command = [sys.executable, str(_CHILD), str(docs), str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    peaks = {"tree": 0, "process": 0}
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            total, largest = tree_rss(child.pid)
            peaks["tree"] = max(peaks["tree"], total)
            peaks["process"] = max(peaks["process"], largest)
            stop.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"run failed with exit code {child.returncode}")
    summary = json.loads(output.strip().splitlines()[-1])
    return {
        **summary,
        "wall": wall,
        "peak_tree_mb": peaks["tree"] / 2**20,
        "peak_process_mb": peaks["process"] / 2**20,
    }


def _shares(run: dict) -> str:
    stages = run["stages"]
    walls = {k: stages.get(k, 0.0) for k in ("lookup", "work", "dedupe", "write")}
    walls["start-up"] = max(0.0, run["wall"] - sum(walls.values()))
    cpu = stages.get("parse_cpu", 0.0) + stages.get("extract_cpu", 0.0)
    split = ""
    if cpu:
        split = (
            f" (of which parse {stages['parse_cpu'] / cpu:.0%}, "
            f"extract {stages['extract_cpu'] / cpu:.0%} of worker time)"
        )
    return ", ".join(f"{k} {v / run['wall']:.0%}" for k, v in walls.items()) + split


def report(files: int, pages: int, floor_s: float, cold: dict, warm: dict) -> str:
    """The figures as a small Markdown table."""
    rows = [
        ("documents", f"{files} ({pages} PDF pages)"),
        ("floor (bare pdfplumber + bs4 + read, 1 process)", f"{floor_s:.1f} s"),
        ("cold run, default jobs", f"{cold['wall']:.1f} s = {cold['wall'] / floor_s:.2f} × floor"),
        ("warm run (cache)", f"{warm['wall']:.1f} s = {warm['wall'] / cold['wall']:.3f} × cold"),
        ("cold documents/s", f"{files / cold['wall']:.1f}"),
        ("cold PDF pages/s", f"{pages / cold['wall']:.1f}"),
        ("cold stage shares", _shares(cold)),
        ("cold failures", f"{cold['failures']} ({', '.join(cold['failed_reasons']) or 'none'})"),
        (
            "peak RSS, whole process tree",
            f"cold {cold['peak_tree_mb']:.0f} MB, warm {warm['peak_tree_mb']:.0f} MB",
        ),
        (
            "peak RSS, largest process",
            f"cold {cold['peak_process_mb']:.0f} MB, warm {warm['peak_process_mb']:.0f} MB",
        ),
    ]
    return "\n".join(
        ["| measure | figure |", "|---|---|"] + [f"| {name} | {value} |" for name, value in rows]
    )


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 3,000 documents")
    parser.add_argument("--work", type=Path, default=Path("/tmp/lofte-bench"))
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: tool's)")
    args = parser.parse_args(argv)
    docs = build_corpus(args.work / f"corpus-{args.scale:g}", args.scale)
    files = len(list(docs.iterdir()))
    floor_s, pages = floor(docs)
    out = args.work / "out"
    shutil.rmtree(out, ignore_errors=True)
    cold = measure_run(docs, out, args.jobs)
    warm = measure_run(docs, out, args.jobs)
    print(f"machine: {os.cpu_count()} cores; scale {args.scale:g}")
    print(report(files, pages, floor_s, cold, warm))
    return 0


if __name__ == "__main__":
    sys.exit(main())
