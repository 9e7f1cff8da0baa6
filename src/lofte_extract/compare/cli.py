"""`lofte-extract compare OUT`: the comparison from a run's output folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import get_args

from ..records import Category
from .align import compare_records
from .dedupe import deduplicate
from .kept_view import kept_rows, render_kept
from .kommun_names import resolve_kommuner
from .load import RecordsNotFound, load_records
from .render import FORMATS, render

__all__ = ["register", "run_compare"]


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `compare` command."""
    parser = subparsers.add_parser(
        "compare",
        help="line commitments up across years or kommuner",
        description="Line commitments up by kommun, category and counted unit across years "
        "(or across kommuner for one year), with a status per row.",
        epilog="Statuses, between the first and last year the kommun has a promise for: new, "
        "dropped, increased, decreased, unchanged, changed (same category, no comparable "
        "numbers, different wording), unknown (a year whose only record is a news item, a "
        "follow-up or a record without commitments cannot say what was dropped). Only promises "
        "and agreements with commitments are compared; each status names the records it was "
        "computed from. Kommuner side by side: shared, partial. "
        "Example: lofte-extract compare out --kommun Eslöv --year 2016 --year 2017",
    )
    parser.add_argument("out", type=Path, help="a run's output folder (holding records.jsonl)")
    parser.add_argument(
        "--kommun",
        action="append",
        metavar="NAME",
        help="kommun name or kommunkod ('eslov', 'Eslövs kommun' and 1285 all "
        "find Eslöv); repeat for several",
    )
    parser.add_argument(
        "--year",
        action="append",
        type=int,
        metavar="YEAR",
        help="year to compare; repeat for several",
    )
    parser.add_argument(
        "--category",
        action="append",
        choices=get_args(Category),
        metavar="KEY",
        help="codebook category key; repeat for several",
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.set_defaults(func=run_compare)
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"lofte-extract compare: {message}", file=sys.stderr)
    return code


def run_compare(args: argparse.Namespace) -> int:
    """Handle `compare`; returns the exit code."""
    try:
        records = deduplicate(load_records(args.out))
    except (RecordsNotFound, OSError) as exc:
        return _fail(str(exc), 2)
    codes = None
    if args.kommun:
        codes, unknown = resolve_kommuner(args.kommun, records)
        for query, close in unknown.items():
            hint = f"; closest: {', '.join(close)}" if close else ""
            return _fail(f"no kommun {query!r} among the {len(records)} records{hint}")
    comparison = compare_records(records, kommuner=codes, years=args.year, categories=args.category)
    if not comparison.rows:
        wanted = ", ".join(args.kommun or []) or "any kommun"
        years = ", ".join(str(y) for y in args.year or []) or "any year"
        return _fail(f"no commitments for {wanted} in {years} among {len(records)} records")
    text = render(comparison, args.format)
    if args.format == "table":  # promised vs done, where follow-ups report on the promises
        text += render_kept(kept_rows(records, codes, args.year))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
