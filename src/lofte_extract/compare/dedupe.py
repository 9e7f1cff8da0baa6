"""One record per promise published more than once; differing near-duplicates flagged.

The same promise often appears on polisen.se and on the kommun's site, or as a PDF
and as a web page. Same kommun, same years and near-identical commitments make one
record listing every source; when the wording matches but a number differs ("minst
tre" against "minst sex") both records are kept and each names the other in `warnings`.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from functools import lru_cache

from ..records import Commitment, NumericTarget, PromiseRecord, Source, record_order
from .settings import COMPARE
from .wording import jaccard, masked_words

__all__ = ["Discrepancy", "compare_pair", "deduplicate"]

# Which doc types can be the same promise: a news item may restate the promise,
# but a follow-up report or an agreement is a different document.
_FAMILY = {
    "lofte": "promise",
    "nyhet": "promise",
    "uppfoljning": "uppfoljning",
    "overenskommelse": "overenskommelse",
    "annat": "annat",
}
_DOC_RANK = {"lofte": 0, "nyhet": 1, "overenskommelse": 2, "uppfoljning": 3, "annat": 4}
_FORMAT_RANK = {"pdf": 0, "html": 1, "txt": 2}


@dataclass(frozen=True)
class Discrepancy:
    """A commitment both records make with different numbers."""

    ours: str
    theirs: str


def _rank(record: PromiseRecord) -> tuple:
    """Which copy is kept: the promise over an article, the signed PDF over a page."""
    return (
        _DOC_RANK.get(record.doc_type, 9),
        record.signed_date is None,
        -len(record.commitments),
        _FORMAT_RANK.get(record.source.format, 9),
        record.source.path,
        record.id,
    )


def _group_key(record: PromiseRecord) -> tuple | None:
    if not record.kommuner:
        return None
    # An empty tuple, not None, for "no period": group keys are sorted, and None does not
    # compare with a (start, end) tuple of another record of the same kommun and years.
    period = (record.period.start, record.period.end) if record.period else ()
    return (
        tuple(sorted(k.code for k in record.kommuner)),
        tuple(sorted(record.years)),
        period,
        _FAMILY.get(record.doc_type, record.doc_type),
    )


def _numbers(commitment: Commitment) -> list[tuple]:
    return sorted((float(t.value), t.qualifier, t.period or "") for t in commitment.targets)


def _target_words(targets: list[NumericTarget]) -> str:
    return ", ".join(t.text for t in targets) if targets else "no number"


def compare_pair(a: PromiseRecord, b: PromiseRecord) -> tuple[float, list[Discrepancy]]:
    """Share of commitments the two records have in common, and those whose numbers differ."""
    if not a.commitments or not b.commitments:
        return 0.0, []
    b_words = [_masked(c.text) for c in b.commitments]
    # Word-by-word scores for every pair grow with the square of two long lists (400
    # commitments a side took minutes per group): past the limit, only like texts match.
    fuzzy = len(a.commitments) * len(b.commitments) <= COMPARE.fuzzy_pair_limit
    alike = None if fuzzy else _by_words(b_words)
    used: set[int] = set()
    matched = 0
    differences = []
    for commitment in a.commitments:
        index = _best_match(_masked(commitment.text), b_words, used, alike)
        if index is None:
            continue
        used.add(index)
        matched += 1
        other = b.commitments[index]
        if _numbers(commitment) != _numbers(other):
            differences.append(
                Discrepancy(_target_words(commitment.targets), _target_words(other.targets))
            )
    return matched / max(len(a.commitments), len(b.commitments)), differences


@lru_cache(maxsize=65536)
def _masked(text: str) -> frozenset[str]:
    return masked_words(text)


def _by_words(b_words: list[frozenset[str]]) -> dict[frozenset[str], deque[int]]:
    alike: dict[frozenset[str], deque[int]] = defaultdict(deque)
    for index, words in enumerate(b_words):
        alike[words].append(index)
    return alike


def _best_match(
    words: frozenset[str],
    b_words: list[frozenset[str]],
    used: set[int],
    alike: dict[frozenset[str], deque[int]] | None,
) -> int | None:
    """The unused commitment of the other record worded most like `words`, if alike enough."""
    if alike is not None:
        waiting = alike.get(words)
        return waiting.popleft() if waiting else None
    scores = [(jaccard(words, w), -i) for i, w in enumerate(b_words) if i not in used]
    if not scores:
        return None
    score, negative = max(scores)
    return -negative if score >= COMPARE.same_commitment else None


def _same_titles(a: PromiseRecord, b: PromiseRecord) -> bool:
    return (
        bool(a.title)
        and bool(b.title)
        and masked_words(a.title) == masked_words(b.title)
        and not a.commitments
        and not b.commitments
    )


def _parts_of_one_file(a: PromiseRecord, b: PromiseRecord) -> bool:
    """Two documents of one file are not one promise published twice (a copy of it is)."""
    return a.source.sha256 == b.source.sha256 and a.id != b.id


def _merge(kept: PromiseRecord, other: PromiseRecord) -> PromiseRecord:
    own = (kept.source.sha256, kept.source.path)
    sources: dict[tuple[str, str], Source] = {(s.sha256, s.path): s for s in kept.also_in}
    for source in [other.source, *other.also_in]:
        if (source.sha256, source.path) != own:
            sources.setdefault((source.sha256, source.path), source)
    also_in = sorted(sources.values(), key=lambda s: (s.path, s.sha256))
    return kept.model_copy(update={"also_in": also_in})


def _warn(
    record: PromiseRecord, other: PromiseRecord, differences: list[Discrepancy], swap: bool
) -> PromiseRecord:
    pairs = "; ".join(
        f"'{d.theirs}' vs '{d.ours}'" if swap else f"'{d.ours}' vs '{d.theirs}'"
        for d in differences
    )
    message = (
        f"possible duplicate of record {other.id} ({other.source.path}) "
        f"with different numbers: {pairs}"
    )
    if message in record.warnings:
        return record
    return record.model_copy(update={"warnings": [*record.warnings, message]})


def deduplicate(records: list[PromiseRecord]) -> list[PromiseRecord]:
    """Merge identical promises into one record with `also_in`; flag differing ones."""
    groups: dict[tuple, list[PromiseRecord]] = defaultdict(list)
    result: list[PromiseRecord] = []
    for record in records:
        key = _group_key(record)
        if key is None:
            result.append(record)
        else:
            groups[key].append(record)
    for key in sorted(groups):
        kept: list[PromiseRecord] = []
        for record in sorted(groups[key], key=_rank):
            for i, candidate in enumerate(kept):
                if _parts_of_one_file(candidate, record):
                    continue
                share, differences = compare_pair(candidate, record)
                if (share >= COMPARE.same_promise and not differences) or _same_titles(
                    candidate, record
                ):
                    kept[i] = _merge(candidate, record)
                    break
            else:
                kept.append(record)
        for i in range(len(kept)):
            for j in range(i + 1, len(kept)):
                a, b = kept[i], kept[j]
                if a.source.sha256 == b.source.sha256:
                    continue  # parts of one file, or one file twice
                share, differences = compare_pair(a, b)
                if share >= COMPARE.related_promise and differences:
                    kept[i] = _warn(a, b, differences, swap=False)
                    kept[j] = _warn(b, a, differences, swap=True)
        result.extend(kept)
    return sorted(result, key=record_order)
