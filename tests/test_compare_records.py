"""Realistic records built from the seed texts and their gold, shared by compare/store tests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lofte_extract.records import (
    Commitment,
    Evidence,
    FollowUp,
    Goal,
    Kommun,
    NumericTarget,
    PromiseRecord,
    Signatory,
    Source,
    make_record_id,
)

SHARED = Path("/work/shared")
KOMMUNKOD = {"Eslöv": "1285", "Svalöv": "1214", "Kävlinge": "1261", "Höör": "1267"}


def _evidence(text: str, needle: str, after: int = 0) -> Evidence:
    start = text.find(needle, after)
    if start < 0:
        start = text.find(needle)
    start = max(start, 0)
    return Evidence(start=start, end=start + len(needle))


def record_from_gold(text: str, doc: dict, source: Source, index: int) -> PromiseRecord:
    """A record holding exactly what the gold annotation says, with evidence into `text`."""
    commitments = []
    for item in doc["commitments"]:
        evidence = _evidence(text, item["text"])
        targets = [
            NumericTarget(
                value=t["value"],
                qualifier=t["qualifier"],
                unit=t["unit"],
                period=t["period"],
                text=item["text"],
                evidence=evidence,
            )
            for t in item["targets"]
        ]
        commitments.append(
            Commitment(
                text=item["text"],
                actors=item["actors"],
                categories=item["categories"],
                targets=targets,
                evidence=evidence,
            )
        )
    follow = doc.get("follow_up")
    return PromiseRecord(
        id=make_record_id(source.sha256, index),
        source=source,
        doc_type=doc["doc_type"],
        kommuner=[Kommun(name=n, code=KOMMUNKOD[n]) for n in doc["kommuner"]],
        lokalpolisomrade=doc["lokalpolisomrade"],
        years=doc["years"],
        signed_date=doc["signed_date"],
        signatories=[
            Signatory(
                name=s["name"],
                title=s["title"],
                organisation=s["organisation"],
                evidence=_evidence(text, s["name"]),
            )
            for s in doc["signatories"]
        ],
        commitments=commitments,
        goals=[
            Goal(text=g["text"], direction=g["direction"], evidence=_evidence(text, g["text"]))
            for g in doc["goals"]
        ],
        follow_up=FollowUp(
            frequency=follow["frequency"],
            deadline=follow["deadline"],
            text="Uppföljning",
            evidence=_evidence(text, "Uppföljning"),
        )
        if follow
        else None,
    )


def seed_records(stem: str, url: str | None = None, path: str | None = None) -> list[PromiseRecord]:
    """Records of one seed file as the gold describes them."""
    text = (SHARED / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "gold" / "seeds" / f"{stem}.json").read_text(encoding="utf-8"))
    sha = hashlib.sha256(text.encode()).hexdigest()
    source = Source(path=path or f"{stem}.txt", url=url, sha256=sha, format="txt")
    return [record_from_gold(text, doc, source, i) for i, doc in enumerate(gold["documents"])]


def eslov_records() -> list[PromiseRecord]:
    """Eslöv 2017 and 2016, from one polisen.se page."""
    return seed_records(
        "003_9d60ccaea8afeb8d", url="https://polisen.se/om-polisen/medborgarloften/eslov/"
    )


def all_seed_records() -> list[PromiseRecord]:
    """Every seed document's records."""
    stems = sorted(p.stem for p in (SHARED / "seeds").glob("*.txt"))
    return [
        r
        for stem in stems
        for r in (eslov_records() if stem == "003_9d60ccaea8afeb8d" else seed_records(stem))
    ]


def test_eslov_records_follow_the_gold():
    records = eslov_records()
    assert [r.years for r in records] == [[2017], [2016]]
    assert len({r.id for r in records}) == 2
    first = records[0].commitments[1]
    text = (SHARED / "seeds" / "003_9d60ccaea8afeb8d.txt").read_text(encoding="utf-8")
    assert text[first.evidence.start : first.evidence.end] == first.text
