"""What a heading or lead-in opens: promises, goals, background, a follow-up, a title or an
actor ('Polisen lovar:'), read from the section cues in `data/sections.json`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .actors import actor_of_token, mentioned_actors
from .analysed import words
from .cues import is_perfect, names_actor
from .meta_vocab import KOMMUN_WORD
from .promise_talk import is_meta_statement
from .settings import EXTRACT
from .spelling import respelled
from .vocab import load_vocab

__all__ = ["Section", "classify_heading", "heading_key"]

Section = Literal["promise", "goal", "background", "follow_up", "title", "none"]

_YEARS = re.compile(r"\b\d{4}\b(?:\s*[-–/]\s*\d{2,4})?")


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    return load_vocab("sections")


def heading_key(text: str) -> str:
    """A heading as its cues are matched: numbering and years dropped, lower-cased."""
    # '2.1 Ungdomar i riskzon', '4. Uppföljning': the number orders sections, it names none.
    text = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\D)", "", text)
    text = _YEARS.sub(" ", text.lower())
    text = re.sub(r"[\"“”'!?.:;,()\[\]–-]+", " ", text)
    # 'Exempel på planerade åtgärder' heads the measures as 'Planerade åtgärder' does
    return " ".join(respelled(text).split()).removeprefix("exempel på ")


# Kept per heading text: the same headings are classified again for each span and rule.
@lru_cache(maxsize=8192)
def _prefix_match(normal: str, kinds: tuple[str, ...]) -> str | None:
    best, best_length = None, 0
    # Diacritics folded: a heading typed or read without them ('Det har ska vi gora') is
    # the same cue.
    folded = _without_diacritics(normal)
    for kind in kinds:
        for cue in _cues()[kind]:
            # A cue opens a heading ('Löften gällande Skäggetorp'), not a sentence
            # ('Polisen ska bli mer synlig i området').
            plain = _without_diacritics(cue)
            prefixed = folded.startswith(plain + " ") and _short_rest(folded[len(plain) :])
            if (folded == plain or prefixed) and len(cue) > best_length:
                best, best_length = kind, len(cue)
    return best


def _short_rest(rest: str) -> bool:
    """What follows a cue is short, or a purpose ('Insatser för att öka tryggheten')."""
    words = rest.split()
    if words[:2] == ["for", "att"]:  # folded: 'för att'
        return len(words) <= EXTRACT.cue_rest_words + EXTRACT.cue_purpose_words
    return len(words) <= EXTRACT.cue_rest_words


@lru_cache(maxsize=4096)
def _without_diacritics(text: str) -> str:
    return text.translate(_FOLD)


_FOLD = str.maketrans("åäöéü", "aaoeu")


def classify_heading(text: str) -> Section | Literal["actor"] | None:
    """What a heading or lead-in opens; None when it says nothing about it."""
    text = respelled(text)
    normal = heading_key(text)
    if not normal:
        return None
    # '… kommer polisen att arbeta med medborgarlöftet på följande sätt.' leads in as ':' does
    is_leadin = text.rstrip().endswith((":", ";")) or bool(_POINTS_FORWARD.search(text))
    named = _named_heading(text, normal, is_leadin)
    if named is not None:
        return named
    last = last_sentence(text).lower()
    return _leadin_section(text.lower(), last, is_leadin)


# '… kommer polisen att arbeta på följande sätt.', and 'Polisen lovar att' with its colon left
# out: no sentence ends on 'att'
_POINTS_FORWARD = re.compile(
    r"(?i)(?:på följande sätt|följande|enligt nedan|nedan)\.\s*$|\batt\s*$"
)


def _named_heading(text: str, normal: str, is_leadin: bool) -> Section | Literal["actor"] | None:
    """A heading that names its section outright: a cue word, a title, an actor."""
    if _FOLLOWED_UP.search(normal):
        return "follow_up"  # 'Medborgarlöftet följs upp genom:' names the promise, and how
        # it is followed up
    exact = _prefix_match(normal, ("promise", "goal", "background", "follow_up"))
    if not is_leadin and any(word in normal for word in _cues()["title_words"]):
        if exact is None or normal not in _cues()[exact]:
            return "title"
    if exact == "promise" and not is_leadin and _PROMISE_HEADLINE.search(normal):
        return "title"  # 'Polisen lovar mobil station' begins like 'Polisen lovar'
    if exact is not None:
        return exact  # type: ignore[return-value]
    if not re.search(r"\d|:\s*\S", text) and _is_actor_heading(normal):
        return "actor"
    if not is_leadin and _names_parties(text):
        return "title"  # 'Samverkansöverenskommelse mellan X kommun och Lokalpolisområde Y'
    words = normal.split()
    if len(words) <= EXTRACT.promise_heading_words and any(
        w in _cues()["promise_words"] for w in words
    ):
        return "promise"  # 'Vårt löfte till dig', 'Löftet för Kungsmarken'
    if not is_leadin and _names_own_activities(words):
        return "promise"
    return None


def _names_own_activities(words: list[str]) -> bool:
    """'Våra insatser', 'Polisens åtgärder 2021', 'Detta ska göras', 'Så här ska vi arbeta'."""
    cues, short = _cues(), len(words) <= EXTRACT.promise_heading_words
    if short and words[0] in cues["heading_owners"]:
        return any(w in cues["activity_leadin_nouns"] for w in words[1:3])
    heading = " ".join(words) + " "
    lead = next((d for d in cues["heading_demonstratives"] if heading.startswith(d + " ")), "")
    tail = heading[len(lead) :].split()
    doing = bool(lead) and tail[:1] in (["ska"], ["kommer"])
    return doing and any(w in cues["doing_verbs"] for w in tail[1:4])


def _leadin_section(lowered: str, last: str, is_leadin: bool) -> Section | None:
    """The section a lead-in sentence opens, read from its last sentence `last`."""
    if is_leadin and _done_in(last):
        return "follow_up"  # 'Exempel på insatser som gjorts under sommaren:' lists what was done
    for pattern, section in _LEADIN_PATTERNS:
        if pattern.search(last):
            return section
    if is_leadin and (_parties_will_do_the_following(last) or _party_then_modal(last)):
        return "promise"  # before the cues: 'statistik' in 'Med … statistik som grund' is
        # an adverbial, the parties' will is the sentence
    if is_leadin and last.rstrip().endswith(":") and _promise_as_subject(last):
        return "background"  # 'Medborgarlöften ska:' lists what promises are for in general
    if is_leadin and last != lowered.strip():
        # '… enas varje år om ett medborgarlöfte. Medborgarlöftet för 2019 omfattar:': the last
        # sentence opens the list as it would standing alone
        alone = _prefix_match(heading_key(last), ("promise", "goal", "background", "follow_up"))
        if alone is not None:
            return alone  # type: ignore[return-value]
    return _section_by_words(lowered, last, is_leadin)


def _section_by_words(lowered: str, last: str, is_leadin: bool) -> Section | None:
    """The section a lead-in's words name once no pattern has: cues, verbs, nouns, parties."""
    for kind in ("follow_up", "goal", "background"):
        # a cue starts a word: 'om medborgarlöftet' is not in 'som medborgarlöftet'
        if any(
            f" {cue}" in f" {last}" for cue in _cues()[kind] if len(cue) > EXTRACT.long_cue_chars
        ):
            return kind  # type: ignore[return-value]
    achieving = any(f" {cue}" in f" {last}" for cue in _cues()["goal_leadin"])
    if is_leadin and achieving and " genom " not in f" {last} ":
        return "goal"  # 'Med medborgarlöftet önskar vi åstadkomma:' lists outcomes, unless
        # it goes on to how: 'Detta ska vi åstadkomma genom att:' lists activities
    if any(cue in last for cue in _cues()["promise_verbs_in_leadin"]) and (
        is_leadin or "lovar" in last or "följande" in last
    ):
        return "promise"
    if is_leadin and set(words(last)) & set(_cues()["activity_leadin_nouns"]):
        return "promise"  # 'Aktiviteterna är fördelade på två huvudområden:
    if _parties_promise(lowered, last, is_leadin):
        return "promise"
    if is_leadin and set(words(last)[: EXTRACT.goal_noun_words]) & set(_cues()["goal"]):
        return "goal"  # 'Bland målen för avtalet finns att:' lists the goals; a goal named
        # late ('… rikta arbetet mot målen att:') may head activities as well
    if lowered.startswith(("uppföljning", "utvärdering", "redovisning")):
        return "follow_up"
    return None


# what residents asked for in the dialogues, listed: the ground of the promise, not it
_RESIDENTS_WISHED = re.compile(
    r"\b(?:medborgarna|invånarna|de boende|deltagarna|allmänheten)\s+(?:\S+\s+){0,2}?"
    r"(?:önskade|önskar|efterfrågade|efterfrågar|lyfte|lyfter|tyckte|tycker|ville|upplevde|"
    r"nämnde|pekade ut)\b(?:\s+sig)?\s*:\s*$"
)

# a count of promises leading into the list: 'fyra löften i fokus:', 'två löften att …:',
# 'I medborgarlöftet för 2022-2023 finns flera gemensamma löften:'
_COUNTED_PROMISES = re.compile(
    r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+|flera|ett antal|några)\s+"
    r"(?:gemensamma\s+|nya\s+|konkreta\s+)?(?:medborgar)?löften\b[^.]*:\s*$"
)

# places named, then 'följande': 'vilka områden som ska gås igenom … är följande', 'på
# följande platser'
_PLACES_FOLLOW = re.compile(
    r"\b(?:platser(?:na)?|orter(?:na)?|stadsdelar(?:na)?|områden(?:a)?)\b"
    r"(?:\s+[^\s.]+){0,8}?\s+följande\s*(?:\([^)]*\))?\s*:?\s*$"
    r"|\bföljande\s+(?:platser|orter|stadsdelar)\b"
)

# A headline announcing the promise, no list after it: 'Polisen lovar mobil station', 'Polis
# och kommun lovar medborgarna ökad trygghet'; 'Det här lovar vi' and 'lovar att:' open one
_PROMISE_HEADLINE = re.compile(
    r"^(?!det\b|detta\b|tillsammans\b|vi\b)[^:;]*?\blovar\s+"
    r"(?!att\b|följande\b|gemensamt\b|vi\b|man\b)[^:;]+$"
)

# What a lead-in's wording alone says its list holds, tried in order.
_LEADIN_PATTERNS: tuple[tuple[re.Pattern, Section], ...] = (
    (re.compile(r"följande (aktivitet|åtgärd|insats|löfte)"), "promise"),
    # 'Det här ska polisen och Solna stad göra under 2022': 'Det här ska vi göra' with the
    # parties named
    (
        re.compile(r"^(?:det här|detta) (?:ska|skall|kommer) (?:\S+ ){1,6}?(?:att )?göra\b"),
        "promise",
    ),
    # 'Lägesbilden pekade ut följande fokusområden:' lists areas
    (re.compile(r"följande (?:\S+ )?(?:fokus|problem)områden"), "background"),
    # 'Följande problem lyftes fram:' lists the problems the promise answers
    (
        re.compile(r"^(?!.*\b(?:lovar|ska|skall|kommer)\b).*\bföljande (?:\S+ )?problem\b"),
        "background",
    ),
    (_RESIDENTS_WISHED, "background"),
    (_COUNTED_PROMISES, "promise"),
    # 'Årets medborgarlöften är:', 'Farstapolisens två andra medborgarlöften är:': the promises
    # as the subject, the list their complement
    (re.compile(r"^(?:\S+ ){0,4}?(?:medborgar)?löften(?:a)? (?:är|blir|lyder)\s*:\s*$"), "promise"),
    (_PLACES_FOLLOW, "background"),
    (_PROMISE_HEADLINE, "title"),
    # 'Ökad trygghet och synlighet genom:' lists the means to the aim it names: the promise
    (re.compile(r"^(?!.*\b(?:har|hade)\b)[^.!?]{3,80}\sgenom\s*:$"), "promise"),
    # 'Utfallet blev:', 'Resultatet var:', 'Så här gick det:' list what came of the promise
    (
        re.compile(
            r"^(?:(?:utfallet|resultatet|resultaten)\s+(?:blev|var)|så\s+(?:här\s+)?gick\s+det)\b"
        ),
        "follow_up",
    ),
)

# 'följs upp', 'ska följas upp': how a promise is followed up, whatever its subject
_FOLLOWED_UP = re.compile(r"\bfölj(?:s|as|er)\s+(?:\w+\s+)?upp\b")

# 'insatser som gjorts', 'aktiviteter som genomförts': a relative clause in the passive perfect
_DONE_RELATIVE = re.compile(r"\bsom\s+(?:har\s+)?(?:\w+\s+)?\w{2,}(?:ats|its|ts|tts)\b")
# 'inom ramen för medborgarlöftet', 'enligt löftet': the promise named as the frame of what was
# done, not a promise made
_PROMISE_AS_FRAME = re.compile(
    r"\b(?:inom ramen för|enligt|inom|för|i)\s+(?:(?:vårt|årets|detta)\s+)?"
    r"(?:medborgar)?löfte(?:t|na)\b"
)


def last_sentence(text: str) -> str:
    """The last sentence of a heading or lead-in, the one that leads into what follows; an
    elliptic 'Bland annat:' leads in with the sentence before it."""
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    if len(parts) > 1 and _ELLIPTIC_LEADIN.match(parts[-1]):
        return parts[-2].rstrip(".!?") + ":"
    return parts[-1]


# 'Polisen lovar ett större fokus på narkotika. Bland annat:': the list's opener says nothing
_ELLIPTIC_LEADIN = re.compile(
    r"(?i)^(?:bland annat|till exempel|exempelvis|t\.\s?ex\.|bl\.\s?a\.|som exempel"
    r"|bland annat följande|det handlar om)\s*:$"
)


def lists_what_was_done(text: str) -> bool:
    """A lead-in in the perfect over what was done: 'Exempel på insatser som gjorts …:'."""
    stripped = text.strip()
    return stripped.endswith(":") and _done_in(last_sentence(stripped).lower())


def _done_in(last: str) -> bool:
    """A sentence reporting what was done, promising nothing ('har lovat att' promises)."""
    done = is_perfect(last) or _DONE_RELATIVE.search(last)
    last = _PROMISE_AS_FRAME.sub(" ", last)
    # 'har lovat att', 'har följande insatser utlovats', 'följande löften har tagits fram';
    # 'Man har tagit fram följande tre fokusområden:' made the promise, did none of it
    promising = re.search(
        r"\b(?:ska|skall|kommer att)\b|lov(?:a|ar|at|ade|ats)\b|löfte|\b(?:tagit|tagits|arbetat"
        r"|arbetats) fram\b",
        last,
    )
    return bool(done) and not promising


def _promise_as_subject(last: str) -> bool:
    """'Medborgarlöften ska:', 'Medborgarlöftena syftar till att:': the promise itself as
    subject, naming no party ('Enligt löftet kommer polisen att:' names one)."""
    if mentioned_actors(last):
        return False
    # A bare modal ('… ska:') or a verb saying what promises do ('syftar till att:'); a
    # period ('Medborgarlöfte januari-juni 2024:') or 'omfattar:' opens the promise itself.
    subject = re.match(load_vocab("content_verbs")["meta_subject_pattern"], last)
    bare_modal = re.search(r"\b(?:ska|skall)\s*:\s*$", last)
    return bool(subject and bare_modal) or is_meta_statement(last)


def _parties_promise(lowered: str, last: str, is_leadin: bool) -> bool:
    """'Kommunen och polisen lovar att', 'Det här ska Solna stad och polisen tillsammans
    göra under 2022:': a lead-in naming who, with a modal."""
    if not (mentioned_actors(last) or re.search(r"\bvi\b", last)):
        return False
    if (
        re.search(r"\b(att|lovar|ska|skall)\s*:?\s*$", lowered)
        and len(last.split()) <= EXTRACT.actor_leadin_words
    ):
        return True
    # 'Polisen kommer att genomföra' over a list: the modal and its verb, the objects below
    ends_in_verb = re.search(r"\b(?:ska|skall|kommer att|lovar att)\s+\w+\s*:?\s*$", lowered)
    if ends_in_verb and len(last.split()) <= EXTRACT.actor_leadin_words:
        return ends_in_verb.group().split()[-1].rstrip(":") in _activity_verbs()
    if is_leadin and _party_will_do(last):
        return True
    return (
        is_leadin
        and bool(re.search(r"\b(ska|skall|kommer att)\b", last))
        and len(last.split()) <= EXTRACT.modal_leadin_words
    )


# 'vill polisen och Hällefors kommun under 2017 utveckla följande områden:'
_WILL_DO_THE_FOLLOWING = re.compile(
    r"\b(?:vill|ska|skall|lovar att|kommer att)\s+(?:\S+\s+){0,8}?(\w+)\s+följande\b"
)


def _parties_will_do_the_following(last: str) -> bool:
    """A lead-in where named parties will do what the list names: a modal or 'vill', then an
    activity verb (or, the verb left out, 'inom' or 'med') right before 'följande'."""
    clause = _WILL_DO_THE_FOLLOWING.search(last)
    # '… ska lokalpolisområde Vällingby inom följande samverkansområden': the verb left out
    done = clause and (clause.group(1) in _activity_verbs() or clause.group(1) in ("inom", "med"))
    return bool(clause and mentioned_actors(last)) and bool(done)


# '… delmål är att vi tillsammans ska:': a party, perhaps an adverb, the modal, then the list
_PARTY_MODAL_END = re.compile(r"\b(\w+)\s+(?:\w+\s+)?(?:ska|skall|kommer att)\s*:\s*$")


def _party_then_modal(last: str) -> bool:
    """A lead-in ending in a party and its modal, the list holding the verbs
    ('Samverkansöverenskommelsens delmål är att vi tillsammans ska:')."""
    found = _PARTY_MODAL_END.search(last)
    return bool(found) and (found.group(1) == "vi" or names_actor(found.group(1)))


# '… som polisen ska arbeta med under 2017:': what the list names, a party will work on
_RELATIVE_MODAL = re.compile(r"\bsom\s+((?:\S+\s+){1,6}?)(?:ska|skall|kommer att)\s+(\w+)")


def _party_will_do(last: str) -> bool:
    """A lead-in ending in a relative clause with a party, a modal and an activity verb, so
    its list holds the party's activities however long the sentence ('Med lägesbilden som
    grund har man pekat ut fokusområden som polisen ska arbeta med under 2017:')."""
    clause = _RELATIVE_MODAL.search(last)
    return bool(clause and mentioned_actors(clause.group(1))) and (
        clause.group(2) in _activity_verbs()
    )


@lru_cache(maxsize=1)
def _activity_verbs() -> frozenset[str]:
    return frozenset(load_vocab("content_verbs")["activity_starts"])


def _names_parties(text: str) -> bool:
    """A heading naming both kommun and polis, or a period: the document's title."""
    lowered = text.lower()
    if len(lowered.split()) < EXTRACT.party_title_words or re.search(r":\s*\S", text):
        return False  # 'Ansvar: Kommunen och Polisen' says who, it is no title
    if re.search(r"\b(?:ska|skall|lovar|kommer|åtar|genomför)\b", lowered):
        return False  # 'Ale kommun och polisen ska' opens a list
    # A title names the kommun ('Ale kommun', 'Region Gotland'); an item names the trade.
    kommun = re.search(rf"[A-ZÅÄÖ][\wåäö-]+\s+{KOMMUN_WORD}\b|\bRegion\s+[A-ZÅÄÖ]", text)
    polis = re.search(r"\bpolis\w*|\blokalpolisområde\w*", lowered)
    period = re.search(r"\b20\d\d\s*[-–/]\s*(?:20)?\d\d\b", lowered)
    return bool(kommun and polis) or bool(period and (kommun or polis))


def _is_actor_heading(normal: str) -> bool:
    words = normal.split()
    if not 1 <= len(words) <= EXTRACT.actor_heading_words:
        return False
    rest = [w for w in words if not actor_of_token(w)]
    if len(rest) == len(words):
        return False
    allowed = {"och", "ska", "skall", "lovar", "att", "kommer", "vi", "tillsammans", "gemensamt"}
    capitalized_names = len(rest) <= EXTRACT.actor_heading_rest
    return all(w in allowed for w in rest) or (
        capitalized_names and len(words) <= EXTRACT.actor_heading_names
    )
