"""Score the eval sets as other programs than the sets' own renderer would publish them.

    python scripts/render_eval.py OUT_DIR [--sets seeds dev dev2] [--only chromium libreoffice]

The eval sets' PDFs and web pages come from one renderer (tools/render.py), so the parsers
could fit its layout without anyone noticing. Here every txt page of a set is published again:
printed to PDF by Chromium (a plain page, bullets drawn as shapes), exported to PDF by
LibreOffice Writer (fonts whose descriptors give no descent), drawn into a PDF line by line in
one font (no heading styles at all), and as HTML built of bare divs,
of line breaks in one paragraph, or of divs between a header and footer whose class names say
nothing. The gold stays the same; each figure is printed beside the txt figure. A producer
whose pages need chromium or soffice is skipped, with a line saying so, where they are missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_eval_sets import ROOT, against, score_set, txt_baselines  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))

import render  # noqa: E402
import render_other  # noqa: E402

__all__ = ["PRODUCERS", "publish"]


def _html_pages(texts: list[Path], folder: Path, page: Callable[[str], str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for text in texts:
        target = folder / f"{text.stem}.html"
        target.write_text(page(text.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    return written


def _printed(convert: Callable[[list[Path], Path], list[Path]]) -> Callable:
    """A producer printing plain pages to PDF with `convert`."""

    def produce(texts: list[Path], folder: Path) -> list[Path]:
        pages = _html_pages(texts, folder / "_pages", render.render_bare_html)
        printed = convert(pages, folder)
        shutil.rmtree(folder / "_pages")
        return printed

    return produce


def _styled(style: str) -> Callable:
    """A producer writing each page as HTML in `style`."""
    return lambda texts, folder: _html_pages(
        texts, folder, lambda text: render_other.other_html(text, style)
    )


PRODUCERS: dict[str, tuple[Callable[[list[Path], Path], list[Path]], str | None]] = {
    "chromium": (_printed(render_other.chromium_pdfs), "chromium"),
    "libreoffice": (_printed(render_other.libreoffice_pdfs), "soffice"),
    "plain_pdf": (render_other.plain_pdfs, None),
    **{f"html_{style}": (_styled(style), None) for style in render_other.HTML_STYLES},
}


def publish(txt_folder: Path, target: Path, producer: str) -> Path:
    """The txt folder's pages as `producer` publishes them, with a manifest of their own."""
    rows = [json.loads(line) for line in (txt_folder / "manifest.jsonl").read_text().splitlines()]
    texts = [txt_folder / row["path"] for row in rows]
    produce, _ = PRODUCERS[producer]
    files = {path.stem: path for path in produce(texts, target)}
    kept = []
    for row in rows:
        path = files.get(Path(row["path"]).stem)
        if path is None or not path.exists():
            print(f"  {producer}: no output for {row['path']}", file=sys.stderr)
            continue
        data = path.read_bytes()
        pdf = path.suffix == ".pdf"
        row.update(
            path=path.name,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            content_type="application/pdf" if pdf else "text/html; charset=utf-8",
            charset=None if pdf else "utf-8",
        )
        kept.append(json.dumps(row, ensure_ascii=False))
    (target / "manifest.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point: one line per producer, the overall figure per set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sets", nargs="+", default=["seeds", "dev", "dev2"])
    parser.add_argument("--only", nargs="+", choices=sorted(PRODUCERS), metavar="NAME")
    args = parser.parse_args(argv)
    folders, base = txt_baselines(args.sets, args.out_dir)
    print("producer".ljust(14) + "".join(f"{name:>18}" for name in args.sets))
    print("(txt)".ljust(14) + "".join(f"{base[name]:>18.3f}" for name in args.sets))
    for producer in args.only or PRODUCERS:
        needs = PRODUCERS[producer][1]
        if needs and shutil.which(needs) is None:
            print(f"{producer.ljust(14)}skipped: {needs} is not on PATH", flush=True)
            continue
        cells = []
        for name, folder in folders.items():
            published = publish(folder["txt"], args.out_dir / producer / name, producer)
            changed = {**folder, producer: published}
            figure = score_set(changed, producer, args.out_dir / producer / "runs" / name)
            cells.append(against(figure, base[name]))
        print(producer.ljust(14) + "".join(f"{cell:>18}" for cell in cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
