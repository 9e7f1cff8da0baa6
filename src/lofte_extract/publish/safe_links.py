"""The one rule for links built from input: only http(s) URLs become clickable.

A manifest is data from the web; a `javascript:` or `data:` URL in it must stay text in
report.html and review.html (the CSV and SQLite keep every URL as plain text).
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["LINK_SCHEMES", "link_url"]

LINK_SCHEMES = frozenset({"http", "https"})


def link_url(url: object) -> str | None:
    """`url` when it may be an href (http or https with a host), else None."""
    if not isinstance(url, str) or any(ord(ch) < 0x21 for ch in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None
