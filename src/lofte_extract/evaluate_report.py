"""Plain-text rendering of evaluation scores."""

from __future__ import annotations

from .evaluate import OVERALL_FIELDS, Scores

__all__ = ["format_scores"]


def format_scores(scores: Scores) -> str:
    """A table: one line per field, P/R/F1 or accuracy, then the overall figure."""
    lines = [f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}   counts"]
    for name, score in scores.fields.items():
        marker = "" if name in OVERALL_FIELDS else "  (not in overall)"
        if score.kind == "accuracy":
            lines.append(
                f"{name:<18} {'':>6} {'':>6} {'':>6} {score.accuracy:6.3f}   "
                f"{score.correct}/{score.total}{marker}"
            )
        else:
            lines.append(
                f"{name:<18} {score.precision:6.3f} {score.recall:6.3f} "
                f"{score.f1:6.3f} {'':>6}   tp={score.tp} fp={score.fp} "
                f"fn={score.fn}{marker}"
            )
    lines.append(
        f"{'overall':<18} {scores.overall:6.3f}   ({scores.gold_documents} gold "
        f"documents, {scores.unscored_records} records without gold)"
    )
    return "\n".join(lines)
