"""Score records against gold annotations, exactly as `shared/gold/FORMAT.md` counts.

Gold: one JSON file per source, named after it (`003_x.json` annotates `003_x.txt`, `.pdf`
and `.html`). A record belongs to the gold file whose stem equals its source file's stem.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate_inputs import load_gold, load_records

__all__ = ["FieldScore", "Scores", "evaluate", "load_gold", "load_records", "text_match"]

# Fields of FORMAT.md's scoring that make up the overall figure.
OVERALL_FIELDS = [
    "doc_type",
    "kommuner",
    "years",
    "signed_date",
    "lokalpolisomrade",
    "period",
    "signatories",
    "signatory_titles",
    "commitments",
    "targets",
    "goals",
]
_EXACT_FIELDS = ["doc_type", "kommuner", "years", "signed_date", "lokalpolisomrade"]
_WORD = re.compile(r"\w+")


@dataclass
class FieldScore:
    """Counts for one field: P/R/F1 for list fields, accuracy for exact-match fields."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    kind: str = "prf"  # "prf" or "accuracy"

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted and nothing expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Correct / total; 1.0 when nothing was scored."""
        return self.correct / self.total if self.total else 1.0

    @property
    def value(self) -> float:
        """The headline figure: F1 or accuracy."""
        return self.f1 if self.kind == "prf" else self.accuracy

    def as_dict(self) -> dict[str, float | int | str]:
        """JSON-ready numbers."""
        if self.kind == "accuracy":
            return {
                "accuracy": round(self.accuracy, 4),
                "correct": self.correct,
                "total": self.total,
            }
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Scores:
    """Per-field scores, the overall figure, and every miss for --verbose."""

    fields: dict[str, FieldScore]
    misses: list[str] = field(default_factory=list)
    gold_documents: int = 0
    unscored_records: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def overall(self) -> float:
        """Mean of the FORMAT.md fields' headline figures."""
        return sum(self.fields[name].value for name in OVERALL_FIELDS) / len(OVERALL_FIELDS)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready report."""
        return {
            "overall": round(self.overall, 4),
            "gold_documents": self.gold_documents,
            "unscored_records": self.unscored_records,
            "skipped": self.skipped,
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
        }


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def text_match(a: str, b: str) -> float:
    """Match score of two texts: Jaccard of word sets, 1.0 when one contains the other."""
    na, nb = _norm(a), _norm(b)
    if na and nb and (na in nb or nb in na):
        return 1.0
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _pair_texts(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) with text_match >= 0.5."""
    candidates = sorted(
        (
            (text_match(g["text"], p["text"]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in candidates:
        if score < 0.5:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _kommun_names(record: dict) -> set[str]:
    return {(k["name"] if isinstance(k, dict) else k).lower() for k in record.get("kommuner", [])}


def _match_documents(gold_docs: list[dict], preds: list[dict]) -> list[tuple[int, int | None]]:
    """Pair each gold document with a record sharing a kommun and a year (kommun alone
    when gold has no years), preferring the most shared years."""
    options = []
    for gi, g in enumerate(gold_docs):
        for pi, p in enumerate(preds):
            if not _kommun_names(g) & _kommun_names(p):
                continue
            shared = set(g["years"]) & set(p.get("years", []))
            if g["years"] and not shared:
                continue
            exact = set(g["years"]) == set(p.get("years", []))
            options.append((-len(shared), not exact, gi, pi))
    used_g, used_p, pairs = set(), set(), {}
    for _, _, gi, pi in sorted(options):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs[gi] = pi
    return [(gi, pairs.get(gi)) for gi in range(len(gold_docs))]


def _score_targets(gold_c: dict, pred_c: dict | None, score: FieldScore) -> None:
    gold = Counter((float(t["value"]), t.get("period")) for t in gold_c.get("targets", []))
    pred = Counter((float(t["value"]), t.get("period")) for t in (pred_c or {}).get("targets", []))
    hit = sum((gold & pred).values())
    score.tp += hit
    score.fn += sum(gold.values()) - hit
    score.fp += sum(pred.values()) - hit


def _score_document(
    g: dict, p: dict | None, s: dict[str, FieldScore], misses: list[str], where: str
) -> None:
    p = p or {}
    found = bool(p)
    values = {
        "doc_type": (g["doc_type"], p.get("doc_type")),
        "kommuner": (sorted(k.lower() for k in g["kommuner"]), sorted(_kommun_names(p))),
        "years": (sorted(g["years"]), sorted(p.get("years", []))),
        "signed_date": (g.get("signed_date"), p.get("signed_date")),
        "lokalpolisomrade": (
            _norm(g.get("lokalpolisomrade")) or None,
            _norm(p.get("lokalpolisomrade")) or None,
        ),
    }
    for name in _EXACT_FIELDS:
        expected, got = values[name]
        s[name].total += 1
        if found and expected == got:
            s[name].correct += 1
        elif found:
            misses.append(f"{where}: {name}: expected {expected!r}, got {got!r}")
    if g.get("period"):
        s["period"].total += 1
        if found and p.get("period") == g["period"]:
            s["period"].correct += 1
        elif found:
            misses.append(f"{where}: period: expected {g['period']}, got {p.get('period')}")
    if not found:
        misses.append(f"{where}: document not found ({g['kommuner']} {g['years']})")
    _score_signatories(g["signatories"], p.get("signatories", []), s, misses, where)
    _score_commitments(g["commitments"], p.get("commitments", []), s, misses, where)
    _score_goals(g["goals"], p.get("goals", []), s, misses, where)
    fu_g, fu_p = g.get("follow_up") or {}, p.get("follow_up") or {}
    s["follow_up"].total += 1
    key = ("frequency", "deadline")
    if found and all(fu_g.get(k) == fu_p.get(k) for k in key):
        s["follow_up"].correct += 1
    elif found:
        misses.append(
            f"{where}: follow_up: expected {g.get('follow_up')}, got "
            f"{ {k: fu_p.get(k) for k in key} if fu_p else None }"
        )


def _score_signatories(
    gold: list, pred: list, s: dict[str, FieldScore], misses: list[str], where: str
) -> None:
    by_name = {_norm(x["name"]): x for x in pred}
    gold_names = {_norm(x["name"]): x for x in gold}
    for name, g in gold_names.items():
        if name in by_name:
            s["signatories"].tp += 1
            s["signatory_titles"].total += 1
            if _norm(g.get("title")) == _norm(by_name[name].get("title")):
                s["signatory_titles"].correct += 1
            else:
                misses.append(
                    f"{where}: title of {g['name']}: expected {g.get('title')!r}, "
                    f"got {by_name[name].get('title')!r}"
                )
        else:
            s["signatories"].fn += 1
            misses.append(f"{where}: signatory missed: {g['name']}")
    for name, p in by_name.items():
        if name not in gold_names:
            s["signatories"].fp += 1
            misses.append(f"{where}: signatory extra: {p['name']}")


def _score_commitments(
    gold: list, pred: list, s: dict[str, FieldScore], misses: list[str], where: str
) -> None:
    pairs = dict(_pair_texts(gold, pred))
    matched_pred = set(pairs.values())
    for gi, g in enumerate(gold):
        pi = pairs.get(gi)
        if pi is None:
            if not g.get("optional"):
                s["commitments"].fn += 1
                misses.append(f"{where}: commitment missed: {g['text'][:90]!r}")
                _score_targets(g, None, s["targets"])
            continue
        s["commitments"].tp += 1
        p = pred[pi]
        before = (s["targets"].fp, s["targets"].fn)
        _score_targets(g, p, s["targets"])
        if (s["targets"].fp, s["targets"].fn) != before:
            misses.append(
                f"{where}: targets of {g['text'][:60]!r}: expected "
                f"{[(t['value'], t.get('period')) for t in g['targets']]}, got "
                f"{[(t['value'], t.get('period')) for t in p.get('targets', [])]}"
            )
        for name in ("categories", "actors"):
            gs, ps = set(g.get(name, [])), set(p.get(name, []))
            s[name].tp += len(gs & ps)
            s[name].fp += len(ps - gs)
            s[name].fn += len(gs - ps)
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            s["commitments"].fp += 1
            s["targets"].fp += len(p.get("targets", []))
            misses.append(f"{where}: commitment extra: {p['text'][:90]!r}")


def _score_goals(
    gold: list, pred: list, s: dict[str, FieldScore], misses: list[str], where: str
) -> None:
    pairs = _pair_texts(gold, pred)
    s["goals"].tp += len(pairs)
    s["goals"].fn += len(gold) - len(pairs)
    s["goals"].fp += len(pred) - len(pairs)
    got_g, got_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    misses.extend(
        f"{where}: goal missed: {g['text'][:90]!r}" for gi, g in enumerate(gold) if gi not in got_g
    )
    misses.extend(
        f"{where}: goal extra: {p['text'][:90]!r}" for pi, p in enumerate(pred) if pi not in got_p
    )


def evaluate(gold_dir: Path | str, records_path: Path | str) -> Scores:
    """Score a run's records against a folder of gold files; gold files and record lines that
    cannot be read are listed in the result's `skipped`."""
    skipped: list[str] = []
    gold = load_gold(gold_dir, skipped)
    by_stem: dict[str, list[dict]] = {}
    unscored = 0
    for record in load_records(records_path, skipped):
        stem = Path(record["source"]["path"]).stem
        if stem in gold:
            by_stem.setdefault(stem, []).append(record)
        else:
            unscored += 1
    fields = {
        name: FieldScore()
        for name in [*OVERALL_FIELDS, "follow_up", "categories", "actors", "documents"]
    }
    for name in (*_EXACT_FIELDS, "period", "signatory_titles", "follow_up"):
        fields[name].kind = "accuracy"
    misses: list[str] = []
    total_docs = 0
    for stem, annotation in gold.items():
        preds = by_stem.get(stem, [])
        docs = annotation["documents"]
        total_docs += len(docs)
        pairs = _match_documents(docs, preds)
        for gi, pi in pairs:
            where = f"{stem}#{gi}"
            _score_document(docs[gi], preds[pi] if pi is not None else None, fields, misses, where)
        matched = {pi for _, pi in pairs if pi is not None}
        fields["documents"].tp += len(matched)
        fields["documents"].fn += len(docs) - len(matched)
        for pi, p in enumerate(preds):
            if pi not in matched:
                fields["documents"].fp += 1
                where = f"{stem}#extra"
                misses.append(
                    f"{where}: extra record {p['id']} ({_kommun_names(p)} {p.get('years')})"
                )
                _score_document_extra(p, fields)
    return Scores(fields, misses, total_docs, unscored, skipped)


def _score_document_extra(p: dict, s: dict[str, FieldScore]) -> None:
    """A record matching no gold document: its list items are all false positives."""
    s["signatories"].fp += len(p.get("signatories", []))
    s["commitments"].fp += len(p.get("commitments", []))
    s["targets"].fp += sum(len(c.get("targets", [])) for c in p.get("commitments", []))
    s["goals"].fp += len(p.get("goals", []))
