"""Numeric targets in a commitment: value, qualifier, counted unit and period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..parse import ParsedDocument
from ..records import NumericTarget
from .evidence import evidence_for
from .nlp import get_nlp
from .numbers import parse_number, split_glued
from .text_units import normalize, split_sentences
from .vocab import load_vocab

__all__ = ["find_targets"]

_DIGITS = re.compile(r"^\d{1,12}$")
# No Swedish number word or compound ('femhundrafemtiotvå') is longer; junk tokens are.
_LONGEST_WORD = 40
_THOUSANDS = re.compile(r"^\d{3}$")


@dataclass
class _Token:
    text: str
    lower: str
    start: int  # offset into doc.text
    end: int


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = {}
    for name in ("content_qualifiers", "content_periods", "content_nontargets", "content_units"):
        data.update({f"{name}.{key}": value for key, value in load_vocab(name).items()})
    return data


def find_targets(
    doc: ParsedDocument, start: int, end: int, several_years: bool = False
) -> list[NumericTarget]:
    """Targets in `doc.text[start:end]`; 'under året' is per year only in multi-year promises."""
    targets: list[NumericTarget] = []
    for sentence in split_sentences(doc.text[start:end], start):
        if _is_result(sentence.text):
            continue
        tokens = _tokens(sentence.text, sentence.start)
        targets += _sentence_targets(doc, tokens, several_years, targets)
    return targets


def _tokens(text: str, offset: int) -> list[_Token]:
    raw = [t for t in get_nlp().tokenizer(text) if not t.is_space]
    tokens: list[_Token] = []
    for token in raw:
        start = offset + token.idx
        item = _Token(token.text, token.text.lower(), start, start + len(token.text))
        previous = tokens[-1] if tokens else None
        # '4 000' is one number written with a thin space.
        if (
            previous is not None
            and _THOUSANDS.match(item.text)
            and re.match(r"^\d{1,3}(?: \d{3})*$", previous.text)
            and item.start - previous.end == 1
        ):
            joined = previous.text + " " + item.text
            tokens[-1] = _Token(joined, joined, previous.start, item.end)
            continue
        tokens.append(item)
    return tokens


def _is_result(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _vocab()["content_nontargets.result_words"])


def _sentence_targets(
    doc: ParsedDocument, tokens: list[_Token], several_years: bool, earlier: list[NumericTarget]
) -> list[NumericTarget]:
    found: list[NumericTarget] = []
    articles: list[NumericTarget] = []
    totals: list[NumericTarget] = []
    each: list[NumericTarget] = []  # 'en informationskväll i varje kommundel'
    index = 0
    while index < len(tokens):
        value, width, approximate = _value_at(tokens, index)
        if value is None:
            index += 1
            continue
        target = _target_at(doc, tokens, index, width, value, several_years, earlier + found)
        if target is not None:
            if approximate and target.qualifier == "exakt":
                target = target.model_copy(update={"qualifier": "cirka"})
            found.append(target)
            if index > 0 and tokens[index - 1].lower in _vocab()["content_nontargets.total_words"]:
                totals.append(target)
            elif target.period is None and _distributes(tokens, index + width):
                each.append(target)
            second = _second_season(tokens, index + width, target.period)
            if second is not None:
                found.append(target.model_copy(update={"period": second}))
            if tokens[index].lower in ("en", "ett") and target.qualifier == "exakt":
                articles.append(target)
        index += width
    # '... i varje kommundel, totalt sju träffar': the total is the promise, the one per
    # place only spells it out.
    if totals:
        found = [t for t in found if t not in each]
    # 'en trafikkontroll ... en gång i månaden', 'besöka tre skolor två gånger per termin':
    # the 'gång' carries the count; the other bare numbers count places or groups.
    if any((t.unit or "").lower().startswith(("gång", "ggr")) and t.period for t in found):
        found = [
            t
            for t in found
            if (t.unit or "").lower().startswith(("gång", "ggr"))
            or (t not in articles and t.qualifier != "exakt")
        ]
    return found


def _distributes(tokens: list[_Token], index: int) -> bool:
    """Whether 'i varje kommundel' (one per place) follows a count within a few words."""
    tail = " " + " ".join(token.lower for token in tokens[index : index + 8]) + " "
    return any(f" {phrase} " in tail for phrase in _vocab()["content_nontargets.distributive"])


def _value_at(tokens: list[_Token], index: int) -> tuple[int | None, int, bool]:
    """Value at a token, how many tokens it spans, and whether it is approximate ('fyrtiotal')."""
    token = tokens[index]
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if token.lower in ("ett", "en") and following == "par":
        return 2, 2, False
    if "-" in token.text or "/" in token.text or ":" in token.text:
        return None, 1, False
    if _DIGITS.match(token.text.replace(" ", "")):
        return parse_number(token.text), 1, False
    if token.text[:1].isdigit() or not token.text.isalpha() or len(token.text) > _LONGEST_WORD:
        return None, 1, False
    value = parse_number(token.lower)
    if value is not None:
        return value, 1, False
    if token.lower.endswith("tal") and len(token.lower) > 5:
        value = parse_number(token.lower[:-3])  # 'ett fyrtiotal elever'
        if value is not None and value >= 10:
            return value, 1, True
    return _glued(token.lower), 1, False


def _glued(word: str) -> int | None:
    split = split_glued(word)
    return split[0] if split else None


def _glued_unit(token: _Token) -> str | None:
    # 'tvåinformationsmöten' carries its unit; 'tvågemensamma' leaves it to the next word.
    split = split_glued(token.lower)
    if split is None or split[1] in _vocab()["content_units.adjectives"]:
        return None
    return token.text[len(token.text) - len(split[1]) :]


def _target_at(
    doc: ParsedDocument,
    tokens: list[_Token],
    index: int,
    width: int,
    value: int,
    several_years: bool,
    earlier: list[NumericTarget],
) -> NumericTarget | None:
    vocab = _vocab()
    token = tokens[index]
    before = tokens[index - 1].lower if index > 0 else ""
    is_digits = token.text[:1].isdigit()
    if is_digits and len(token.text) == 4 and _is_year(value):
        return None
    if before in vocab["content_nontargets.before"]:
        return None
    if before == "av" and index >= 2 and _value_at(tokens, index - 2)[0] is not None:
        return None  # the whole in 'tre av fyra'

    if before.endswith(tuple(vocab["content_nontargets.before_suffixes"])):
        return None  # street numbers: 'Storgatan 12'

    if index > 0 and tokens[index - 1].text.isupper() and len(tokens[index - 1].text) > 1:
        return None  # 'LOV 3', 'SFS 2010'
    if _adjacent_punctuation(doc, token):
        return None
    qualifier, qualifier_start = _qualifier(doc, tokens, index)
    unit_from = index + width
    # 'tre av fyra skolavslutningar': the count is three; 'fyra' only names the whole.
    if (
        unit_from + 1 < len(tokens)
        and tokens[unit_from].lower == "av"
        and _value_at(tokens, unit_from + 1)[0] is not None
    ):
        unit_from += 2
    unit_index = _unit_index(tokens, unit_from)
    unit = _unit_text(tokens, unit_index) if unit_index is not None else None
    if token.text.isalpha() and parse_number(token.lower) is None:
        glued_unit = _glued_unit(token)
        if glued_unit is not None:
            unit, unit_index = glued_unit, index
    after = tokens[index + width].lower if index + width < len(tokens) else ""
    if after in vocab["content_nontargets.after"] or any(
        after.startswith(stem) for stem in vocab["content_nontargets.after_stems"]
    ):
        return None
    if unit is not None and (
        unit.lower() in vocab["content_nontargets.after"]
        or any(stem in unit.lower() for stem in vocab["content_nontargets.after_stems"])
    ):
        # 'tre löften' counts promises; 'minst ett medborgarlöfte per år' is a target.
        if qualifier == "exakt" or "löfte" not in unit.lower():
            return None
    period: str | None = None
    part_of: int | None = None
    if before in vocab["content_periods.deadline_words"]:
        if unit is None or unit.lower() not in vocab["content_periods.deadline_units"]:
            return None
        qualifier, qualifier_start, period = "högst", tokens[index - 1].start, "deadline"
    elif before == "varav" and earlier:
        unit = unit if unit is not None and _countable(unit) else earlier[-1].unit
        part_of = len(earlier) - 1  # a subset of the total just named, never added to it
    elif unit is None and earlier and _per_follows(tokens, index + width):
        unit = earlier[-1].unit  # 'två vandringar per år i A och en per år i B'
    elif unit is None and _per_follows(tokens, index + width) and _counted_before(tokens, index):
        # 'genomför trafikinsatser vid skolorna, minst fyra per termin': the count is of
        # the counted noun named earlier in the sentence.
        unit = _counted_before(tokens, index)
    elif unit is None or unit[:1].isupper():
        return None  # counted things are common nouns; 'Kävlinge' after a postcode is not
    if token.lower in ("en", "ett") and width == 1:
        if qualifier == "exakt" and not _countable(unit):
            return None
        # 'bjuda in till en vandring' is an article; '... till en vandring varje höst' counts.
        tail_from = _unit_end(tokens, unit_index) + 1 if unit_index is not None else index + width
        per = period or _period(tokens, tail_from, several_years)
        if before in vocab["content_nontargets.article_blockers"] and per is None:
            return None
    if period is None:
        tail_from = _unit_end(tokens, unit_index) + 1 if unit_index is not None else index + width
        period = _period(tokens, tail_from, several_years) or _period_before(tokens, index)
    end = tokens[_unit_end(tokens, unit_index)].end if unit_index is not None else token.end
    start = qualifier_start if qualifier_start is not None else token.start
    return NumericTarget(
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        unit=unit,
        period=period,  # type: ignore[arg-type]
        text=normalize(doc.text[start:end]),
        evidence=evidence_for(doc, start, end),
        part_of=part_of,
    )


_SEASONS = re.compile(
    r"\b(?:varje|under|per|i)\s+(vår|höst)(?:en)?\s+och\s+(?:varje\s+)?(vår|höst)(?:en)?\b"
)


def _second_season(tokens: list[_Token], index: int, period: str | None) -> str | None:
    # 'en trygghetsvandring varje vår och höst' promises one each spring and one each autumn.
    if period not in ("vår", "höst"):
        return None
    tail = " ".join(token.lower for token in tokens[index : index + 12])
    match = _SEASONS.search(tail)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    return second if first == period and second != period else None


def _per_follows(tokens: list[_Token], index: int) -> bool:
    # An elliptic count names no unit of its own, only its period: 'och en per år'.
    if index >= len(tokens):
        return False
    return tokens[index].lower in _vocab()["content_periods.elliptic_openers"]


def _counted_before(tokens: list[_Token], index: int) -> str | None:
    """The nearest countable plural noun before an elliptic count ('trafikinsatser')."""
    for token in reversed(tokens[:index]):
        if token.text.isalpha() and token.lower.endswith(("er", "ar", "or")) and _countable(
            token.lower
        ):
            return token.text
    return None


def _is_year(value: int) -> bool:
    vocab = _vocab()
    return vocab["content_nontargets.year_min"] <= value <= vocab["content_nontargets.year_max"]


def _adjacent_punctuation(doc: ParsedDocument, token: _Token) -> bool:
    # Dates, phone numbers, clock times and ranges glue digits to '-', '/', ':' or '.'.
    if not token.text[:1].isdigit():
        return False
    left = doc.text[token.start - 1 : token.start] if token.start else ""
    right = doc.text[token.end : token.end + 2]
    return (
        left in ("-", "/", ":", ".", "–")
        or right[:1] in ("-", "/", ":", "–")
        or (right[:1] == "." and right[1:2].isdigit())
    )


@lru_cache(maxsize=1)
def _qualifier_pattern() -> re.Pattern[str]:
    # One alternation, longest phrase first, anchored to the words right before the number.
    phrases = [
        (phrase, qualifier)
        for qualifier in ("minst", "högst", "cirka")
        for phrase in _vocab()[f"content_qualifiers.{qualifier}"]
        if phrase != "inom"  # 'inom tre dagar' is a deadline, handled apart
    ]
    phrases.sort(key=lambda item: -len(item[0]))
    alternation = "|".join(re.escape(phrase) for phrase, _ in phrases)
    return re.compile(rf"(?:^|[\s(])({alternation})\s+$")


def _qualifier(doc: ParsedDocument, tokens: list[_Token], index: int) -> tuple[str, int | None]:
    if index == 0:
        return "exakt", None
    lead = doc.text[max(0, tokens[index].start - 30) : tokens[index].start].lower()
    match = _qualifier_pattern().search(lead)
    if not match:
        return "exakt", None
    phrase = match.group(1)
    for qualifier in ("minst", "högst", "cirka"):
        if phrase in _vocab()[f"content_qualifiers.{qualifier}"]:
            return qualifier, tokens[index].start - len(lead) + match.start(1)
    return "exakt", None


def _unit_index(tokens: list[_Token], index: int) -> int | None:
    vocab = _vocab()
    adjectives = set(vocab["content_units.adjectives"])
    endings = tuple(vocab["content_units.adjective_endings"])
    candidate = None
    for offset in range(4):
        position = index + offset
        if position >= len(tokens):
            break
        word = tokens[position]
        if not word.text.replace("-", "").isalpha():
            if word.text in (".",) and word.lower == "." and position > index:
                break
            break
        nxt = tokens[position + 1] if position + 1 < len(tokens) else None
        next_is_word = nxt is not None and nxt.text.replace("-", "").isalpha()
        if word.lower in adjectives and next_is_word:
            continue
        if word.lower.endswith(endings) and next_is_word and not _countable(word.lower):
            # A word before 'som', 'under', 'per' heads the phrase: 'två fältsekreterare som'.
            if nxt is not None and nxt.lower not in vocab["content_units.noun_followers"]:
                continue
        if word.lower in vocab["content_nontargets.unit_stopwords"]:
            break
        candidate = position
        break
    return candidate


def _unit_end(tokens: list[_Token], index: int) -> int:
    # 'trafik- och informationsinsatser' is one unit.
    word = tokens[index]
    if (
        word.text.endswith("-")
        and index + 2 < len(tokens)
        and tokens[index + 1].lower
        in (
            "och",
            "eller",
        )
    ):
        return index + 2
    return index


def _unit_text(tokens: list[_Token], index: int) -> str:
    return " ".join(token.text for token in tokens[index : _unit_end(tokens, index) + 1])


def _countable(unit: str | None) -> bool:
    if not unit:
        return False
    lowered = unit.lower()
    return any(stem in lowered for stem in _vocab()["content_units.countable_stems"])


def _period_before(tokens: list[_Token], index: int) -> str | None:
    # 'ska årligen ta fram minst ett ...', 'ska varje termin genomföra två ...'.
    lead = " " + " ".join(token.lower for token in tokens[:index]) + " "
    for phrase, period in _vocab()["content_periods.period_before"].items():
        if f" {phrase} " in lead:
            return period
    return None


def _period(tokens: list[_Token], index: int, several_years: bool) -> str | None:
    vocab = _vocab()
    words: list[str] = []
    for token in tokens[index : index + 10]:
        if token.text in (",", ";"):
            break
        if token.text[:1].isdigit() and len(token.text) != 4:
            break
        if token.lower not in ("en", "ett") and parse_number(token.lower) is not None:
            break
        words.append(token.lower)
    tail = " ".join(words).replace(" / ", "/").replace("/ ", "/")
    tail = " " + tail.replace(" /", "/") + " "
    hits: list[tuple[int, str | None]] = []
    for phrase, period in vocab["content_periods.phrases"].items():
        position = tail.find((" " if phrase[:1] != "/" else "") + phrase + " ")
        if position == -1 and phrase[:1] == "/":
            position = tail.find(phrase)
        if position != -1:
            hits.append((position, period))
    for phrase in vocab["content_periods.whole_year"]:
        position = tail.find(" " + phrase + " ")
        if position != -1:
            hits.append((position, "år" if several_years else None))
    if not hits:
        return None
    return min(hits, key=lambda hit: hit[0])[1]
