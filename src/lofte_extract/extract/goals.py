"""Outcome goals ('Bostadsinbrotten ska minska') with their direction."""

from __future__ import annotations

import re

from ..parse import ParsedDocument
from ..records import Goal
from .analysed import sentences
from .announcing import announces_list
from .coordinated import coordinated_clauses, is_outcome_clause
from .cues import (
    activity_start,
    actor_start,
    goal_direction,
    has_modal,
    is_follow_up_text,
    is_goal_sentence,
    is_goal_start,
    is_outcome,
    is_result,
    is_vision,
    states_the_general_aim,
)
from .evidence import evidence_for
from .outcome_cues import (
    AIM_OPENER,
    aims_at_a_deed,
    aims_at_an_outcome,
    impersonal_outcome,
    outcome_as_subject,
    purpose_of_this_promise,
)
from .promise_lines import counts_something
from .promise_talk import defines_the_promise
from .sections import goal_list_items, sectioned_lines
from .segment import DocumentSpan
from .settings import EXTRACT
from .speech import is_quote
from .text_units import Line, Piece, normalize
from .vocab import load_vocab

__all__ = ["find_goals"]

# 'Bild: Eva Strömblad Fotograf: …' captions a picture, wherever in the line it stands.
_CAPTION = re.compile(r"(?<![\wåäö])(?:Bild|Foto|Fotograf)\s*:")
# 'X ska öka och att färre ska utsättas' holds two goals.
_AND_THAT = re.compile(r",?\s+och\s+att\s+")
# 'Målet är att A ska öka, B minska och C stärkas': coordinated goal clauses.
_CLAUSE_SEPARATOR = re.compile(r",\s*(?:och\s+)?(?:att\s+)?|\s+och\s+(?:att\s+)?")
# A quote's opening dash and its speaker tag ('– Målet är att …, säger Anna Berg.')
_SPEECH_DASH = re.compile(r"^\s*[–-]\s*")
_SPEAKER_TAG = re.compile(r",\s+(?:säger|berättar|menar|förklarar)\s.*$", re.S)
# 'Målet med insatsen är att …', 'Syftet är att …': the quoted sentence names the aim itself
_QUOTED_AIM = re.compile(r"(?i)^(?:\S+\s+){0,3}?(?:mål|syft)\w*(?:\s+\S+){0,3}?\s+är\s+att\s")

# A goal found: its words and the rule that found it.
_Found = list[tuple[Piece, str]]


def find_goals(doc: ParsedDocument, span: DocumentSpan) -> list[Goal]:
    """Goals from goal sections, goal-like list lines, and goal sentences elsewhere."""
    goals: list[Goal] = []
    seen: set[str] = set()
    promised = False
    lines = sectioned_lines(doc, span)
    outcome_items = goal_list_items(lines)
    for sectioned in lines:
        line = sectioned.line
        section = sectioned.section
        promised = promised or (sectioned.heading and section == "promise")
        if sectioned.heading:
            # 'Målsättningen är att … . Polisen och kommunen lovar att:' leads into a list
            # with its last sentence; the sentences before it say what they say
            for piece in _leading_sentences(line):
                for part in _parts(piece):
                    _add(goals, seen, doc, part, "goals.leading_sentence")
            continue
        if line.kind == "paragraph" and section != "follow_up":
            for piece, rule in _purpose_goals(line):
                _add(goals, seen, doc, piece, rule)
        if section == "background":
            if line.kind == "paragraph":
                _stated_goals(goals, seen, doc, line)
            elif _is_aim_item(line.text):
                _add(goals, seen, doc, Piece(line.start, line.end, line.text), "goals.aim_item")
            continue
        if section == "follow_up":
            found = _follow_up_goals(line)
        elif section == "goal" and not promised:
            found = _opening_goals(line)
        elif line.kind == "list_item":
            found = _item_goals(line, section, outcome_items)
        elif line.kind == "paragraph":
            found = [
                goal
                for piece in sentences(line.text, line_ends=False, offset=line.start)
                for goal in _sentence_goals(piece, section)
            ]
        else:
            continue
        for piece, rule in found:
            _add(goals, seen, doc, piece, rule)
    return goals


def _leading_sentences(line: Line) -> list[Piece]:
    """Stated aims among a lead-in paragraph's sentences before the one leading into the
    list ('Målsättningen är att unga ska få större kunskap om …')."""
    if line.kind != "paragraph":
        return []
    return [
        piece
        for piece in sentences(line.text, line_ends=False, offset=line.start)[:-1]
        if is_goal_sentence(piece.text, predicates=False) and not is_quote(piece.text)
    ]


def _purpose_goals(line: Line) -> _Found:
    """'… överens om medborgarlöften för 2022. Syftet är att antalet brott ska minska och
    att tryggheten ska öka.': the purpose of this promise, stated after presenting it."""
    pieces = sentences(line.text, line_ends=False, offset=line.start)
    return [
        (part, "goals.purpose_of_promise")
        for index, piece in enumerate(pieces[1:], start=1)
        if purpose_of_this_promise(piece.text, [p.text for p in pieces[:index]])
        for part in _parts(piece)
    ]


def _follow_up_goals(line: Line) -> _Found:
    """'Uppföljning ... Målet är att andelen otrygga ska minska.' states a goal too."""
    return [
        (piece, "goals.follow_up_section")
        for piece in sentences(line.text, line_ends=False, offset=line.start)
        if is_goal_sentence(piece.text, predicates=False) and not is_result(piece.text)
    ]


def _opening_goals(line: Line) -> _Found:
    """Goals of a 'Mål' section before the promise: only those naming a concrete outcome.

    An opening 'Mål' section states the general aim, as 'Syfte' does, unless it names a
    concrete outcome: 'Antalet anmälda skadegörelsebrott ska minska.'
    """
    if line.kind == "list_item" and _is_outcome_item(line.text):
        # 'Mål' / '• Att alla som bor här ska uppleva ökad trygghet.': a listed outcome
        return [(Piece(line.start, line.end, line.text), "goals.goal_list")]
    return [
        (part, "goals.goal_section_outcome")
        for piece in sentences(line.text, line_ends=False, offset=line.start)
        # 'Polisen ska öka sin synlighet vid …' names who does what: an activity
        if _own_outcome(piece.text)
        for part in _parts(piece)
    ]


def _own_outcome(text: str) -> bool:
    """A concrete outcome ('Antalet anmälda skadegörelsebrott ska minska'), or a stated aim
    naming this promise's own ('Vårt mål är att minska felbeteenden i trafiken'), not the aim
    of every promise ('Målet är att uppnå ökad trygghet och minskad brottslighet')."""
    if actor_start(text, within=3):
        return False
    stated = is_goal_sentence(text, predicates=False) and not states_the_general_aim(text)
    return is_outcome(text) or stated


def _item_goals(line: Line, section: str, outcome_items: set[int]) -> _Found:
    """A list item that is a goal, or the goal sentences after an item's first sentence."""
    if section == "promise" and (
        aims_at_an_outcome(line.text) or outcome_as_subject(line.text) or is_vision(line.text)
    ):
        return [(Piece(line.start, line.end, line.text), "goals.outcome_item")]
    if section == "goal" or (section != "promise" and is_goal_start(line.text)):
        if line.start in outcome_items or _is_goal_item(line.text, section):
            return [(Piece(line.start, line.end, line.text), "goals.list_item")]
        return []
    pieces = sentences(line.text, line_ends=False, offset=line.start)
    if is_quote(line.text):  # speech whose dash was read as a bullet
        return [found for piece in pieces for found in _quoted_aim(piece)]
    return [
        (piece, "goals.list_item_sentence")
        for piece in pieces[1:]
        if is_goal_sentence(piece.text, predicates=False) and not is_quote(piece.text)
    ]


def _sentence_goals(piece: Piece, section: str) -> _Found:
    """The goals one sentence of a paragraph states, by the section it stands in."""
    if is_quote(piece.text):
        return _quoted_aim(piece)
    if is_result(piece.text) or is_follow_up_text(piece.text):
        return []
    if section == "goal":
        if actor_start(piece.text, within=3) and has_modal(piece.text):
            return []  # 'Polisen och kommunen kommer också att ...' is an activity
        if goal_direction(piece.text) or is_goal_sentence(piece.text):
            return [(part, "goals.goal_section") for part in _parts(piece)]
        return []
    if is_goal_start(piece.text) and section != "promise":
        return [(piece, "goals.goal_start")]
    if (
        is_goal_sentence(piece.text, predicates=section != "promise")
        or impersonal_outcome(piece.text)
        or (section == "promise" and outcome_as_subject(piece.text))
    ):
        return [(part, "goals.sentence") for part in _parts(piece)]
    return []


def _quoted_aim(piece: Piece) -> _Found:
    """'– Målet med insatsen är att boende ska känna sig tryggare, säger X': a speaker
    stating the promise's aim states a goal; any other quote states none."""
    dash = _SPEECH_DASH.match(piece.text)
    start = piece.start + (dash.end() if dash else 0)
    tag = _SPEAKER_TAG.search(piece.text)
    end = piece.start + tag.start() if tag else piece.end
    aim = Piece(start, end, piece.text[start - piece.start : end - piece.start])
    if not _QUOTED_AIM.match(aim.text) or states_the_general_aim(aim.text):
        return []
    return [(part, "goals.quoted_aim") for part in _parts(aim)]


def _stated_goals(goals: list[Goal], seen: set[str], doc: ParsedDocument, line: Line) -> None:
    """'Målet är att A ska minska och att B ska öka' stated amid the background: two goals."""
    for piece in sentences(line.text, line_ends=False, offset=line.start):
        if is_quote(piece.text) or is_result(piece.text):
            continue
        stated = is_goal_sentence(piece.text, predicates=False)
        # 'Skadegörelsen ska minska': an outcome as subject with a modal and a direction,
        # not a doer ('Polisen ska öka närvaron' is an activity).
        outcome = is_outcome(piece.text) and not actor_start(piece.text)
        if (stated or outcome) and goal_direction(piece.text):
            for part in _parts(piece):
                _add(goals, seen, doc, part, "goals.stated_aim" if stated else "goals.outcome")


def _is_outcome_item(text: str) -> bool:
    """A list item naming an outcome with a direction, not an activity: 'Att färre ska …'."""
    if " genom att " in f" {text.lower()} ":
        return False  # 'Höja tryggheten genom att vara närvarande …' says how: an activity
    return goal_direction(text) is not None and not activity_start(text) and not actor_start(text)


def _is_aim_item(text: str) -> bool:
    """A listed aim worded 'Att X ska …' with a direction ('Att färre platser ska upplevas
    som otrygga'): a goal wherever the list stands; a problem list is not worded so."""
    return (
        text.lower().startswith("att ")
        and has_modal(text)
        and goal_direction(text) is not None
        and not is_result(text)
    )


def _is_goal_item(text: str, section: str) -> bool:
    if is_goal_start(text) or is_goal_sentence(text):
        return True
    if section == "goal":
        return not (activity_start(text) or (actor_start(text) and has_modal(text)))
    return False


def _parts(piece: Piece) -> list[Piece]:
    """A goal sentence's goals: its coordinated clauses when each states a direction."""
    clauses = coordinated_clauses(piece)
    outcomes = [clause for clause in clauses if is_outcome_clause(clause.text)]
    if len(outcomes) < len(clauses):
        # 'antalet inbrott ska minska, fler grannsamverkansområden ska startas, …': the
        # promised activities among them are commitments
        return outcomes
    opener = AIM_OPENER.match(piece.text)
    body = _sub(piece, opener.end(), len(piece.text)) if opener else piece
    clauses = _clauses(body)
    if len(clauses) > 1:
        # the first goal keeps its opener, as the gold does ('Målet är att A ska minska')
        first = _sub(piece, 0, clauses[0].end - piece.start)
        return [first, *clauses[1:]]
    parts = _split(piece, _AND_THAT)
    # 'Ökad trygghet, och att invånare … ges möjlighet att bidra': a second clause with no
    # direction of its own completes the first
    if len(parts) > 1 and not all(
        goal_direction(part.text) or has_modal(part.text) for part in parts[1:]
    ):
        return [piece]
    return parts


def _clauses(piece: Piece) -> list[Piece]:
    """Coordinated goal clauses; a fragment with no verb ('invånarna, polisen') joins the next."""
    clauses: list[Piece] = []
    begin = 0
    for match in [*_CLAUSE_SEPARATOR.finditer(piece.text), None]:
        stop = match.start() if match else len(piece.text)
        candidate = _sub(piece, begin, stop)
        if _is_goal_clause(candidate.text):
            clauses.append(candidate)
            begin = match.end() if match else stop
    if len(clauses) > 1 and begin < len(piece.text.rstrip(". ")):
        # '… och tryggheten öka för dem som bor, verkar och vistas i kommunen': the tail
        # finishes the last clause
        clauses[-1] = _sub(piece, clauses[-1].start - piece.start, len(piece.text))
        return clauses
    if begin < len(piece.text.rstrip(". ")) or not clauses:
        return [piece]  # a tail that is no goal clause: keep the sentence whole
    return clauses


def _is_goal_clause(text: str) -> bool:
    """A clause with a verb of direction: 'brottsligheten minska', 'C ska motverkas'."""
    goals = load_vocab("content_goals")
    words = [w.lower().strip(".,:;") for w in text.split()]
    direction_verbs = [
        w
        for w in words
        if w.startswith(tuple(goals["clause_verb_stems"])) and w not in goals["clause_adjectives"]
    ]
    has_modal = any(w in goals["clause_modals"] for w in words)
    return bool(direction_verbs) or (has_modal and goal_direction(text) is not None)


def _sentence_around(text: str, piece: Piece) -> str:
    """The whole sentence of its line a goal piece was cut from."""
    begin = text.rfind("\n", 0, piece.start) + 1
    end = text.find("\n", piece.end)
    for sentence in sentences(text, begin, len(text) if end < 0 else end, line_ends=False):
        if sentence.start <= piece.start < sentence.end:
            return sentence.text
    return piece.text


def _split(piece: Piece, separator: re.Pattern) -> list[Piece]:
    parts: list[Piece] = []
    begin = 0
    for match in separator.finditer(piece.text):
        parts.append(_sub(piece, begin, match.start()))
        begin = match.end()
    parts.append(_sub(piece, begin, len(piece.text)))
    return [part for part in parts if len(part.text.split()) >= EXTRACT.goal_part_words]


def _sub(piece: Piece, begin: int, end: int) -> Piece:
    return Piece(piece.start + begin, piece.start + end, piece.text[begin:end])


def _add(goals: list[Goal], seen: set[str], doc: ParsedDocument, piece: Piece, rule: str) -> None:
    text = normalize(piece.text)
    key = text.lower().rstrip(".")
    around = _sentence_around(doc.text, piece)
    if not text or key in seen or announces_list(around) or defines_the_promise(around):
        return  # 'Löftet består av konkreta aktiviteter som ska öka tryggheten': what any
        # medborgarlöfte is, not this one's goal
    if counts_something(text) or aims_at_a_deed(text):
        return  # 'Målsättningen är att genomföra minst tre dialogtillfällen': a deed
    if text.rstrip().endswith("?") or _CAPTION.search(text):
        return  # 'Har du synpunkter … ?' asks; 'Bild: … Fotograf: …' captions a picture
    seen.add(key)
    direction = goal_direction(text)
    goals.append(
        Goal(
            text=text, direction=direction, evidence=evidence_for(doc, piece.start, piece.end, rule)
        )  # type: ignore[arg-type]
    )
