"""Every extracted value of a record with its evidence span, located in the source text or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Span", "Unlocated", "Value", "record_values", "split_located"]

# Scalar fields whose evidence sits in `field_evidence`, in display order.
_SCALAR_FIELDS = ("doc_type", "title", "lokalpolisomrade", "years", "period", "signed_date")


@dataclass(frozen=True)
class Value:
    """One extracted value: which field, what it says, and its evidence (or None)."""

    key: str  # unique within the record, e.g. "commitments.2.targets.0"
    kind: str  # css family: commitment, target, goal, signatory, kommun, date, lpo, meta, follow_up
    field: str  # human label, e.g. "commitment 3"
    value: str
    evidence: dict[str, Any] | None
    # What was read about the value, shown beside it: a commitment's categories, actors,
    # strength and targets.
    detail: str = ""


@dataclass(frozen=True)
class Span:
    """A value whose evidence lies inside the text: `text[start:end]`."""

    id: str
    start: int
    end: int
    value: Value


@dataclass(frozen=True)
class Unlocated:
    """A value whose evidence is missing or does not point into the text, and why."""

    value: Value
    reason: str


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_fmt(v) for v in value)
    if isinstance(value, dict):
        if "start" in value and "end" in value and len(value) == 2:
            return f"{value['start']} – {value['end']}"
        return ", ".join(f"{k}: {_fmt(v)}" for k, v in value.items() if v not in (None, [], ""))
    return str(value)


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list; anything else in a hand-edited records file is skipped."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _evidence(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _target_text(target: dict[str, Any]) -> str:
    parts = [target.get("qualifier"), _fmt(target.get("value")), target.get("unit")]
    period = target.get("period")
    text = " ".join(str(p) for p in parts if p)
    return f"{text} / {period}" if period else text


def _commitment_detail(commitment: dict[str, Any]) -> str:
    """'categories: trafik, skola · actors: polisen · strength: soft · targets: minst 12 ...'."""
    targets = _dicts(commitment.get("targets"))
    labels = [
        _target_text(t) + (" (varav)" if t.get("part_of") is not None else "") for t in targets
    ]
    parts = [
        ("categories", _fmt(commitment.get("categories")) or "–"),
        ("actors", _fmt(commitment.get("actors")) or "–"),
        ("strength", _fmt(commitment.get("strength")) or "–"),
        ("targets", "; ".join(labels) or "none"),
    ]
    return " · ".join(f"{name}: {text}" for name, text in parts)


def record_values(record: dict[str, Any]) -> list[Value]:
    """All values of a record that a reader should be able to check, in display order."""
    values: list[Value] = []
    evidence = record.get("field_evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    kinds = {"signed_date": "date", "years": "date", "period": "date", "lokalpolisomrade": "lpo"}
    for name in _SCALAR_FIELDS:
        value = record.get(name)
        if value in (None, [], ""):
            continue
        if name == "doc_type" and not evidence.get(name):
            continue  # a judgement on the whole document, shown in the record's heading
        values.append(
            Value(name, kinds.get(name, "meta"), name, _fmt(value), _evidence(evidence.get(name)))
        )
    for name, ev in evidence.items():  # evidence for fields this page does not know yet
        if name not in _SCALAR_FIELDS:
            values.append(Value(name, "meta", name, _fmt(record.get(name)), _evidence(ev)))
    for i, kommun in enumerate(_dicts(record.get("kommuner"))):
        label = f"{kommun.get('name')} ({kommun.get('code')})"
        values.append(
            Value(f"kommuner.{i}", "kommun", "kommun", label, _evidence(kommun.get("evidence")))
        )
    for i, person in enumerate(_dicts(record.get("signatories"))):
        label = " · ".join(
            str(p)
            for p in (person.get("name"), person.get("title"), person.get("organisation"))
            if p
        )
        values.append(
            Value(
                f"signatories.{i}",
                "signatory",
                "signatory",
                label,
                _evidence(person.get("evidence")),
            )
        )
    for i, commitment in enumerate(_dicts(record.get("commitments"))):
        values.append(
            Value(
                f"commitments.{i}",
                "commitment",
                f"commitment {i + 1}",
                str(commitment.get("text", "")),
                _evidence(commitment.get("evidence")),
                _commitment_detail(commitment),
            )
        )
        for j, target in enumerate(_dicts(commitment.get("targets"))):
            values.append(
                Value(
                    f"commitments.{i}.targets.{j}",
                    "target",
                    f"target of commitment {i + 1}",
                    _target_text(target),
                    _evidence(target.get("evidence")),
                )
            )
    for i, goal in enumerate(_dicts(record.get("goals"))):
        label = str(goal.get("text", ""))
        if goal.get("direction"):
            label += f" [{goal['direction']}]"
        values.append(
            Value(f"goals.{i}", "goal", f"goal {i + 1}", label, _evidence(goal.get("evidence")))
        )
    follow_up = record.get("follow_up")
    if isinstance(follow_up, dict) and follow_up:
        label = _fmt({k: follow_up.get(k) for k in ("frequency", "deadline")}) or follow_up.get(
            "text", ""
        )
        values.append(
            Value(
                "follow_up",
                "follow_up",
                "follow-up",
                str(label),
                _evidence(follow_up.get("evidence")),
            )
        )
    return values


def _problem(evidence: dict[str, Any] | None, length: int | None) -> str | None:
    """Why evidence cannot be shown in the text, or None when it can."""
    if not evidence:
        return "no evidence"
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return "evidence without offsets"
    if length is None:
        return "normalized text missing"
    if start < 0 or end > length:
        return f"offsets {start}–{end} outside the text ({length} characters)"
    if start >= end:
        return f"empty span {start}–{end}"
    return None


def split_located(
    values: list[Value], text_length: int | None, prefix: str
) -> tuple[list[Span], list[Unlocated]]:
    """Values whose evidence lies in a text of this length, and the rest with reasons."""
    spans, missing = [], []
    for n, value in enumerate(values):
        problem = _problem(value.evidence, text_length)
        if problem is None:
            assert value.evidence is not None
            spans.append(
                Span(f"{prefix}-{n}", value.evidence["start"], value.evidence["end"], value)
            )
        else:
            missing.append(Unlocated(value, problem))
    return spans, missing
