"""Detect a file's format from its bytes (placeholder, being replaced)."""

from __future__ import annotations

from .document import ParseError

__all__ = ["detect_format"]


def detect_format(data: bytes, name: str = "") -> str:
    """'pdf', 'html' or 'txt' from the content."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head[:200].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if b"\x00" in data[:4096]:
        raise ParseError("unsupported file type", "binary content")
    return "txt"
