"""What kind of document a span is, and whether a source is about medborgarlöften at all."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysed import AnalysedDocument, Line, body_lines, lines, words
from .cues import NOT_SUPINES, perfect_tense
from .dates import find_dates, ocr_digits
from .kommun import kommun_mentions
from .meta_vocab import is_furniture, kommun_by_form
from .settings import EXTRACT
from .signature_blocks import block_signers
from .vocab import load_vocab

__all__ = ["classify", "doc_type_scores", "is_about", "is_news_url", "names_only_an_agreement"]


@lru_cache(maxsize=1)
def _about_pattern() -> re.Pattern:
    return re.compile("|".join(load_vocab("doctype")["about_patterns"]), re.IGNORECASE)


def is_about(text: str) -> bool:
    """Whether the text speaks of medborgarlöften, OCR noise and misspellings tolerated.

    A lone menu entry ('Medborgarlöften och lokal samverkan') on a page about something else
    does not count: a mention must sit in prose, in a title line, or come with others.
    """
    # OCR reads 'm' as 'rn': 'rnedborgarlöfte'.

    normalized = ocr_digits(text).replace("rn", "m").replace("Rn", "M")
    found = list(_about_pattern().finditer(normalized))
    if len(found) >= EXTRACT.about_mentions:
        return True

    all_lines = lines(normalized)
    for match in found:
        index = next((i for i, x in enumerate(all_lines) if x.start <= match.start() < x.end), None)
        if (
            index is None
            or len(_wrapped_line(all_lines, index).split()) >= EXTRACT.about_line_words
        ):
            return True
        line = all_lines[index]
        # 'Medborgarlöfte 2019', 'Arboga – medborgarlöften': a title, not a menu entry
        if re.search(r"\d{4}", line.text) or kommun_mentions(line.text, 0, len(line.text)):
            return True
    # 'Uppföljning medborgarlöften' over 'Inför 2018 gav polisen och kommunen löftet att …':
    # the prose speaks of the promise too
    return bool(found) and any(
        _PROMISE_WORD.search(line.text) and len(line.text.split()) >= EXTRACT.about_line_words
        for line in all_lines
    )


# A title's parts: 'Samverkan gör skillnad – uppföljning …', 'Medborgarlöfte 2019: Uppföljning'
_TITLE_PARTS = re.compile(r"\s[–—-]\s|:\s")

# 'löftet', 'löften': the promise itself, in a page's prose
_PROMISE_WORD = re.compile(r"(?<![\wåäö])löfte(?:t|n|na)?(?![\wåäö])", re.IGNORECASE)


def _wrapped_line(all_lines: list[Line], index: int) -> str:
    """A line with the lines it runs on into ('Resultatet blir ett medborgalöfte till' /
    'kommunens invånare.'): a column's prose broken at every line, not a menu entry."""
    text = all_lines[index].text
    for following in all_lines[index + 1 :]:
        if re.search(r"[.!?:;]\s*$", text) or not following.text[:1].islower():
            break
        text = f"{text} {following.text}"
    return text


def _title_lines(
    text: str, start: int, end: int, heading: str | None, extra: list[str] | None = None
) -> list[str]:
    # The first lines, the span's heading, and headings the parser found near the top
    # (a PDF's running header can sit in front of the first line). A cookie banner or a menu
    # above the title is not a title line.
    first = [
        line.text.lower()
        for line in body_lines(text, start, min(end, start + EXTRACT.title_window_chars))[
            : EXTRACT.title_lines
        ]
    ]
    own = [heading.lower()] if heading and not is_furniture(heading) else []
    return own + first + [t.lower() for t in extra or [] if not is_furniture(t)]


def _count(text: str, cues: list[str]) -> int:
    return sum(text.count(cue) for cue in cues)


def classify(
    text: str,
    start: int,
    end: int,
    heading: str | None,
    top_headings: list[str] | None = None,
    doc: AnalysedDocument | None = None,
    url: str | None = None,
) -> str:
    """lofte, uppfoljning, nyhet or overenskommelse for the span `text[start:end]`."""
    scores = doc_type_scores(text, start, end, heading, top_headings, doc, url)
    best = max(_ORDER, key=lambda kind: (scores[kind][0], -_ORDER.index(kind)))
    if best in ("lofte", "nyhet") and names_only_an_agreement(text[start:end]):
        return "overenskommelse"  # an agreement and no löfte: what the page is about
    if best == "nyhet":
        # An article titled as a follow-up or an agreement is that: its topic decides.
        for kind, feature in (
            ("uppfoljning", "uppfoljning_title"),
            ("overenskommelse", "overenskommelse_title"),
        ):
            if feature in scores[kind][1]:
                return kind
    return best


_ORDER = ("lofte", "uppfoljning", "nyhet", "overenskommelse")


def doc_type_scores(
    text: str,
    start: int,
    end: int,
    heading: str | None,
    top_headings: list[str] | None = None,
    doc: AnalysedDocument | None = None,
    url: str | None = None,
) -> dict[str, tuple[float, dict[str, int]]]:
    """Each doc type's score and the feature counts that made it.

    `doc`, the analysed document `text` belongs to, keeps the whole page's features for
    its next span; `url`, where the page was found, can place it in a site's news section.
    """
    settings, vocab = load_vocab("doctype_scores"), load_vocab("doctype")
    page = doc.memo("doctype.page", lambda: _page_features(text)) if doc else _page_features(text)
    counts = _features(text, start, end, heading, top_headings, page)
    counts["news_url"] = _news_url_signals(url)
    counts["promise_url"] = int(_is_promise_url(url))
    # '/uppfoljning-medborgarlofte-norra-hisingen/': the page's own name says it reports
    counts["uppfoljning_url"] = int(bool(url and re.search(vocab["uppfoljning_url_pattern"], url)))
    scores: dict[str, tuple[float, dict[str, int]]] = {
        kind: (prior, {}) for kind, prior in settings["priors"].items()
    }
    for name, count in counts.items():
        rule = settings["features"][name]
        if not count:
            continue
        total, seen = scores[rule["type"]]
        used = min(count, rule.get("cap", count))
        scores[rule["type"]] = (total + rule["weight"] * used, {**seen, name: used})
    return scores


_AGREEMENT_WORD = re.compile(r"(?i)överenskommelse|samverkansavtal|(?<![\wåäö])avtal")


def names_only_an_agreement(text: str) -> bool:
    """Whether the text is about an agreement (names it more than in passing) and never
    speaks of a löfte."""
    lofte = load_vocab("meta_years")["lofte_word"]
    mentions = len(_AGREEMENT_WORD.findall(text))
    # 'Start / Trygghet / Medborgarlöften': a menu's or breadcrumb's löfte is the site's
    prose = "\n".join(line for line in text.split("\n") if not is_furniture(line))
    return mentions >= EXTRACT.agreement_mentions and not re.search(lofte, prose)


def is_news_url(url: str | None) -> bool:
    """Whether the URL's path runs through a news section or is dated like a news item."""
    return _news_url_signals(url) > 0


def _news_url_signals(url: str | None) -> int:
    """How many signs of a news item the URL's path gives: a news section, a dated name."""
    if not url:
        return 0
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    vocab = load_vocab("doctype")
    return sum(
        bool(re.search(vocab[key], path)) for key in ("news_url_pattern", "news_date_pattern")
    )


def _is_promise_url(url: str | None) -> bool:
    """Whether the URL is in the police's section of promise pages, one per kommun."""
    return bool(url) and bool(re.match(load_vocab("doctype")["promise_url_pattern"], url.strip()))


def _page_features(text: str) -> dict[str, int]:
    """The features read from the whole page, the same for each of its spans."""
    vocab, settings = load_vocab("doctype"), load_vocab("doctype_scores")
    whole = text.lower()
    page_lines = lines(text)
    return {
        "nyhet_strong": _count(whole, vocab["nyhet_strong"]),
        "blog_voice": int(
            bool(re.search(r"(?<![\w-])jag(?![\w-])", whole))
            and bool(re.search("|".join(vocab["nyhet_blog"]), whole))
        ),
        "nyhet_weak": _count(whole, vocab["nyhet_weak"]),
        "dated_top": int(_dated_first_line(text)),
        "byline": int(_byline(text)),
        "quote": len(_QUOTE.findall(text)),
        "signing_narrated": _count_words(whole, settings["signing_narrated"])
        + len(_SPLIT_SIGNING.findall(whole)),
        "news_deixis": _count_words(whole, settings["news_deixis"]),
        "speech_line": sum(_is_speech(line.text) for line in page_lines),
        "news_frame": _news_frame(page_lines),
        "photo_caption": int(
            any(
                any(cue in line.text.lower() for cue in settings["photo_caption_starts"])
                for line in page_lines[: EXTRACT.caption_lines]
            )
        ),
    }


def _features(
    text: str,
    start: int,
    end: int,
    heading: str | None,
    top_headings: list[str] | None,
    page: dict[str, int],
) -> dict[str, int]:
    """How often each doc-type feature occurs (see data/doctype_scores.json)."""
    vocab, settings = load_vocab("doctype"), load_vocab("doctype_scores")
    titles = _title_lines(text, start, end, heading, top_headings)
    body = text[start:end].lower()
    doc_titles = _title_lines(text, 0, len(text), None, top_headings)
    listed, titled, signed = _promise_signals(text, start, end, titles)
    return {
        "uppfoljning_title": int(
            any(
                (_about_pattern().search(t) or re.search(vocab["own_promise_pattern"], t))
                and (
                    # 'Samverkan gör skillnad – uppföljning av medborgarlöftet 2022': a subtitle
                    any(
                        part.startswith(tuple(vocab["uppfoljning_title"]))
                        for part in _TITLE_PARTS.split(t)
                    )
                    or len(t.split()) <= EXTRACT.follow_up_title_words
                    and any(phrase in t for phrase in vocab["uppfoljning_title_phrases"])
                )
                for t in titles
            )
        ),
        "uppfoljning_phrase": _count(body, vocab["uppfoljning_body"]),
        "reported_activity": _reported_activities(text, start, end),
        "promised_in_past": _count(body, settings["promised_in_past"]),
        "nyhet_strong": page["nyhet_strong"],
        "nyhet_title_start": int(
            any(t.startswith(tuple(vocab["nyhet_title_starts"])) for t in doc_titles)
        ),
        "blog_voice": page["blog_voice"],
        "nyhet_weak": page["nyhet_weak"],
        "dated_top": page["dated_top"],
        "byline": page["byline"],
        "quote": page["quote"],
        "signing_narrated": page["signing_narrated"],
        "news_deixis": page["news_deixis"],
        "speech_line": page["speech_line"],
        "news_frame": page["news_frame"],
        "photo_caption": page["photo_caption"],
        # one quote on a page with no sign of the promise itself makes it news
        "quote_without_promise": int(bool(page["quote"]) and not (listed or titled or signed)),
        "promise_title": int(titled),
        "promise_list": int(listed),
        "signature_block": int(signed),
        "overenskommelse_title": int(
            any(
                any(cue in title for cue in vocab["overenskommelse"]) and "löfte" not in title
                for title in titles[: EXTRACT.news_titles]
            )
        ),
    }


# 'skrev kommunstyrelsens ordförande Anna Berg och … under medborgarlöftet'
_SPLIT_SIGNING = re.compile(r"(?<![\wåäö])skrev(?:\s+[\wåäö().-]+){1,12}?\s+under(?![\wåäö])")
# A line of direct speech: '– Vi märker att …', '• – Nu för vi …'
_SPEECH = re.compile(r"^(?:[•*]\s*)?[–—-]\s+[A-ZÅÄÖ]")
_QUOTE = re.compile(r"\bsäger\s+[A-ZÅÄÖ]|,\s+säger\b|\bsäger\s+\w+\s+[A-ZÅÄÖ]")
# 'Under året har polisen genomfört 42 trafikkontroller', 'har hållits', 'genomfördes'
_REPORTED = re.compile(
    "(?i)"
    + perfect_tense(3, 3, not_supines=(*NOT_SUPINES, "som", "lovat", "åtagit"))
    + r"|(?<![\wåäö])(?:genomfördes|hölls|gjordes|påträffades|beslagtogs|anmäldes)(?![\wåäö])"
)
# A list item that is attributed speech: a quote whose dash a renderer drew as a bullet
_BULLETED_QUOTE = re.compile(r"^[•*·▪]\s")


def _is_speech(line: str) -> bool:
    """A line of direct speech: dashed, or bulleted with its speaker ('…, säger Anna')."""
    return bool(_SPEECH.match(line)) or bool(_BULLETED_QUOTE.match(line) and _QUOTE.search(line))


def _reported_activities(text: str, start: int, end: int) -> int:
    """Lines reporting what was done, with no promise or plan in them."""
    modals = load_vocab("doctype_scores")["report_modals"]
    found = 0
    for line in lines(text, start, end):
        lower = line.text.lower()
        if _REPORTED.search(line.text) and not any(
            # A modal of letters only (a literal pattern) absent from the line is not searched for.
            (m in lower or not m.isalpha()) and re.search(rf"(?<![\wåäö]){m}(?![\wåäö])", lower)
            for m in modals
        ):
            found += 1
    return found


def _count_words(text: str, phrases: list[str]) -> int:
    # A phrase not in the text at all is not searched for as a word (a page-long scan each).
    return sum(
        len(re.findall(rf"(?<![\wåäö]){re.escape(p)}(?![\wåäö])", text))
        for p in phrases
        if p in text
    )


def _promise_signals(text: str, start: int, end: int, titles: list[str]) -> tuple[bool, bool, bool]:
    """Signs the span is the promise itself: a 'lovar att' list, a promise title
    ('Medborgarlöfte Kalix 2020', 'Lekeberg – medborgarlöften'), a signature block."""

    lofte = load_vocab("meta_years")["lofte_word"]
    places = {form.lower() for form in kommun_by_form()}
    titled = any(
        not title.rstrip().endswith(".")
        and len(title.split()) <= EXTRACT.promise_title_words
        and (
            re.match(rf"[\w-]+(?: [\w-]+)?\s*[–—:-]\s*{lofte}", title)
            or re.match(lofte, title)
            and (  # 'Medborgarlöfte Kalix 2020', not a bare word
                re.search(r"\d{4}", title) or places & set(words(title))
            )
        )
        for title in titles[: EXTRACT.promise_titles]
    )
    listed = re.search(load_vocab("doctype")["promise_list_pattern"], text[start:end])
    signed = len(block_signers(text, start, end)) >= EXTRACT.block_signers
    return bool(listed), bool(titled), signed


def _byline(text: str) -> bool:
    starts = tuple(load_vocab("doctype")["nyhet_byline_starts"])
    # 'Av: Anna Berg', or 'Av' on a line of its own above the reporter's name
    return any(
        line.text.lower().startswith(starts) or line.text.strip().lower() in ("av", "av:")
        for line in body_lines(text)[: EXTRACT.byline_lines]
    )


# 'LANDSKRONA. Fotpatrullering i centrum …': a news dateline, the place in capitals.
_DATELINE = re.compile(r"^[A-ZÅÄÖ]{3,}(?:[ -][A-ZÅÄÖ]{2,})*\.\s+[A-ZÅÄÖ]")
# 'Du är här: Start / Nyheter / Nyheter 2020 / …': the page sits in the site's news section.
_NEWS_PATH = re.compile(
    r"(?i)(?:^|[/>›»|])\s*(?:nyheter|nyhetsarkiv|aktuellt)\s*(?:\d{4}\s*)?[/>›»|]"
)


def _news_frame(page_lines: list) -> int:
    """A dateline in the first paragraphs, or a breadcrumb through the news section."""
    top = page_lines[: EXTRACT.news_frame_lines]
    return int(any(_DATELINE.match(line.text) or _NEWS_PATH.search(line.text) for line in top))


def _dated_first_line(text: str) -> bool:

    first = body_lines(text)[: EXTRACT.dated_first_lines]
    for line in first:
        if len(line.text) <= EXTRACT.dated_line_chars and (
            find_dates(text, line.start, line.end) or re.search(r"\bdate\b", line.text)
        ):
            return True
    return False
