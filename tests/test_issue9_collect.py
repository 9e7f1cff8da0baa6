"""Issue 9, point 8 and revalidating crawls, against the local test site (collect_server)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from collect_server import FAST, Site

from lofte_extract.collect import collect, read_manifest
from lofte_extract.collect.manifest import MANIFEST_NAME, ManifestEntry


def _errors(corpus) -> dict[str, dict]:
    path = corpus / "errors.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return {row["path"]: row for row in rows}


# 8 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("target", ["ip2", "ipv6", "localhost"])
def test_redirect_to_another_host_is_not_followed(server, tmp_path, target):
    site = Site()
    base = server(site)
    url = f"{base}/to-host/{target}"
    report = collect([url], tmp_path, config=replace(FAST, retries=0))
    assert not report.fetched
    row = _errors(tmp_path)[url]
    assert row["reason"] == "redirect to another host", row
    assert "--any-host" in row["detail"]
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".html", ".pdf")]


def test_redirect_to_private_address_is_refused_even_with_any_host(server, tmp_path):
    site = Site()
    base = server(site)
    url = f"{base}/to-host/metadata"
    collect([url], tmp_path, config=replace(FAST, retries=0, any_host=True))
    row = _errors(tmp_path)[url]
    assert row["reason"] == "refused: link-local address", row
    assert "169.254.169.254" in row["detail"]


# Revalidating crawls -------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["etag", "lastmod"])
def test_refresh_revalidates_with_conditional_requests(server, tmp_path, how):
    site = Site()
    base = server(site)
    url = f"{base}/revalidate/{how}"
    collect([url], tmp_path, config=FAST)
    manifest = tmp_path / MANIFEST_NAME
    entry = read_manifest(tmp_path)[next(iter(read_manifest(tmp_path)))]
    assert (entry.etag, entry.last_modified) == (
        ('"v1"', None) if how == "etag" else (None, "Mon, 01 Jan 2024 10:00:00 GMT")
    )
    before = manifest.read_bytes()
    page = tmp_path / entry.path
    mtime = page.stat().st_mtime_ns

    report = collect([url], tmp_path, config=replace(FAST, refresh=True))  # unchanged: 304
    asked = [c for c in site.conditional if c[0] == f"/revalidate/{how}"][-1]
    assert asked[1 if how == "etag" else 2] is not None, asked
    assert [s.reason for s in report.skipped] == ["not modified"]
    assert manifest.read_bytes() == before and page.stat().st_mtime_ns == mtime

    site.version = 2  # the page changes
    report = collect([url], tmp_path, config=replace(FAST, refresh=True))
    assert len(report.fetched) == 1
    assert "version 2" in page.read_text(encoding="utf-8")
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, lines  # the entry is replaced, not shadowed
    assert json.loads(lines[0])["sha256"] != json.loads(before)["sha256"]


def test_manifest_always_carries_every_documented_key(server, tmp_path):
    site = Site()
    base = server(site)
    collect([f"{base}/docs/undertecknat.pdf", f"{base}/revalidate/etag"], tmp_path, config=FAST)
    documented = set(ManifestEntry.model_fields)
    lines = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        row = json.loads(line)
        assert set(row) == documented, set(row) ^ documented
    pdf = next(json.loads(line) for line in lines if line.count(".pdf"))
    assert pdf["charset"] is None and pdf["etag"] is None


# Found by a hostile test site ------------------------------------------------------------------
def test_refresh_keeps_manifest_lines_it_cannot_read(server, tmp_path):
    # a refresh that replaced a page rewrote the manifest from the entries it could parse,
    # dropping a cut-off line and any line a person had added by hand
    site = Site()
    base = server(site)
    url = f"{base}/revalidate/etag"
    collect([url], tmp_path, config=FAST)
    manifest = tmp_path / MANIFEST_NAME
    with manifest.open("ab") as handle:
        handle.write(b'{"url": "http://x/\xe5", "path": 5}\n{"url": "http://cut\n')
    messages: list[str] = []
    site.version = 2
    report = collect([url], tmp_path, config=replace(FAST, refresh=True), progress=messages.append)
    assert len(report.fetched) == 1
    lines = manifest.read_bytes().splitlines()
    assert lines[:2] == [b'{"url": "http://x/\xef\xbf\xbd", "path": 5}', b'{"url": "http://cut']
    assert json.loads(lines[2])["url"] == url
    warned = [m for m in messages if m.startswith("warning: manifest.jsonl:")]
    assert [m.split(":")[2] for m in warned] == ["2", "3"]


def test_a_second_collect_into_the_same_folder_is_refused_not_interleaved(server, tmp_path):
    from lofte_extract.collect.cli import main as collect_main
    from lofte_extract.collect.store import Corpus

    base = server(Site())
    holder = Corpus(tmp_path)  # a collect in progress
    try:
        assert collect_main([f"{base}/notes.txt", "-o", str(tmp_path), "--delay", "0"]) == 2
    finally:
        holder.close()
    assert collect_main([f"{base}/notes.txt", "-o", str(tmp_path), "--delay", "0"]) == 0
    assert len(read_manifest(tmp_path)) == 1


def test_run_reads_a_manifest_with_a_bad_byte_and_names_the_bad_line(tmp_path):
    from lofte_extract.pipeline import run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Medborgarlöfte Tranemo 2024\n\nPolisen lovar att synas.\n")
    (corpus / MANIFEST_NAME).write_bytes(b'{"url": "http://x/\xe5", "path": 5}\n')
    summary = run([corpus], tmp_path / "out")
    assert summary.records == 1
    rows = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [(r["path"], r["reason"]) for r in rows] == [("manifest.jsonl", "bad manifest line")]
