"""report.html's promised-against-done view, from a real run over a promise and its follow-up.

Issue 12: per kommun, each promise a follow-up reports on, commitment by commitment: the
target, what the follow-up says (status, achieved count, reason) with evidence for both, the
kept verdict; the follow-up's other outcomes apart; kommuner without a follow-up counted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from test_report import BROWSER, _browser, needs_browser

from lofte_extract.cli import main
from lofte_extract.pipeline import run

DOCS = Path(__file__).parent / "outcomes" / "docs"
KUNGALV, SVEDALA, NYKOPING, GRASTORP = "1482", "1263", "0480", "1444"
# Markup inside a source's words: it must reach the page as text, never as elements.
HOSTILE_PROMISE = "<script>alert(1)</script>"
HOSTILE_OUTCOME = '<img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real run over Kungälv's and Svedala's promises and follow-ups, Nyköping's promise
    alone, with markup planted in Svedala's texts; then `lofte-extract report`."""
    tmp = tmp_path_factory.mktemp("kept")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in (
        "d069_kungalv_2020_2021_lofte.txt",
        "d070_kungalv_2020_2021_uppf.txt",
        "d313_nykoping_2017_uppf.txt",
        "o3_grastorp_2021_lofte.txt",
        "o3_grastorp_2021_uppf.txt",
    ):
        shutil.copy(DOCS / name, corpus / name)
    promise = (DOCS / "d024_svedala_2017_lofte.txt").read_text(encoding="utf-8")
    followup = (DOCS / "d025_svedala_2017_uppf.txt").read_text(encoding="utf-8")
    promise = promise.replace("uppstartsmöten för", f"uppstartsmöten {HOSTILE_PROMISE} för", 1)
    followup = followup.replace("i Bara,", f"i Bara {HOSTILE_OUTCOME},", 1)
    assert HOSTILE_PROMISE in promise and HOSTILE_OUTCOME in followup
    (corpus / "d024_svedala_2017_lofte.txt").write_text(promise, encoding="utf-8")
    (corpus / "d025_svedala_2017_uppf.txt").write_text(followup, encoding="utf-8")
    out = tmp / "out"
    run([corpus], out, jobs=0, use_cache=False)
    assert main(["report", str(out)]) == 0
    return out / "report.html"


@pytest.fixture(scope="module")
def page(report: Path) -> BeautifulSoup:
    return BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")


def _commitment(page: BeautifulSoup, code: str, words: str, restated: bool = False) -> Tag:
    """The table body of the commitment holding `words`: of a promise in `code`'s section,
    or with `restated`, as the follow-up restates it."""
    section = page.select_one(f"#kept-{code}")
    assert section is not None, f"no promised-against-done section for {code}"
    found = [
        body
        for body in section.select("tbody.commitment")
        if words in body.select_one("td.promised").get_text()
        and ("restated" in body.find_parent("table")["class"]) == restated
    ]
    assert len(found) == 1, (words, len(found))
    return found[0]


def _outcomes(body: Tag) -> list[dict[str, str]]:
    """Each outcome row of a commitment: its words, status, achieved count and reason."""
    rows = []
    for cell in body.select("td.outcome"):
        status = cell.find_next_sibling("td")
        achieved = status.find_next_sibling("td")
        reason = achieved.find_next_sibling("td")
        rows.append(
            {
                "text": cell.get_text(" ", strip=True),
                "status": status["data-status"],
                "achieved": achieved.get_text(" ", strip=True),
                "reason": reason.get_text(" ", strip=True),
                "evidence": cell.select_one("details blockquote").get_text(),
                "source": cell.select_one("details p.meta").get_text(" ", strip=True),
            }
        )
    return rows


def test_kungalv_promise_against_follow_up_commitment_by_commitment(page: BeautifulSoup) -> None:
    block = page.select_one(f"#kept-{KUNGALV} .kept-promise")
    assert "år 2020–2021" in block.select_one("p.meta").get_text()
    assert "d069_kungalv_2020_2021_lofte.txt" in block.select_one("p.meta").get_text()
    assert "d070_kungalv_2020_2021_uppf.txt" in block.select_one("li.followup").get_text()
    body = _commitment(page, KUNGALV, "vid 200 tillfällen")
    assert body.select_one("td.targets").get_text(" ", strip=True) == "200 tillfällen"
    assert body["data-kept"] == "genomförd"
    promised = body.select_one("td.promised details")
    assert "vid 200 tillfällen" in promised.blockquote.get_text()
    assert "d069_kungalv_2020_2021_lofte.txt" in promised.get_text()
    [done] = _outcomes(body)
    assert done["status"] == "genomförd" and done["achieved"] == "200 tillfällen"
    assert "Löftet är uppfyllt" in done["evidence"]
    assert "d070_kungalv_2020_2021_uppf.txt" in done["source"]
    # A commitment the follow-up does not mention says so instead of passing for kept.
    silent = _commitment(page, KUNGALV, "Fler ordningsvakter")
    assert silent["data-kept"] == "ingen rapport"
    assert "nämner det inte" in silent.get_text()


def test_commitment_the_follow_up_restates_with_its_target_and_counts(page: BeautifulSoup) -> None:
    body = _commitment(page, KUNGALV, "Minst 20 trafikkontroller", restated=True)
    assert body.find_parent("table")["class"] == ["kept", "restated"]
    assert "Minst 20 trafikkontroller" in body.select_one("td.targets").get_text()
    achieved = {row["achieved"] for row in _outcomes(body)}
    # the two counted reports, and the side results reported right under them (no count)
    assert achieved - {"–"} == {"40 hastighetskontroller", "10 kontroller"}
    assert body["data-kept"] == "genomförd"


def test_unaligned_outcomes_listed_apart(page: BeautifulSoup) -> None:
    # Grästorp 2021 reports results no single commitment of its promise answers.
    rows = page.select(f"#kept-{GRASTORP} table.unaligned tbody tr")
    texts = [row.select_one("td.outcome").get_text() for row in rows]
    assert any("ordningsförelägganden" in t for t in texts), texts
    aligned = page.select(f"#kept-{GRASTORP} tbody.commitment td.outcome")
    assert not {a.get_text() for a in aligned} & set(texts)


def test_svedala_planned_meetings_are_pagar_with_reasoned_evidence(page: BeautifulSoup) -> None:
    body = _commitment(page, SVEDALA, "minst två uppstartsmöten")
    assert body.select_one("td.targets").get_text(" ", strip=True) == "minst två uppstartsmöten"
    [done] = _outcomes(body)
    assert done["status"] == "pågår" and done["achieved"] == "–"
    assert "tre uppstartsmöten för grannsamverkan inplanerade" in done["evidence"]
    assert body["data-kept"] == "pågår"
    assert _commitment(page, SVEDALA, "4 000 timmar")["data-kept"] == "ingen rapport"


def test_kommuner_without_follow_up_are_counted(page: BeautifulSoup) -> None:
    without = page.select_one("#kept-without")
    assert "ingen uppföljning i korpusen: 1" in without.get_text()
    assert without.a["href"] == f"#kommun-{NYKOPING}"
    assert page.select_one(f"#kept-{NYKOPING}") is None
    assert page.select_one(f"#kommun-{KUNGALV} a[href='#kept-{KUNGALV}']") is not None


def test_markup_in_a_source_is_shown_as_text(page: BeautifulSoup) -> None:
    section = page.select_one(f"#kept-{SVEDALA}")
    assert not section.find_all(["script", "img"])
    body = _commitment(page, SVEDALA, "minst två uppstartsmöten")
    promised = body.select_one("td.promised")
    assert HOSTILE_PROMISE in promised.contents[0]  # the commitment's words
    assert HOSTILE_PROMISE in promised.blockquote.get_text()  # and its evidence
    [done] = _outcomes(body)
    assert HOSTILE_OUTCOME in done["text"] and HOSTILE_OUTCOME in done["evidence"]


@needs_browser
def test_view_as_chromium_builds_it(report: Path, tmp_path: Path) -> None:
    """The browser parses the tables as written (one tbody per commitment, nothing moved)."""
    assert BROWSER is not None
    dom = BeautifulSoup(_browser(tmp_path, "--dump-dom", report.as_uri()).stdout, "html.parser")
    body = _commitment(dom, KUNGALV, "vid 200 tillfällen")
    assert body.parent.name == "table" and body.select_one("td.kept").get_text() == "genomförd"
    assert [row["status"] for row in _outcomes(body)] == ["genomförd"]
    assert not dom.select(f"#kept-{SVEDALA} script, #kept-{SVEDALA} img")
    assert dom.select_one("nav.toc a[href='#kept']") is not None
