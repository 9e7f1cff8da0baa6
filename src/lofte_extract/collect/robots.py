"""robots.txt rules (RFC 9309): groups per user agent, longest match wins, wildcards.

`urllib.robotparser` applies the first matching rule and knows no `*` or `$` in paths,
so a common `Disallow: /a/` + `Allow: /a/open.pdf` file reads wrongly there; this
small parser follows the RFC instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

__all__ = ["RobotsRules", "parse_robots"]


@dataclass
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[tuple[bool, str]] = field(default_factory=list)  # (allow, pattern)
    delay: float | None = None


@dataclass
class RobotsRules:
    """The rules of one host's robots.txt that apply to one agent."""

    rules: list[tuple[bool, str]] = field(default_factory=list)
    crawl_delay: float | None = None

    @classmethod
    def allow_all(cls) -> RobotsRules:
        """Rules for a host without robots.txt."""
        return cls()

    def allowed(self, url: str) -> bool:
        """Whether the agent may fetch `url`; the longest matching rule decides."""
        parts = urlsplit(url)
        target = unquote(parts.path or "/")
        if parts.query:
            target += "?" + unquote(parts.query)
        best: tuple[int, bool] | None = None
        for allow, pattern in self.rules:
            if not pattern:
                continue  # an empty Disallow allows everything
            if _matches(pattern, target):
                key = (len(pattern), allow)  # on a tie the Allow wins
                if best is None or key > best:
                    best = key
        return True if best is None else best[1]


def _matches(pattern: str, target: str) -> bool:
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.match(regex + ("$" if anchored else ""), target) is not None


def parse_robots(text: str, agent: str) -> RobotsRules:
    """The rules in robots.txt `text` for product token `agent` (or the `*` group)."""
    groups: list[_Group] = []
    current: _Group | None = None
    in_agents = False
    # a byte order mark before 'User-agent' hid the first group ('\ufeffuser-agent')
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (s.strip() for s in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if current is None or not in_agents:
                current = _Group()
                groups.append(current)
            current.agents.append(value.split("/", 1)[0].strip().lower())  # drop a version
            in_agents = True
            continue
        in_agents = False
        if current is None:
            continue  # rules before any User-agent line belong to no group
        if key in ("allow", "disallow"):
            current.rules.append((key == "allow", unquote(value)))
        elif key == "crawl-delay":
            try:
                current.delay = float(value)
            except ValueError:
                pass
    name = agent.lower()
    # an empty 'User-agent:' names nobody ('' is in every name)
    mine = [g for g in groups if any(a and a != "*" and a in name for a in g.agents)]
    chosen = mine or [g for g in groups if "*" in g.agents]
    rules = RobotsRules()
    for group in chosen:
        rules.rules.extend(group.rules)
        if group.delay is not None:
            rules.crawl_delay = max(rules.crawl_delay or 0.0, group.delay)
    return rules
