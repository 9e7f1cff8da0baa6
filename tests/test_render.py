"""The fixture renderer and the corpus/eval-set builders: what pdfplumber and a browser see."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from pathlib import Path

import pdfplumber
import pytest
from bs4 import BeautifulSoup

from lofte_extract.collect.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "scripts"))

import render  # noqa: E402
from build_corpus import LAYOUT, build_corpus  # noqa: E402
from build_eval_sets import SHARED, build_set, eval_sets  # noqa: E402

OWN = ROOT / "tests" / "gold_own"
VETLANDA = (OWN / "101_vetlanda_2021.txt").read_text(encoding="utf-8")
HAGFORS = (OWN / "107_hagfors_munkfors_filipstad_2024.txt").read_text(encoding="utf-8")
MORA = (OWN / "115_mora_2023.txt").read_text(encoding="utf-8")
needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="no shared seeds")


def _pdf_pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_side_by_side_signatures_are_read_as_name_title_pairs():
    pairs = [i.pairs for i in render.parse_source(HAGFORS) if i.kind == "signatures"]
    assert pairs == [
        [
            ("Lars-Göran Nyström", "Lokalpolisområdeschef"),
            ("Karin Persson Lund", "Kommunstyrelsens ordförande Hagfors"),
            ("Ulf Hammarström", "Kommunstyrelsens ordförande Munkfors"),
            ("Birgitta Sjöö", "Kommunstyrelsens ordförande Filipstad"),
        ]
    ]


def test_pipe_rows_become_a_table_and_for_lines_label_the_signers():
    items = render.parse_source(MORA)
    table = next(i for i in items if i.kind == "table")
    assert table.rows[0] == ["Aktivitet", "Ansvarig", "När"] and len(table.rows) == 5
    signatures = next(i for i in items if i.kind == "signatures")
    assert signatures.orgs == ["För Polismyndigheten", "För Mora kommun"]
    assert signatures.pairs[0] == ("Jonas Wiklund", "Lokalpolisområdeschef")


def test_pdf_table_is_ruled_and_html_table_has_a_header():
    with pdfplumber.open(io.BytesIO(render.render_pdf(MORA, variant=0))) as pdf:
        tables = pdf.pages[0].extract_tables()
        text = pdf.pages[0].extract_text()
    assert len(tables) == 1 and len(tables[0]) == 5
    assert tables[0][0] == ["Aktivitet", "Ansvarig", "När"]
    assert "För Polismyndigheten För Mora kommun" in text
    soup = BeautifulSoup(render.render_html(MORA, 1), "lxml")
    assert [th.get_text() for th in soup.select("table thead th")] == [
        "Aktivitet",
        "Ansvarig",
        "När",
    ]
    assert len(soup.select("table tbody tr")) == 4
    assert [p.get_text() for p in soup.select(".signature .org")] == [
        "För Polismyndigheten",
        "För Mora kommun",
    ]


def test_furniture_and_headings_are_not_signatures():
    items = render.parse_source("Höör – medborgarlöften\n\nTill toppen\n\nSök på polisen.se\n")
    assert [i.kind for i in items] == ["heading", "heading", "heading"]


def test_pdf_has_running_footer_with_page_count_and_signature_columns():
    pages = _pdf_pages(render.render_pdf(VETLANDA, variant=0))
    assert len(pages) >= 1
    for n, text in enumerate(pages, 1):
        assert f"Sida {n} av {len(pages)}" in text
        assert "Polismyndigheten" in text.splitlines()[0]  # running header
    lines = "\n".join(pages).splitlines()
    # Two signatories per row, dotted lines above them, as pdfplumber reads a signed page.
    assert "Lena Dahlberg Per-Olof Sandberg" in lines
    assert "Kommunstyrelsens ordförande Kommundirektör" in lines
    row = lines.index("Lena Dahlberg Per-Olof Sandberg")
    assert re.fullmatch(r"\.{10,} \.{10,}", lines[row - 1])


@pytest.mark.parametrize(
    ("variant", "marker"), [(0, "• "), (1, "(cid:127) "), (2, "l "), (3, "\uf0b7 ")]
)
def test_pdf_bullets_come_out_as_word_leaves_them(variant, marker):
    # The variant picks the first list's glyph; later lists take the next ones.
    text = "Medborgarlöfte Sala 2021\n\n• Polisen ska synas.\n• Kommunen ska städa.\n"
    pages = _pdf_pages(render.render_pdf(text, variant=variant))
    assert f"{marker}Polisen ska synas." in pages[0]


def test_long_documents_break_a_list_across_pages():
    items = "\n".join(
        f"• Polisen ska genomföra insats nummer {n} i centrum under helgerna "
        "tillsammans med kommunens fältare och lokala föreningar."
        for n in range(40)
    )
    pages = _pdf_pages(render.render_pdf(f"Medborgarlöfte Sala 2021\n\n{items}\n", variant=1))
    assert len(pages) >= 2
    assert "insats nummer 0 " in pages[0] and "insats nummer 39 " in pages[-1]
    assert all(f"Sida {n} av {len(pages)}" in p for n, p in enumerate(pages, 1))


def test_brochure_variant_sets_text_in_two_columns():
    with pdfplumber.open(io.BytesIO(render.render_pdf(VETLANDA * 2, columns=2))) as pdf:
        page = pdf.pages[0]
        middle = page.width / 2
        words = page.extract_words()
    body = [w for w in words if 70 < w["top"] < page.height - 70]
    left = [w for w in body if w["x1"] < middle]
    right = [w for w in body if w["x0"] > middle]
    assert len(left) > 50 and len(right) > 50
    assert not [w for w in body if w["x0"] < middle - 5 < middle + 5 < w["x1"]]  # a gutter


def test_brochure_signer_titles_do_not_break_mid_word():
    # Side by side in a narrow column, 'Lokalpolisområdeschef' used to split as '...områdesc|hef'.
    text = "\n".join(_pdf_pages(render.render_pdf(VETLANDA, columns=2)))
    assert "Lokalpolisområdeschef" in text.split()
    assert "Kommunstyrelsens ordförande" in text


@pytest.mark.parametrize("variant", [0, 1])
def test_html_page_has_site_furniture_around_the_body(variant):
    soup = BeautifulSoup(render.render_html(VETLANDA, variant), "lxml")
    assert soup.h1.get_text() == "Medborgarlöfte Vetlanda komrnun 2021"
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert headings[:3] == ["Lägesbild", "Mål", "Uppföljning"]  # "Dnr KS 2020/412" is text
    assert len(soup.select("ul li")) >= 6
    assert soup.find("nav") is not None and soup.find("footer" if variant == 0 else "aside")
    assert "kakor" in soup.get_text().lower()  # cookie banner
    assert soup.find_all("script")
    assert len(soup.select(".signatures .signature")) == 4


def test_some_pages_paste_lists_as_bullet_paragraphs():
    soup = BeautifulSoup(render.render_html(VETLANDA, 5), "lxml")
    assert not soup.select("main ul li, .sv-text-portlet ul li")
    bullets = [p.get_text() for p in soup.find_all("p") if p.get_text().startswith("•")]
    assert "•\xa0Att ta bort anmält klotter på kommunala byggnader inom tre dagar." in bullets


def test_some_pages_set_signers_in_a_layout_table():
    soup = BeautifulSoup(render.render_html(VETLANDA, 3), "lxml")
    rows = [
        [td.get_text() for td in tr.find_all("td")] for tr in soup.select("table.signatures tr")
    ]
    assert rows[:2] == [
        ["Lena Dahlberg", "Per-Olof Sandberg"],
        ["Lokalpolisområdeschef", "Kommunpolis"],
    ]
    assert len(rows) == 4


def test_windows_1252_page_declares_its_charset_and_escapes_the_rest():
    text = "Medborgarlöfte Åmål 2022\n\n• Minst 2 insatser − inom tre dagar ☎ 0532-170 00.\n"
    data = render.render_html(text, 1, "windows-1252")
    assert b'charset=windows-1252"' in data
    decoded = data.decode("cp1252")  # every byte is valid windows-1252
    assert "Medborgarlöfte Åmål 2022" in decoded
    assert "&#8722;" in decoded and "&#9742;" in decoded  # no cp1252 byte for these


def test_hostile_source_text_is_escaped_in_html():
    data = render.render_html("Rubrik <script>alert(1)</script>\n\nText & mer.\n")
    soup = BeautifulSoup(data, "lxml")
    assert soup.h1.get_text() == "Rubrik <script>alert(1)</script>"
    assert "alert(1)" not in "".join(s.get_text() for s in soup.find_all("script"))


@needs_shared
def test_corpus_has_pdf_html_and_text_with_a_manifest_and_gold(tmp_path):
    written = build_corpus(tmp_path)
    assert {p.suffix for p in written} == {".pdf", ".html", ".txt"}
    manifest = read_manifest(tmp_path)
    assert set(manifest) == {p.name for p in written}
    for path in written:
        entry = manifest[path.name]
        assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert entry.url.startswith("https://")
        assert (tmp_path / ".gold" / f"{path.stem}.json").is_file()
    eslov = tmp_path / "003_9d60ccaea8afeb8d.html"
    page = eslov.read_text(encoding="utf-8")
    assert "Medborgarlöften i Eslöv 2017" in page and "Medborgarlöften i Eslövs kommun 2016" in page
    assert set(LAYOUT) == {p.stem for p in written}


@needs_shared
def test_committed_corpus_matches_the_builder(tmp_path):
    # PDFs are built invariant (no timestamps), so the committed corpus must be byte-identical.
    build_corpus(tmp_path)
    committed = ROOT / "corpus"
    for name in ["manifest.jsonl", *(f"{s}.{f}" for s, (f, _) in LAYOUT.items())]:
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name


@needs_shared
def test_eval_set_has_every_format_with_manifest_and_gold_by_stem(tmp_path):
    folders = build_set(eval_sets()["own"], tmp_path)
    sources = sorted(p.stem for p in OWN.glob("*.txt"))
    gold = sorted(p.stem for p in folders["gold"].glob("*.json"))
    assert gold == [s for s in sources if not s.endswith("_inte_lofte")]
    for fmt in ("txt", "pdf", "html"):
        manifest = read_manifest(folders[fmt])
        assert sorted(Path(p).stem for p in manifest) == sources
        assert all(e.url.startswith("https://") for e in manifest.values())
    rows = [json.loads(x) for x in (folders["html"] / "manifest.jsonl").read_text().splitlines()]
    assert any(r["charset"] is None for r in rows)  # some pages say it only in the meta tag
