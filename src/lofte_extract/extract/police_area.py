"""The lokalpolisområde a promise names: a small grammar for area names after (or before) a cue.

An area name is an optional direction word ('södra Vätterbygden', 'Västra Mälardalen'), one to
three capitalised names, and an optional direction or region word after them ('Storgöteborg
syd', 'Malmö Norr', 'Piteå älvdal'). A kommun name written before the cue counts too ('Nacka
lokalpolisområde'); a genitive is read as its nominative ('lokalpolisområde Norrmalms konton').
"""

from __future__ import annotations

import re
from functools import lru_cache

from .kommun import NAME as _KOMMUN_NAME
from .kommun import ocr_tolerant
from .meta_vocab import kommun_by_form
from .vocab import load_vocab

__all__ = ["police_area"]

# A name, or a joint area of names: 'Haninge/Nynäshamn', 'Luleå/ Boden', 'Kungälv-Ale'.
NAME = rf"{_KOMMUN_NAME}(?:[ \t]?/[ \t]?{_KOMMUN_NAME})*"


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _area_pattern() -> re.Pattern:
    places = load_vocab("meta_places")
    cues = ocr_tolerant(places["lpo_cues"])
    prefix = _alternatives(places["lpo_area_prefixes"])
    suffix = _alternatives(places["lpo_area_suffixes"] + places["lpo_region_suffixes"])
    return re.compile(
        rf"(?i:(?P<cue>{cues}))[ \t]*,?[ \t]+(?P<prep>(?:i|för|på)[ \t]+)?(?:LPO\s+)?"
        rf"(?P<prefix>(?i:{prefix})[ \t]+)?"
        rf"(?P<names>{NAME}(?:[ \t]+{NAME}){{0,2}})"
        rf"(?P<suffix>[ \t]+(?i:{suffix})(?![\wåäö]))?"
        rf"(?P<joint>[ \t]+och[ \t]+{NAME})?"
        rf"(?P<next>[ \t]+[a-zåäö]\w*)?"
    )


@lru_cache(maxsize=1)
def _police_unit_pattern() -> re.Pattern:
    # 'Polisen södra Lappland', 'chef polisen Södra Ångermanland', 'Polismyndigheten Östra
    # Fyrbodal': a unit named by region
    prefix = _alternatives(load_vocab("meta_places")["lpo_area_prefixes"])
    return re.compile(
        rf"(?i:polisen|polismyndigheten)[ \t]+(?:(?:i|på)[ \t]+)?"
        rf"(?P<region>(?i:{prefix})[ \t]+{_KOMMUN_NAME})"
    )


@lru_cache(maxsize=1)
def _before_cue_pattern() -> re.Pattern:
    # 'Nacka lokalpolisområde', 'Katrineholms lokalpolisområdeschef Liselotte Jergard'
    areas = ocr_tolerant(load_vocab("meta_places")["lpo_area_cues"])
    return re.compile(rf"(?P<name>{NAME})[ \t]+(?i:{areas})(?:s?chef(?:en)?)?(?![\wåäö])")


@lru_cache(maxsize=1)
def _wrapped_area_pattern() -> re.Pattern:
    cues = ocr_tolerant(load_vocab("meta_places")["lpo_cues"])
    prefix = _alternatives(load_vocab("meta_places")["lpo_area_prefixes"])
    return re.compile(
        rf"(?i:{cues})[ \t]*\n\s*(?P<prefix>(?i:{prefix})[ \t]+)?(?P<name>{NAME})[ \t]*(?:\n|$)"
    )


def _known(name: str) -> bool:
    return all(part in kommun_by_form() for part in re.split(r"[/-]", name))


def _nominative(name: str) -> str:
    parts = re.split(r"([/-])", name)
    out = []
    for part in parts:
        entry = kommun_by_form().get(part)
        out.append(entry.name if entry and part != entry.name and part.endswith("s") else part)
    return "".join(out)


def _area_name(m: re.Match, stop: set[str]) -> tuple[str, int] | None:
    """The area's name and its offset, or None when the words after the cue name no area."""
    places = load_vocab("meta_places")
    names = re.sub(r"\s*/\s*", "/", m["names"]).split()  # 'Luleå/ Boden' is one name
    cut = next((i for i, n in enumerate(names) if n in stop), len(names))
    names = names[:cut]
    if not names:
        return None
    # 'lokalpolisområde X', 'chef för lokalpolisområde X': the cue ends with the area word
    area_cue = f"(?i:(?:.*\\s)?(?:{ocr_tolerant(places['lpo_area_cues'])}))"
    is_area = bool(re.fullmatch(area_cue, m["cue"]))
    whole = cut == len(re.sub(r"\s*/\s*", "/", m["names"]).split())
    suffix = m["suffix"].strip() if m["suffix"] and whole else ""
    known = [_known(n) for n in names]
    if m["cue"].lower().replace("rn", "m") == "polisområde" and not known[0]:
        return None  # 'Polisområde Skåne Nordväst' is a region, not a lokalpolisområde
    if m["prefix"]:  # 'södra Vätterbygden': a region name of its own; a person may follow
        region = names[:1] if len(names) > 1 and not known[-1] else names
        return " ".join([m["prefix"].strip(), *region, *([suffix] if suffix else [])]), 0
    if len(names) > 1 and known[-1]:
        return names[-1], len(" ".join(names[:-1])) + 1  # 'Storgöteborg Kungälv-Ale'
    suffixes = {w.lower() for w in places["lpo_area_suffixes"] + places["lpo_region_suffixes"]}
    if len(names) > 1 and names[1].lower() in suffixes:
        return " ".join(names[:2]), 0  # 'Malmö Norr', 'Storgöteborg Syd', 'Piteå Älvdal'
    if _joint_area(m, names, known):
        return f"{names[0]} och {m['joint'].split()[-1]}", 0  # 'chef i Sundbyberg och Solna'
    if not known[0] and len(names) == 1 and not m["next"] and _titled(m["cue"]):
        return names[0], 0  # 'lokalpolisområdeschef Norduppland': a person has two names
    if known[0] or is_area or m["prep"]:
        name = " ".join(names) if not known[0] else names[0]
        last = name.split("/")[-1]
        two_parties = "-" in last and last not in kommun_by_form()  # not 'Upplands-Bro'
        if two_parties and (m["next"] or "").split()[:1] in (["kommun"], ["kommuns"]):
            return name.rsplit("-", 1)[0], 0  # 'lokalpolisområde Nybro-Emmaboda kommun
        if suffix:
            return f"{name} {suffix}", 0  # 'Piteå älvdal', 'Storgöteborg syd'
        if not known[0] and len(names) == 1 and name.endswith("s") and m["next"]:
            return name[:-1], 0  # 'lokalpolisområde Norrmalms konton': a genitive
        return name, 0
    return None


def _titled(cue: str) -> bool:
    """Whether the cue is a chef's title ('tf. lokalpolisområdeschef')."""
    return "chef" in cue.lower()


def _joint_area(m: re.Match, names: list[str], known: list[bool]) -> bool:
    """'lokalpolisområdeschef i Sundbyberg och Solna': two kommuner after 'i'/'för' that are
    no 'X och Y kommun' pair of an area and its kommun."""
    if not (m["prep"] and m["joint"] and known[0] and len(names) == 1):
        return False
    other = m["joint"].split()[-1]
    after = (m["next"] or "").split()
    partner = bool(after) and after[0].lower() in ("kommun", "kommuns", "kommuner", "stad")
    return _known(other) and _nominative(other) != _nominative(names[0]) and not partner


def police_area(
    text: str, start: int, end: int
) -> tuple[str | None, int | None, int | None, str | None]:
    """The lokalpolisområde named in `text[start:end]` (most often named, then first), its
    offsets and the rule that read it."""
    stop = set(load_vocab("meta_places")["name_stopwords"])
    votes: dict[str, list[tuple[int, int, str]]] = {}

    def vote(name: str, at: int, length: int, rule: str) -> None:
        votes.setdefault(_nominative(name).lower(), []).append((at, at + length, rule))

    for m in _area_matches(text, start, end):
        choice = _area_name(m, stop)
        if choice:
            offset = (m.start("prefix") if m["prefix"] else m.start("names")) + choice[1]
            vote(choice[0], offset, _raw_length(text, offset, choice[0]), "police_area.after_cue")
    for m in _police_unit_pattern().finditer(text, start, end):
        if m["region"] in kommun_by_form():
            continue  # 'Polismyndigheten Östra Göinge - medborgarlöften': a kommun's page
        vote(m["region"], m.start("region"), len(m["region"]), "police_area.police_unit")
    for m in _before_cue_pattern().finditer(text, start, end):
        # 'Nacka lokalpolisområde'; a stadsdel too: 'Farsta lokalpolisområde'
        named = _known(m["name"]) or m["name"] in load_vocab("meta_places")["city_districts"]
        if named and m["name"] not in stop:
            vote(m["name"], m.start("name"), len(m["name"]), "police_area.before_cue")
    for m in _wrapped_area_pattern().finditer(text, start, end):
        # 'Lokalpolisområdeschef, Lokalpolisområde' / 'Växjö': a title wrapped in a PDF;
        # 'Lokalpolisområdeschef' / 'Östra Fyrbodal' in a signature block
        if m["prefix"]:
            at = m.start("prefix")
            vote(text[at : m.end("name")], at, m.end("name") - at, "police_area.wrapped_title")
        elif _known(m["name"]):
            vote(m["name"], m.start("name"), len(m["name"]), "police_area.wrapped_title")
    if not votes:
        return None, None, None, None
    for key in list(votes):  # 'Haninge' named beside 'Haninge/Nynäshamn' supports the joint
        parts = re.split(r"\s*[/-]\s*|\s+och\s+", key)
        if len(parts) > 1:
            votes[key] = votes[key] + [v for p in parts for v in votes.get(p, [])]
    key = max(votes, key=lambda n: (len(votes[n]), -votes[n][0][0]))
    first = votes[key][0]
    return _display(text, first[:2]), first[0], first[1], first[2]


def _area_matches(text: str, start: int, end: int) -> list[re.Match]:
    """Every cue-and-name match; a cue read as the name of the one before it ('Tf
    lokalpolisområdeschef Lokalpolisområde Kalmar') is tried as a cue of its own too."""
    found = []
    position = start
    while (m := _area_pattern().search(text, position, end)) is not None:
        found.append(m)
        position = m.start("names") if m.start("names") > m.start() else m.end()
    return found


def _raw_length(text: str, at: int, name: str) -> int:
    """How many characters of the text at `at` the (space-normalised) name covers."""
    flexible = r"\s*/\s*".join(map(re.escape, name.split("/")))
    found = re.compile(flexible).match(text, at)
    return found.end() - at if found else len(name)


def _display(text: str, where: tuple[int, int]) -> str:
    return _nominative(re.sub(r"\s*/\s*", "/", " ".join(text[where[0] : where[1]].split())))
