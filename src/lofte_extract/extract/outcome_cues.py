"""Outcomes worded as sentences and list items: what should change, with no one acting."""

from __future__ import annotations

import re

from .analysed import words
from .cues import (
    activity_start,
    actor_start,
    goal_direction,
    has_modal,
    is_outcome,
    names_an_activity,
    party_after_modal,
)
from .promise_talk import defines_the_promise
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "AIM_OPENER",
    "aims_at_a_deed",
    "aims_at_an_outcome",
    "deed_as_goal",
    "impersonal_outcome",
    "moves_a_measure",
    "outcome_after_modal",
    "outcome_as_subject",
    "purpose_of_this_promise",
]


def moves_a_measure(text: str) -> bool:
    """'Att minska andelen otrygga', 'Öka antalet grannsamverkansområden': an outcome goal."""
    ws = [w for w in words(text) if w != "att"][: EXTRACT.measure_words]
    goals = load_vocab("content_goals")
    return len(ws) >= 2 and ws[0] in goals["goal_starts"] and ws[1] in goals["measure_nouns"]


def aims_at_an_outcome(text: str) -> bool:
    """'Öka den upplevda tryggheten', 'Att färre utsätts för brott': moves an outcome and names
    no activity to do it with ('Öka polisnärvaron' does), so it states an aim."""
    ws = [w for w in words(text) if w != "att"]
    goals = load_vocab("content_goals")
    if not ws or has_modal(text):
        return False
    # The item opens with the change itself: 'Öka …', 'Minskad …', 'Förebygga …', 'Fler …'.
    opening = goals["increase"] + goals["decrease"] + goals["goal_starts"]
    if ws[0] not in opening and not ws[0].startswith(tuple(goals["clause_verb_stems"])):
        return False
    stems = tuple(goals["outcome_stems"])
    return any(stem in w for w in ws for stem in stems) and not names_an_activity(ws)


# 'Med ett fortlöpande arbete … ska brottsligheten gå ned': the outcome as subject after the
# modal, a fronted adverbial saying by what means
_INVERTED_OUTCOME = re.compile(
    r"^(?:med|genom|efter|via)\s[^.;:]{0,100}?\s(?:ska|skall|väntas|förväntas)\s+"
    r"((?:[\wåäö-]+\s*){1,4})"
)


def outcome_after_modal(text: str) -> bool:
    """An outcome as the inverted subject: 'Med åtgärderna väntas den upplevda tryggheten
    bestå', not a party ('Med hjälp av appen ska polisen …') or an activity ('… ska
    trygghetsvandringar genomföras')."""
    match = _INVERTED_OUTCOME.match(" ".join(words(text)))
    if not match or party_after_modal(text):
        return False
    subject = match.group(1).split()
    if names_an_activity(subject):
        return False
    stems = load_vocab("content_goals")["outcome_stems"]
    return any(stem in word for word in subject for stem in stems)


# 'Det ska vara tryggare att vistas ute', 'Det ska kännas tryggare att bo i Strömsund':
# a change in how it should feel, no one acting ('Det ska vara tryggt …' is a vision)
_IMPERSONAL_OUTCOME = re.compile(
    r"^det\s+(?:ska|skall)\s+(?:\S+\s+)?(?:vara|kännas|bli|upplevas)\s+(?:\S+\s+)?"
    r"(?:tryggare|säkrare|lugnare|trivsammare)\b"
)


def impersonal_outcome(text: str) -> bool:
    """How it should feel, no one acting: 'Det ska vara tryggare att vistas ute'."""
    return bool(_IMPERSONAL_OUTCOME.match(" ".join(words(text))))


def outcome_as_subject(text: str) -> bool:
    """'Organiserad brottslighet ska minska': an outcome with its direction as the sentence,
    no party doing anything ('Polisen ska öka närvaron' is an activity)."""
    if outcome_after_modal(text) or impersonal_outcome(text):
        return True
    if not is_outcome(text) or actor_start(text, within=3) or re.search(r"\d", text):
        return False
    ws = words(text)
    modal = next((i for i, w in enumerate(ws) if w in ("ska", "skall", "kommer")), None)
    if not modal:
        return False
    # The subject before the modal names the outcome: 'Antalet bedrägerier', 'Organiserad
    # brottslighet', not 'För att brotten ska minska' or 'Arbeta för att …'.
    subject = ws[:modal]
    goals = load_vocab("content_goals")
    if subject[0] in ("för", "att", "vi", "det") or activity_start(text):
        return False
    people = tuple(load_vocab("titles")["compound_endings"])
    if any(w.endswith(people) for w in subject):
        return False  # 'Kommunens trygghetssamordnare ska …' names who acts
    outcome = goals["outcome_stems"] + goals["measure_nouns"]
    return any(stem in w for w in subject for stem in outcome) and not names_an_activity(subject)


def purpose_of_this_promise(text: str, before: list[str]) -> bool:
    """'Syftet är att antalet brott ska minska' after sentences presenting this promise
    ('… är överens om medborgarlöften för 2022'): the promise's goal. After an activity it
    is the activity's purpose; after a definition, any medborgarlöfte's."""
    goals = load_vocab("content_goals")
    lowered = " ".join(words(text))
    opener = re.match(goals["purpose_opener_pattern"], lowered)
    if not opener:
        return False
    # the outcome with its modal ('antalet brott ska minska'), not a deed done so that
    # something changes ('att hitta platser … för att närmiljön ska bli tryggare')
    clause = re.split(r" (?:för|så) att ", lowered[opener.end() :])[0]
    if not (has_modal(clause) and goal_direction(clause)) or actor_start(clause, within=3):
        return False
    # the sentences before it, joined only for a purpose sentence (most sentences are none)
    context = " ".join(" ".join(before).lower().split())
    return bool(re.search(goals["promise_year_pattern"], context)) and not defines_the_promise(
        context
    )


# The opener of a stated aim, up to its 'att' or colon: 'Medborgarlöftenas övergripande mål
# är att', 'Målet är klart:', 'Medborgarlöftet syftar till att'.
AIM_OPENER = re.compile(
    r"(?i)^(?:\S+\s+){0,4}?\S*(?:mål|syft|ambition|förhoppning|vision)\w*"
    r"(?:\s+\S+){0,3}?\s*(?::\s*|\s+(?:är|hör|till)\s+(?:(?:exempelvis|bland annat)\s+)?att\s+)"
)


def aims_at_a_deed(text: str) -> bool:
    """'Målet är att stödja den grannsamverkan som finns', 'Polisens mål är att genomföra två
    trafikinsatser': the aim names what the parties do, not what should change."""
    return _deed_aim_opener(text) is not None


def deed_as_goal(text: str) -> bool:
    """'Polisens mål är att genomföra två trafikinsatser': a deed set as the goal, promised.

    A purpose ('Syftet är att identifiera platser …') says why an activity is done and an
    ambition ('Ambitionen är att vi ska utgå från …') how: neither is a promise of its own.
    """
    opener = _deed_aim_opener(text)
    return opener is not None and "mål" in opener.lower()


def _deed_aim_opener(text: str) -> str | None:
    """The opener of a stated aim whose first verb names a deed, if the text is one."""
    opener = AIM_OPENER.match(text)
    if not opener:
        return None
    # 'att vi under året ska hålla …': a subject, a time and a modal may come before the verb
    rest = re.sub(
        r"^(?:(?:vi|man)\s+)?(?:under\s+(?:året|\d{4})\s+)?(?:ska|skall)?\s*",
        "",
        text[opener.end() :].lower(),
    )
    verbs = load_vocab("content_goals")["deed_aim_verbs"]
    ws = rest.split()
    # 'att under minst 40 av årets 52 veckor bemanna …': a fronted time adverbial, then the verb
    if ws[:1] and ws[0] in ("under", "varje", "vid"):
        ws = ws[next((i for i, w in enumerate(ws) if w in verbs), 0) :]
    deed = bool(ws) and ws[0] in verbs
    return opener.group() if deed else None
