"""The crawl: seeds, then relevant same-host links, breadth first, into a corpus folder."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from ..records import ErrorRow
from .addresses import PRIVATE_KINDS, address_kind
from .config import CollectConfig, CollectReport, Skipped
from .errors import FetchError
from .fetch import Session
from .links import read_page, worth_following
from .manifest import ManifestEntry
from .politeness import host_of
from .store import Corpus
from .urls import normalize_url

__all__ = ["collect"]

Progress = Callable[[str], None]


def _site(host: str) -> str:
    # www.kommun.se and kommun.se are one site for "stay on the seed hosts".
    return host.removeprefix("www.")


def collect(
    urls: list[str],
    corpus_dir: str | Path,
    *,
    config: CollectConfig | None = None,
    progress: Progress | None = None,
) -> CollectReport:
    """Fetch `urls` (and relevant linked pages) into `corpus_dir`; failures become error rows."""
    config = config or CollectConfig()
    say = progress or (lambda _msg: None)
    corpus = Corpus(Path(corpus_dir))
    session = Session(config, corpus.root)
    report = CollectReport()
    queue: deque[tuple[str, int]] = deque()
    seen: set[str] = set()
    sites: set[str] = set()

    def fail(url: str, reason: str, detail: str | None = None) -> None:
        row = ErrorRow(path=url, stage="collect", reason=reason, detail=detail)
        corpus.error(row)
        report.failed.append(row)
        say(f"failed  {url}: {reason}" + (f" ({detail})" if detail else ""))

    for raw in urls:
        url = normalize_url(raw)
        if url is None:
            fail(raw.strip(), "invalid URL", "not an absolute http(s) URL")
        elif url not in seen:
            seen.add(url)
            sites.add(_site(host_of(url)))
            queue.append((url, 0))

    def follow(page: bytes, base: str, charset: str | None, depth: int) -> None:
        if depth >= config.depth:
            return
        try:
            parsed = read_page(page, base, charset)
        except Exception as exc:  # a broken page must not stop the crawl
            say(f"no links read from {base}: {exc}")
            return
        for link in parsed.links:
            if link.url in seen or not worth_following(link, parsed):
                continue
            if not config.any_host and _site(host_of(link.url)) not in sites:
                continue
            seen.add(link.url)
            queue.append((link.url, depth + 1))

    seed_kinds = {address_kind(url) for url, _ in queue}

    def check(target: str) -> None:
        """Redirects follow the rules of links; private addresses only as the seeds are."""
        if not config.any_host and _site(host_of(target)) not in sites:
            raise FetchError("redirect to another host", f"{target} (--any-host follows it)")
        kind = address_kind(target)
        if kind in PRIVATE_KINDS and kind not in seed_kinds:
            raise FetchError(f"refused: {kind} address", target)

    pages = 0
    try:
        while queue:
            url, depth = queue.popleft()
            known = corpus.known(url)
            if known is not None and not config.refresh:
                report.skipped.append(Skipped(url, "already in manifest"))
                say(f"skipped {url}: already in manifest ({known.path})")
                if known.path.endswith(".html"):
                    page = (corpus.root / known.path).read_bytes()
                    follow(page, known.final_url or url, known.charset, depth)
                continue
            if pages >= config.max_pages:
                report.skipped.append(Skipped(url, f"over --max-pages {config.max_pages}"))
                continue
            pages += 1
            try:
                download = session.download(url, check, known.validators() if known else None)
            except FetchError as exc:
                fail(url, exc.reason, exc.detail)
                continue
            except Exception as exc:  # never let one URL stop the rest
                fail(url, f"unexpected error: {type(exc).__name__}", str(exc))
                continue
            if download is None:  # 304: the stored file is current; nothing is rewritten
                report.skipped.append(Skipped(url, "not modified"))
                say(f"skipped {url}: not modified since {known.fetched_at}")
                if known.path.endswith(".html"):
                    follow(
                        (corpus.root / known.path).read_bytes(),
                        known.final_url or url,
                        known.charset,
                        depth,
                    )
                continue
            if depth == 0:
                sites.add(_site(host_of(download.final_url)))  # a seed may redirect to www.
            try:
                entry, new = corpus.add(download)
            except OSError as exc:
                download.tmp_path.unlink(missing_ok=True)
                fail(url, "could not write file", str(exc))
                continue
            _record(report, entry, new, url, say)
            if download.kind == "html":
                follow(
                    (corpus.root / entry.path).read_bytes(),
                    download.final_url,
                    download.charset,
                    depth,
                )
    finally:
        corpus.clean_partials()
        corpus.compact_errors()
    say(report.summary())
    return report


def _record(
    report: CollectReport, entry: ManifestEntry, new: bool, url: str, say: Progress
) -> None:
    if new or entry.url == url:
        report.fetched.append(entry)
        say(f"fetched {url} -> {entry.path} ({entry.size} bytes)")
    else:
        report.skipped.append(Skipped(url, f"same content as {entry.path}"))
        say(f"skipped {url}: same content as {entry.path}")
