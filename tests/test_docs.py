"""Docs that can be generated are, and stay in step; every command is documented."""

from __future__ import annotations

import pytest
from conftest import REPO

from lofte_extract.cli import build_parser
from lofte_extract.docgen import _subcommands, generated_docs
from lofte_extract.docgen import main as docgen_main
from lofte_extract.schemas import schema_texts


@pytest.mark.parametrize("relative", sorted(generated_docs()))
def test_generated_doc_is_up_to_date(relative):
    checked_in = (REPO / relative).read_text(encoding="utf-8")
    assert checked_in == generated_docs()[relative], (
        f"{relative} is stale: run `python -m lofte_extract.docgen`"
    )


def test_checked_in_schemas_match_the_models():
    for name, text in schema_texts().items():
        path = REPO / "schemas" / name
        assert path.is_file(), f"missing {path}: run `lofte-extract schema`"
        stale = f"{name} is stale: run `lofte-extract schema`"
        assert path.read_text(encoding="utf-8") == text, stale


def test_every_command_is_in_the_readme_and_the_cli_reference():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = _subcommands(build_parser())
    assert {"run", "collect", "evaluate", "compare", "review", "report", "schema"} <= set(commands)
    for name in commands:
        assert f"lofte-extract {name}" in reference, name
        usage = "`lofte-extract PATH" if name == "run" else f"`lofte-extract {name}"
        assert usage in readme, name


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert len(commands) == 2
    assert "lofte-extract corpus/" in commands[0]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_docgen_help_prints_help_and_writes_no_folder_named_after_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        docgen_main(["--help"])
    assert exit_.value.code == 0
    assert list(tmp_path.iterdir()) == []
    assert docgen_main([str(tmp_path / "repo")]) == 0
    assert (tmp_path / "repo" / "docs" / "cli.md").is_file()
