"""One pipeline run over the bundled corpus/, shared by the tests that read its outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lofte_extract.pipeline import run

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory) -> Path:
    """OUT folder of `lofte-extract corpus/` (in-process, so it runs the code under test)."""
    out = tmp_path_factory.mktemp("corpus") / "out"
    run([CORPUS], out, jobs=0)
    return out
