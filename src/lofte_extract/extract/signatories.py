"""People who sign a promise: signature blocks, and signing sentences in news."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analysed import Line, body_lines, sentences
from .meta_vocab import kommun_by_form
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["SignatoryMention", "block_signers", "find_signers", "organisation_of", "split_columns"]

_TOKEN = r"[A-ZÅÄÖÉÜ][a-zåäöéèüáíóñ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüáíóñ]+)?"
_INITIAL = r"[A-ZÅÄÖ]\.?"
_PARTY = r"(?:\s*\((?:[A-ZÅÄÖ]{1,3}|[A-ZÅÄÖ][a-zåäö]{1,3})\))"


@dataclass(frozen=True)
class SignatoryMention:
    """A signer read from the text; `start:end` covers the name."""

    name: str
    title: str | None
    organisation: str
    start: int
    end: int
    rule: str = "signatories.signing_sentence"  # or signatories.signature_block


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    particles = "|".join(load_vocab("meta_places")["particles"])
    middle = rf"(?:{_TOKEN}|{_INITIAL}|(?:{particles}))"
    return re.compile(rf"(?<![\w-]){_TOKEN}(?:[ ]{middle}){{0,2}}[ ]{_TOKEN}(?![\w-])")


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    vocab = load_vocab("titles")
    heads = sorted(vocab["heads"], key=len, reverse=True)
    prefixes = sorted(vocab["prefixes"], key=len, reverse=True)
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    prefix = "|".join(map(re.escape, prefixes))
    # Any compound on a title ending ('lokapolisområdeschef', 'kommunikationsdirektör') is a
    # title too, whatever its first part (and however it is misspelt).
    endings = "|".join(map(re.escape, vocab["compound_endings"]))
    return re.compile(
        rf"(?i)(?<![\w])(?:(?:{prefix})\s*)?(?:{head}|[a-zåäö]{{3,}}(?:{endings}))(?![\wåäö])"
    )


def organisation_of(title: str | None) -> str:
    """polisen, kommun or annan, from the words of a title."""
    if not title:
        return "annan"
    vocab = load_vocab("titles")
    lower = title.lower()
    if any(word in lower for word in vocab["polisen"]):
        return "polisen"
    if any(word in lower for word in vocab["kommun"]):
        return "kommun"
    return "annan"


def _stopped(name: str) -> bool:
    stop = set(load_vocab("meta_places")["name_stopwords"])
    tokens = name.split()
    if any(t in stop or t.rstrip("s") in stop for t in tokens):
        return True
    last = kommun_by_form().get(tokens[-1]) if tokens else None
    if last and not last.ambiguous:
        return True  # 'Trygga Eskilstuna': a place last, not a surname (Lund, Berg may be)
    return bool(_title_pattern().search(name))


def _names(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _name_pattern().finditer(text, start, end):
        name = m.group()
        tokens = name.split()
        # 'Kommunstyrelsens ordförande Niklas Jonsson': drop leading stop tokens.
        while tokens and _stopped(tokens[0] + " X"):
            name = name[len(tokens[0]) + 1 :]
            tokens = tokens[1:]
        begin = m.end() - len(name)
        if len(tokens) > 2 and _after_direction_word(text, begin):
            name = name[len(tokens[0]) + 1 :]  # 'södra Lappland Daniel Westerberg'
            tokens = tokens[1:]
            begin = m.end() - len(name)
        if len(tokens) < 2 or _stopped(name):
            continue
        out.append((name, begin, m.end()))
    return out


def _after_direction_word(text: str, start: int) -> bool:
    """Whether a direction word ('södra', 'norra') stands right before `start`: the next
    capitalised word names a region, not a person."""
    prefixes = load_vocab("meta_places")["lpo_area_prefixes"]
    before = text[max(0, start - EXTRACT.direction_window_chars) : start].lower().split()
    return bool(before) and before[-1] in prefixes


def _title_after(text: str, end: int, limit: int) -> str | None:
    after = text[end:limit]
    # 'Anna Berg (S), kommunstyrelsens ordförande' or, without the comma, 'Göran Dahlström
    # kommunstyrelsens ordförande och …': the title follows the name directly.
    m = re.match(_PARTY + r"?\s*,?\s*", after)
    if not m:
        return None
    rest = after[m.end() :]
    head = _title_pattern().match(rest)
    if not head:
        return None
    stop = _TITLE_STOP.search(rest[head.end() :])
    title = rest[: head.end() + stop.start() if stop else len(rest)].strip()
    if _names(title, head.end(), len(title)):
        return None  # 'X, kommunchef Emma Gröndahl': the next person's title, not X's

    words = title.split()
    return " ".join(words[: EXTRACT.title_words]) if words else None


# A title ends at a comma, a conjunction, a verb of the sentence ('signerar medborgarlöftet'),
# an article starting the object ('ett medborgarlöfte för 2021'), a bracket or the sentence end.
_TITLE_STOP = re.compile(
    r",|\s+och\s+|\s+samt\s+|\s+(?:sätter|satte|skriver|skrev|har|undertecknar|undertecknade"
    r"|signerar|signerade|tecknar|tecknade|lovar|ska|skall|kommer|är|var|ett|en|det|den)\b"
    r"|\(|\.\s|\.$|\n"
)


def _title_before(text: str, start: int, floor: int) -> str | None:
    # OCR's 'rn' for 'm' mended first: 'Kornmunstyrelsens ordförande Anna Berg'
    before = re.sub(
        r"rn(?=[a-zåäö])", "m", text[max(floor, start - EXTRACT.title_before_chars) : start]
    )
    best = None
    for m in _title_pattern().finditer(before):
        tail = before[m.end() :]
        if re.fullmatch(_PARTY + r"?\s*,?\s*", tail):
            best = m.group()
    return best.strip() if best else None


def _signing_sentence(sentence: str) -> bool:
    places = load_vocab("meta_places")
    lower = sentence.lower()
    if any(cue in lower for cue in places["signing_cues"]):
        return True
    verbs = "|".join(places["signing_split_verbs"])
    return bool(re.search(rf"\b(?:{verbs})\b.*\bunder\b", lower))


def _title_elsewhere(text: str, name: str) -> str | None:
    for m in re.finditer(re.escape(name), text):
        title = _title_after(text, m.end(), min(len(text), m.end() + EXTRACT.title_after_chars))
        if title:
            return title
        title = _title_before(text, m.start(), 0)
        if title:
            return title
    return None


def _from_sentences(text: str, start: int, end: int) -> list[SignatoryMention]:
    found = []
    for sentence in sentences(text, start, end, line_ends=True):
        if not _signing_sentence(sentence.text):
            continue
        # 'undertecknades av X och Y i närvaro av Z': Z did not sign
        witnesses = load_vocab("meta_places")["not_signer_after"]
        lower = sentence.text.lower()
        cut = min((lower.find(w) for w in witnesses if w in lower), default=len(lower))
        for name, begin, finish in _names(text, sentence.start, sentence.start + cut):
            title = (
                _title_after(text, finish, sentence.end + 1)
                or _title_before(text, begin, sentence.start)
                or _title_elsewhere(text, name)
            )
            found.append(SignatoryMention(name, title, organisation_of(title), begin, finish))
    return found


def split_columns(line: Line) -> list[Line]:
    """Side-by-side columns of a signature line (three or more spaces or a tab apart)."""
    parts = []
    for m in re.finditer(r"\S+(?:[ ]{1,2}\S+)*", line.text):
        parts.append(Line(line.start + m.start(), line.start + m.end(), m.group()))
    return parts


def _is_name(line: Line) -> bool:
    text = re.sub(_PARTY + "$", "", line.text).strip()
    m = _name_pattern().fullmatch(text)
    return bool(m) and not _stopped(text)


def _ocr_title(title: str) -> str:
    """'Kornmunstyrelsens ordförande' (OCR 'rn' for 'm') back to the title it reads as."""
    if "rn" not in title:
        return title
    mended = re.sub(r"rn(?=[a-zåäö])", "m", title)
    head, mended_head = _title_pattern().match(title), _title_pattern().match(mended)
    if mended_head and (not head or mended_head.end() > head.end() or _listed(mended_head, head)):
        return mended
    return title


def _listed(mended: re.Match, raw: re.Match) -> bool:
    # 'Lokalpolisornrådeschef' reads as a compound title too; the mended one is a listed head.
    heads = {h.lower() for h in load_vocab("titles")["heads"]}
    return mended.group().lower() in heads and raw.group().lower() not in heads


def _title_text(line: Line) -> bool:
    return _is_title_text(line.text)


# Kept per line text: a signature block's every line is asked about as each neighbour's pair.
@lru_cache(maxsize=16384)
def _is_title_text(line: str) -> bool:
    text = _ocr_title(line.strip())
    head = _title_pattern().search(text)
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
        if re.fullmatch(_INITIAL, tokens[cut].group()):
            continue
        a = Line(line.start, line.start + len(first), first)
        b = Line(line.start + tokens[cut].start(), line.end, second)
        if _is_name(a) and _is_name(b):
            return [a, b]
    return None


def _contact_line(line: Line) -> bool:
    lower = line.text.lower()
    cues = load_vocab("meta_places")["contact_cues"]
    if lower.startswith(tuple(cues)):
        return True
    phone = re.search(r"\d{2,4}[- ]\d{2,3}\s?\d{2}\s?\d{2}|@", line.text)
    return bool(phone) and len(line.text) <= EXTRACT.contact_line_chars


def _phone_line(line: Line) -> bool:
    cues = tuple(load_vocab("meta_places")["contact_detail_cues"])
    if line.text.lower().startswith(cues):
        return True
    return bool(re.search(r"\d{2,4}[- ]\d{2,3}\s?\d{2}\s?\d{2}|@", line.text))


def _contact_near(content: list[Line], index: int) -> bool:
    # A contact box ('Kontakt', name, title, phone) looks like a signature; its heading comes
    # just before the name, its phone or e-mail just after the title. A 'Kontakta oss' link
    # after a signature block says nothing about the names above it.
    before = index > 0 and _contact_line(content[index - 1])
    after = any(
        i < len(content)
        and _phone_line(content[i])
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
        rest = re.match(_PARTY + r"?\s*[,|]?\s*", line.text[name_end:])
        offset = name_end + (rest.end() if rest else 0)
        title_text = line.text[offset:].strip()
        if not _title_pattern().match(title_text):
            continue
        name = Line(line.start, line.start + name_end, line.text[:name_end])
        title = Line(line.start + offset, line.start + offset + len(title_text), title_text)
        if _is_name(name) and _title_text(title):
            return name, title
    return None


def _organisation_line(line: Line) -> str | None:
    # 'Polisen', 'Polismyndigheten', 'Eslövs kommun' stacked under a title
    text = line.text.strip()
    if re.fullmatch(r"(?i)(?:polisen|polismyndigheten|(?:lokal)?polisområde [\w /-]+)", text):
        return "polisen"
    if re.fullmatch(r"[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)? (?:kommun|stad)", text):
        return "kommun"
    return None


@lru_cache(maxsize=16384)
def _column_starts(text: str) -> tuple[int, ...]:
    heads = list(_title_pattern().finditer(text))
    # 'Kommunstyrelsens ordförande Lokalpolisområdeschef Hallsberg': heads start columns.
    return tuple(h.start() for i, h in enumerate(heads) if i == 0 or h.start() > heads[i - 1].end())


def _block_pairs(content: list[Line], index: int, used: set[int]) -> list[tuple[Line, Line]]:
    line, nxt = content[index], content[index + 1] if index + 1 < len(content) else None
    inline = _inline_pair(line)
    # A lone 'Name, title' line is a caption; signers on such lines come at least two together.
    neighbours = [content[i] for i in (index - 1, index + 1) if 0 <= i < len(content)]
    if inline and any(_inline_pair(n) or _is_name(n) or _title_text(n) for n in neighbours):
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
        all(_is_name(n) for n in names)
        and len(titles) == len(names)
        and all(_title_text(t) for t in titles)
    ):
        return list(zip(names, titles, strict=True))
    previous_free_name = index > 0 and index - 1 not in used and _is_name(content[index - 1])
    if _title_text(line) and not previous_free_name:
        # Titles over names: 'Kommunstyrelsens ordförande Lokalpolisområdeschef' over
        # 'Anna Berg Per Ek' once a PDF has closed the gap between the columns.
        heads = _split_title_line(line)
        under = split_columns(nxt)
        if len(heads) > 1 and len(under) != len(heads):
            under = _split_names(nxt, len(heads)) or under
        if len(heads) > 1 and len(under) == len(heads) and all(_is_name(n) for n in under):
            return list(zip(under, heads, strict=True))
        if _is_name(nxt):
            return [(nxt, line)]
    return []


def _from_blocks(text: str, start: int, end: int) -> list[SignatoryMention]:
    content = [line for line in body_lines(text, start, end) if re.search(r"\w", line.text)]
    found = []
    used: set[int] = set()
    for index in range(len(content)):
        if index in used or _contact_near(content, index):
            continue
        pairs = _block_pairs(content, index, used)
        if not pairs:
            continue
        here = content[index]
        inline = len(pairs) == 1 and all(
            here.start <= part.start and part.end <= here.end for part in pairs[0]
        )
        width = 1 if inline else 2
        stacked = content[index + width] if index + width < len(content) else None
        organisation = _organisation_line(stacked) if stacked else None
        for name_line, title_line in pairs:
            name = re.sub(_PARTY + "$", "", name_line.text).strip()
            full = _ocr_title(title_line.text.strip().rstrip(","))
            # 'Kommundirektör, Växjö kommun': the title, then its organisation.
            title = re.split(r"[,|]", full)[0].strip()
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


def block_signers(text: str, start: int, end: int) -> list[SignatoryMention]:
    """Signers set out in a signature block (name over title), not named in prose."""
    return _from_blocks(text, start, end)


def find_signers(text: str, start: int, end: int) -> list[SignatoryMention]:
    """Signers of the promise in `text[start:end]`, signature blocks first, one per name."""
    found = _from_blocks(text, start, end) + _from_sentences(text, start, end)
    seen: dict[str, SignatoryMention] = {}
    for mention in found:
        key = " ".join(mention.name.lower().split())
        if key not in seen or (seen[key].title is None and mention.title):
            seen[key] = mention
    return list(seen.values())
