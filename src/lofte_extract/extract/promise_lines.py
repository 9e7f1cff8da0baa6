"""Whether a list item or a sentence is a commitment, read by the section it stands in."""

from __future__ import annotations

import re

from ..parse import ParsedDocument
from .actors import actor_of_token, mentioned_actors, tag_actors
from .analysed import sentences, words
from .announcing import announces_list, says_more_after_colon
from .clauses import is_infinitive, makes_the_promise, modal_only_subordinate
from .cues import (
    KOMMUN_NOUNS,
    activity_start,
    actor_start,
    goal_direction,
    has_lovar,
    has_modal,
    is_follow_up_text,
    is_goal_sentence,
    is_goal_start,
    is_intent,
    is_perfect,
    is_result,
    is_soft,
    is_vision,
    names_actor,
    names_an_activity,
    party_after_modal,
    passive_activity,
    present_activity,
    verb_start,
)
from .meta_vocab import is_contact_detail, is_link_text, names_signing
from .outcome_cues import (
    aims_at_an_outcome,
    deed_as_goal,
    moves_a_measure,
    outcome_as_subject,
)
from .promise_talk import (
    holds_as_aim,
    is_meta_statement,
    names_commitment,
    not_commitment_opener,
    points_back,
    promises_something_unspecified,
    residents_wish,
)
from .settings import EXTRACT
from .speech import is_quote
from .targets import find_targets
from .vocab import load_vocab

__all__ = [
    "ABOUT_THE_ITEM",
    "RESPONSIBLE",
    "counts_something",
    "item_is_commitment",
    "sentence_is_commitment",
]

RESPONSIBLE = re.compile(
    r"^\s*(?:(?:Ansvarig[a]?|Ansvar|Genomförs av|Utförare)\s*:|\([^()]{2,60}\)\s*$)",
    re.IGNORECASE,
)
# 'fokus på att tryggheten ska öka', 'fokus på att höja tryggheten'
_FOCUS_ON_THAT = re.compile(r"\bfokus på att\b", re.IGNORECASE)
_FOCUS = re.compile(
    r"\bfokusera på\b|\bfokus (?:ligger|kommer att ligga|läggs) på\b|\btyngdpunkten\b"
)


# 'Syfte: Inventera för att …' under an activity says what the activity above is for
ABOUT_THE_ITEM = re.compile(
    r"^\s*(?:Syfte|Målgrupp|Förväntad effekt|Förväntat resultat|Effekt)\s*:", re.IGNORECASE
)


# 'Den 10 juni skrev Tanums kommun och polisområdet under ett nytt samverkansavtal'
_SIGNED_SPLIT = re.compile(
    r"(?i)(?<![\wåäö])(?:skrev|skrevs|skriver)\s(?:[^.]{0,80}?\s)?under\s+(?:ett|en|det|den)\s"
)


def _excluded(text: str) -> bool:
    return (
        is_follow_up_text(text)
        or bool(ABOUT_THE_ITEM.match(text))
        or is_result(text)
        or is_quote(text)
        or len(text) < EXTRACT.min_commitment_chars
        or is_meta_statement(text)
        or promises_something_unspecified(text)
        or residents_wish(text)
        or holds_as_aim(text)
        or points_back(text)  # 'Så lyder några av löftena': the sentence before is the promise
        or moves_a_measure(text)
        or aims_at_an_outcome(text)
        or bool(RESPONSIBLE.match(text))
        or _modal_only_in_purpose(text)
        or is_vision(text)
        or _cooperates_for(text)
        or is_contact_detail(text)
        or text.rstrip().endswith("?")  # 'Vad tänker polisen göra för att rätta till det?'
        or is_link_text(text)
        or text.lstrip().startswith(("http://", "https://", "www."))
        or names_signing(text)  # 'På måndagen undertecknade kommunen och polisen ett löfte som …'
        or bool(_SIGNED_SPLIT.search(text))
        # 'År 2023 kommer kommun och polis att anta ett nytt löfte'; an agreement's counted
        # duty to make them ('ska årligen ta fram minst ett medborgarlöfte') is a commitment
        or makes_the_promise(text)
        and not counts_something(text)
        # 'Det rör sig om konkreta aktiviteter som …' says what any promise is
        or bool(_GENERIC.match(text.lower()))
        and announces_list(text)
    )


# A modal and the word after it (past 'både', 'även', 'också'): a verb follows a modal
# whose subject came first ('För att arbetet ska bli effektivt …'); a main clause after a
# fronted purpose puts its subject or an adverbial there ('… ska Polisen', '… ska bland annat')
_MODAL_NEXT = re.compile(
    r"(?i)(?<![\wåäö])(?:ska|skall|kommer)\s+(?:både\s+|även\s+|också\s+)?([\wåäö]+)"
)


# 'Kommunen och Polisen samarbetar för att öka tryggheten', 'arbetar tillsammans för större
# trygghet': the parties' ongoing cooperation towards an aim, no activity
_COOPERATES_FOR = re.compile(
    r"(?i)(?<![\wåäö])(?:samarbetar|samverkar|arbetar)(?:\s+(?:tillsammans|gemensamt|aktivt))?"
    r"\s+(?:för|mot)\s+(?:att\s+)?"
    # 'samarbetar för att tryggheten ska öka': the outcome as the purpose's subject
    r"(?:(?:[\wåäö]+\s+){1,3}?(?:ska|skall)\s+)?"
    r"(?:öka|minska|stärka|skapa|större|ökad|minskad|mer|mindre)"
)
# 'ska gemensamt arbeta brottsförebyggande och trygghetsskapande.': the work of any promise,
# no deed named
_WORKS_IN_GENERAL = re.compile(
    r"\b(?:ska|skall|kommer att)\s+(?P<between>[^.]*?)\barbeta\s+"
    r"(?:gemensamt\s+|tillsammans\s+|aktivt\s+)?"
    r"(?:brottsförebyggande|förebyggande|trygghetsskapande)"
    r"(?:\s+(?:och|samt)\s+(?:brottsförebyggande|förebyggande|trygghetsskapande))?\s*\.?\s*$"
)


def _cooperates_for(text: str) -> bool:
    general = _WORKS_IN_GENERAL.search(text)
    # no other deed before it: 'ska upptäcka narkotikabrott och även arbeta förebyggande'
    if general and not re.search(r"\b[a-zåäö]+a\b", general["between"]):
        return True
    match = _COOPERATES_FOR.search(text)
    return bool(match) and not has_modal(text[: match.start()])


def _modal_only_in_purpose(text: str) -> bool:
    """'För att brottsförebyggande arbete ska bli effektivt är det nödvändigt att …': every
    modal is the purpose clause's; 'För att höja tryggheten ska Polisen …' promises."""
    if not text.lower().lstrip().startswith("för att "):
        return False
    after = [m.group(1).lower() for m in _MODAL_NEXT.finditer(text)]
    return bool(after) and all(is_infinitive(w) for w in after)


def item_is_commitment(text: str, section: str) -> bool:
    if _excluded(text) or section == "follow_up":
        return False
    if (tag_actors(text) and not is_perfect(text)) or _binds_a_party(text):
        return True
    if section == "background":
        # 'Problembild' / '• Polisen ska öka sin närvaro …': a party's promise, whatever the
        # heading above the list says, in any sentence of the item ('Rikta åtgärder mot
        # brottsaktiva. Polisen och kommunen ska tillsammans …')
        # A bare activity with a count is promised too: 'Genomföra minst fyra
        # trafiksäkerhetsinsatser per år' (a problem list names no deed and counts none).
        return (activity_start(text) and _counted(text)) or any(
            _firm_modal(sentence) and (actor_start(sentence, within=3) or _counted(sentence))
            for sentence in (piece.text for piece in sentences(text, line_ends=False))
        )
    if section == "goal":
        if is_goal_start(text) or is_goal_sentence(text) or _opens_with_direction(text):
            return False
        return activity_start(text) or (actor_start(text) and has_modal(text))
    if section == "promise":
        # 'Ökad trygghet i centrum' states an aim; 'Ökad samverkan gällande trafikplanering'
        # names the activity that is promised
        short_goal = (
            is_goal_start(text)
            and len(text.split()) <= EXTRACT.goal_item_words
            and not names_an_activity(words(text))
        )
        return not (short_goal or outcome_as_subject(text))
    # No promise heading above: the item must say it is promised.
    if is_goal_start(text) or not_commitment_opener(text):
        return False
    if tag_actors(text):
        return True
    named = actor_start(text) or has_lovar(text) or bool(mentioned_actors(text))
    if has_modal(text) and named or _firm_modal(text) and _counted(text):
        return True  # 'Parterna ska vid minst ett tillfälle informera …' counts what it promises
    if present_activity(text) or passive_activity(text):
        return True  # 'Skola: Polisen besöker samtliga klasser i årskurs 7 ...'
    # Right under the promise's title, bare activities are the promise ('Genomföra fyra …'),
    # and so is a party doing something in the present ('Kommunen utökar arbetet med EST').
    if section != "title" or is_perfect(text):
        return False
    return activity_start(text) or _party_then_present_verb(text)


def _party_then_present_verb(text: str) -> bool:
    """'Kommunen tar prover …', 'Lysekils kommun motverkar …': a party, then a verb in the
    present tense (a listed one, or any ending in -ar, -er or -ör)."""
    ws = words(text)
    if len(ws) > 1 and names_actor(ws[0]):
        verb = ws[1]
    elif len(ws) > 2 and ws[1] in KOMMUN_NOUNS:
        verb = ws[2]  # 'Lysekils kommun utvecklar …'
    else:
        return False
    listed = load_vocab("content_verbs")["present_verbs"]
    return verb in listed or (len(verb) > 3 and verb.endswith(("ar", "er", "ör")))


def sentence_is_commitment(text: str, section: str, has_region: bool, quoted: bool = False) -> bool:
    if quoted:
        return section not in ("background", "follow_up", "goal")
    if _excluded(text) or is_perfect(text) or section == "follow_up":
        return False
    if tag_actors(text) or _binds_a_party(text):
        return True
    if section == "goal" and _party_acts(text):
        return True  # 'Det här ska vi åstadkomma' / 'Polisen ska öka sin synlighet vid …'
    if _frames_the_promise(text, section, has_region):
        return False
    if section == "promise":
        return _promises_under_heading(text)
    return _promises_unheaded(text, has_region)


# 'Polisen har ansvar för att planera …', 'Kommunen ansvarar för att göra en översyn …'
_RESPONSIBLE_FOR = re.compile(r"\b(?:har\s+(?:\w+\s+)?ansvar(?:et)?|ansvarar)\s+för\s+att\s+(\w+)")


def _binds_a_party(text: str) -> bool:
    """A deed a party is made responsible for, or one set as the goal ('Polisens mål är att
    genomföra två trafikinsatser'), or named as its contribution ('Polisens bidrag är ökad
    närvaro genom fotpatrullering'): promised, whatever section it stands in."""
    return _responsible_for_a_deed(text) or deed_as_goal(text) or _party_contributes(text)


# 'Polisens bidrag är …', 'Kommunens åtagande blir …'
_CONTRIBUTION = re.compile(r"^(\w+s)\s+(?:\w+\s+)?(?:bidrag|åtagande|åtaganden)\s+(?:är|blir)\s")


def _party_contributes(text: str) -> bool:
    """A party's contribution named: 'Polisens bidrag är ökad närvaro genom fotpatrullering'."""
    found = _CONTRIBUTION.match(text.lower())
    return bool(found) and bool(actor_of_token(found.group(1)[:-1]))


def _responsible_for_a_deed(text: str) -> bool:
    """A party made responsible for a deed ('Kommunen har ansvar för att hålla
    informationsaktiviteter om narkotika'): what the agreement binds it to do."""
    found = _RESPONSIBLE_FOR.search(text.lower())
    if not found or not actor_start(text, within=4):
        return False
    return verb_start(found.group(1)) and found.group(1) not in ("bidra", "verka", "arbeta")


def _party_acts(text: str) -> bool:
    """A party as subject with a firm modal: 'Polisen ska öka sin synlighet vid …'."""
    return (
        actor_start(text, within=1)
        and has_modal(text)
        and not is_soft(text)
        and not is_goal_sentence(text, predicates=False)
        and not _WORKS_FOR.search(text.lower())
    )


# 'kommer att fortsätta samverka för att öka tryggheten': working for an aim, no activity
_WORKS_FOR = re.compile(r"\b(?:sam)?(?:verka|arbeta)\s+(?:\w+\s+){0,2}?för\b")


_GENERIC = re.compile(
    r"(?:det|de|löftet|löftena|medborgarlöftet|medborgarlöftena)\s+(?:rör sig om|består av|är)\b"
)


def _frames_the_promise(text: str, section: str, has_region: bool) -> bool:
    """Background, goals, aims and the sentence introducing the list: around the promise."""
    if section in ("background", "goal") or (section != "promise" and "följa upp" in text):
        return True
    if is_goal_sentence(text, predicates=section != "promise") or not_commitment_opener(text):
        return True
    if outcome_as_subject(text):
        return True
    if modal_only_subordinate(text) and not present_activity(text):
        return True  # 'Om arbetet ska bli effektivt måste …': the modal is a condition's
    if _FOCUS.search(text.lower()):
        return True  # 'I löftet kommer vi att särskilt fokusera på ...' introduces the list
    focus = _FOCUS_ON_THAT.search(text)  # on the text itself: its offset cuts the text
    if focus and goal_direction(text[focus.end() :]):
        return True  # '… lägger särskilt fokus på att tryggheten ska öka': the aim, no deed
    if announces_list(text) and (section != "promise" or not says_more_after_colon(text)):
        return True  # 'X åtar sig ett antal konkreta åtgärder som ska ...' introduces it too
    # An intro's aim before the promise list: 'ska verka för att ... minskar'.
    return section in ("none", "title") and has_region and is_intent(text)


def _promises_under_heading(text: str) -> bool:
    """Whether a sentence in the promise section is a commitment."""
    if has_modal(text) or actor_start(text, within=3) or activity_start(text):
        return True
    if names_commitment(text):
        return True  # 'Medborgarlöftet innebär att polisen patrullerar ...'
    if present_activity(text):
        return True  # 'Tillsammans genomför kommun och polis fem dialogmöten ...'
    # Bullets lost in copying: 'Två trygghetsvandringar i centrum under hösten.'
    return counts_something(text)


# The parties named again by a pronoun: 'De ska dessutom förmedla …', 'Båda parter ska …';
# not 'De ska också få stöd …' (residents, receiving)
_PARTIES_BY_PRONOUN = re.compile(
    r"^(?:de|båda parter(?:na)?|bägge parter(?:na)?)\s+(?:\w+\s+)?(?:ska|skall|kommer att)\s+"
    r"(?!(?:(?:också|även|dessutom|därför)\s+)?(?:få|vara|bli|kunna)\b)"
)


def _promises_unheaded(text: str, has_region: bool) -> bool:
    """Whether a sentence outside a promise section says who promises what."""
    if is_goal_start(text):
        return False
    if tag_actors(text) or names_commitment(text):
        return True
    actors = mentioned_actors(text) or actor_start(text)
    if has_lovar(text) and actors:
        return True
    if present_activity(text) and not has_region:
        # 'Trafik: Polisen genomför trafikinsatser ..., minst fyra per termin.'; beside a
        # promise list the present tense describes ('Polisen arbetar varje dag ...').
        return True
    if has_modal(text) and not is_soft(text):
        if actor_start(text, within=3) or party_after_modal(text):
            return not text.lower().startswith("vi ")
        if _PARTIES_BY_PRONOUN.match(text.lower()):
            return True  # '… ska kommunen och polisen arbeta … . De ska dessutom förmedla …'
    if not has_region and has_modal(text) and bool(actors):
        return True
    # 'Poliskontoret ska vara bemannat 1 ggr i veckan': a count makes a modal sentence a promise,
    # unless the promise is its subject ('Under 2018 ska löftena utvärderas tre gånger')
    return _firm_modal(text) and _counted(text)


_PROMISE_AS_SUBJECT = re.compile(
    r"(?i)\b(?:ska|skall)\s+(?:\w+\s+)?(?:medborgar)?löfte\w*|\blöfte\w*\s+(?:ska|skall)\b"
)


def _counted(text: str) -> bool:
    """A count of what is promised; not of the promise's own evaluations ('ska löftena …')."""
    return counts_something(text) and not _PROMISE_AS_SUBJECT.search(text)


def _firm_modal(text: str) -> bool:
    return has_modal(text) and not is_soft(text)


def counts_something(text: str) -> bool:
    doc = ParsedDocument("txt", text, [])
    return bool(find_targets(doc, 0, len(text)))


def _opens_with_direction(text: str) -> bool:
    first = text.split()[:1]
    return bool(first) and is_goal_start(first[0])
