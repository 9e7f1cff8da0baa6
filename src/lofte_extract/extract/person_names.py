"""Person names and titles as signers write them: 'Anna Berg (S), kommunstyrelsens ordförande'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analysed import Line
from .meta_vocab import KOMMUN_WORD, kommun_by_form
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "INITIAL",
    "PARTY",
    "SignatoryMention",
    "is_name",
    "is_stopped",
    "name_pattern",
    "names_in",
    "ocr_title",
    "organisation_of",
    "title_pattern",
]

_TOKEN = r"[A-ZÅÄÖÉÜ][a-zåäöéèüáíóñ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüáíóñ]+)?"
INITIAL = r"[A-ZÅÄÖ]\.?"
PARTY = r"(?:\s*\((?:[A-ZÅÄÖ]{1,3}|[A-ZÅÄÖ][a-zåäö]{1,3})\))"


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
def name_pattern() -> re.Pattern:
    """Two to four capitalised words, initials and particles between: a person's name."""
    particles = "|".join(load_vocab("meta_places")["particles"])
    middle = rf"(?:{_TOKEN}|{INITIAL}|(?:{particles}))"
    return re.compile(rf"(?<![\w-]){_TOKEN}(?:[ ]{middle}){{0,2}}[ ]{_TOKEN}(?![\w-])")


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    """A title: a listed head or any compound on a title ending, with its prefix."""
    vocab = load_vocab("titles")
    heads = sorted(vocab["heads"], key=len, reverse=True)
    prefixes = sorted(vocab["prefixes"], key=len, reverse=True)
    # 'Chef, lokalpolisområde Norrmalm': a comma may part a head's words
    head = "|".join(re.escape(h).replace(r"\ ", r",?\s+") for h in heads)
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


def is_stopped(name: str) -> bool:
    """Whether capitalised words are no person: a stop word, a kommun last, a title."""
    stop = set(load_vocab("meta_places")["name_stopwords"])
    tokens = name.split()
    if any(t in stop or t.rstrip("s") in stop for t in tokens):
        return True
    if any(len(t) > EXTRACT.name_token_chars and "-" not in t for t in tokens):
        return True  # 'Kommunledningskontoret': a compound noun, no name is this long
    if tokens and _is_place(tokens[-1]):
        return True  # 'Trygga Eskilstuna': a place last, not a surname (Lund, Berg may be)
    if len(tokens) > 1 and kommun_by_form().get(name) is not None:
        return True  # 'Upplands Väsby', 'Lilla Edets': a kommun of two words, no person
    return bool(title_pattern().search(name))


def names_in(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Person names in `text[start:end]` with their offsets, leading title words dropped."""
    out = []
    for m in name_pattern().finditer(text, start, end):
        name = m.group()
        tokens = name.split()
        # 'Kommunstyrelsens ordförande Niklas Jonsson': drop leading stop tokens.
        while tokens and is_stopped(tokens[0] + " X"):
            name = name[len(tokens[0]) + 1 :]
            tokens = tokens[1:]
        begin = m.end() - len(name)
        if len(tokens) > 2 and (_after_direction_word(text, begin) or _is_place(tokens[0])):
            # 'södra Lappland Daniel Westerberg', 'lokalpolisområdeschef Norrköping Peter
            # Wahlberg': the place the title names, then the person
            name = name[len(tokens[0]) + 1 :]
            tokens = tokens[1:]
            begin = m.end() - len(name)
        while len(tokens) > 2 and title_pattern().fullmatch(tokens[-1]):
            name = name[: -len(tokens[-1]) - 1]  # 'Johan Rexhag Lokalpolisområdeschef'
            tokens = tokens[:-1]
        if (
            len(tokens) < 2
            or is_stopped(name)
            or _PLACE_BEFORE.search(text, max(0, begin - 8), begin)
            or _KOMMUN_AFTER.match(text, begin + len(name))
        ):
            continue
        out.append((name, begin, begin + len(name)))
    return out


# 'Nyheter Ales kommun', 'Lilla Edets kommun': a name right before 'kommun' is the kommun's
_KOMMUN_AFTER = re.compile(rf"\s+{KOMMUN_WORD}\b")
# 'polisområdeschef i Storgöteborg Nordost': capitalised words after 'i' name a place
_PLACE_BEFORE = re.compile(r"(?<![\w])(?:i|inom|vid)\s+$")


def _is_place(word: str) -> bool:
    """A kommun's name that is no one's first name ('Norrköping', not 'Lund' or 'Berg')."""
    entry = kommun_by_form().get(word)
    return bool(entry) and not entry.ambiguous


def _after_direction_word(text: str, start: int) -> bool:
    """Whether a direction word ('södra', 'norra') stands right before `start`: the next
    capitalised word names a region, not a person."""
    prefixes = load_vocab("meta_places")["lpo_area_prefixes"]
    before = text[max(0, start - EXTRACT.direction_window_chars) : start].lower().split()
    return bool(before) and before[-1] in prefixes


def is_name(line: Line) -> bool:
    """Whether a whole line (a party in brackets aside) is a person's name."""
    text = re.sub(PARTY + "$", "", line.text).strip()
    m = name_pattern().fullmatch(text)
    return bool(m) and not is_stopped(text)


def ocr_title(title: str) -> str:
    """'Kornmunstyrelsens ordförande' (OCR 'rn' for 'm') back to the title it reads as."""
    if "rn" not in title:
        return title
    mended = re.sub(r"rn(?=[a-zåäö])", "m", title)
    head, mended_head = title_pattern().match(title), title_pattern().match(mended)
    if mended_head and (not head or mended_head.end() > head.end() or _listed(mended_head, head)):
        return mended
    return title


def _listed(mended: re.Match, raw: re.Match) -> bool:
    # 'Lokalpolisornrådeschef' reads as a compound title too; the mended one is a listed head.
    heads = {h.lower() for h in load_vocab("titles")["heads"]}
    return mended.group().lower() in heads and raw.group().lower() not in heads
