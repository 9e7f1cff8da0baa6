"""Read a PDF's raw streams before any PDF library opens it: decompression bombs and facts.

pdfminer and pdfium inflate whatever a stream's filters say, all of it, in memory: a
6 KB stream can say 1 GiB (two FlateDecode in a row, ASCIIHex before Flate, a Form
XObject, a ToUnicode CMap). Here every stream is inflated chunk by chunk, counting and
discarding, so a bomb is refused in a few MB of memory. The same pass notes what the
file holds (images, empty or cut streams) so "no text" can say why.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .document import ParseError

__all__ = [
    "BOMB_REASON",
    "MAX_IMAGE_PIXELS",
    "MAX_STREAM_BYTES",
    "MAX_TOTAL_BYTES",
    "PdfFacts",
    "inspect_pdf",
]

MAX_STREAM_BYTES = 64 * 1024 * 1024  # one decoded non-image stream (pages need kilobytes)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all decoded non-image streams of a file
MAX_IMAGE_PIXELS = 200_000_000  # an A4 page at 1200 dpi is 140 million
BOMB_REASON = "decompression bomb"
_CHUNK = 1024 * 1024
_INLINE_SCAN_BYTES = 8 * 1024 * 1024  # content streams holding a scan start with it
_MB = 1024 * 1024

_STREAM = re.compile(rb">>\s*stream\r?\n")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[<>]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_NUMBER = rb"%d\s+%d\s+obj\s*(\d+)\s*endobj"
_DIMENSION = re.compile(rb"/(Width|Height)\s+(\d+)")
_WHITESPACE = re.compile(rb"\s+")
_INLINE_IMAGE = re.compile(rb"(?<![^\s])BI\s*/")


@dataclass
class PdfFacts:
    """What the raw file holds: image streams, empty streams, streams cut by their /Length."""

    streams: int = 0
    images: int = 0
    empty_streams: int = 0
    short_lengths: list[tuple[int, int]] = field(default_factory=list)  # (/Length, real bytes)
    decoded_bytes: int = 0

    def no_text_reason(self) -> ParseError:
        """The specific reason for pages that draw nothing (not a scan: there are no images)."""
        if self.short_lengths:
            said, real = self.short_lengths[0]
            return ParseError(
                "corrupt PDF",
                f"a stream's /Length says {said} bytes but it holds {real}: the text was cut off",
            )
        if self.empty_streams:
            return ParseError(
                "no text in PDF",
                f"{self.empty_streams} content stream(s) are empty: the pages draw nothing",
            )
        return ParseError("no text in PDF", "the pages draw neither text nor images")


def inspect_pdf(data: bytes) -> PdfFacts:
    """Facts about a PDF's streams; ParseError('decompression bomb') when one would inflate
    past MAX_STREAM_BYTES (or all past MAX_TOTAL_BYTES, or an image past MAX_IMAGE_PIXELS)."""
    facts = PdfFacts()
    for match in _STREAM.finditer(data):
        head = _dictionary(data, match.start())
        start = match.end()
        stop = data.find(b"endstream", start)
        stop = len(data) if stop < 0 else stop
        raw = data[start:stop].rstrip(b"\r\n")
        facts.streams += 1
        said = _length(data, head)
        if said is not None and said < len(raw) and not data[start + said : stop].strip():
            said = None  # only line ends after /Length: it is right
        if said is not None and said < len(raw):
            facts.short_lengths.append((said, len(raw)))
        if not raw:
            facts.empty_streams += 1
        if b"/Image" in head:
            facts.images += 1
            _check_pixels(head)
            continue
        size, inline = _decoded_size(raw, _filters(head), MAX_STREAM_BYTES)
        facts.images += inline
        if size > MAX_STREAM_BYTES:
            raise ParseError(
                BOMB_REASON,
                f"stream would exceed {MAX_STREAM_BYTES // _MB} MB "
                f"({len(raw)} bytes through {_filter_names(head)})",
            )
        facts.decoded_bytes += size
        if facts.decoded_bytes > MAX_TOTAL_BYTES:
            raise ParseError(
                BOMB_REASON, f"streams would exceed {MAX_TOTAL_BYTES // _MB} MB in total"
            )
    return facts


def _dictionary(data: bytes, end: int) -> bytes:
    """The object dictionary before a `stream` keyword (from its `N G obj`)."""
    window = data[max(0, end - 16384) : end]
    starts = [match.end() for match in _OBJ.finditer(window)]
    return window[starts[-1] :] + b">>" if starts else window[-4096:] + b">>"


def _length(data: bytes, head: bytes) -> int | None:
    match = _LENGTH.search(head)
    if match is None:
        return None
    if match.group(2) is None:
        return int(match.group(1))
    ref = re.search(_NUMBER % (int(match.group(1)), int(match.group(2))), data)
    return int(ref.group(1)) if ref else None


def _filters(head: bytes) -> list[bytes]:
    match = _FILTER.search(head)
    return re.findall(rb"/([^\s/\[\]<>]+)", match.group(1)) if match else []


def _filter_names(head: bytes) -> str:
    return " ".join(name.decode("latin-1") for name in _filters(head)) or "no filter"


def _check_pixels(head: bytes) -> None:
    sizes = {name: int(value) for name, value in _DIMENSION.findall(head)}
    width, height = sizes.get(b"Width", 0), sizes.get(b"Height", 0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ParseError(
            BOMB_REASON,
            f"an image of {width} x {height} pixels would exceed "
            f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels",
        )


def _decoded_size(raw: bytes, filters: list[bytes], limit: int) -> tuple[int, int]:
    """Bytes the filter chain gives, counted up to just past `limit`, and the inline images
    (`BI ... ID ... EI`: how reportlab and scanners often draw a scan) seen in them."""
    chunks: Iterable[bytes] = (raw[i : i + _CHUNK] for i in range(0, len(raw), _CHUNK))
    for name in filters:
        decoder = _DECODERS.get(name)
        if decoder is None:  # images, crypt, LZW: pdfminer does not inflate them for text
            break
        chunks = _capped(decoder(chunks), limit)
    size = inline = 0
    try:
        for chunk in chunks:
            size += len(chunk)
            if size <= _INLINE_SCAN_BYTES:
                inline += len(_INLINE_IMAGE.findall(chunk))
            if size > limit:
                break
    except _Overflow:
        size = limit + 1
    except (zlib.error, ValueError):  # damaged or encrypted: the parser will say so
        pass
    return size, inline


class _Overflow(Exception):
    """A middle stage of a filter chain gave more than the limit."""


def _capped(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    """A stage's output, stopped once it has given more than `limit`."""
    given = 0
    for chunk in chunks:
        given += len(chunk)
        if given > limit:
            raise _Overflow
        yield chunk


def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for chunk in chunks:
        pending = chunk
        while pending and not inflater.eof:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if out:
                yield out
        if inflater.eof:
            return


def _ascii_hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        text = carry + _WHITESPACE.sub(b"", chunk)
        end = text.find(b">")
        if end >= 0:
            text = text[:end] + (b"0" if (end % 2) else b"")
        carry, text = (b"", text) if len(text) % 2 == 0 else (text[-1:], text[:-1])
        yield bytes.fromhex(text.decode("latin-1"))
        if end >= 0:
            return


def _ascii85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        text = carry + _WHITESPACE.sub(b"", chunk).replace(b"z", b"!!!!!")
        end = text.find(b"~>")
        if end >= 0:
            text = text[:end]
        whole = len(text) - len(text) % 5 if end < 0 else len(text)
        carry = text[whole:]
        yield base64.a85decode(text[:whole])
        if end >= 0:
            return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        data, i, out = carry + chunk, 0, bytearray()
        while i < len(data):
            count = data[i]
            if count == 128:
                yield bytes(out)
                return
            need = count + 2 if count < 128 else 2
            if i + need > len(data):
                break
            out += data[i + 1 : i + need] if count < 128 else data[i + 1 : i + 2] * (257 - count)
            i += need
        carry = data[i:]
        yield bytes(out)


_DECODERS = {
    b"FlateDecode": _flate,
    b"Fl": _flate,
    b"ASCIIHexDecode": _ascii_hex,
    b"AHx": _ascii_hex,
    b"ASCII85Decode": _ascii85,
    b"A85": _ascii85,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
}
