"""Signature blocks: names over titles, side by side or stacked, at the foot of a promise."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysed import Line, body_lines
from .meta_vocab import KOMMUN_WORD, has_phone_or_mail, is_contact_detail
from .person_names import (
    INITIAL,
    PARTY,
    SignatoryMention,
    is_name,
    ocr_title,
    organisation_of,
    title_pattern,
)
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["block_signers", "split_columns"]


def split_columns(line: Line) -> list[Line]:
    """Side-by-side columns of a signature line (three or more spaces or a tab apart)."""
    parts = []
    for m in re.finditer(r"\S+(?:[ ]{1,2}\S+)*", line.text):
        parts.append(Line(line.start + m.start(), line.start + m.end(), m.group()))
    return parts


def _title_text(line: Line) -> bool:
    return _is_title_text(line.text)


# Kept per line text: a signature block's every line is asked about as each neighbour's pair.
@lru_cache(maxsize=16384)
def _is_title_text(line: str) -> bool:
    text = ocr_title(line.strip())
    head = title_pattern().search(text)
    return (
        bool(head)
        and head.start() <= EXTRACT.title_head_chars
        and len(text.split()) <= EXTRACT.title_line_words
    )


def _split_title_line(line: Line) -> list[Line]:
    starts = list(_column_starts(line.text))
    if not starts or starts[0] > EXTRACT.title_column_chars:
        return [line]
    starts[0] = 0
    out = []
    for index, begin in enumerate(starts):
        finish = starts[index + 1] if index + 1 < len(starts) else len(line.text)
        piece = line.text[begin:finish].strip()
        offset = line.start + line.text.index(piece, begin)
        out.append(Line(offset, offset + len(piece), piece))
    return out


def _split_names(line: Line, count: int) -> list[Line] | None:
    tokens = list(re.finditer(r"\S+", line.text))
    if count != 2 or not EXTRACT.name_pair_tokens[0] <= len(tokens) <= EXTRACT.name_pair_tokens[1]:
        return None
    for cut in range(2, len(tokens) - 1):
        first = line.text[: tokens[cut - 1].end()]
        second = line.text[tokens[cut].start() :]
        if re.fullmatch(INITIAL, tokens[cut].group()):
            continue
        a = Line(line.start, line.start + len(first), first)
        b = Line(line.start + tokens[cut].start(), line.end, second)
        if is_name(a) and is_name(b):
            return [a, b]
    return None


def _contact_line(line: Line) -> bool:
    lower = line.text.lower()
    cues = load_vocab("meta_places")["contact_cues"]
    if lower.startswith(tuple(cues)):
        return True
    return has_phone_or_mail(line.text) and len(line.text) <= EXTRACT.contact_line_chars


def _contact_near(content: list[Line], index: int) -> bool:
    # A contact box ('Kontakt', name, title, phone) looks like a signature; its heading comes
    # just before the name, its phone or e-mail just after the title. A 'Kontakta oss' link
    # after a signature block says nothing about the names above it.
    before = index > 0 and _contact_line(content[index - 1])
    if has_phone_or_mail(content[index].text):
        return True  # 'Nina Ström, säkerhetssamordnare, nina.strom@vanersborg.se': a contact
    after = any(
        i < len(content)
        and is_contact_detail(content[i].text)
        and len(content[i].text) <= EXTRACT.contact_line_chars
        for i in (index + 2, index + 3)
    )
    return before or after


def _inline_pair(line: Line) -> tuple[Line, Line] | None:
    # 'Anna Svensson (S), kommunstyrelsens ordförande' or 'Eva Ros Kommunalråd' on one line
    if len(line.text) > EXTRACT.inline_pair_chars:
        return None
    label = re.match(r"(?:För|för)\s[^:]{2,40}:\s*", line.text)  # 'För polisen: Anna Berg, ...'
    if label:
        line = Line(line.start + label.end(), line.end, line.text[label.end() :])
    tokens = list(re.finditer(r"[^\s,|]+", line.text))
    for count in (2, 3, 4):
        if count >= len(tokens):
            break
        name_end = tokens[count - 1].end()
        rest = re.match(PARTY + r"?\s*[,|]?\s*", line.text[name_end:])
        offset = name_end + (rest.end() if rest else 0)
        title_text = line.text[offset:].strip()
        if not title_pattern().match(title_text):
            continue
        name = Line(line.start, line.start + name_end, line.text[:name_end])
        title = Line(line.start + offset, line.start + offset + len(title_text), title_text)
        if is_name(name) and _title_text(title):
            return name, title
    return None


def _organisation_line(line: Line) -> str | None:
    # 'Polisen', 'Polismyndigheten', 'Eslövs kommun' stacked under a title
    text = line.text.strip()
    if re.fullmatch(r"(?i)(?:polisen|polismyndigheten|(?:lokal)?polisområde [\w /-]+)", text):
        return "polisen"
    if re.fullmatch(rf"[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)? {KOMMUN_WORD}", text):
        return "kommun"
    return None


@lru_cache(maxsize=16384)
def _column_starts(text: str) -> tuple[int, ...]:
    heads = list(title_pattern().finditer(text))
    # 'Kommunstyrelsens ordförande Lokalpolisområdeschef Hallsberg': heads start columns.
    return tuple(h.start() for i, h in enumerate(heads) if i == 0 or h.start() > heads[i - 1].end())


def _block_pairs(content: list[Line], index: int, used: set[int]) -> list[tuple[Line, Line]]:
    line, nxt = content[index], content[index + 1] if index + 1 < len(content) else None
    inline = _inline_pair(line)
    # A lone 'Name, title' line is a caption; signers on such lines come at least two together.
    neighbours = [content[i] for i in (index - 1, index + 1) if 0 <= i < len(content)]
    if inline and any(_inline_pair(n) or is_name(n) or _title_text(n) for n in neighbours):
        return [inline]
    if nxt is None:
        return []
    names = split_columns(line)
    titles = split_columns(nxt)
    if len(titles) != len(names) or len(names) == 1:
        # Columns whose wide gap was collapsed: split the title line where titles start.
        titles = _split_title_line(nxt)
    if len(names) == 1 and len(titles) > 1:
        names = _split_names(line, len(titles)) or names
    if (
        all(is_name(n) for n in names)
        and len(titles) == len(names)
        and all(_title_text(t) for t in titles)
    ):
        return list(zip(names, titles, strict=True))
    previous_free_name = index > 0 and index - 1 not in used and is_name(content[index - 1])
    if _title_text(line) and not previous_free_name:
        # Titles over names: 'Kommunstyrelsens ordförande Lokalpolisområdeschef' over
        # 'Anna Berg Per Ek' once a PDF has closed the gap between the columns.
        heads = _split_title_line(line)
        under = split_columns(nxt)
        if len(heads) > 1 and len(under) != len(heads):
            under = _split_names(nxt, len(heads)) or under
        if len(heads) > 1 and len(under) == len(heads) and all(is_name(n) for n in under):
            return list(zip(under, heads, strict=True))
        if is_name(nxt) and not _titled_below(content, index + 1):
            return [(nxt, line)]
    return []


def _titled_below(content: list[Line], index: int) -> bool:
    """Whether the name at `index` has its own title below it (not the next name's title
    above that name): then it belongs to the block's name-over-title pairs."""
    below = content[index + 1 : index + 3]
    return bool(below) and _title_text(below[0]) and not (len(below) > 1 and is_name(below[1]))


# a sentence's end with no space, then a name ending the line
_GLUED_NAME = re.compile(r"[a-zåäö][.!?]([A-ZÅÄÖ][a-zåäöé-]+(?: [A-ZÅÄÖ][a-zåäöé-]+){1,2})\s*$")

_BARE_HEADS = frozenset({"chef", "tf chef", "t.f. chef", "biträdande chef"})


def _unglued(line: Line) -> list[Line]:
    """'… i kommunen.Peter Lagerström': a name glued to the sentence before it when the page
    was scraped stands on its own line."""
    glued = _GLUED_NAME.search(line.text)
    if not glued:
        return [line]
    cut = glued.start(1)
    return [
        Line(line.start, line.start + cut, line.text[:cut]),
        Line(line.start + cut, line.end, line.text[cut:]),
    ]


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= EXTRACT.capitals_line_letters and all(c.isupper() for c in letters)


def _short_title(text: str) -> bool:
    return _is_title_text(text) and not text.rstrip().endswith((".", "!", "?"))


def _cased(lines: list[Line]) -> list[Line]:
    """'ANNA-KARIN BOIJE' over 'LOKALPOLISOMRÅDESCHEF', a block set in capitals, in the case
    the name and title rules read: names word by word capitalised, titles as a sentence.

    A line in capitals is read so only beside another one or a short title: a heading in
    capitals ('VI LOVAR') over a sentence is no name.
    """
    out = []
    for index, line in enumerate(lines):
        if not _in_capitals(line.text) or len(line.text.split()) > EXTRACT.capitals_line_words:
            out.append(line)
            continue
        near = [lines[i].text for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if not any(_in_capitals(n) or _short_title(n) for n in near):
            out.append(line)
            continue
        titled = line.text.title()
        cased = line.text.capitalize() if _is_title_text(titled) else titled
        # lengths kept, so every offset still points into the text
        out.append(Line(line.start, line.end, cased) if len(cased) == len(line.text) else line)
    return out


def _from_blocks(text: str, start: int, end: int) -> list[SignatoryMention]:
    content = [
        part
        for line in _cased([li for li in body_lines(text, start, end) if re.search(r"\w", li.text)])
        for part in _unglued(line)
    ]
    found = []
    used: set[int] = set()
    for index in range(len(content)):
        if index in used or _contact_near(content, index):
            continue
        pairs = _block_pairs(content, index, used)
        if not pairs:
            under = _under_organisation(content, index) or _after_place_date(content, index)
            if under is not None:
                found.append(under)
                used.update((index, index + 1))
            continue
        here = content[index]
        inline = len(pairs) == 1 and all(
            here.start <= part.start and part.end <= here.end for part in pairs[0]
        )
        width = 1 if inline else 2
        stacked = content[index + width] if index + width < len(content) else None
        organisation = _organisation_line(stacked) if stacked else None
        for name_line, title_line in pairs:
            name = re.sub(PARTY + "$", "", name_line.text).strip()
            full = ocr_title(title_line.text.strip().rstrip(","))
            # 'Kommundirektör, Växjö kommun': the title, then its organisation.
            title = re.split(r"[,|]", full)[0].strip()
            if title.lower().rstrip(".") in _BARE_HEADS:
                title = full  # 'Chef, lokalpolisområde Norrmalm': a bare head needs its unit
            org = organisation_of(full)
            if organisation and (org == "annan" or len(pairs) == 1):
                org = organisation
            found.append(
                SignatoryMention(
                    name,
                    title,
                    org,
                    name_line.start,
                    name_line.start + len(name),
                    "signatories.signature_block",
                )
            )
        used.update(range(index, index + width + (1 if organisation else 0)))
    return found


def _organised_name(content: list[Line], index: int) -> str | None:
    """The organisation of an 'organisation line over a name' pair starting at `index`."""
    if index < 0 or index + 1 >= len(content) or not is_name(content[index + 1]):
        return None
    return _organisation_line(content[index])


def _under_organisation(content: list[Line], index: int) -> SignatoryMention | None:
    """A name under its organisation ('Lokalpolisområde Ängelholm' over 'Christian Nordin'),
    as a block does it for each party: one such pair alone is a contact, not a signature."""
    organisation = _organised_name(content, index)
    partner = _organised_name(content, index + 2) or _organised_name(content, index - 2)
    if organisation is None or partner is None:
        return None
    line = content[index + 1]
    name = re.sub(PARTY + "$", "", line.text).strip()
    return SignatoryMention(
        name, None, organisation, line.start, line.start + len(name), "signatories.signature_block"
    )


# 'Emmaboda 2016-12-12', 'Kumla den 3 juli 2017': the place and day of the signing.
_PLACE_DATE = re.compile(
    r"[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?,?\s+(?:den\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]+\s+\d{4})\s*"
)


def _after_place_date(content: list[Line], index: int) -> SignatoryMention | None:
    """A name right below the signing's place and date, at the foot of the promise: its
    signer, even when the page was cut before the title ('Emmaboda 2016-12-12' / 'Malena
    Grann')."""
    if index == 0 or not _PLACE_DATE.fullmatch(content[index - 1].text.strip()):
        return None
    line = content[index]
    below = content[index + 1] if index + 1 < len(content) else None
    # a name with more text below it than a title is no signature; a footer's 'Kontakta oss'
    # below it is the page's end
    if not is_name(line) or below and not (_title_text(below) or _contact_line(below)):
        return None
    name = re.sub(PARTY + "$", "", line.text).strip()
    return SignatoryMention(
        name, None, "annan", line.start, line.start + len(name), "signatories.signature_block"
    )


def block_signers(text: str, start: int, end: int) -> list[SignatoryMention]:
    """Signers set out in a signature block (name over title), not named in prose."""
    return _from_blocks(text, start, end)
