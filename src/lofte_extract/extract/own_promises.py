"""Several kommuner each signing a promise of its own, announced on one page: one record per
kommun ('Alla kommuner skriver under egna löften'), not one record naming them all."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import PromiseRecord, make_record_id
from .vocab import load_vocab

__all__ = ["each_signs_its_own", "one_per_kommun"]


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    places = load_vocab("meta_places")
    joined = "|".join(f"(?:{cue})" for cue in places["own_promise_cues"])
    return re.compile(joined), re.compile(places["own_promise_line"])


def each_signs_its_own(text: str, start: int, end: int) -> bool:
    """Whether the span says its kommuner sign promises of their own."""
    cue, line = _cues()
    lowered = text[start:end].lower()
    if cue.search(lowered):
        return True
    listed = {row.strip() for row in lowered.splitlines() if line.match(row.strip())}
    return len(listed) >= 2


def one_per_kommun(record: PromiseRecord, first: int) -> list[PromiseRecord]:
    """The record as one copy per kommun it names, the source's promise documents `first`,
    `first + 1`, … .

    The police area signs each kommun's promise; a kommun's own signer is kept with the
    kommun named first, the one the page names most surely."""
    copies = []
    for index, kommun in enumerate(record.kommuner):
        signers = [s for s in record.signatories if index == 0 or s.organisation != "kommun"]
        record_id = make_record_id(record.source.sha256, first + index)
        update = {"kommuner": [kommun], "id": record_id, "signatories": signers}
        copies.append(record.model_copy(update=update, deep=True))
    return copies
