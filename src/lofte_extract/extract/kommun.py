"""Which kommun(er) a promise covers, and the lokalpolisområde it names."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from urllib.parse import urlparse

from .analysed import AnalysedDocument, lines
from .meta_vocab import KOMMUN_WORD, KommunEntry, fold, is_furniture, kommun_by_form, kommuner
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = [
    "KommunMention",
    "heading_kommuner",
    "joint_groups",
    "kommun_mentions",
    "ocr_tolerant",
    "rank_kommuner",
    "url_kommuner",
    "url_section_kommun",
]

NAME = r"[A-ZÅÄÖÉ][\wåäöéü]+(?:[/-][A-ZÅÄÖÉ][\wåäöéü]+)*"


class KommunMention:
    """A kommun named in the text, with the weight its position and context give it."""

    __slots__ = ("entry", "start", "end", "weight")

    def __init__(self, entry: KommunEntry, start: int, end: int, weight: float):
        self.entry, self.start, self.end, self.weight = entry, start, end, weight


@lru_cache(maxsize=1)
def _form_pattern() -> re.Pattern:
    forms = sorted(kommun_by_form(), key=len, reverse=True)
    # Grouped by first letter, longest first within each group: the same matches as one
    # alternation of all forms, but a position tries only the forms that start with its
    # letter (with IGNORECASE the engine cannot skip a branch by its first character).
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[:1].lower(), []).append(form)
    alternation = "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(form[1:]) for form in group) + ")"
        for first, group in groups.items()
    )
    # 'Landskronapolisen', 'Göteborgspolisen': the kommun's police, named by it; a
    # news dateline scraped without its space ('Piteå2016-03-01') still names the place.
    return re.compile(
        r"(?<![\w-])(" + alternation + r")(?:(?![^\W\d]|-)|(?=polisen(?![\w-])))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _upper_forms() -> dict[str, KommunEntry]:
    return {form.upper(): entry for form, entry in kommun_by_form().items()}


def ocr_tolerant(cues: list[str]) -> str:
    """Cue patterns that also match OCR's 'rn' for 'm' ('Lokalpolisornrådeschef')."""
    return "|".join(cue.replace("m", "(?:m|rn)") for cue in cues)


@lru_cache(maxsize=1)
def _lpo_pattern() -> re.Pattern:
    cues = ocr_tolerant(load_vocab("meta_places")["lpo_cues"])
    return re.compile(rf"(?i:{cues})\s+(?:(?:i|för)\s+)?(?:LPO\s+)?$")


def _in_police_area(text: str, start: int) -> bool:
    window = text[max(0, start - EXTRACT.police_area_window_chars) : start]
    # 'lokalpolisområde Trelleborg', 'LPO Klippan', 'Polisen Eslöv' (a police unit's name)
    return bool(_lpo_pattern().search(window)) or bool(re.search(r"(?:Polisen|LPO)[ \t]+$", window))


def kommun_mentions(text: str, start: int, end: int) -> list[KommunMention]:
    """Kommun names in `text[start:end]`, weighted; police-area and län names left out."""
    places = load_vocab("meta_places")
    suffixes = tuple(places["kommun_suffixes"])
    mentions = []
    for m in _form_pattern().finditer(text, start, end):
        # As written ('Eslövs'), or in a heading set in capitals ('ESLÖVS KOMMUN').
        entry = kommun_by_form().get(m[1]) or (_upper_forms().get(m[1]) if m[1].isupper() else None)
        if entry is None:
            continue
        before = text[max(0, m.start() - EXTRACT.name_before_chars) : m.start()]
        after = text[m.end() : m.end() + EXTRACT.name_after_chars]
        next_word = (after.split() or [""])[0].strip(".,:;)")
        prev_word = (before.split() or [""])[-1]
        if next_word in places["not_kommun_after"] or prev_word in places["not_kommun_before"]:
            continue
        if _in_police_area(text, m.start()):
            continue
        weight = 1.0
        with_suffix = next_word.lower() in suffixes or bool(
            re.match(r"(?:\s*,\s*[A-ZÅÄÖ][\w-]*)*\s+och\s+[A-ZÅÄÖ][\w-]*\s+kommuner", after)
        )
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        in_title = (
            _title_offset(text, start, m.start()) < EXTRACT.title_offset_chars
            and len(line) < EXTRACT.title_line_chars
            and not is_furniture(line)
        )
        if with_suffix:
            weight += EXTRACT.suffix_weight
        if in_title:
            weight += EXTRACT.title_weight
        lower_after = after.lower()
        if re.match(
            r"\s*(?:s\s+)?(?:kommun\s+)?och\s+(?:polisen|polismyndigheten|lokalpolis)", lower_after
        ) or re.search(r"(?:polisen|polismyndigheten)s?\s+och\s+$", before.lower()):
            weight += EXTRACT.with_police_weight
        # 'i Ydre', 'från Vara': a capitalised name after a place preposition is the place.
        placed = prev_word in places["place_prepositions"] and m[1][:1].isupper()
        if entry.ambiguous and not (
            with_suffix or placed or (in_title and len(line) < EXTRACT.short_title_chars)
        ):
            continue
        # 'Vara tillgängliga minst 100 kvällar' is a verb; 'Vara – medborgarlöften' and a
        # title line 'Tierp får nytt medborgarlöfte' name the kommun.
        titled = bool(re.match(r"[ \t]*(?:[–—:-]|$)", after)) or (
            in_title
            and len(line) < EXTRACT.short_title_chars
            and _names_promise(line)
            and not line.rstrip().endswith(".")
        )
        if entry.ambiguous and not (with_suffix or titled) and _sentence_initial(text, m.start()):
            continue
        mentions.append(KommunMention(entry, m.start(), m.end(), weight))
    return mentions


def _title_offset(text: str, start: int, at: int) -> int:
    """How far `at` is from the span's start, site furniture above it not counted."""
    offset = at - start
    if offset < EXTRACT.title_offset_chars or offset > EXTRACT.furniture_offset_chars:
        return offset
    furniture = sum(
        len(line.text) + 1 for line in lines(text, start, at) if is_furniture(line.text)
    )
    return offset - furniture


def heading_kommuner(heading: str) -> set[str]:
    """Codes of the kommuner a heading names."""
    return {m.entry.code for m in kommun_mentions(heading, 0, len(heading))}


def _names_promise(line: str) -> bool:
    return bool(re.search(load_vocab("meta_years")["lofte_word"], line))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?•-–:"


@lru_cache(maxsize=1)
def _by_fold() -> dict[str, list[KommunEntry]]:
    by_fold: dict[str, list[KommunEntry]] = {}
    for entry in kommuner():
        for form in entry.forms:
            by_fold.setdefault(fold(form), []).append(entry)
    return by_fold


def _parsed(url: str | None) -> tuple[str, str] | None:
    """The host (without 'www.') and path of a URL; None for none or a broken one."""
    if not url:
        return None
    try:
        parsed = urlparse(url if "//" in url else "//" + url)
        return (parsed.hostname or "").removeprefix("www."), parsed.path
    except ValueError:  # 'http://[bad-url': a broken URL says nothing
        return None


def url_kommuner(url: str | None) -> list[KommunEntry]:
    """Kommuner a URL names: a polisen.se path slug or a kommun's own domain."""
    parsed = _parsed(url)
    if parsed is None:
        return []
    host, path = parsed
    candidates = []
    # '.../medborgarloften/eslov/' on polisen.se or a copy of it on any host
    segments = [s for s in path.split("/") if s]
    for index, segment in enumerate(segments):
        following = segments[index + 1] if index + 1 < len(segments) else ""
        # 'vara-medborgarloften-2018' under it is a page's title ('Våra medborgarlöften'),
        # no kommun's slug
        if segment.lower() == "medborgarloften" and following and "lofte" not in following.lower():
            candidates.append(following)
    if host.endswith(".se") and not host.endswith("polisen.se"):
        candidates.append(host.split(".")[-2])  # a kommun's own domain: www.svalov.se
    found = []
    for candidate in candidates:
        for entry in _slug_kommuner(candidate):
            if entry not in found:
                found.append(entry)
    return found


def url_section_kommun(url: str | None) -> KommunEntry | None:
    """The kommun a news site's section names ('pt.se/nyheter/arvidsjaur/artikel/…'): the
    first folder of the path, not the article's own slug, that is a kommun's name whole."""
    parsed = _parsed(url)
    for folder in [s for s in parsed[1].split("/") if s][:-1] if parsed else []:
        entries = _by_fold().get(fold(folder))
        if entries:
            return entries[0]
    return None


def _slug_kommuner(slug: str) -> list[KommunEntry]:
    """The kommun a slug names, or the kommun leading a stadsdel's slug ('stockholm-skarpnack',
    'goteborg-majorna-linne'); 'upplands-bro' is a kommun whole."""
    parts = slug.strip("-").split("-")
    for size in range(len(parts), 0, -1):
        key = fold("-".join(parts[:size]).removesuffix("kommun").removesuffix("stad"))
        entries = _by_fold().get(key)
        if entries:
            return entries
    return []


def rank_kommuner(
    text: str,
    start: int,
    end: int,
    url: str | None,
    heading: str | None = None,
    doc: AnalysedDocument | None = None,
) -> list[tuple[KommunEntry, KommunMention | None]]:
    """Kommuner the promise covers, best first, each with its best mention.

    `doc`, the analysed document `text` belongs to, keeps the page's own mentions (read
    when a span names no kommun) for its next span.
    """
    mentions = kommun_mentions(text, start, end)
    at = text.find(heading, start, end) if heading else -1
    for mention in mentions:  # the span's own heading names its kommun most surely
        if at >= 0 and at <= mention.start < at + len(heading or ""):
            mention.weight += EXTRACT.heading_weight
    if not mentions and (start, end) != (0, len(text)):
        page = partial(kommun_mentions, text, 0, len(text))
        mentions = list(doc.memo("kommun.page_mentions", page) if doc else page())
    scores: dict[str, float] = {}
    best: dict[str, KommunMention] = {}
    entries: dict[str, KommunEntry] = {}
    for mention in mentions:
        code = mention.entry.code
        scores[code] = scores.get(code, 0.0) + mention.weight
        entries[code] = mention.entry
        if code not in best or mention.weight > best[code].weight:
            best[code] = mention
    for entry in url_kommuner(url):
        scores[entry.code] = scores.get(entry.code, 0.0) + EXTRACT.url_weight
        entries[entry.code] = entry
    if not scores:
        district = _district_kommun(text, start, end)
        if district:
            return district
        section = url_section_kommun(url)
        return [(section, None)] if section else []
    top = max(scores.values())
    ranked = sorted(scores, key=lambda c: (-scores[c], best[c].start if c in best else 0))
    # Several kommuner only when they are named about as strongly as the first...
    keep = [
        c
        for c in ranked
        if scores[c] >= EXTRACT.second_kommun_share * top and scores[c] >= EXTRACT.second_kommun_min
    ]
    keep = keep or ranked[:1]
    # ... or named together with it as the promise's kommuner ('Tranås och Ydre kommuner').
    for group in joint_groups(text, mentions):
        if any(m.entry.code in keep for m in group):
            for member in group:
                if member.entry.code not in keep:
                    keep.append(member.entry.code)
    return [(entries[c], best.get(c)) for c in keep]


@lru_cache(maxsize=1)
def _district_pattern() -> re.Pattern:
    districts = sorted(load_vocab("meta_places")["city_districts"], key=len, reverse=True)
    # 'Angeredsbor', 'Rosengårdsskolan': a district's name starts a compound too
    return re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, districts))})")


def _district_kommun(
    text: str, start: int, end: int
) -> list[tuple[KommunEntry, KommunMention | None]]:
    """The city a stadsdel names, for a page naming no kommun ('Medborgarlöften i Skarpnäck')."""
    districts = load_vocab("meta_places")["city_districts"]
    found = _district_pattern().search(text, start, end) or _district_pattern().search(text)
    if not found:
        return []
    entry = kommun_by_form().get(districts[found[1]])
    if entry is None:
        return []
    return [(entry, KommunMention(entry, found.start(), found.end(), 1.0))]


_JOINER = re.compile(rf"(?:s)?(?:\s+{KOMMUN_WORD}s?)?\s*(?:,|och|samt|&)\s*")


def joint_groups(text: str, mentions: list[KommunMention]) -> list[list[KommunMention]]:
    """Kommuner named as one party: 'kommunerna X, Y och Z', 'X och Y kommuner', 'X kommun och
    Y kommun', in a sentence about the promise or the joint work."""
    places = load_vocab("meta_places")
    ordered = sorted(mentions, key=lambda m: m.start)
    chains: list[list[KommunMention]] = []
    for mention in ordered:
        last = chains[-1][-1] if chains else None
        if last and _JOINER.fullmatch(text[last.end : mention.start]):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    groups = []
    for chain in chains:
        if len({m.entry.code for m in chain}) < 2:
            continue
        first, last = chain[0], chain[-1]
        before = (
            text[max(0, first.start - EXTRACT.joint_window_chars) : first.start].lower().split()
        )
        after = text[last.end : last.end + EXTRACT.joint_window_chars].lower().split()
        lead = " ".join(before[-2:])
        joint = (
            any(lead.endswith(word) for word in places["joint_before"])
            or bool(after)
            and after[0].strip(".,:;") in places["joint_after"]
            or all(
                re.match(
                    rf"s?\s+{KOMMUN_WORD}\b",
                    text[m.end : m.end + EXTRACT.joint_suffix_chars],
                )
                for m in chain
            )
        )
        sentence_start = max(text.rfind(".", 0, first.start), text.rfind("\n\n", 0, first.start))
        sentence_end = min(
            x for x in (text.find(".", last.end), text.find("\n\n", last.end), len(text)) if x >= 0
        )
        sentence = text[sentence_start + 1 : sentence_end].lower()
        if joint and any(cue in sentence for cue in places["joint_cues"]):
            groups.append(chain)
    return groups
