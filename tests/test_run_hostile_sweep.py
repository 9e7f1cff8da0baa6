"""Bad input found by a hostile-file sweep of `run` (a helper built broken and hostile corpora
and reported what broke the contract: a clear error row, the rest still read, nothing lost
silently, outputs kept whole). One test per finding, each on the real pipeline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from test_issue9_run_safety import SRC, _cli, _lines, _promise

from lofte_extract.cli import main
from lofte_extract.pipeline import run


def test_output_folder_inside_the_corpus_is_not_read_back_as_input(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kumla.txt").write_bytes(_promise())
    for _ in range(2):  # the second run read out/records.jsonl and out/texts/* as documents
        summary = run([corpus], corpus / "out", jobs=0)
    assert (summary.files, summary.records, summary.failures) == (1, 1, 0)


def test_output_folder_that_is_the_corpus_is_refused(tmp_path, capsys):
    (tmp_path / "records.jsonl").write_text("a document of the corpus\n")
    (tmp_path / "kumla.txt").write_bytes(_promise())
    assert main([str(tmp_path), "-o", str(tmp_path), "-q"]) == 2
    assert "is the corpus folder itself" in capsys.readouterr().err
    assert (tmp_path / "records.jsonl").read_text() == "a document of the corpus\n"


def test_a_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "kumla.txt").write_bytes(_promise())
    summary = run([tmp_path / "kumla.txt", tmp_path / "kumla.txt"], tmp_path / "out", jobs=0)
    assert (summary.files, summary.records) == (1, 1)


def test_an_unreadable_manifest_is_an_error_row_and_the_files_are_still_read(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "manifest.jsonl").mkdir(parents=True)  # unreadable even for root
    (corpus / "kumla.txt").write_bytes(_promise())
    summary = run([corpus], tmp_path / "out", jobs=0)
    assert summary.records == 1
    [row] = _lines(tmp_path / "out" / "errors.jsonl")
    assert (row["path"], row["reason"]) == ("manifest.jsonl", "unreadable manifest")


def test_a_file_larger_than_memory_in_process_is_an_error_row_not_a_traceback(tmp_path):
    huge = tmp_path / "corpus" / "huge.txt"
    huge.parent.mkdir()
    with huge.open("wb") as handle:
        handle.truncate(6 << 30)  # sparse: no disk used
    (huge.parent / "kumla.txt").write_bytes(_promise())
    limit = "resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))"
    done = _cli([str(huge.parent), "-o", str(tmp_path / "out"), "-j", "0", "-q"], limit)
    _, err = done.communicate(timeout=240)
    assert done.returncode == 0, err
    rows = _lines(tmp_path / "out" / "errors.jsonl")
    assert [(r["path"], r["reason"]) for r in rows] == [("huge.txt", "out of memory")]


def test_records_of_byte_identical_files_come_out_in_path_order(tmp_path):
    # they share an id; sorted by id alone they came out in the order workers finished
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("b.txt", "a.txt", "c.txt"):
        (corpus / name).write_bytes(_promise())
    run([corpus], tmp_path / "out", jobs=2)
    paths = [r["source"]["path"] for r in _lines(tmp_path / "out" / "records.jsonl")]
    assert paths == ["a.txt", "b.txt", "c.txt"]


def test_a_read_only_output_folder_is_refused_not_replaced(tmp_path, capsys):
    (tmp_path / "kumla.txt").write_bytes(_promise())
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main([str(tmp_path / "kumla.txt"), "-o", str(out), "-q"]) == 2
        assert "is read-only" in capsys.readouterr().err
        assert out.stat().st_mode & 0o777 == 0o555
    finally:
        out.chmod(0o755)


def test_staging_folders_of_a_killed_run_are_cleared_by_the_next(tmp_path):
    (tmp_path / "kumla.txt").write_bytes(_promise())
    stale = tmp_path / ".out.staging-abc123"
    (stale / "texts").mkdir(parents=True)  # what `kill -9` mid-write leaves
    run([tmp_path / "kumla.txt"], tmp_path / "out", jobs=0)
    assert not stale.exists()


@pytest.mark.skipif(
    os.geteuid() == 0 and shutil.which("setpriv") is None, reason="root reads any folder"
)
def test_a_folder_that_cannot_be_listed_is_an_error_row_not_skipped(tmp_path):
    # an unreadable subfolder and a link to a folder were skipped without a word
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_bytes(_promise())
    (corpus / "kumla.txt").write_bytes(_promise("Tranemo"))
    os.symlink(tmp_path / "elsewhere", corpus / "linked", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    (corpus / "locked").chmod(0)
    code = "from lofte_extract.pipeline import run; import sys; run([sys.argv[1]], sys.argv[2])"
    try:  # without root's power to read any folder
        root = os.geteuid() == 0
        drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"] * root
        args = [*drop, sys.executable, "-c", code, str(corpus), str(tmp_path / "out")]
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    finally:
        (corpus / "locked").chmod(0o755)
    assert done.returncode == 0, done.stderr
    rows = {r["path"]: r["reason"] for r in _lines(tmp_path / "out" / "errors.jsonl")}
    assert rows == {"locked": "unreadable folder", "linked": "link to a folder"}


def test_a_bom_before_cp1252_text_is_read_as_cp1252_and_the_row_says_so(tmp_path):
    # a UTF-8 BOM before cp1252 bytes: every 'å' became U+FFFD, and the 'not a
    # medborgarlöfte' row said nothing of the decoding
    from lofte_extract.parse import parse_bytes

    text = "Trafiken i Åby\n\nBilarna kör för fort förbi skolan på Ängsvägen, säger föräldrar.\n"
    data = b"\xef\xbb\xbf" + text.encode("cp1252")
    assert parse_bytes(data, "notes.txt").text.startswith("Trafiken i Åby")
    (tmp_path / "notes.txt").write_bytes(data)
    run([tmp_path / "notes.txt"], tmp_path / "out", jobs=0)
    [row] = _lines(tmp_path / "out" / "errors.jsonl")
    assert row["reason"] == "not a medborgarlöfte"
    assert "the text may be garbled: charset 'utf-8' after a byte order mark" in row["detail"]
