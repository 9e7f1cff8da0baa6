"""The accuracy gate: every evaluate() figure per set and format stays at its pinned floor.

Seeds, the 41 dev pages and our own composed set are rendered to txt, pdf and html once per
session (scripts/build_eval_sets.py), run through the library pipeline and scored against
their gold. Floors live in tests/eval_floors.json; raising one is a deliberate commit.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OWN_DOCS = ROOT / "tests" / "gold_own"
sys.path.insert(0, str(ROOT / "scripts"))

from build_eval_sets import FORMATS, MARGIN, build_sets, eval_sets, score_set  # noqa: E402

FLOORS_PATH = Path(__file__).parent / "eval_floors.json"
FLOORS = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
CASES = [(name, fmt) for name in FLOORS["floors"] for fmt in FLOORS["floors"][name]]

MISSING = sorted({str(p) for s in eval_sets().values() for p in (s.docs, s.gold) if not p.is_dir()})
WHY_MISSING = (
    f"accuracy gate not run: {', '.join(MISSING)} not found (the shared seeds, dev "
    "set and gold belong in ../shared or at LOFTE_SHARED)"
)
# CI (.ci/run sets LOFTE_REQUIRE_SHARED=1) fails instead of skipping the gate.
REQUIRED = os.environ.get("LOFTE_REQUIRE_SHARED") == "1"
pytestmark = pytest.mark.skipif(bool(MISSING) and not REQUIRED, reason=WHY_MISSING)


def test_shared_data_present_for_the_gate():
    assert not MISSING, WHY_MISSING


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[tuple[str, str], tuple[dict[str, float], Path]]:
    """Figures and run folder for every set and format, built and run once."""
    base = tmp_path_factory.mktemp("eval")
    built = build_sets(base / "sets")
    out = {}
    for name, fmt in CASES:
        run_dir = base / "runs" / f"{name}_{fmt}"
        out[(name, fmt)] = (score_set(built[name], fmt, run_dir), run_dir)
    return out


def test_floors_cover_every_set_and_format():
    assert set(FLOORS["floors"]) == set(eval_sets())
    for name, formats in FLOORS["floors"].items():
        assert set(formats) == set(FORMATS), name
        for fmt, fields in formats.items():
            assert {"overall", "commitments", "targets", "signatories"} <= set(fields)
            measured = FLOORS["measured"][name][fmt]
            for field, floor in fields.items():
                assert floor <= max(0.0, measured[field] - MARGIN) + 1e-9, (name, fmt, field)


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_scores_stay_at_or_above_floors(results, name, fmt):
    figures, _ = results[(name, fmt)]
    below = {
        field: f"{figures.get(field, 0.0):.4f} < {floor:.2f}"
        for field, floor in FLOORS["floors"][name][fmt].items()
        if figures.get(field, 0.0) < floor
    }
    assert not below, f"{name}/{fmt} fell under its floors: {below}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_non_promise_page_is_reported_not_extracted(results, fmt):
    _, run_dir = results[("own", fmt)]
    errors = [json.loads(x) for x in (run_dir / "errors.jsonl").read_text().splitlines() if x]
    records = (run_dir / "records.jsonl").read_text(encoding="utf-8")
    stems = sorted(p.stem for p in OWN_DOCS.glob("*_inte_lofte.txt"))
    assert len(stems) >= 3
    for stem in stems:
        assert any(
            e["path"].startswith(stem) and e["reason"] == "not a medborgarlöfte" for e in errors
        ), stem
        assert stem not in records
