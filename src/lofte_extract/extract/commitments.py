"""Commitments: list items and promise sentences, with actors, categories, strength, targets."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..parse import ParsedDocument
from ..records import Commitment
from .actors import JOINT_PARTIES, cell_actors, find_actors, mentioned_actors, tag_actors
from .analysed import sentences, words
from .categories import categorize
from .clauses import modal_only_subordinate
from .coordinated import coordinated_clauses, in_promise_context, is_outcome_clause
from .cues import (
    activity_start,
    describes_situation,
    has_modal,
    is_follow_up_text,
    is_goal_sentence,
    is_soft,
)
from .evidence import evidence_for
from .promise_lines import (
    ABOUT_THE_ITEM,
    RESPONSIBLE,
    counts_something,
    item_is_commitment,
    sentence_is_commitment,
)
from .promise_talk import names_commitment, points_back
from .sections import SectionedLine, goal_list_items, overview_items, sectioned_lines
from .segment import DocumentSpan
from .settings import EXTRACT
from .speech import SPEECH_DASHES, is_quote
from .tables import TableRow, is_header_row, table_row
from .targets import find_targets
from .text_units import Piece, normalize
from .vocab import load_vocab
from .years import promise_years

__all__ = ["commitment_pieces", "covers_several_years", "find_commitments"]

_FIRM = re.compile(r"\b(?:ska|skall|lovar|kommer)\b", re.IGNORECASE)
_MERGED_FOLLOW_UP = re.compile(r"(?<=[a-zåäö,])\s+(?:Uppföljning|Utvärdering|Redovisning)\b")
_YEAR_RANGE = re.compile(r"\b(20\d\d)\s*(?:[-–/]|och|till)\s*(20)?(\d\d)\b")


@dataclass(frozen=True)
class _Candidate:
    piece: Piece
    line: SectionedLine


def covers_several_years(doc: ParsedDocument, span: DocumentSpan) -> bool:
    """Whether the promise covers several years (its years field, '2019-2020')."""
    return len(promise_years(doc.text, span.start, span.end, span.heading).years) > 1


def commitment_pieces(doc: ParsedDocument, span: DocumentSpan) -> list[tuple[Piece, SectionedLine]]:
    """The stretches of text that are commitments, with the line each comes from."""
    lines = sectioned_lines(doc, span)
    has_region = any(line.heading and line.section == "promise" for line in lines)
    not_items = goal_list_items(lines) | overview_items(lines)
    pieces: list[tuple[Piece, SectionedLine]] = []
    for index, sectioned in enumerate(lines):
        line = sectioned.line
        if RESPONSIBLE.match(line.text):
            # 'Ansvar: Kommunen' or '(Polisen)' on its own line says who does the item above;
            # its words are neither the commitment nor its topic.
            _name_responsible(pieces, lines, index)
        elif sectioned.heading or ABOUT_THE_ITEM.match(line.text):
            continue  # 'Syfte: …' under an item says what it is for, no part of it
        elif pieces and _continues(doc, pieces[-1], line):
            # 'och sam-' / 'verka med ...': a list item broken across lines or blocks.
            piece, owner = pieces[-1]
            pieces[-1] = (Piece(piece.start, line.end, doc.text[piece.start : line.end]), owner)
        elif line.kind == "list_item" and not _speech_item(doc, sectioned):
            item = _item_piece(doc, lines, index, not_items)
            if item is not None:
                pieces.append((item, sectioned))
        elif line.kind in ("paragraph", "list_item"):
            pieces.extend(_paragraph_pieces(doc, sectioned, has_region))
    return _without_ledes(doc, pieces)


def _name_responsible(
    pieces: list[tuple[Piece, SectionedLine]], lines: list[SectionedLine], index: int
) -> None:
    """The actors a responsibility line names, added to the item right above it."""
    line = lines[index].line
    if pieces and 0 <= line.start - _last_end(lines, index) <= EXTRACT.responsible_gap_chars:
        piece, owner = pieces[-1]
        named = tuple(dict.fromkeys(owner.responsible + _responsible(line.text)))
        owner = replace(owner, responsible=named, responsible_end=line.end)
        pieces[-1] = (piece, owner)


def _speech_item(doc: ParsedDocument, sectioned: SectionedLine) -> bool:
    """'– Medborgarlöften är ett verktyg … . Det nya löftet innebär att vi ska …': speech whose
    dash was read as a bullet, several sentences long; each sentence is read on its own."""
    line = sectioned.line
    dashed = doc.text[: line.start].rstrip()[-1:] in SPEECH_DASHES
    if sectioned.section == "promise" or not (dashed or is_quote(line.text)):
        return False
    return len(sentences(line.text, line_ends=False, offset=line.start)) > 1


def _item_piece(
    doc: ParsedDocument, lines: list[SectionedLine], index: int, not_items: set[int]
) -> Piece | None:
    """The list item at `index` as a commitment, or None when it is not one."""
    sectioned = lines[index]
    line = sectioned.line
    if line.start in not_items or _numbered_subheading(lines, index):
        return None
    if _under_purpose_intro(lines, index):
        return None  # 'för att:' followed by aims, not activities
    piece = _trim_merged(Piece(line.start, line.end, line.text))
    quoted = is_quote(piece.text) and sectioned.section != "promise"
    if quoted and _quoted_promise(doc, piece) and sectioned.section != "background":
        return piece
    return piece if item_is_commitment(piece.text, sectioned.section) else None


def _paragraph_pieces(
    doc: ParsedDocument, sectioned: SectionedLine, has_region: bool
) -> list[tuple[Piece, SectionedLine]]:
    """A paragraph's commitments: the whole line for a table row, else its promise sentences,
    or their coordinated clauses (marked on the line each comes from)."""
    line = sectioned.line
    row = table_row(line.text, line.start, dashed=sectioned.dashed)
    if row is not None:
        whole = Piece(line.start, line.end, line.text)
        return [(whole, sectioned)] if _row_is_activity(row, sectioned) else []
    clause_of = replace(sectioned, coordinated=True)
    quoted = is_quote(line.text) and not tag_actors(line.text)
    pieces = []
    parts = sentences(line.text, line_ends=False, offset=line.start)
    for index, piece in enumerate(parts):
        if quoted and not _quoted_promise(doc, piece):
            continue  # a quoted statement in an article, whichever sentence says 'säger'
        if clauses := _promised_clauses(piece, sectioned):
            pieces += [(clause, clause_of) for clause in clauses]
        elif sentence_is_commitment(piece.text, sectioned.section, has_region, quoted):
            pieces.append((piece, sectioned))
        elif _lede(parts, index):
            # 'Utökad hastighetsövervakning … . Så lyder löftena …'
            pieces.append((piece, sectioned))
    return pieces


def _promised_clauses(piece: Piece, sectioned: SectionedLine) -> list[Piece]:
    """'grannsamverkan ska växa, polisen ska synas mer och två trygghetsvandringar ska
    hållas' in a paragraph about the promise: each clause that is no outcome goal."""
    if sectioned.section in ("follow_up", "background"):
        return []
    if sectioned.section != "promise" and not in_promise_context(sectioned.line.text):
        return []
    return [c for c in coordinated_clauses(piece) if not is_outcome_clause(c.text)]


def _lede(parts: list[Piece], index: int) -> bool:
    """A news lede naming the promise's points, which the next sentence points back to."""
    return (
        index + 1 < len(parts)
        and points_back(parts[index + 1].text)
        and not is_goal_sentence(parts[index].text)  # 'Det ska kännas tryggare att bo här.'
    )


def _without_ledes(
    doc: ParsedDocument, pieces: list[tuple[Piece, SectionedLine]]
) -> list[tuple[Piece, SectionedLine]]:
    """A lede sums up the items when the promise lists them itself: the items stay."""
    if not any(owner.line.kind == "list_item" for _, owner in pieces):
        return pieces
    return [
        (piece, owner)
        for piece, owner in pieces
        if not (rest := sentences(doc.text[piece.end : owner.line.end], line_ends=False))
        or not points_back(rest[0].text)
    ]


def _row_is_activity(row: TableRow, sectioned: SectionedLine) -> bool:
    """Whether a table row (not its header) is a promised activity."""
    if is_header_row(row):
        return False
    activity = row.activity.text
    # Outside a promise section only rows that read as activities count; a row under
    # an 'Aktivitet – Ansvarig – När' header is an activity by its column.
    listed = sectioned.section in ("title", "none") and (
        activity_start(activity) or counts_something(activity)
    )
    by_header = sectioned.listed and not describes_situation(sectioned.line.text)
    return sectioned.section == "promise" or listed or sectioned.dashed or by_header


def _under_purpose_intro(lines: list[SectionedLine], index: int) -> bool:
    """Whether the list holding line `index` is introduced by '… för att:'."""
    pattern = re.compile(load_vocab("content_goals")["purpose_intro_pattern"], re.IGNORECASE)
    for previous in reversed(lines[:index]):
        if previous.line.kind != "list_item":
            return bool(pattern.search(previous.line.text))
    return False


def _last_end(lines: list[SectionedLine], index: int) -> int:
    """Where the line before `index` ends."""
    return lines[index - 1].line.end if index else -10


def _responsible(text: str) -> tuple[str, ...]:
    """Actors an 'Ansvar: Kommunen ansvarar för ..., Polisen för ...' line names."""
    rest = text.split(":", 1)[1] if ":" in text else text.strip(" ()")
    return tuple(tag_actors(f"({rest.strip()})") or cell_actors(rest) or mentioned_actors(rest))


def _continues(doc: ParsedDocument, last: tuple[Piece, SectionedLine], line) -> bool:
    """Whether `line` carries on the list item `last` ends with: lower-case, right after it."""
    piece, owner = last
    if line.kind == "list_item" or not line.text[:1].islower():
        return False
    if owner.line.kind != "list_item" or not doc.text[piece.end : line.start].isspace():
        return False
    if line.start - piece.end > EXTRACT.continuation_gap_chars:
        return False
    return not re.search(r"[.!?:;]\W*$", piece.text) or piece.text.endswith("-")


def _numbered_subheading(lines: list[SectionedLine], index: int) -> bool:
    """'3. Trygghet i offentlig miljö' between paragraphs: a numbered sub-heading, not an item."""
    text = lines[index].line.text
    if (
        len(text.split()) > EXTRACT.numbered_subheading_words
        or has_modal(text)
        or activity_start(text)
        or tag_actors(text)
    ):
        return False
    kinds = [
        lines[i].line.kind if 0 <= i < len(lines) and not lines[i].heading else "heading"
        for i in (index - 1, index + 1)
    ]
    return "list_item" not in kinds and kinds[1] == "paragraph" and not counts_something(text)


def _quoted_promise(doc: ParsedDocument, piece: Piece) -> bool:
    # '– Vi kommer att göra minst 30 besök per år ..., säger X' is a concrete promise.
    for sentence in sentences(piece.text, line_ends=False, offset=piece.start):
        if not has_modal(sentence.text):
            continue
        targets = find_targets(doc, sentence.start, sentence.end)
        if any(t.text.split()[0].lower() not in ("en", "ett") for t in targets):
            return True
        if _we_do_deeds(sentence.text) or names_commitment(sentence.text):
            return True  # '– Löftet är att vi ska koncentrera oss på …, säger X'
    return False


def _we_do_deeds(text: str) -> bool:
    """'– Med start 2016 ska vi göra flera riktade insatser vid Resecentrum': the speaker's
    side promises named deeds, in the plural."""
    ws = words(text)
    modal = next((i for i, w in enumerate(ws) if w in ("ska", "skall")), None)
    if modal is None or "vi" not in ws[max(0, modal - 1) : modal + 2]:
        return False
    if modal_only_subordinate(text):
        return False  # '… det viktigaste för att vi ska få underlag till samordnade insatser'
    deeds = tuple(load_vocab("content_verbs")["quoted_deed_endings"])
    return any(w.endswith(deeds) for w in ws)


def find_commitments(doc: ParsedDocument, span: DocumentSpan) -> list[Commitment]:
    """Concrete promises in the span, each with actors, categories, strength and targets."""
    several = covers_several_years(doc, span)
    commitments = []
    for piece, sectioned in commitment_pieces(doc, span):
        context = list(sectioned.context_actors)
        row = table_row(piece.text, piece.start, dashed=sectioned.dashed)
        if row is not None:
            commitments.append(_row_commitment(doc, row, context, several))
            continue
        text = normalize(piece.text)
        actors, rule = _or_joint(
            list(sectioned.responsible) or find_actors(text, context),
            f"commitments.{sectioned.line.kind}.{sectioned.section}"
            + (".coordinated_clause" if sectioned.coordinated else ""),
        )
        commitments.append(
            Commitment(
                text=text,
                actors=actors,  # type: ignore[arg-type]
                categories=categorize(text),
                strength=_strength(text),
                targets=find_targets(doc, piece.start, piece.end, several),
                # The evidence reaches the 'Ansvar:' line that names the actors.
                evidence=evidence_for(
                    doc,
                    piece.start,
                    max(piece.end, sectioned.responsible_end),
                    rule,
                ),
            )
        )
    return _first_of_each(commitments)


def _first_of_each(commitments: list[Commitment]) -> list[Commitment]:
    """A sentence a page sets twice (a lede repeated as a caption, a list printed twice) is one
    commitment; a short line recurring under each item it describes is not one sentence."""
    seen: set[str] = set()
    kept = []
    for commitment in commitments:
        key = " ".join(commitment.text.lower().split())
        if key in seen:
            continue
        if len(key.split()) >= EXTRACT.repeated_sentence_words:
            seen.add(key)
        kept.append(commitment)
    return kept


def _row_commitment(doc: ParsedDocument, row: TableRow, context: list, several: bool) -> Commitment:
    # The activity cell is the commitment; the other cells say who ('Ansvarig') and when.
    activity = row.activity
    text = normalize(activity.text)
    named = [
        actor
        for cell in row.cells[1:]
        for actor in (cell_actors(cell.text) or mentioned_actors(cell.text))
    ]
    targets = find_targets(doc, activity.start, activity.end, several)
    for cell in row.cells[1:]:
        targets += [t for t in find_targets(doc, cell.start, cell.end, several) if t.unit]
    actors, rule = _or_joint(
        list(dict.fromkeys(named)) or find_actors(text, context), "commitments.table_row"
    )
    return Commitment(
        text=text,
        actors=actors,  # type: ignore[arg-type]
        categories=categorize(text),
        strength=_strength(text),
        targets=targets,
        evidence=evidence_for(doc, activity.start, activity.end, rule),
    )


def _or_joint(actors: list, rule: str) -> tuple[list, str]:
    """The actors found, else the joint promise's parties with the rule saying so: a
    medborgarlöfte is polisen's and the kommun's together, so a deed naming no party is
    theirs (in the gold, 'kommun, polisen' is the commonest reading by far)."""
    if actors:
        return actors, rule
    return list(JOINT_PARTIES), f"{rule}+actors.joint_default"


def _trim_merged(piece: Piece) -> Piece:
    """The item without how it is followed up: a follow-up line glued onto the last item by
    the layout ('... unga Uppföljning sker'), or the item's closing sentences ('Polisen och
    kommunen kommer att göra insatser … . Uppföljningen sker genom avloppsmätningar.')."""
    match = _MERGED_FOLLOW_UP.search(piece.text)
    if match:
        text = piece.text[: match.start()].rstrip()
        piece = Piece(piece.start, piece.start + len(text), text)
    parts = sentences(piece.text, line_ends=False, offset=piece.start)
    kept = len(parts)
    while kept > 1 and is_follow_up_text(parts[kept - 1].text):
        kept -= 1
    if kept == len(parts):
        return piece
    end = parts[kept - 1].end
    return Piece(piece.start, end, piece.text[: end - piece.start])


def _strength(text: str) -> str:
    # The first sentence carries the promise; 'Insatserna bör genomföras i samverkan ...'
    # after 'Polisen ska genomföra minst fyra insatser' does not soften it.
    # 'där även övriga myndigheter bör delta' softens a side clause, not the promise; the
    # wording right after the modal does: 'Polisen ska verka för ...'.
    first = sentences(text, line_ends=False)
    sentence = first[0].text if first else text
    match = _FIRM.search(sentence)
    if match is None:
        return "soft" if is_soft(sentence) else "firm"
    head = (
        sentence[: match.end()]
        + " "
        + " ".join(sentence[match.end() :].split()[: EXTRACT.firm_head_words])
    )
    return "soft" if is_soft(head) else "firm"
