"""Which media types the corpus keeps, and what format a download really is."""

from __future__ import annotations

from ..datafiles import load_data

__all__ = ["classify_type", "extension_for", "parse_content_type", "sniff_kind"]


def _table() -> dict:
    return load_data(__package__, "content_types.json")


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """Media type (lower-case, no parameters) and charset from a Content-Type header."""
    if not header:
        return "", None
    media, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


def classify_type(media_type: str) -> str | None:
    """'html', 'pdf' or 'txt' for a kept type, 'sniff' when only the bytes can tell, else None."""
    for kind, types in _table()["kinds"].items():
        if media_type in types:
            return kind
    if media_type in _table()["sniff"]:
        return "sniff"
    return None


def sniff_kind(head: bytes) -> str | None:
    """'pdf' or 'html' when the first bytes say so, else None."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf-") or b"%pdf-" in head[:1024]:
        return "pdf"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")):
        return "html"
    return None


def extension_for(kind: str) -> str:
    """File extension for a corpus format."""
    return _table()["extensions"][kind]
