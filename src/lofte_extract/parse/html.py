"""HTML to a ParsedDocument: the page's main content, without site furniture."""

from __future__ import annotations

import html as html_lib
import re
import warnings

from bs4 import BeautifulSoup, Tag

from .document import DocumentBuilder, ParsedDocument, ParseError
from .encoding import decode, html_meta_charset
from .html_blocks import HtmlBlock, html_blocks
from .html_clean import find_main, narrow_to_content, remove_furniture
from .normalize import join_lines, normalize_line, split_bullet
from .settings import LAYOUT
from .text_lines import classify_lines, is_furniture_line, is_organisation

__all__ = ["MAX_BLOCKS", "MAX_BYTES", "MAX_ELEMENTS", "MAX_MARKUP_CHARS", "parse_html"]

# A page this big is not a promise; cap the work so a hostile file cannot stall a run.
MAX_BYTES = 20_000_000
# Markup left after scripts and styles are gone; beyond this bs4 takes minutes, so we cut.
MAX_MARKUP_CHARS = 5_000_000
# Elements parsed at most: a long real page has tens of thousands; bs4 spends ~30 µs on
# each, so a page of 200 000 nested <div>s would take most of a file's time limit.
MAX_ELEMENTS = 100_000
MAX_BLOCKS = 5_000  # as for plain text: a promise has hundreds, a dump would time out
_ELEMENT = re.compile(r"<[A-Za-z]")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+")
_JS_HINT = re.compile(r"javascript|enable js|aktivera|noscript|app-root|__next|ng-app", re.I)


_OPENERS = re.compile(r"<(script|style|svg|template|title)\b|<!--", re.IGNORECASE)
_CLOSERS = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "svg", "template", "title")
}
_COMMENT_END = re.compile(r"-->")
# Page structure inside a "script" means its closing tag was damaged: keep the page.
_PAGE_MARKERS = re.compile(r"<(?:body|main|h1|article)\b|</head\s*>", re.IGNORECASE)


class _Scanner:
    """Finds the first match at or after a position, reusing the last answer (keeps it O(n))."""

    def __init__(self, text: str, pattern: re.Pattern[str]):
        self.text, self.pattern = text, pattern
        self.last: re.Match[str] | None = None
        self.exhausted_from: int | None = None

    def next(self, position: int) -> re.Match[str] | None:
        if self.exhausted_from is not None and position >= self.exhausted_from:
            return None
        if self.last is not None and self.last.start() >= position:
            return self.last
        self.last = self.pattern.search(self.text, position)
        if self.last is None:
            self.exhausted_from = position
        return self.last


def _strip_inert(text: str) -> tuple[str, str | None]:
    """Drop scripts, styles, SVG, comments and <title> before parsing; returns the title too.

    One forward scan, so no input is quadratic. An element never closed (or whose closing
    tag was damaged) loses only its opening tag: a browser would hide the rest of the page,
    but the text is what we want.
    """
    closers = {name: _Scanner(text, pattern) for name, pattern in _CLOSERS.items()}
    closers["--"] = _Scanner(text, _COMMENT_END)
    markers = _Scanner(text, _PAGE_MARKERS)
    tag_ends = _Scanner(text, re.compile(">"))
    parts: list[str] = []
    title: str | None = None
    position = 0
    while (opener := _OPENERS.search(text, position)) is not None:
        name = (opener.group(1) or "--").lower()
        closer = closers[name].next(opener.end())
        if closer is not None and name in ("script", "style", "title"):
            marker = markers.next(opener.end())
            if marker is not None and marker.start() < closer.start():
                closer = None
        parts.append(text[position : opener.start()])
        parts.append(" ")
        if closer is None:
            end = tag_ends.next(opener.end())
            position = opener.end() if end is None else end.end()
            continue
        if name == "title" and title is None:
            inner = text[opener.end() : closer.start()]
            title = inner[inner.find(">") + 1 :]
        position = closer.end()
    parts.append(text[position:])
    return "".join(parts), title


def _cap_elements(markup: str, warnings_: list[str]) -> str:
    """The markup cut before its MAX_ELEMENTS-th start tag (with a warning), else as is."""
    if markup.count("<") <= MAX_ELEMENTS:
        return markup
    for number, match in enumerate(_ELEMENT.finditer(markup), start=1):
        if number > MAX_ELEMENTS:
            warnings_.append(f"markup cut after {MAX_ELEMENTS} elements")
            return markup[: match.start()]
    return markup


def _soup(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL or file
        try:
            return BeautifulSoup(text, "lxml")
        except Exception as error:  # lxml and bs4 raise many types on hostile markup
            raise ParseError("malformed HTML", f"{type(error).__name__}: {error}") from error


def _title(page_title: str | None, blocks: list[HtmlBlock]) -> str | None:
    """The first h1 of the content, else <title> without the site name."""
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            return block.text
    if page_title:
        title = _without_site_name(normalize_line(html_lib.unescape(page_title)))
        if title:
            return title
    return next((b.text.split("\n")[0] for b in blocks if b.kind == "heading"), None)


def _without_site_name(title: str) -> str:
    """'Löften | Polismyndigheten' -> 'Löften'; 'Arboga – medborgarlöften' stays whole."""
    if " | " in title:
        head = title.rsplit(" | ", 1)[0].strip()
        return head or title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and is_organisation(parts[-1]):
        return title[: title.rfind(parts[-1])].rstrip(" -–—")
    return title


def _outside_h1(soup: BeautifulSoup, root: Tag) -> HtmlBlock | None:
    """The page's h1 when it sits outside the content element (a hero banner, say)."""
    if root.name in ("body", "[document]") or root.find("h1") is not None:
        return None
    h1 = soup.find("h1")
    if h1 is None:
        return None
    text = normalize_line(h1.get_text(" "))
    if not text or is_furniture_line(text, html=True):
        return None
    return HtmlBlock("heading", text, 1)


def _merge_signatures(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """<p>Name</p><p>Title</p> as separate elements still make one signature."""
    out: list[HtmlBlock] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "paragraph"
            and block.kind == "paragraph"
            and "\n" not in previous.text
            and "\n" not in block.text
            and len(previous.text) <= LAYOUT.html_signature_name_chars
            and len(block.text) <= LAYOUT.html_signature_title_chars
        ):
            merged = classify_lines([previous.text, block.text])
            if len(merged) == 1 and merged[0][0] == "signature":
                out[-1] = HtmlBlock("signature", merged[0][1])
                continue
        out.append(block)
    return out


def _join_broken_words(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """<h2>2. Polisen ska ... nykterhets-</h2><p>kontroller, ...</p>: one block, one word."""
    out: list[HtmlBlock] = []
    for block in blocks:
        previous = out[-1] if out else None
        words = previous.text.split() if previous is not None else []
        if (
            previous is not None
            and previous.kind != "signature"
            and block.kind == "paragraph"
            and words
            and len(words[-1]) > LAYOUT.broken_word_min_chars
            and words[-1].endswith("-")
            and words[-1][-2].isalpha()
            and block.text[:1].islower()
        ):
            text = join_lines(previous.text, block.text)
            kind, level = previous.kind, previous.level
            numbered = split_bullet(text)
            if kind == "heading":
                kind, level = "paragraph", None
                if numbered is not None and numbered.kind == "ordinal":
                    kind, text = "list_item", numbered.text
            out[-1] = HtmlBlock(kind, text, level)
            continue
        out.append(block)
    return out


def _signer_rows(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """A signer table: a row of names over a row of titles (and organisations) per column."""
    out: list[HtmlBlock] = []
    i = 0
    while i < len(blocks):
        for size in (3, 2):
            rows = blocks[i : i + size]
            if len(rows) < size or any(r.cells is None for r in rows):
                continue
            width = len(rows[0].cells or ())
            if width < 2 or any(len(r.cells or ()) != width for r in rows):
                continue
            columns = [[r.cells[k] for r in rows if r.cells and r.cells[k]] for k in range(width)]
            signed = [classify_lines(c) for c in columns if c]
            if signed and all(len(s) == 1 and s[0][0] == "signature" for s in signed):
                out.extend(HtmlBlock("signature", s[0][1]) for s in signed)
                i += size
                break
        else:
            out.append(blocks[i])
            i += 1
    return out


_LONG_ATTRIBUTE = re.compile(r"""=\s*(?:"[^"<>]{20000,}"|'[^'<>]{20000,}')""")


def _empty_reason(raw: str) -> str:
    head = raw[:500_000]
    if re.search(r"<script\b", head, re.IGNORECASE) and _JS_HINT.search(head):
        return "JavaScript-only page: no text without running its scripts"
    return "no text in the page body"


def parse_html(data: bytes, charset: str | None = None) -> ParsedDocument:
    """Headings, paragraphs, list items and table rows of the page's main content."""
    warnings_: list[str] = []
    if len(data) > MAX_BYTES:
        warnings_.append(f"page of {len(data)} bytes cut to the first {MAX_BYTES}")
        data = data[:MAX_BYTES]
    decoded = decode(data, declared=charset, meta=html_meta_charset(data))
    warnings_.extend(decoded.warnings)
    markup, page_title = _strip_inert(decoded.text.replace("\x00", ""))
    # An inlined image ('src="data:image/jpeg;base64,…"', megabytes) carries no text; cut
    # inside it by the markup cap, it took the whole page with it.
    markup = _LONG_ATTRIBUTE.sub('=""', markup)
    if len(markup) > MAX_MARKUP_CHARS:
        warnings_.append(f"markup of {len(markup)} characters cut to {MAX_MARKUP_CHARS}")
        markup = markup[:MAX_MARKUP_CHARS]
    markup = _cap_elements(markup, warnings_)
    soup = _soup(markup)
    root = find_main(soup)
    remove_furniture(root)
    if root.name in ("body", "html", "[document]"):
        root = narrow_to_content(root)
    blocks = html_blocks(root)
    extra = _outside_h1(soup, root)
    if extra is not None:
        blocks.insert(0, extra)
    blocks = _join_broken_words(_merge_signatures(_signer_rows(blocks)))
    builder = DocumentBuilder("html")
    if len(blocks) > MAX_BLOCKS:
        warnings_.append(f"kept the first {MAX_BLOCKS} of {len(blocks)} blocks")
        blocks = blocks[:MAX_BLOCKS]
    for block in blocks:
        builder.add(block.kind, block.text, level=block.level)
    if not builder.blocks:
        cut = [w for w in warnings_ if " cut " in w]  # 'markup of … characters cut to …'
        raise ParseError("empty document", "; ".join([_empty_reason(decoded.text), *cut]))
    # Removing site furniture is routine, not uncertainty: it is no record warning.
    return builder.build(title=_title(page_title, blocks), warnings=warnings_)
