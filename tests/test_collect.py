"""The collect stage against a real HTTP server on 127.0.0.1: what a crawl follows and stores,
the manifest, reruns, pacing and the command line. The site is in collect_server.py."""

from __future__ import annotations

import time

from collect_server import Site, _by_url, _errors

from lofte_extract.collect import CollectConfig, collect, read_manifest
from lofte_extract.collect.cli import main as collect_main
from lofte_extract.parse import parse_file


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


def test_redirect_chain_records_final_url(crawl):
    base = crawl["base"]
    entry = _by_url(crawl["corpus"])[f"{base}/r/start"]
    assert entry.final_url == f"{base}/final-medborgarlofte.html"
    assert entry.status == 200


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

    fresh = collect(
        [f"{base}/index.html"],
        tmp_path,
        config=CollectConfig(delay=0.0, timeout=2.0, depth=0, refresh=True),
    )
    # asked again, the same bytes: reported unchanged, no manifest line added (a server
    # without ETag or Last-Modified had each refresh add a line and call it 'fetched')
    assert site.hits["/index.html"] == 2
    assert fresh.fetched == []
    assert [(s.url, s.reason) for s in fresh.skipped] == [(f"{base}/index.html", "unchanged")]
    assert (tmp_path / "manifest.jsonl").read_text().splitlines() == lines
    assert read_manifest(tmp_path).keys() == {e.path for e in first.fetched}


def test_per_host_delay_spaces_requests(server, tmp_path):
    base = server(Site())
    started = time.monotonic()
    collect(
        [f"{base}/notes.txt", f"{base}/missing"],
        tmp_path,
        config=CollectConfig(delay=0.3, timeout=2.0),
    )
    assert time.monotonic() - started >= 0.6  # robots.txt, then two pages, 0.3 s apart


def test_max_pages_bounds_the_crawl(server, tmp_path):
    site = Site()
    base = server(site)
    report = collect(
        [f"{base}/index.html"],
        tmp_path,
        config=CollectConfig(delay=0.0, timeout=2.0, max_pages=2, depth=3),
    )
    assert len(report.fetched) == 2
    assert any(s.reason == "over --max-pages 2" for s in report.skipped)
    # reaching the limit was silent: the summary now says what was left
    left = sum(s.reason == "over --max-pages 2" for s in report.skipped)
    assert report.summary().endswith(f"; {left} URLs left over --max-pages 2")


def test_cli_reads_url_file_and_prints_summary(server, tmp_path, capsys):
    base = server(Site())
    url_file = tmp_path / "urls.tsv"
    url_file.write_text(f"# id\turl\n001\t{base}/notes.txt\n002\t{base}/missing\n")
    corpus = tmp_path / "corpus"
    code = collect_main(
        [
            "--from-file",
            str(url_file),
            "-o",
            str(corpus),
            "--delay",
            "0",
            "--timeout",
            "2",
            "--depth",
            "0",
        ]
    )
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
    assert _errors(tmp_path) == {
        f"{base}/missing": {"path": f"{base}/missing", "stage": "collect", "reason": "HTTP 404"}
    }
    assert len((tmp_path / "errors.jsonl").read_text().splitlines()) == 1
