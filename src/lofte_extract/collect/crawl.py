"""The crawl: seeds, then relevant same-host links, breadth first, into a corpus folder."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from ..records import ErrorRow
from .addresses import PRIVATE_KINDS, address_kind
from .config import CollectConfig, CollectReport, Skipped
from .errors import FetchError
from .fetch import Download, Session
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
    crawl = _Crawl(config or CollectConfig(), Path(corpus_dir), progress or (lambda _msg: None))
    try:
        crawl.seed(urls)
        while crawl.queue:
            crawl.visit(*crawl.queue.popleft())
    finally:
        crawl.corpus.clean_partials()
        crawl.corpus.compact_errors()
        crawl.corpus.close()
    crawl.say(crawl.report.summary())
    return crawl.report


class _Crawl:
    """One collect run's state: the queue, what was seen, the seed sites and the report."""

    def __init__(self, config: CollectConfig, corpus_dir: Path, say: Progress) -> None:
        self.config = config
        self.say = say
        self.corpus = Corpus(corpus_dir)
        for note in self.corpus.bad_lines:
            say(f"warning: {note}: skipped, so its URL counts as not fetched")
        self.session = Session(config, self.corpus.root)
        self.report = CollectReport()
        self.queue: deque[tuple[str, int]] = deque()
        self.seen: set[str] = set()
        self.sites: set[str] = set()
        self.seed_kinds: set[str] = set()
        self.pages = 0

    def fail(self, url: str, reason: str, detail: str | None = None) -> None:
        """Record `url` as failed: an error row in the corpus and the report."""
        row = ErrorRow(path=url, stage="collect", reason=reason, detail=detail)
        self.corpus.error(row)
        self.report.failed.append(row)
        self.say(f"failed  {url}: {reason}" + (f" ({detail})" if detail else ""))

    def seed(self, urls: list[str]) -> None:
        """Queue the seed URLs at depth 0; their hosts are the sites the crawl stays on."""
        for raw in urls:
            url = normalize_url(raw)
            if url is None:
                self.fail(raw.strip(), "invalid URL", "not an absolute http(s) URL")
            elif url not in self.seen:
                self.seen.add(url)
                self.sites.add(_site(host_of(url)))
                self.queue.append((url, 0))
        self.seed_kinds = {address_kind(url) for url, _ in self.queue}

    def _off_site(self, url: str) -> bool:
        return not self.config.any_host and _site(host_of(url)) not in self.sites

    def follow(self, page: bytes, base: str, charset: str | None, depth: int) -> None:
        """Queue the page's links worth following, one level deeper, within the depth limit."""
        if depth >= self.config.depth:
            return
        try:
            parsed = read_page(page, base, charset)
        except Exception as exc:  # a broken page must not stop the crawl
            self.say(f"no links read from {base}: {exc}")
            return
        for link in parsed.links:
            if link.url in self.seen or not worth_following(link, parsed):
                continue
            if self._off_site(link.url):
                continue
            self.seen.add(link.url)
            self.queue.append((link.url, depth + 1))

    def check(self, target: str) -> None:
        """Redirects follow the rules of links; private addresses only as the seeds are."""
        if self._off_site(target):
            raise FetchError("redirect to another host", f"{target} (--any-host follows it)")
        kind = address_kind(target)
        if kind in PRIVATE_KINDS and kind not in self.seed_kinds:
            raise FetchError(f"refused: {kind} address", target)

    def _follow_stored(self, known: ManifestEntry, url: str, depth: int) -> None:
        # A stored page is not fetched again, but its links are still crawled.
        if known.path.endswith(".html"):
            page = (self.corpus.root / known.path).read_bytes()
            self.follow(page, known.final_url or url, known.charset, depth)

    def visit(self, url: str, depth: int) -> None:
        """Fetch one queued URL (or reuse its stored copy), store it and follow its links."""
        known = self.corpus.known(url)
        if known is not None and not self.config.refresh:
            self.report.skipped.append(Skipped(url, "already in manifest"))
            self.say(f"skipped {url}: already in manifest ({known.path})")
            self._follow_stored(known, url, depth)
            return
        if self.pages >= self.config.max_pages:
            self.report.skipped.append(Skipped(url, f"over --max-pages {self.config.max_pages}"))
            return
        self.pages += 1
        try:
            download = self.session.download(url, self.check, known.validators() if known else None)
        except Exception as exc:  # never let one URL stop the rest
            self._fail_download(url, exc)
            return
        if download is None:  # 304: the stored file is current; nothing is rewritten
            self.report.skipped.append(Skipped(url, "not modified"))
            self.say(f"skipped {url}: not modified since {known.fetched_at}")
            self._follow_stored(known, url, depth)
            return
        if depth == 0:
            self.sites.add(_site(host_of(download.final_url)))  # a seed may redirect to www.
        self._store(download, url, depth)

    def _fail_download(self, url: str, exc: Exception) -> None:
        if isinstance(exc, FetchError):
            self.fail(url, exc.reason, exc.detail)
        else:
            self.fail(url, f"unexpected error: {type(exc).__name__}", str(exc))

    def _store(self, download: Download, url: str, depth: int) -> None:
        # Into the corpus; an HTML page's links are then crawled.
        try:
            entry, new = self.corpus.add(download)
        except OSError as exc:
            download.tmp_path.unlink(missing_ok=True)
            self.fail(url, "could not write file", str(exc))
            return
        _record(self.report, entry, new, url, self.say)
        if download.kind == "html":
            page = (self.corpus.root / entry.path).read_bytes()
            self.follow(page, download.final_url, download.charset, depth)


def _record(
    report: CollectReport, entry: ManifestEntry, new: bool, url: str, say: Progress
) -> None:
    if new:
        report.fetched.append(entry)
        say(f"fetched {url} -> {entry.path} ({entry.size} bytes)")
    elif url in (entry.url, entry.final_url):
        # a refresh of a server that sends no ETag or Last-Modified: compared by hash
        report.skipped.append(Skipped(url, "unchanged"))
        say(f"skipped {url}: unchanged ({entry.path})")
    else:
        report.skipped.append(Skipped(url, f"same content as {entry.path}"))
        say(f"skipped {url}: same content as {entry.path}")
