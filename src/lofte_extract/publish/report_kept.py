"""The report's promised-against-done view: per kommun, each promise beside its follow-ups.

For every promise record a follow-up report is linked to (compare/kept.py decides the links
and aligns each reported outcome to a commitment), one table: each commitment with its
targets and evidence, the outcomes aligned to it (status, achieved count, reason, evidence)
and its kept verdict; then the follow-ups' outcomes that answer none of the promise's
commitments. Kommuner with promises but no follow-up, and follow-ups with no promise in the
corpus, are only counted and named.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..compare.kept import PROMISE_TYPES, KeptResult, build_kept
from ..records import Commitment, Outcome, PromiseRecord
from .report_data import kept_label, lan_name
from .report_sections import EvidenceTexts, evidence_details, kommun_key, source_links

__all__ = ["NO_REPORT", "kept_key", "kept_section", "kept_kommuner"]

NO_REPORT = "ingen rapport"  # the verdict of a commitment no follow-up outcome answers
_PERIODS = {"deadline": "inom en tidsgräns"}
_OUTCOME_HEAD = "<th>Uppföljningen säger</th><th>Status</th><th>Utfört</th><th>Orsak</th>"


def kept_key(code: str) -> str:
    """Anchor id of a kommun's promised-against-done section."""
    return f"kept-{code}"


def _years(record: PromiseRecord) -> str:
    years = sorted(record.years)
    if not years:
        return "år okänt"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _kommun_names(record: PromiseRecord) -> str:
    return ", ".join(k.name for k in record.kommuner) or "okänd kommun"


def _pill(status: str) -> str:
    label, color = kept_label(status)
    return f'<span class="status" style="background:{color}">{escape(label)}</span>'


def _number(value: int | float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _targets(commitment: Commitment) -> str:
    parts = []
    for target in commitment.targets:
        period = _PERIODS.get(target.period, f"per {target.period}") if target.period else ""
        suffix = f' <span class="meta">({escape(period)})</span>' if period else ""
        parts.append(f'<span class="target">{escape(target.text)}</span>{suffix}')
    return "<br>".join(parts) or '<span class="meta">inget antal</span>'


def _promise_links(kept: KeptResult) -> dict[str, list[str]]:
    """Promise id -> the follow-up ids linked to it."""
    linked: dict[str, list[str]] = defaultdict(list)
    for link in kept.links:
        linked[link.promise_id].append(link.followup_id)
    return linked


def kept_kommuner(records: list[PromiseRecord], kept: KeptResult) -> set[str]:
    """Kommunkoder that have at least one promise with a linked follow-up."""
    linked = _promise_links(kept)
    return {k.code for r in records if r.id in linked for k in r.kommuner}


def _outcome_cells(followup: PromiseRecord, outcome: Outcome, evidence: EvidenceTexts) -> str:
    """What one outcome says, its status, achieved count and reason, with its evidence."""
    achieved = ""
    if outcome.achieved is not None:
        unit = f" {escape(outcome.unit)}" if outcome.unit else ""
        achieved = f'<span class="achieved">{_number(outcome.achieved)}{unit}</span>'
    reason = f'<span class="reason">{escape(outcome.reason)}</span>' if outcome.reason else ""
    origin = (
        f'<p class="meta">ur <a href="#record-{escape(followup.id)}">'
        f"{escape(followup.title or 'uppföljning')}</a> ({_years(followup)})</p>"
    )
    return (
        f'<td class="outcome">{escape(outcome.text)}{origin}'
        f"{evidence_details(evidence, followup.source, outcome.evidence)}</td>"
        f'<td class="outcome-status" data-status="{escape(outcome.status)}">'
        f"{_pill(outcome.status)}</td><td>{achieved or '–'}</td><td>{reason or '–'}</td>"
    )


def _commitment_body(
    promise: PromiseRecord,
    index: int,
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
    evidence: EvidenceTexts,
) -> str:
    """One commitment as a table body: a row per aligned outcome, or one saying none is."""
    commitment = promise.commitments[index]
    refs = kept.by_commitment.get((promise.id, index), [])
    verdict = kept.kept.get((promise.id, index), NO_REPORT)
    span = max(len(refs), 1)
    lead = (
        f'<td rowspan="{span}" class="promised">{escape(commitment.text)}'
        f"{evidence_details(evidence, promise.source, commitment.evidence)}</td>"
        f'<td rowspan="{span}" class="targets">{_targets(commitment)}</td>'
    )
    verdict_cell = f'<td rowspan="{span}" class="kept">{_pill(verdict)}</td>'
    if not refs:
        rows = [f'{lead}<td colspan="4" class="meta">Uppföljningen nämner det inte.</td>']
    else:
        rows = [_outcome_cells(by_id[f], by_id[f].outcomes[i], evidence) for f, i in refs]
        rows[0] = lead + rows[0]
    rows[0] += verdict_cell
    return (
        f'<tbody class="commitment" data-record="{escape(promise.id)}" data-index="{index}" '
        f'data-kept="{escape(verdict)}">' + "".join(f"<tr>{r}</tr>" for r in rows) + "</tbody>"
    )


def _restated(
    followups: list[PromiseRecord],
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
    evidence: EvidenceTexts,
) -> str:
    """Commitments a follow-up restates (not read from the promise) that outcomes answer."""
    bodies = "".join(
        _commitment_body(f, i, kept, by_id, evidence)
        for f in followups
        for i in range(len(f.commitments))
        if (f.id, i) in kept.by_commitment
    )
    if not bodies:
        return ""
    return (
        '<p class="meta">Åtaganden som uppföljningen själv återger (inte utlästa ur löftet):</p>'
        f'<table class="kept restated"><thead><tr><th>Lovat (enligt uppföljningen)</th>'
        f"<th>Mål</th>{_OUTCOME_HEAD}<th>Bedömning</th></tr></thead>{bodies}</table>"
    )


def _unaligned(followups: list[PromiseRecord], kept: KeptResult, evidence: EvidenceTexts) -> str:
    """The follow-ups' outcomes that answer no commitment, the promise's or their own."""
    rows = []
    for followup in followups:
        for index, outcome in enumerate(followup.outcomes):
            if kept.alignment_of(followup.id, index) is None:
                rows.append(f"<tr>{_outcome_cells(followup, outcome, evidence)}</tr>")
    if not rows:
        return ""
    return (
        f'<p class="meta">Övrigt i uppföljningen, inte kopplat till något åtagande '
        f'({len(rows)}):</p><table class="kept unaligned"><thead><tr>{_OUTCOME_HEAD}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _followup_line(followup: PromiseRecord, kept: KeptResult, promise_id: str) -> str:
    link = next(
        lk for lk in kept.links if lk.followup_id == followup.id and lk.promise_id == promise_id
    )
    return (
        f'<li class="followup"><a href="#record-{escape(followup.id)}">'
        f"{escape(followup.title or 'uppföljning')}</a> ({_years(followup)}) · källa: "
        f"{source_links(followup)} "
        f'<span class="meta">länkad med säkerhet {link.confidence:.2f}: '
        f"{escape('; '.join(link.reasons))}</span></li>"
    )


def _promise_block(
    code: str,
    promise: PromiseRecord,
    followups: list[PromiseRecord],
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
    evidence: EvidenceTexts,
) -> str:
    """One promise with its linked follow-ups: commitment by commitment, then the rest."""
    title = escape(promise.title or "medborgarlöfte")
    kommuner = escape(_kommun_names(promise))
    bodies = "".join(
        _commitment_body(promise, i, kept, by_id, evidence) for i in range(len(promise.commitments))
    )
    table = (
        '<table class="kept"><thead><tr><th>Lovat</th><th>Mål</th>'
        f"{_OUTCOME_HEAD}<th>Bedömning</th></tr></thead>{bodies}</table>"
        if bodies
        else '<p class="summary">Inga åtaganden utlästa ur löftet.</p>'
    )
    return (
        f'<div class="kept-promise" id="kept-{code}-{escape(promise.id)}" '
        f'data-record="{escape(promise.id)}"><h4>{title}</h4>'
        f'<p class="meta">{kommuner} · år {_years(promise)} · källa: {source_links(promise)} · '
        f'<a href="#record-{escape(promise.id)}">posten</a></p>'
        '<p class="meta">Uppföljning:</p><ul class="followups">'
        + "".join(_followup_line(f, kept, promise.id) for f in followups)
        + f"</ul>{table}{_restated(followups, kept, by_id, evidence)}"
        + f"{_unaligned(followups, kept, evidence)}</div>"
    )


def _by_kommun(records: list[PromiseRecord]) -> dict[tuple[str, str], list[PromiseRecord]]:
    """Promise records per (kommun name, code), in year order."""
    found: dict[tuple[str, str], list[PromiseRecord]] = defaultdict(list)
    for record in sorted(records, key=lambda r: (sorted(r.years) or [0], r.id)):
        if record.doc_type in PROMISE_TYPES:
            for kommun in record.kommuner:
                found[(kommun.name, kommun.code)].append(record)
    return found


def _kommun_section(
    name: str,
    code: str,
    promises: list[PromiseRecord],
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
    evidence: EvidenceTexts,
) -> str:
    linked = _promise_links(kept)
    blocks = [
        _promise_block(code, p, [by_id[f] for f in linked[p.id]], kept, by_id, evidence)
        for p in promises
        if p.id in linked
    ]
    alone = len(promises) - len(blocks)
    note = (
        f'<p class="meta">{alone} löfte(n) till utan uppföljning i korpusen.</p>' if alone else ""
    )
    return (
        f'<section class="kept-kommun" id="{kept_key(code)}"><h3>{escape(name)} '
        f'<span class="meta">{code} · {escape(lan_name(code))} · '
        f'<a href="#{kommun_key(code)}">alla poster</a></span></h3>'
        + "".join(blocks)
        + note
        + "</section>"
    )


def _names(pairs: list[tuple[str, str, int]]) -> str:
    return ", ".join(
        f'<a href="#{kommun_key(code)}">{escape(name)}</a> ({n})' for name, code, n in pairs
    )


def _summary(
    records: list[PromiseRecord], kept: KeptResult, promises: dict[tuple[str, str], list]
) -> str:
    """Counts: promises with a follow-up, kommuner with none, follow-ups with no promise."""
    linked = _promise_links(kept)
    shown = {p.id for found in promises.values() for p in found if p.id in linked}
    without = [
        (name, code, len(found))
        for (name, code), found in sorted(promises.items())
        if not any(p.id in linked for p in found)
    ]
    followed = {lk.followup_id for lk in kept.links}
    orphans = [r for r in records if r.outcomes and r.id not in followed]
    orphan_links = ", ".join(
        f'<a href="#record-{escape(r.id)}">{escape(_kommun_names(r))} {_years(r)}</a>'
        for r in orphans
    )
    return (
        f'<p class="summary" id="kept-summary">{len(shown)} löften med uppföljning i '
        f"{len(kept_kommuner(records, kept))} kommuner. "
        f'<span id="kept-without">Kommuner med löften men ingen uppföljning i korpusen: '
        f"{len(without)}{': ' + _names(without) if without else ''}.</span> "
        f'<span id="kept-orphans">Uppföljningar som inte kunde kopplas till ett löfte i '
        f"korpusen: {len(orphans)}{': ' + orphan_links if orphans else ''}.</span></p>"
    )


def kept_section(
    records: list[PromiseRecord], evidence: EvidenceTexts, kept: KeptResult | None = None
) -> str:
    """The promised-against-done view: a summary, then a section per kommun with follow-ups."""
    kept = kept or build_kept(records)
    by_id = {r.id: r for r in records}
    promises = _by_kommun(records)
    codes = kept_kommuner(records, kept)
    sections = "".join(
        _kommun_section(name, code, found, kept, by_id, evidence)
        for (name, code), found in sorted(promises.items())
        if code in codes
    )
    return _summary(records, kept, promises) + sections
