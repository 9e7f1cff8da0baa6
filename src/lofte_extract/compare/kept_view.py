"""Promised against done: per commitment of a kommun's promises, the kept status and evidence."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import Outcome, PromiseRecord
from .kept import KeptResult, build_kept

__all__ = ["KeptRow", "kept_rows", "render_kept"]


@dataclass
class KeptRow:
    """One commitment of a promise that a follow-up reports on (or restates)."""

    kommun: str
    years: str
    promised: str
    promised_evidence: dict
    targets: list[str]
    kept: str
    done: list[str]
    done_evidence: list[dict]
    done_status: list[str]
    done_achieved: list[str | None]
    done_reason: list[str | None]
    record_id: str
    commitment_index: int

    def to_json(self) -> dict:
        """The row as in `compare --format json` under "kept"."""
        return dict(self.__dict__)


def _wanted(record: PromiseRecord, kommuner: set[str] | None, years: set[int] | None) -> bool:
    names = {k.name.casefold() for k in record.kommuner} | {k.code for k in record.kommuner}
    if kommuner and not names & kommuner:
        return False
    return not years or bool(set(record.years) & years)


def _achieved(outcome: Outcome) -> str | None:
    """The achieved count with its unit as written ('40 hastighetskontroller'), if reported."""
    if outcome.achieved is None:
        return None
    value = outcome.achieved
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{number} {outcome.unit}" if outcome.unit else number


def kept_rows(
    records: list[PromiseRecord],
    kommuner: list[str] | None = None,
    years: list[int] | None = None,
    kept: KeptResult | None = None,
) -> list[KeptRow]:
    """Every commitment a follow-up answers, for the wanted kommuner and years."""
    kept = kept or build_kept(records)
    by_id = {r.id: r for r in records}
    wanted_k = {k.casefold() for k in kommuner} if kommuner else None
    wanted_y = set(years) if years else None
    rows = []
    for (rid, ci), refs in sorted(kept.by_commitment.items()):
        record = by_id[rid]
        if not _wanted(record, wanted_k, wanted_y):
            continue
        commitment = record.commitments[ci]
        outcomes = [by_id[f].outcomes[i] for f, i in refs]
        rows.append(
            KeptRow(
                kommun=", ".join(k.name for k in record.kommuner),
                years="-".join(str(y) for y in sorted({min(record.years), max(record.years)}))
                if record.years
                else "",
                promised=commitment.text,
                promised_evidence={
                    "source_path": record.source.path,
                    **commitment.evidence.model_dump(),
                },
                targets=[t.text for t in commitment.targets],
                kept=kept.kept[(rid, ci)],
                done=[o.text for o in outcomes],
                done_evidence=[
                    {
                        "source_path": by_id[f].source.path,
                        **by_id[f].outcomes[i].evidence.model_dump(),
                    }
                    for f, i in refs
                ],
                done_status=[o.status for o in outcomes],
                done_achieved=[_achieved(o) for o in outcomes],
                done_reason=[o.reason for o in outcomes],
                record_id=rid,
                commitment_index=ci,
            )
        )
    return rows


def _where(evidence: dict) -> str:
    return f"{evidence['source_path']}:{evidence['start']}-{evidence['end']}"


def _said(status: str, achieved: str | None, reason: str | None) -> str:
    """'genomförd, utfört 40 hastighetskontroller', 'ej genomförd, orsak: …'."""
    parts = [status]
    if achieved:
        parts.append(f"utfört {achieved}")
    if reason:
        parts.append(f"orsak: {reason}")
    return ", ".join(parts)


def render_kept(rows: list[KeptRow]) -> str:
    """A terminal table: kommun, years, promised, target, kept, done (with status and evidence)."""
    if not rows:
        return ""
    table = Table(title="Lovat och gjort (promised vs done)", header_style="bold", show_lines=True)
    for name in ("kommun", "år", "lovat", "mål", "kept", "gjort"):
        table.add_column(name, overflow="fold")
    for row in rows:
        done = "\n".join(
            f"{_said(status, achieved, reason)}: {text} [{_where(ev)}]"
            for text, ev, status, achieved, reason in zip(
                row.done,
                row.done_evidence,
                row.done_status,
                row.done_achieved,
                row.done_reason,
                strict=True,
            )
        )
        promised = f"{row.promised} [{_where(row.promised_evidence)}]"
        targets = "; ".join(row.targets) or "–"
        table.add_row(
            row.kommun, row.years, escape(promised), escape(targets), row.kept, escape(done)
        )
    buffer = io.StringIO()
    width = shutil.get_terminal_size((160, 24)).columns
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()
