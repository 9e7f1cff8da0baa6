"""Per-host pacing: at most one request per host every `delay` seconds."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

__all__ = ["HostClock", "host_of", "origin_of"]


def host_of(url: str) -> str:
    """Lower-case host[:port] of a URL."""
    return urlsplit(url).netloc.lower()


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL; robots.txt is per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostClock:
    """Remembers when each host was last asked and sleeps until its turn comes."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> None:
        """Sleep until `delay` seconds have passed since the last request to `host`."""
        last = self._last.get(host)
        if last is not None and delay > 0:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
        self._last[host] = time.monotonic()
