"""The collect stage against failing responses: HTTP errors, retries, redirect loops, timeouts,
size limits, broken bodies and refused connections. The site is in collect_server.py."""

from __future__ import annotations

import socket

import pytest
from collect_server import Site, _by_url, _errors

from lofte_extract.collect import CollectConfig, collect


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


def test_connection_refused_and_bad_urls_are_recorded(server, tmp_path):
    base = server(Site())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = collect(
        [
            f"http://127.0.0.1:{port}/medborgarlofte.html",
            "ftp://example.se/x",
            "inte en adress",
            f"{base}/notes.txt",
        ],
        tmp_path,
        config=CollectConfig(delay=0.0, timeout=2.0, retries=0),
    )
    reasons = {r.path: r.reason for r in report.failed}
    page = f"http://127.0.0.1:{port}/medborgarlofte.html"
    assert reasons == {
        page: "robots.txt unavailable: connection refused",
        "ftp://example.se/x": "invalid URL",
        "inte en adress": "invalid URL",
    }
    assert [e.path for e in report.fetched][0].endswith(".txt")  # the rest still ran


def test_redirect_hop_limit(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/chain/0"]
    assert row["reason"] == "too many redirects (over 10)"
    assert "/chain/10" in crawl["site"].hits and "/chain/11" not in crawl["site"].hits


def test_connection_closed_mid_body_is_retried_then_recorded(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/short-body"]
    assert row["reason"] == "connection closed by server"
    assert crawl["site"].hits["/short-body"] == 3


def test_broken_compression_is_an_error_row(crawl):
    row = _errors(crawl["corpus"])[f"{crawl['base']}/bad-gzip"]
    assert row["reason"] == "invalid compressed body"


def test_trickled_body_is_cut_by_the_per_chunk_deadline_check(crawl):
    # httpx's iter_bytes(65536) waited for 64 KB before the deadline was looked at.
    row = _errors(crawl["corpus"])[f"{crawl['base']}/trickle"]
    assert row["reason"] == "timeout: download not finished after 1.5s"
    assert row["detail"].endswith("bytes received")


def test_waits_between_attempts_count_against_the_deadline(server, tmp_path):
    # '/busy' asks for one second: a deadline of half a second rules out the retry, where
    # before a 5 s --deadline let one URL take 17 s of Retry-After waits
    site = Site()
    base = server(site)
    config = CollectConfig(delay=0.0, timeout=1.0, deadline=0.5, retries=2, max_retry_wait=5.0)
    report = collect([f"{base}/busy"], tmp_path, config=config)
    assert not report.fetched
    assert site.hits["/busy"] == 1
    row = _errors(tmp_path)[f"{base}/busy"]
    assert row["reason"] == "HTTP 429" and "would pass the 0.5s deadline" in row["detail"]
