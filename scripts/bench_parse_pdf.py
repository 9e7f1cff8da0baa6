"""Benchmark the PDF parser: pages per second, and text fidelity on the dev pages rendered as PDF.

Run: python scripts/bench_parse_pdf.py [--docs /work/shared/dev/docs] [--pages 30]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pdf_fixtures import BULLET_STYLES, PdfLayout, layout_seed_text  # noqa: E402

from lofte_extract.parse.pdf import parse_pdf  # noqa: E402

_WORD = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*[•\-–*▪]\s+", re.MULTILINE)


def bench_speed(pages: int) -> None:
    """Parse a multi-page fixture a few times and print pages per second."""
    layout = PdfLayout(header="Medborgarlöfte 2021 – Kumla kommun", bullet="cid127")
    while len(layout.pages) < pages:
        layout.heading("Det här ska vi göra")
        layout.paragraph("Polisen och kommunen ska genomföra trygghets\u00advandringar. " * 6)
        layout.bullets(["Minst fyra riktade trafikinsatser under året."] * 4)
        layout.signatures([("Anna Berg", "Kommunpolis"), ("Per Holm", "Kommundirektör")])
    data = layout.build()
    runs = 3
    started = time.perf_counter()
    for _ in range(runs):
        doc = parse_pdf(data)
    elapsed = (time.perf_counter() - started) / runs
    print(f"speed: {doc.pages} pages in {elapsed:.2f}s = {doc.pages / elapsed:.1f} pages/s")


def bench_fidelity(docs: Path) -> None:
    """Render each dev page as a PDF, parse it back, and compare the words and list items."""
    styles = sorted(BULLET_STYLES)
    ratios, items_in, items_out, pages = [], 0, 0, 0
    started = time.perf_counter()
    for index, path in enumerate(sorted(docs.glob("*.txt"))):
        text = path.read_text("utf-8")
        layout = layout_seed_text(text, bullet=styles[index % len(styles)], header=path.stem)
        doc = parse_pdf(layout.build())
        pages += doc.pages or 0
        source = _WORD.findall(_BULLET.sub("", text).lower())
        parsed = _WORD.findall(doc.text.lower())
        ratio = difflib.SequenceMatcher(None, source, parsed, autojunk=False).ratio()
        ratios.append((ratio, path.name))
        items_in += len(_BULLET.findall(text))
        items_out += sum(1 for b in doc.blocks if b.kind == "list_item")
    elapsed = time.perf_counter() - started
    mean = sum(r for r, _ in ratios) / len(ratios)
    worst = ", ".join(f"{name} {r:.3f}" for r, name in sorted(ratios)[:3])
    print(f"fidelity: {len(ratios)} docs, {pages} pages, word match {mean:.4f} (worst: {worst})")
    print(f"list items: {items_in} bullet lines in the text, {items_out} list_item blocks parsed")
    print(f"build+parse time {elapsed:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, default=Path("/work/shared/dev/docs"))
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    bench_speed(args.pages)
    if args.docs.is_dir():
        bench_fidelity(args.docs)


if __name__ == "__main__":
    main()
