"""A real HTTP test site on 127.0.0.1 for the collect tests: robots.txt, redirects, failures,
slow and huge responses, plus the shared crawl over every route of it.

Each test module declares its own `server` and `crawl` fixtures on top of `serve` and
`shared_crawl` (conftest.py is kept for repository-wide fixtures).
"""

from __future__ import annotations

import gzip
import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from reportlab.pdfgen import canvas

from lofte_extract.collect import CollectConfig, collect, read_manifest

ROBOTS = """\
User-agent: *
Disallow: /

User-agent: lofte-extract
Disallow: /secret/
Allow: /secret/open-medborgarlofte.html
"""

INDEX = """<!doctype html><html><head><title>Trygghet i Exempelby</title></head><body>
<nav><a href="/kontakt.html">Kontakt</a> <a href="#main">Hoppa</a>
<a href="mailto:info@exempelby.se">Mejla</a></nav>
<h1>Trygghet och medborgarlöften</h1>
<ul>
<li><a href="medborgarlofte-2024.html">Medborgarlöfte 2024</a></li>
<li><a href="/docs/undertecknat.pdf">Medborgarlöftet undertecknat (pdf)</a></li>
<li><a href="/secret/plan-medborgarlofte.html">Internt medborgarlöfte</a></li>
<li><a href="/secret/open-medborgarlofte.html">Öppet medborgarlöfte</a></li>
<li><a href="/bilder/trygghet.jpg">Bild från trygghetsvandringen</a></li>
<li><a href="http://other.invalid/medborgarloften/">Grannkommunens löfte</a></li>
<li><a href="/kopia-medborgarlofte.html">Samma löfte igen</a></li>
</ul></body></html>
"""

LATIN1_PAGE = (
    "<html><head><title>Medborgarlöfte för Exempelby 2024</title></head><body>"
    "<h1>Medborgarlöfte för Exempelby kommun 2024</h1>"
    "<p>Polisen och kommunen lovar att genomföra minst fyra trygghetsvandringar "
    "under året i Västra Åby och Östermalm.</p>"
    '<p><a href="/uppfoljning-medborgarlofte.html">Uppföljning</a></p>'
    "</body></html>"
).encode("iso-8859-1")


def _pdf_bytes(year: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.drawString(72, 760, f"Medborgarlofte Exempelby {year}")
    pdf.drawString(72, 740, "Polisen ska genomfora minst tio trafikkontroller per manad.")
    pdf.save()
    return buf.getvalue()


PDF = _pdf_bytes(2024)
PDF_2025 = _pdf_bytes(2025)


class Site:
    """Shared state of the test site: request log and per-path counters."""

    def __init__(self, robots: tuple[int, str] = (200, ROBOTS), robots_wait: float = 0) -> None:
        self.robots = robots
        self.robots_wait = robots_wait
        self.times: list[float] = []
        self.hits: dict[str, int] = {}
        self.agents: set[str] = set()
        self.version = 1  # of the /revalidate/ pages
        self.conditional: list[tuple[str, str | None, str | None]] = []
        self.lock = threading.Lock()

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def send(
            self,
            status: int,
            body: bytes = b"",
            ctype: str = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def redirect(self, status: int, location: str) -> None:
            self.send(status, b"", headers={"Location": location})

        def do_GET(self) -> None:  # noqa: C901 - one branch per route keeps the site readable
            path = self.path
            n = site.hit(path)
            site.times.append(time.monotonic())
            site.agents.add(self.headers.get("User-Agent", ""))
            site.conditional.append(
                (path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"))
            )
            try:
                self.route(path, n)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def route(self, path: str, n: int) -> None:
            if path == "/robots.txt":
                time.sleep(site.robots_wait)
                status, text = site.robots
                self.send(status, text.encode(), "text/plain")
            elif path == "/index.html":
                self.send(200, INDEX.encode())
            elif path in ("/medborgarlofte-2024.html", "/kopia-medborgarlofte.html"):
                self.send(200, LATIN1_PAGE, "text/html; charset=ISO-8859-1")
            elif path == "/uppfoljning-medborgarlofte.html":
                self.send(
                    200, b"<html><body><p>Uppf\xc3\xb6ljning av l\xc3\xb6ftet</p></body></html>"
                )
            elif path == "/secret/open-medborgarlofte.html":
                self.send(200, b"<html><body>Allowed by a longer Allow rule</body></html>")
            elif path in ("/docs/undertecknat.pdf",):
                self.send(200, PDF, "application/pdf")
            elif path == "/download?id=7":
                self.send(200, PDF_2025, "application/octet-stream")
            elif path == "/notes.txt":
                self.send(200, "Medborgarlöfte i klartext".encode(), "text/plain; charset=utf-8")
            elif path == "/bilder/trygghet.jpg" or path == "/image.png":
                self.send(200, b"\x89PNG\r\n\x1a\n" + b"0" * 100, "image/png")
            elif path == "/r/start":
                self.redirect(301, "/r/middle")
            elif path == "/r/middle":
                self.redirect(302, "../final-medborgarlofte.html")
            elif path == "/final-medborgarlofte.html":
                self.send(200, b"<html><body>Slutet av kedjan</body></html>")
            elif path.startswith("/chain/"):
                self.redirect(302, f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
            elif path in ("/gzip-bomb", "/bad-gzip"):
                body = (
                    gzip.compress(b"<html>" + b" " * 4 * 1024 * 1024)
                    if path == "/gzip-bomb"
                    else b"\x1f\x8b this is not gzip at all"
                )
                self.send(200, body, headers={"Content-Encoding": "gzip"})
            elif path == "/short-body":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(b"<html>cut")
                self.close_connection = True
            elif path == "/loop/a":
                self.redirect(307, "/loop/b")
            elif path == "/loop/b":
                self.redirect(308, "/loop/a")
            elif path == "/to-secret":
                self.redirect(302, "/secret/plan.html")
            elif path.startswith("/to-host/"):  # issue 9: redirects off the seed host
                port = self.server.server_address[1]
                self.redirect(
                    302,
                    {
                        "ip2": f"http://127.0.0.2:{port}/index.html",
                        "ipv6": f"http://[::1]:{port}/index.html",
                        "localhost": "http://localhost:1/index.html",
                        "metadata": "http://169.254.169.254/latest/meta-data/",
                    }[path.rsplit("/", 1)[1]],
                )
            elif path.startswith("/revalidate/"):
                self.revalidate(path.rsplit("/", 1)[1])
            elif path == "/missing":
                self.send(404, b"not here")
            elif path == "/gone":
                self.send(410, b"gone")
            elif path == "/forbidden":
                self.send(403, b"no")
            elif path == "/flaky":
                if n == 1:
                    self.send(500, b"oops")
                else:
                    self.send(200, b"<html><body>Stabil till slut</body></html>")
            elif path == "/busy":
                if n == 1:
                    self.send(429, b"slow down", headers={"Retry-After": "1"})
                else:
                    self.send(200, "<html><body>Nu går det bra</body></html>".encode())
            elif path == "/very-busy":
                self.send(429, b"come back tomorrow", headers={"Retry-After": "86400"})
            elif path == "/broken":
                self.send(503, b"down")
            elif path == "/trickle":
                self.trickle(headers_first=True)
            elif path == "/trickle-headers":
                self.trickle(headers_first=False)
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(200 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"%PDF-1.4\n")
            elif path == "/huge-streamed":
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b"%PDF-1.4\n")
                for _ in range(64):  # 4 MB, no Content-Length
                    self.wfile.write(b"0" * 65536)
                self.close_connection = True
            else:
                self.send(404, b"no such page")

        def revalidate(self, how: str) -> None:
            """A page at version site.version with an ETag or a Last-Modified date; a
            matching conditional request gets 304."""
            version = site.version
            body = f"<html><body><p>Medborgarlöfte version {version}</p></body></html>"
            if how == "etag":
                tag = f'"v{version}"'
                if self.headers.get("If-None-Match") == tag:
                    self.send(304, headers={"ETag": tag})
                    return
                self.send(200, body.encode(), headers={"ETag": tag})
                return
            stamp = f"Mon, 0{version} Jan 2024 10:00:00 GMT"
            if self.headers.get("If-Modified-Since") == stamp:
                self.send(304)
                return
            self.send(200, body.encode(), headers={"Last-Modified": stamp})

        def trickle(self, headers_first: bool) -> None:
            end = time.monotonic() + 8
            if headers_first:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.flush()
                payload = b"x"
            else:
                payload = b"HTTP/1.1 200 OK\r\nX-Slow: "
            i = 0
            while time.monotonic() < end:
                self.wfile.write(payload[i % len(payload) : i % len(payload) + 1])
                self.wfile.flush()
                i += 1
                time.sleep(0.2)
            self.close_connection = True

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up mid-request is what half these routes are about


def serve() -> Iterator[Callable[[Site], str]]:
    """Generator behind each module's `server` fixture: yields start(site), which serves the
    site on a random free port and returns its base URL; shuts every started server down."""
    servers = []

    def start(site: Site) -> str:
        httpd = QuietServer(("127.0.0.1", 0), make_handler(site))
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


FAST = CollectConfig(
    delay=0.0,
    timeout=1.0,
    deadline=1.5,
    backoff=0.05,
    max_retry_wait=2.0,
    max_bytes=1024 * 1024,
    depth=2,
    retries=2,
)


def _errors(corpus: Path) -> dict[str, dict]:
    path = corpus / "errors.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return {row["path"]: row for row in rows}


_CRAWL: dict = {}


def shared_crawl(server: Callable[[Site], str], tmp_path_factory) -> dict:
    """One crawl over every route of the main site, run once per test session and shared by
    every module's `crawl` fixture (the corpus and the request log outlive the server)."""
    if _CRAWL:
        return _CRAWL
    site = Site()
    base = server(site)
    corpus = tmp_path_factory.mktemp("corpus")
    seeds = [
        f"{base}/{p}"
        for p in (
            "index.html",
            "r/start",
            "loop/a",
            "to-secret",
            "missing",
            "gone",
            "forbidden",
            "flaky",
            "busy",
            "very-busy",
            "broken",
            "trickle",
            "trickle-headers",
            "huge-declared",
            "huge-streamed",
            "image.png",
            "download?id=7",
            "notes.txt",
            "chain/0",
            "short-body",
            "gzip-bomb",
            "bad-gzip",
        )
    ]
    started = time.monotonic()
    report = collect(seeds, corpus, config=FAST)
    _CRAWL.update(
        {
            "base": base,
            "site": site,
            "corpus": corpus,
            "report": report,
            "seconds": time.monotonic() - started,
            "seeds": seeds,
        }
    )
    return _CRAWL


def _by_url(corpus: Path) -> dict[str, object]:
    return {e.url: e for e in read_manifest(corpus).values()}
