"""Settings and results of a collect run."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import ErrorRow
from .manifest import ManifestEntry

__all__ = ["USER_AGENT", "AGENT_NAME", "CollectConfig", "CollectReport", "Skipped"]

AGENT_NAME = "lofte-extract"
USER_AGENT = (
    f"{AGENT_NAME}/0.1 (research crawler for medborgarloften; "
    "+https://github.com/lofte-extract/lofte-extract)"
)


@dataclass(frozen=True)
class CollectConfig:
    """How politely and how far to crawl; the defaults suit a real public website."""

    max_bytes: int = 25 * 1024 * 1024
    timeout: float = 10.0  # connect and between-bytes read timeout, seconds
    deadline: float | None = None  # total per download; None means 3 x timeout
    delay: float = 1.0  # minimum seconds between requests to one host
    max_crawl_delay: float = 10.0  # cap on a robots.txt Crawl-delay
    max_pages: int = 200
    depth: int = 2  # link hops from each seed: list page, promise page, its PDF
    user_agent: str = USER_AGENT
    refresh: bool = False
    retries: int = 2  # extra attempts after a 5xx or 429
    backoff: float = 1.0  # first retry wait, doubled each time
    max_retry_wait: float = 10.0  # cap on backoff and Retry-After
    max_redirects: int = 10
    any_host: bool = False  # follow links off the seed hosts

    @property
    def total_deadline(self) -> float:
        """Seconds one download may take from request to last byte."""
        return self.deadline if self.deadline is not None else 3 * self.timeout


@dataclass
class Skipped:
    """A URL not fetched on purpose, and why."""

    url: str
    reason: str


@dataclass
class CollectReport:
    """What a run fetched, skipped and failed on."""

    fetched: list[ManifestEntry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[ErrorRow] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the end of a run."""
        line = (
            f"collect: {len(self.fetched)} fetched, {len(self.skipped)} skipped, "
            f"{len(self.failed)} failed"
        )
        over = [s for s in self.skipped if s.reason.startswith("over --max-pages")]
        if over:
            # the limit counts per run: the same command goes on where this one stopped
            line += f"; {len(over)} URLs left over {over[0].reason.removeprefix('over ')}"
        return line
