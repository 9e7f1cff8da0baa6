"""The collect stage and robots.txt: rule groups, disallowed redirects, an unavailable, missing
or slow robots.txt, Crawl-delay. The site is in collect_server.py."""

from __future__ import annotations

import time

from collect_server import Site, _by_url, _errors

from lofte_extract.collect import CollectConfig, collect


def test_robots_group_for_our_agent_longest_match_wins(crawl):
    base, urls, site = crawl["base"], _by_url(crawl["corpus"]), crawl["site"]
    assert f"{base}/secret/open-medborgarlofte.html" in urls
    assert "/secret/plan-medborgarlofte.html" not in site.hits
    row = _errors(crawl["corpus"])[f"{base}/secret/plan-medborgarlofte.html"]
    assert row == {
        "path": f"{base}/secret/plan-medborgarlofte.html",
        "stage": "collect",
        "reason": "disallowed by robots.txt",
    }
    assert site.hits["/robots.txt"] == 1


def test_redirect_to_disallowed_path_is_not_fetched(crawl):
    base = crawl["base"]
    row = _errors(crawl["corpus"])[f"{base}/to-secret"]
    assert row["reason"] == "disallowed by robots.txt"
    assert "/secret/plan.html" not in crawl["site"].hits


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
    report = collect(
        [f"{base}/secret/open-medborgarlofte.html"],
        tmp_path,
        config=CollectConfig(delay=0.0, timeout=2.0),
    )
    assert len(report.fetched) == 1 and not report.failed


def test_robots_timeout_skips_the_host(server, tmp_path):
    site = Site(robots_wait=3)
    base = server(site)
    started = time.monotonic()
    report = collect(
        [f"{base}/notes.txt"], tmp_path, config=CollectConfig(delay=0.0, timeout=0.5, retries=0)
    )
    assert [r.reason for r in report.failed] == ["robots.txt unavailable: timeout after 0.5s"]
    assert "/notes.txt" not in site.hits
    assert time.monotonic() - started < 2


def test_robots_crawl_delay_is_respected(server, tmp_path):
    site = Site(robots=(200, "User-agent: *\nCrawl-delay: 0.4\n"))
    base = server(site)
    collect(
        [f"{base}/notes.txt", f"{base}/missing", f"{base}/gone"],
        tmp_path,
        config=CollectConfig(delay=0.0, timeout=2.0),
    )
    gaps = [b - a for a, b in zip(site.times, site.times[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.38
