#!/bin/sh
# Run `ruff format` over the whole tree once, then empty the [tool.ruff.format] exclude
# list in pyproject.toml so that CI (tests/test_style.py) keeps every file formatted.
#
#     scripts/format_tree.sh          # from the repository root, on a clean tree
#
# Formatting changes no behaviour; the script checks that ruff stays clean afterwards.
set -eu
cd "$(dirname "$0")/.."
ruff format --config 'format.exclude = []' src tests scripts tools
python3 - <<'PY'
import re
from pathlib import Path

path = Path("pyproject.toml")
text = path.read_text(encoding="utf-8")
section = re.search(r"(?ms)^\[tool\.ruff\.format\]\n.*?(?=^\[|\Z)", text)
if section is None:
    raise SystemExit("pyproject.toml: no [tool.ruff.format] section")
emptied = re.sub(r"(?ms)^exclude = \[.*?^\]\n", "exclude = []\n", section.group(0))
path.write_text(text[: section.start()] + emptied + text[section.end() :], encoding="utf-8")
print("pyproject.toml: [tool.ruff.format] exclude emptied")
PY
ruff format --check src tests scripts tools
ruff check src tests scripts tools
