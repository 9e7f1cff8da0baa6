"""Thresholds of the compare stage, in one place, each with why it is what it is.

Scores are shares in [0, 1]: word overlaps (Jaccard or over the shorter text) and the
weighted evidence that a follow-up reports on a promise. Changing one changes which records
merge, which follow-ups link and which statuses `compare` shows: tests/test_kept.py,
tests/test_dedupe.py and the outcome gold (`evaluate_outcomes.py`) say whether it helps.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COMPARE", "CompareSettings"]


@dataclass(frozen=True)
class CompareSettings:
    """Link, alignment and merge thresholds; display widths of the comparison table."""

    # A follow-up linked to the promise it reports on (kept.py): evidence adds up to a score.
    link_threshold: float = 0.75  # same kommun and years within the promise (0.3 + 0.45) link
    kommun_weight: float = 0.3  # a shared kommun is required and alone never enough
    years_within_weight: float = 0.45  # the follow-up's years inside the promise's period
    years_overlap_weight: float = 0.2  # only overlapping years: needs wording to link
    wording_weight: float = 0.25  # times the best overlap of wordings...
    wording_link_min: float = 0.3  # ...counted only from this overlap up (chance below it)
    # An outcome aligned to a commitment: word overlap (plus the unit bonus) at least this.
    align_threshold: float = 0.34  # one content word in three shared
    unit_bonus: float = 0.2  # the same counted unit ('trafikkontroller') on both sides
    # the outcome's codebook category held by this commitment alone among the candidates
    category_bonus: float = 0.25
    # the score of an outcome aligned by position alone, under the promise restated above it
    position_score: float = 0.3
    stem_chars: int = 5  # letters two words must share at the start to count as the same word

    # Records merged as one promise published twice (dedupe.py), word overlap (Jaccard).
    same_commitment: float = 0.6  # two commitments worded this alike are one
    same_promise: float = 0.8  # this share of commitments matched, no difference: one promise
    related_promise: float = 0.5  # this share with differences: two versions, both warned
    # Commitment pairs of two records scored word by word at most; beyond, only like texts
    fuzzy_pair_limit: int = 10_000  # 100 commitments a side; real promises hold under 60

    # Lining commitments up across years (align.py).
    same_wording: float = 0.9  # a commitment worded this alike in two years is unchanged

    # Kommun names as people type them (kommun_names.py).
    suggest_cutoff: float = 0.6  # difflib ratio for a kommun to be suggested for a typo
    max_suggestions: int = 3  # kommuner suggested at most

    # The comparison table (render.py): width of an uncounted promise's text in a cell.
    text_min_chars: int = 12  # a terminal cell never narrower: the words stay readable
    text_max_chars: int = 40  # ...nor wider: the columns beside it stay on screen
    markdown_text_chars: int = 60  # Markdown wraps in the reader's viewer: a longer cut


COMPARE = CompareSettings()
