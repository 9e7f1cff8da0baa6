"""Links on a fetched HTML page that look like medborgarlöfte pages or PDFs."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from posixpath import splitext
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from ..datafiles import load_data
from .urls import fold, normalize_url

__all__ = ["Link", "Page", "find_links", "looks_relevant", "read_page", "worth_following"]


@dataclass(frozen=True)
class Link:
    """An absolute link and its anchor text."""

    url: str
    text: str
    context: str = ""  # text of the enclosing list item or paragraph


@dataclass(frozen=True)
class Page:
    """What the crawl needs from a fetched HTML page."""

    url: str
    title: str
    links: list[Link]

    @property
    def about_promises(self) -> bool:
        """Whether the page's URL, title or main heading names a medborgarlöfte."""
        return looks_relevant(Link(self.url, self.title))


def _vocab() -> dict:
    return load_data(__package__, "links.json")


def find_links(html: bytes, base_url: str, charset: str | None = None) -> list[Link]:
    """Every http(s) link on the page, absolute, without fragment, in page order, once."""
    return read_page(html, base_url, charset).links


def read_page(html: bytes, base_url: str, charset: str | None = None) -> Page:
    """The page's title and main heading, and its links."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml", from_encoding=charset)
    base_tag = soup.find("base", href=True)
    base = urljoin(base_url, base_tag["href"]) if base_tag else base_url
    skip_schemes = tuple(s + ":" for s in _vocab()["skip_schemes"])
    seen: set[str] = set()
    links: list[Link] = []
    for anchor in soup.find_all(["a", "area"], href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith("#") or href.lower().startswith(skip_schemes):
            continue
        url = normalize_url(urljoin(base, href))
        if url is None or url in seen:
            continue
        seen.add(url)
        text = " ".join(anchor.get_text(" ", strip=True).split())
        title = anchor.get("title")
        if title:
            text = f"{text} {title}".strip()
        links.append(Link(url, text, _context(anchor)))
    heads = [soup.title, soup.find("h1")]
    title = " ".join(" ".join(h.get_text(" ", strip=True).split()) for h in heads if h)
    return Page(base_url, title, links)


_BLOCKS = ("li", "p", "td", "dd", "figure", "section", "article", "div")


def _context(anchor) -> str:
    # "Ladda ner (pdf)" says nothing; the list item or paragraph around it often does.
    block = anchor.find_parent(_BLOCKS)
    if block is None:
        return ""
    text = " ".join(block.get_text(" ", strip=True).split())
    return text if len(text) <= 300 else ""


def worth_following(link: Link, page: Page) -> bool:
    """A relevant link, or any PDF on a page that is itself about a medborgarlöfte."""
    if looks_relevant(link):
        return True
    path = urlsplit(link.url).path.lower()
    return page.about_promises and path.endswith(".pdf")


def looks_relevant(link: Link) -> bool:
    """Whether the link's URL path or anchor text names a medborgarlöfte or safety page."""
    vocab = _vocab()
    parts = urlsplit(link.url)
    path = unquote(parts.path)
    if splitext(path.lower())[1] in vocab["skip_extensions"]:
        return False
    words = vocab["keywords"]
    haystack = fold(f"{path} {unquote(parts.query)} {link.text}")
    if any(word in haystack for word in words):
        return True
    # A PDF behind a bare "Ladda ner" link counts when its surrounding text names a promise.
    return path.lower().endswith(".pdf") and any(word in fold(link.context) for word in words)
