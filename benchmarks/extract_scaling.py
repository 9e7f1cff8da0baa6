"""Extraction time per 1,000 characters as documents grow: it should stay flat.

python benchmarks/extract_scaling.py [--docs DIR] [--sizes 5000 20000 ...] [--profile N]

Builds deterministic long documents by concatenating real promise texts (the dev set's
`docs/*.txt`, in name order, repeated as needed: a long collection or follow-up report holds
many promise periods), parses each as text, then times `extract_records` alone and prints
milliseconds per 1,000 characters per size and the ratio of the slowest to the fastest.
Last, a 284-page PDF-like document (the same texts as blocks with page numbers, ~660k
characters) is extracted and its time printed against the 20 s budget.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

from lofte_extract.extract import extract_records
from lofte_extract.parse import ParsedDocument, parse_bytes
from lofte_extract.parse.document import DocumentBuilder
from lofte_extract.records import Source

__all__ = ["build_text", "main", "pdf_like"]

SHARED = Path(os.environ.get("LOFTE_SHARED", "/work/shared"))
SIZES = (5_000, 20_000, 65_000, 130_000, 270_000, 700_000)
PDF_PAGES = 284
PDF_CHARS = 660_000
PDF_BUDGET_S = 20.0
FLAT_RATIO = 1.5  # issue 8: max/min ms per 1k characters within this


def _texts(folder: Path) -> list[str]:
    texts = [path.read_text(encoding="utf-8").strip() for path in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {folder} (set --docs or LOFTE_SHARED)")
    return texts


def build_text(texts: list[str], size: int) -> str:
    """Whole texts joined by blank lines, repeated in order, until `size` characters."""
    parts: list[str] = []
    length = 0
    index = 0
    while length < size:
        part = texts[index % len(texts)]
        parts.append(part)
        length += len(part) + 2
        index += 1
    return "\n\n".join(parts)


def pdf_like(texts: list[str], pages: int, size: int) -> ParsedDocument:
    """The texts' blocks laid out on `pages` numbered pages, as a long PDF would be parsed."""
    blocks = parse_bytes(build_text(texts, size).encode("utf-8"), "long.txt").blocks
    per_page = max(1, len(blocks) // pages)
    builder = DocumentBuilder("pdf")
    for index, block in enumerate(blocks):
        builder.add(block.kind, block.text, page=min(index // per_page, pages - 1) + 1)
    return builder.build(pages=pages)


def _parsed(texts: list[str], size: int) -> tuple[ParsedDocument, float]:
    """A document of about `size` characters after parsing (furniture lines are dropped)."""
    raw = size
    for _ in range(2):
        text = build_text(texts, raw)
        started = time.perf_counter()
        doc = parse_bytes(text.encode("utf-8"), "long.txt")
        parse_ms = (time.perf_counter() - started) * 1000
        raw = int(raw * size / len(doc.text))
    return doc, parse_ms


def _source() -> Source:
    return Source(path="long.txt", sha256="0" * 64, format="txt")


def _extract_ms(doc: ParsedDocument, profile: cProfile.Profile | None = None) -> tuple[int, float]:
    started = time.perf_counter()
    if profile:
        profile.enable()
    records = extract_records(doc, _source())
    if profile:
        profile.disable()
    return len(records), (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    """Print ms per 1k characters per size, the max/min ratio and the long PDF's time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=SHARED / "dev" / "docs")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--profile", type=int, nargs="*", default=[], help="sizes to profile")
    parser.add_argument("--no-pdf", action="store_true", help="skip the 284-page document")
    args = parser.parse_args(argv)
    texts = _texts(args.docs)
    extract_records(parse_bytes(texts[0].encode("utf-8"), "warm.txt"), _source())
    print(f"{'chars':>9} {'records':>8} {'parse ms':>9} {'extract ms':>11} {'ms/1k chars':>12}")
    per_k = []
    for size in args.sizes:
        doc, parse_ms = _parsed(texts, size)
        profile = cProfile.Profile() if size in args.profile else None
        records, extract_ms = _extract_ms(doc, profile)
        per_k.append(extract_ms / (len(doc.text) / 1000))
        print(
            f"{len(doc.text):>9} {records:>8} {parse_ms:>9.0f} {extract_ms:>11.0f} "
            f"{per_k[-1]:>12.1f}"
        )
        if profile:
            pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    ratio = max(per_k) / min(per_k)
    verdict = "flat" if ratio <= FLAT_RATIO else "NOT flat"
    print(f"max/min ms per 1k chars: {ratio:.2f} ({verdict}: target <= {FLAT_RATIO})")
    if not args.no_pdf:
        doc = pdf_like(texts, PDF_PAGES, PDF_CHARS)
        records, extract_ms = _extract_ms(doc)
        seconds = extract_ms / 1000
        verdict = "within" if seconds < PDF_BUDGET_S else "OVER"
        print(
            f"{PDF_PAGES}-page PDF-like document, {len(doc.text)} chars, {records} records: "
            f"extract {seconds:.1f} s ({verdict} the {PDF_BUDGET_S:.0f} s budget)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
