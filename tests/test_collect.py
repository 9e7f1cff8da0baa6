"""The collect stage against a real HTTP server on 127.0.0.1 with robots.txt, redirects,
failures, slow and huge responses."""

from __future__ import annotations

import gzip
import io
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from lofte_extract.collect import CollectConfig, collect, read_manifest
from lofte_extract.collect.cli import main as collect_main
from lofte_extract.parse import parse_file

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

        def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                 headers: dict[str, str] | None = None) -> None:
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
                self.send(200, b"<html><body><p>Uppf\xc3\xb6ljning av l\xc3\xb6ftet</p></body>"
                          b"</html>")
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
                body = (gzip.compress(b"<html>" + b" " * 4 * 1024 * 1024) if path == "/gzip-bomb"
                        else b"\x1f\x8b this is not gzip at all")
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
                self.wfile.write(payload[i % len(payload):i % len(payload) + 1])
                self.wfile.flush()
                i += 1
                time.sleep(0.2)
            self.close_connection = True

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up mid-request is what half these routes are about


@pytest.fixture(scope="module")
def server():
    """Start the site on a random free port; yields (base_url, site)."""
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


FAST = CollectConfig(delay=0.0, timeout=1.0, deadline=1.5, backoff=0.05, max_retry_wait=2.0,
                     max_bytes=1024 * 1024, depth=2, retries=2)


def _errors(corpus: Path) -> dict[str, dict]:
    path = corpus / "errors.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return {row["path"]: row for row in rows}


@pytest.fixture(scope="module")
def crawl(server, tmp_path_factory):
    """One crawl over every route of the main site."""
    site = Site()
    base = server(site)
    corpus = tmp_path_factory.mktemp("corpus")
    seeds = [f"{base}/{p}" for p in (
        "index.html", "r/start", "loop/a", "to-secret", "missing", "gone", "forbidden",
        "flaky", "busy", "very-busy", "broken", "trickle", "trickle-headers",
        "huge-declared", "huge-streamed", "image.png", "download?id=7", "notes.txt",
        "chain/0", "short-body", "gzip-bomb", "bad-gzip",
    )]
    started = time.monotonic()
    report = collect(seeds, corpus, config=FAST)
    return {"base": base, "site": site, "corpus": corpus, "report": report,
            "seconds": time.monotonic() - started, "seeds": seeds}


def _by_url(corpus: Path) -> dict[str, object]:
    return {e.url: e for e in read_manifest(corpus).values()}


def test_crawl_stays_fast_despite_slow_and_huge_responses(crawl):
    assert crawl["seconds"] < 15


def test_relevant_same_host_links_are_followed_to_depth(crawl):
    base, urls = crawl["base"], _by_url(crawl["corpus"])
    assert f"{base}/medborgarlofte-2024.html" in urls
    assert f"{base}/docs/undertecknat.pdf" in urls
    assert f"{base}/uppfoljning-medborgarlofte.html" in urls  # two hops from the index
    hits = crawl["site"].hits
    assert "/kontakt.html" not in hits  # not about promises
    assert "/bilder/trygghet.jpg" not in hits  # an image, however relevant its words


def test_robots_group_for_our_agent_longest_match_wins(crawl):
    base, urls, site = crawl["base"], _by_url(crawl["corpus"]), crawl["site"]
    assert f"{base}/secret/open-medborgarlofte.html" in urls
    assert "/secret/plan-medborgarlofte.html" not in site.hits
    row = _errors(crawl["corpus"])[f"{base}/secret/plan-medborgarlofte.html"]
    assert row == {"path": f"{base}/secret/plan-medborgarlofte.html", "stage": "collect",
                   "reason": "disallowed by robots.txt"}
    assert site.hits["/robots.txt"] == 1


def test_redirect_to_disallowed_path_is_not_fetched(crawl):
    base = crawl["base"]
    row = _errors(crawl["corpus"])[f"{base}/to-secret"]
    assert row["reason"] == "disallowed by robots.txt"
    assert "/secret/plan.html" not in crawl["site"].hits


def test_redirect_chain_records_final_url(crawl):
    base = crawl["base"]
    entry = _by_url(crawl["corpus"])[f"{base}/r/start"]
    assert entry.final_url == f"{base}/final-medborgarlofte.html"
    assert entry.status == 200


def test_redirect_loop_is_reported(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/loop/a"]
    assert row["reason"] == "redirect loop"
    assert crawl["site"].hits["/loop/a"] == 1


def test_client_errors_are_recorded_without_retry(crawl):
    errors, hits = _errors(crawl["corpus"]), crawl["site"].hits
    for path, status in (("/missing", 404), ("/gone", 410), ("/forbidden", 403)):
        assert errors[crawl["base"] + path]["reason"] == f"HTTP {status}"
        assert hits[path] == 1


def test_server_error_is_retried_then_succeeds(crawl):
    assert f"{crawl['base']}/flaky" in _by_url(crawl["corpus"])
    assert crawl["site"].hits["/flaky"] == 2


def test_persistent_server_error_gives_up_after_bounded_retries(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/broken"]
    assert row["reason"] == "HTTP 503"
    assert crawl["site"].hits["/broken"] == 3


def test_429_retry_after_is_honoured_within_cap(crawl):
    assert f"{crawl['base']}/busy" in _by_url(crawl["corpus"])
    assert crawl["site"].hits["/busy"] == 2
    row = _errors(crawl["corpus"])[f"{crawl['base']}/very-busy"]
    assert row["reason"] == "HTTP 429" and "cap" in row["detail"]
    assert crawl["site"].hits["/very-busy"] == 1


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_trickling_server_hits_the_deadline(crawl, path):
    row = _errors(crawl["corpus"])[crawl["base"] + path]
    assert row["reason"].startswith("timeout")


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed", "/gzip-bomb"])
def test_huge_file_is_refused_and_leaves_no_partial_file(crawl, path):
    row = _errors(crawl["corpus"])[crawl["base"] + path]
    assert row["reason"] == "too large: over 1 MB"
    leftovers = [p.name for p in crawl["corpus"].iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert all(p.stat().st_size < 1024 * 1024 for p in crawl["corpus"].iterdir())


def test_unsupported_content_type_is_an_error_row(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/image.png"]
    assert row["reason"] == "unsupported content type: image/png"


def test_octet_stream_pdf_is_kept_as_pdf(crawl):
    entry = _by_url(crawl["corpus"])[f"{crawl['base']}/download?id=7"]
    assert entry.path.endswith(".pdf")
    assert entry.content_type == "application/octet-stream"


def test_charset_from_header_is_recorded_and_parse_decodes_it(crawl):
    corpus = crawl["corpus"]
    entry = _by_url(corpus)[f"{crawl['base']}/medborgarlofte-2024.html"]
    assert entry.charset == "iso-8859-1"
    assert entry.content_type == "text/html"
    doc = parse_file(corpus / entry.path, charset=entry.charset)
    assert "Västra Åby och Östermalm" in doc.text


def test_identical_content_is_stored_once(crawl):
    corpus, base = crawl["corpus"], crawl["base"]
    entries = read_manifest(corpus)
    same = [e for e in entries.values() if e.url == f"{base}/medborgarlofte-2024.html"]
    assert len(same) == 1
    assert same[0].also_urls == [f"{base}/kopia-medborgarlofte.html"]
    files = [p for p in corpus.iterdir() if p.suffix == ".html"]
    hashes = [e.sha256 for e in entries.values()]
    assert len(hashes) == len(set(hashes)) == len(entries)
    assert len(files) == len([e for e in entries.values() if e.path.endswith(".html")])


def test_manifest_paths_are_relative_and_match_file_bytes(crawl):
    import hashlib

    corpus = crawl["corpus"]
    for path, entry in read_manifest(corpus).items():
        assert "/" not in path and not path.startswith(".")
        data = (corpus / path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry.sha256
        assert len(data) == entry.size
        assert entry.fetched_at.endswith("Z")
    pdf = _by_url(corpus)[f"{crawl['base']}/docs/undertecknat.pdf"]
    assert pdf.path.startswith("127.0.0.1_docs-undertecknat-") and pdf.path.endswith(".pdf")


def test_pipeline_reads_the_collected_corpus(crawl, tmp_path):
    from lofte_extract.pipeline import discover

    found = {p.name for _, p in discover([crawl["corpus"]])}
    assert found == set(read_manifest(crawl["corpus"]))


def test_user_agent_names_the_project(crawl):
    assert all(agent.startswith("lofte-extract/") for agent in crawl["site"].agents)


def test_report_counts_match_manifest_and_errors(crawl):
    report = crawl["report"]
    assert len(report.failed) == len(_errors(crawl["corpus"]))
    assert len(report.fetched) == len(read_manifest(crawl["corpus"]))
    assert report.summary().startswith(f"collect: {len(report.fetched)} fetched")


def test_links_never_leave_the_seed_hosts(crawl):
    everything = [*_by_url(crawl["corpus"]), *_errors(crawl["corpus"])]
    assert not [url for url in everything if "other.invalid" in url]


def test_rerun_skips_known_urls_and_refresh_fetches_again(server, tmp_path):
    site = Site()
    base = server(site)
    config = CollectConfig(delay=0.0, timeout=2.0, depth=1)
    first = collect([f"{base}/index.html"], tmp_path, config=config)
    lines = (tmp_path / "manifest.jsonl").read_text().splitlines()
    fetched = site.hits["/medborgarlofte-2024.html"]

    again = collect([f"{base}/index.html"], tmp_path, config=config)
    assert again.fetched == []
    assert {s.reason for s in again.skipped} >= {"already in manifest"}
    assert site.hits["/medborgarlofte-2024.html"] == fetched  # linked pages known too
    assert (tmp_path / "manifest.jsonl").read_text().splitlines() == lines

    fresh = collect([f"{base}/index.html"], tmp_path,
                    config=CollectConfig(delay=0.0, timeout=2.0, depth=0, refresh=True))
    assert [e.url for e in fresh.fetched] == [f"{base}/index.html"]
    assert read_manifest(tmp_path).keys() == {e.path for e in first.fetched}


def test_robots_server_error_skips_the_host(server, tmp_path):
    site = Site(robots=(503, "try later"))
    base = server(site)
    config = CollectConfig(delay=0.0, timeout=2.0, backoff=0.01, retries=1)
    report = collect([f"{base}/index.html", f"{base}/notes.txt"], tmp_path, config=config)
    assert [r.reason for r in report.failed] == ["robots.txt unavailable: HTTP 503"] * 2
    assert set(site.hits) == {"/robots.txt"}
    assert site.hits["/robots.txt"] == 2  # one retry, then the host is skipped


def test_missing_robots_allows_everything(server, tmp_path):
    base = server(Site(robots=(404, "not found")))
    report = collect([f"{base}/secret/open-medborgarlofte.html"], tmp_path,
                     config=CollectConfig(delay=0.0, timeout=2.0))
    assert len(report.fetched) == 1 and not report.failed


def test_connection_refused_and_bad_urls_are_recorded(server, tmp_path):
    base = server(Site())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = collect([f"http://127.0.0.1:{port}/medborgarlofte.html", "ftp://example.se/x",
                      "inte en adress", f"{base}/notes.txt"], tmp_path,
                     config=CollectConfig(delay=0.0, timeout=2.0, retries=0))
    reasons = {r.path: r.reason for r in report.failed}
    assert reasons == {
        f"http://127.0.0.1:{port}/medborgarlofte.html":
            "robots.txt unavailable: connection refused",
        "ftp://example.se/x": "invalid URL",
        "inte en adress": "invalid URL",
    }
    assert [e.path for e in report.fetched][0].endswith(".txt")  # the rest still ran


def test_per_host_delay_spaces_requests(server, tmp_path):
    base = server(Site())
    started = time.monotonic()
    collect([f"{base}/notes.txt", f"{base}/missing"], tmp_path,
            config=CollectConfig(delay=0.3, timeout=2.0))
    assert time.monotonic() - started >= 0.6  # robots.txt, then two pages, 0.3 s apart


def test_max_pages_bounds_the_crawl(server, tmp_path):
    site = Site()
    base = server(site)
    report = collect([f"{base}/index.html"], tmp_path,
                     config=CollectConfig(delay=0.0, timeout=2.0, max_pages=2, depth=3))
    assert len(report.fetched) == 2
    assert any(s.reason == "over --max-pages 2" for s in report.skipped)


def test_cli_reads_url_file_and_prints_summary(server, tmp_path, capsys):
    base = server(Site())
    url_file = tmp_path / "urls.tsv"
    url_file.write_text(f"# id\turl\n001\t{base}/notes.txt\n002\t{base}/missing\n")
    corpus = tmp_path / "corpus"
    code = collect_main(["--from-file", str(url_file), "-o", str(corpus), "--delay", "0",
                         "--timeout", "2", "--depth", "0"])
    err = capsys.readouterr().err
    assert code == 0
    assert "collect: 1 fetched, 0 skipped, 1 failed" in err
    assert len(read_manifest(corpus)) == 1


def test_cli_without_urls_is_a_usage_error(tmp_path, capsys):
    assert collect_main(["-o", str(tmp_path)]) == 2
    assert "no URLs given" in capsys.readouterr().err


def test_rerun_drops_error_rows_of_urls_now_fetched_and_repeats(server, tmp_path):
    base = server(Site())
    config = CollectConfig(delay=0.0, timeout=2.0, retries=0, depth=0)
    urls = [f"{base}/flaky", f"{base}/missing"]
    assert len(collect(urls, tmp_path, config=config).failed) == 2
    second = collect(urls, tmp_path, config=config)
    assert [e.url for e in second.fetched] == [f"{base}/flaky"]
    assert _errors(tmp_path) == {f"{base}/missing": {
        "path": f"{base}/missing", "stage": "collect", "reason": "HTTP 404"}}
    assert len((tmp_path / "errors.jsonl").read_text().splitlines()) == 1


def test_redirect_hop_limit(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/chain/0"]
    assert row["reason"] == "too many redirects (over 10)"
    assert "/chain/10" in crawl["site"].hits and "/chain/11" not in crawl["site"].hits


def test_connection_closed_mid_body_is_retried_then_recorded(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/short-body"]
    assert row["reason"] == "connection closed by server"
    assert crawl["site"].hits["/short-body"] == 3


def test_robots_timeout_skips_the_host(server, tmp_path):
    site = Site(robots_wait=3)
    base = server(site)
    started = time.monotonic()
    report = collect([f"{base}/notes.txt"], tmp_path,
                     config=CollectConfig(delay=0.0, timeout=0.5, retries=0))
    assert [r.reason for r in report.failed] == ["robots.txt unavailable: timeout after 0.5s"]
    assert "/notes.txt" not in site.hits
    assert time.monotonic() - started < 2


def test_robots_crawl_delay_is_respected(server, tmp_path):
    site = Site(robots=(200, "User-agent: *\nCrawl-delay: 0.4\n"))
    base = server(site)
    collect([f"{base}/notes.txt", f"{base}/missing", f"{base}/gone"], tmp_path,
            config=CollectConfig(delay=0.0, timeout=2.0))
    gaps = [b - a for a, b in zip(site.times, site.times[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.38


def test_broken_compression_is_an_error_row(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/bad-gzip"]
    assert row["reason"] == "invalid compressed body"


def test_trickled_body_is_cut_by_the_per_chunk_deadline_check(crawl):
    # httpx's iter_bytes(65536) waited for 64 KB before the deadline was looked at.
    row = _errors(crawl["corpus"])[f"{crawl['base']}/trickle"]
    assert row["reason"] == "timeout: download not finished after 1.5s"
    assert row["detail"].endswith("bytes received")
