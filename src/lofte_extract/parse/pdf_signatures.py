"""Find signatures among a PDF's lines: side by side in columns, or stacked name over title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .normalize import load_data
from .pdf_lines import Line, Segment
from .settings import LAYOUT
from .text_lines import is_date_line

__all__ = [
    "Emitted",
    "find_signatures",
    "is_dotted",
    "is_name",
    "is_title",
]


@dataclass
class Emitted:
    """A block decided here: a signature ('Name\\nTitle') or a date paragraph."""

    kind: str
    text: str
    page: int


@cache
def _vocab() -> dict:
    data = dict(load_data("pdf_signatures.json"))  # a copy: compiled patterns are added below
    dotted = re.escape(data["dotted_chars"])
    data["_dotted"] = re.compile(rf"^[{dotted}\s]{{4,}}$")
    return data


def is_dotted(text: str) -> bool:
    """A signature line drawn with dots or underscores."""
    dots = len(text.replace(" ", ""))
    return bool(_vocab()["_dotted"].match(text)) and dots >= LAYOUT.dotted_min_chars


_PARTY = re.compile(r"\s*\((?:[A-ZÅÄÖ]{1,3}|[A-ZÅÄÖ][a-zåäö]{1,3})\)\s*$")


def is_name(text: str) -> bool:
    """Two to five capitalised words without digits: 'Anna-Karin Boije'."""
    vocab = _vocab()
    text = _PARTY.sub("", text).strip()  # "Niklas Jonsson (S)"
    words = text.split()
    fewest, most = LAYOUT.name_words
    if not fewest <= len(words) <= most or len(text) > LAYOUT.name_max_chars:
        return False
    if any(ch.isdigit() for ch in text):
        return False
    if text.endswith((":", ",", ";")) or any(
        w.lower().strip(".,") in vocab["not_name_words"] for w in words
    ):
        return False
    particles = set(vocab["name_particles"])
    capitals = [w for w in words if w.lower() not in particles]
    return len(capitals) >= 2 and all(w[:1].isupper() and w[:1].isalpha() for w in capitals)


def is_title(text: str) -> bool:
    """A short role title: 'Lokalpolisområdeschef', 'Kommunstyrelsens ordförande'."""
    lowered = text.lower() + " "
    too_long = len(text) > LAYOUT.title_max_chars or len(text.split()) > LAYOUT.title_max_words
    if too_long or text.endswith((".", ":")):
        return False
    return any(word in lowered for word in _vocab()["title_words"])


def _runs_on(title: str, line: str) -> bool:
    """Whether `line` continues a wrapped title: 'Chef, lokalpolisområde Norrmalm, region' /
    'Stockholm'."""
    words = title.rstrip().split()
    ends_open = title.rstrip().endswith(",") or (
        bool(words) and words[-1].lower() in _vocab()["title_runs_on_after"]
    )
    return ends_open and len(line.split()) <= LAYOUT.title_run_on_words


def _is_organisation(text: str) -> bool:
    lowered = text.lower()
    if len(text) > LAYOUT.organisation_max_chars or (
        len(text.split()) > LAYOUT.organisation_max_words
    ):
        return False
    return any(w in lowered for w in _vocab()["organisation_words"]) or lowered.startswith(
        tuple(_vocab()["organisation_prefixes"])
    )


def _short(segment: Segment) -> bool:
    return (
        len(segment.text) <= LAYOUT.segment_max_chars
        and len(segment.text.split()) <= LAYOUT.segment_max_words
    )


def _signature_row(line: Line) -> bool:
    """Dotted, or two or more short segments side by side (not a ruled table's row)."""
    if line.cells is not None:
        return False
    if is_dotted(line.text):
        return True
    return len(line.segments) >= 2 and not line.bullet and all(map(_short, line.segments))


def _joinable(previous: Line, line: Line, gap: float = 4) -> bool:
    """Same page, same font, close below: a heading after the signatures is not one of them."""
    return (
        line.page == previous.page
        and abs(line.size - previous.size) <= 1
        and line.top - previous.bottom <= gap * max(line.size, 6)
    )


def find_signatures(lines: list[Line]) -> list[Line | Emitted]:
    """The lines with signature groups replaced by signature (and date) blocks."""
    out: list[Line | Emitted] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _signature_row(line):
            end = index + 1
            while end < len(lines) and (
                (_signature_row(lines[end]) and _joinable(lines[end - 1], lines[end]))
                or (_side_note(lines[end]) and _joinable(lines[end - 1], lines[end], 1.5))
            ):
                end += 1
            group = _columns(lines[index:end])
            if group is not None:
                out.extend(group)
                index = end
                continue
        stacked, used = _stacked(lines, index)
        if stacked is not None:
            out.append(stacked)
            index += used
            continue
        if is_dotted(line.text):
            index += 1  # a lone signature line carries no text
            continue
        out.append(line)
        index += 1
    return out


def _side_note(line: Line) -> bool:
    """A single short line inside a signature group: a title or name under one column."""
    text = line.text
    return (
        not line.bullet
        and len(line.segments) == 1
        and (is_title(text) or is_name(text) or _is_organisation(text) or is_date_line(text))
    )


def _columns(rows: list[Line]) -> list[Emitted] | None:
    """Side-by-side signatures: one block per column (and per band of a grid)."""
    wide = [row for row in rows if not is_dotted(row.text) and len(row.segments) >= 2]
    if not wide or not any(is_name(s.text) for row in wide for s in row.segments):
        return None
    anchors = [s.x0 for s in max(wide, key=lambda row: len(row.segments)).segments]
    page = rows[0].page
    dates: list[Emitted] = []
    # cells[column] = list of (band, text); a dotted row or a wide gap starts a new band.
    cells: list[list[tuple[int, str]]] = [[] for _ in anchors]
    band, previous, band_has_name = 0, None, False
    for row in rows:
        # A new band (the next grid row of signatures) starts at a dotted line or a
        # wide gap, but only once this band has its names: "För kommunen" lines,
        # the dotted line and the gap for the pen all belong to the names below.
        gap = previous is not None and row.top - previous.bottom > 2.5 * max(row.size, 6)
        if band_has_name and (gap or is_dotted(row.text)):
            band, band_has_name = band + 1, False
        previous = row
        if is_dotted(row.text):
            continue
        for segment in row.segments:
            if is_date_line(segment.text) and not is_name(segment.text):
                dates.append(Emitted("paragraph", segment.text, page))
                continue
            column = min(range(len(anchors)), key=lambda i: abs(anchors[i] - segment.x0))
            cells[column].append((band, segment.text))
            band_has_name = band_has_name or is_name(segment.text)
    signatures: list[tuple[int, int, Emitted]] = []
    for column, entries in enumerate(cells):
        for band_number in sorted({b for b, _ in entries}):
            texts = [text for b, text in entries if b == band_number]
            signatures.append((band_number, column, _signature(texts, page)))
    signatures.sort(key=lambda item: (item[0], item[1]))
    signed = any(is_dotted(row.text) for row in rows) or any(
        any(is_title(text) for text in emitted.text.split("\n")[1:])
        for _, _, emitted in signatures
        if emitted.kind == "signature"
    )
    if not signed:
        return None  # names side by side without titles or pen lines: a table, not signatures
    return dates + [emitted for _, _, emitted in signatures]


def _signature(texts: list[str], page: int) -> Emitted:
    """'För kommunen' lines move after name and title; a block without a name is a paragraph."""
    prefixes = tuple(_vocab()["organisation_prefixes"])
    first = [t for t in texts if not t.lower().startswith(prefixes)]
    last = [t for t in texts if t.lower().startswith(prefixes)]
    ordered = first + last
    kind = "signature" if any(is_name(t) for t in texts) else "paragraph"
    return Emitted(kind, "\n".join(ordered) if kind == "signature" else " ".join(ordered), page)


def _stacked(lines: list[Line], index: int) -> tuple[Emitted | None, int]:
    """Name then title (then organisation), maybe under a dotted line: (block, lines used)."""
    start = index
    dotted = is_dotted(lines[index].text)
    if dotted:
        index += 1
    if index >= len(lines) or dotted and not _joinable(lines[index - 1], lines[index]):
        return None, 0
    name = lines[index]
    if name.bullet or name.cells is not None or len(name.segments) != 1 or not is_name(name.text):
        return None, 0
    texts = [name.text]
    end = index + 1
    while end < len(lines) and len(texts) < 3:
        line = lines[end]
        close = _joinable(lines[end - 1], line, 1.2) and line.bold == name.bold
        if not close or line.bullet or len(line.segments) != 1:
            break
        if len(texts) == 2 and _runs_on(texts[1], line.text):
            texts[1] = f"{texts[1]} {line.text}"  # a long title wrapped onto a second line
        elif is_title(line.text) or (len(texts) == 2 and _is_organisation(line.text)):
            texts.append(line.text)
        elif (
            dotted
            and len(texts) == 1
            and len(line.text) <= LAYOUT.under_dots_max_chars
            and not line.text.endswith(".")
        ):
            texts.append(line.text)
        else:
            break
        end += 1
    if len(texts) < 2:
        return None, 0
    return Emitted("signature", "\n".join(texts), name.page), end - start
