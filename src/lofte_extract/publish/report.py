"""`lofte-extract report OUT -o report.html`: one self-contained HTML page about a run.

Coverage by län, a kommun x category matrix, categories over years as an inline SVG
chart, promised against done where follow-ups report on the promises (report_kept.py), and
per kommun the year-over-year comparison, every commitment linked to its source and its
evidence. No scripts, fonts or images are fetched: the file opens offline.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import date
from html import escape
from pathlib import Path

from .. import __version__
from ..compare.align import compare_records
from ..compare.dedupe import deduplicate
from ..compare.kept import KeptResult, build_kept
from ..compare.load import RecordsNotFound, load_records
from ..records import ErrorRow, PromiseRecord
from .report_data import css, lan_name
from .report_kept import kept_key, kept_kommuner, kept_section
from .report_sections import (
    EvidenceTexts,
    category_chart,
    comparison_table,
    coverage,
    has_content,
    kommun_key,
    matrix,
    record_block,
)

__all__ = ["build_report", "register", "run_report", "write_report"]


def _kept_link(code: str, with_followups: set[str]) -> str:
    if code not in with_followups:
        return ""
    return f'<p class="meta"><a href="#{kept_key(code)}">Lovat och gjort</a></p>'


def _kommun_sections(
    records: list[PromiseRecord], evidence: EvidenceTexts, kept: KeptResult
) -> str:
    by_kommun: dict[tuple[str, str], list[PromiseRecord]] = defaultdict(list)
    for record in records:
        for kommun in record.kommuner:
            by_kommun[(kommun.name, kommun.code)].append(record)
    parts = []
    with_followups = kept_kommuner(records, kept)
    for (name, code), found in sorted(by_kommun.items()):
        comparison = compare_records(found, kommuner=[code])
        ordered = sorted(found, key=lambda r: (sorted(r.years) or [0], r.id))
        parts.append(
            f'<section class="kommun" id="{kommun_key(code)}"><h3>{escape(name)} '
            f'<span class="meta">{code} · {escape(lan_name(code))}</span></h3>'
            f"{_kept_link(code, with_followups)}{comparison_table(comparison)}"
            + "".join(record_block(r, evidence) for r in ordered)
            + "</section>"
        )
    unplaced = [r for r in records if not r.kommuner]
    if unplaced:
        parts.append(
            '<section class="kommun" id="kommun-okand"><h3>Okänd kommun</h3>'
            + "".join(record_block(r, evidence) for r in unplaced)
            + "</section>"
        )
    return "".join(parts)


def _errors_section(errors: list[ErrorRow]) -> str:
    if not errors:
        return ""
    rows = "".join(
        f"<tr><td>{escape(e.path)}</td><td>{escape(e.stage)}</td><td>{escape(e.reason)}</td></tr>"
        for e in errors
    )
    return (
        f'<h2 id="errors">Filer som inte kunde användas ({len(errors)})</h2>'
        f'<table class="errors"><thead><tr><th>Fil</th><th>Steg</th><th>Orsak</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _read_errors(out_dir: Path) -> list[ErrorRow]:
    """OUT/errors.jsonl, skipping lines that do not parse."""
    path = out_dir / "errors.jsonl"
    errors = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                errors.append(ErrorRow.model_validate_json(line))
            except ValueError:
                continue
    return errors


def build_report(
    records: list[PromiseRecord],
    texts_dir: Path | None = None,
    report_dir: Path | None = None,
    title: str = "Medborgarlöften",
    errors: list[ErrorRow] | None = None,
) -> str:
    """The whole report page as one HTML string."""
    evidence = EvidenceTexts(texts_dir, report_dir)
    kept = build_kept(records)
    kommuner = {k.code for r in records for k in r.kommuner}
    years = sorted({y for r in records for y in r.years})
    span = f"{years[0]}–{years[-1]}" if years else "inga år"
    commitments = sum(len(r.commitments) for r in records)
    content = sum(1 for r in records if has_content(r))
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{css()}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="summary" id="totals">{content} löftesdokument med innehåll ({len(records)} poster) ·
{len(kommuner)} kommuner ·
{commitments} åtaganden · {span}. Skapad {date.today().isoformat()} av lofte-extract
{__version__}.</p>
<nav class="toc"><a href="#coverage">Täckning</a><a href="#chart">Kategorier över tid</a>
<a href="#matrix">Kommun × kategori</a><a href="#kept">Lovat och gjort</a>
<a href="#kommuner">Per kommun</a></nav>
<h2 id="coverage">Täckning per län</h2>
<p class="summary">Antal löftesdokument med åtaganden eller mål per kommun och år; 0 för ett
år som bara har poster utan innehåll (en nyhet utan åtaganden), – för ett år utan poster.</p>
{coverage(records)}
<h2 id="chart">Kategorier över tid</h2>
{category_chart(records)}
<h2 id="matrix">Kommun × kategori</h2>
<p class="summary">Antal åtaganden per kategori.</p>
{matrix(records)}
<h2 id="kept">Lovat och gjort</h2>
<p class="summary">Löften som en uppföljning rapporterar om, åtagande för åtagande: målet, vad
uppföljningen säger (genomförd, delvis, ej genomförd, pågår eller okänd, med utfört antal och
orsak) och bedömningen (mål 4, utfört 2 ger delvis; ingen rapport när uppföljningen inte nämner
åtagandet), med evidens för båda.</p>
{kept_section(records, evidence, kept)}
<h2 id="kommuner">Per kommun</h2>
<p class="summary">Åtaganden jämförda år för år med status new (ny), dropped (borttagen),
increased (ökad), decreased (minskad), unchanged (oförändrad) eller changed (ändrad);
varje åtagande länkar till sin källa och sin evidens.</p>
{_kommun_sections(records, evidence, kept)}
{_errors_section(errors or [])}
</body>
</html>
"""


def write_report(out_dir: Path, target: Path) -> int:
    """Read OUT/records.jsonl, write the report to `target`; returns the number of records."""
    records = deduplicate(load_records(out_dir))
    folder = out_dir if out_dir.is_dir() else out_dir.parent
    texts = folder / "texts"
    target.parent.mkdir(parents=True, exist_ok=True)
    html = build_report(
        records, texts if texts.is_dir() else None, target.parent, errors=_read_errors(folder)
    )
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)
    return len(records)


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `report` command."""
    parser = subparsers.add_parser(
        "report",
        help="write a self-contained HTML report about a run",
        description="Coverage by län, kommun x category matrix, categories over years, "
        "promised against done (per kommun, each promise a follow-up reports on, commitment "
        "by commitment) and per-kommun year-over-year comparisons, as one HTML file that "
        "opens offline.",
    )
    parser.add_argument("out", type=Path, help="a run's output folder (holding records.jsonl)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="HTML file to write (default: OUT/report.html, beside the run's other outputs)",
    )
    parser.set_defaults(func=run_report)
    return parser


def run_report(args: argparse.Namespace) -> int:
    """Handle `report`; returns the exit code."""
    folder = args.out if args.out.is_dir() else args.out.parent
    output = args.output or folder / "report.html"
    try:
        count = write_report(args.out, output)
    except (RecordsNotFound, OSError) as exc:
        print(f"lofte-extract report: {exc}", file=sys.stderr)
        return 2
    print(f"report: {count} records -> {output}", file=sys.stderr)
    return 0
