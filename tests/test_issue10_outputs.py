"""Issue 10, outputs: index pages are no records, and records.csv lists every record."""

from __future__ import annotations

import csv
import json

from bs4 import BeautifulSoup

from lofte_extract.cli import main
from lofte_extract.compare.load import load_records
from lofte_extract.pipeline import run

HUB_PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<title>Motala – medborgarlöften | Polismyndigheten</title></head><body>
<nav><a href="/">Start</a> <a href="/om-polisen/">Om polisen</a></nav>
<main><h1>Motala – medborgarlöften</h1>
<p>Här finns medborgarlöften för Motala kommun.</p>
<ul>
<li><a href="/files/motala-2020.pdf">Medborgarlöfte Motala 2020 (pdf, 210 kB)</a></li>
<li><a href="/files/motala-2019.pdf">Medborgarlöfte Motala 2019 (pdf, 198 kB)</a></li>
<li><a href="/files/motala-upp-2019.pdf">Uppföljning medborgarlöfte 2019 (pdf, 95 kB)</a></li>
</ul></main></body></html>
"""


def test_index_page_linking_to_promises_is_an_error_row_not_a_record(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "motala.html").write_text(HUB_PAGE, encoding="utf-8")
    summary = run([corpus], tmp_path / "out", jobs=0)
    assert (summary.records, summary.failures) == (0, 1)
    assert (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8") == ""
    error = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert '"reason":"index page: links to 3 promise documents"' in error


def test_page_with_promise_content_and_links_stays_a_record(corpus_out):
    # Every bundled document keeps its record; Svalöv's news item has no commitments and no
    # list of promise documents, so it stays (and compare calls its year unknown).
    records = load_records(corpus_out)
    assert len(records) == 6
    assert (corpus_out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_report_coverage_counts_only_records_with_content(corpus_out, tmp_path):
    target = tmp_path / "report.html"
    assert main(["report", str(corpus_out), "-o", str(target)]) == 0
    page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    years = [th.get_text() for th in page.select("table.coverage thead th")][2:]
    svalov = next(tr for tr in page.select("table.coverage tbody tr") if "Svalöv" in tr.get_text())
    cells = dict(zip(years, [td.get_text() for td in svalov.select("td")][1:], strict=True))
    assert (cells["2020"], cells["2022"], cells["2023"]) == ("1", "0", "0")
    assert page.select_one("#totals").get_text().startswith("5 löftesdokument med innehåll")


def test_records_csv_lists_records_without_commitments(corpus_out):
    with (corpus_out / "records.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["record_id"] for r in rows] == sorted(r.id for r in load_records(corpus_out))
    news = next(r for r in rows if r["kommun"] == "Svalöv" and r["doc_type"] == "nyhet")
    assert (news["years"], news["commitments"], news["kommunkod"]) == ("2022;2023", "0", "1214")
    hoor = next(r for r in rows if r["kommun"] == "Höör")
    assert (hoor["commitments"], hoor["targets"], hoor["source_path"]) == (
        "6",
        "6",
        "004_31a527f7f8e38881.pdf",
    )
    with (corpus_out / "commitments.csv").open(encoding="utf-8") as handle:
        in_commitments = {r["kommun"] for r in csv.DictReader(handle)}
    assert {r["kommun"] for r in rows} == in_commitments | {"Svalöv"}


def test_records_csv_described_in_datapackage_and_docs(corpus_out, repo):
    package = json.loads((corpus_out / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["path"] == "records.csv")
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert list(fields) == next(csv.reader((corpus_out / "records.csv").open(encoding="utf-8")))
    assert fields["commitments"]["type"] == "integer" and fields["kommun"]["description"]
    assert "records.csv" in (repo / "README.md").read_text(encoding="utf-8")
    assert "## RecordRow" in (repo / "docs" / "schema.md").read_text(encoding="utf-8")
