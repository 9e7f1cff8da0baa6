"""Sentence-level cues shared by the commitment and goal rules."""

from __future__ import annotations

import re
from functools import cache

from .actors import actor_of_token, names_city_kommun
from .analysed import sentences, words
from .meta_vocab import kommun_by_form
from .settings import EXTRACT
from .spelling import respelled
from .vocab import load_vocab

__all__ = [
    "KOMMUN_NOUNS",
    "WORKS_TOWARDS",
    "activity_start",
    "actor_start",
    "describes_situation",
    "goal_direction",
    "states_the_general_aim",
    "has_lovar",
    "has_modal",
    "is_follow_up_text",
    "is_goal_sentence",
    "is_goal_start",
    "is_intent",
    "is_outcome",
    "is_perfect",
    "is_result",
    "is_soft",
    "is_vision",
    "names_actor",
    "names_an_activity",
    "passive_activity",
    "perfect_tense",
    "present_activity",
    "strip_label",
    "verb_start",
]


# The noun after a kommun's name that makes it a party: 'Lysekils kommun', 'Örebro stad'.
KOMMUN_NOUNS = ("kommun", "stad")

# Supine endings: 'genomfört', 'ökat', 'gjort', 'hållit', 'haft', 'skett'.
SUPINE_ENDINGS = ("at", "it", "rt", "tt", "ft", "mt", "nt", "gt", "kt", "lt", "st", "dt")
# Words ending like a supine that are none: 'har det', 'har inte', 'har alltid'.
NOT_SUPINES = ("det", "ett", "inte", "mycket", "helt", "just", "alltid")


def perfect_tense(
    gap: int,
    min_stem: int,
    endings: tuple[str, ...] = SUPINE_ENDINGS,
    not_supines: tuple[str, ...] = (),
) -> str:
    """Regex source of the perfect tense: 'har'/'hade', up to `gap` words, then a supine.

    'har gjort', 'hade genomfört', 'har poliserna haft'; the supine is at least `min_stem`
    letters before one of `endings`, and never one of `not_supines`. No 'att' comes between:
    'har som fokus att förebygga brott' names an aim.
    """
    # 'att' ends like a supine ('har ansvar för att …', 'har som fokus att …'): never one
    blocked = rf"(?!(?:{'|'.join(('att', *not_supines))})(?![\wåäö]))"
    return (
        rf"(?<![\wåäö])(?:har|hade)\s+(?:(?!att\s)[\wåäö]+\s+){{0,{gap}}}?{blocked}"
        rf"[\wåäö]{{{min_stem},}}(?:{'|'.join(endings)})(?![\wåäö])"
    )


# Any supine after one or two words, passives too ('har genomförts'): the sentence reports.
_PERFECT = re.compile(
    perfect_tense(
        4,
        1,
        endings=("at", "it", "tt", "ts", "ats", "its", "ett", "ört", "jort", "ållit", "ämt", "aft"),
        not_supines=("kraft",),  # 'har kraft att': 'haft' is the supine ending in -aft
    )
)


_LABEL = re.compile(r"^\s*[A-ZÅÄÖ][\wåäöé/&-]*(?:\s+[\wåäöé/&-]+){0,3}\s*:\s+(?=\S)")


@cache
def _v(name: str) -> dict:
    return load_vocab(name)


def strip_label(text: str) -> str:
    """`text` without a list label before an actor: 'Trafik: Polisen ...' -> 'Polisen ...'."""
    match = _LABEL.match(text)
    if match and actor_start(text[match.end() :], within=3):
        return text[match.end() :]
    return text


def describes_situation(text: str) -> bool:
    """Statistics, news and aims ('41 procent', 'i går', 'verkar för'): not the promise."""
    lowered = text.lower()
    return any(word in lowered for word in _v("content_verbs")["situation_words"])


# 'Trafikkontroller ska under året genomföras', 'Fem trygghetsvandringar kommer att göras'
_PASSIVE_PROMISE = re.compile(
    r"(?<![\wåäö])(?:ska|skall|kommer att)\s+(?:[\wåäö/-]+\s+){0,4}?[\wåäö]+as(?![\wåäö])"
)


def passive_activity(text: str) -> bool:
    """An activity as subject, promised in the passive: 'Trafikkontroller ska under året
    genomföras' (no party named, the activity is the promise)."""
    first = sentences(strip_label(text), line_ends=False)
    head = first[0].text.lower() if first else ""
    found = _PASSIVE_PROMISE.search(head)
    if found is None or is_perfect(head):
        return False
    subject = words(head[: found.start()])[: EXTRACT.opening_words]
    nouns = _v("content_verbs")["activity_nouns"]
    return any(noun in w for w in subject for noun in nouns)


def present_activity(text: str) -> bool:
    """'Polisen genomför fyra kontroller per termin': actor, present-tense activity verb, object.

    Outside a promise heading such a sentence is a promise only when it names a count or an
    activity and none of the words that describe the situation (statistics, surveys).
    """
    text = strip_label(text)
    ws = words(text)
    vocab = _v("content_verbs")
    if not ws or is_perfect(text) or not actor_start(text, within=3):
        return False
    verbs = [
        i for i, w in enumerate(ws[: EXTRACT.activity_verb_words]) if w in vocab["present_verbs"]
    ]
    if not verbs:
        return False
    if describes_situation(text):
        return False
    # The object says what is done: 'fem dialogmöten', not 'trygghetsvärdar fortsätter'.
    rest = ws[verbs[0] + 1 :]
    if re.search(r"\d", text) or any(w in vocab["count_words"] for w in rest):
        return True
    return any(noun in w for w in rest for noun in vocab["activity_nouns"])


def has_lovar(text: str) -> bool:
    """'lovar', 'lovade', 'åtar (sig)': an explicit promise verb."""
    return any(w in _v("content_verbs")["lovar"] for w in words(text))


def has_modal(text: str) -> bool:
    """'ska', 'skall', 'kommer ... att', 'lovar', 'bör', 'åtar sig att'."""
    ws = words(text)
    if any(w in _v("content_verbs")["modal"] for w in ws):
        return True
    if re.search(r"\båtar (?:sig|oss)\b", text.lower()):
        return True  # 'Kommunen åtar sig att starta nattvandring' promises as 'ska' does
    # the inverted subject may be a list of parties: 'kommer Örebro kommun, Polisen och … att'
    gap = EXTRACT.kommer_att_gap_words
    return bool(re.search(rf"\bkommer\b(?:\s+\S+){{0,{gap}}}?\s+att\b", text.lower()))


def names_actor(word: str) -> bool:
    """A word naming who acts ('polisen', 'kommunen'); a genitive ('Polismyndighetens
    resurser') names an owner instead."""
    return bool(actor_of_token(word)) and not (word.endswith("s") and actor_of_token(word[:-1]))


def actor_start(text: str, within: int = 4) -> bool:
    """An actor ('Polisen', 'Kommunen', 'Vi', 'Områdespoliserna') among the first words."""
    ws = words(text)[:within]
    # 'Malmö stad ska …': a city named with 'stad' is the kommun ('staden' already names it)
    opening = _FIRST_TWO_WORDS.match(text)
    city = bool(opening) and names_city_kommun(opening[2], opening[1])
    return any(names_actor(w) for w in ws) or (ws[:1] == ["vi"]) or city


_FIRST_TWO_WORDS = re.compile(r"^\W*([\w-]+) ([\w-]+)")


def party_after_modal(text: str) -> bool:
    """A party right after the modal of a sentence opening with an adverbial, Swedish word
    order's inverted subject: 'Under perioden 2021-2022 ska polisen och kommunen …'. An
    adverbial naming the promise ('Genom medborgarlöftena ska polisen …') says what
    promises do in general."""
    ws = words(text)[: EXTRACT.fronted_adverbial_words + 3]
    for index, (w, after) in enumerate(zip(ws[1:], ws[2:], strict=False), start=1):
        # the party by name too: '… kommer Örebro kommun, Polisen och … att'
        named = index + 2 < len(ws) and ws[index + 2] in KOMMUN_NOUNS
        if w in ("ska", "skall", "kommer") and (names_actor(after) or after == "vi" or named):
            # 'Under den tid medborgarlöftet gäller ska polis och kommun …' names its time
            return ws[0] in ("under", "medan") or not any("löfte" in word for word in ws[:index])
    return False


_INTENT = re.compile(
    r"\b(?:ska|skall|lovar att|kommer att)\s+(?:\w+\s+){0,5}?"
    r"(?:göra|verka för|arbeta för|jobba för)\b"
)


def is_intent(text: str) -> bool:
    """An aim worded as a promise: 'ska verka för att brotten minskar', 'göra X tryggare'."""
    lowered = text.lower()
    return bool(_INTENT.search(lowered)) and goal_direction(text) in ("increase", "decrease")


def is_perfect(text: str) -> bool:
    """Perfect tense ('har utrett', 'har ökat'): reports what was done; not in a relative or
    causal clause of a promise ('Polisen lovar att … vid de tider som medborgarna har pekat
    ut', '… ska göras en kontroll av A-traktorer, eftersom de har blivit fler')."""
    lowered = text.lower()
    return any(not _in_promised_subordinate(lowered, m.start()) for m in _PERFECT.finditer(lowered))


_SUBORDINATE_BEFORE = re.compile(r"(?<![\wåäö])(?:som|eftersom)\s+(?:[\wåäö]+\s+){0,3}$")
_PROMISED = re.compile(
    r"(?<![\wåäö])(?:lovar|ska|skall|kommer(?:\s+[\wåäö]+){0,2}\s+att)(?![\wåäö])"
)


def _in_promised_subordinate(lowered: str, at: int) -> bool:
    clause = _SUBORDINATE_BEFORE.search(lowered, 0, at)
    return bool(clause) and bool(_PROMISED.search(lowered, 0, clause.start()))


def activity_start(text: str) -> bool:
    """Starts like an activity: 'Genomföra ...', 'Att ingripa ...', 'Minst två ...'."""
    ws = words(text)
    starts = _v("content_verbs")["activity_starts"]
    if ws[:1] == ["att"]:  # 'Att arbeta med …' is an activity; 'Att alla … ska' is an aim
        return len(ws) > 1 and ws[1] in starts and ws[1] != "att"
    return bool(ws) and ws[0] in starts


def verb_start(text: str) -> bool:
    """Starts with an activity verb: 'Utveckla grannsamverkan', 'Genomföra trygghetsvandring'."""
    ws = words(text)
    return bool(ws) and ws[0] in _v("content_verbs")["activity_verbs"]


def is_soft(text: str) -> bool:
    """Soft wording: 'verka för', 'sträva efter', 'bör', 'arbeta för'."""
    lowered = " " + " ".join(words(text)) + " "
    return any(f" {phrase} " in lowered for phrase in _v("content_strength")["soft"])


def is_result(text: str) -> bool:
    """Reports what was done ('har genomförts'), not what is promised."""
    lowered = text.lower()
    return any(word in lowered for word in _v("content_nontargets")["result_words"])


def is_follow_up_text(text: str) -> bool:
    """Says how the promise is followed up ('Uppföljning sker ...', 'följas upp')."""
    lowered = text.lower()
    first = words(text)[:1]
    if first and first[0].startswith(("uppföljning", "utvärdering", "redovisning")):
        return True
    if re.search(r"\b(uppföljning|redovisning)\w*\b.{0,40}\bsker\b", lowered):
        return True
    return any(cue in lowered for cue in ("följas upp", "följs upp"))


def names_an_activity(ws: list[str]) -> bool:
    """Whether any of the words names an activity ('polisnärvaro', 'samverkan', 'kunskap')."""
    stems = _v("content_goals")["activity_stems"]
    return any(stem in w for w in ws for stem in stems)


def is_goal_start(text: str) -> bool:
    """A short line opening with an outcome: 'Ökad trygghet ...', 'Minska antalet ...'."""
    lowered = " ".join(words(text))
    ws = lowered.split()
    if not ws or len(ws) > EXTRACT.goal_start_words or has_modal(text):
        return False
    if is_perfect(text):
        return False  # 'Fler poliser har fotpatrullerat …' reports a result
    starts = _v("content_goals")["goal_starts"]
    if ws[0] == "öka" and names_an_activity(ws[1:3]):
        return False  # "Öka synligheten på …": to do more of a deed, not an outcome
    return any(lowered == s or lowered.startswith(s + " ") for s in starts)


# 'Det övergripande målet för polisen och kommunen är att …', 'Vår målsättning är att …'
_STATED_AIM = re.compile(
    r"^(?:\S+\s+){0,3}?(?:mål(?:et|en)?|målsättning(?:en|ar)?|ambition(?:en)?)"
    # 'Till de övergripande målen under perioden hör exempelvis att …'
    r"(?:\s+\S+){0,7}?\s+(?:är|hör)\s+(?:(?:exempelvis|bland annat|även|också)\s+)?att\s"
    # 'På längre sikt är målet att …', '… är det ett gemensamt mål att …'
    r"|^(?:\S+\s+){1,3}?är\s+(?:det\s+)?(?:ett\s+|vårt\s+)?(?:gemensamt\s+)?"
    r"(?:mål(?:et)?|målsättning(?:en)?)\s+att\s"
)


# 'Malmö skall vara en stad där det är tryggt …': the kommun as it should be
_VISION = re.compile(r"^([A-ZÅÄÖ][\wåäö-]+)\s+(?:ska|skall)\s+(?:vara|bli)\s+(?:en|ett)\s")


def is_vision(text: str) -> bool:
    """The kommun, as subject, described as it should be: a goal ('Helsingborg ska vara en
    säker stad …'), not something a party does."""
    match = _VISION.match(text.strip())
    return bool(match) and match.group(1) in kommun_by_form()


def is_goal_sentence(text: str, predicates: bool = True) -> bool:
    """Goal openers ('Målet är att ...') or, with `predicates`, 'X ska öka'-style outcomes."""
    if is_vision(text):
        return True
    lowered = respelled(" ".join(words(text)))
    goals = _v("content_goals")
    if any(lowered.startswith(b) for b in goals["goal_blockers"]):
        return False  # purpose statements: 'Avsikten är att ... ska bli tryggare'
    if _is_general_aim(lowered):
        return False
    if any(lowered.startswith(o) for o in goals["goal_openers"]) or _STATED_AIM.match(lowered):
        return True
    # 'Polisen ska öka synligheten …' is an activity, a party as subject; 'Polisen och
    # kommunen ska verka för färre skadegörelsebrott' works towards an outcome.
    party_acts = actor_start(text, within=1) and not WORKS_TOWARDS.search(lowered)
    if predicates and not party_acts:
        # 'X gör insatser, för att tryggheten ska öka': an outcome named only as the purpose
        # of something else is no goal of its own ('För att … ska öka krävs fler åtgärder').
        main = _PURPOSE.split(f" {lowered} ")[0]
        # 'ett lokalt samverkansavtal som ska öka tryggheten': a relative clause describes
        # its noun, no goal of this promise
        main = _RELATIVE_MODAL.split(main)[0]
        fillers = set(goals["fillers"])
        padded = " " + " ".join(w for w in main.split() if w not in fillers) + " "
        return any(f" {p} " in padded for p in goals["goal_predicates"])
    return False


# '… som ska öka tryggheten', '… kvällsvandringen, som var den första av sex och ska bidra
# till att tryggheten ökar': the modal of a relative clause, or of its second verb
_RELATIVE_MODAL = re.compile(r" som (?:(?:\S+ ){1,10}?och )?(?:ska|skall|kommer att) ")

WORKS_TOWARDS = re.compile(r"\b(?:verka|arbeta|jobba)r?\s+(?:\w+\s+){0,2}?för\b")


def _is_general_aim(lowered: str) -> bool:
    """'Det övergripande målet är att minska brottsligheten, öka tryggheten …': the aim of
    medborgarlöften as such, in the infinitive. 'Det övergripande målet är att tryggheten ska
    öka' names this promise's outcome: a goal."""
    openers = _v("content_goals")["general_aim_openers"]
    clause = lowered.partition(" är att ")[2]
    return any(lowered.startswith(o) for o in openers) and not has_modal(clause)


def states_the_general_aim(text: str) -> bool:
    """An aim worded only with the words every promise's aim uses ('Målet är att uppnå ökad
    trygghet och minskad brottslighet i kommunen'); '… att minska felbeteenden i trafiken'
    names this promise's own."""
    opener = re.search(r"\b(?:är|har som mål)\s+att\s", text)
    if not opener:
        return False
    general = set(_v("content_goals")["general_aim_words"])
    # a kommun's name, capitalised, says where, not what
    tail = re.findall(r"[\wåäöÅÄÖ-]+", text[opener.end() :])
    content = [w.lower() for w in tail if not w[:1].isupper()]
    return all(w in general for w in content)


# 'verka för att', 'arbeta tillsammans för att' work towards the outcome; 'och för att'
# coordinates a second aim: no purpose clause
_PURPOSE = re.compile(
    r" (?:(?<!verka )(?<!verkar )(?<!arbeta )(?<!arbetar )(?<!jobba )(?<!sig )(?<!och )"
    r"(?<!tillsammans )(?<!gemensamt )för att|med målet att|i syfte att|med syftet att) "
)


def is_outcome(text: str) -> bool:
    """A concrete outcome ('Antalet inbrott ska minska'), not a stated aim ('Målet är att ...')."""
    lowered = " ".join(words(text))
    goals = _v("content_goals")
    if any(lowered.startswith(o) for o in goals["goal_openers"] + goals["goal_blockers"]):
        return False
    return is_goal_sentence(text)


def goal_direction(text: str) -> str | None:
    """increase, decrease or maintain from the direction words in a goal, else None."""
    ws = words(text)
    lowered = " " + " ".join(ws) + " "
    goals = _v("content_goals")
    hits: list[tuple[int, str]] = []
    for direction in ("maintain", "decrease", "increase"):
        for word in goals[direction]:
            position = lowered.find(f" {word} ")
            if position != -1:
                hits.append((position, direction))
    if not hits:
        return None
    # 'fortsätta att minska' is decrease; the first direction word usually governs.
    if any(d == "maintain" for _, d in hits):
        return "maintain"
    return min(hits)[1]
