"""Issue 10, the CLI as a new user meets it: kommun names, typos, empty input, one language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lofte_extract.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str, columns: int = 80, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console entry point in a fresh process, as a user's terminal runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "lofte_extract", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("typed", ["eslov", "Eslövs kommun", "ESLÖV", "eslöv kommun", "1285"])
def test_kommun_found_ignoring_case_diacritics_genitive_and_kommun(corpus_out, capsys, typed):
    assert main(["compare", str(corpus_out), "--kommun", typed, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == 5 and all(r.startswith("Eslöv,1285,") for r in rows)


def test_unknown_kommun_suggests_closest(corpus_out, capsys):
    assert main(["compare", str(corpus_out), "--kommun", "Eslof"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "lofte-extract compare: no kommun 'Eslof' among the 6 records; closest: Eslöv\n"
    )


def test_empty_compare_result_prints_no_csv_header_and_one_line(corpus_out, capsys):
    code = main(
        ["compare", str(corpus_out), "--kommun", "Eslöv", "--year", "2030", "--format", "csv"]
    )
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith("lofte-extract compare: no commitments")


def test_unknown_option_is_named():
    result = _cli("--bogus")
    assert result.returncode == 2
    assert "lofte-extract: unknown option --bogus" in result.stderr
    assert "no such file" not in result.stderr


def test_mistyped_subcommand_suggests_the_right_one(corpus_out):
    result = _cli("comapre", str(corpus_out))
    assert result.returncode == 2
    assert "unknown command 'comapre'; did you mean 'compare'?" in result.stderr


def test_empty_folder_warns_and_exits_1(tmp_path):
    (tmp_path / "empty").mkdir()
    result = _cli(str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (
        result.stderr == f"lofte-extract run: no files in {tmp_path / 'empty'}; nothing to "
        "extract\n"
    )


def test_summary_line_points_to_errors_jsonl_when_files_failed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    out = tmp_path / "out"
    result = _cli(str(corpus), "-o", str(out), "-q", "-j", "0")
    assert result.returncode == 0
    assert result.stderr.splitlines()[-1].endswith(f"; why (1 corrupt PDF): {out / 'errors.jsonl'}")


def test_summary_line_counts_the_failures_by_reason(tmp_path):
    # the last line only pointed to errors.jsonl: a user had to open it to learn anything
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (corpus / name).write_bytes(b"%PDF-1.4 not really a pdf")
    (corpus / "empty.txt").write_bytes(b"")
    result = _cli(str(corpus), "-o", str(tmp_path / "out"), "-q", "-j", "0")
    assert "; why (2 corrupt PDF, 1 empty file): " in result.stderr.splitlines()[-1]


def test_every_error_starts_with_program_and_command(tmp_path):
    missing = str(tmp_path / "missing")
    cases = {
        "run": [missing],
        "compare": ["compare", missing],
        "report": ["report", missing],
        "review": ["review", missing],
        "evaluate": ["evaluate", "--gold", missing, missing],
    }
    for command, args in cases.items():
        result = _cli(*args)
        assert result.returncode != 0, command
        assert result.stderr.startswith(f"lofte-extract {command}: "), result.stderr


def test_compare_table_in_one_language_fits_80_columns_without_breaking_words(corpus_out):
    for args in (["--kommun", "Eslöv"], ["--kommun", "Svalöv"], ["--kommun", "Höör"], []):
        result = _cli("compare", str(corpus_out), *args)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert all(len(line) <= 80 for line in lines), result.stdout
        text = " ".join(result.stdout.split())
        for word in ("kategori", "enhet", " år "):
            assert word not in f" {text} "
        # Every word of the categories, units and statuses appears whole on some line.
        rows = json.loads(_cli("compare", str(corpus_out), *args, "--format", "json").stdout)
        for row in rows["rows"]:
            for word in f"{row['category']} {row['unit'] or ''} {row['status'] or ''}".split():
                assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", result.stdout), word
