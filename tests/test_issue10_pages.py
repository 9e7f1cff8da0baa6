"""Issue 10, report and review as a researcher meets them, checked in headless Chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import get_args

import pytest
from bs4 import BeautifulSoup
from test_report import _browser, needs_browser

from lofte_extract.cli import main
from lofte_extract.compare.load import load_records
from lofte_extract.records import Category
from lofte_extract.store.files import write_records

# Appended to a copy of the page only: the report itself carries no scripts.
MEASURE = """<script>
const wide = document.querySelector('.wide'), matrix = document.querySelector('table.matrix');
const out = document.createElement('pre'); out.id = 'measure';
out.textContent = JSON.stringify({view: window.innerWidth,
  page: document.documentElement.scrollWidth, right: matrix.getBoundingClientRect().right,
  hidden: wide.scrollWidth - wide.clientWidth});
document.body.appendChild(out);
</script>"""


@pytest.fixture(scope="module")
def report_run(corpus_out, tmp_path_factory) -> Path:
    """The corpus run plus a kommun promising in every category, and its report."""
    tmp = tmp_path_factory.mktemp("pages")
    out = tmp / "out"
    shutil.copytree(corpus_out, out)
    records = load_records(out)
    hoor = next(r for r in records if r.kommuner[0].name == "Höör")
    wide = hoor.model_copy(deep=True, update={"id": "ffffffffffffffff", "years": [2024]})
    wide.commitments[0].categories = list(get_args(Category))
    write_records(out / "records.jsonl", [*records, wide])
    assert main(["report", str(out), "-o", str(out / "report.html")]) == 0
    return out


@needs_browser
def test_report_in_page_links_all_resolve(report_run, tmp_path):
    result = _browser(tmp_path, "--dump-dom", (report_run / "report.html").as_uri())
    dom = BeautifulSoup(result.stdout, "html.parser")
    links = [a["href"] for a in dom.select("a[href^='#']")]
    assert len(links) > 20
    broken = [href for href in links if dom.find(id=href[1:]) is None]
    assert broken == []
    # Höör's trafik target starts inside its commitment: the cell still finds the commitment.
    cells = dom.select("#kommun-1267 table.comparison a[href^='#c-']")
    assert any("Minst tolv" in dom.find(id=c["href"][1:]).get_text() for c in cells)


@needs_browser
def test_report_matrix_fits_1280_px_with_every_category(report_run, tmp_path):
    page = tmp_path / "measured.html"
    html = (report_run / "report.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = _browser(tmp_path, "--window-size=1280,900", "--dump-dom", page.as_uri())
    dom = BeautifulSoup(result.stdout, "html.parser")
    heads = [th.get_text() for th in dom.select("table.matrix thead th")]
    assert {"Samordning", "Tillsyn", "Information"} <= set(heads) and len(heads) == 19
    sizes = json.loads(dom.select_one("#measure").get_text())
    assert sizes["view"] == 1280, sizes
    assert sizes["hidden"] <= 0 and sizes["right"] <= 1280 and sizes["page"] <= 1280, sizes


def test_report_coverage_shows_years_without_records(report_run):
    page = BeautifulSoup((report_run / "report.html").read_text(encoding="utf-8"), "html.parser")
    years = [th.get_text() for th in page.select("table.coverage thead th")][2:]
    assert years == [str(y) for y in range(2016, 2025)]
    eslov = next(tr for tr in page.select("table.coverage tbody tr") if "Eslöv" in tr.get_text())
    assert [td.get_text() for td in eslov.select("td")][1:4] == ["1", "1", "–"]


@needs_browser
def test_review_shows_commitment_details_beside_highlight_without_doc_type_box(
    corpus_out, tmp_path
):
    target = tmp_path / "review.html"
    assert main(["review", str(corpus_out), "-o", str(target)]) == 0
    dom = BeautifulSoup(_browser(tmp_path, "--dump-dom", target.as_uri()).stdout, "html.parser")
    assert dom.select(".record") and not dom.select(".unlocated")
    assert "doc_type" not in " ".join(d.get_text() for d in dom.select("li.v.missing"))
    hoor = next(r for r in dom.select(".record") if "Höör" in r.get_text())
    first = hoor.select_one("li.k-commitment")
    detail = first.select_one(".detail").get_text()
    for expected in (
        "categories: trafik",
        "actors: polisen",
        "strength: soft",
        "targets: minst 12 trafikinsatser; exakt 4 trafikinsatser (varav)",
    ):
        assert expected in detail, detail
    # The highlight in the text carries the same details in its tooltip.
    span = dom.select_one(f".hl.h-{first['data-ref']}")
    assert "actors: polisen" in span["data-tip"]


def test_review_and_report_both_write_into_out_by_default(corpus_out, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(corpus_out, out)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["report", str(out)]) == 0
    assert main(["review", str(out)]) == 0
    assert (out / "report.html").is_file() and (out / "review.html").is_file()
    assert list(elsewhere.iterdir()) == []
