# ruff: noqa: E501  (page templates keep real-looking markup lines)
"""HTML parser: main content, furniture, structure, hostile pages.

Encodings are in test_parse_html_encoding.py. The page templates live in html_helpers.py;
FURNITURE, ESLOV and render_page stay importable from here (test_issues_html.py and the
measurement in docs/html-main-content.md import them from this module).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from html_helpers import (
    ESLOV,
    FURNITURE,
    check_offsets,
    kinds,
    no_furniture,
    render_page,
)

from lofte_extract.parse import ParseError, parse_html

__all__ = ["ESLOV", "FURNITURE", "render_page"]


PAGE = """<!DOCTYPE html><html><head><title>Medborgarlöfte 2022 – Kommunen</title></head><body>
<main>
<h2 class="sv-font-rubrik-2">Det här ska vi göra</h2>
<ol><li>Polisen ska genomföra <b>minst fyra</b> trafikinsatser.
  <ul><li>Två under våren</li><li>Två under hösten</li></ul></li>
<li><p>Kommunen ska se över belysningen.</p><p>Arbetet redovisas i juni.</p></li></ol>
<p><strong>Uppföljning</strong></p>
<p>Löftet följs upp kvartalsvis.<br><br>Resultaten publiceras på webbplatsen.</p>
<table><thead><tr><th>Aktivitet</th><th>Ansvar</th></tr></thead>
<tbody><tr><td>Trygghetsvandring</td><td><p>Polis och kommun</p></td></tr></tbody></table>
<div>Text direkt i en div <span>med span.</span><div>Och en inre div.</div></div>
<p>Karin Svensson, kommunpolis</p>
<p>Per Olsson</p><p>Kommunstyrelsens ordförande</p>
</main></body></html>"""


def test_structure_headings_lists_tables_and_signatures():
    doc = parse_html(PAGE.encode("utf-8"))
    check_offsets(doc)
    assert kinds(doc) == [
        ("heading", "Det här ska vi göra", 2),
        ("list_item", "Polisen ska genomföra minst fyra trafikinsatser.", None),
        ("list_item", "Två under våren", None),
        ("list_item", "Två under hösten", None),
        ("list_item", "Kommunen ska se över belysningen. Arbetet redovisas i juni.", None),
        ("heading", "Uppföljning", None),
        ("paragraph", "Löftet följs upp kvartalsvis.", None),
        ("paragraph", "Resultaten publiceras på webbplatsen.", None),
        ("paragraph", "Aktivitet | Ansvar", None),
        ("paragraph", "Trygghetsvandring | Polis och kommun", None),
        ("paragraph", "Text direkt i en div med span.", None),
        ("paragraph", "Och en inre div.", None),
        ("signature", "Karin Svensson, kommunpolis", None),
        ("signature", "Per Olsson\nKommunstyrelsens ordförande", None),
    ]
    assert doc.title == "Medborgarlöfte 2022"  # no h1: <title> without the site name


def test_name_and_title_in_one_paragraph_keep_their_line_break():
    page = "<html><body><p>Anna-Karin Boije<br>Lokalpolisområdeschef</p></body></html>"
    doc = parse_html(page.encode())
    assert kinds(doc) == [("signature", "Anna-Karin Boije\nLokalpolisområdeschef", None)]


def test_hidden_and_assistive_text_is_dropped():
    page = """<html><body><main><h1>Löften</h1>
    <p>Polisen lovar fler fotpatruller.<span class="env-assistive-text">Öppnas i nytt fönster</span></p>
    <div hidden><p>Dold text</p></div><div style="display: none"><p>Också dold</p></div>
    </main></body></html>"""
    doc = parse_html(page.encode())
    assert kinds(doc) == [
        ("heading", "Löften", 1),
        ("paragraph", "Polisen lovar fler fotpatruller.", None),
    ]


def test_asp_net_page_wrapped_in_one_form_keeps_its_content():
    page = """<html><body><form id="aspnetForm" method="post"><div id="content">
    <h1>Medborgarlöfte Motala</h1><p>Polisen och kommunen lovar att trygghetsvandra.</p>
    </div></form></body></html>"""
    doc = parse_html(page.encode())
    assert [b.text for b in doc.blocks] == [
        "Medborgarlöfte Motala",
        "Polisen och kommunen lovar att trygghetsvandra.",
    ]


@pytest.mark.parametrize(
    "page, detail",
    [
        (b"", "no text"),
        (b"<html><head><title>x</title></head><body>  </body></html>", "no text"),
        (
            b'<html><head><script src="/app.js"></script></head><body><div id="app"></div>'
            b"<noscript>Aktivera JavaScript</noscript></body></html>",
            "JavaScript",
        ),
        (b"<html><body><nav><a>Start</a></nav><footer>Box 1</footer></body></html>", "no text"),
    ],
)
def test_pages_without_content_raise_a_clear_error(page, detail):
    with pytest.raises(ParseError) as error:
        parse_html(page)
    assert error.value.reason == "empty document"
    assert detail in error.value.detail


def test_malformed_markup_still_gives_text():
    page = b"<html><body><p>Hej <b>v\xe4rlden<p>Andra <li>punkt</ul></table></div>trasigt <a href="
    doc = parse_html(page)
    check_offsets(doc)
    assert doc.blocks[0].text == "Hej världen"


def test_deeply_nested_tags_do_not_overflow():
    page = (
        b"<html><body>" + b"<div><span>" * 20000 + b"<p>Djupt inne</p>" + b"</span></div>" * 20000
    )
    start = time.monotonic()
    doc = parse_html(page)
    assert [b.text for b in doc.blocks] == ["Djupt inne"]
    assert time.monotonic() - start < 60


def test_ten_megabyte_page_is_parsed_in_bounded_time():
    script = b"<script>var state = " + b'{"k": "' + b"x" * 9_000_000 + b'"};</script>'
    body = b"<p>Polisen lovar att genomf\xc3\xb6ra trygghetsvandringar.</p>\n" * 2000
    page = b"<html><head>" + script + b"</head><body><main>" + body + b"</main></body></html>"
    assert len(page) > 9_000_000
    start = time.monotonic()
    doc = parse_html(page)
    assert len(doc.blocks) == 2000
    assert time.monotonic() - start < 60


def test_unclosed_script_does_not_swallow_or_hang():
    page = b"<html><body><p>F\xc3\xb6re</p><script>" + b"<script>" * 50000 + b"</body></html>"
    doc = parse_html(page)
    assert doc.blocks[0].text == "Före"


def test_real_seed_page_keeps_both_promises(shared: Path):
    text = (shared / "seeds" / "003_9d60ccaea8afeb8d.txt").read_text("utf-8")
    doc = parse_html(render_page(text, "sitevision", "windows-1252"))
    check_offsets(doc)
    no_furniture(doc)
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Medborgarlöften i Eslöv 2017" in headings
    assert "Medborgarlöften i Eslövs kommun 2016" in headings
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items.count("Två gemensamma trygghetsvandringar i Eslövs kommun.") == 2
    assert sum(b.kind == "signature" for b in doc.blocks) == 4
