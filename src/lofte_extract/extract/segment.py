"""Segment a source holding several promise documents into one span per promise period.

This is extraction, not parsing: a period heading is recognised by what extract knows of
promises, years and kommuner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse import ParsedDocument
from .analysed import body_lines
from .kommun import heading_kommuner
from .meta_vocab import is_furniture
from .periods import heading_years, is_period_heading
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["DocumentSpan", "split_documents"]


@dataclass(frozen=True)
class DocumentSpan:
    """One promise document inside a source: `text[start:end]`."""

    start: int
    end: int
    heading: str | None = None
    # The record's title: the page's own title when the page holds one promise, else heading.
    title: str | None = None


def split_documents(doc: ParsedDocument) -> list[DocumentSpan]:
    """One span per promise document; the whole text when there is one.

    A short line naming a promise and a period ('Medborgarlöften i Eslöv 2016') whose years
    differ from the current section's starts a new document; the intro before the first such
    heading belongs to the first document.
    """
    vocab = load_vocab("meta_years")
    text = doc.text
    sections: list[tuple[int, str, list[int]]] = []  # (line start, heading, years)
    for line in body_lines(text):  # a breadcrumb naming a promise does not start one
        if not is_period_heading(line.text):
            continue
        years = heading_years(line.text)
        if (
            sections
            and _same_period(years, sections[-1][2])
            and not _other_kommun(line.text, sections[-1][1])
        ):
            # the same period named again, or part of it ('Medborgarlöfte 2022-2023' over
            # 'Medborgarlöfte 2022'): one document covering both
            start, heading, before = sections[-1]
            wider = line.text if len(set(years)) > len(set(before)) else heading
            sections[-1] = (start, wider, sorted(set(before) | set(years)))
            continue
        lower = line.text.lower()
        if sections and lower.startswith(tuple(vocab["heading_skip_starts"])):
            continue  # 'Uppföljning 2018' inside a promise
        if sections and set(lower.replace(",", " ").split()) & set(vocab["heading_verbs"]):
            continue  # 'Löftet gäller 2019–2020' is a sentence about the promise, not a new one
        sections.append((line.start, line.text, years))
    if len(sections) == 1 and _trailing_link(text, *sections[0][:2]):
        sections = []  # 'Uppföljning av medborgarlöfte 2019' below this year's promise
    if not sections:
        title = _title(doc)
        return [DocumentSpan(0, len(text), title, title)]
    bounds = [0] + [start for start, _, _ in sections[1:]] + [len(text)]
    spans = []
    for index, (start, heading, _) in enumerate(sections):
        begin, finish = bounds[index], bounds[index + 1]
        body = _body_size(text, start + len(heading), finish)
        final = index == len(sections) - 1
        if spans and (body < EXTRACT.span_min_body or (final and body < vocab["min_span_body"])):
            # A heading with next to nothing under it (a page cut off there): not a document.
            last = spans.pop()
            spans.append(DocumentSpan(last.start, finish, last.heading, last.title))
            continue
        spans.append(DocumentSpan(begin, finish, heading, heading))
    if len(spans) == 1:  # one promise on the page: the page's title names it
        only = spans[0]
        return [DocumentSpan(only.start, only.end, only.heading, _title(doc) or only.heading)]
    return spans


def _trailing_link(text: str, start: int, heading: str) -> bool:
    """A lone period heading at the foot of the page, next to nothing under it: a link."""
    under = _body_size(text, start + len(heading), len(text))
    above = _body_size(text, 0, start)
    return under < EXTRACT.trailing_heading_body and above > EXTRACT.trailing_heading_ratio * under


def _same_period(years: list[int], before: list[int]) -> bool:
    """One year set holds the other: the headings name one period (disjoint or merely
    overlapping sets, '2019-2020' then '2020-2021', are two)."""
    here, there = set(years), set(before)
    return bool(here) and bool(there) and (here <= there or there <= here)


def _body_size(text: str, start: int, end: int) -> int:
    """Characters of content under a heading: site furniture and bare date stamps left out."""
    kept = [
        line.text
        for line in body_lines(text, start, end)
        if not re.fullmatch(r"[\d\s./:-]+", line.text)
    ]
    return len("".join("".join(kept).split()))


def _other_kommun(heading: str, previous: str) -> bool:
    """Whether two headings name different kommuner ('Medborgarlöfte Lysekils kommun 2021')."""
    here, before = heading_kommuner(heading), heading_kommuner(previous)
    return bool(here) and bool(before) and here != before


def _title(doc: ParsedDocument) -> str | None:
    # A cookie banner or menu line the parser took for the title is not the title.
    if doc.title and not is_furniture(doc.title):
        return doc.title
    blocks = [block for block in doc.blocks if not is_furniture(block.text)]
    for block in blocks:
        if (
            block.kind == "heading"
            and EXTRACT.title_heading_chars[0] < len(block.text) <= EXTRACT.title_heading_chars[1]
        ):
            return block.text
    for block in blocks[: EXTRACT.title_blocks]:
        if EXTRACT.title_block_chars[0] < len(block.text) <= EXTRACT.title_block_chars[
            1
        ] and not block.text.endswith((".", "-", "–")):
            return block.text
    return None
