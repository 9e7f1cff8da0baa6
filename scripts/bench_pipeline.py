"""Benchmark the whole pipeline: files and documents per second, per format.

Renders the dev set (and optionally the seeds and our own set) as text, PDF and HTML,
runs `lofte_extract.pipeline.run` on each folder and prints the numbers.

Run: python scripts/bench_pipeline.py [--sets dev] [--jobs 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_eval_sets import FORMATS, build_sets  # noqa: E402

from lofte_extract.pipeline import run  # noqa: E402

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Print one line per set and format: files, records, seconds, files/s, extract docs/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev"])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS))
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (0: in-process)")
    parser.add_argument("--repeat", type=int, default=1, help="copies of each file, for volume")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        built = build_sets(Path(tmp) / "sets", tuple(args.sets), tuple(args.formats))
        print(
            f"{'set':<6} {'format':<6} {'files':>6} {'records':>8} {'wall s':>8} "
            f"{'files/s':>8} {'extract docs/s':>15}"
        )
        total_files, total_seconds = 0, 0.0
        for name, folders in built.items():
            for fmt in args.formats:
                folder = folders[fmt]
                for copy in range(1, args.repeat):
                    for path in list(folder.glob(f"*.{fmt}")):
                        (folder / f"{path.stem}_copy{copy}{path.suffix}").write_bytes(
                            path.read_bytes() + b"\n" * copy
                        )
                started = time.perf_counter()
                summary = run([folder], Path(tmp) / "out" / f"{name}_{fmt}", jobs=args.jobs)
                wall = time.perf_counter() - started
                total_files += summary.files
                total_seconds += wall
                print(
                    f"{name:<6} {fmt:<6} {summary.files:>6} {summary.records:>8} {wall:>8.2f} "
                    f"{summary.files / wall:>8.2f} {summary.documents_per_second:>15.2f}"
                )
        print(
            f"all: {total_files} files in {total_seconds:.1f}s = "
            f"{total_files / total_seconds:.2f} files/s (wall, startup included)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
