"""report.html opened in headless Chromium: what a person sees, charts included."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from test_compare_records import SHARED, all_seed_records

from lofte_extract.cli import main
from lofte_extract.publish.report_data import category_color
from lofte_extract.store.files import write_records, write_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from render_other import CHROMIUM_FLAGS  # noqa: E402

BROWSER = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no chromium on PATH (Debian: apt-get install -y chromium)"
)
FLAGS = [*CHROMIUM_FLAGS, "--hide-scrollbars"]


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A run folder from the seed documents and the report written from it."""
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "out"
    write_records(out / "records.jsonl", all_seed_records())
    for path in (SHARED / "seeds").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        write_text(out / "texts", hashlib.sha256(text.encode()).hexdigest(), text)
    target = tmp / "report.html"
    assert main(["report", str(out), "-o", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def dom(report, tmp_path_factory) -> BeautifulSoup:
    """The page as Chromium built it."""
    result = _browser(tmp_path_factory.mktemp("dom"), "--dump-dom", report.as_uri())
    return BeautifulSoup(result.stdout, "html.parser")


def test_report_is_self_contained(report):
    page = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")
    assert not page.find_all(src=True), "the report loads a file"
    assert not page.find_all("link", rel="stylesheet")
    assert not page.find_all("script")


@needs_browser
def test_coverage_by_lan_and_kommun_category_matrix(dom):
    coverage = dom.select_one("table.coverage")
    assert "Skåne län" in coverage.get_text()
    eslov = next(tr for tr in coverage.select("tbody tr") if "Eslöv" in tr.get_text())
    years = [th.get_text() for th in coverage.select("thead th")][2:]
    cells = dict(zip(years, [td.get_text() for td in eslov.select("td")][1:], strict=True))
    assert cells["2016"] == "1" and cells["2017"] == "1" and cells["2019"] == "–"
    matrix = dom.select_one("table.matrix")
    head = [th.get_text() for th in matrix.select("thead th")]
    row = next(tr for tr in matrix.select("tbody tr") if "Eslöv" in tr.get_text())
    values = dict(zip(head, [td.get_text() for td in row.select("td")], strict=True))
    assert values["Trafik"] == "4" and values["Skola"] == "1"


@needs_browser
def test_eslov_year_over_year_with_statuses(dom):
    section = dom.select_one("#kommun-1285")
    assert section is not None and "Eslöv" in section.h3.get_text()
    rows = {}
    for tr in section.select("table.comparison tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        rows[(cells[0], cells[1])] = (cells[2], cells[3], tr["data-status"])
    assert rows[("Trafik", "trafikinsatser")] == ("2", "4", "increased")
    assert rows[("Trafik", "trafikkontroller")] == ("–", "30", "new")
    assert rows[("Trygghetsvandring", "trygghetsvandringar")] == ("2", "2", "unchanged")
    # The unit in the sources' own words: 'tillfällen för medborgardialog', 'medborgardialoger'.
    assert rows[("Medborgardialog", "tillfällen / medborgardialoger")][2] == "unchanged"
    assert len(rows) == 5
    assert "increased" in section.select_one("tr[data-status=increased] .status").get_text()


@needs_browser
def test_every_commitment_links_to_source_and_evidence(dom):
    items = dom.select("li[id^=c-]")
    assert len(items) == 24
    for item in items:
        link = item.find("a")
        assert link is not None and link["href"], item.get_text()[:60]
        passage = item.select_one("details blockquote")
        assert passage is not None, item.get_text()[:60]
        assert (
            passage.get_text() in item.find("a").get_text()
            or item.find("a").get_text() in passage.get_text()
        )
        assert item.select_one("a.evidence")["href"].startswith("out/texts/")
    eslov = next(i for i in items if "Två riktade trafikinsatser" in i.get_text())
    assert eslov.a["href"] == "https://polisen.se/om-polisen/medborgarloften/eslov/"
    # The comparison's cells jump to the commitment they come from.
    cell = dom.select_one("#kommun-1285 table.comparison a[href^='#c-']")
    assert dom.select_one(cell["href"]) is not None


@needs_browser
def test_chart_rendered(dom, report, tmp_path):
    bars = dom.select("#chart-categories svg rect.segment")
    assert {b["data-year"] for b in bars} == {
        "2016",
        "2017",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
    }
    assert {b["data-category"] for b in bars if b["data-year"] == "2017"} == {
        "trafik",
        "trygghetsvandring",
        "medborgardialog",
        "skola",
    }
    shot = tmp_path / "shot.png"
    _browser(tmp_path, "--window-size=1280,1800", f"--screenshot={shot}", report.as_uri())
    image = Image.open(shot).convert("RGB")
    color = category_color("trafik").lstrip("#")
    rgb = tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))
    painted = dict((c, n) for n, c in image.getcolors(maxcolors=1 << 24)).get(rgb, 0)
    # The trafik segments of 2016, 2017 and 2019 are far bigger than its legend swatch.
    assert painted > 3000, f"only {painted} pixels in the trafik colour: chart not drawn"


def test_hostile_text_is_shown_not_run(tmp_path):
    record = all_seed_records()[0].model_copy(deep=True)
    record.title = '<script>alert("x")</script><img src="http://evil.example/x.png">'
    record.commitments[0].text = "Två <b onmouseover=alert(1)>trafikinsatser</b>"
    record.warnings = ["</p><iframe src=//evil.example>"]
    out = tmp_path / "out"
    write_records(out / "records.jsonl", [record])
    assert main(["report", str(out), "-o", str(tmp_path / "r.html")]) == 0
    page = BeautifulSoup((tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser")
    assert not page.find_all(["script", "img", "iframe", "b"])
    assert '<script>alert("x")</script>' in page.get_text()


def test_report_without_records_says_so(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html")]) == 2
    assert "no records.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_coverage_lists_records_whose_year_is_unknown(tmp_path):
    records = all_seed_records()
    records[0] = records[0].model_copy(update={"years": []})
    out = tmp_path / "out"
    write_records(out / "records.jsonl", records)
    assert main(["report", str(out), "-o", str(tmp_path / "r.html")]) == 0
    page = BeautifulSoup((tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser")
    coverage = page.select_one("table.coverage")
    assert [th.get_text() for th in coverage.select("thead th")][-1] == "år okänt"
    name = records[0].kommuner[0].name
    row = next(tr for tr in coverage.select("tbody tr") if name in tr.get_text())
    assert row.select("td")[-1].get_text() == "1"


def test_files_that_failed_are_listed(tmp_path):
    out = tmp_path / "out"
    write_records(out / "records.jsonl", all_seed_records()[:1])
    (out / "errors.jsonl").write_text(
        '{"path": "trasig.pdf", "stage": "parse", "reason": "encrypted PDF", "detail": null}\n'
        "not json\n",
        encoding="utf-8",
    )
    assert main(["report", str(out), "-o", str(tmp_path / "r.html")]) == 0
    page = BeautifulSoup((tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser")
    cells = [td.get_text() for td in page.select("table.errors td")]
    assert cells == ["trasig.pdf", "parse", "encrypted PDF"]
