"""Repository hygiene: ruff clean, no oversized modules, public names listed."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

SRC = REPO / "src" / "lofte_extract"


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: pip install '.[test]'")
    result = subprocess.run([ruff, "check", "src", "tests", "scripts", "tools"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_over_about_400_lines():
    long = {p.relative_to(REPO).as_posix(): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not long, long


def test_every_module_lists_its_public_names():
    missing = []
    for path in SRC.rglob("*.py"):
        if path.name in {"__main__.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {t.id for node in tree.body if isinstance(node, ast.Assign)
                 for t in node.targets if isinstance(t, ast.Name)}
        names |= {node.target.id for node in tree.body
                  if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)}
        if "__all__" not in names:
            missing.append(path.relative_to(REPO).as_posix())
    assert not missing, missing


def test_package_imports_without_the_cli():
    code = "import lofte_extract, sys; assert 'lofte_extract.cli' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
