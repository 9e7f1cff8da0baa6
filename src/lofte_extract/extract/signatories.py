"""People who sign a promise: signature blocks, and signing sentences in news."""

from __future__ import annotations

import re

from .analysed import Line, sentences
from .meta_vocab import says_signed
from .person_names import (
    PARTY,
    SignatoryMention,
    names_in,
    organisation_of,
    title_pattern,
)
from .settings import EXTRACT
from .signature_blocks import block_signers
from .vocab import load_vocab

__all__ = ["SignatoryMention", "block_signers", "find_signers", "organisation_of"]


def _title_after(text: str, end: int, limit: int) -> str | None:
    after = text[end:limit]
    # 'Anna Berg (S), kommunstyrelsens ordförande' or, without the comma, 'Göran Dahlström
    # kommunstyrelsens ordförande och …': the title follows the name directly.
    # 'Katarina Hansson; kommunstyrelsens …', 'Mats Scherp - Lokalpolisområdeschef'
    # 'Marith Hesse, (M), kommunstyrelsens ordförande': the party between two commas
    # 'Fredrik Hansson (S)(vice ordförande för kommunstyrelsen)': the title in brackets
    m = re.match(r"(?:\s*,(?=\s*\())?" + PARTY + r"?(?:\s*[,;(]|\s+[-–—])?\s*", after)
    if not m:
        return None
    rest = after[m.end() :]
    head = title_pattern().match(rest)
    if not head:
        return None
    stop = _TITLE_STOP.search(rest[head.end() :])
    title = rest[: head.end() + stop.start() if stop else len(rest)].strip()
    # a head ending in its preposition ('ordförande för') goes on to what it heads
    if not _TITLE_COMPLEMENT.match(title[head.end() :]) and not head.group().endswith(" för"):
        title = title[: head.end()]  # 'Lokalpolisområdeschef går igenom löftet': a verb follows
    if names_in(title, head.end(), len(title)):
        return None  # 'X, kommunchef Emma Gröndahl': the next person's title, not X's

    words = title.split()
    return " ".join(words[: EXTRACT.title_words]) if words else None


# A title ends at a comma, a conjunction, a verb of the sentence ('signerar medborgarlöftet'),
# a split verb's particle ('skrev … under det förnyade medborgarlöftet'),
# an article starting the object ('ett medborgarlöfte för 2021'), a relative 'som', a bracket or
# the sentence end.
_TITLE_STOP = re.compile(
    r",|\s+och\s+|\s+samt\s+|\s+(?:sätter|satte|skriver|skrev|har|undertecknar|undertecknade"
    r"|signerar|signerade|tecknar|tecknade|lovar|ska|skall|kommer|är|var|ett|en|det|den|som)\b"
    r"|\(|\)|\.\s|\.$|\n"
    # the particle of a split verb: 'skrev X, kommunstyrelsens ordförande, under det …'
    r"|\s+(?:under|på)(?=\s+(?:det|ett|den|de|medborgarlöft|avtal|överenskommels)\w*\b)"
)


# What may follow a title's head: its place ('för södra Lappland', 'i Linköping', 'Norrmalm').
_TITLE_COMPLEMENT = re.compile(r"$|\s+(?:för|i|vid|inom|på|med|[A-ZÅÄÖ0-9])")


def _title_before(text: str, start: int, floor: int) -> str | None:
    # OCR's 'rn' for 'm' mended first: 'Kornmunstyrelsens ordförande Anna Berg'
    before = re.sub(
        r"rn(?=[a-zåäö])", "m", text[max(floor, start - EXTRACT.title_before_chars) : start]
    )
    best = None
    for m in title_pattern().finditer(before):
        tail = before[m.end() :]
        # 'Kommunstyrelsens ordförande i Mariestad, Johan Abrahamsson': the title's place too
        place = _TITLE_PLACE.match(tail)
        if re.fullmatch(PARTY + r"?\s*[,;]?\s*", tail[place.end() :] if place else tail):
            best = m.group() + (place.group() if place else "")
    return best.strip() if best else None


# A title's place: 'ordförande i Mariestad, …' before a comma, or right before the name
# ('lokalpolisområdeschef Norrköping Peter Wahlberg')
_TITLE_PLACE = re.compile(r"\s+(?:(?:i|för)\s+)?[A-ZÅÄÖ][\wåäö-]+(?=\s*[,;]|\s*$)")


def _title_elsewhere(text: str, name: str) -> str | None:
    for m in re.finditer(re.escape(name), text):
        title = _title_after(text, m.end(), min(len(text), m.end() + EXTRACT.title_after_chars))
        if title:
            return title
        title = _title_before(text, m.start(), 0)
        if title:
            return title
    return None


_SUBORDINATE = ("när ", "efter att ", "sedan ", "innan ", "då ")


def _from_sentences(text: str, start: int, end: int) -> list[SignatoryMention]:
    found = []
    all_sentences = sentences(text, start, end, line_ends=True)
    for index, sentence in enumerate(all_sentences):
        if not says_signed(sentence.text):
            continue
        named = _signers_named(text, sentence)
        # 'När dokumenten var undertecknade gick …': the signing is background to another event
        backgrounded = sentence.text.lower().startswith(_SUBORDINATE)
        if not named and not backgrounded and index + 1 < len(all_sentences):
            named = _captioned(text, all_sentences[index + 1])
        found.extend(named)
    return found


def _signers_named(text: str, sentence: Line) -> list[SignatoryMention]:
    """The people a signing sentence names, up to a witness cue."""
    # 'undertecknades av X och Y i närvaro av Z': Z did not sign
    witnesses = load_vocab("meta_places")["not_signer_after"]
    lower = sentence.text.lower()
    cut = min((lower.find(w) for w in witnesses if w in lower), default=len(lower))
    found = []
    for name, begin, finish in names_in(text, sentence.start, sentence.start + cut):
        title = (
            _title_after(text, finish, sentence.end + 1)
            or _title_before(text, begin, sentence.start)
            or _title_elsewhere(text, name)
        )
        found.append(SignatoryMention(name, title, organisation_of(title), begin, finish))
    return found


def _captioned(text: str, sentence: Line) -> list[SignatoryMention]:
    """The people of a caption ('Från vänster X, Y') after a signing sentence naming none."""
    starts = tuple(load_vocab("meta_places")["caption_starts"])
    return _signers_named(text, sentence) if sentence.text.lower().startswith(starts) else []


def find_signers(text: str, start: int, end: int) -> list[SignatoryMention]:
    """Signers of the promise in `text[start:end]`, signature blocks first, one per name."""
    found = block_signers(text, start, end) + _from_sentences(text, start, end)
    seen: dict[str, SignatoryMention] = {}
    for mention in found:
        key = " ".join(mention.name.lower().split())
        if key not in seen or (seen[key].title is None and mention.title):
            seen[key] = mention
    return list(seen.values())
