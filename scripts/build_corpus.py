"""Write corpus/ from the seeds: a small real-looking crawl with manifest and gold.

    python scripts/build_corpus.py [OUT_DIR]   (default: corpus/ in the repository)

Seeds 000 and 004 become signed PDFs, 002 and 003 web pages (Eslöv's 003 stays one page
holding two promises), 001 stays text. Gold goes to OUT_DIR/.gold/, which the pipeline
skips (dot folder) and `evaluate` reads: `lofte-extract evaluate corpus/.gold out/`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import render  # noqa: E402  (tools/ is not a package)
from build_eval_sets import (  # noqa: E402
    ROOT,
    SEED_URLS,
    SHARED,
    manifest_row,
    variant_of,
    write_manifest,
)

__all__ = ["LAYOUT", "build_corpus"]

# stem -> (format, html encoding or pdf layout variant); a mix like a real crawl of kommun
# and police sites. PDF variants 1 and 3 give bullets as "(cid:127)" and U+F0B7.
LAYOUT: dict[str, tuple[str, str | int | None]] = {
    "000_06d6dd4b8bf202db": ("pdf", 1),
    "001_0d21e82399c5e8ca": ("txt", None),
    "002_81e2fe3ffa8203c4": ("html", "windows-1252"),
    "003_9d60ccaea8afeb8d": ("html", "utf-8"),
    "004_31a527f7f8e38881": ("pdf", 3),
}


def build_corpus(out_dir: Path) -> list[Path]:
    """Render the seeds into out_dir with manifest.jsonl and .gold/; returns the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    gold_dir = out_dir / ".gold"
    gold_dir.mkdir(exist_ok=True)
    rows, written = [], []
    for stem, (fmt, option) in LAYOUT.items():
        text = (SHARED / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
        target = out_dir / f"{stem}.{fmt}"
        if fmt == "pdf":
            variant = option if isinstance(option, int) else variant_of(stem)
            target.write_bytes(render.render_pdf(text, variant))
            ctype, charset = "application/pdf", None
        elif fmt == "html":
            # Polisen.se layout for the police page, Sitevision for the kommun's.
            variant = 0 if "polisen.se" in SEED_URLS[stem] else 1
            encoding = option if isinstance(option, str) else "utf-8"
            target.write_bytes(render.render_html(text, variant, encoding))
            charset = "utf-8" if encoding == "utf-8" else None  # 1252: only the meta tag says
            ctype = "text/html" + (f"; charset={charset}" if charset else "")
        else:
            target.write_text(text, encoding="utf-8")
            ctype, charset = "text/plain; charset=utf-8", "utf-8"
        rows.append(manifest_row(target, target.name, SEED_URLS[stem], ctype, charset))
        written.append(target)
        shutil.copyfile(SHARED / "gold" / "seeds" / f"{stem}.json", gold_dir / f"{stem}.json")
    write_manifest(out_dir, rows)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=ROOT / "corpus")
    args = parser.parse_args(argv)
    for path in build_corpus(args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
