"""Text normalization shared by the parsers: spaces, invisible characters, ligatures, bullets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..datafiles import load_data as _load

__all__ = [
    "BulletMatch",
    "abbreviations",
    "join_lines",
    "keep_hyphen_before",
    "load_data",
    "normalize_line",
    "normalize_text",
    "split_bullet",
]


@cache
def abbreviations() -> frozenset[str]:
    """Words written with a full stop that does not end a sentence ('t.o.m', 'bl.a')."""
    return frozenset(load_data("text_lines.json")["abbreviations"])


def load_data(name: str) -> dict:
    """A JSON data file from parse/data/, parsed once."""
    return _load("lofte_extract.parse", name)


@cache
def _tables() -> tuple[dict[int, str | None], re.Pattern[str]]:
    data = load_data("text_normalize.json")
    table: dict[int, str | None] = {}
    for ch in data["spaces"]:
        table[ord(ch)] = " "
    for ch in data["invisible"]:
        table[ord(ch)] = None
    for ch, plain in data["ligatures"].items():
        table[ord(ch)] = plain
    # C0/C1 control characters other than newline carry no text.
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        if code not in (0x0A, 0x09, 0x0B, 0x0C, 0x0D, 0x85):
            table.setdefault(code, None)
    breaks = sorted(data["line_breaks"], key=len, reverse=True)
    return table, re.compile("|".join(re.escape(b) for b in breaks))


_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_ANY_SPACE = re.compile(r"\s+")


def normalize_text(text: str, collapse_spaces: bool = True) -> str:
    """NFC, '\\n' line breaks, plain spaces, no invisible characters; keeps indentation.

    With `collapse_spaces=False` runs of spaces inside a line survive (column gaps).
    """
    table, breaks = _tables()
    text = unicodedata.normalize("NFC", text)
    text = breaks.sub("\n", text)
    text = text.translate(table)
    lines = [line.rstrip() for line in text.split("\n")]
    if collapse_spaces:
        lines = [_INNER_SPACES.sub(" ", line) for line in lines]
    return "\n".join(lines)


def normalize_line(text: str) -> str:
    """Like `normalize_text`, then every run of whitespace (newlines too) becomes one space."""
    return _ANY_SPACE.sub(" ", normalize_text(text)).strip()


@dataclass(frozen=True)
class BulletMatch:
    """A list marker at the start of a line: `marker` as written, `text` after it."""

    marker: str
    text: str
    kind: str  # "glyph", "dash" or "ordinal"


# "1." "12)" "1:" "a)" "(3)" — ordinals up to two digits, so years and dates are not lists.
# A '?' or U+FFFD next to the marker is a glyph lost in copying ('2: ?Öka synligheten').
_ORDINAL = re.compile(
    r"^(\(?\d{1,2}[.)]|\d{1,2}:|\(?[a-zåäöA-ZÅÄÖ]\)|\(\w{1,2}\))(?:\s*[?\ufffd]\s*|\s+)(?=\S)"
)


@cache
def _bullet_sets() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("text_normalize.json")
    return frozenset(data["bullets"]), frozenset(data["dash_bullets"])


@cache
def _party_tag() -> re.Pattern:
    return re.compile(load_data("text_lines.json")["party_tag"])


def _party_tag_run_on(marker: str, rest: str) -> bool:
    """'(S) kommunstyrelsens ordförande …' at a line start: a name's party tag the line above
    broke off from, not the ordinal of an item ('(a) Trygghetsvandringar')."""
    return bool(_party_tag().fullmatch(marker)) and rest.lstrip()[:1].islower()


@cache
def _letter_bullet() -> re.Pattern:
    letters = "|".join(map(re.escape, load_data("text_normalize.json")["letter_bullets"]))
    return re.compile(rf"^({letters})\s+(?=\w)")


def split_bullet(line: str) -> BulletMatch | None:
    """The list marker starting `line` (glyph, dash or ordinal), or None."""
    stripped = line.lstrip()
    if not stripped:
        return None
    glyphs, dashes = _bullet_sets()
    first = stripped[0]
    if first in glyphs or first in dashes:
        rest = stripped[1:]
        # "-text" or "*emphasis*" is not a list; a glyph needs a space after it,
        # except real bullet glyphs, which PDFs and pastes often glue to the word.
        if rest[:1].isspace() or (first in glyphs and first != "*" and rest[:1].isalnum()):
            text = rest.strip()
            if text:
                return BulletMatch(first, text, "dash" if first in dashes else "glyph")
        return None
    match = _ORDINAL.match(stripped)
    if match and not _party_tag_run_on(match.group(1), stripped[match.end() :]):
        return BulletMatch(match.group(1), stripped[match.end() :].strip(), "ordinal")
    letter = _letter_bullet().match(stripped)
    if letter:  # 'o Trygghetsvandringar': a pasted list's bullet, read as a dash is
        return BulletMatch(letter.group(1), stripped[letter.end() :].strip(), "dash")
    return None


@cache
def keep_hyphen_before() -> frozenset[str]:
    """First words after a line-end hyphen that keep it: 'kunskaps- och utbildningsdag'."""
    return frozenset(load_data("pdf_words.json")["keep_hyphen_before"])


def join_lines(first: str, second: str, soft_break: bool = False) -> str:
    """Join two lines of one paragraph, undoing hyphenation but keeping real hyphens."""
    if not first:
        return second
    if soft_break:
        return first + second
    if first.endswith(("-", "\u2013")) and first[-2:-1].isdigit() and second[:1].isdigit():
        return first + second  # "2019-" + "2020"
    if first.endswith("-") and len(first) > 1 and first[-2].isalpha() and second:
        next_word = second.split()[0].lower()
        stem = first.split()[-1][:-1]
        if next_word in keep_hyphen_before():
            return f"{first} {second}"  # "kunskaps- och utbildningsdag"
        if second[0].islower() and len(stem) > 2 and not stem.isupper():
            return first[:-1] + second  # "trygghets-" + "vandringar"
        return first + second  # "Anna-" + "Karin", "e-" + "post", "IT-" + "stöd"
    return f"{first} {second}"
