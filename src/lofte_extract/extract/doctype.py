"""What kind of document a span is, and whether a source is about medborgarlöften at all."""

from __future__ import annotations

import re
from functools import lru_cache

from .meta_vocab import body_lines, is_furniture, kommun_by_form, lines, load_json

__all__ = ["classify", "is_about"]


@lru_cache(maxsize=1)
def _about_pattern() -> re.Pattern:
    return re.compile("|".join(load_json("doctype.json")["about_patterns"]), re.IGNORECASE)


def is_about(text: str) -> bool:
    """Whether the text speaks of medborgarlöften, OCR noise and misspellings tolerated.

    A lone menu entry ('Medborgarlöften och lokal samverkan') on a page about something else
    does not count: a mention must sit in prose, in a title line, or come with others.
    """
    # OCR reads 'm' as 'rn': 'rnedborgarlöfte'.
    from .dates import ocr_digits

    normalized = ocr_digits(text).replace("rn", "m").replace("Rn", "M")
    found = list(_about_pattern().finditer(normalized))
    if len(found) >= 3:
        return True
    from .kommun import kommun_mentions

    all_lines = lines(normalized)
    for match in found:
        line = next((x for x in all_lines if x.start <= match.start() < x.end), None)
        if line is None or len(line.text.split()) >= 6:
            return True
        # 'Medborgarlöfte 2019', 'Arboga – medborgarlöften': a title, not a menu entry
        if re.search(r"\d{4}", line.text) or kommun_mentions(line.text, 0, len(line.text)):
            return True
    return False


def _title_lines(
    text: str, start: int, end: int, heading: str | None, extra: list[str] | None = None
) -> list[str]:
    # The first lines, the span's heading, and headings the parser found near the top
    # (a PDF's running header can sit in front of the first line). A cookie banner or a menu
    # above the title is not a title line.
    first = [line.text.lower() for line in body_lines(text, start, min(end, start + 800))[:4]]
    own = [heading.lower()] if heading and not is_furniture(heading) else []
    return own + first + [t.lower() for t in extra or [] if not is_furniture(t)]


def _count(text: str, cues: list[str]) -> int:
    return sum(text.count(cue) for cue in cues)


def classify(
    text: str, start: int, end: int, heading: str | None, top_headings: list[str] | None = None
) -> str:
    """lofte, uppfoljning, nyhet or overenskommelse for the span `text[start:end]`."""
    vocab = load_json("doctype.json")
    titles = _title_lines(text, start, end, heading, top_headings)
    body = text[start:end].lower()
    # 'Uppföljning medborgarlöfte Kungälv 2018-2019'; a bare 'Uppföljning 2018' link is not.
    if any(
        title.startswith(tuple(vocab["uppfoljning_title"])) and is_about(title) for title in titles
    ) or _count(
        body, vocab["uppfoljning_body"]
    ) >= vocab["uppfoljning_body_min"]:
        return "uppfoljning"
    whole = text.lower()
    doc_titles = _title_lines(text, 0, len(text), None, top_headings)
    strong = _count(whole, vocab["nyhet_strong"])
    strong += any(t.startswith(tuple(vocab["nyhet_title_starts"])) for t in doc_titles)
    strong += bool(re.search(r"(?<![\w-])jag(?![\w-])", whole)) and bool(
        re.search("|".join(vocab["nyhet_blog"]), whole)
    )
    quotes = len(re.findall(r"\bsäger\s+[A-ZÅÄÖ]|,\s+säger\b|\bsäger\s+\w+\s+[A-ZÅÄÖ]", text))
    # A date on the first line is a news page's, or a signed letter's: it needs company.
    weak = _count(whole, vocab["nyhet_weak"]) + _dated_first_line(text) + _byline(text)
    if strong or weak >= 2:
        return "nyhet"
    # A promise page may quote its signers (and carry a 'Publicerad' date); news quotes more
    # and shows less of the promise itself.
    if quotes and _promise_signals(text, start, end, titles) < min(quotes, 3):
        return "nyhet"
    if any(
        any(cue in title for cue in vocab["overenskommelse"]) and "löfte" not in title
        for title in titles[:2]
    ):
        return "overenskommelse"
    return "lofte"


def _promise_signals(text: str, start: int, end: int, titles: list[str]) -> int:
    """How much the span reads as the promise itself (0-3): a signature block, a 'lovar att'
    list, a promise title ('Medborgarlöfte Kalix 2020', 'Lekeberg – medborgarlöften')."""
    from .signatories import block_signers

    lofte = load_json("meta_years.json")["lofte_word"]
    places = {form.lower() for form in kommun_by_form()}
    titled = any(
        not title.rstrip().endswith(".") and len(title.split()) <= 8 and (
            re.match(rf"[\w-]+(?: [\w-]+)?\s*[–—:-]\s*{lofte}", title)
            or re.match(lofte, title) and (  # 'Medborgarlöfte Kalix 2020', not a bare word
                re.search(r"\d{4}", title) or places & set(re.findall(r"[\w-]+", title))
            )
        )
        for title in titles[:3]
    )
    listed = re.search(load_json("doctype.json")["promise_list_pattern"], text[start:end])
    signed = len(block_signers(text, start, end)) >= 2
    return int(titled) + int(bool(listed)) + int(signed)


def _byline(text: str) -> bool:
    starts = tuple(load_json("doctype.json")["nyhet_byline_starts"])
    return any(line.text.lower().startswith(starts) for line in body_lines(text)[:12])


def _dated_first_line(text: str) -> bool:
    from .dates import find_dates

    first = body_lines(text)[:2]
    for line in first:
        if len(line.text) <= 40 and (
            find_dates(text, line.start, line.end) or re.search(r"\bdate\b", line.text)
        ):
            return True
    return False
