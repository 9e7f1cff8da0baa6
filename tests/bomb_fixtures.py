"""Decompression bombs outside a page's single-filter content stream, built in code.

Each inflates to BOMB_BYTES (over the 64 MB a stream may decode to) from a few KB: two
FlateDecode in a row, ASCIIHex before Flate, a Form XObject, a ToUnicode CMap.
"""

from __future__ import annotations

import zlib
from functools import cache

from pdf_fixtures import raw_pdf

BOMB_BYTES = 160 * 1024 * 1024
_TEXT = b"BT /F1 12 Tf 72 700 Td (Polisen lovar.) Tj ET"


@cache
def _flated_zeros() -> bytes:
    packer = zlib.compressobj(9)
    block = b"\0" * (1024 * 1024)
    return (
        b"".join(packer.compress(block) for _ in range(BOMB_BYTES // len(block))) + packer.flush()
    )


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page(
    contents: bytes, resources: bytes = b"/Font << /F1 5 0 R >>", more: list[bytes] | None = None
) -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << " + resources + b" >> >>",
            contents,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *(more or []),
        ]
    )


def double_flate() -> bytes:
    """A content stream filtered [/FlateDecode /FlateDecode]."""
    twice = zlib.compress(_flated_zeros(), 9)
    return _page(_stream(twice, b"/Filter [/FlateDecode /FlateDecode]"))


def hex_then_flate() -> bytes:
    """[/ASCIIHexDecode /FlateDecode]: hex text of a Flate bomb."""
    return _page(
        _stream(_flated_zeros().hex().encode() + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]")
    )


def form_xobject() -> bytes:
    """The page draws a Form XObject whose stream is the bomb."""
    return _page(
        _stream(_TEXT + b" /X1 Do"),
        b"/Font << /F1 5 0 R >> /XObject << /X1 6 0 R >>",
        [
            _stream(
                _flated_zeros(),
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode",
            )
        ],
    )


def to_unicode_cmap() -> bytes:
    """The font's ToUnicode CMap is the bomb."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(_TEXT),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            _stream(_flated_zeros(), b"/Filter /FlateDecode"),
        ]
    )


def bombs() -> dict[str, bytes]:
    """File name -> bytes of every bomb kind."""
    return {
        "bomb_double_flate.pdf": double_flate(),
        "bomb_hex_flate.pdf": hex_then_flate(),
        "bomb_form_xobject.pdf": form_xobject(),
        "bomb_tounicode.pdf": to_unicode_cmap(),
    }
