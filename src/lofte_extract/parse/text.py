"""Plain text (.txt, .md) to a ParsedDocument: paragraphs, headings, list items, signatures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .document import BlockKind, DocumentBuilder, ParsedDocument, ParseError
from .encoding import decode
from .normalize import BulletMatch, load_data, normalize_text, split_bullet

__all__ = [
    "classify_lines",
    "is_furniture_line",
    "looks_like_heading",
    "parse_text",
]

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_RULE = re.compile(r"^[\s._\-–—=*~·•]{3,}$")  # dotted signature lines, markdown rules
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MD_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
_COLUMN_GAP = re.compile(r"\s{3,}")
_SPACES = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"[a-zåäö0-9)][.!?]\s+\S")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”", ")")


@dataclass(frozen=True)
class _Piece:
    kind: BlockKind
    text: str
    level: int | None = None


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
        if key in data["html_exact"]:
            return True
        if key.startswith(data["page_info"]) and len(key) <= data["page_info_max"]:
            return True
    return False


def _only_phrases(key: str, phrases: frozenset[str]) -> bool:
    """'hoppa till huvudinnehållet till startsidan': several skip/menu links on one line."""
    words = key.split()
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


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def _has_role(line: str) -> bool:
    return _lines_data()["role"].search(line.lower() + " ") is not None


def _is_name(line: str) -> bool:
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


def _is_role(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= _lines_data()["signature_max_chars"]
        and _has_role(line)
        and not line.endswith(".")
        and not any(ch.isdigit() for ch in line.replace("(", ""))
    )


def _is_organisation(line: str) -> bool:
    low = line.strip().lower()
    return (
        0 < len(low) <= 50
        and any(w in low for w in _lines_data()["organisation_words"])
        and not _ends_sentence(line)
        and not _is_name(line)
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
    return first or not _is_name(line)


def classify_lines(lines: list[str]) -> list[tuple[BlockKind, str]]:
    """Consecutive non-list lines as paragraphs and signatures ('Name\\nTitle' blocks)."""
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    lines = [line for line in lines if line]
    out: list[tuple[BlockKind, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(("paragraph", text) for text in _join_paragraph(paragraph))
            paragraph.clear()

    i = 0
    while i < len(lines):
        size = _signature_at(lines, i)
        if size:
            flush()
            out.append(("signature", "\n".join(lines[i:i + size])))
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
    if _is_name(line) and _is_role(nxt):
        if after and _is_organisation(after) and not _signature_at_pair(lines, i + 2):
            return 3
        return 2
    if _is_role(line) and _is_name(nxt) and not _is_role(after) and not _is_name(line):
        return 2
    if "," in line and len(line) <= 90:
        name, _, role = line.partition(",")
        if _is_name(name) and _is_role(role):
            return 1
    return 0


def _signature_at_pair(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and _is_name(lines[i]) and _is_role(lines[i + 1])


def _join_paragraph(lines: list[str]) -> Iterator[str]:
    """Lines of one paragraph run: wrapped lines join, a sentence end starts a new block."""
    current = ""
    conjunctions = _lines_data()["conjunctions"]
    for line in lines:
        if not current:
            current = line
        elif line[:1].islower() or line[:1].isdigit() and not _ends_sentence(current):
            word = line.split()[0].lower()
            if current.endswith("-") and current[-2:-1].isalpha() and word not in conjunctions:
                current = current[:-1] + line  # a word hyphenated at the line break
            else:
                current += " " + line
        elif _ends_sentence(current):
            yield current
            current = line
        else:
            current += "\n" + line  # address, name, or a title over a line
    if current:
        yield current


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _implicit_items(chunk: list[str], bullets: list[BulletMatch | None]) -> set[int]:
    """Indented lines listed under a flush-left line: a list whose bullet glyphs were lost."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(chunk + [""]):
        indented = (
            index < len(chunk)
            and index > 0
            and bullets[index] is None
            and _indent(line) > _indent(chunk[0])
            and line.strip()[:1].isupper()
            and len(line.strip()) <= 250
        )
        if indented:
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


def _clean_md(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    match = _MD_EMPHASIS.match(line.strip())
    return match.group(2) if match else line


def _merge_chunks(chunks: Iterable[list[str]]) -> Iterator[list[str]]:
    """Rejoin signature lines that a blank line separates: name/title, and column rows."""
    pending: list[str] | None = None
    for chunk in chunks:
        if pending is not None and len(chunk) == 1 and _belongs_together(pending, chunk[0]):
            pending.append(chunk[0])
            continue
        if pending is not None:
            yield pending
        pending = list(chunk)
    if pending is not None:
        yield pending


def _belongs_together(chunk: list[str], line: str) -> bool:
    last = chunk[-1]
    columns = len(_COLUMN_GAP.split(last.strip()))
    if columns >= 2 and all(len(_COLUMN_GAP.split(x.strip())) == columns for x in chunk):
        return len(_COLUMN_GAP.split(line.strip())) == columns
    return len(chunk) == 1 and _is_name(last.strip()) and _is_role(line.strip())


def _chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Runs of lines between blank lines (dotted signature rules count as blank)."""
    chunk: list[str] = []
    for line in lines:
        if not line.strip() or (_RULE.match(line) and not _SETEXT.match(line)):
            if chunk:
                yield chunk
                chunk = []
            continue
        chunk.append(line)
    if chunk:
        yield chunk


class _TextParser:
    """Turns chunks into pieces, remembering what came before (dash bullets need context)."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []

    def feed(self, chunk: list[str], first: bool) -> None:
        """Classify one chunk of lines."""
        if len(chunk) == 1:
            line = _clean_md(chunk[0])
            if self._markdown_heading(line):
                return
            if _signature_at([_SPACES.sub(" ", line).strip()], 0):
                self.pieces.append(_Piece("signature", _SPACES.sub(" ", line).strip()))
                return
            if split_bullet(line) is None and looks_like_heading(line, first):
                self.pieces.append(_Piece("heading", _SPACES.sub(" ", line).strip(), 1 if first
                                          else None))
                return
        if self._columns(chunk):
            return
        self._lines(chunk, first)

    def _markdown_heading(self, line: str) -> bool:
        match = _MD_HEADING.match(line.strip())
        if match:
            self.pieces.append(_Piece("heading", match.group(2), len(match.group(1))))
        return bool(match)

    def _columns(self, chunk: list[str]) -> bool:
        """Signatures set side by side with wide gaps: one signature block per column."""
        rows = [_COLUMN_GAP.split(line.strip()) for line in chunk]
        width = len(rows[0])
        if width < 2 or len(rows) < 2 or any(len(row) != width for row in rows):
            return False
        columns = [[row[k] for row in rows] for k in range(width)]
        classified = [classify_lines(column) for column in columns]
        if not all(any(kind == "signature" for kind, _ in c) for c in classified):
            return False
        for column in classified:
            self.pieces.extend(_Piece(kind, text) for kind, text in column)
        return True

    def _lines(self, chunk: list[str], first: bool) -> None:
        dash_counts: dict[str, int] = {}
        bullets = [split_bullet(line) for line in chunk]
        implicit = _implicit_items(chunk, bullets)
        for bullet in bullets:
            if bullet is not None and bullet.kind == "dash":
                dash_counts[bullet.marker] = dash_counts.get(bullet.marker, 0) + 1
        plain: list[str] = []
        item: list[str] = []
        item_indent = 0

        def flush_plain() -> None:
            if plain:
                self.pieces.extend(_Piece(k, t) for k, t in classify_lines(plain))
                plain.clear()

        def flush_item() -> None:
            if item:
                self.pieces.append(_Piece("list_item", " ".join(item)))
                item.clear()

        for index, (line, bullet) in enumerate(zip(chunk, bullets, strict=True)):
            line = _clean_md(line)
            if index + 1 < len(chunk) and _SETEXT.match(chunk[index + 1]) and not item:
                flush_plain()
                level = 1 if chunk[index + 1].strip().startswith("=") else 2
                self.pieces.append(_Piece("heading", _SPACES.sub(" ", line).strip(), level))
                continue
            if _SETEXT.match(line) and index > 0:
                continue
            md = _MD_HEADING.match(line.strip())
            if md:
                flush_plain()
                flush_item()
                self.pieces.append(_Piece("heading", md.group(2), len(md.group(1))))
                continue
            if bullet is not None and self._is_list_item(bullet, dash_counts, bool(item)):
                flush_plain()
                flush_item()
                item.append(_SPACES.sub(" ", _clean_md(bullet.text)).strip())
                item_indent = _indent(line)
                continue
            if index in implicit:
                flush_plain()
                flush_item()
                item.append(_SPACES.sub(" ", line).strip())
                item_indent = _indent(line)
                continue
            if item and self._continues_item(line, item[-1], item_indent):
                item.append(_SPACES.sub(" ", line).strip())
                continue
            flush_item()
            if index == 0 and len(chunk) > 1:
                nxt = chunk[1]
                if looks_like_heading(line, first) and (
                    len(nxt.strip()) > 80 or split_bullet(nxt) is not None
                ) and not _is_role(nxt):
                    self.pieces.append(_Piece("heading", _SPACES.sub(" ", line).strip()))
                    continue
            plain.append(line)
        flush_item()
        flush_plain()

    def _is_list_item(
        self, bullet: BulletMatch, dash_counts: dict[str, int], in_list: bool
    ) -> bool:
        if bullet.kind != "dash":
            return True
        # "– Det är roligt, säger X." opens a quote in Swedish news, not a list.
        if _lines_data()["quote"].search(bullet.text):
            return False
        if dash_counts.get(bullet.marker, 0) >= 2 or in_list:
            return True
        previous = self.pieces[-1] if self.pieces else None
        return previous is not None and (
            previous.kind == "list_item" or previous.text.rstrip().endswith(":")
        )

    @staticmethod
    def _continues_item(line: str, last: str, item_indent: int) -> bool:
        indent = _indent(line)
        if indent > item_indent:
            return True
        if indent < item_indent and _ends_sentence(last):
            return False
        return not (_is_name(line) or _is_role(line))


def parse_text(data: bytes, charset: str | None = None) -> ParsedDocument:
    """Blank lines separate blocks; bullets become list items; short lone lines are headings."""
    decoded = decode(data, declared=charset)
    text = normalize_text(decoded.text, collapse_spaces=False)
    lines = ["" if is_furniture_line(line) else line for line in text.split("\n")]
    parser = _TextParser()
    for number, chunk in enumerate(_merge_chunks(_chunks(lines))):
        parser.feed(chunk, first=number == 0)
    builder = DocumentBuilder("txt")
    for piece in parser.pieces:
        builder.add(piece.kind, piece.text, level=piece.level)
    if not builder.blocks:
        raise ParseError("empty document", "no text after removing page furniture")
    title = next((b.text for b in builder.blocks if b.kind == "heading"), builder.blocks[0].text)
    return builder.build(title=title.split("\n")[0][:200], warnings=decoded.warnings)
