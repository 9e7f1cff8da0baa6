"""`lofte-extract review OUT -o review.html`: one page to check a run's records by eye.

Each source's normalized text (OUT/texts/<sha256>.txt) is shown with every extracted value
highlighted at its evidence offsets, beside the records read from it; values whose evidence
is missing or points outside the text are listed apart, never hidden.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from .review_html import SourceView, render_page

__all__ = ["ReviewError", "build_review", "load_run", "register", "write_review"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ReviewError(Exception):
    """A run folder that cannot be reviewed (no records.jsonl, say)."""


def _read_jsonl(path: Path, notes: list[str]) -> list[dict[str, Any]]:
    rows = []
    if not path.is_file():
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            notes.append(f"{path.name} line {n} skipped: not JSON ({exc.msg})")
            continue
        if isinstance(row, dict):
            rows.append(row)
        else:
            notes.append(f"{path.name} line {n} skipped: not an object")
    return rows


def _read_text(out_dir: Path, sha256: str) -> str | None:
    # The hash names a file; anything but 64 hex digits could walk out of texts/.
    if not _SHA256.match(sha256):
        return None
    path = out_dir / "texts" / f"{sha256}.txt"
    if not path.is_file():
        return None
    # NUL becomes U+FFFD: one character for one, so evidence offsets still hold.
    return path.read_text(encoding="utf-8", errors="replace").replace("\x00", "\ufffd")


def load_run(out_dir: Path) -> tuple[list[SourceView], list[dict[str, Any]], list[str]]:
    """Sources with their texts and records, the error rows, and notes on skipped input."""
    records_path = out_dir / "records.jsonl"
    if not records_path.is_file():
        raise ReviewError(f"no records.jsonl in {out_dir}: give the output folder of a run")
    notes: list[str] = []
    views: dict[tuple[str, str], SourceView] = {}
    for record in _read_jsonl(records_path, notes):
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        sha256, path = str(source.get("sha256") or ""), str(source.get("path") or "(unknown)")
        view = views.get((path, sha256))
        if view is None:
            view = views[(path, sha256)] = SourceView(path, sha256, _read_text(out_dir, sha256))
        view.records.append(record)
    errors = _read_jsonl(out_dir / "errors.jsonl", notes)
    return sorted(views.values(), key=lambda v: v.path), errors, notes


def _matches(view: SourceView, match: str) -> bool:
    urls = [str((r.get("source") or {}).get("url") or "") for r in view.records]
    return any(match.lower() in x.lower() for x in [view.path, *urls])


def build_review(out_dir: Path | str, title: str | None = None, match: str | None = None) -> str:
    """The review page for a run's output folder, as HTML; `match` keeps only sources whose
    path or URL contains it."""
    out_dir = Path(out_dir)
    views, errors, notes = load_run(out_dir)
    if match:
        views = [v for v in views if _matches(v, match)]
        errors = [e for e in errors if match.lower() in str(e.get("path", "")).lower()]
        notes.append(f"showing sources matching {match!r} only")
    return render_page(views, errors, title or f"lofte-extract review: {out_dir.name}", notes)


def write_review(out_dir: Path | str, target: Path | str, match: str | None = None) -> Path:
    """Write the review page for a run to `target`."""
    target = Path(target)
    page = build_review(out_dir, match=match)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


def _review_command(args: argparse.Namespace) -> int:
    try:
        target = write_review(
            args.out_dir, args.output or Path(args.out_dir) / "review.html", match=args.match
        )
    except ReviewError as exc:
        print(f"lofte-extract review: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {target}")
    return 0


def register(subparsers: Any) -> None:
    """Add the `review` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help="write an HTML page to check records against their evidence",
        description="Write one self-contained HTML page showing each source's normalized text "
        "with every extracted value highlighted, beside its records.",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT", help="output folder of a run")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="page to write (default: OUT/review.html)"
    )
    parser.add_argument(
        "--match", metavar="TEXT", default=None, help="only sources whose path or URL contains TEXT"
    )
    parser.set_defaults(func=_review_command)
