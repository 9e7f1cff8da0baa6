"""Fuzz the parsers: a few hundred mutations of real built files (bytes flipped, cut,
repeated, NULs and markup spliced in) must each give a document whose blocks point into
its text, or a ParseError with a specific reason; never any other exception.

hypothesis drives the mutations with a fixed seed (derandomize), so CI sees the same
cases every run and a failure reproduces.
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile_inputs import PROMISE, _promise_html, _promise_pdf

from lofte_extract.parse import ParseError, parse_bytes

SPLICES = [
    b"\x00",
    b"\xff\xfe",
    b"<div>",
    b"</p>",
    b"<!--",
    b"%PDF-1.7",
    b"endobj",
    b"stream\n",
    b"/Length 0",
    b"/Filter /FlateDecode",
    b"obj <<",
    b"\xc3",
    b"\r",
    b'<meta charset="rot13">',
    b"1 0 R",
    b">>",
    b"[",
    b"(",
    b"\\",
]


@cache
def seeds() -> dict[str, bytes]:
    return {
        "promise.pdf": _promise_pdf(),
        "promise.html": _promise_html(),
        "promise.txt": PROMISE.encode("utf-8"),
    }


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(seeds())))
    data = bytearray(seeds()[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "cut", "splice", "repeat", "delete"]))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[at:]
        elif kind == "splice":
            data[at:at] = draw(st.sampled_from(SPLICES))
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
        else:
            del data[at : at + draw(st.integers(1, 200))]
    return name, bytes(data)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_fuzzed_files_parse_or_fail_with_a_specific_reason(case):
    name, data = case
    try:
        doc = parse_bytes(data, name)
    except ParseError as error:
        assert error.reason and "Error" not in error.reason, error
        return
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    assert "\x00" not in doc.text
