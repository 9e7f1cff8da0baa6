"""Documentation generated from the code: CLI reference, schema tables, codebook table.

`python -m lofte_extract.docgen` rewrites docs/*.md; a test fails when they are stale.
"""

from __future__ import annotations

import argparse
import os
import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from .cli import build_parser
from .collect.manifest import ManifestEntry
from .datafiles import load_data
from .records import (
    Category,
    Commitment,
    CommitmentRow,
    ErrorRow,
    Evidence,
    FollowUp,
    Goal,
    Kommun,
    NumericTarget,
    Period,
    PromiseRecord,
    RecordRow,
    Signatory,
    Source,
)

__all__ = ["cli_reference", "codebook_reference", "generated_docs", "schema_reference"]

_MODELS: list[type[BaseModel]] = [
    PromiseRecord,
    Source,
    Kommun,
    Period,
    Signatory,
    Commitment,
    NumericTarget,
    Goal,
    FollowUp,
    Evidence,
    ErrorRow,
    CommitmentRow,
    RecordRow,
    ManifestEntry,
]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_reference() -> str:
    """Markdown with the --help of the program and of every command."""
    # argparse wraps to the terminal's width; pin it so the file is the same everywhere.
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        parser = build_parser()
        helps = {"": parser.format_help()}
        helps |= {name: sub.format_help() for name, sub in _subcommands(parser).items()}
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python -m lofte_extract.docgen`.",
        "",
        "```",
        helps.pop("").rstrip(),
        "```",
        "",
    ]
    for name, text in helps.items():
        parts += [f"## lofte-extract {name}", "", "```", text.rstrip(), "```", ""]
    return "\n".join(parts)


def _type_name(annotation: object) -> str:
    text = str(annotation).replace("typing.", "")
    if isinstance(annotation, type):
        text = annotation.__name__
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        text = " \\| ".join(repr(a).strip("'") for a in typing.get_args(annotation))
    return text.replace("lofte_extract.records.", "").replace("|", "\\|").replace("\\\\|", "\\|")


def schema_reference() -> str:
    """Markdown tables: every model's fields, types and descriptions."""
    parts = [
        "# Dataset schema",
        "",
        "Generated from the pydantic models by `python -m lofte_extract.docgen`. "
        "JSON Schema files: `schemas/` (`lofte-extract schema`).",
        "",
    ]
    for model in _MODELS:
        parts += [
            f"## {model.__name__}",
            "",
            (model.__doc__ or "").strip(),
            "",
            "| field | type | description |",
            "|---|---|---|",
        ]
        for name, info in model.model_fields.items():
            description = (info.description or "").replace("|", "\\|")
            parts.append(f"| `{name}` | {_type_name(info.annotation)} | {description} |")
        parts.append("")
    return "\n".join(parts)


def codebook_reference() -> str:
    """Markdown table of the commitment categories (the model's keys) and their signals."""
    data = load_data("lofte_extract.extract", "categories.json")
    parts = [
        "# Codebook",
        "",
        "Commitment categories: the keys of `records.Category`, with the "
        "signal stems the extract stage matches inside tokens (compounds included). "
        "Generated from `extract/data/categories.json` by `python -m lofte_extract.docgen`.",
        "",
        "| key | signal stems |",
        "|---|---|",
    ]
    for key in typing.get_args(Category):
        signals = data.get(key, {})
        words = [
            w for kind in ("contains", "prefix", "word", "phrase") for w in signals.get(kind, [])
        ]
        parts.append(f"| `{key}` | {', '.join(words) or '(anything the others do not cover)'} |")
    return "\n".join(parts) + "\n"


def generated_docs() -> dict[str, str]:
    """Relative path -> generated Markdown."""
    return {
        "docs/cli.md": cli_reference(),
        "docs/schema.md": schema_reference(),
        "docs/codebook.md": codebook_reference(),
    }


def main(argv: list[str] | None = None) -> int:
    """Rewrite the generated docs under the repository root given (default: here)."""
    parser = argparse.ArgumentParser(
        prog="python -m lofte_extract.docgen", description=__doc__.splitlines()[0]
    )
    parser.add_argument("root", nargs="?", type=Path, default=Path("."), help="repository root")
    root = parser.parse_args(argv).root
    for relative, text in generated_docs().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
