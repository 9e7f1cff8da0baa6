"""Which rules fired in a run, and which pattern-file rules never did.

    python scripts/rule_coverage.py OUT [OUT ...]

Reads each OUT/records.jsonl, counts every `rule` id named in an evidence (ids joined by '+'
are counted apart) and lists the rules of `extract/data/patterns/` that fired nowhere.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from lofte_extract.extract.rules import load_rules, rule_files


def _rules_in(value: object, counts: Counter) -> None:
    """Count rule ids in every evidence inside a JSON value."""
    if isinstance(value, dict):
        if isinstance(value.get("rule"), str):
            counts.update(value["rule"].split("+"))
        for item in value.values():
            _rules_in(item, counts)
    elif isinstance(value, list):
        for item in value:
            _rules_in(item, counts)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path, help="output folders of lofte-extract")
    args = parser.parse_args(argv)
    counts: Counter = Counter()
    for run in args.runs:
        for line in (run / "records.jsonl").read_text(encoding="utf-8").splitlines():
            _rules_in(json.loads(line), counts)
    for rule, count in counts.most_common():
        print(f"{count:6d}  {rule}")
    for name in rule_files():
        never = sorted(set(load_rules(name).rules) - set(counts))
        print(
            f"{name}: {len(never)} of {len(load_rules(name).rules)} rules never fired"
            + (": " + ", ".join(never) if never else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
