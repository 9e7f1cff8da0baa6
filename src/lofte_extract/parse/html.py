"""HTML to a ParsedDocument (placeholder, being replaced)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .document import DocumentBuilder, ParsedDocument

__all__ = ["parse_html"]


def parse_html(data: bytes, charset: str | None = None) -> ParsedDocument:
    """Visible text by element."""
    soup = BeautifulSoup(data, "lxml", from_encoding=charset)
    builder = DocumentBuilder("html")
    for element in soup.find_all(["h1", "h2", "h3", "p", "li"]):
        kind = "heading" if element.name.startswith("h") else (
            "list_item" if element.name == "li" else "paragraph")
        builder.add(kind, element.get_text(" ", strip=True))
    return builder.build()
