"""A comparison as a terminal table, Markdown, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil

from rich import box
from rich.console import Console
from rich.table import Table

from .align import Cell, Comparison, Row
from .settings import COMPARE

__all__ = ["FORMATS", "cell_label", "render"]

FORMATS = ("table", "markdown", "csv", "json")
_STATUS_STYLE = {
    "new": "green",
    "dropped": "red",
    "increased": "green",
    "decreased": "yellow",
    "unchanged": "dim",
    "changed": "cyan",
    "shared": "dim",
    "partial": "cyan",
}
_PERIOD_LABEL = {"deadline": "inom"}


def _number(value: int | float, qualifier: str | None) -> str:
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return number if qualifier in (None, "exakt") else f"{qualifier} {number}"


def cell_label(cell: Cell | None, width: int = 40) -> str:
    """Short text for a cell: 'minst 3', '2', or the start of an uncounted promise."""
    if cell is None:
        return "–"
    if cell.value is not None:
        label = _number(cell.value, cell.qualifier)
        # A 'varav' subset is shown beside its total, never added to it.
        parts = ", ".join(_number(p["value"], p["qualifier"]) for p in cell.parts)
        return f"{label} (varav {parts})" if parts else label
    if len(cell.text) <= width:
        return cell.text
    # Cut at a word boundary: a word is never broken, the cut is marked with an ellipsis.
    head = cell.text[: width - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else cell.text.split()[0]
    return cut.rstrip(" ,.;:–-") + "…"


def _unit_label(row: Row) -> str:
    unit = row.unit or ""
    if row.period:
        unit = f"{unit} ({_PERIOD_LABEL.get(row.period, 'per ' + row.period)})".strip()
    return unit


def _head(comparison: Comparison) -> list[str]:
    first = ["year"] if comparison.mode == "kommuner" else ["kommun"]
    return first + ["category", "unit"] + comparison.columns + ["status"]


def _cells(comparison: Comparison, row: Row, width: int) -> list[str]:
    first = str(row.year) if comparison.mode == "kommuner" else (row.kommun or "")
    values = [cell_label(row.values[c], width) for c in comparison.columns]
    return [first, row.category, _unit_label(row)] + values + [row.status or ""]


def _longest_words(head: list[str], rows: list[list[str]]) -> list[int]:
    """Per column, the longest word: no column may be narrower, so no word is broken."""
    return [
        max(len(word) for text in column for word in (text.split() or [""]))
        for column in zip(head, *rows, strict=True)
    ]


def _table(comparison: Comparison) -> str:
    width = shutil.get_terminal_size((160, 24)).columns
    head = _head(comparison)
    fixed = len(head) - len(comparison.columns) - 1
    # Uncounted promises in the value columns are cut to what fits beside the other columns.
    words = _longest_words(
        head, [_cells(comparison, r, COMPARE.text_min_chars) for r in comparison.rows]
    )
    spare = width - 1 - sum(w + 1 for w in words[:fixed]) - (words[-1] + 1)
    cut = max(
        COMPARE.text_min_chars,
        min(COMPARE.text_max_chars, spare // max(len(comparison.columns), 1) - 1),
    )
    rows = [_cells(comparison, row, cut) for row in comparison.rows]
    longest = _longest_words(head, rows)
    if sum(w + 1 for w in longest) > width:
        return _listing(comparison, width)
    table = Table(
        show_lines=False,
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    for name, least in zip(head, longest, strict=True):
        table.add_column(name, min_width=least, overflow="fold")
    for row, cells in zip(comparison.rows, rows, strict=True):
        style = _STATUS_STYLE.get(row.status or "", "")
        cells[-1] = f"[{style}]{cells[-1]}[/]" if style else cells[-1]
        table.add_row(*cells)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    console.print(table)
    for line in basis_lines(comparison):
        console.print(line, markup=False, highlight=False)
    return buffer.getvalue()


def _listing(comparison: Comparison, width: int) -> str:
    """Too many columns for the terminal: one paragraph per row, wrapped at word boundaries."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    for row in comparison.rows:
        cells = _cells(comparison, row, COMPARE.text_max_chars)
        first, category, unit = cells[:3]
        values = "; ".join(
            f"{c}: {v}" for c, v in zip(comparison.columns, cells[3:-1], strict=True) if v != "–"
        )
        head = " · ".join(p for p in (first, category, unit) if p)
        console.print(f"{head} [{row.status or '-'}]: {values}", markup=False, highlight=False)
    for line in basis_lines(comparison):
        console.print(line, markup=False, highlight=False)
    return buffer.getvalue()


def basis_lines(comparison: Comparison) -> list[str]:
    """Which records each kommun's statuses were computed from, and why some are unknown."""
    lines: dict[str, None] = {}
    for row in comparison.rows:
        if not row.status_records:
            continue
        used = ", ".join(f"{column} {'+'.join(ids)}" for column, ids in row.status_records.items())
        note = f" ({row.status_note})" if row.status_note else ""
        verb = "unknown" if row.status == "unknown" else "statuses from"
        lines[f"{row.kommun}: {verb} {used}{note}"] = None
    return list(lines)


def _markdown(comparison: Comparison) -> str:
    head = _head(comparison)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in comparison.rows:
        cells = [
            c.replace("|", "\\|") for c in _cells(comparison, row, COMPARE.markdown_text_chars)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [f"- {line}" for line in basis_lines(comparison)]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def _csv(comparison: Comparison) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    first = "year" if comparison.mode == "kommuner" else "kommun"
    per_column = ["value", "qualifier", "text", "record_id"]
    writer.writerow(
        [first, "kommunkod", "category", "unit", "period"]
        + [f"{c}_{field}" for c in comparison.columns for field in per_column]
        + ["status", "status_records"]
    )
    for row in comparison.rows:
        out = [
            row.year if comparison.mode == "kommuner" else row.kommun,
            row.kommunkod or "",
            row.category,
            row.unit or "",
            row.period or "",
        ]
        for column in comparison.columns:
            cell = row.values[column]
            out += (
                ["", "", "", ""]
                if cell is None
                else [
                    "" if cell.value is None else cell.value,
                    cell.qualifier or "",
                    cell.text,
                    cell.record_id,
                ]
            )
        basis = ";".join(
            f"{column}:{record_id}"
            for column, ids in row.status_records.items()
            for record_id in ids
        )
        writer.writerow(out + [row.status or "", basis])
    return buffer.getvalue()


def render(comparison: Comparison, fmt: str = "table") -> str:
    """The comparison in one of FORMATS."""
    if fmt == "json":
        return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(comparison)
    if fmt == "csv":
        return _csv(comparison)
    if fmt == "table":
        return _table(comparison)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
