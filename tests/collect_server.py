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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Page:
    """A fixed response."""

    status: int
    body: bytes
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] | None = None


_PNG = _Page(200, b"\x89PNG\r\n\x1a\n" + b"0" * 100, "image/png")
_LATIN1 = _Page(200, LATIN1_PAGE, "text/html; charset=ISO-8859-1")
_GZIP = {"Content-Encoding": "gzip"}

# Pages that always answer the same.
_PAGES: dict[str, _Page] = {
    "/index.html": _Page(200, INDEX.encode()),
    "/medborgarlofte-2024.html": _LATIN1,
    "/kopia-medborgarlofte.html": _LATIN1,
    "/uppfoljning-medborgarlofte.html": _Page(
        200, b"<html><body><p>Uppf\xc3\xb6ljning av l\xc3\xb6ftet</p></body></html>"
    ),
    "/secret/open-medborgarlofte.html": _Page(
        200, b"<html><body>Allowed by a longer Allow rule</body></html>"
    ),
    "/docs/undertecknat.pdf": _Page(200, PDF, "application/pdf"),
    "/download?id=7": _Page(200, PDF_2025, "application/octet-stream"),
    "/notes.txt": _Page(200, "Medborgarlöfte i klartext".encode(), "text/plain; charset=utf-8"),
    "/bilder/trygghet.jpg": _PNG,
    "/image.png": _PNG,
    "/final-medborgarlofte.html": _Page(200, b"<html><body>Slutet av kedjan</body></html>"),
    "/gzip-bomb": _Page(200, gzip.compress(b"<html>" + b" " * 4 * 1024 * 1024), headers=_GZIP),
    "/bad-gzip": _Page(200, b"\x1f\x8b this is not gzip at all", headers=_GZIP),
    "/missing": _Page(404, b"not here"),
    "/gone": _Page(410, b"gone"),
    "/forbidden": _Page(403, b"no"),
    "/very-busy": _Page(429, b"come back tomorrow", headers={"Retry-After": "86400"}),
    "/broken": _Page(503, b"down"),
}

# Redirects: path -> (status, Location).
_REDIRECTS: dict[str, tuple[int, str]] = {
    "/r/start": (301, "/r/middle"),
    "/r/middle": (302, "../final-medborgarlofte.html"),
    "/loop/a": (307, "/loop/b"),
    "/loop/b": (308, "/loop/a"),
    "/to-secret": (302, "/secret/plan.html"),
}

# issue 9: where /to-host/<name> redirects, off the seed host ({port}: the server's).
_OFF_HOST = {
    "ip2": "http://127.0.0.2:{port}/index.html",
    "ipv6": "http://[::1]:{port}/index.html",
    "localhost": "http://localhost:1/index.html",
    "metadata": "http://169.254.169.254/latest/meta-data/",
}


class _Handler(BaseHTTPRequestHandler):
    """The test site's routes; `make_handler` binds it to a `Site`."""

    protocol_version = "HTTP/1.1"
    site: Site

    def log_message(self, *args: object) -> None:
        pass

    def send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.head(
            status, {"Content-Type": ctype, "Content-Length": str(len(body)), **(headers or {})}
        )
        self.wfile.write(body)

    def head(self, status: int, headers: dict[str, str]) -> None:
        """The status line and `headers`, in order."""
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def redirect(self, status: int, location: str) -> None:
        self.send(status, b"", headers={"Location": location})

    def do_GET(self) -> None:
        path = self.path
        site = self.site
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
        """Answer `path` (its `n`th request): a fixed page, a redirect, or a route's handler."""
        if path in _PAGES:
            page = _PAGES[path]
            self.send(page.status, page.body, page.ctype, page.headers)
        elif path in _REDIRECTS:
            self.redirect(*_REDIRECTS[path])
        elif path in _ROUTES:
            _ROUTES[path](self, n)
        else:
            for prefix, handler in _PREFIX_ROUTES.items():
                if path.startswith(prefix):
                    handler(self, path.rsplit("/", 1)[1])
                    return
            self.send(404, b"no such page")

    def robots(self, n: int) -> None:
        time.sleep(self.site.robots_wait)
        status, text = self.site.robots
        self.send(status, text.encode(), "text/plain")

    def flaky(self, n: int) -> None:
        if n == 1:
            self.send(500, b"oops")
        else:
            self.send(200, b"<html><body>Stabil till slut</body></html>")

    def busy(self, n: int) -> None:
        if n == 1:
            self.send(429, b"slow down", headers={"Retry-After": "1"})
        else:
            self.send(200, "<html><body>Nu går det bra</body></html>".encode())

    def short_body(self, n: int) -> None:
        """Fewer bytes than Content-Length says, then the connection closes."""
        self.head(200, {"Content-Type": "text/html", "Content-Length": "1000"})
        self.wfile.write(b"<html>cut")
        self.close_connection = True

    def huge_declared(self, n: int) -> None:
        self.head(200, {"Content-Type": "application/pdf", "Content-Length": str(200 << 20)})
        self.wfile.write(b"%PDF-1.4\n")

    def huge_streamed(self, n: int) -> None:
        self.head(200, {"Content-Type": "application/pdf", "Connection": "close"})
        self.wfile.write(b"%PDF-1.4\n")
        for _ in range(64):  # 4 MB, no Content-Length
            self.wfile.write(b"0" * 65536)
        self.close_connection = True

    def chain(self, step: str) -> None:
        """An endless redirect chain: /chain/0 -> /chain/1 -> ..."""
        self.redirect(302, f"/chain/{int(step) + 1}")

    def to_host(self, name: str) -> None:
        port = self.server.server_address[1]
        self.redirect(302, _OFF_HOST[name].format(port=port))

    def revalidate(self, how: str) -> None:
        """A page at version site.version with an ETag or a Last-Modified date; a
        matching conditional request gets 304."""
        version = self.site.version
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
            self.head(200, {"Content-Type": "text/html", "Content-Length": "100000"})
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


# Routes whose answer depends on the request: path -> handler(request, n).
_ROUTES: dict[str, Callable[[_Handler, int], None]] = {
    "/robots.txt": _Handler.robots,
    "/flaky": _Handler.flaky,
    "/busy": _Handler.busy,
    "/short-body": _Handler.short_body,
    "/huge-declared": _Handler.huge_declared,
    "/huge-streamed": _Handler.huge_streamed,
    "/trickle": lambda handler, _n: handler.trickle(headers_first=True),
    "/trickle-headers": lambda handler, _n: handler.trickle(headers_first=False),
}

# Route families: folder -> handler(request, last path segment).
_PREFIX_ROUTES: dict[str, Callable[[_Handler, str], None]] = {
    "/chain/": _Handler.chain,
    "/to-host/": _Handler.to_host,
    "/revalidate/": _Handler.revalidate,
}


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    """The request handler class serving `site`."""
    return type("Handler", (_Handler,), {"site": site})


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
