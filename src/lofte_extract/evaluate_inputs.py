"""Gold files and records read for scoring: what cannot be read is named and left out.

A broken gold file or a truncated records line must not hide the score of everything else,
nor vanish silently: each one left out is described in `skipped`, for the caller to print.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["EvaluationInputError", "load_gold", "load_records", "records_file"]


# What a JSON value that is no object is called, for the message.
_JSON_KINDS = {
    "list": "array",
    "str": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "NoneType": "null",
}


class EvaluationInputError(ValueError):
    """The records or the gold folder to score cannot be found at all."""


def records_file(records_path: Path | str) -> Path:
    """records.jsonl itself, or the one inside a run's output folder."""
    path = Path(records_path)
    if path.is_dir():
        path = path / "records.jsonl"
    if not path.is_file():
        raise EvaluationInputError(
            f"records not found: {records_path} (give records.jsonl or a run's output folder)"
        )
    return path


def load_gold(
    gold_dir: Path | str, skipped: list[str] | None = None, required: str = "documents"
) -> dict[str, dict]:
    """Gold annotations by source stem; a file that is no JSON object holding a `required`
    list is described in `skipped` and left out."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise EvaluationInputError(f"gold folder not found: {gold_dir}")
    skipped = [] if skipped is None else skipped
    gold: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        annotation = _json_object(path.read_bytes(), str(path), skipped)
        if annotation is None:
            continue
        problem = _gold_problem(annotation) if required == "documents" else None
        if problem:
            skipped.append(f"{path}: skipped, {problem} (see shared/gold/FORMAT.md)")
            continue
        if required not in annotation:
            skipped.append(f"{path}: skipped, no {required!r} key")
            continue
        gold[path.stem] = annotation
    return gold


def load_records(records_path: Path | str, skipped: list[str] | None = None) -> list[dict]:
    """Records from records.jsonl (or a run's output folder); a line that is no record with
    a source path is described in `skipped` and left out."""
    path = records_file(records_path)
    skipped = [] if skipped is None else skipped
    records: list[dict] = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        record = _json_object(line, f"{path}:{number}", skipped)
        if record is None:
            continue
        source = record.get("source")
        if not isinstance(source, dict) or not isinstance(source.get("path"), str):
            skipped.append(f"{path}:{number}: skipped, the record has no source path")
            continue
        records.append(record)
    return records


def _json_object(data: bytes, where: str, skipped: list[str]) -> dict | None:
    """The JSON object in `data`, or None with the reason in `skipped`."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        skipped.append(f"{where}: skipped, not UTF-8 ({exc.reason} at byte {exc.start})")
        return None
    except json.JSONDecodeError as exc:
        skipped.append(f"{where}: skipped, not JSON ({exc.msg}, line {exc.lineno})")
        return None
    if not isinstance(value, dict):
        kind = _JSON_KINDS.get(type(value).__name__, "value")
        skipped.append(f"{where}: skipped, a JSON {kind} where an object belongs")
        return None
    return value


# What scoring reads of each gold document, and the key each list item must hold.
_GOLD_LISTS = {
    "kommuner": None,
    "years": None,
    "signatories": "name",
    "commitments": "text",
    "goals": "text",
}


def _gold_problem(annotation: dict) -> str | None:
    """Why a gold annotation cannot be scored, or None."""
    documents = annotation.get("documents")
    if not _is_list_of_objects(documents):
        return "no 'documents' list of objects"
    for index, document in enumerate(documents):
        if "doc_type" not in document:
            return f"document {index} has no 'doc_type'"
        for key, item_key in _GOLD_LISTS.items():
            items = document.get(key)
            if not isinstance(items, list):
                return f"document {index} has no {key!r} list"
            if item_key and not all(isinstance(i, dict) and item_key in i for i in items):
                return f"document {index}: every item of {key!r} needs {item_key!r}"
    return None


def _is_list_of_objects(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)
