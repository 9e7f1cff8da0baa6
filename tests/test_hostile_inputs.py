"""Broken and hostile files of every kind through the real pipeline, beside valid ones.

Each file must give records or exactly one errors.jsonl line with a specific reason; a
generic crash ('parser failed', 'extraction failed') or a timeout is a bug to fix.
Sizes stay small where the point is a file's shape, not its size.
"""

from __future__ import annotations

import io
import json
import os
import random
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from bomb_fixtures import bombs
from pdf_fixtures import PdfLayout, encrypted_pdf, image_only_pdf, raw_pdf, truncated_pdf

from lofte_extract.parse.ocr import ocr_available
from lofte_extract.pipeline import run

PROMISE = """Medborgarlöfte 2023 för Kumla kommun

Polisen och Kumla kommun har tagit fram medborgarlöftet utifrån medborgardialoger och
polisens trygghetsundersökning. Löftet gäller under 2023.

Vi lovar att:

• Polisen ska genomföra minst 20 trafikkontroller vid skolorna under året.
• Kommunen ska förbättra belysningen i centrum och i parkerna.
• Polisen och kommunen ska genomföra fyra trygghetsvandringar tillsammans med invånarna.

Löftet följs upp varje kvartal i den lokala samverkansgruppen.

Kumla 2023-02-15

Anna Berg
Lokalpolisområdeschef

Per Holm
Kommunstyrelsens ordförande
"""

GENERIC = {"parser failed", "extraction failed", "worker crashed (out of memory?)"}
SCAN_REASON = (
    "no text layer: OCR found no text"
    if ocr_available()
    else "no text layer: needs OCR (install tesseract-ocr-swe)"
)


def _promise_html(encoding: str = "utf-8", extra: str = "") -> bytes:
    chunks = [c.strip() for c in PROMISE.split("\n\n")] + ([extra] if extra else [])
    body = [f"<h1>{chunks[0]}</h1>"]
    for chunk in chunks[1:]:
        lines = chunk.splitlines()
        if lines[0].startswith("•"):
            body.append("<ul>" + "".join(f"<li>{x[1:].strip()}</li>" for x in lines) + "</ul>")
        else:
            body.append("<p>" + "<br>".join(lines) + "</p>")
    page = (
        "<!DOCTYPE html><html><head><title>Medborgarlöfte</title></head><body>"
        "<nav><a href='/'>Start</a></nav><main>" + "".join(body) + "</main></body></html>"
    )
    return page.encode(encoding)


def _promise_pdf() -> bytes:
    layout = PdfLayout(header="Medborgarlöfte Kumla 2023")
    chunks = [c.strip() for c in PROMISE.split("\n\n")]
    layout.heading(chunks[0], size=16)
    for chunk in chunks[1:]:
        lines = chunk.splitlines()
        if lines[0].startswith("•"):
            layout.bullets([x[1:].strip() for x in lines])
        elif len(lines) == 2 and not lines[0].endswith("."):
            layout.stacked_signature(*lines)
        else:
            layout.paragraph(" ".join(lines))
    return layout.build()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Medborgarlöfte</w:document>")
    return buffer.getvalue()


def _jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


def _page_tree_loop() -> bytes:
    """A Pages node whose only kid is itself."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


def _claims_pages(count: int, kids: int = 1) -> bytes:
    """One real page, a page tree saying `count` and listing it `kids` times."""
    text = b"BT /F1 12 Tf 72 700 Td (Polisen och kommunen lovar trygghet.) Tj ET"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b"3 0 R " * kids + b"] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _inflating(payload: bytes) -> bytes:
    """One page whose Flate content stream inflates to `payload`, beside a line of text."""
    packed = zlib.compress(payload, 9)
    text = b"BT /F1 12 Tf 72 700 Td (Polisen lovar.) Tj ET"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R] "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        ]
    )


def _one_stream(length: int, body: bytes) -> bytes:
    """One page whose content stream's /Length says `length` for `body`."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % length + body + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _damaged_utf8() -> bytes:
    data = PROMISE.encode("utf-8")
    for word in (b"centrum", b"Lokalpolis", b"Kommunstyrelsens", b"medborgardialoger"):
        data = data.replace(word, word[:3] + b"\xff" + word[3:])
    return data


def _with_meta_charset(charset: str) -> bytes:
    return _promise_html().replace(b"<head>", f'<head><meta charset="{charset}">'.encode())


_LINE = b"BT /F1 12 Tf 72 700 Td (Polisen och kommunen lovar trygghet.) Tj ET"


def hostile_files() -> dict[str, bytes]:
    """File name -> bytes: every kind of broken or hostile input, built in code."""
    noise = random.Random(7)
    garbage = bytes(noise.randrange(256) for _ in range(4000))
    return {
        **bombs(),
        "length_zero.pdf": _one_stream(0, _LINE),
        "length_short.pdf": _one_stream(5, _LINE),
        "empty_stream.pdf": _one_stream(0, b""),
        "pdf_header_nul.txt": b"%PDF\x00" + garbage,
        "cut_at_size_limit.txt": "• Rad i en lång lista utan löften.\n".encode() * 6000
        + PROMISE.encode(),
        "truncated.pdf": truncated_pdf(0.4),
        "garbage.pdf": b"%PDF-1.7\n" + garbage,
        "encrypted.pdf": encrypted_pdf(),
        "scan.pdf": image_only_pdf(1),
        "page_tree_loop.pdf": _page_tree_loop(),
        "claims_100000_pages.pdf": _claims_pages(100000),
        "lists_a_page_5000_times.pdf": _claims_pages(5000, kids=5000),
        # 6 KB that inflate to 5 MB of save/restore operators (pdfminer: 15 s).
        "inflates_to_5mb.pdf": _inflating(b"q Q " * 1_250_000),
        # 8 KB that draw 1.2 million characters (pdfminer: a minute to lay them out).
        "million_characters.pdf": _inflating(
            b"BT /F1 1 Tf 10 10 Td (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) Tj ET\n" * 40_000
        ),
        "zero.pdf": b"",
        "zero.txt": b"",
        "zero.html": b"",
        "blank.txt": b" \n\t\n  \r\n",
        "photo.pdf": _jpeg(),
        "letter.html": _docx(),
        "garbage.bin": garbage,
        "garbage.txt": garbage,
        "nested_divs.html": b"<html><body>" + b"<div>" * 200_000 + b"Hej" + b"</div>" * 200_000,
        "script_8mb.html": (
            b"<html><head><script>"
            + b"var a = '"
            + b"x" * 8_000_000
            + b"';"
            + b"</script></head><body><p>Laddar...</p></body></html>"
        ),
        "only_nuls.txt": b"\x00" * 5000,
        "unclosed.html": b"<html><body><div><p><b><i><table><tr><td>" * 2000,
        "xml_sitemap.html": b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
        "empty_body.html": b"<html><head><title>Tom</title></head><body></body></html>",
        "js_shell.html": (
            b"<html><head><script src='app.js'></script></head>"
            b"<body><div id='root'></div><noscript>Aktivera JavaScript.</noscript></body></html>"
        ),
    }


def valid_files() -> dict[str, bytes]:
    """Valid promises, some with a misleading name or an awkward encoding."""
    return {
        "valid.txt": PROMISE.encode("utf-8"),
        "valid.pdf": _promise_pdf(),
        "valid.html": _promise_html(),
        "really_html.pdf": _promise_html(),
        "really_pdf.txt": _promise_pdf(),
        "utf16_bom.txt": PROMISE.encode("utf-16"),
        "cp1252.txt": PROMISE.replace("•", "-").encode("windows-1252"),
        "latin1.html": _promise_html("iso-8859-1"),
        "nul_bytes.txt": PROMISE.encode("utf-8").replace(b"\n\n", b"\n\x00\x00\n"),
        "nul_padded.html": _promise_html() + b"\x00" * 8192,
        "damaged_utf8.txt": _damaged_utf8(),
        "charset_undefined.html": _with_meta_charset("undefined"),
        "charset_rot13.html": _with_meta_charset("rot13"),
        "doctype_nuls.txt": b"<!DOCTYPE html>" + b"\x00" * 400 + _promise_html()[15:],
        "=formula.txt": PROMISE.encode("utf-8"),
        # A dump of 100 000 list lines after the promise: its extraction would time out.
        "huge_list.txt": PROMISE.encode() + "• Polisen ska synas i centrum.\n".encode() * 100_000,
    }


# Latin-9 bytes without a meta tag: only the HTTP header, kept in the manifest, says so.
LATIN9 = "manifest_latin9.html"
LATIN9_MANIFEST = {"url": "https://www.kumla.se/lofte", "path": LATIN9, "charset": "ISO-8859-15"}


@dataclass
class Outcome:
    corpus: Path
    out: Path
    records: dict[str, list[dict]]
    errors: dict[str, list[dict]]
    seconds: float


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> Outcome:
    corpus = tmp_path_factory.mktemp("hostile")
    for name, data in {**hostile_files(), **valid_files()}.items():
        (corpus / name).write_bytes(data)
    latin9 = _promise_html("iso-8859-15", "Kostnad: 5 000 € per år.")
    (corpus / LATIN9).write_bytes(latin9)
    (corpus / "manifest.jsonl").write_text(json.dumps(LATIN9_MANIFEST) + "\n", encoding="utf-8")
    os.symlink("self_loop.txt", corpus / "self_loop.txt")  # a link to itself
    os.mkfifo(corpus / "pipe.txt")  # reading it would block forever
    os.symlink("/dev/zero", corpus / "dev_zero.txt")  # an endless device
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_bytes(PROMISE.encode())
    os.symlink(secret, corpus / "outside.txt")  # the password file, say
    (corpus / os.fsdecode(b"bad\xff.txt")).write_bytes(PROMISE.encode())  # not UTF-8
    (corpus / "sub").mkdir()
    os.symlink("..", corpus / "sub" / "up")  # a folder linking to its parent
    out = tmp_path_factory.mktemp("out")
    started = time.monotonic()
    run([corpus], out, jobs=1, timeout=20)
    seconds = time.monotonic() - started
    records: dict[str, list[dict]] = {}
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records.setdefault(record["source"]["path"], []).append(record)
    errors: dict[str, list[dict]] = {}
    for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines():
        error = json.loads(line)
        errors.setdefault(error["path"], []).append(error)
    return Outcome(corpus, out, records, errors, seconds)


def test_run_completes_fast(outcome):
    seconds = outcome.seconds
    assert seconds < 45


def test_every_file_gives_records_or_one_specific_error(outcome):
    records, errors = outcome.records, outcome.errors
    for name in [*hostile_files(), *valid_files()]:
        assert (name in records) != (name in errors), name
        if name in errors:
            assert len(errors[name]) == 1, errors[name]
    for path, rows in errors.items():
        reason = rows[0]["reason"]
        assert reason not in GENERIC and not reason.startswith("timed out"), (path, rows)


def test_valid_files_beside_hostile_ones_give_records(outcome):
    records, errors = outcome.records, outcome.errors
    for name in valid_files():
        assert name in records, (name, errors.get(name))
        record = records[name][0]
        assert [k["name"] for k in record["kommuner"]] == ["Kumla"], (name, record["kommuner"])
        commitments = [c["text"] for c in record["commitments"]]
        assert any("trafikkontroller" in text for text in commitments), (name, commitments)


def test_content_decides_the_format_not_the_name(outcome):
    records = outcome.records
    assert records["really_html.pdf"][0]["source"]["format"] == "html"
    assert records["really_pdf.txt"][0]["source"]["format"] == "pdf"
    assert records["utf16_bom.txt"][0]["source"]["format"] == "txt"


@pytest.mark.parametrize(
    ("name", "reason", "detail"),
    [
        ("truncated.pdf", "corrupt PDF", ""),
        ("garbage.pdf", "corrupt PDF", ""),
        ("encrypted.pdf", "encrypted PDF", "password"),
        ("scan.pdf", SCAN_REASON, ""),
        *[(name, "decompression bomb", "64 MB") for name in sorted(bombs())],
        ("length_zero.pdf", "corrupt PDF", "/Length says 0"),
        ("length_short.pdf", "corrupt PDF", "/Length says 5"),
        ("empty_stream.pdf", "no text in PDF", "empty"),
        ("pdf_header_nul.txt", "corrupt PDF", ""),
        ("cut_at_size_limit.txt", "not a medborgarlöfte", "only part of the file was read"),
        ("pipe.txt", "not a regular file", "FIFO"),
        ("dev_zero.txt", "link points outside the corpus", "/dev/zero"),
        ("outside.txt", "link points outside the corpus", "secret.txt"),
        ("page_tree_loop.pdf", "corrupt PDF", ""),
        ("inflates_to_5mb.pdf", "PDF pages too large to parse", "bytes of drawing"),
        ("million_characters.pdf", "PDF pages too large to parse", "characters"),
        ("zero.pdf", "empty file", ""),
        ("zero.txt", "empty file", ""),
        ("zero.html", "empty file", ""),
        ("blank.txt", "empty file", ""),
        ("photo.pdf", "unsupported file type", "JPEG"),
        ("letter.html", "unsupported file type", "docx"),
        ("garbage.bin", "unsupported file type", "binary"),
        ("garbage.txt", "unsupported file type", "binary"),
        ("only_nuls.txt", "unsupported file type", "binary"),
        ("xml_sitemap.html", "unsupported file type", "XML"),
        ("empty_body.html", "empty document", ""),
        ("js_shell.html", "empty document", "JavaScript"),
    ],
)
def test_broken_file_reason(outcome, name, reason, detail):
    errors = outcome.errors
    assert name in errors, name
    row = errors[name][0]
    assert row["reason"] == reason, row
    assert detail.lower() in (row["detail"] or "").lower(), row


def test_nul_bytes_do_not_reach_the_dataset(outcome):
    records = outcome.records
    for name in ("nul_bytes.txt", "nul_padded.html"):
        assert "\\u0000" not in json.dumps(records[name]), name


def test_hostile_html_shapes_are_not_promises(outcome):
    records, errors = outcome.records, outcome.errors
    for name in ("nested_divs.html", "script_8mb.html", "unclosed.html"):
        assert name in errors, (name, records.get(name))
        assert errors[name][0]["stage"] in ("parse", "extract")


def test_absurd_page_counts_parse_the_real_page(outcome):
    import hashlib

    for name in ("claims_100000_pages.pdf", "lists_a_page_5000_times.pdf"):
        # The page holds a sentence, not a promise: the file reaches the extractor.
        assert outcome.errors[name][0]["stage"] == "extract", outcome.errors[name]
        sha = hashlib.sha256((outcome.corpus / name).read_bytes()).hexdigest()
        text = (outcome.out / "texts" / f"{sha}.txt").read_text("utf-8")
        assert text.startswith("Polisen och kommunen lovar trygghet.")


def test_symlink_loops_do_not_stop_the_run(outcome):
    records, errors = outcome.records, outcome.errors
    # the folder link is named, not followed (it was skipped without a word)
    assert [path for path in [*records, *errors] if path.startswith("sub/")] == ["sub/up"]
    assert errors["sub/up"][0]["reason"] == "link to a folder"
    assert "self_loop.txt" not in records


def test_charset_from_the_manifest_decodes_the_page(outcome):
    record = outcome.records[LATIN9][0]
    assert record["source"]["url"] == LATIN9_MANIFEST["url"]
    text = (outcome.out / "texts" / f"{record['source']['sha256']}.txt").read_text("utf-8")
    assert "5 000 € per år" in text  # cp1252, the guess without the header, reads '¤'


def test_huge_page_keeps_its_first_blocks_with_a_warning(outcome):
    record = outcome.records["huge_list.txt"][0]
    assert any(w.startswith("kept the first 5000 of") for w in record["warnings"])


def test_vanished_or_unreadable_file_is_an_error_row(tmp_path):
    from lofte_extract.pipeline import process_file

    gone = process_file(tmp_path, tmp_path / "gone.pdf", {})  # deleted after discovery
    assert gone.error is not None and gone.error.reason == "unreadable file"
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text(PROMISE, encoding="utf-8")
        locked.chmod(0)
        result = process_file(tmp_path, locked, {})
        assert result.error is not None and result.error.reason == "unreadable file"


def test_file_names_that_are_not_utf8_or_start_like_formulas(outcome):
    record = outcome.records["bad\\xff.txt"][0]
    assert any("not valid UTF-8" in w for w in record["warnings"])
    rows = (outcome.out / "commitments.csv").read_text(encoding="utf-8")
    assert "'=formula.txt" in rows and ",=formula.txt" not in rows


def test_decoding_damage_is_warned_not_mojibake(outcome):
    assert any(
        "invalid byte sequences" in w for w in outcome.records["damaged_utf8.txt"][0]["warnings"]
    )
    for name in ("charset_undefined.html", "charset_rot13.html"):
        assert any("unknown charset" in w for w in outcome.records[name][0]["warnings"]), name


def test_no_text_from_outside_the_corpus_in_texts(outcome):
    texts = [p.read_bytes() for p in (outcome.out / "texts").iterdir()]
    assert all(b"\x00" * 16 not in text for text in texts)
