"""Issue 10 point 11 and the issue's end: the README's examples run, and a new user following
it answers "what did Höör promise on traffic in 2019, and did Svalöv drop its
trygghetsvandringar?" correctly from compare, the CSV and the report."""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def _commands() -> list[list[str]]:
    """Every `lofte-extract ...` line of the README's bash blocks, in order."""
    lines = [line.split(" && ")[-1] for body in _blocks("bash") for line in body.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("lofte-extract ")]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "lofte_extract", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def user(tmp_path_factory) -> tuple[Path, dict[str, subprocess.CompletedProcess]]:
    """A fresh folder with the corpus where every README command was run in order."""
    home = tmp_path_factory.mktemp("newuser")
    shutil.copytree(ROOT / "corpus", home / "corpus")
    results = {}
    for args in _commands():
        result = _run(args, home)
        assert result.returncode == 0, (args, result.stderr)
        results[shlex.join(args)] = result
    return home, results


def test_readme_commands_all_run(user):
    home, results = user
    assert "corpus/" in results and (home / "out" / "records.jsonl").is_file()
    assert len(results) >= 5


def test_readme_python_examples_run(user):
    home, _ = user
    for body in _blocks("python"):
        namespace: dict = {}
        cwd = os.getcwd()
        os.chdir(home)
        try:
            exec(compile(body, "README.md", "exec"), namespace)  # noqa: S102
        finally:
            os.chdir(cwd)
    assert namespace["doc"].format == "html" and namespace["summary"].records == 6


def test_readme_example_record_matches_the_run(user):
    home, _ = user
    shown = json.loads(next(b for b in _blocks("json") if '"id"' in b))
    records = [json.loads(x) for x in (home / "out" / "records.jsonl").read_text().splitlines()]
    real = next(r for r in records if r["id"] == shown["id"])

    def subset(part, whole) -> bool:
        if isinstance(part, dict):
            return all(k in whole and subset(v, whole[k]) for k, v in part.items())
        if isinstance(part, list):
            return all(any(subset(p, w) for w in whole) for p in part)
        return part == whole

    assert subset(shown, real)


def test_readme_describes_the_corpus_as_it_is():
    formats = sorted(
        p.suffix for p in (ROOT / "corpus").iterdir() if p.is_file() and p.name != "manifest.jsonl"
    )
    assert formats == [".html", ".html", ".pdf", ".pdf", ".txt"]
    assert "two PDFs, two HTML pages and one text file" in README
    assert "the five seed documents as text, PDF and HTML" not in README


def test_new_user_answers_hoor_traffic_2019_and_svalov_trygghetsvandringar(user):
    home, results = user
    # compare: Höör's traffic promise is at least twelve, four of them a subset, not 16.
    hoor = results["compare out --kommun hoor --year 2019 --category trafik"].stdout
    assert "minst 12 (varav 4)" in hoor and "16" not in hoor
    assert "trafikinsatser" in hoor
    # compare: Svalöv's trygghetsvandringar are not known to be dropped.
    svalov = results["compare out --kommun 'Svalövs kommun' --category trygghetsvandring"].stdout
    walks = next(line for line in svalov.splitlines() if "trygghetsvandring" in line)
    assert walks.split()[-1] == "unknown"
    assert "only nyhet records" in " ".join(svalov.split())
    with (home / "out" / "svalov.csv").open(encoding="utf-8") as handle:
        walk_rows = [r for r in csv.DictReader(handle) if r["category"] == "trygghetsvandring"]
    assert [r["status"] for r in walk_rows] == ["unknown"]
    # The CSV: the four is marked as part of the twelve, so nobody adds them up.
    with (home / "out" / "commitments.csv").open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["kommun"] == "Höör"
            and "trafik" in r["categories"].split(";")
            and r["years"] == "2019"
        ]
    totals = [int(r["value"]) for r in rows if r["value"] and not r["part_of"]]
    assert totals == [12] and [r["value"] for r in rows if r["part_of"]] == ["4"]
    with (home / "out" / "records.csv").open(encoding="utf-8") as handle:
        svalov_rows = [r for r in csv.DictReader(handle) if r["kommun"] == "Svalöv"]
    assert sorted(r["years"] for r in svalov_rows) == ["2020", "2022;2023"]
    # The report: Höör's traffic commitment with its evidence; Svalöv's status unknown.
    page = BeautifulSoup((home / "out" / "report.html").read_text(encoding="utf-8"), "html.parser")
    hoor_section = page.select_one("#kommun-1267")
    assert "Minst tolv trafikinsatser" in hoor_section.get_text()
    assert hoor_section.select_one("li[id^=c-] details blockquote") is not None
    statuses = [tr["data-status"] for tr in page.select("#kommun-1214 table.comparison tbody tr")]
    assert statuses and set(statuses) == {"unknown"}


def test_accuracy_gate_skip_says_why_and_fails_under_ci(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LOFTE_SHARED": str(tmp_path / "none")}
    env.pop("LOFTE_REQUIRE_SHARED", None)
    gate = ["-m", "pytest", "-p", "no:cacheprovider", "tests/test_eval_gate.py"]
    skipped = subprocess.run(
        [sys.executable, *gate], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert skipped.returncode == 0, skipped.stdout[-2000:]
    summary = skipped.stdout[skipped.stdout.index("short test summary") :]
    assert "SKIPPED" in summary and f"{tmp_path / 'none'}" in summary
    assert "accuracy gate not run" in summary
    required = subprocess.run(
        [sys.executable, *gate, "-x"],
        cwd=ROOT,
        env={**env, "LOFTE_REQUIRE_SHARED": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert required.returncode != 0 and "accuracy gate not run" in required.stdout


def test_ci_run_fails_without_shared_data(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", repo / ".ci" / "run")
    env = {k: v for k, v in os.environ.items() if k != "LOFTE_SHARED"}
    result = subprocess.run(
        ["bash", str(repo / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert f"shared data not found at {tmp_path / 'shared'}" in result.stderr
