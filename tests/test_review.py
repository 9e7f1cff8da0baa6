"""The review page on real run output: highlights at evidence, unlocated values listed, escaping."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lofte_extract.cli import main
from lofte_extract.pipeline import run
from lofte_extract.publish.review import ReviewError, build_review, write_review
from lofte_extract.records import (
    Commitment,
    Evidence,
    Goal,
    Kommun,
    NumericTarget,
    PromiseRecord,
    Signatory,
)

OWN = Path(__file__).parent / "gold_own"
VETLANDA = OWN / "101_vetlanda_2021.txt"


def _ev(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(start=start, end=start + len(needle))


def _hand_coded(run_dir: Path, source_record: dict, text: str) -> PromiseRecord:
    """A record as a careful extractor would write it for the Vetlanda promise."""
    c1 = "Att genomföra minst tolv trafikinsatser mot buskörning och trimrnade mopeder"
    return PromiseRecord(
        id="handcoded000001",
        source=source_record["source"],
        doc_type="lofte",
        title="Medborgarlöfte Vetlanda komrnun 2021",
        kommuner=[Kommun(name="Vetlanda", code="0685", evidence=_ev(text, "Vetlanda kommun"))],
        lokalpolisomrade="Höglandet",
        years=[2021],
        signed_date="2021-02-18",
        signatories=[
            Signatory(
                name="Lena Dahlberg",
                title="Lokalpolisområdeschef",
                organisation="polisen",
                evidence=_ev(text, "Lena Dahlberg"),
            ),
            # Evidence past the end of the text: must be listed as not located.
            Signatory(
                name="Eva Lindqvist",
                title="Kommundirektör",
                organisation="kommun",
                evidence=Evidence(start=len(text) + 5, end=len(text) + 18),
            ),
        ],
        commitments=[
            Commitment(
                text=c1,
                actors=["polisen"],
                categories=["trafik"],
                evidence=_ev(text, c1),
                targets=[
                    NumericTarget(
                        value=12,
                        qualifier="minst",
                        unit="trafikinsatser",
                        text="minst tolv trafikinsatser",
                        evidence=_ev(text, "minst tolv trafikinsatser"),
                    )
                ],
            ),
        ],
        goals=[
            Goal(
                text="Antalet anmälda skadegörelsebrott ska minska.",
                direction="decrease",
                evidence=_ev(text, "Antalet anmälda skadegörelsebrott"),
            )
        ],
        field_evidence={
            "years": _ev(text, "2021"),
            "signed_date": _ev(text, "18 februari 2021"),
            "lokalpolisomrade": _ev(text, "Lokalpolisområde Höglandet"),
        },
    )


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """A real run over two own documents, plus one hand-coded record with evidence."""
    corpus = tmp_path_factory.mktemp("corpus")
    for name in ("101_vetlanda_2021.txt", "111_skovde_inte_lofte.txt"):
        shutil.copyfile(OWN / name, corpus / name)
    out = tmp_path_factory.mktemp("out")
    run([corpus], out, jobs=0)
    rows = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines() if x]
    vetlanda = next(r for r in rows if r["source"]["path"] == VETLANDA.name)
    text = (out / "texts" / f"{vetlanda['source']['sha256']}.txt").read_text(encoding="utf-8")
    extra = _hand_coded(out, vetlanda, text)
    with (out / "records.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(extra.model_dump_json() + "\n")
    return out


def _soup(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "lxml")


def test_every_located_value_is_highlighted_at_its_evidence(run_dir):
    rows = [json.loads(x) for x in (run_dir / "records.jsonl").read_text().splitlines() if x]
    record = next(r for r in rows if r["id"] == "handcoded000001")
    text = (run_dir / "texts" / f"{record['source']['sha256']}.txt").read_text(encoding="utf-8")
    soup = _soup(build_review(run_dir))
    article = soup.find(id="rec-handcoded000001")
    refs = [li["data-ref"] for li in article.select("li[data-ref]")]
    assert len(refs) == 8  # 3 field_evidence + kommun + 1 signatory + commitment + target + goal
    evidences = {
        li.select_one(".ev").get_text(): li["data-ref"] for li in article.select("li[data-ref]")
    }
    target_id = evidences["target of commitment 1"]
    highlighted = "".join(s.get_text() for s in soup.select(f".h-{target_id}"))
    assert highlighted == "minst tolv trafikinsatser"
    for ref in refs:
        pieces = soup.select(f".h-{ref}")
        assert pieces, ref
        assert soup.find(id=ref) is not None  # anchor for the no-JS link
    commitment_id = evidences["commitment 1"]
    joined = "".join(s.get_text() for s in soup.select(f".h-{commitment_id}"))
    assert joined == text[text.index("Att genomföra minst tolv") :][: len(joined)]
    # The target nested in the commitment carries both families, so both show.
    nested = soup.select(f".h-{target_id}")[0]
    assert "k-target" in nested["class"] and "k-commitment" in nested["class"]
    assert "target of commitment 1" in nested["title"]


def test_values_with_evidence_outside_the_text_are_listed_not_hidden(run_dir):
    soup = _soup(build_review(run_dir))
    article = soup.find(id="rec-handcoded000001")
    lost = article.select_one(".unlocated")
    assert lost is not None and "Eva Lindqvist" in lost.get_text()
    assert "outside the text" in lost.get_text()
    row = [li for li in article.select("li.missing") if "Eva Lindqvist" in li.get_text()]
    assert row and not row[0].has_attr("data-ref")


def test_failed_files_are_listed(run_dir):
    soup = _soup(build_review(run_dir))
    errors = soup.find(id="errors")
    assert errors is not None and "111_skovde_inte_lofte.txt" in errors.get_text()


def test_every_record_of_the_run_appears(run_dir):
    rows = [json.loads(x) for x in (run_dir / "records.jsonl").read_text().splitlines() if x]
    soup = _soup(build_review(run_dir))
    for row in rows:
        assert soup.find(id=f"rec-{row['id']}") is not None


def test_hostile_text_and_record_values_are_escaped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile = (
        "Medborgarlöfte Vetlanda 2021 <script>alert('x')</script>\n\n"
        "Polisen lovar att genomföra två trygghetsvandringar. <img src=x onerror=alert(1)>\n"
    )
    (corpus / "hostile.txt").write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    run([corpus], out, jobs=0)
    rows = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines() if x]
    if rows:
        source = rows[0]["source"]
    else:  # the extractor may refuse it; review the text anyway through a record of our own
        import hashlib

        data = (corpus / "hostile.txt").read_bytes()
        source = {
            "path": "hostile.txt",
            "sha256": hashlib.sha256(data).hexdigest(),
            "format": "txt",
            "url": "javascript:alert(1)",
        }
        (out / "texts").mkdir(exist_ok=True)
        (out / "texts" / f"{source['sha256']}.txt").write_text(hostile, encoding="utf-8")
    text = (out / "texts" / f"{source['sha256']}.txt").read_text(encoding="utf-8")
    source = {**source, "url": "javascript:alert(1)"}
    evil = PromiseRecord(
        id='x"><script>alert(2)</script>',
        source=source,
        doc_type="lofte",
        also_in=[
            {**source, "path": "<script>alert(5)</script>.html", "url": "javascript:alert(6)"}
        ],
        title="<b onmouseover=alert(3)>t</b>",
        commitments=[
            Commitment(
                text="<script>alert(4)</script>", evidence=_ev(text, "<script>alert('x')</script>")
            )
        ],
    )
    with (out / "records.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(evil.model_dump_json() + "\n")
        fh.write("{not json\n")
    page = build_review(out)
    soup = _soup(page)
    assert len(soup.find_all("script")) == 1  # only the page's own
    assert not soup.find_all("img") and not soup.find_all("b")
    assert not soup.select('a[href^="javascript"]')
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "line" in soup.select_one(".note").get_text()  # the bad line is reported


def test_match_keeps_only_the_sources_asked_for(run_dir):
    soup = _soup(build_review(run_dir, match="VETLANDA"))
    assert [h.get_text().split()[0] for h in soup.select(".source h2")] == [VETLANDA.name]
    assert soup.find(id="errors") is None  # the Skövde page does not match
    assert _soup(build_review(run_dir, match="no-such-source")).select(".source") == []


def test_malformed_records_are_shown_not_fatal(tmp_path):
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    rows = [
        {"id": "bad1", "source": "not a dict", "commitments": "nope", "warnings": 7},
        {
            "id": "bad2",
            "source": {"path": "b.txt", "sha256": "0" * 64, "url": 5},
            "commitments": [
                None,
                {"text": "Två trygghetsvandringar", "evidence": "x", "targets": [3]},
            ],
            "field_evidence": [],
            "kommuner": [{"name": "Eslöv", "evidence": {"start": "a"}}],
            "follow_up": "kvartalsvis",
            "signatories": [{"name": "A B", "evidence": None}],
        },
        ["a list, not a record"],
    ]
    (out / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    soup = _soup(build_review(out))
    assert soup.find(id="rec-bad1") is not None and soup.find(id="rec-bad2") is not None
    lost = soup.find(id="rec-bad2").select_one(".unlocated").get_text()
    assert "Två trygghetsvandringar" in lost and "Eslöv" in lost and "A B" in lost
    assert "not an object" in soup.select_one(".note").get_text()


def test_sha256_cannot_walk_out_of_texts(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    record = {
        "id": "r1",
        "source": {"path": "a.txt", "sha256": "../../secret", "format": "txt"},
        "doc_type": "lofte",
        "title": "t",
    }
    (out / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    page = build_review(out)
    assert "SECRET" not in page
    assert "Normalized text not found" in page


def test_cli_writes_the_page_and_fails_clearly_without_records(run_dir, tmp_path, capsys):
    target = tmp_path / "review.html"
    assert main(["review", str(run_dir), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["review", str(tmp_path / "nowhere")]) == 2
    assert "no records.jsonl" in capsys.readouterr().err
    with pytest.raises(ReviewError):
        write_review(tmp_path / "nowhere", target)


BROWSER = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)

# Drives the page as a reader would and writes what happened into the DOM for --dump-dom.
_DRIVER = """<script>
(function () {
  var out = {};
  var field = document.querySelector("#rec-handcoded000001 li[data-ref] .ev");
  var ref = field.parentNode.getAttribute("data-ref");
  field.click();
  out.flashed = document.querySelectorAll(".h-" + ref + ".flash").length;
  out.hash = location.hash;
  document.querySelector('button.toggle[data-kind="commitment"]').click();
  out.hidden = document.body.classList.contains("hide-commitment");
  document.querySelector("#rec-handcoded000001 button[data-step='1']").click();
  out.current = document.querySelectorAll("#rec-handcoded000001 li.current").length;
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "j"}));
  out.moved = document.querySelector("#rec-handcoded000001 li.current") !==
      document.querySelector("#rec-handcoded000001 .values li");
  var row = document.querySelector("#rec-handcoded000001 .values li");
  row.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  out.focus = document.querySelectorAll("pre.text.focus").length;
  out.mine = document.querySelectorAll("pre.text.focus .hl.mine").length;
  out.tips = document.querySelectorAll(".hl[data-tip]").length;
  out.titles = document.querySelectorAll("pre .hl[title]").length;
  var pre = document.createElement("pre"); pre.id = "driver";
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
})();
</script></body>"""


@pytest.mark.skipif(BROWSER is None, reason="no chromium on PATH")
def test_page_behaves_in_a_browser(run_dir, tmp_path):
    import subprocess

    page = build_review(run_dir).replace("</body>", _DRIVER)
    target = tmp_path / "review.html"
    target.write_text(page, encoding="utf-8")
    dom = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", target.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    result = json.loads(BeautifulSoup(dom, "lxml").find(id="driver").get_text())
    assert result["flashed"] >= 1  # clicking a field lights its evidence
    assert result["hidden"] is True  # the legend toggles a kind off
    assert result["current"] == 1 and result["moved"] is True  # stepping through values
    assert result["tips"] > 0 and result["titles"] == 0  # styled tips replace native titles
    assert result["focus"] == 1 and result["mine"] > 0  # pointing at a record marks its spans
