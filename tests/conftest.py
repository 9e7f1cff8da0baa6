"""Shared fixtures: paths to the shared seeds and gold beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lofte_extract.pipeline import run

REPO = Path(__file__).resolve().parents[1]
# Where the shared seeds, dev set and gold live: beside the repository, or LOFTE_SHARED.
SHARED = Path(os.environ.get("LOFTE_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        why = f"{SHARED} (shared seeds, gold, dev set) not found beside the repository"
        if os.environ.get("LOFTE_REQUIRE_SHARED") == "1":  # set by .ci/run: CI never skips it
            pytest.fail(why)
        pytest.skip(why)
    return SHARED


# The collect tests' test site: one server and one shared crawl per module
# (tests/collect_server.py builds the site).
@pytest.fixture(scope="module")
def server():
    """Start sites on random free ports; yields start(site) -> base_url."""
    from collect_server import serve

    yield from serve()


@pytest.fixture(scope="module")
def crawl(server, tmp_path_factory):
    """One crawl over every route of the main site (shared between the collect modules)."""
    from collect_server import shared_crawl

    return shared_crawl(server, tmp_path_factory)


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory) -> Path:
    """OUT of `lofte-extract corpus/` on the bundled corpus, run in-process (issue 10 tests)."""
    out = tmp_path_factory.mktemp("corpus") / "out"
    run([REPO / "corpus"], out, jobs=0)
    return out
