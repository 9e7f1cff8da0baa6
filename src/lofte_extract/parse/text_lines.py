"""Line shapes shared by the text and HTML parsers: furniture, headings, names, signatures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .document import BlockKind
from .normalize import BulletMatch, load_data
from .settings import LAYOUT

__all__ = [
    "bullet_is_item",
    "classify_lines",
    "ends_sentence",
    "is_date_line",
    "is_furniture_line",
    "is_name",
    "is_organisation",
    "is_role",
    "looks_like_heading",
]

_SPACES = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"[a-zåäö0-9)][.!?]\s+\S")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”", ")")


@cache
def _lines_data() -> dict:
    data = dict(load_data("text_lines.json"))
    data["not_heading"] = [re.compile(p, re.IGNORECASE) for p in data["not_heading_patterns"]]
    data["role"] = re.compile("|".join(re.escape(w) for w in data["role_words"]))
    data["party"] = re.compile(r"\s*" + data["party_tag"] + r"\s*$")
    verbs = "|".join(data["quote_attribution"])
    data["quote"] = re.compile(
        rf"(?:[,.!?–]\s*(?:{verbs})\b)|(?:\b(?:{verbs})\s+(?:han|hon|de|vi|[A-ZÅÄÖ]))"
    )
    return data


@cache
def _furniture() -> dict:
    data = load_data("text_furniture.json")
    return {
        "navigation": frozenset(data["navigation"]),
        "html_exact": frozenset(data["html_exact"]),
        "html_links": frozenset(data["navigation"]) | frozenset(data["html_exact"]),
        "notice": tuple(data["notice_prefixes"]),
        "notice_max": data["notice_max_chars"],
        "page_info": tuple(data["page_info_prefixes"]),
        "page_info_max": data["page_info_max_chars"],
    }


def is_furniture_line(line: str, html: bool = False) -> bool:
    """Whether a whole line is web-page furniture (cookie notice, 'Till toppen', share...)."""
    key = _SPACES.sub(" ", line).strip().lower()
    if not key:
        return False
    data = _furniture()
    if key in data["navigation"] or key.rstrip(":") in data["navigation"]:
        return True
    if _only_phrases(key, data["navigation"]):
        return True
    if key.startswith(data["notice"]) and len(key) <= data["notice_max"]:
        return True
    if html:
        if key in data["html_exact"] or _only_phrases(key, data["html_links"]):
            return True
        if key.startswith(data["page_info"]) and len(key) <= data["page_info_max"]:
            # 'Senast uppdaterad den 26 mars 2021' may be a news page's only date: kept
            return not _date_pattern().search(key)
    return False


_LINK_SEPARATORS = frozenset({"|", "·", "•", "/", "–", "-"})


def _only_phrases(key: str, phrases: frozenset[str]) -> bool:
    """'hoppa till huvudinnehållet till startsidan': several skip/menu links on one line."""
    # 'Kakor | Tillgänglighetsredogörelse': a footer's links with separators between them
    words = [word for word in key.split() if word not in _LINK_SEPARATORS]
    if len(words) > 12:
        return False
    reachable = {0}  # word positions a sequence of phrases can end at
    for start in range(len(words)):
        if start not in reachable:
            continue
        for end in range(start + 1, min(len(words), start + 6) + 1):
            if " ".join(words[start:end]) in phrases:
                reachable.add(end)
    return len(words) in reachable and len(words) > 1


@cache
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(_lines_data()["months"], key=len, reverse=True))
    return re.compile(
        rf"\b(\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
        rf"|\d{{1,2}}\s*(:e|:a)?\s+({months})\.?\s+\d{{4}}|({months})\s+\d{{4}})\b",
        re.IGNORECASE,
    )


def is_date_line(text: str) -> bool:
    """A short line giving a date: 'Eslöv 2017-02-15', 'Kumla den 3 juli 2017'."""
    return len(text) <= LAYOUT.date_line_max_chars and bool(_date_pattern().search(text))


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (or a colon lead-in)."""
    return line.rstrip().endswith(_SENTENCE_END)


def _has_role(line: str) -> bool:
    return _lines_data()["role"].search(line.lower() + " ") is not None


def is_name(line: str) -> bool:
    """A person's name by shape: 2-5 capitalised words, particles allowed, a party tag."""
    if len(line) > 70 or not line[:1].isupper():
        return False
    data = _lines_data()
    line = data["party"].sub("", line.strip().rstrip(","))
    words = line.split()
    if not 2 <= len(words) <= 5 or len(line) > 50 or _has_role(line):
        return False
    capitals = 0
    for word in words:
        if word.lower() in data["name_particles"]:
            continue
        parts = word.split("-")
        if not all(p[:1].isupper() and p.replace(".", "").isalpha() for p in parts):
            return False
        capitals += 1
    return capitals >= 2


def is_role(line: str) -> bool:
    """A short line naming a role: 'Lokalpolisområdeschef', 'Kommunstyrelsens ordförande'."""
    line = line.strip()
    return (
        0 < len(line) <= _lines_data()["signature_max_chars"]
        and _has_role(line)
        and (not line.endswith(".") or len(line.split()[-1]) <= 5)  # "Kommunstyrelsens ordf."
        and not any(ch.isdigit() for ch in line.replace("(", ""))
    )


def is_organisation(line: str) -> bool:
    """A short line naming an organisation: 'Eslövs kommun', 'Lokalpolisområde Eslöv'."""
    low = line.strip().lower()
    return (
        0 < len(low) <= 50
        and any(w in low for w in _lines_data()["organisation_words"])
        and not ends_sentence(line)
        and not is_name(line)
    )


def looks_like_heading(line: str, first: bool = False) -> bool:
    """A short line without final punctuation that starts with a capital: a section heading."""
    data = _lines_data()
    line = line.strip()
    limit = data["heading_max_chars"] * (2 if first else 1)
    if not line or len(line) > limit or len(line.split()) > data["heading_max_words"] * 2:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < 2:
        return False
    start = next(ch for ch in line if ch.isalnum())
    if not (start.isupper() or start.isdigit()):
        return False
    if any(p.search(line) for p in data["not_heading"]) or _SENTENCE_BREAK.search(line):
        return False
    return first or not is_name(line)


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at (its longest line), or None if it was not.

    A text editor or PDF converter breaks every line near one width; a web page's text keeps
    each paragraph on one long line.
    """
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if not lengths:
        return None
    width = max(lengths)
    low, high = LAYOUT.wrap_width_range
    full = sum(1 for n in lengths if n >= width * LAYOUT.wrap_full_share)
    wrapped = full >= LAYOUT.wrap_full_lines and full >= len(lengths) * LAYOUT.wrap_full_line_share
    return width if low <= width <= high and wrapped else None


def classify_lines(lines: list[str], width: int | None = None) -> list[tuple[BlockKind, str]]:
    """Consecutive non-list lines as paragraphs and signatures ('Name\\nTitle' blocks).

    With the `width` a text was hard-wrapped at, a full line runs on into the next one
    whatever its first letter ('… skrev Kåre Friberg och Hanna' / 'Sjögren under …').
    """
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    lines = [line for line in lines if line]
    out: list[tuple[BlockKind, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(("paragraph", text) for text in _join_paragraph(paragraph, width))
            paragraph.clear()

    i = 0
    while i < len(lines):
        runs_on = (
            width is not None and i + 1 < len(lines) and full_line(lines[i], lines[i + 1], width)
        )
        size = 0 if runs_on and not ends_sentence(lines[i]) else _signature_at(lines, i)
        if size:
            flush()
            out.append(("signature", "\n".join(lines[i : i + size])))
            i += size
            continue
        paragraph.append(lines[i])
        i += 1
    flush()
    return out


def _signature_at(lines: list[str], i: int) -> int:
    """How many lines from `i` form one signature (name + role [+ organisation]), or 0."""
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    after = lines[i + 2] if i + 2 < len(lines) else ""
    if _signs_for(line) and _signature_at_pair(lines, i + 1):
        return 3  # "För Polismyndigheten" over the name and title
    if is_name(line) and is_role(nxt):
        if after and is_organisation(after) and not _signature_at_pair(lines, i + 2):
            return 3
        return 2
    if is_role(line) and is_name(nxt) and not is_role(after) and not is_name(line):
        return 2
    if "," in line and len(line) <= 90:
        name, _, role = line.partition(",")
        if is_name(name) and is_role(role):
            return 1
    return 0


def _signs_for(line: str) -> bool:
    """'För Polismyndigheten', 'För Mora kommun': whom the signer below signs for."""
    words = line.split()
    leads = _lines_data()["signs_for"]
    return 2 <= len(words) <= 6 and words[0].lower() in leads and not ends_sentence(line)


def _signature_at_pair(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and is_name(lines[i]) and is_role(lines[i + 1])


def _join_paragraph(lines: list[str], width: int | None = None) -> Iterator[str]:
    """Lines of one paragraph run: wrapped lines join, a sentence end starts a new block."""
    current = ""
    conjunctions = _lines_data()["conjunctions"]
    for line in lines:
        if not current:
            current = line
        elif line[:1].islower() or (
            line[:1].isdigit() and not ends_sentence(current) and not _period_under(current, line)
        ):
            word = line.split()[0].lower()
            if current.endswith("-") and current[-2:-1].isalpha() and word not in conjunctions:
                current = current[:-1] + line  # a word hyphenated at the line break
            else:
                current += " " + line
        elif ends_sentence(current):
            yield current
            current = line
        elif width is not None and full_line(current.rsplit("\n", 1)[-1], line, width):
            current += " " + line  # the next word did not fit on the line: it runs on
        else:
            current += "\n" + line  # address, name, or a title over a line
    if current:
        yield current


def _period_under(current: str, line: str) -> bool:
    """'Tryggare utemiljö' / '1 februari 2022 - 30 september 2023': a period set on its own
    line under a heading-like line, not the rest of a wrapped one."""
    return "\n" not in current and looks_like_heading(current) and is_date_line(line)


def full_line(line: str, following: str, width: int) -> bool:
    """Whether `following`'s first word would have overrun `line` at the wrap width."""
    return len(line) + 1 + len(following.split()[0]) > width - LAYOUT.wrap_slack


def bullet_is_item(bullet: BulletMatch, in_list: bool, previous: str | None) -> bool:
    """Whether a bulleted line is a list item; a dash needs list context, and is never a quote."""
    if bullet.kind != "dash":
        return True
    # "– Det är roligt, säger X." opens a quote in Swedish news, not a list.
    if _lines_data()["quote"].search(bullet.text):
        return False
    return in_list or (previous is not None and previous.rstrip().endswith(":"))
