"""Which kind of network address a URL's host is: a crawl of public kommun sites must not
be steered (by a redirect or a link) into the machine it runs on or its private network."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

__all__ = ["PRIVATE_KINDS", "address_kind"]

# Kinds a crawl refuses unless a seed is of the same kind (a test server on 127.0.0.1).
PRIVATE_KINDS = frozenset({"loopback", "private", "link-local"})


def _kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private or address.is_unspecified or address.is_reserved:
        return "private"
    return "public"


def address_kind(url: str) -> str:
    """'loopback', 'link-local', 'private' or 'public' for the URL's host; the most
    private of its addresses wins; 'unknown' when the name does not resolve."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return "unknown"
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    kinds = {_kind(address) for address in addresses}
    for kind in ("loopback", "link-local", "private"):
        if kind in kinds:
            return kind
    return "public" if kinds else "unknown"
