"""Why a URL could not be collected: one exception type with a short specific reason."""

from __future__ import annotations

import httpx

__all__ = ["TRANSIENT", "FetchError", "describe_http_error", "format_size"]

# Reasons worth another attempt: the connection broke, the server may be fine.
TRANSIENT = frozenset({"connection reset", "connection closed by server"})


class FetchError(Exception):
    """A URL that could not be fetched; `reason` is short and specific ("HTTP 404")."""

    def __init__(self, reason: str, detail: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def format_size(n: int) -> str:
    """Bytes as a short human size: '25 MB', '512 KB', '300 bytes'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n} bytes"


_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
    "no address associated",
    "[errno -2]",
    "[errno -3]",
    "[errno 11001]",
)


def describe_http_error(exc: Exception, timeout: float) -> FetchError:
    """Turn an httpx transport error into a FetchError with a specific reason."""
    text = str(exc).lower()
    if isinstance(exc, httpx.TimeoutException):
        kind = "connect " if isinstance(exc, httpx.ConnectTimeout) else ""
        return FetchError(f"{kind}timeout after {timeout:g}s", str(exc) or None)
    if isinstance(exc, httpx.ConnectError):
        if any(hint in text for hint in _DNS_HINTS):
            return FetchError("DNS lookup failed", str(exc))
        if "refused" in text:
            return FetchError("connection refused", str(exc))
        return FetchError("connection failed", str(exc))
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return FetchError("connection reset", str(exc) or None)
    if isinstance(exc, httpx.RemoteProtocolError):
        if "disconnect" in text or "closed" in text:
            return FetchError("connection closed by server", str(exc) or None)
        return FetchError("invalid HTTP response", str(exc) or None)
    if isinstance(exc, httpx.DecodingError):
        return FetchError("invalid compressed body", str(exc) or None)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FetchError("invalid URL", str(exc))
    return FetchError(f"HTTP error: {type(exc).__name__}", str(exc) or None)
