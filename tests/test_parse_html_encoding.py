"""HTML parser: declared, HTTP and BOM encodings, and mislabelled bytes."""

from __future__ import annotations

import pytest
from html_helpers import (
    ESLOV,
    EXPECTED,
    PUBLISHED,
    check_offsets,
    kinds,
    no_furniture,
    render_page,
)

from lofte_extract.parse import parse_bytes, parse_html


@pytest.mark.parametrize("template", ["polisen", "sitevision", "legacy"])
@pytest.mark.parametrize("encoding", ["utf-8", "windows-1252", "iso-8859-1"])
@pytest.mark.parametrize("declare", ["declared", "http-equiv", "none"])
def test_main_content_without_furniture_in_every_encoding(template, encoding, declare):
    doc = parse_html(render_page(ESLOV, template, encoding, declare))
    check_offsets(doc)
    no_furniture(doc)
    assert kinds(doc)[: len(EXPECTED)] == EXPECTED
    assert [b.text for b in doc.blocks[len(EXPECTED) :]] == PUBLISHED[template]
    assert doc.title == "Medborgarlöften i Eslöv 2017"
    assert doc.format == "html"


def test_http_charset_wins_over_a_wrong_meta_tag():
    page = render_page(ESLOV, "polisen", "windows-1252", "none").replace(
        b"<head>", b'<head><meta charset="utf-8">'
    )
    doc = parse_html(page, charset="windows-1252")
    assert doc.blocks[0].text == "Medborgarlöften i Eslöv 2017"


def test_bom_wins_over_a_latin1_declaration():
    page = render_page(ESLOV, "sitevision", "utf-8", "none").replace(
        b"<head>", b'<head><meta charset="iso-8859-1">'
    )
    doc = parse_html(b"\xef\xbb\xbf" + page, charset="iso-8859-1")
    assert doc.blocks[0].text == "Medborgarlöften i Eslöv 2017"


def test_meta_says_utf8_but_bytes_are_cp1252():
    page = render_page(ESLOV, "polisen", "windows-1252", "none").replace(
        b"<head>", b'<head><meta charset="utf-8">'
    )
    doc = parse_html(page)
    assert "Eslövs kommun" in doc.text
    assert any("not UTF-8" in w for w in doc.warnings)


def test_parse_bytes_routes_a_page_by_content():
    doc = parse_bytes(render_page(ESLOV, "legacy"), "lofte.pdf")
    assert doc.format == "html" and kinds(doc) == EXPECTED


@pytest.mark.parametrize("declare", ["http", "meta"])
def test_latin9_page_keeps_its_euro_sign(declare):
    # Latin-9 is not cp1252: byte A4 is '€' there; curly quotes in 80-9F still read as cp1252.
    body = "<html><head>{meta}</head><body><h1>Medborgarlöfte</h1><p>Kostnad: 5 000 € per år, "
    meta = '<meta charset="latin-9">' if declare == "meta" else ""
    page = body.format(meta=meta).encode("iso-8859-15") + b"\x93Trygg\x94.</p></body></html>"
    doc = parse_html(page, charset="ISO-8859-15" if declare == "http" else None)
    assert doc.blocks[1].text == "Kostnad: 5 000 € per år, “Trygg”."
