"""One pipeline run for the benchmark, in its own process: prints the summary as JSON.

python benchmarks/run_once.py CORPUS OUT [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from lofte_extract.pipeline import run

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run once and print {files, records, failures, cached, seconds, stages} as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    summary = run([args.corpus], args.out, jobs=args.jobs)
    errors = [json.loads(line) for line in (args.out / "errors.jsonl").open(encoding="utf-8")]
    reasons = Counter(e["reason"] for e in errors)
    print(
        json.dumps(
            {
                "files": summary.files,
                "records": summary.records,
                "failures": summary.failures,
                "failed_reasons": [f"{n} {reason}" for reason, n in sorted(reasons.items())],
                "cached": summary.cached,
                "seconds": summary.seconds,
                "stages": summary.stages,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
