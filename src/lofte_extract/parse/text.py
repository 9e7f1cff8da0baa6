"""Plain text (.txt, .md) to a ParsedDocument (placeholder, being replaced)."""

from __future__ import annotations

from .document import DocumentBuilder, ParsedDocument

__all__ = ["parse_text"]


def parse_text(data: bytes, charset: str | None = None) -> ParsedDocument:
    """Blank lines separate blocks; bullet lines become list items."""
    text = data.decode(charset or "utf-8", errors="replace")
    builder = DocumentBuilder("txt")
    for chunk in text.split("\n\n"):
        for line in chunk.splitlines():
            stripped = line.strip()
            if stripped[:1] in {"•", "-", "*"}:
                builder.add("list_item", stripped[1:])
            else:
                builder.add("paragraph", stripped)
    return builder.build()
