"""Format sniffing: PDF, HTML in its many openings, text, and binaries refused by name."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from lofte_extract.parse import ParseError, detect_format


def zipped(*members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for member in members:
            archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"\r\n\r\n%PDF-1.4\n",
        b"HTTP/1.1 200 OK junk before the header\n%PDF-1.5\n",
    ],
)
def test_pdf(data):
    assert detect_format(data, "x.html") == "pdf"


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE html>\n<html lang="sv"><head><title>L\xc3\xb6fte</title></head></html>',
        b"\xef\xbb\xbf<!doctype html><html><body><p>Hej</p></body></html>",
        b"<!-- Sitevision genererad sida -->\n<!DOCTYPE html><html></html>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        b'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hej</p></body></html>',
        b"<html><body><p>No doctype</p></body></html>",
        b"  \n<head><meta charset=utf-8><title>x</title></head><body>text</body>",
        b"<p>Polisen lovar.</p>\n<ul><li>Ett</li></ul>",
        b'<div class="sv-text-portlet"><h2>L\xf6ften</h2></div>',
        "\ufeff<html><body>Hej</body></html>".encode("utf-16"),
    ],
)
def test_html(data):
    assert detect_format(data) == "html"


def test_html_named_pdf_is_still_html():
    assert detect_format(b"<!DOCTYPE html><html></html>", "medborgarlofte.pdf") == "html"


@pytest.mark.parametrize(
    "data",
    [
        "Medborgarlöften i Eslöv 2017\n\nText.\n".encode(),
        "Medborgarlöften i Eslöv 2017\n\nText.\n".encode("cp1252"),
        b"# Medborgarl\xc3\xb6fte\n\n- Punkt ett\n- Punkt tv\xc3\xa5\n",
        "Löfte\r\n\r\nText".encode("utf-16"),
        b"MZ-kontroller i centrum\n",
        "Polisen <3 Eslöv, och 2 < 3 > 1\n".encode(),
    ],
)
def test_text(data):
    assert detect_format(data, "x.txt") == "txt"


def test_markup_heavy_text_named_html_is_html():
    data = b"Rubrik\n<p>Ett</p><p>Tv\xc3\xa5</p><br><b>Tre</b>"
    assert detect_format(data, "page.html") == "html"
    assert detect_format(data, "notes.txt") == "txt"


@pytest.mark.parametrize(
    "data, detail",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (zipped("word/document.xml"), "Word document (docx)"),
        (zipped("xl/workbook.xml"), "Excel workbook (xlsx)"),
        (zipped("other.bin"), "ZIP archive (docx/xlsx?)"),
        (gzip.compress(b"<html></html>"), "gzip archive"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "Windows executable"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "OLE2 document (old .doc/.xls?)"),
        (b"\x00\x01\x02\x03\x04binary\x00\x00", "binary content"),
        (b'<?xml version="1.0"?><rss><channel></channel></rss>', "XML document, not HTML"),
    ],
)
def test_binaries_are_refused_with_a_specific_detail(data, detail):
    with pytest.raises(ParseError) as error:
        detect_format(data, "lofte.pdf")
    assert error.value.reason == "unsupported file type"
    assert error.value.detail == detail


@pytest.mark.parametrize("data", [b"", b" \n\t\n"])
def test_empty_file(data):
    with pytest.raises(ParseError) as error:
        detect_format(data)
    assert error.value.reason == "empty file"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(encoding):
    page = "<html><body><h1>Löfte Åre</h1></body></html>".encode(encoding)
    text = "Löfte Åre\n\nPolisen lovar att synas.".encode(encoding)
    assert detect_format(page) == "html"
    assert detect_format(text) == "txt"


def test_a_stray_nul_byte_does_not_make_a_page_binary():
    page = b"<!DOCTYPE html><html><body><p>Polisen lovar.</p>\x00<p>Mer text.</p></body></html>"
    assert detect_format(page) == "html"
    assert detect_format(b"Rubrik\n\nText med ett trasigt tecken \x00 i sig.\n") == "txt"


def test_text_with_stray_nul_bytes_is_text():
    text = "Polisen och kommunen lovar att genomföra trygghetsvandringar.\n" * 20
    data = text.encode("utf-8").replace(b"\n", b"\n\x00", 12)
    assert detect_format(data, "lofte.txt") == "txt"


def test_nul_padding_after_a_page_is_not_binary():
    page = b"<html><body><p>Polisen ska synas i centrum.</p></body></html>"
    assert detect_format(page + b"\x00" * 4096, "lofte.html") == "html"
    with pytest.raises(ParseError):
        detect_format(b"\x00" * 4096, "lofte.txt")


def test_text_mentioning_a_pdf_header_mid_sentence_is_text():
    # 'Se %PDF-1.4 nedan' in a text file was refused as a corrupt PDF
    data = "Se %PDF-1.4 nedan.\n\nMedborgarlöfte 2020 för Kumla kommun\n".encode()
    assert detect_format(data, "notes.txt") == "txt"
    assert detect_format(data, "scan.pdf") == "pdf"  # a file named .pdf keeps the old leniency
    assert detect_format(b"\xef\xbb\xbf%PDF-1.4\n", "x") == "pdf"
