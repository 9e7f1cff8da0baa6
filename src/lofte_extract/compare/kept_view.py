"""Promised against done: per commitment of a kommun's promises, the kept status and evidence."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import PromiseRecord
from .kept import KeptResult, build_kept

__all__ = ["KeptRow", "kept_rows", "render_kept"]


@dataclass
class KeptRow:
    """One commitment of a promise that a follow-up reports on (or restates)."""

    kommun: str
    years: str
    promised: str
    promised_evidence: dict
    kept: str
    done: list[str]
    done_evidence: list[dict]
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
                kept=kept.kept[(rid, ci)],
                done=[o.text for o in outcomes],
                done_evidence=[
                    {
                        "source_path": by_id[f].source.path,
                        **by_id[f].outcomes[i].evidence.model_dump(),
                    }
                    for f, i in refs
                ],
                record_id=rid,
                commitment_index=ci,
            )
        )
    return rows


def _where(evidence: dict) -> str:
    return f"{evidence['source_path']}:{evidence['start']}-{evidence['end']}"


def render_kept(rows: list[KeptRow]) -> str:
    """A terminal table: kommun, years, promised (with evidence), kept, done (with evidence)."""
    if not rows:
        return ""
    table = Table(title="Lovat och gjort (promised vs done)", header_style="bold", show_lines=True)
    for name in ("kommun", "år", "lovat", "kept", "gjort"):
        table.add_column(name, overflow="fold")
    for row in rows:
        done = "\n".join(
            f"{text} [{_where(ev)}]" for text, ev in zip(row.done, row.done_evidence, strict=True)
        )
        promised = f"{row.promised} [{_where(row.promised_evidence)}]"
        table.add_row(row.kommun, row.years, escape(promised), row.kept, escape(done))
    buffer = io.StringIO()
    width = shutil.get_terminal_size((160, 24)).columns
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()
