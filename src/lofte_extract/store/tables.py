"""The tables of OUT/lofte.sqlite: names, columns, keys and descriptions, in one place.

The SQLite writer fills them, the Datasette metadata and the datapackage describe them;
column descriptions come from the pydantic models' Field descriptions, so they never drift
from records.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ..records import (
    Commitment,
    Evidence,
    FollowUp,
    Goal,
    Kommun,
    NumericTarget,
    Period,
    PromiseRecord,
    Signatory,
    Source,
)

__all__ = ["DB_NAME", "TABLES", "Column", "Table"]

DB_NAME = "lofte.sqlite"


@dataclass(frozen=True)
class Column:
    """A column, the model field it holds (for its description) and its SQLite type."""

    name: str
    type: type
    model: type[BaseModel] | None = None
    field: str | None = None
    note: str = ""

    @property
    def description(self) -> str:
        """The pydantic Field description, else the note, else the model's docstring."""
        if self.model is not None and self.field is not None:
            info = self.model.model_fields[self.field]
            if info.description:
                return info.description + (f" {self.note}" if self.note else "")
            if self.note:
                return self.note
            doc = (self.model.__doc__ or "").strip().splitlines()[0]
            return f"{self.field} of {self.model.__name__}: {doc}"
        return self.note


@dataclass(frozen=True)
class Table:
    """A table: description, columns, primary key, foreign keys (column, table, column)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()


def _evidence(prefix: str = "evidence") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_start", int, Evidence, "start"),
        Column(f"{prefix}_end", int, Evidence, "end"),
        Column(f"{prefix}_page", int, Evidence, "page"),
    )


_RECORD = Column("record_id", str, note="The record (promise document) this row belongs to.")
_POSITION = Column("position", int, note="0-based order within the record, as in records.jsonl.")
_KOMMUNKOD = Column(
    "kommunkod", str, Kommun, "code", note="Joins with SCB and Kolada (first kommun when several)."
)

TABLES: tuple[Table, ...] = (
    Table(
        "kommuner",
        "Kommuner named by at least one record.",
        (
            Column("kommunkod", str, Kommun, "code"),
            Column("name", str, Kommun, "name"),
            Column(
                "lan_code", str, note="Two-digit SCB länskod: the first two digits of kommunkod."
            ),
        ),
        "kommunkod",
    ),
    Table(
        "sources",
        "Files records were read from.",
        (
            Column("id", str, note="Stable id: <sha256>:<path>."),
            Column("sha256", str, Source, "sha256"),
            Column("path", str, Source, "path"),
            Column("url", str, Source, "url"),
            Column("format", str, Source, "format"),
            Column("pages", int, Source, "pages"),
        ),
        "id",
    ),
    Table(
        "records",
        "One row per promise document (a page may hold several).",
        (
            Column("id", str, PromiseRecord, "id"),
            Column(
                "doc_type",
                str,
                PromiseRecord,
                "doc_type",
                note="lofte, uppfoljning, nyhet, overenskommelse or annat.",
            ),
            Column("title", str, PromiseRecord, "title", note="Heading of the promise document."),
            Column("kommun", str, Kommun, "name", note="(First kommun when several.)"),
            _KOMMUNKOD,
            Column(
                "lokalpolisomrade",
                str,
                PromiseRecord,
                "lokalpolisomrade",
                note="Local police area, as written.",
            ),
            Column(
                "years",
                str,
                PromiseRecord,
                "years",
                note="JSON list of every year the promise covers.",
            ),
            Column("first_year", int, note="Earliest year the promise covers."),
            Column("last_year", int, note="Latest year the promise covers."),
            Column("period_start", str, Period, "start"),
            Column("period_end", str, Period, "end"),
            Column("signed_date", str, PromiseRecord, "signed_date"),
            Column("source_id", str, note="The file the record was read from (sources.id)."),
            Column("source_sha256", str, Source, "sha256"),
            Column("source_path", str, Source, "path"),
            Column("source_url", str, Source, "url"),
            Column(
                "follow_up_frequency",
                str,
                FollowUp,
                "frequency",
                note="How often the promise is followed up.",
            ),
            Column("follow_up_deadline", str, FollowUp, "deadline"),
            Column(
                "follow_up_text", str, FollowUp, "text", note="Words the follow-up was read from."
            ),
            *_evidence("follow_up_evidence"),
            Column(
                "warnings",
                str,
                PromiseRecord,
                "warnings",
                note="JSON list of things a reader should check (e.g. differing duplicates).",
            ),
        ),
        "id",
        (("kommunkod", "kommuner", "kommunkod"), ("source_id", "sources", "id")),
    ),
    Table(
        "record_kommuner",
        "Every kommun each record names.",
        (
            _RECORD,
            _POSITION,
            Column("kommunkod", str, Kommun, "code"),
            Column("kommun", str, Kommun, "name"),
            *_evidence(),
        ),
        ("record_id", "kommunkod"),
        (("record_id", "records", "id"), ("kommunkod", "kommuner", "kommunkod")),
    ),
    Table(
        "record_years",
        "Every year each record covers (2022-2023 gives two rows).",
        (
            _RECORD,
            Column("year", int, note="A year the promise covers."),
        ),
        ("record_id", "year"),
        (("record_id", "records", "id"),),
    ),
    Table(
        "record_sources",
        "The file a record was read from and every other file publishing "
        "the same promise (also_in).",
        (
            _RECORD,
            Column("source_id", str, note="The file (sources.id)."),
            Column("role", str, note="'source' for the file read, 'also_in' for other copies."),
        ),
        ("record_id", "source_id"),
        (("record_id", "records", "id"), ("source_id", "sources", "id")),
    ),
    Table(
        "signatories",
        "People who sign a promise.",
        (
            Column("id", str, note="Stable id: <record_id>:s<position>."),
            _RECORD,
            _POSITION,
            Column("name", str, Signatory, "name", note="Full name as written."),
            Column("title", str, Signatory, "title"),
            Column(
                "organisation", str, Signatory, "organisation", note="polisen, kommun or annan."
            ),
            *_evidence(),
        ),
        "id",
        (("record_id", "records", "id"),),
    ),
    Table(
        "commitments",
        "Concrete promises and activities.",
        (
            Column("id", str, note="Stable id: <record_id>:c<position>."),
            _RECORD,
            _POSITION,
            _KOMMUNKOD,
            Column("text", str, Commitment, "text", note="The commitment as written."),
            Column("actors", str, Commitment, "actors", note="(JSON list.)"),
            Column("categories", str, Commitment, "categories", note="(JSON list.)"),
            Column("strength", str, Commitment, "strength"),
            *_evidence(),
        ),
        "id",
        (("record_id", "records", "id"), ("kommunkod", "kommuner", "kommunkod")),
    ),
    Table(
        "commitment_categories",
        "One row per commitment and codebook category.",
        (
            Column("commitment_id", str, note="The commitment."),
            Column("category", str, note="Codebook key (shared/gold/CODEBOOK.md)."),
        ),
        ("commitment_id", "category"),
        (("commitment_id", "commitments", "id"),),
    ),
    Table(
        "targets",
        "Numbers a commitment commits to.",
        (
            Column("id", str, note="Stable id: <commitment_id>:t<position>."),
            Column("commitment_id", str, note="The commitment the target belongs to."),
            _RECORD,
            _POSITION,
            # INTEGER affinity keeps 2 an integer and 2.5 a real, as in records.jsonl.
            Column("value", int, NumericTarget, "value", note="The number."),
            Column("qualifier", str, NumericTarget, "qualifier"),
            Column("unit", str, NumericTarget, "unit"),
            Column(
                "unit_key",
                str,
                note="The unit normalised for comparisons ('medborgardialog' for "
                "'tillfällen för gemensam medborgardialog' and 'medborgardialoger').",
            ),
            Column("period", str, NumericTarget, "period"),
            Column("text", str, NumericTarget, "text"),
            Column(
                "part_of",
                str,
                note="Id of the target this one is a subset of ('varav fyra'); "
                "never add it to that total.",
            ),
            *_evidence(),
        ),
        "id",
        (
            ("commitment_id", "commitments", "id"),
            ("record_id", "records", "id"),
            ("part_of", "targets", "id"),
        ),
    ),
    Table(
        "goals",
        "Outcome goals ('Bostadsinbrotten ska minska').",
        (
            Column("id", str, note="Stable id: <record_id>:g<position>."),
            _RECORD,
            _POSITION,
            Column("text", str, Goal, "text", note="The goal as written."),
            Column(
                "direction", str, Goal, "direction", note="increase, decrease, maintain or null."
            ),
            *_evidence(),
        ),
        "id",
        (("record_id", "records", "id"),),
    ),
    Table(
        "field_evidence",
        "Where each scalar field of a record was read.",
        (
            _RECORD,
            Column(
                "field",
                str,
                note="title, years, period, signed_date, lokalpolisomrade or doc_type.",
            ),
            *_evidence(),
        ),
        ("record_id", "field"),
        (("record_id", "records", "id"),),
    ),
)
