"""Command line: a thin layer over the library. `lofte-extract corpus/` runs the pipeline."""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import signal
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from . import __version__
from .evaluate import evaluate
from .evaluate_inputs import EvaluationInputError
from .evaluate_outcomes import report_outcomes
from .evaluate_report import format_scores
from .pipeline import discover, run
from .schemas import write_schemas

__all__ = ["build_parser", "main"]

DESCRIPTION = """\
Turn Swedish medborgarlöften (the yearly joint promises of a kommun and its local police
area) into a research dataset. Give it folders or files (PDF, HTML, text; the format is
detected from the content) and it writes records.jsonl, commitments.csv, errors.jsonl,
lofte.sqlite and the normalized texts every value's evidence points into.

  lofte-extract corpus/                 same as: lofte-extract run corpus/
  lofte-extract evaluate --gold GOLD out/records.jsonl
"""

# Commands that live beside their stage; each module has register(subparsers).
_PLUGGED_COMMANDS = [
    "lofte_extract.collect.cli",
    "lofte_extract.compare.cli",
    "lofte_extract.publish.review",
    "lofte_extract.publish.report",
]


def _run_command(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(
            f"lofte-extract run: no such file or folder: {', '.join(map(str, missing))}",
            file=sys.stderr,
        )
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"lofte-extract run: output {args.out} exists and is not a folder", file=sys.stderr)
        return 2
    if next(discover(args.paths), None) is None:
        print(
            f"lofte-extract run: no files in {', '.join(map(str, args.paths))}; nothing to extract",
            file=sys.stderr,
        )
        return 1
    try:
        with _Progress(enabled=not args.quiet) as progress:
            summary = run(
                args.paths,
                args.out,
                progress=progress.update,
                jobs=args.jobs,
                timeout=args.timeout,
                follow_outside_links=args.follow_outside_links,
                cache_dir=args.cache,
                use_cache=not args.no_cache,
            )
    except KeyboardInterrupt:
        print("lofte-extract: interrupted, previous outputs kept", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"lofte-extract run: cannot write output to {args.out}: {exc}", file=sys.stderr)
        return 2
    errors = ""
    if summary.failures:
        errors = f"; why ({summary.reasons_line()}): {args.out / 'errors.jsonl'}"
    print(summary.line() + errors, file=sys.stderr)
    return 0


def _schema_command(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(path)
    return 0


def _evaluate_command(args: argparse.Namespace) -> int:
    try:
        if args.outcomes:
            return report_outcomes(args.gold, args.records, args.split, args.json, args.verbose)
        scores = evaluate(args.gold, args.records)
    except EvaluationInputError as exc:
        print(f"lofte-extract evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_scores(scores))
    if args.verbose:
        print("\n".join(scores.misses))
    for line in scores.skipped:
        print(f"lofte-extract evaluate: {line}", file=sys.stderr)
    # a score over fewer files than given is no clean result
    return 1 if scores.skipped else 0


class _Progress:
    """Progress on stderr: a rich bar on a terminal, a line every few seconds in a log."""

    LOG_EVERY = 10.0  # seconds between lines when stderr is not a terminal

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None
        self._task = None
        self._last_line = time.monotonic()

    def __enter__(self) -> _Progress:
        if self.enabled and sys.stderr.isatty():
            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
        return self

    def update(self, done: int, total: int, name: str) -> None:
        """Called by the pipeline before each file."""
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._last_line >= self.LOG_EVERY:
                self._last_line = time.monotonic()
                print(f"lofte-extract: {done}/{total} files", file=sys.stderr, flush=True)
            return
        if self._task is None:
            self._task = self._bar.add_task("extracting", total=total)
        self._bar.update(self._task, completed=done, description=name[:40] or "writing")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="lofte-extract",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lofte-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "run",
        help="extract the dataset from files and folders (the default)",
        description="Parse and extract every file under PATH into OUT.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="corpus folders or files (PDF, HTML, text)",
    )
    p.add_argument(
        "-o", "--out", type=Path, default=Path("out"), help="output folder (default: ./out)"
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="worker processes (default: one per core, at most 2; 0: in-process)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds one file may take before it is reported and skipped (default: 120)",
    )
    p.add_argument(
        "--follow-outside-links",
        action="store_true",
        help="read files that symbolic links in the folders lead to outside them "
        "(default: report them and skip)",
    )
    p.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="result cache folder (default: OUT/.cache); a file whose bytes, "
        "rules and tool version are unchanged is not parsed again",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="parse and extract every file; neither read nor write the cache",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_run_command)

    p = sub.add_parser(
        "schema",
        help="write the JSON Schemas of the output rows",
        description="Write JSON Schema files for records, errors and the CSV "
        "rows, generated from the pydantic models.",
    )
    p.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("schemas"),
        help="folder to write into (default: ./schemas)",
    )
    p.set_defaults(func=_schema_command)

    p = sub.add_parser(
        "evaluate",
        help="score records against gold annotations",
        description="Score records.jsonl against a folder of gold JSON files "
        "(shared/gold/FORMAT.md): per-field precision/recall/F1 or accuracy, "
        "and an overall figure. A gold file or records line that cannot be read is named "
        "on stderr and left out, and the exit status is 1; missing records or gold give 2.",
    )
    p.add_argument("--gold", type=Path, required=True, help="folder of gold .json files")
    p.add_argument("records", type=Path, help="records.jsonl, or a run's output folder")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    p.add_argument(
        "--outcomes",
        action="store_true",
        help="GOLD holds outcome gold (tests/outcomes/FORMAT.md): score outcomes, "
        "follow-up links and kept statuses instead",
    )
    p.add_argument(
        "--split",
        metavar="SPLIT",
        help="with --outcomes: score only the follow-ups whose gold 'split' is this "
        "(dev, blind, blind2, ...: one per blind batch)",
    )
    p.set_defaults(func=_evaluate_command)

    for module_name in _PLUGGED_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a stage still being built
            if exc.name != module_name:
                raise
            continue
        module.register(sub)
    return parser


def _not_a_path(word: str, commands: list[str]) -> str | None:
    """Why a first word that is no command is not a path to run on either, or None."""
    if word.startswith("-"):
        return f"unknown option {word} (see lofte-extract --help)"
    if Path(word).exists():
        return None
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if close:
        return f"unknown command {word!r}; did you mean {close[0]!r}?"
    return None  # `run` reports the missing path


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `lofte-extract` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not argv:
        parser.print_help(sys.stderr)
        return 2
    if argv[0] not in commands and argv[0] not in {"-h", "--help", "--version"}:
        problem = _not_a_path(argv[0], sorted(commands))
        if problem:
            parser.print_usage(sys.stderr)
            print(f"lofte-extract: {problem}", file=sys.stderr)
            return 2
        argv.insert(0, "run")  # `lofte-extract corpus/` works as typed
    args = parser.parse_args(argv)
    # A kill (SIGTERM) stops as Ctrl-C does: workers ended, previous outputs kept, exit 130;
    # unhandled, it left workers running for a minute and staging folders behind.
    signal.signal(signal.SIGTERM, _interrupt)
    return args.func(args)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":
    sys.exit(main())
