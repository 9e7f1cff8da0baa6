"""Record a blind-first score in the accuracy ledger, before any rule is changed for the batch.

    python scripts/ledger.py record dev2 --note "…"     # score the set now, append to the ledger
    python scripts/ledger.py render                      # rewrite docs/accuracy-ledger.md

Each entry keeps the batch name, the sha256 of every source and gold file in it, the commit
whose rules were scored (refused when src/ has uncommitted changes), the date and the figures
per format. `accuracy/ledger.jsonl` is append-only: git history shows each entry landed before
the first rule commit for its batch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_eval_sets import FORMATS, build_set, eval_sets, score_set  # noqa: E402

LEDGER = ROOT / "accuracy" / "ledger.jsonl"
PAGE = ROOT / "docs" / "accuracy-ledger.md"
HEADLINE = ("overall", "documents", "years", "doc_type", "commitments", "targets", "goals")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def file_hashes(name: str) -> dict[str, str]:
    """sha256 of every source text and gold file of one set, by file name."""
    eval_set = eval_sets()[name]
    files = eval_set.sources() + [
        g for g in sorted(eval_set.gold.glob("*.json")) if eval_set.holds(g.stem)
    ]
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def record(name: str, note: str) -> dict:
    """Score one set in every format at HEAD and append the entry to the ledger."""
    if _git("status", "--porcelain", "src/"):
        raise SystemExit(
            "ledger: src/ has uncommitted changes; commit first, the entry "
            "must name the rules that were scored"
        )
    hashes = file_hashes(name)
    with tempfile.TemporaryDirectory() as tmp:
        folders = build_set(eval_sets()[name], Path(tmp), FORMATS)
        figures = {fmt: score_set(folders, fmt, Path(tmp) / "runs" / fmt) for fmt in FORMATS}
    entry = {
        "batch": name,
        "date": dt.date.today().isoformat(),
        "commit": _git("rev-parse", "HEAD"),
        "files": len([f for f in hashes if f.endswith(".txt")]),
        "batch_sha256": hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest(),
        "file_sha256": hashes,
        "note": note,
        "figures": figures,
    }
    LEDGER.parent.mkdir(exist_ok=True)
    with LEDGER.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    return entry


def entries() -> list[dict]:
    """Every ledger entry, oldest first."""
    if not LEDGER.is_file():
        return []
    return [json.loads(x) for x in LEDGER.read_text(encoding="utf-8").splitlines() if x]


def render() -> str:
    """The ledger as a Markdown page."""
    lines = [
        "# Accuracy ledger: blind-first scores",
        "",
        "Generated from `accuracy/ledger.jsonl` by `python scripts/ledger.py render`. Each row",
        "was scored on the commit named, before any rule was changed for that batch; the",
        "file hashes in the JSONL say exactly which pages were scored.",
        "",
        "| date | batch | files | commit | format | " + " | ".join(HEADLINE) + " |",
        "|---|---|---|---|---|" + "---|" * len(HEADLINE),
    ]
    for e in entries():
        for fmt, figs in e["figures"].items():
            cells = " | ".join(f"{figs.get(k, 0.0):.3f}" for k in HEADLINE)
            lines.append(
                f"| {e['date']} | {e['batch']} | {e['files']} | {e['commit'][:10]} "
                f"| {fmt} | {cells} |"
            )
    lines += ["", "Notes:", ""]
    lines += [f"- {e['date']} {e['batch']}: {e['note']}" for e in entries() if e.get("note")]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="score a set blind and append it")
    rec.add_argument("batch", choices=sorted(eval_sets()))
    rec.add_argument("--note", default="")
    sub.add_parser("render", help="rewrite docs/accuracy-ledger.md")
    args = parser.parse_args(argv)
    if args.command == "record":
        entry = record(args.batch, args.note)
        for fmt, figs in entry["figures"].items():
            print(f"{args.batch}\t{fmt}\toverall={figs['overall']:.3f}")
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
