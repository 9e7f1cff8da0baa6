"""Crawl a local copy of the dev set and feed the corpus to the pipeline.

    python scripts/bench_collect.py [--delay 0] [--keep DIR]

Renders /work/shared/dev/docs as a kommun website on 127.0.0.1 (HTML pages in two
charsets, signed PDFs behind "Ladda ner" links, noise pages, an image, a robots.txt
Disallow), crawls it with `collect`, and runs the pipeline on the result. Prints
crawl time, pages fetched and failed, and the records the pipeline read with URLs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import render  # noqa: E402  (tools/ is not a package)

from lofte_extract.collect import CollectConfig, collect, read_manifest  # noqa: E402

__all__ = ["build_site", "main"]

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "docs"


def build_site(docs: Path) -> dict[str, tuple[bytes, str]]:
    """Path -> (body, content type) for a site holding every dev document."""
    pages: dict[str, tuple[bytes, str]] = {}
    items = []
    for i, doc in enumerate(sorted(docs.glob("*.txt"))):
        text = doc.read_text(encoding="utf-8")
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), doc.stem)[:80]
        if i % 2:
            pages[f"/dokument/{doc.stem}.pdf"] = (render.render_pdf(text, i), "application/pdf")
            items.append(f'<li>{title} <a href="/dokument/{doc.stem}.pdf">Ladda ner</a></li>')
        else:
            encoding = "windows-1252" if i % 4 == 0 else "utf-8"
            body = render.render_html(text, i, encoding)
            pages[f"/trygghet/medborgarloften/{doc.stem}/"] = (
                body,
                f"text/html; charset={encoding}",
            )
            items.append(f'<li><a href="/trygghet/medborgarloften/{doc.stem}/">{title}</a></li>')
    index = (
        "<!doctype html><html><body><h1>Trygghet och säkerhet</h1>"
        '<a href="/kontakt/">Kontakt</a> <a href="/nyheter/">Nyheter</a>'
        '<a href="/intern/medborgarlofte-utkast/">Utkast</a>'
        '<a href="/bilder/trygghetsvandring.jpg">Bild</a>'
        f"<ul>{''.join(items)}</ul></body></html>"
    )
    pages["/trygghet/"] = (index.encode("utf-8"), "text/html; charset=utf-8")
    pages["/kontakt/"] = (b"<html><body>Kontakt</body></html>", "text/html")
    pages["/bilder/trygghetsvandring.jpg"] = (b"\xff\xd8\xff" + b"0" * 5000, "image/jpeg")
    pages["/robots.txt"] = (b"User-agent: *\nDisallow: /intern/\n", "text/plain")
    return pages


def serve(pages: dict[str, tuple[bytes, str]]) -> tuple[ThreadingHTTPServer, str]:
    """Serve the pages on a free port of 127.0.0.1."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body, ctype = pages.get(self.path, (b"not found", "text/plain"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main(argv: list[str] | None = None) -> int:
    """Build, crawl, run the pipeline, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--keep", type=Path, help="write the corpus here instead of a temp dir")
    args = parser.parse_args(argv)
    pages = build_site(DEV)
    httpd, base = serve(pages)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.keep or Path(tmp) / "corpus"
        started = time.monotonic()
        report = collect(
            [f"{base}/trygghet/"], corpus, config=CollectConfig(delay=args.delay, depth=1)
        )
        crawl = time.monotonic() - started
        print(f"{report.summary()} in {crawl:.1f}s ({len(pages) - 1} paths on the site)")
        for row in report.failed:
            print(f"  failed {row.path}: {row.reason}")
        from lofte_extract.pipeline import run

        out = Path(tmp) / "out"
        summary = run([corpus], out)
        print(summary.line())
        records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
        with_url = sum(
            '"url": "http://127.0.0.1' in r or '"url":"http://127.0.0.1' in r for r in records
        )
        print(
            f"manifest entries {len(read_manifest(corpus))}; records {len(records)}, "
            f"with a crawl URL {with_url}"
        )
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
