"""The records model: the dataset's contract.

One `PromiseRecord` per promise document. Field names follow the gold format
(`shared/gold/FORMAT.md`), which outside scoring reads, so rename nothing here
without changing the gold format too.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Actor",
    "Category",
    "Commitment",
    "CommitmentRow",
    "DocType",
    "ErrorRow",
    "Evidence",
    "FollowUp",
    "Goal",
    "Kommun",
    "NumericTarget",
    "Outcome",
    "OutcomeStatus",
    "Period",
    "PromiseRecord",
    "RecordRow",
    "Signatory",
    "Source",
    "make_record_id",
]

DocType = Literal["lofte", "uppfoljning", "nyhet", "overenskommelse", "annat"]
Organisation = Literal["polisen", "kommun", "annan"]
Actor = Literal["polisen", "kommun", "annan"]
Qualifier = Literal["minst", "högst", "cirka", "exakt"]
TargetPeriod = Literal["vecka", "månad", "termin", "år", "höst", "vår", "dagar", "deadline"]
Direction = Literal["increase", "decrease", "maintain"]
Frequency = Literal["veckovis", "månadsvis", "kvartalsvis", "tertialvis", "halvårsvis", "årsvis"]
Strength = Literal["firm", "soft"]
OutcomeStatus = Literal["genomförd", "delvis", "ej genomförd", "pågår", "okänd"]
Category = Literal[
    "trafik",
    "trygghetsvandring",
    "medborgardialog",
    "grannsamverkan",
    "inbrott",
    "narkotika",
    "ungdomar",
    "skola",
    "synlighet",
    "nattvandring",
    "klotter",
    "fysisk_miljo",
    "samordning",
    "tillsyn",
    "information",
    "vald",
    "brott_mot_aldre",
    "annat",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a value was read: `text[start:end]` of the source's normalized text."""

    start: int = Field(ge=0, description="Character offset (inclusive) into texts/<sha256>.txt.")
    end: int = Field(ge=0, description="Character offset (exclusive) into texts/<sha256>.txt.")
    page: int | None = Field(None, ge=1, description="1-based PDF page, null for HTML and text.")
    rule: str | None = Field(
        None,
        description="How the value was found: the rule or pattern ids that produced it, "
        "joined by '+' (e.g. 'targets.number_grammar+period.each_year'), null where no single "
        "rule is named.",
    )


class Source(_Model):
    """The file a record was read from."""

    path: str = Field(description="Path relative to the corpus root given on the command line.")
    url: str | None = Field(None, description="URL from the collect manifest, when known.")
    sha256: str = Field(description="SHA-256 of the file's bytes; names texts/<sha256>.txt.")
    format: Literal["pdf", "html", "txt"] = Field(description="Format detected from content.")
    pages: int | None = Field(None, description="Number of PDF pages, null otherwise.")
    ocr_pages: list[int] = Field(
        default_factory=list,
        description="PDF pages without a text layer whose text was read by OCR (Tesseract).",
    )


class Kommun(_Model):
    """A Swedish municipality as in SCB's register."""

    name: str = Field(description="Nominative name as in SCB's list, without 'kommun'.")
    code: str = Field(pattern=r"^\d{4}$", description="SCB kommunkod, four digits.")
    evidence: Evidence | None = None


class Period(_Model):
    """Validity period given to the day."""

    start: str = Field(description="ISO date the promise starts to apply.")
    end: str = Field(description="ISO date the promise stops applying.")


class Signatory(_Model):
    """A person who signs the promise."""

    name: str
    title: str | None = Field(None, description="Role title as written, e.g. 'Kommunpolis'.")
    organisation: Organisation
    evidence: Evidence


class NumericTarget(_Model):
    """A number the promise commits to, with what it counts and over what period."""

    value: int | float
    qualifier: Qualifier = Field(description="minst, högst, cirka, or exakt for a bare number.")
    unit: str | None = Field(None, description="The counted thing as written, e.g. 'besök'.")
    period: TargetPeriod | None = Field(
        None, description="What the count is per or within; 'deadline' for 'inom tre dagar'."
    )
    text: str = Field(description="The words the target was read from.")
    evidence: Evidence
    part_of: int | None = Field(
        None,
        ge=0,
        description="Index (in the commitment's targets) of the target this one is a subset "
        "of: 'minst tolv trafikinsatser, varav fyra vid skolor'. Never add it to that total.",
    )


class Commitment(_Model):
    """One concrete promise or activity."""

    text: str
    actors: list[Actor] = Field(default_factory=list, description="Who carries it out.")
    categories: list[Category] = Field(default_factory=list, description="Codebook keys.")
    strength: Strength = Field("firm", description="firm: ska/lovar/kommer att; soft: verka för.")
    targets: list[NumericTarget] = Field(default_factory=list)
    evidence: Evidence


class Goal(_Model):
    """An outcome goal ('Bostadsinbrotten ska minska')."""

    text: str
    direction: Direction | None = None
    evidence: Evidence


class FollowUp(_Model):
    """How and when the promise is followed up."""

    frequency: Frequency | None = None
    deadline: str | None = Field(None, description="ISO date the follow-up is due by.")
    text: str
    evidence: Evidence


class Outcome(_Model):
    """What a follow-up report says was done for one reported activity."""

    text: str = Field(description="The sentence or list item reporting the activity.")
    status: OutcomeStatus = Field(description="genomförd, delvis, ej genomförd, pågår or okänd.")
    achieved: int | float | None = Field(
        None, description="The count the report says was done (never the promised target)."
    )
    unit: str | None = Field(None, description="What the achieved count counts, as written.")
    reason: str | None = Field(None, description="Why it was not (fully) done, as written.")
    categories: list[Category] = Field(
        default_factory=list, description="Codebook keys of the reported activity."
    )
    evidence: Evidence
    achieved_evidence: Evidence | None = None
    reason_evidence: Evidence | None = None


class PromiseRecord(_Model):
    """One promise document (a page may hold several)."""

    id: str = Field(description="Stable id: same input gives the same id on any machine.")
    source: Source
    also_in: list[Source] = Field(
        default_factory=list, description="Other sources publishing the same promise."
    )
    doc_type: DocType
    title: str | None = None
    kommuner: list[Kommun] = Field(default_factory=list)
    lokalpolisomrade: str | None = None
    period: Period | None = None
    years: list[int] = Field(default_factory=list)
    signed_date: str | None = Field(None, description="ISO date the promise was signed.")
    signatories: list[Signatory] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="Reported outcomes (follow-up reports and follow-up sections of a page).",
    )
    field_evidence: dict[str, Evidence] = Field(
        default_factory=dict,
        description="Evidence for scalar fields: title, years, period, signed_date, "
        "lokalpolisomrade, doc_type.",
    )
    warnings: list[str] = Field(default_factory=list)


class ErrorRow(_Model):
    """A file that could not be used, and why."""

    path: str
    stage: Literal["collect", "detect", "parse", "extract", "store"]
    reason: str = Field(description="Short specific reason, e.g. 'encrypted PDF'.")
    detail: str | None = None


def record_order(record: PromiseRecord) -> tuple[str, str]:
    """Sort key of records in every output: by id, then path (byte-identical files share ids,
    and workers finish in no fixed order)."""
    return (record.id, record.source.path)


def make_record_id(sha256: str, index: int) -> str:
    """Stable id for the index-th promise document of the file with this hash."""
    return hashlib.sha256(f"{sha256}:{index}".encode()).hexdigest()[:16]


class CommitmentRow(_Model):
    """One row of commitments.csv: a target, or a commitment without targets."""

    record_id: str = Field(description="PromiseRecord id (records.jsonl, lofte.sqlite).")
    kommun: str = Field(description="Kommun names, ';'-separated when several.")
    kommunkod: str = Field(description="SCB kommunkod(s), ';'-separated, same order as kommun.")
    years: str = Field(description="Years the promise covers, ';'-separated.")
    doc_type: DocType
    categories: str = Field(description="Codebook keys, ';'-separated.")
    commitment: str = Field(description="The commitment's text.")
    strength: Strength
    value: int | float | None = Field(None, description="Target value; empty without target.")
    qualifier: Qualifier | None = None
    unit: str | None = Field(None, description="The counted thing as written.")
    period: TargetPeriod | None = None
    target_text: str | None = Field(None, description="The words the target was read from.")
    part_of: str | None = Field(
        None,
        description="target_text of the target this row is a subset of ('varav fyra'); "
        "empty for a total or a target of its own. Never add this row to that total.",
    )
    source_path: str = Field(description="Source file, relative to the corpus root.")
    source_url: str | None = None
    page: int | None = Field(None, description="PDF page of the evidence.")


class RecordRow(_Model):
    """One row of records.csv: every record, with or without commitments."""

    record_id: str = Field(description="PromiseRecord id (records.jsonl, lofte.sqlite).")
    kommun: str = Field(description="Kommun names, ';'-separated when several.")
    kommunkod: str = Field(description="SCB kommunkod(s), ';'-separated, same order as kommun.")
    years: str = Field(description="Years the promise covers, ';'-separated.")
    doc_type: DocType
    title: str | None = None
    commitments: int = Field(description="Number of commitments.")
    targets: int = Field(description="Number of numeric targets over all commitments.")
    goals: int = Field(description="Number of outcome goals.")
    signatories: int = Field(description="Number of signatories.")
    source_path: str = Field(description="Source file, relative to the corpus root.")
    source_url: str | None = None
