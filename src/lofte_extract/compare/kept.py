"""Were the promises kept? Follow-up records linked to the promises they report on.

Each record with outcomes (a follow-up) is linked to the promise records of the same kommun
whose years contain the follow-up's years, with a confidence and the reasons. Each outcome is
aligned to the commitment it answers: a commitment of a linked promise when one fits, else the
promise as the follow-up restates it. A commitment's `kept` status compares what was promised
with what the aligned outcomes say was done (target 4, achieved 2 -> delvis).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..records import Commitment, Outcome, PromiseRecord
from .settings import COMPARE
from .units import unit_key
from .wording import NUMBER_MASK, words

__all__ = ["Alignment", "KeptResult", "Link", "build_kept", "kept_status", "link_records"]

PROMISE_TYPES = ("lofte", "overenskommelse")
_STOP = frozenset(
    "och i på att med för av som till om ska vi har en ett de den det under vid mot där minst "
    "högst cirka ca samt kommer lovar polisen kommunen polis kommun är var blev".split()
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Link:
    """A follow-up record reporting on a promise record."""

    followup_id: str
    promise_id: str
    confidence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    """One outcome answered to one commitment (of a linked promise or restated in the follow-up)."""

    followup_id: str
    outcome_index: int
    record_id: str
    commitment_index: int
    score: float


@dataclass
class KeptResult:
    """Links, alignments and each aligned commitment's kept status."""

    links: list[Link] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    kept: dict[tuple[str, int], str] = field(default_factory=dict)
    by_commitment: dict[tuple[str, int], list[tuple[str, int]]] = field(default_factory=dict)

    def alignment_of(self, followup_id: str, outcome_index: int) -> Alignment | None:
        """The alignment of one outcome, if it has one."""
        for alignment in self.alignments:
            if (alignment.followup_id, alignment.outcome_index) == (followup_id, outcome_index):
                return alignment
        return None


def _content(text: str) -> list[str]:
    return [
        w
        for w in words(_YEAR.sub(" ", text))
        if w not in _STOP and not w.isdigit() and w != NUMBER_MASK and len(w) > 1
    ]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < COMPARE.stem_chars:
        return False
    return a[: COMPARE.stem_chars] == b[: COMPARE.stem_chars] or a in b or b in a


def similarity(a: str, b: str) -> float:
    """Overlap of content words (shared stems and compounds count), over the shorter text."""
    wa, wb = set(_content(a)), set(_content(b))
    if not wa or not wb:
        return 0.0
    hits = sum(1 for x in wa if any(_same(x, y) for y in wb))
    return hits / min(len(wa), len(wb))


def _codes(record: PromiseRecord) -> set[str]:
    return {k.code for k in record.kommuner}


def _link(followup: PromiseRecord, promise: PromiseRecord) -> Link | None:
    shared = _codes(followup) & _codes(promise)
    if not shared or not followup.years or not promise.years:
        return None
    reasons = [f"same kommun ({', '.join(k.name for k in promise.kommuner if k.code in shared)})"]
    score = COMPARE.kommun_weight
    years, covered = set(followup.years), set(promise.years)
    if years <= covered:
        score += COMPARE.years_within_weight
        reasons.append(
            f"years {min(years)}-{max(years)} within the promise's {min(covered)}-{max(covered)}"
        )
    elif years & covered:
        score += COMPARE.years_overlap_weight
        reasons.append("years overlap")
    texts = [o.text for o in followup.outcomes] + [c.text for c in followup.commitments]
    best = max((similarity(t, c.text) for t in texts for c in promise.commitments), default=0.0)
    if best >= COMPARE.wording_link_min:
        score += COMPARE.wording_weight * best
        reasons.append(f"wording names the promise's commitments ({best:.2f})")
    if score < COMPARE.link_threshold:
        return None
    return Link(followup.id, promise.id, round(min(score, 1.0), 2), tuple(reasons))


def _announced(record: PromiseRecord) -> bool:
    # A news item announcing a signed promise ("Nytt medborgarlöfte påskrivet") lists its
    # commitments: where no promise page was collected it is the promise a follow-up answers.
    return record.doc_type == "nyhet" and bool(record.commitments) and not record.outcomes


def _links_to(followup: PromiseRecord, promises: list[PromiseRecord]) -> list[Link]:
    links = []
    for promise in promises:
        if promise.id == followup.id or promise.source.sha256 == followup.source.sha256:
            continue
        link = _link(followup, promise)
        if link is not None:
            links.append(link)
    return links


def link_records(records: list[PromiseRecord]) -> list[Link]:
    """Every follow-up record linked to the promise records it reports on (to a news item
    announcing the promise only when no promise page fits)."""
    promises = [r for r in records if r.doc_type in PROMISE_TYPES]
    announced = [r for r in records if _announced(r)]
    links = []
    for followup in records:
        if followup.outcomes:
            links += _links_to(followup, promises) or _links_to(followup, announced)
    return links


def _unit_bonus(outcome: Outcome, commitment: Commitment) -> float:
    key = unit_key(outcome.unit, outcome.text) if outcome.unit else ""
    keys = {unit_key(t.unit, commitment.text, commitment.categories) for t in commitment.targets}
    return COMPARE.unit_bonus if key and key in keys else 0.0


def _candidates(followup: PromiseRecord, promises: list[PromiseRecord], outcome: Outcome):
    """(record, index, commitment) to align to: linked promises first, then restated ones."""
    linked = [(p, i, c) for p in promises for i, c in enumerate(p.commitments)]
    own = [
        (followup, i, c)
        for i, c in enumerate(followup.commitments)
        if not (c.evidence.start < outcome.evidence.end and outcome.evidence.start < c.evidence.end)
    ]
    return linked, own


def _category_bonus(outcome: Outcome, commitment: Commitment, candidates) -> float:
    """A codebook category the outcome shares with this commitment and no other candidate
    ('Polisen har gjort minst 55 fasta trafikkontroller' -> the one trafik commitment)."""
    shared = set(outcome.categories) & set(commitment.categories)
    unique = [k for k in shared if sum(k in c.categories for _, _, c in candidates) == 1]
    return COMPARE.category_bonus if unique else 0.0


def _best(outcome: Outcome, candidates) -> tuple[float, PromiseRecord, int] | None:
    scored = [
        (
            similarity(outcome.text, c.text)
            + _unit_bonus(outcome, c)
            + _category_bonus(outcome, c, candidates),
            r,
            i,
        )
        for r, i, c in candidates
    ]
    scored = [s for s in scored if s[0] >= COMPARE.align_threshold]
    return max(scored, key=lambda s: (s[0], -s[2])) if scored else None


def _preceding(outcome: Outcome, own) -> tuple[float, PromiseRecord, int] | None:
    """The promise the follow-up restates right above the outcome: a report set out under
    each restated promise answers that promise, however it is worded."""
    before = [
        (c.evidence.start, r, i) for r, i, c in own if c.evidence.end <= outcome.evidence.start
    ]
    if not before:
        return None
    _, record, index = max(before, key=lambda b: b[0])
    return COMPARE.position_score, record, index


def _align(followup: PromiseRecord, promises: list[PromiseRecord]) -> list[Alignment]:
    alignments = []
    for index, outcome in enumerate(followup.outcomes):
        linked, own = _candidates(followup, promises, outcome)
        best = _best(outcome, linked) or _best(outcome, own) or _preceding(outcome, own)
        if best is not None:
            score, record, ci = best
            alignments.append(Alignment(followup.id, index, record.id, ci, round(score, 2)))
    return alignments


def kept_status(commitment: Commitment, outcomes: list[Outcome]) -> str:
    """What the outcomes say of one commitment: counts against its target, else statuses."""
    if not outcomes:
        return "okänd"
    statuses = {o.status for o in outcomes}
    counted = [o.achieved for o in outcomes if o.achieved is not None and o.status == "genomförd"]
    targets = [t.value for t in commitment.targets if t.period in (None, "år")]
    if counted and targets:
        return "genomförd" if max(counted) >= targets[0] else "delvis"
    if statuses == {"genomförd"}:
        return "genomförd"
    if "genomförd" in statuses or "delvis" in statuses:
        return "delvis"
    for status in ("ej genomförd", "pågår"):
        if status in statuses:
            return status
    return "okänd"


def build_kept(records: list[PromiseRecord]) -> KeptResult:
    """Links, alignments and kept statuses over a set of (deduplicated) records."""
    by_id = {r.id: r for r in records}
    result = KeptResult(links=link_records(records))
    linked: dict[str, list[PromiseRecord]] = defaultdict(list)
    for link in result.links:
        linked[link.followup_id].append(by_id[link.promise_id])
    for record in records:
        if record.outcomes:
            result.alignments += _align(record, linked.get(record.id, []))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for a in result.alignments:
        groups[(a.record_id, a.commitment_index)].append((a.followup_id, a.outcome_index))
    for key, refs in groups.items():
        commitment = by_id[key[0]].commitments[key[1]]
        result.kept[key] = kept_status(commitment, [by_id[f].outcomes[i] for f, i in refs])
    result.by_commitment = dict(groups)
    return result
