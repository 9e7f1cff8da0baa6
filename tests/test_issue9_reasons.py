"""Issue 9, points 3, 9 and 10: bombs refused in little memory, damaged UTF-8 read as UTF-8,
and every reason naming what was wrong with the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bomb_fixtures import bombs
from pdf_fixtures import raw_pdf
from test_hostile_inputs import PROMISE, _promise_html

import lofte_extract
from lofte_extract.parse import ParseError, parse_bytes
from lofte_extract.pipeline import run

TEXT = b"BT /F1 12 Tf 72 700 Td (Polisen och kommunen lovar trygghet.) Tj ET"


def _one_page(contents: bytes) -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _reason(data: bytes, name: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_bytes(data, name)
    return caught.value


# 3 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(bombs()))
def test_flate_bomb_outside_the_page_stream_is_refused(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(bombs()[name])
    # A fresh process, so its peak resident memory is this file's alone.
    code = (
        "import resource, sys; from lofte_extract.parse import parse_file\n"
        "try:\n    parse_file(sys.argv[1])\nexcept Exception as e:\n    print(e)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    env = {"PYTHONPATH": str(Path(lofte_extract.__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        env=env,
        timeout=120,
        capture_output=True,
        text=True,
        check=True,
    )
    message, peak_kb = done.stdout.strip().splitlines()[-2:]
    assert message.startswith("decompression bomb: stream would exceed 64 MB"), message
    assert int(peak_kb) < 1024 * 1024, f"{int(peak_kb) // 1024} MB"


# 9 -------------------------------------------------------------------------------------------
def _damaged(text: str) -> bytes:
    data = text.encode("utf-8")
    for word in (
        b"trafikkontroller",
        b"centrum",
        b"Lokalpolis",
        b"Kommunstyrelsens",
        b"medborgardialoger",
        b"belysningen",
    ):
        data = data.replace(word, word[:3] + b"\xff" + word[3:])  # six bad bytes
    return data


@pytest.mark.parametrize("charset", [None, "iso-8859-1"])
def test_damaged_utf8_is_not_read_as_cp1252(charset):
    from lofte_extract.parse.encoding import decode

    text = PROMISE.replace("Kumla", "Mjölby")
    decoded = decode(_damaged(text), declared=charset)
    assert "Mjölby" in decoded.text and "Ã" not in decoded.text
    assert decoded.encoding == "utf-8"
    assert any("invalid byte sequences replaced" in w for w in decoded.warnings)


def test_damaged_utf8_still_gives_a_promise(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mjolby.txt").write_bytes(_damaged(PROMISE.replace("Kumla", "Mjölby")))
    run([corpus], tmp_path / "out", jobs=0)
    record = json.loads((tmp_path / "out" / "records.jsonl").read_text())
    assert [k["name"] for k in record["kommuner"]] == ["Mjölby"]
    assert any("invalid byte sequences" in w for w in record["warnings"])


# 10 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("charset", ["undefined", "rot13", "base64"])
def test_vague_reason_for_a_codec_that_is_no_charset(charset):
    page = _promise_html().replace(b"<head>", f'<head><meta charset="{charset}">'.encode())
    doc = parse_bytes(page, "page.html")
    assert "Kumla" in doc.text
    assert f"unknown charset {charset!r} ignored" in doc.warnings


def test_vague_reason_for_a_page_cut_at_a_size_limit(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "• Rad i en lång lista utan löften.\n" * 6000
    (corpus / "cut.txt").write_text(filler + PROMISE, encoding="utf-8")
    run([corpus], tmp_path / "out", jobs=0)
    error = json.loads((tmp_path / "out" / "errors.jsonl").read_text())
    assert error["reason"] == "not a medborgarlöfte"
    assert "only part of the file was read" in error["detail"], error


@pytest.mark.parametrize(
    ("length", "body", "reason", "detail"),
    [
        (0, TEXT, "corrupt PDF", "/Length says 0 bytes"),
        (5, TEXT, "corrupt PDF", "/Length says 5 bytes"),
        (0, b"", "no text in PDF", "empty"),
    ],
)
def test_vague_reason_for_empty_or_short_length_streams(length, body, reason, detail):
    data = _one_page(b"<< /Length %d >>\nstream\n" % length + body + b"\nendstream")
    error = _reason(data, "short.pdf")
    assert (error.reason, detail in (error.detail or "")) == (reason, True), error


def test_vague_reason_for_pdf_header_with_a_nul():
    data = _one_page(b"<< /Length %d >>\nstream\n" % len(TEXT) + TEXT + b"\nendstream")
    damaged = b"%PDF\x001.4" + data[len(b"%PDF-1.4") :]
    try:
        doc = parse_bytes(damaged, "nul.txt")
    except ParseError as error:
        assert "PDF" in error.reason, error
    else:
        assert doc.format == "pdf" and doc.title != "%PDF1.4", doc.title


def test_vague_reason_for_doctype_html_with_nuls():
    page = _promise_html()
    data = b"<!DOCTYPE html>" + b"\x00" * 400 + page[len(b"<!DOCTYPE html>") :]
    doc = parse_bytes(data, "nuls.txt")
    assert doc.format == "html"
    assert doc.title == "Medborgarlöfte 2023 för Kumla kommun"
