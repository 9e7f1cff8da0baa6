"""Issue 9, points 1, 2, 4-7 and 11: what a hostile corpus or an interrupted run must not do.

Each test runs the real pipeline (worker processes, the CLI in a subprocess where a signal
or a resource limit is the point) on files written here.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_hostile_inputs import PROMISE

import lofte_extract
from lofte_extract.cli import main
from lofte_extract.pipeline import run
from lofte_extract.publish.report import write_report
from lofte_extract.store.outset import OutputSet

# The package under test, wherever it is imported from (the subprocess runs the same code).
SRC = Path(lofte_extract.__file__).resolve().parents[1]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _promise(kommun: str = "Kumla") -> bytes:
    return PROMISE.replace("Kumla", kommun).encode("utf-8")


def _group_members(group: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


def _snapshot(out: Path) -> dict[str, bytes]:
    # The result cache (OUT/.cache) is no output: entries a failed run computed stay valid.
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(out).parts
    }


def _cli(args: list[str], preexec: str = "", **kwargs) -> subprocess.Popen:
    code = (
        f"import resource, signal, sys\n{preexec}\n"
        "from lofte_extract.cli import main\nsys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


# 1 -------------------------------------------------------------------------------------------
def test_file_name_not_utf8_does_not_end_the_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "valid.txt").write_bytes(_promise())
    (corpus / os.fsdecode(b"bad\xff.txt")).write_bytes(_promise("Mjölby"))
    (corpus / os.fsdecode(b"empty\xfe.txt")).write_bytes(b"")
    out = tmp_path / "out"
    run([corpus], out, jobs=1)
    records = {r["source"]["path"]: r for r in _lines(out / "records.jsonl")}
    assert set(records) == {"valid.txt", "bad\\xff.txt"}
    assert any("not valid UTF-8" in w for w in records["bad\\xff.txt"]["warnings"])
    assert [e["path"] for e in _lines(out / "errors.jsonl")] == ["empty\\xfe.txt"]
    rows = list(csv.DictReader((out / "commitments.csv").open(encoding="utf-8")))
    assert "bad\\xff.txt" in {row["source_path"] for row in rows}
    # The escape names the bytes: the file is found again from what the dataset says.
    raw = records["bad\\xff.txt"]["source"]["path"].encode().decode("unicode_escape")
    assert (corpus / os.fsdecode(raw.encode("latin-1"))).is_file()


# 2 -------------------------------------------------------------------------------------------
def test_single_input_file_runs_under_the_time_limit(tmp_path):
    corpus = tmp_path / "one.txt"
    corpus.write_bytes(_promise())
    summary = run([corpus], tmp_path / "out", timeout=0.001)
    errors = _lines(tmp_path / "out" / "errors.jsonl")
    assert summary.records == 0
    assert [e["reason"] for e in errors] == ["timed out after 0.001s"]


# 4 -------------------------------------------------------------------------------------------
def _two_corpora(tmp_path: Path) -> tuple[Path, Path]:
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    (small / "kumla.txt").write_bytes(_promise())
    for i, kommun in enumerate(["Kumla", "Mjölby", "Höör", "Eslöv", "Lund", "Sala"] * 4):
        (large / f"{i:02d}.txt").write_bytes(_promise(kommun) + f"\nVersion {i}.\n".encode())
    return small, large


def test_output_set_is_atomic_when_the_disk_fills(tmp_path):
    small, large = _two_corpora(tmp_path)
    out, probe = tmp_path / "out", tmp_path / "probe"
    run([small], out, jobs=0)
    run([large], probe, jobs=0)
    # A file-size limit between records.jsonl and lofte.sqlite: the disk "fills" mid-set.
    limit = (probe / "records.jsonl").stat().st_size + 1
    assert (probe / "lofte.sqlite").stat().st_size > limit
    before = _snapshot(out)
    preexec = (
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)"
    )
    proc = _cli([str(large), "-o", str(out), "-q", "-j", "0"], preexec)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert "previous outputs kept" in err and "Traceback" not in err, err
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".out.staging-*"))


@pytest.mark.parametrize("how", ["sigint_to_group", "sigterm_to_main"])
def test_output_set_is_kept_on_sigint_with_exit_130(tmp_path, how):
    small, large = _two_corpora(tmp_path)
    out = tmp_path / "out"
    run([small], out, jobs=0)
    before = _snapshot(out)
    for i in range(200):
        (large / f"more{i:03d}.txt").write_bytes(_promise() + f"\nKopia {i}.\n".encode())
    proc = _cli([str(large), "-o", str(out), "-q", "-j", "1"], start_new_session=True)
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob(".out.staging-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # into the files, workers started
    assert proc.poll() is None, "the run ended before it could be interrupted"
    if how == "sigint_to_group":
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    else:
        os.kill(proc.pid, signal.SIGTERM)  # as `kill PID` does: left workers running
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted, previous outputs kept" in err and "Traceback" not in err, err
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".out.staging-*"))
    deadline = time.monotonic() + 10
    while _group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_members(proc.pid), "workers outlived the run"


def test_output_set_second_run_into_same_out_is_refused(tmp_path, capsys):
    small, _ = _two_corpora(tmp_path)
    out = tmp_path / "out"
    with OutputSet(out):  # a run holding OUT
        assert main([str(small), "-o", str(out), "-q"]) == 2
    assert "another lofte-extract run" in capsys.readouterr().err
    assert not out.exists()
    assert main([str(small), "-o", str(out), "-q"]) == 0  # the lock went with the holder


def test_output_set_keeps_files_the_run_does_not_write(tmp_path):
    small, large = _two_corpora(tmp_path)
    out = tmp_path / "out"
    run([small], out, jobs=0)
    (out / "report.html").write_text("<p>mine</p>", encoding="utf-8")
    run([large], out, jobs=0)
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>mine</p>"
    assert len(_lines(out / "records.jsonl")) == 24


# 5 -------------------------------------------------------------------------------------------
def test_csv_formula_injection_is_neutralised(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = PROMISE.replace(
        "• Kommunen ska förbättra belysningen",
        '• =HYPERLINK("http://x") Kommunen ska förbättra belysningen',
    )
    (corpus / "=cmd.txt").write_text(text, encoding="utf-8")
    (corpus / "@sum.txt").write_text(PROMISE, encoding="utf-8")
    out = tmp_path / "out"
    run([corpus], out, jobs=0)
    rows = list(csv.DictReader((out / "commitments.csv").open(encoding="utf-8")))
    assert {row["source_path"] for row in rows} == {"'=cmd.txt", "'@sum.txt"}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    records = {r["source"]["path"] for r in _lines(out / "records.jsonl")}
    assert records == {"=cmd.txt", "@sum.txt"}  # only the spreadsheet file is changed


# 6 -------------------------------------------------------------------------------------------
def test_symlink_out_of_the_corpus_is_not_followed(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_bytes(_promise("Mjölby"))
    (corpus / "valid.txt").write_bytes(_promise())
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "inside.txt").symlink_to(corpus / "valid.txt")
    out = tmp_path / "out"
    run([corpus], out, jobs=1)
    errors = {e["path"]: e for e in _lines(out / "errors.jsonl")}
    assert errors["passwd.txt"]["reason"] == "link points outside the corpus"
    assert str(outside / "secret.txt") in errors["passwd.txt"]["detail"]
    assert {r["source"]["path"] for r in _lines(out / "records.jsonl")} == {
        "valid.txt",
        "inside.txt",
    }
    assert not any("Mjölby" in p.read_text(encoding="utf-8") for p in (out / "texts").iterdir())
    run([corpus], out, jobs=1, follow_outside_links=True)
    assert "passwd.txt" in {r["source"]["path"] for r in _lines(out / "records.jsonl")}


# 7 -------------------------------------------------------------------------------------------
def test_javascript_url_from_manifest_is_no_link_in_report(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(_promise())
    (corpus / "b.txt").write_bytes(_promise("Mjölby"))
    manifest = [
        {"url": "javascript:alert(document.cookie)", "path": "a.txt"},
        {"url": "https://www.mjolby.se/lofte", "path": "b.txt"},
    ]
    (corpus / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest))
    out = tmp_path / "out"
    run([corpus], out, jobs=0)
    write_report(out, out / "report.html")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "javascript:alert" in page  # shown as text
    assert 'href="javascript:' not in page.replace("'", '"').lower()
    assert 'href="https://www.mjolby.se/lofte"' in page
    rows = list(csv.DictReader((out / "commitments.csv").open(encoding="utf-8")))
    assert "javascript:alert(document.cookie)" in {row["source_url"] for row in rows}
    db = sqlite3.connect(out / "lofte.sqlite")
    urls = {row[0] for row in db.execute("select url from sources")}
    assert "javascript:alert(document.cookie)" in urls


# 11 ------------------------------------------------------------------------------------------
def test_fifo_and_device_link_get_an_error_row(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "valid.txt").write_bytes(_promise())
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "out"
    run([corpus], out, jobs=1, timeout=20, follow_outside_links=True)
    errors = {e["path"]: e for e in _lines(out / "errors.jsonl")}
    assert errors["pipe.txt"]["reason"] == "not a regular file"
    assert "FIFO" in errors["pipe.txt"]["detail"]
    assert "character device" in errors["zero.txt"]["detail"]


def test_texts_are_pruned_to_the_current_run(tmp_path):
    small, large = _two_corpora(tmp_path)
    out = tmp_path / "out"
    run([large], out, jobs=0)
    run([small], out, jobs=0)
    shas = {r["source"]["sha256"] for r in _lines(out / "records.jsonl")}
    assert {p.stem for p in (out / "texts").iterdir()} == shas


def test_output_files_follow_the_umask(tmp_path):
    small, _ = _two_corpora(tmp_path)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        run([small], out, jobs=0)
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.rglob("*")}
    assert set(modes.values()) <= {0o644, 0o755}, modes
    assert modes["records.jsonl"] == 0o644 and modes["texts"] == 0o755


def test_unwritable_out_is_detected_before_any_work(tmp_path):
    small, _ = _two_corpora(tmp_path)
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    seen: list[str] = []
    with pytest.raises(OSError, match="a_file"):
        run([small], blocker / "out", progress=lambda done, total, name: seen.append(name))
    assert seen == []
