"""Score outcomes, links and kept statuses against outcome gold (`tests/outcomes/FORMAT.md`)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare.dedupe import deduplicate
from .compare.kept import KeptResult, build_kept
from .compare.load import load_records
from .evaluate import text_match
from .evaluate_inputs import load_gold, records_file
from .records import PromiseRecord

__all__ = ["OutcomeScores", "evaluate_outcomes", "load_run", "report_outcomes"]

# A predicted and a gold text are the same item at this text_match (as for commitments).
SAME_TEXT = 0.5


@dataclass
class OutcomeScores:
    """Counts behind the outcome, link and kept figures."""

    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            [
                "tp",
                "fp",
                "fn",
                "status_ok",
                "status_n",
                "achieved_ok",
                "achieved_n",
                "link_tp",
                "link_fp",
                "link_fn",
                "followups_ok",
                "followups",
                "aligned_ok",
                "aligned_n",
                "kept_ok",
            ],
            0,
        )
    )
    misses: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def _ratio(self, a: str, b: str) -> float:
        return self.counts[a] / self.counts[b] if self.counts[b] else 1.0

    def figures(self) -> dict[str, float]:
        """Precision, recall and accuracies, each in 0..1."""
        c = self.counts
        return {
            "outcome_precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "outcome_recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
            "status_accuracy": self._ratio("status_ok", "status_n"),
            "achieved_accuracy": self._ratio("achieved_ok", "achieved_n"),
            "link_precision": c["link_tp"] / (c["link_tp"] + c["link_fp"])
            if c["link_tp"] + c["link_fp"]
            else 1.0,
            "link_recall": c["link_tp"] / (c["link_tp"] + c["link_fn"])
            if c["link_tp"] + c["link_fn"]
            else 1.0,
            "followups_linked_right": self._ratio("followups_ok", "followups"),
            "aligned_right": self._ratio("aligned_ok", "aligned_n"),
            "kept_status_right": self._ratio("kept_ok", "aligned_n"),
        }

    def to_json(self) -> dict[str, Any]:
        """Figures and counts as in `evaluate --outcomes --json`."""
        return {"figures": self.figures(), "counts": dict(self.counts)}


def _pair(gold: list[dict], pred: list[Any]) -> dict[int, int]:
    """Gold index -> predicted index, best text match first, each used once."""
    scored = sorted(
        (
            (text_match(g["text"], p.text), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, pi in scored:
        if score >= SAME_TEXT and gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _score_links(
    s: OutcomeScores,
    gold: dict,
    record: PromiseRecord | None,
    kept: KeptResult,
    paths: dict[str, str],
) -> None:
    want = set(gold["links"])
    got = {
        paths[link.promise_id]
        for link in kept.links
        if record is not None and link.followup_id == record.id
    }
    s.counts["link_tp"] += len(want & got)
    s.counts["link_fp"] += len(got - want)
    s.counts["link_fn"] += len(want - got)
    s.counts["followups"] += 1
    if want == got:
        s.counts["followups_ok"] += 1
    else:
        s.misses.append(f"{gold['source']}: links {sorted(got)} != gold {sorted(want)}")


def _score_aligned(
    s: OutcomeScores,
    g: dict,
    record: PromiseRecord,
    pi: int,
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
) -> None:
    s.counts["aligned_n"] += 1
    alignment = kept.alignment_of(record.id, pi)
    if alignment is None:
        s.misses.append(f"{g['text'][:50]}: not aligned (gold: {g['answers'][:50]})")
        return
    commitment = by_id[alignment.record_id].commitments[alignment.commitment_index]
    if text_match(commitment.text, g["answers"]) < SAME_TEXT:
        s.misses.append(f"{g['text'][:50]}: aligned to {commitment.text[:50]!r}")
        return
    s.counts["aligned_ok"] += 1
    if record.outcomes[pi].status == g["status"]:
        s.counts["kept_ok"] += 1


def _score_outcomes(
    s: OutcomeScores,
    gold: dict,
    record: PromiseRecord | None,
    kept: KeptResult,
    by_id: dict[str, PromiseRecord],
) -> None:
    pred = record.outcomes if record is not None else []
    items = gold["outcomes"]
    pairs = _pair(items, pred)
    for gi, g in enumerate(items):
        pi = pairs.get(gi)
        if pi is None:
            if not g.get("optional"):
                s.counts["fn"] += 1
                s.misses.append(f"{gold['source']}: missed {g['text'][:70]!r}")
            continue
        s.counts["tp"] += 1
        got = pred[pi]
        s.counts["status_n"] += 1
        s.counts["status_ok"] += got.status == g["status"]
        if g.get("achieved") is not None or got.achieved is not None:
            s.counts["achieved_n"] += 1
            s.counts["achieved_ok"] += got.achieved == g.get("achieved")
        if g.get("answers") and not g.get("optional") and record is not None:
            _score_aligned(s, g, record, pi, kept, by_id)
    for pi, p in enumerate(pred):
        if pi not in pairs.values():
            s.counts["fp"] += 1
            s.misses.append(f"{gold['source']}: extra {p.text[:70]!r}")


def evaluate_outcomes(
    gold_dir: Path | str, records: list[PromiseRecord], split: str | None = None
) -> OutcomeScores:
    """Score the records of a run over the outcome gold's follow-ups (of one split, or all)."""
    scores = OutcomeScores()
    golds = load_gold(gold_dir, scores.skipped, required="role").values()
    merged = deduplicate(records)
    kept = build_kept(merged)
    by_id = {r.id: r for r in merged}
    paths = {r.id: Path(r.source.path).name for r in merged}
    by_source: dict[str, PromiseRecord] = {}
    for record in merged:
        by_source.setdefault(Path(record.source.path).name, record)
    for gold in golds:
        if gold["role"] != "uppfoljning" or (split and gold["split"] != split):
            continue
        record = by_source.get(gold["source"])
        _score_links(scores, gold, record, kept, paths)
        _score_outcomes(scores, gold, record, kept, by_id)
    return scores


def load_run(records_path: Path | str) -> list[PromiseRecord]:
    """PromiseRecords from records.jsonl (or a run's output folder); an invalid line is
    reported on stderr and left out."""
    return load_records(records_file(records_path))


def report_outcomes(
    gold_dir: Path, records_path: Path, split: str | None, as_json: bool, verbose: bool
) -> int:
    """Print outcome, link and kept figures for `evaluate --outcomes`; returns the exit code."""
    splits = {gold.get("split") for gold in load_gold(gold_dir, required="role").values()}
    if split is not None and split not in splits:
        known = sorted(map(str, splits))
        print(f"error: no gold in {gold_dir} has split {split!r} (there: {known})", file=sys.stderr)
        return 2
    scores = evaluate_outcomes(gold_dir, load_run(records_path), split)
    if as_json:
        print(json.dumps(scores.to_json(), indent=2, ensure_ascii=False))
    else:
        for name, value in scores.figures().items():
            print(f"{name:24} {value:.3f}")
    if verbose:
        print("\n".join(scores.misses))
    for line in scores.skipped:
        print(line, file=sys.stderr)
    return 1 if scores.skipped else 0
