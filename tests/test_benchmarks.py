"""The benchmark corpus is deterministic and has the shapes the benchmark promises."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from bench import tree_rss  # noqa: E402

from corpus import build_corpus, plan  # noqa: E402


def test_corpus_is_the_same_bytes_each_build_with_every_format_and_a_long_report(tmp_path):
    first = build_corpus(tmp_path / "a", scale=0.004)
    second = build_corpus(tmp_path / "b", scale=0.004)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 12
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    assert {Path(n).suffix for n in names} == {".pdf", ".html", ".txt"}
    pages = {}
    for name in names:
        if name.endswith(".pdf"):
            with pdfplumber.open(first / name) as pdf:
                pages[name] = len(pdf.pages)
    long_reports = [n for n, count in pages.items() if count >= 100]
    assert len(long_reports) == 1
    assert all(1 <= count <= 4 for n, count in pages.items() if n not in long_reports)


def test_full_scale_plans_three_thousand_documents():
    planned = plan(1.0, 8)
    assert len(planned) == 3000
    assert sum(doc.fmt == "pdf" for doc in planned) > 1300


def test_peak_memory_counts_the_children_of_the_process_tree():
    hold = (
        "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); import time; time.sleep(5)"
    )
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys; subprocess.run([sys.executable, '-c', {hold!r}])",
        ]
    )
    try:
        deadline = time.monotonic() + 10
        total, largest = 0, 0
        # wait for the child's own pages, not the tree's sum: under load the parent and a
        # half-filled child passed 200 MB together before the child alone reached 190 MB
        while time.monotonic() < deadline and largest < 190 * 2**20:
            total, largest = tree_rss(parent.pid)
            time.sleep(0.1)
        assert largest >= 190 * 2**20  # the child holding 200 MB
        assert total > largest  # the parent's own memory is added to the child's
    finally:
        parent.kill()
        parent.wait()
