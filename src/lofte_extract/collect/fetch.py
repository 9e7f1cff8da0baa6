"""Download one URL politely: robots.txt, redirects, retries, timeouts and a size cap.

Every exchange runs in a daemon thread with a hard deadline, because httpx's read timeout
restarts with each byte: a server that trickles headers or body would otherwise hold the
crawl for as long as it likes.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import ssl
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin

import httpx

from .config import AGENT_NAME, CollectConfig
from .content import classify_type, parse_content_type, sniff_kind
from .errors import TRANSIENT, FetchError, describe_http_error, format_size
from .politeness import HostClock, host_of, origin_of
from .robots import RobotsRules, parse_robots
from .urls import normalize_url

__all__ = ["Download", "Session"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
ROBOTS_MAX_REDIRECTS = 5
PART_PREFIX = ".part-"

T = TypeVar("T")


@dataclass
class Download:
    """A fetched file waiting in a temp file inside the corpus folder."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    kind: str  # html, pdf or txt
    tmp_path: Path
    sha256: str
    size: int
    etag: str | None = None  # validators for the next `collect --refresh`
    last_modified: str | None = None


@dataclass
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes | None = None  # robots.txt only
    file: tuple[Path, str, int, str] | None = None  # tmp path, sha256, size, kind
    media: str = ""
    charset: str | None = None


class Session:
    """Fetches URLs for one collect run, remembering robots.txt and pacing per host."""

    def __init__(self, config: CollectConfig, tmp_dir: Path) -> None:
        self.config = config
        self.tmp_dir = tmp_dir
        self.clock = HostClock()
        self._robots: dict[str, RobotsRules | FetchError] = {}

    def host_delay(self, url: str) -> float:
        """Seconds between requests to this URL's host: ours, or robots' (capped) if longer."""
        rules = self._robots.get(origin_of(url))
        crawl_delay = rules.crawl_delay if isinstance(rules, RobotsRules) else None
        bounded = min(crawl_delay or 0.0, self.config.max_crawl_delay)
        return max(self.config.delay, bounded)

    def robots(self, url: str) -> RobotsRules:
        """The robots.txt rules for this URL's origin; FetchError if the host must be skipped."""
        origin = origin_of(url)
        if origin not in self._robots:
            try:
                self._robots[origin] = self._load_robots(origin)
            except FetchError as exc:
                self._robots[origin] = exc
        rules = self._robots[origin]
        if isinstance(rules, FetchError):
            raise FetchError(rules.reason, rules.detail)
        return rules

    def download(
        self,
        url: str,
        check: Callable[[str], None] | None = None,
        validators: dict[str, str] | None = None,
    ) -> Download | None:
        """Fetch `url` into a temp file, following redirects; FetchError says why not.

        `check(url)` vets the URL and every redirect target (hosts, addresses) by raising.
        `validators` (If-None-Match, If-Modified-Since) make the request conditional:
        None comes back when the server answers 304 Not Modified.
        """
        chain = [url]
        current = url
        while True:
            if check is not None:
                check(current)
            if not self.robots(current).allowed(current):
                detail = f"redirected from {chain[0]}" if len(chain) > 1 else None
                raise FetchError("disallowed by robots.txt", detail)
            answer = self._with_retries(current, to_memory=False, validators=validators)
            if answer.status == 304 and validators:
                return None
            if answer.status in REDIRECTS:
                current = self._next_hop(current, answer, chain, self.config.max_redirects)
                continue
            if answer.file is None:
                raise FetchError(f"HTTP {answer.status}")
            tmp, sha, size, kind = answer.file
            return Download(
                url,
                current,
                answer.status,
                answer.media,
                answer.charset,
                kind,
                tmp,
                sha,
                size,
                answer.headers.get("etag"),
                answer.headers.get("last-modified"),
            )

    def _next_hop(self, current: str, answer: _Answer, chain: list[str], limit: int) -> str:
        location = answer.headers.get("location")
        if not location:
            raise FetchError(f"HTTP {answer.status} without Location")
        target = normalize_url(urljoin(current, location.strip()))
        if target is None:
            raise FetchError("redirect to unsupported URL", location)
        if target in chain:
            raise FetchError("redirect loop", " -> ".join([*chain, target]))
        if len(chain) > limit:
            raise FetchError(f"too many redirects (over {limit})", " -> ".join(chain))
        chain.append(target)
        return target

    def _with_retries(
        self, url: str, *, to_memory: bool, validators: dict[str, str] | None = None
    ) -> _Answer:
        cfg = self.config
        # --deadline bounds the whole download, waits between attempts included
        stop = time.monotonic() + cfg.total_deadline
        for attempt in range(cfg.retries + 1):
            last = attempt == cfg.retries
            self.clock.wait(host_of(url), self.host_delay(url))
            try:
                answer = self._exchange(url, to_memory=to_memory, validators=validators)
            except FetchError as exc:
                if exc.reason in TRANSIENT and not last:
                    _pause(cfg.backoff * 2**attempt, cfg, stop, exc.reason, attempt)
                    continue
                raise
            if answer.status != 429 and answer.status < 500:
                return answer
            if last:
                tries = _attempts(attempt)
                raise FetchError(f"HTTP {answer.status}", f"still failing after {tries}")
            asked = retry_after(answer.headers.get("retry-after"))
            if asked is not None and asked > cfg.max_retry_wait:
                raise FetchError(
                    f"HTTP {answer.status}",
                    f"Retry-After {asked:.0f}s is over the {cfg.max_retry_wait:g}s cap",
                )
            wait = asked if asked is not None else cfg.backoff * 2**attempt
            _pause(wait, cfg, stop, f"HTTP {answer.status}", attempt)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _exchange(
        self, url: str, *, to_memory: bool, validators: dict[str, str] | None = None
    ) -> _Answer:
        cancel = threading.Event()
        limit = ROBOTS_MAX_BYTES if to_memory else self.config.max_bytes
        total = self.config.total_deadline

        def work() -> _Answer:
            return _exchange(url, self.config, self.tmp_dir, cancel, limit, to_memory, validators)

        try:
            return _run_with_deadline(work, total + 1.0, cancel)
        except TimeoutError:
            raise FetchError(f"timeout: no complete response after {total:g}s") from None

    def _load_robots(self, origin: str) -> RobotsRules:
        url = origin + "/robots.txt"
        chain = [url]
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            try:
                answer = self._with_retries(url, to_memory=True)
            except FetchError as exc:
                raise FetchError(f"robots.txt unavailable: {exc.reason}", exc.detail) from None
            if answer.status in REDIRECTS:
                try:
                    url = self._next_hop(url, answer, chain, ROBOTS_MAX_REDIRECTS)
                except FetchError:
                    return RobotsRules.allow_all()  # RFC 9309: treat as unavailable
                continue
            if 400 <= answer.status < 500:
                return RobotsRules.allow_all()  # RFC 9309: 4xx means no rules
            if 200 <= answer.status < 300:
                text = (answer.body or b"").decode("utf-8", errors="replace")
                return parse_robots(text, AGENT_NAME)
            raise FetchError(f"robots.txt unavailable: HTTP {answer.status}")
        return RobotsRules.allow_all()


def _pause(wait: float, cfg: CollectConfig, stop: float, reason: str, attempt: int) -> None:
    """Sleep before the next attempt, or give up when that would pass the deadline."""
    wait = min(wait, cfg.max_retry_wait)
    if time.monotonic() + wait > stop:
        raise FetchError(
            reason,
            f"no retry after {_attempts(attempt)}: waiting {wait:g}s "
            f"more would pass the {cfg.total_deadline:g}s deadline",
        )
    time.sleep(wait)


def _attempts(attempt: int) -> str:
    """'1 attempt', '3 attempts' for the 0-based attempt just made."""
    return f"{attempt + 1} attempt{'s' if attempt else ''}"


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # '²' is a digit to str.isdigit, not to float()
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _run_with_deadline(work: Callable[[], T], seconds: float, cancel: threading.Event) -> T:
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the waiting thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True, name="lofte-fetch")
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        cancel.set()  # the worker deletes its temp file when it wakes up
        raise TimeoutError
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def _exchange(
    url: str,
    cfg: CollectConfig,
    tmp_dir: Path,
    cancel: threading.Event,
    limit: int,
    to_memory: bool,
    validators: dict[str, str] | None = None,
) -> _Answer:
    deadline = time.monotonic() + cfg.total_deadline
    headers = {"User-Agent": cfg.user_agent, "Accept": _ACCEPT, **(validators or {})}
    try:
        with httpx.Client(
            timeout=httpx.Timeout(cfg.timeout),
            headers=headers,
            follow_redirects=False,
            verify=_ssl_context(),
        ) as client:
            with client.stream("GET", url) as resp:
                if not 200 <= resp.status_code < 300:
                    return _Answer(resp.status_code, resp.headers)
                media, charset = parse_content_type(resp.headers.get("content-type"))
                if to_memory:
                    body = b"".join(_chunks(resp, limit, deadline, cancel, cfg, truncate=True))
                    return _Answer(resp.status_code, resp.headers, body=body)
                kind = classify_type(media)
                if kind is None:
                    raise FetchError(f"unsupported content type: {media}")
                _check_length(resp.headers.get("content-length"), limit)
                file = _save(resp, tmp_dir, limit, deadline, cancel, cfg, kind, media)
                return _Answer(
                    resp.status_code, resp.headers, file=file, media=media, charset=charset
                )
    except httpx.HTTPError as exc:
        raise describe_http_error(exc, cfg.timeout) from None
    except httpx.InvalidURL as exc:
        raise FetchError("invalid URL", str(exc)) from None
    except OSError as exc:
        raise FetchError("connection failed", str(exc)) from None


@cache
def _ssl_context() -> ssl.SSLContext:
    # One context for the run: loading the CA bundle for every request is slow.
    return httpx.create_ssl_context()


_ACCEPT = "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5"


def _check_length(value: str | None, limit: int) -> None:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and int(value) > limit:
        raise FetchError(
            f"too large: over {format_size(limit)}", f"Content-Length {int(value)} bytes"
        )


def _chunks(
    resp: httpx.Response,
    limit: int,
    deadline: float,
    cancel: threading.Event,
    cfg: CollectConfig,
    *,
    truncate: bool = False,
):
    size = 0
    for chunk in resp.iter_bytes():  # as received: a fixed size would wait for a trickle
        if cancel.is_set():
            raise FetchError("cancelled")
        if time.monotonic() > deadline:
            raise FetchError(
                f"timeout: download not finished after {cfg.total_deadline:g}s",
                f"{size} bytes received",
            )
        size += len(chunk)
        if size > limit:
            if truncate:
                yield chunk[: len(chunk) - (size - limit)]
                return
            raise FetchError(f"too large: over {format_size(limit)}", "aborted while streaming")
        yield chunk


def _save(
    resp: httpx.Response,
    tmp_dir: Path,
    limit: int,
    deadline: float,
    cancel: threading.Event,
    cfg: CollectConfig,
    kind: str,
    media: str,
) -> tuple[Path, str, int, str]:
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=".tmp", dir=tmp_dir)
    tmp = Path(name)
    digest = hashlib.sha256()
    size = 0
    head = b""
    ok = False
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in _chunks(resp, limit, deadline, cancel, cfg):
                if len(head) < 2048:
                    head += chunk[: 2048 - len(head)]
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        if size == 0:
            raise FetchError("empty response")
        sniffed = sniff_kind(head)
        if kind == "sniff" or (sniffed is not None and sniffed != kind and kind != "txt"):
            if sniffed is None:
                raise FetchError(
                    f"unsupported content type: {media or 'none given'}",
                    "bytes are neither PDF nor HTML",
                )
            kind = sniffed
        os.chmod(tmp, 0o644)  # mkstemp makes it private; corpus files are for sharing
        ok = True
        return tmp, digest.hexdigest(), size, kind
    finally:
        if not ok or cancel.is_set():
            tmp.unlink(missing_ok=True)
