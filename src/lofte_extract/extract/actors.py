"""Who carries out a commitment: polisen, kommun, or annan."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Actor
from .analysed import words as split_words
from .nlp import get_nlp
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "JOINT_PARTIES",
    "actor_of_token",
    "cell_actors",
    "find_actors",
    "leadin_actors",
    "mentioned_actors",
    "names_city_kommun",
    "tag_actors",
]

_ORDER: tuple[Actor, ...] = ("polisen", "kommun", "annan")
# The parties of every medborgarlöfte: polisen and the kommun.
JOINT_PARTIES: tuple[Actor, ...] = ("polisen", "kommun")
# '..., och kommunen lovade ...': a second clause with its own subject and promise verb.
_CLAUSE = re.compile(
    r"(?:,|;)\s+(?:och|samt|medan)\s+(?=(?:\w+\s+){1,3}?"
    r"(?:ska|skall|lovar|lovade|kommer|åtar|åtog)\b)",
    re.IGNORECASE,
)
_TAG = re.compile(
    r"(?:\(([^()]{2,40})\)|\b(?:[Aa]nsvarig[a]?|[Aa]nsvar|[Uu]tförare):\s*([^.;\n]{2,40}))"
    r"\s*[.;]?\s*$"
)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_vocab("content_actors")


# Kept per word: a document repeats its words, and each word walks every actor's stems.
@lru_cache(maxsize=65536)
def actor_of_token(token: str) -> Actor | None:
    """The actor a single lower-cased word names ('polisen', 'kommunen', 'lpo'), or None."""
    token = token.lower().strip(",.;:()")
    # OCR reads 'm' as 'rn' ('komrnunen', 'Polisrnyndigheten').
    if "rn" in token and not token.startswith(("polis", "kommun")):
        token = token.replace("rn", "m")
    for actor in _ORDER:
        entry = _vocab()[actor]
        if token in entry.get("exclude", []):
            continue
        if token.startswith(tuple(entry.get("exclude_prefix", []))):
            continue  # 'kommunicera' is not the kommun
        if any(token.startswith(stem) for stem in entry["prefix"] if " " not in stem):
            return actor
    return None


def mentioned_actors(text: str) -> list[Actor]:
    """Actors named anywhere in `text`, in order of first mention."""
    found: list[Actor] = []
    lowered = text.lower()
    for token in get_nlp().tokenizer(text):
        actor = actor_of_token(token.text)
        if names_city_kommun(token.text, token.nbor(-1).text if token.i > 0 else ""):
            actor = "kommun"
        if actor and actor not in found:
            found.append(actor)
    for stem in _vocab()["annan"]["prefix"]:
        if " " in stem and stem in lowered and "annan" not in found:
            found.append("annan")
    return found


def names_city_kommun(word: str, previous: str) -> bool:
    """'stad' after a city's name ('Malmö stad', 'Solna stad'): the kommun by its city's
    name; a sentence's first little word before it ('I stad och land') is no name."""
    named = len(previous) > 2 and previous[:1].isupper() and previous[1:].islower()
    return word.lower() == "stad" and named


def leadin_actors(text: str) -> list[Actor]:
    """Actors a heading or lead-in names: 'Kommunen lovar:', 'Vi ska', 'Kommunerna åtar sig:'."""
    named = mentioned_actors(text)
    if named:
        return named
    words = _vocab()["leadin_words"]
    found: list[Actor] = []
    for word in split_words(text):
        found += words.get(word, []) if word != "_doc" else []
    return _dedupe(found)


def cell_actors(text: str) -> list[Actor]:
    """Actors in an 'Ansvarig' table cell: 'Staden och polisen', 'Socialtjänsten', 'Båda'."""
    cells = _vocab()["cell_words"]
    found: list[Actor] = []
    for word in re.split(r"[\s,/&]+", text.lower()):
        word = word.strip(".;:()")
        actor = actor_of_token(word) if word else None
        mapped = cells.get(word) if word != "_doc" else None
        if actor:
            found.append(actor)
        elif mapped == "both":
            found += list(JOINT_PARTIES)
        elif mapped:
            found.append(mapped)
    return _dedupe(found)


def tag_actors(text: str) -> list[Actor]:
    """Actors from a closing tag: '(Polis)', 'Ansvarig: kommunen', or a bare trailing 'Polis'."""
    match = _TAG.search(text)
    if match:
        tag = (match.group(1) or match.group(2)).strip().lower()
        tags = _vocab()["tags"]
        if tag in tags:
            return list(tags[tag])
        words = re.split(r"\s*(?:,|och|/|&)\s*", tag)
        actors = [actor_of_token(word) for word in words]
        if words and all(actors):
            return _dedupe(actors)
    # '... otrygga. Polis' : a lone actor word after the last sentence.
    tail = re.search(r"[.!?]\s+(\w+(?:\s+och\s+\w+)?)\s*$", text)
    if tail and tail.group(1).lower() in _vocab()["tags"]:
        return list(_vocab()["tags"][tail.group(1).lower()])
    return []


def find_actors(text: str, context: list[Actor] | None = None) -> list[Actor]:
    """Actors of one commitment: tag; else subject (or the lead-in's actors) plus partners."""
    tagged = tag_actors(text)
    if tagged:
        return tagged
    vocab = _vocab()
    sentences = [
        part
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)
        for part in _CLAUSE.split(sentence)
    ]
    # Each sentence's subject: 'Kommunen ska ... . Polisen ska meddela ...'.
    subjects = [_subject_actors(_tokens(sentence)) for sentence in sentences]
    first = subjects[0] if subjects else []
    tokens = _tokens(text)
    # 'av kommunen' names an agent; 'fyra av kommunens evenemang' does not.
    by_agent = any(
        re.search(rf"\b{re.escape(marker)}\b", text.lower()) for marker in vocab["by_markers"]
    )
    if not first and not by_agent:
        both = any(token.lower() in vocab["both"] for token in tokens[: EXTRACT.both_tokens])
        first = list(context) if context else (list(JOINT_PARTIES) if both else [])
    found: list[Actor] = list(first) + [a for later in subjects[1:] for a in later]
    joined = " ".join(tokens)
    for marker in vocab["with_markers"] + vocab["by_markers"]:
        for match in re.finditer(rf"\b{re.escape(marker)}\b", joined, flags=re.IGNORECASE):
            window = joined[match.start() : match.end() + EXTRACT.marker_window_chars].split()
            skip = len(marker.split()) if marker not in ("av kommunen", "av polisen") else 1
            window = window[skip:]
            while window and window[0].lower() in vocab["representatives"]:
                window = window[1:]
            found += _actors_in(window[: EXTRACT.marker_window_words], stop_at_verb=True)
    lower_joined = joined.lower()
    for stem in vocab["annan"]["prefix"]:
        if " " in stem and stem in lower_joined and _partner_context(lower_joined, stem):
            found.append("annan")
    return _dedupe(found)


def _tokens(text: str) -> list[str]:
    return [token.text for token in get_nlp().tokenizer(text) if not token.is_space]


def _subject_actors(tokens: list[str]) -> list[Actor]:
    modals = set("ska skall lovar lovade kommer bör kan vill har är avger åtar åtog".split())
    lowered = [token.lower() for token in tokens]
    limit = min(len(tokens), EXTRACT.subject_tokens)
    cut = next((i for i in range(limit) if lowered[i] in modals), None)
    if cut is None:
        # No modal: the subject sits in the first words, also after a fronted adverb
        # ('Dessutom samverkar kommunen och polisen ...').
        return _actors_in(
            tokens[: EXTRACT.subject_no_modal_tokens], stop_at_verb=False, genitive=True
        )
    found = _actors_in(tokens[:cut], stop_at_verb=False, genitive=True)
    # Inverted order after a fronted adverbial: 'Under 2019 ska polisen genomföra ...'.
    found += _actors_in(
        tokens[cut + 1 : cut + 1 + EXTRACT.inverted_subject_tokens], stop_at_verb=True
    )
    return found


_LINKS = {"och", ",", "samt", "eller", "den", "de", "-", "–", "/"}
_PLACE = {"i", "inom", "på", "för", "till", "från", "runt", "hela"}
# A partner, not the subject: 'tillsammans med kommunen', 'samverkan mellan polis och ...'.
_PARTNER = {"med", "mellan", "via"}


def _actors_in(words: list[str], stop_at_verb: bool, genitive: bool = False) -> list[Actor]:
    found: list[Actor] = []
    for index, word in enumerate(words):
        actor = actor_of_token(word)
        if actor is None and index >= 1 and names_city_kommun(word, words[index - 1]):
            actor = "kommun"
        if actor is None and genitive and word.lower().endswith("s"):
            # 'Polisen och kommunens säkerhetsenhet ska ...': a unit of the kommun acts.
            owner = actor_of_token(word[:-1])
            following = words[index + 1].lower() if index + 1 < len(words) else ""
            partitive = index >= 1 and words[index - 1].lower() == "av"  # 'fyra av kommunens'
            if owner and following not in ("och", ",", "") and following[:1].islower():
                actor = None if partitive else owner
        # 'i Eslövs kommun' names a place, not who acts.
        placed = index >= 2 and words[index - 2].lower() in _PLACE and actor == "kommun"
        before = words[index - 1].lower() if index >= 1 else ""
        partner = not stop_at_verb and before in _PARTNER
        if actor and not placed and not partner and before not in _PLACE:
            found.append(actor)
        elif stop_at_verb and word.lower() not in _LINKS and not word[:1].isupper():
            if not actor:
                tail = " ".join(words[index : index + 2]).lower()
                stems = _vocab()["annan"]["prefix"]
                if any(" " in stem and tail.startswith(stem) for stem in stems):
                    found.append("annan")
                break
    joined = " ".join(words).lower()
    if not stop_at_verb:
        for stem in _vocab()["annan"]["prefix"]:
            if " " in stem and stem in joined:
                found.append("annan")
    return found


def _partner_context(joined: str, stem: str) -> bool:
    index = joined.find(stem)
    return index < EXTRACT.partner_offset_chars or any(
        marker in joined[max(0, index - EXTRACT.partner_window_chars) : index]
        for marker in _vocab()["with_markers"]
    )


def _dedupe(actors: list) -> list[Actor]:
    seen: list[Actor] = []
    for actor in actors:
        if actor and actor not in seen:
            seen.append(actor)
    return seen
