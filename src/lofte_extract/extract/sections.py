"""Which part of a promise each line belongs to: promise, goal, background, follow-up."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..parse import ParsedDocument
from .actors import leadin_actors, mentioned_actors, tag_actors
from .analysed import analysed, words
from .cues import (
    activity_start,
    actor_start,
    has_modal,
    is_goal_sentence,
    is_goal_start,
    is_perfect,
    is_soft,
    present_activity,
    strip_label,
    verb_start,
)
from .headings import (
    Section,
    classify_heading,
    heading_key,
    last_sentence,
    lists_what_was_done,
)
from .segment import DocumentSpan
from .settings import EXTRACT
from .tables import is_dashed_header, is_header_row, table_row
from .text_units import Line, span_lines
from .vocab import load_vocab

__all__ = [
    "SectionedLine",
    "goal_list_items",
    "is_heading_like",
    "overview_items",
    "sectioned_lines",
]

_FOLLOWING = re.compile(r"\b(?:lovar|ska|skall|kommer|överens om)\b[^.]*\bföljande\b[^.]*\.$")


@dataclass(frozen=True)
class SectionedLine:
    """A line with the section it sits in and the actors its lead-in names."""

    line: Line
    section: Section
    heading: bool = False  # a heading or lead-in line, not content
    context_actors: tuple[str, ...] = field(default_factory=tuple)
    dashed: bool = False  # a row of a dash-separated table (see tables.py)
    listed: bool = False  # a row under a header row of column names: a promise by position
    responsible: tuple[str, ...] = field(default_factory=tuple)  # from an 'Ansvar:' line below
    responsible_end: int = -1  # where that line ends: evidence for the actors
    coordinated: bool = False  # a piece is one of its sentence's coordinated clauses


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    return load_vocab("sections")


def is_heading_like(line: Line) -> bool:
    """A heading block, a short line without a closing full stop, or a lead-in ending in ':'."""
    text = line.text.strip()
    if text.endswith((":", ";")):
        return True
    if _FOLLOWING.search(text) and len(text.split()) <= EXTRACT.following_leadin_words:
        return True  # 'X och Y lovar invånarna följande under 2025.' introduces a list
    words = text.split()
    if line.kind == "heading":
        # PDFs set whole sentences in bold: 'Minst två narkotikainsatser ... (Polis)'.
        sentence = re.search(r"[.)]\W*$", text) and len(words) >= EXTRACT.bold_sentence_words
        return not (sentence or tag_actors(text))
    if line.kind != "paragraph" or not text[:1].isupper():
        return False
    if re.search(r"(\.\.\.|…)$", text) and len(words) <= EXTRACT.ellipsis_leadin_words:
        return True  # 'Vi lovar...'
    return len(words) <= EXTRACT.max_heading_words and not re.search(r"[.!?…]\W*$|[.!?]\s", text)


def sectioned_lines(doc: ParsedDocument, span: DocumentSpan) -> list[SectionedLine]:
    """Every line of the span with its section; headings and lead-ins flagged.

    Worked out once per span of an analysed document, however many extractors ask.
    """
    page = analysed(doc)
    return list(page.memo(("sectioned_lines", span), lambda: _sectioned(page, span)))


def _sectioned(doc: ParsedDocument, span: DocumentSpan) -> list[SectionedLine]:
    reader = _SectionReader()
    for line in span_lines(doc, span):
        if _is_noise(line.text):
            continue
        if reader.restore is not None and line.kind != "list_item":
            reader.section, reader.restore = reader.restore, None
        if reader.table_line(line):
            continue
        if is_heading_like(line):
            reader.heading(line)
            continue
        reader.content(line)
    return reader.out


@dataclass
class _SectionReader:
    """The state of reading a span's lines top to bottom: the section each line is in."""

    out: list[SectionedLine] = field(default_factory=list)
    section: Section = "none"
    actors: tuple[str, ...] = ()
    titles: set[str] = field(default_factory=set)
    dashed: bool = False
    piped: bool = False
    restore: Section | None = None  # the section an in-line promise cue interrupted

    def add(self, line: Line, heading: bool, **flags: bool) -> None:
        """Append `line` in the current section with the current actors."""
        self.out.append(SectionedLine(line, self.section, heading, self.actors, **flags))

    def table_line(self, line: Line) -> bool:
        """Whether `line` is a table row or a dashed table's header (then it is added)."""
        row_line = Line(line.start, line.end, line.text, "paragraph", line.level)
        row = table_row(line.text, line.start)
        if row is not None:
            row_line = line if line.kind == "list_item" else row_line
            # Every row under 'Aktivitet | Ansvarig | Tidpunkt' is a promise, however worded.
            listed = self.piped and self.section != "follow_up"
            self.piped = self.piped or _activity_header(row)
            self.add(row_line, False, listed=listed)
            return True
        self.piped = False
        if self.dashed and table_row(line.text, line.start, dashed=True) is not None:
            # HTML renders short rows as bold headings; a row is content whatever its style.
            self.add(row_line, False, dashed=True)
            return True
        self.dashed = is_dashed_header(line.text)
        if self.dashed:
            self.add(line, True)
        return self.dashed

    def heading(self, line: Line) -> None:
        """A heading or lead-in: the section (and actors) it opens, or an item it really is."""
        kind = classify_heading(line.text)
        if kind is None and self.section == "promise" and _joint_heading(line.text):
            # 'Tillsammans ska vi', 'Gemensamt': the items below are both parties'.
            self.actors = tuple(leadin_actors(line.text))
            self.add(line, True)
            return
        if kind == "background" and self.section == "promise" and _names_a_topic(line.text):
            self.add(line, True)  # 'Fokusområde Narkotika:' groups the promises below it
            return
        if kind is None and self.section == "promise" and _reads_as_item(line.text):
            # Short unbulleted lines under 'lovar att:' are the items themselves.
            self.add(Line(line.start, line.end, line.text, "list_item", line.level), False)
            return
        if kind is None and _states_a_promise(line.text):
            # 'Polisen ska tillsammans med skolor genomföra narkotikasök' set as a heading over
            # its follow-up: the promise itself, not a title
            self.add(Line(line.start, line.end, line.text, "paragraph", line.level), False)
            return
        if kind == "title":
            # A running page header repeats the title; it does not end the list.
            key = heading_key(line.text)
            if key in self.titles:
                return
            self.titles.add(key)
        if kind == "actor":
            self.actor_heading(line)
        elif kind is not None:
            self.open_section(line, kind)
        self.add(line, True)

    def actor_heading(self, line: Line) -> None:
        """'Polis', 'Västtrafik' name who acts inside a promise list; 'Polisen lovar:' opens
        one; a bare 'Lekebergs kommun' at the top is page furniture."""
        opens = re.search(r"\b(ska|skall|lovar|kommer)\b", line.text.lower())
        if self.section == "promise" or opens:
            self.section = "promise"
            self.actors = tuple(mentioned_actors(line.text))

    def open_section(self, line: Line, kind: Section) -> None:
        """A heading opening section `kind`, with the actors its lead-in names."""
        follows_promise_heading = (
            bool(self.out) and self.out[-1].heading and self.section == "promise"
        )
        if kind == "follow_up" and lists_what_was_done(line.text):
            self.restore = self.section  # the list below reports; the text after it goes on
        self.section = kind
        last = last_sentence(line.text)
        # 'Polisen lovar:', 'Vi lovar', 'Kommunerna åtar sig att:' name who promises.
        named = tuple(leadin_actors(last)) if kind in ("promise", "goal") else ()
        if named or not (kind == "promise" and follows_promise_heading):
            self.actors = named

    def content(self, line: Line) -> None:
        """A content line; a promise stated in it, or a follow-up paragraph, moves the section."""
        if line.kind == "heading":
            line = Line(line.start, line.end, line.text, "paragraph", line.level)
        presents = self.section != "promise" and _presents_promises(line.text)
        if self.section in ("background", "none", "title", "goal") and _inline_promise(
            line.text, self.section
        ):
            # 'Medborgarlöftet innebär att polisen ...' under 'Lägesbild' states the promise.
            self.restore, self.section = self.section, "promise"
        elif self.section == "background" and _ends_background(line.text):
            self.section = "promise"  # 'Polisen ska ...', 'Trafik: Polisen genomför ...'
        if line.kind == "paragraph" and classify_heading(line.text.split(".")[0]) == "follow_up":
            # 'Uppföljningen av målen sker …' under a goal heading says how the goals listed
            # below it are followed up: they stay goals
            reported = line.text.lower().startswith(("uppföljning", "utvärdering", "redovisning"))
            if reported and self.section != "goal":
                self.section = "follow_up"
        self.add(line, False)
        if presents:  # '… medborgarlöften för 2021-2025 ser ut så här.' over the list
            self.restore, self.section = self.section, "promise"


def goal_list_items(lines: list[SectionedLine]) -> set[int]:
    """Starts of list items in goal sections whose list is mostly outcomes.

    'Det här ska vi uppnå' lists outcomes, and an activity among them ('Fortsätta arbeta med
    ungdomar') is one too; a list of activities under a goal heading is a list of promises.
    """

    chosen: set[int] = set()
    run: list[Line] = []
    for sectioned in [*lines, None]:
        in_run = (
            sectioned is not None
            and sectioned.section == "goal"
            and not sectioned.heading
            and sectioned.line.kind == "list_item"
        )
        if in_run:
            run.append(sectioned.line)  # type: ignore[union-attr]
            continue
        if run:
            goal_like = sum(
                1
                for item in run
                if is_goal_start(item.text)
                or is_goal_sentence(item.text)
                or is_goal_start(item.text.split()[0])  # 'Öka tryggheten ... genom ...'
            )
            if goal_like * 2 >= len(run):
                chosen.update(item.start for item in run)
            run = []
    return chosen


def overview_items(lines: list[SectionedLine]) -> set[int]:
    """Starts of the items of an overview list: areas whose promises come further down.

    A list naming headings below ('• Droger/folkhälsa' over the section 'Droger/folkhälsa';
    one named heading marks the whole list, as a page cut off loses the others), or bare
    areas under a lead-in naming areas ('lägga fokus på dessa områden:') with a list of
    promises below it.
    """
    later: set[str] = set()  # keys of the headings below the line being read
    chosen: set[int] = set()
    run: list[SectionedLine] = []
    promises_below = False
    for sectioned in [*reversed(lines), None]:  # bottom up, so everything below is known
        if sectioned is not None and sectioned.line.kind == "list_item" and not sectioned.heading:
            run.append(sectioned)
            continue
        if run:
            names_headings = any(heading_key(item.line.text) in later for item in run)
            areas = promises_below and _area_list(sectioned, run)
            if names_headings or areas:
                chosen.update(item.line.start for item in run)
            promises_below = promises_below or run[0].section == "promise"
            run = []
        if sectioned is not None and sectioned.heading:
            later.add(heading_key(sectioned.line.text))
    return chosen


def _area_list(leadin: SectionedLine | None, items: list[SectionedLine]) -> bool:
    """Bare areas ('Trafiksäkerhet') under a lead-in naming areas: 'dessa områden:'."""
    if leadin is None or not leadin.heading:
        return False
    # the list is the areas themselves ('… dessa områden:'), not the means ('… genom:')
    tail = words(last_sentence(leadin.line.text))[-2:]
    if tail and tail[-1] in _cues()["area_prepositions"]:
        tail = tail[:-1]  # 'med inriktning på:'
    if not tail or tail[-1] not in _cues()["area_nouns"]:
        return False
    return all(
        len(item.line.text.split()) <= EXTRACT.area_item_words
        and not (has_modal(item.line.text) or verb_start(item.line.text))
        for item in items
    )


def _activity_header(row) -> bool:

    names = _cues()["activity_headers"]
    return is_header_row(row) and any(c.text.lower().strip(" :") in names for c in row.cells)


def _inline_promise(text: str, section: str) -> bool:
    """A paragraph opening that states the promise: 'Medborgarlöftet innebär att ...'."""
    normal = " ".join(words(text[: EXTRACT.inline_promise_chars]))
    if any(normal.startswith(cue + " ") for cue in _cues()["inline_promise"]):
        return True
    if section != "background":
        return False  # in an intro 'X och Y lovar att verka för ...' states the aim
    # 'Polisen och kommunen lovar att ...' after the situation: actors, then the promise verb.
    head = normal.split()[: EXTRACT.opening_words]
    return "lovar" in head and bool(mentioned_actors(" ".join(head[: head.index("lovar")])))


def _ends_background(text: str) -> bool:
    """A paragraph that opens a promise: 'Kommunen ska ...' or a labelled 'Trafik: Polisen ...'."""

    first = re.split(r"(?<=[.!?])\s+", text.strip())[0]
    if is_perfect(first) or not actor_start(first, within=3):
        return False
    if any(word in first.lower() for word in _cues()["title_words"]):
        return False  # 'Polisen ska enligt uppdraget ta fram medborgarlöften ...' explains them
    head = " ".join(first.split()[: EXTRACT.opening_words])
    if has_modal(head) and not is_soft(first):
        return True
    return strip_label(first) != first and present_activity(first)


def _joint_heading(text: str) -> bool:
    ws = words(text)
    if not 1 <= len(ws) <= EXTRACT.joint_heading_words or mentioned_actors(text):
        return False
    rest = [w for w in ws if w not in ("ska", "skall", "lovar", "att", "vi", "och")]
    return bool(leadin_actors(text)) and len(rest) <= EXTRACT.actor_heading_rest and ws != ["vi"]


def _presents_promises(text: str) -> bool:
    """A paragraph ending by presenting the promises named in it: the list below is them."""
    last = last_sentence(text).lower().rstrip(" .:!")
    lofte = load_vocab("meta_years")["lofte_word"]
    return bool(re.search(lofte, last)) and last.endswith(tuple(_cues()["presenting_endings"]))


def _names_a_topic(text: str) -> bool:
    return heading_key(text).startswith(tuple(_cues()["topic_heading_starts"]))


def _reads_as_item(text: str) -> bool:

    if text.rstrip().endswith((":", ";")) or len(text.split()) < EXTRACT.item_min_words:
        return False
    if len(text.split()) < EXTRACT.verbless_item_words and not verb_start(text):
        return False
    if has_modal(text) or actor_start(text, within=2):
        return True
    return verb_start(text) or (
        activity_start(text) and len(text.split()) >= EXTRACT.activity_item_words
    )


def _states_a_promise(text: str) -> bool:
    """A party, a firm modal and an activity: 'Kommunen ska införa rutinen för att …'."""
    # a label ('Löftet: Polisen ska …') makes a headline; a trailing comma, a line cut short
    if ":" in text or text.rstrip().endswith((",", ";")):
        return False
    if len(text.split()) < EXTRACT.promise_line_words:
        return False
    if re.search(load_vocab("meta_years")["lofte_word"], text.lower()):
        return False  # 'Polisen ska ta fram tre löften': a headline about promises
    return actor_start(text, within=1) and has_modal(text) and not is_soft(text)


def _is_noise(text: str) -> bool:
    # Rules, signature columns and lines without words carry no content.
    if not re.search(r"[a-zåäöéA-ZÅÄÖÉ]{2}", text):
        return True
    return bool(re.search(r"\S\s{4,}\S", text)) and len(text.split()) <= EXTRACT.noise_line_words
