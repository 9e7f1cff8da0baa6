"""The report's sections as HTML strings: coverage, matrix, chart, per-kommun comparisons."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import get_args

from ..compare.align import Cell, Comparison, Row
from ..compare.render import cell_label
from ..records import Category, Commitment, Evidence, PromiseRecord, Source
from .report_charts import stacked_bars
from .report_data import category_label, doc_type_label, lan_name, status_label
from .safe_links import link_url

__all__ = [
    "EvidenceTexts",
    "category_chart",
    "commitment_anchor",
    "comparison_table",
    "coverage",
    "evidence_details",
    "has_content",
    "kommun_key",
    "matrix",
    "record_block",
    "source_links",
]

_CATEGORIES = list(get_args(Category))


def kommun_key(code: str) -> str:
    """Anchor id of a kommun's section."""
    return f"kommun-{code}"


def commitment_anchor(record_id: str, start: int) -> str:
    """Anchor id of one commitment (by record and evidence offset)."""
    return f"c-{record_id}-{start}"


class EvidenceTexts:
    """Reads evidence passages from OUT/texts/ and links them relative to the report."""

    def __init__(self, texts_dir: Path | None, report_dir: Path | None):
        self.texts_dir = texts_dir
        self.report_dir = report_dir
        self._cache: dict[str, str | None] = {}

    def _text(self, sha256: str) -> str | None:
        if sha256 not in self._cache:
            path = self.texts_dir / f"{sha256}.txt" if self.texts_dir else None
            try:
                self._cache[sha256] = path.read_text(encoding="utf-8") if path else None
            except OSError:
                self._cache[sha256] = None
        return self._cache[sha256]

    def href(self, sha256: str) -> str | None:
        """Link to the normalized text file, relative to the report."""
        if not self.texts_dir or not (self.texts_dir / f"{sha256}.txt").is_file():
            return None
        path = (self.texts_dir / f"{sha256}.txt").resolve()
        base = (self.report_dir or Path.cwd()).resolve()
        try:
            return Path(os.path.relpath(path, base)).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_uri()

    def passage(self, sha256: str, evidence: Evidence) -> str | None:
        """The evidence text itself, when the texts folder has it."""
        text = self._text(sha256)
        if text is None or evidence.end > len(text):
            return None
        return text[evidence.start : evidence.end]


def _years(records: list[PromiseRecord]) -> list[int]:
    """Every year from the first to the last any record covers, gaps included."""
    years = {y for r in records for y in r.years}
    return list(range(min(years), max(years) + 1)) if years else []


def has_content(record: PromiseRecord) -> bool:
    """Whether a record holds promise content (commitments or goals) that coverage counts."""
    return bool(record.commitments or record.goals)


def _coverage_cell(found: list[PromiseRecord]) -> str:
    if not found:
        return '<td class="none">–</td>'
    kinds = ", ".join(sorted({doc_type_label(r.doc_type) for r in found}))
    counted = [r for r in found if has_content(r)]
    if not counted:  # a news item or page without commitments: shown, not counted
        return f'<td class="empty" title="{escape(kinds)} utan åtaganden">0</td>'
    return f'<td class="has" title="{escape(kinds)}">{len(counted)}</td>'


def coverage(records: list[PromiseRecord]) -> str:
    """Which kommuner and years have promises: a grid per län."""
    years: list[int | None] = list(_years(records))
    if any(r.kommuner and not r.years for r in records):
        years.append(None)  # records whose year could not be read
    if not years:
        return '<p class="summary">Inga poster med kommun.</p>'
    cells: dict[tuple[str, str], dict[int | None, list[PromiseRecord]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for record in records:
        for kommun in record.kommuner:
            for year in record.years or [None]:
                cells[(kommun.code, kommun.name)][year].append(record)
    by_lan: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, name in sorted(cells):
        by_lan[code[:2]].append((code, name))
    head = "".join(f"<th>{y or 'år okänt'}</th>" for y in years)
    out = [
        f'<table class="coverage"><thead><tr><th>Län</th><th>Kommun</th>{head}</tr></thead><tbody>'
    ]
    for lan in sorted(by_lan):
        kommuner = by_lan[lan]
        for i, (code, name) in enumerate(kommuner):
            lan_cell = (
                f'<th rowspan="{len(kommuner)}">{escape(lan_name(code))}</th>' if i == 0 else ""
            )
            row = [
                f'<tr>{lan_cell}<td><a href="#{kommun_key(code)}">{escape(name)}</a> '
                f'<span class="meta">{code}</span></td>'
            ]
            row += [_coverage_cell(cells[(code, name)].get(year, [])) for year in years]
            out.append("".join(row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _category_counts(records: list[PromiseRecord]) -> dict[str, Counter]:
    per_kommun: dict[str, Counter] = defaultdict(Counter)
    for record in records:
        for kommun in record.kommuner:
            for commitment in record.commitments:
                for category in dict.fromkeys(commitment.categories or ["annat"]):
                    per_kommun[f"{kommun.name}\t{kommun.code}"][category] += 1
    return per_kommun


def matrix(records: list[PromiseRecord]) -> str:
    """Kommun x category: how many commitments each kommun makes in each category."""
    per_kommun = _category_counts(records)
    used = [c for c in _CATEGORIES if any(counts[c] for counts in per_kommun.values())]
    if not used:
        return '<p class="summary">Inga åtaganden.</p>'
    top = max(max(c.values()) for c in per_kommun.values())
    head = "".join(f"<th>{escape(category_label(c))}</th>" for c in used)
    out = [
        f'<div class="wide"><table class="matrix"><thead><tr><th>Kommun</th>{head}</tr>'
        "</thead><tbody>"
    ]
    for key in sorted(per_kommun):
        name, code = key.split("\t")
        row = [f'<tr><td><a href="#{kommun_key(code)}">{escape(name)}</a></td>']
        for category in used:
            n = per_kommun[key][category]
            shade = f' style="background: rgba(45,164,78,{0.15 + 0.6 * n / top:.2f})"' if n else ""
            row.append(f'<td class="num"{shade}>{n or ""}</td>')
        out.append("".join(row) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def category_chart(records: list[PromiseRecord]) -> str:
    """Commitments per category and year as a stacked bar chart."""
    counts: dict[int, dict[str, int]] = defaultdict(Counter)
    for record in records:
        for year in record.years:
            for commitment in record.commitments:
                for category in dict.fromkeys(commitment.categories or ["annat"]):
                    counts[year][category] += 1
    used = [c for c in _CATEGORIES if any(counts[y][c] for y in counts)]
    svg = stacked_bars(dict(counts), used, "Åtaganden per kategori och år")
    return (
        f'<figure id="chart-categories">{svg}<figcaption>Åtaganden per kategori och år '
        "(ett löfte för flera år räknas för varje år).</figcaption></figure>"
    )


def _cell_html(cell: Cell | None) -> str:
    if cell is None:
        return '<td class="none">–</td>'
    anchor = commitment_anchor(cell.record_id, cell.commitment_start)
    label = escape(cell_label(cell, 60))
    return f'<td><a href="#{anchor}" title="{escape(cell.text)}">{label}</a></td>'


def _status_title(row: Row) -> str:
    """The status, the records it was computed from, and why it is unknown."""
    used = ", ".join(f"{c}: {' '.join(ids)}" for c, ids in row.status_records.items())
    note = f"; {row.status_note}" if row.status_note else ""
    return f"{row.status} (from {used}{note})" if used else str(row.status or "")


def comparison_table(comparison: Comparison) -> str:
    """One kommun's year-over-year rows with their statuses."""
    if not comparison.rows or len(comparison.columns) < 2:
        return (
            '<p class="summary">Bara ett år: ingen jämförelse mellan år.</p>'
            if comparison.rows
            else ""
        )
    head = "".join(f"<th>{escape(c)}</th>" for c in comparison.columns)
    out = [
        '<table class="comparison"><thead><tr><th>Kategori</th><th>Enhet</th>'
        f"{head}<th>Status</th></tr></thead><tbody>"
    ]
    for row in comparison.rows:
        label, color = status_label(row.status or "")
        cells = "".join(_cell_html(row.values[c]) for c in comparison.columns)
        unit = escape(row.unit or "(utan antal)")
        if row.period:
            unit += f' <span class="meta">per {escape(row.period)}</span>'
        out.append(
            f'<tr data-status="{row.status}"><td>{escape(category_label(row.category))}</td>'
            f'<td>{unit}</td>{cells}<td><span class="status" style="background:{color}" '
            f'title="{escape(_status_title(row))}">{escape(label)}</span></td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def source_links(record: PromiseRecord) -> str:
    """A record's sources (and the copies it was merged with): http(s) URLs as links, else text."""
    links = []
    for source in [record.source, *record.also_in]:
        label = escape(source.url or source.path)
        if link_url(source.url):
            links.append(f'<a class="source" href="{escape(source.url)}">{label}</a>')
        else:
            links.append(f'<span class="source">{label}</span>')
    return " · ".join(links)


def evidence_details(texts: EvidenceTexts, source: Source, ev: Evidence) -> str:
    """A folded evidence block: the passage quoted, its offsets linked to the source's text."""
    passage = texts.passage(source.sha256, ev)
    where = f"tecken {ev.start}–{ev.end}" + (f", sida {ev.page}" if ev.page else "")
    text_href = texts.href(source.sha256)
    where_link = (
        f'<a class="evidence" href="{escape(text_href)}">{where}</a>' if text_href else where
    )
    quote = f"<blockquote>{escape(passage)}</blockquote>" if passage else ""
    return (
        f"<details><summary>evidens ({where})</summary>{quote}"
        f'<p class="meta">{where_link} i {escape(source.path)}</p></details>'
    )


def _commitment_html(record: PromiseRecord, commitment: Commitment, evidence: EvidenceTexts) -> str:
    ev = commitment.evidence
    href = link_url(record.source.url) or evidence.href(record.source.sha256)
    text = escape(commitment.text)
    text = f'<a href="{escape(href)}">{text}</a>' if href else text
    cats = ", ".join(category_label(c) for c in commitment.categories) or "–"
    targets = "; ".join(t.text for t in commitment.targets)
    return (
        f'<li id="{commitment_anchor(record.id, ev.start)}">{text} '
        f'<span class="meta">[{escape(cats)}]'
        f"{' · ' + escape(targets) if targets else ''}</span>"
        f"{evidence_details(evidence, record.source, ev)}</li>"
    )


def record_block(record: PromiseRecord, evidence: EvidenceTexts) -> str:
    """One promise document: what it is, where it came from, and every commitment."""
    years = "–".join(str(y) for y in (sorted(record.years)[:1] + sorted(record.years)[1:][-1:]))
    title = escape(record.title or f"{doc_type_label(record.doc_type)} {years}")
    signed = f" · undertecknat {record.signed_date}" if record.signed_date else ""
    people = ", ".join(
        f"{s.name}" + (f" ({s.title})" if s.title else "") for s in record.signatories
    )
    parts = [
        f'<div class="record" id="record-{record.id}"><h4>{title}</h4>',
        f'<p class="meta">{escape(doc_type_label(record.doc_type))} · år {years or "okänt"}'
        f"{signed} · källa: {source_links(record)}</p>",
    ]
    if people:
        parts.append(f'<p class="meta">Undertecknat av {escape(people)}</p>')
    parts += [f'<p class="warning">{escape(w)}</p>' for w in record.warnings]
    if record.commitments:
        parts.append(
            "<ul>"
            + "".join(_commitment_html(record, c, evidence) for c in record.commitments)
            + "</ul>"
        )
    else:
        parts.append('<p class="summary">Inga åtaganden utlästa.</p>')
    parts.append("</div>")
    return "".join(parts)
