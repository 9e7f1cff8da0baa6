"""Locate a page's main content and strip site furniture (navigation, banners, share tools)."""

from __future__ import annotations

import re
from functools import cache

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from .normalize import load_data
from .settings import LAYOUT
from .text_lines import is_furniture_line

__all__ = ["find_main", "narrow_to_content", "remove_furniture"]

_CAMEL = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ])")
_SPLIT = re.compile(r"[\s_\-:.]+")
_STYLE_SPACE = re.compile(r"\s+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@cache
def _rules() -> dict:
    data = dict(load_data("html_furniture.json"))
    for key in (
        "drop_tags",
        "furniture_tags",
        "page_tags",
        "furniture_roles",
        "main_roles",
        "tokens",
        "main_tokens",
        "hidden_classes",
        "weak_tokens",
    ):
        data[key] = frozenset(data[key])
    data["substrings"] = tuple(data["substrings"])
    return data


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _tokens(label: str) -> set[str]:
    """'sol-breadcrumbs mainNavigation' -> {'sol', 'breadcrumbs', 'main', 'navigation'}."""
    return {t.lower() for t in _SPLIT.split(_CAMEL.sub(" ", label)) if t}


def _is_hidden(tag: Tag, rules: dict) -> bool:
    if tag.has_attr("hidden") or _attr(tag, "aria-hidden").lower() == "true":
        return True
    style = _STYLE_SPACE.sub("", _attr(tag, "style")).lower()
    if any(s in style for s in rules["hidden_styles"]):
        return True
    classes = tag.get("class") or []
    return any(c.lower() in rules["hidden_classes"] for c in classes)


def _furniture_kind(tag: Tag, rules: dict) -> str | None:
    """'drop' (never content), 'semantic' (nav/aside/role), 'label'/'weak' (class/id words)."""
    name = tag.name
    if name in rules["drop_tags"]:
        if name == "button" and _is_disclosure(tag):
            return None  # an accordion toggle: its text is the section's title
        return "drop"
    if name in rules["furniture_tags"] or name in rules["page_tags"]:
        return "semantic"
    role = _attr(tag, "role").lower()
    if role in rules["furniture_roles"]:
        return "semantic"
    if name == "form" and tag.find(("h1", "main", "article")) is None:
        return "semantic"  # search and login forms; ASP.NET pages wrap all in one form
    label = f"{_attr(tag, 'class')} {_attr(tag, 'id')}".strip()
    kind = _label_kind(label, rules) if label else None
    if kind is None and _is_hidden(tag, rules):
        # collapsed accordion and tab panels hide real text until clicked
        return "hidden"
    return kind


def _label_kind(label: str, rules: dict) -> str | None:
    if label:
        matched = _tokens(label) & rules["tokens"]
        if matched:
            return "weak" if matched <= rules["weak_tokens"] else "label"
        low = label.lower()
        if any(s in low for s in rules["substrings"]):
            return "label"
    return None


def _is_disclosure(button: Tag) -> bool:
    """A button that opens a section (accordion), inside a heading or with aria-expanded."""
    opens = button.has_attr("aria-expanded") or button.has_attr("aria-controls")
    in_heading = button.find_parent(_HEADINGS) is not None
    text = button.get_text(" ", strip=True)
    return (opens or in_heading) and len(text) > 3 and not is_furniture_line(text, html=True)


def _is_panel(tag: Tag) -> bool:
    """The collapsed panel of an accordion: right after a heading with a toggle button."""
    previous = tag.find_previous_sibling(True)
    if previous is None or previous.name not in _HEADINGS:
        return False
    button = previous.find("button")
    return button is not None and _is_disclosure(button)


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.contents if isinstance(child, Tag)]


def _paragraph_chars(tag: Tag) -> int:
    """Characters of text in the <p> and <li> under `tag`, once per enclosing one.

    One walk: get_text() per paragraph is quadratic when paragraphs nest (unclosed <p>).
    """
    inside: dict[int, int] = {id(tag): 0}
    total = 0
    for node in tag.descendants:
        enclosing = inside.get(id(node.parent), 0)
        if isinstance(node, Tag):
            inside[id(node)] = enclosing + (node.name in ("p", "li"))
        elif type(node) in (NavigableString, CData):
            total += len(node) * enclosing
    return total


def _guarded(tag: Tag, kind: str, root_chars: int, rules: dict) -> bool:
    """Whether a furniture-looking element actually holds the page's content."""
    if tag.find(("h1", "main", "article")) is not None or _attr(tag, "role") == "main":
        return True
    if kind == "hidden":
        return _paragraph_chars(tag) >= rules["hidden_prose_chars"] or _is_panel(tag)
    if kind == "weak" and (
        tag.find(_HEADINGS) is not None
        or any(len(p.get_text()) > LAYOUT.html_prose_paragraph_chars for p in tag.find_all("p"))
    ):
        return True  # "article-header", "section-header" wrap content headings
    if kind not in ("label", "weak"):
        return False
    chars = _paragraph_chars(tag)
    return chars >= rules["guard_min_chars"] and chars >= rules["guard_share"] * root_chars


def remove_furniture(root: Tag) -> int:
    """Remove furniture elements under `root` in place; returns how many were removed."""
    rules = _rules()
    root_chars = _paragraph_chars(root)
    removed = 0
    stack = _child_tags(root)
    while stack:
        tag = stack.pop()
        kind = _furniture_kind(tag, rules)
        if kind == "drop" or (kind and not _guarded(tag, kind, root_chars, rules)):
            tag.extract()
            removed += 1
            continue
        stack.extend(_child_tags(tag))
    removed += _remove_furniture_sections(root, rules)
    return removed


def _remove_furniture_sections(root: Tag, rules: dict) -> int:
    """A box headed 'Relaterat innehåll', 'Kontakt', 'Dela': the heading and what it heads."""
    removed = 0
    for heading in root.find_all(_HEADINGS[1:]):
        if heading.parent is None or not is_furniture_line(heading.get_text(" "), html=True):
            continue
        parent = heading.parent
        if (
            parent is not root
            and parent.name not in ("body", "main", "article")
            and len(parent.get_text()) <= rules["furniture_section_max_chars"]
            and sum(1 for _ in parent.find_all(_HEADINGS)) == 1
        ):
            parent.extract()
        else:
            sibling = heading.find_next_sibling(True)
            if sibling is not None and sibling.name in ("ul", "ol") and _links_only(sibling):
                sibling.extract()
            heading.extract()
        removed += 1
    return removed


def _links_only(tag: Tag) -> bool:
    text = len(tag.get_text(strip=True))
    linked = sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))
    return text == 0 or linked >= LAYOUT.html_links_share * text


def find_main(soup: BeautifulSoup) -> Tag:
    """The element holding the main content: <main>, role=main, the article, or the body."""
    rules = _rules()
    mains: list[Tag] = []
    articles: list[Tag] = []
    by_id: list[Tag] = []
    for tag in soup.descendants:  # one pass: find_all per selector is slow on huge pages
        if not isinstance(tag, Tag):
            continue
        if tag.name == "main" or _attr(tag, "role").lower() in rules["main_roles"]:
            mains.append(tag)
        elif tag.name == "article":
            articles.append(tag)
        elif _attr(tag, "id").lower() in rules["main_tokens"]:
            by_id.append(tag)
    mains = [t for t in mains if not any(p in mains for p in t.parents)]
    best = max(mains, key=lambda t: len(t.get_text()), default=None)
    if best is not None and len(best.get_text(strip=True)) >= LAYOUT.html_main_min_chars:
        return best
    enough = LAYOUT.html_article_min_chars
    with_h1 = [a for a in articles if a.find("h1") is not None]
    if len(with_h1) == 1 and len(with_h1[0].get_text(strip=True)) >= enough:
        return with_h1[0]
    if len(articles) == 1 and len(articles[0].get_text(strip=True)) >= enough:
        return articles[0]
    for tag in by_id:
        if len(tag.get_text(strip=True)) >= enough:
            return tag
    return soup.body or soup


# Elements that hold blocks of their own; a <div> with none of them inside is one paragraph.
_CONTAINERS = frozenset(
    ("div", "section", "article", "main", "table", "ul", "ol", "dl", "p", *_HEADINGS)
)


def _prose_sizes(root: Tag) -> tuple[dict[int, int], set[int]]:
    """Characters of prose under every element (<p>/<li> text, and text outside links set
    straight in other elements), and the ids of elements holding a block element, in one
    post-order pass (O(n))."""
    text: dict[int, int] = {}
    prose: dict[int, int] = {}
    holders: set[int] = set()
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        tag, done = stack.pop()
        if not done:
            stack.append((tag, True))
            stack.extend((child, False) for child in _child_tags(tag))
            continue
        strings = [len(c) for c in tag.contents if isinstance(c, NavigableString)]
        children = _child_tags(tag)
        text[id(tag)] = sum(strings) + sum(text[id(c)] for c in children)
        if any(c.name in _CONTAINERS or id(c) in holders for c in children):
            holders.add(id(tag))
        if tag.name in ("p", "li"):
            prose[id(tag)] = text[id(tag)]
        elif tag.name == "a":
            prose[id(tag)] = 0  # a link's words are a way elsewhere, not this page's prose
        else:
            # a paragraph's worth of text set straight in a <div> or cell is prose too (pages
            # built of divs); a footer's short lines (address, phone) are not
            long = sum(n for n in strings if n >= LAYOUT.html_div_prose_chars)
            prose[id(tag)] = long + sum(prose[id(c)] for c in children)
    return prose, holders


def narrow_to_content(root: Tag, share: float = 0.85) -> Tag:
    """Without a <main>: the deepest element holding most of the prose (and the h1, if any)."""
    prose, holders = _prose_sizes(root)
    total = prose[id(root)]
    if total == 0:
        return root
    h1 = root.find("h1")
    on_path = {id(a) for a in h1.parents} | {id(h1)} if h1 is not None else None

    def holds(tag: Tag) -> bool:
        return prose[id(tag)] >= share * total and (on_path is None or id(tag) in on_path)

    current = root
    while True:
        child = next((c for c in _child_tags(current) if holds(c)), None)
        if child is None or child.name in ("p", "li", "ul", "ol", "dl", "h1"):
            return current  # never narrower than a block container
        if id(child) not in holders:
            return current  # a <div> of text and inline elements only is one paragraph
        if child.name in ("table", "tbody", "tr"):
            # a layout table: the cell holding the content, not a row of cells
            cell = next((c for c in child.find_all(("td", "th")) if holds(c)), None)
            if cell is None:
                return current
            child = cell
        current = child
