"""URL clean-up and safe, stable corpus file names derived from URLs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

__all__ = ["file_name", "fold", "normalize_url"]

_MAX_SLUG = 80
_SAFE = "/%:@!$&'()*+,;=-._~"
_HOST = re.compile(r"[a-z0-9_]([a-z0-9_.-]*[a-z0-9])?|[0-9a-f:.]+")


def normalize_url(url: str) -> str | None:
    """An absolute http(s) URL without fragment, lower-case scheme and host; None otherwise."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    if not _HOST.fullmatch(host):
        try:
            host = host.encode("idna").decode("ascii")  # e.g. åre.se -> xn--re-xia.se
        except UnicodeError:
            return None
        if not _HOST.fullmatch(host):
            return None
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    default = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default) else f"{host}:{port}"
    if parts.username:
        return None  # credentials in URLs are not ours to use
    # Percent-encode spaces and non-ASCII the way a browser sends them, so that a raw
    # and an encoded spelling of one link are one URL.
    path = _upper_escapes(quote(_without_dot_segments(parts.path), safe=_SAFE)) or "/"
    query = _upper_escapes(quote(parts.query, safe=_SAFE + "?"))
    return urlunsplit((scheme, netloc, path, query, ""))


_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def _upper_escapes(text: str) -> str:
    """'%c3%b6' and '%C3%B6' are one URL (RFC 3986 6.2.2.1)."""
    return _ESCAPE.sub(lambda m: m.group().upper(), text)


def _without_dot_segments(path: str) -> str:
    """'/a/../x' is '/x' (RFC 3986 5.2.4), as the server reads it."""
    if "." not in path:
        return path
    kept: list[str] = []
    segments = path.split("/")
    for segment in segments[1:]:
        if segment == "..":
            if kept:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    trailing = segments[-1] in (".", "..")
    return "/" + "/".join(kept) + ("/" if trailing and kept else "")


def fold(text: str) -> str:
    """Lower-case ASCII: å/ä/ö become a/a/o, other accents are dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return decomposed.encode("ascii", "ignore").decode("ascii")


def file_name(url: str, extension: str) -> str:
    """Stable safe name: host and path as a slug, a short hash of the URL, the extension."""
    parts = urlsplit(url)
    host = re.sub(r"[^a-z0-9.-]+", "-", fold(parts.hostname or "host")).strip(".-") or "host"
    path = fold(unquote(parts.path + ("?" + parts.query if parts.query else "")))
    path = re.sub(r"\.(html?|pdf|txt|aspx?|php|jsp)$", "", path)
    slug = re.sub(r"[^a-z0-9]+", "-", path).strip("-")
    stem = f"{host}_{slug}" if slug else host
    stem = stem[:_MAX_SLUG].rstrip("-_.")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}{extension}"
