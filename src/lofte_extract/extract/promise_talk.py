"""Sentences about the promise rather than promises made: what a medborgarlöfte is, a
reference to this one's content, an aim a party holds."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysed import sentences, words
from .cues import WORKS_TOWARDS, has_modal, names_an_activity, party_after_modal
from .settings import EXTRACT
from .spelling import respelled
from .vocab import load_vocab

__all__ = [
    "defines_the_promise",
    "holds_as_aim",
    "is_meta_statement",
    "names_commitment",
    "not_commitment_opener",
    "points_back",
    "promises_something_unspecified",
    "residents_wish",
]


# 'Ett av löftena är att …', 'Ett av kommunens fyra medborgarlöften för 2023-2024 är att …'
_ONE_OF_THE_PROMISES = re.compile(
    r"\b(?:ett|ett annat|ytterligare ett) av (?:\S+ ){0,3}?(?:medborgar)?löften(?:a)? "
    r"(?:\S+ ){0,3}?(?:är|gäller|handlar om|innebär)\b"
    # 'Ett av årets löften är dock nytt' says what the promise is like, not what it holds
    r"(?! (?:dock |också |även )?(?:nytt|ny|nya|kvar|oförändrat|detsamma|samma)\b)"
    # 'Att besöka åttondeklasserna är ett av polisens medborgarlöften', 'Att förhindra
    # missbruk bland unga hör till de medborgarlöften som …': the deed named first
    r"|^att (?:\S+ ){1,12}?(?:(?:är|var) (?:ett|en) (?:\S+ )?av|hör till) (?:\S+ ){0,3}?"
    r"(?:medborgar)?löften(?:a)?\b"
    # 'Löftet är att vi ska koncentrera oss på …', 'Årets löfte är att …' (not 'Syftet med
    # löftet är att …': an aim)
    r"|^(?:(?:årets|det|den|nya|vårt|våra|vårens|höstens) ){0,2}(?:medborgar)?löfte(?:t|na)? "
    r"(?:är|blir) att "
    # 'Bland polisens löften 2021 finns att …'
    r"|^bland (?:\S+ ){0,2}?"
    r"(?:(?:medborgar)?löften|aktiviteter|insatser|åtgärder|satsningar)(?:na)? "
    r"(?:\S+ ){0,3}?(?:finns|märks|ingår)\b"
    # 'I polisens och Dals-Eds kommuns medborgarlöfte ingår …', 'I årets medborgarlöfte från
    # polis, kommun och bostadsbolag ingår …'
    r"|^i (?:\S+ ){1,8}?(?:medborgar)?löfte(?:t|n|na)? (?:\S+ ){0,6}?ingår\b"
)


# 'I praktiken betyder medborgarlöftet att …', 'Kort sagt betyder det att …': the promise's
# content summed up; a bare 'Det betyder att …' explains whatever came before
_SUMS_UP = re.compile(
    r"^(?:i praktiken|rent konkret|konkret|sammanfattningsvis|kort sagt|i stora drag) betyder "
    r"(?:det|detta|(?:medborgar)?löfte(?:t|na)?) (?:\S+ ){0,2}?att "
)


@lru_cache(maxsize=1)
def _ordinal_part() -> re.Pattern[str]:
    """'Det första gällde att …', 'Den andra delen av vårt medborgarlöfte gäller att …': one
    part of the promise in turn ('Ett annat önskemål var att …' is no part of it)."""
    ordinals = "|".join(load_vocab("numbers")["ordinals"])
    return re.compile(
        rf"^(?:den|det) (?:{ordinals}) (?:\S+ ){{0,6}}?"
        r"(?:gäller|gällde|är|var|handlar om|handlade om) att "
    )


# 'Skoterkontrollerna är ett medborgarlöfte i kommunen', 'Besöken är en del av löftet': a
# deed, named by its noun, said to be (one of) the promise(s)
_DEED_IS_A_PROMISE = re.compile(
    r"^((?:\S+ ){0,3}?\S+) (?:är|var|blir) (?:ett|en) (?:\S+ )?(?:av |del av )?(?:\S+ ){0,2}?"
    r"(?:medborgar)?löfte(?:t|n|na)?\b"
)


def names_commitment(text: str) -> bool:
    """Refers to the promise's content: 'Enligt löftet ska ...', 'Det tredje löftet gäller ...',
    'Ett av löftena är att …', 'I praktiken betyder medborgarlöftet att polisen …'."""
    lowered = " ".join(words(text))
    if _ONE_OF_THE_PROMISES.search(lowered) or _SUMS_UP.match(lowered):
        return True
    deed = _DEED_IS_A_PROMISE.match(lowered)
    if deed and names_an_activity(deed[1].split()) and "löfte" not in deed[1]:
        return True
    if _ordinal_part().match(lowered):
        return True  # 'Det första gällde att prioritera …', 'Den andra delen … gäller att …'
    return any(marker in lowered for marker in load_vocab("content_verbs")["commitment_markers"])


def is_meta_statement(text: str) -> bool:
    """The promise as subject, said to aim or rest on something: 'Medborgarlöftet ska höja
    tryggheten', 'Löftena bygger på …'. 'Löftet innebär att …' states the content instead."""
    lowered = respelled(" ".join(text.lower().split()))
    verbs = load_vocab("content_verbs")
    if names_commitment(text) or not re.match(verbs["meta_subject_pattern"], lowered):
        return False
    if party_after_modal(text):
        return False  # 'Under den tid medborgarlöftet gäller ska polis och kommun genomföra …'
    return any(f" {verb} " in f" {lowered} " for verb in verbs["describing_verbs"])


# 'Medborgarlöften ska bidra till …', 'Medborgarlöfte är en modell vars syfte …' (the bare
# form: the concept), 'Medborgarlöftet är en överenskommelse där …' (a definition)
_DEFINES_PROMISE = re.compile(
    r"^(?:ett\s+)?(?:medborgar)?löften?(?![\wåäö])"
    r"|^(?:ett\s+|det\s+)?(?:medborgar)?löfte(?:t|n|na)?\s+är\s+(?:en|ett)\s"
)


# 'Ett lokalt medborgarlöfte innebär att …', 'Med ett medborgarlöfte åtar sig …': any promise
_ANY_PROMISE = re.compile(r"^(?:med\s+)?ett\s+(?:[\wåäö]+t\s+)?(?:medborgar)?löfte\s")


def defines_the_promise(text: str) -> bool:
    """What a medborgarlöfte is in general, not what this one aims at: 'Ett medborgarlöfte
    är …', 'Med ett medborgarlöfte åtar sig …', '… åtar sig något gentemot invånarna'."""
    lowered = " ".join(text.lower().split())
    return bool(
        _DEFINES_PROMISE.match(lowered)
        or _ANY_PROMISE.match(lowered)
        or promises_something_unspecified(text)
    )


def promises_something_unspecified(text: str) -> bool:
    """A promise of something unnamed ('åtar sig något gentemot invånarna', 'lovar varje år
    att satsa på några särskilda frågor'): how promises work, not this one's content."""
    lowered = " ".join(text.lower().split())
    return bool(re.search(load_vocab("content_verbs")["unspecified_promise_pattern"], lowered))


@lru_cache(maxsize=1)
def _residents_wish() -> re.Pattern[str]:
    verbs = load_vocab("content_verbs")
    who = "|".join(verbs["residents"])
    wish = "|".join(verbs["residents_wish_verbs"])
    return re.compile(
        rf"\b(?:{who})\s+(?:\S+\s+){{0,2}}?(?:har\s+)?(?:{wish})\s+(?:\S+\s+){{0,2}}?att\b"
        rf"|\b(?:{wish})\s+(?:{who})\s+(?:\S+\s+){{0,2}}?att\b"
    )


def residents_wish(text: str) -> bool:
    """What residents want, told ('Enligt medborgardialogen vill medborgarna att polisen ska
    synas mer'): the ground a promise answers, not a promise."""
    return bool(_residents_wish().search(" ".join(text.lower().split())))


def points_back(text: str) -> bool:
    """Points back to the sentence before as the promise: 'Så lyder några av punkterna i
    medborgarlöftet', 'Det är exempel på vad polisen och kommunen utlovar' (not 'Så lyder
    förhoppningen med löftena': a hope, nor 'Så lyder facit …': a result)."""
    lowered = " ".join(words(text))
    verbs = load_vocab("content_verbs")
    opener = next((o for o in verbs["pointer_openers"] if lowered.startswith(o + " ")), None)
    if opener is None or not re.search(verbs["pointer_promise_pattern"], lowered):
        return False
    named = lowered[len(opener) :].split()[: EXTRACT.pointer_noun_words]
    return not any(w.startswith(tuple(verbs["pointer_not_promise"])) for w in named)


def not_commitment_opener(text: str) -> bool:
    """Opens like a description of the promise rather than a promise."""
    lowered = respelled(" ".join(words(text)))
    if names_commitment(text):  # "Löftet innebär att polisen ska ..." states the promise
        return False
    if _ANY_PROMISE.match(lowered):
        return True  # what a medborgarlöfte is, said of an indefinite one
    if any(
        f" {w} " in f" {' '.join(lowered.split()[: EXTRACT.defining_words])} "
        for w in load_vocab("content_verbs")["defining"]
    ):
        return True
    return any(lowered.startswith(o) for o in load_vocab("content_verbs")["not_commitment_openers"])


# 'Polisen har som övergripande mål att brottsligheten ska minska', 'Vi har också som
# målsättning att …': an aim the party holds, told, not a deed promised
_HAS_AS_AIM = re.compile(
    r"^(?:\S+\s+){1,5}?har\s+(?:\S+\s+)?som\s+(?:\S+\s+)?"
    r"(?:mål|målsättning|ambition|syfte|uppgift)\s+att\s"
)


def holds_as_aim(text: str) -> bool:
    """An outcome or a soft aim a party holds, told: 'Polisen har som övergripande mål att
    brottsligheten ska minska', '… har som målsättning att aktivt verka för …'; not a deed
    ('Polisen har som mål att lagföra minst fem personer')."""
    first = sentences(text, line_ends=False)[:1]
    lowered = " ".join(words(first[0].text)) if first else ""
    aim = _HAS_AS_AIM.match(lowered)
    if not aim:
        return False
    rest = lowered[aim.end() :]
    return has_modal(rest) or bool(WORKS_TOWARDS.search(rest))
