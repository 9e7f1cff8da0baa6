"""Numeric targets in a commitment: value, qualifier, counted unit and period."""

from __future__ import annotations

import re

from ..parse import ParsedDocument
from ..records import NumericTarget
from .analysed import sentences
from .counts import count_at, glued_unit, whole_after, whole_of_a_part
from .cues import NOT_SUPINES, perfect_tense
from .evidence import evidence_for
from .nlp import get_nlp
from .numbers import parse_number
from .settings import EXTRACT
from .target_units import (
    Word,
    counted_before,
    is_article,
    is_countable,
    is_genitive,
    per_follows,
    period_after,
    period_before,
    period_follows,
    qualifier_of,
    second_season,
    target_vocab,
    unit_end,
    unit_index,
    unit_text,
)
from .text_units import normalize

__all__ = ["find_targets"]

_THOUSANDS = re.compile(r"^\d{3}$")


def find_targets(
    doc: ParsedDocument, start: int, end: int, several_years: bool = False
) -> list[NumericTarget]:
    """Targets in `doc.text[start:end]`; 'under året' is per year only in multi-year promises."""
    targets: list[NumericTarget] = []
    for sentence in sentences(doc.text[start:end], line_ends=False, offset=start):
        if _is_result(sentence.text):
            continue
        tokens = _tokens(sentence.text, sentence.start)
        targets += _sentence_targets(doc, tokens, several_years, targets)
    return targets


def _tokens(text: str, offset: int) -> list[Word]:
    raw = [t for t in get_nlp().tokenizer(text) if not t.is_space]
    tokens: list[Word] = []
    for token in raw:
        start = offset + token.idx
        item = Word(token.text, token.text.lower(), start, start + len(token.text))
        previous = tokens[-1] if tokens else None
        # '4 000' is one number written with a thin space.
        if (
            previous is not None
            and _THOUSANDS.match(item.text)
            and re.match(r"^\d{1,3}(?: \d{3})*$", previous.text)
            and item.start - previous.end == 1
        ):
            joined = previous.text + " " + item.text
            tokens[-1] = Word(joined, joined, previous.start, item.end)
            continue
        tokens.append(item)
    return tokens


# The perfect tense: 'har gjort', 'hade genomfört', 'har poliserna haft'.
_PERFECT = re.compile("(?i)" + perfect_tense(2, 2, not_supines=(*NOT_SUPINES, "gott", "rätt")))


def _is_result(text: str) -> bool:
    """Reports what was done: a result phrase, or the perfect or simple past tense of a deed
    with no promise in it."""
    lowered = text.lower()
    if any(word in lowered for word in target_vocab()["content_nontargets.result_words"]):
        return True
    blockers = target_vocab()["content_nontargets.achieved_blockers"]
    reported = [m for m in _PERFECT.finditer(text) if not _TEMPORAL.search(text[: m.start()])]
    told = set(target_vocab()["content_nontargets.preterite_verbs"]) & set(
        re.findall(r"[\wåäö]+", lowered)
    )
    return bool(reported or told) and not any(
        re.search(rf"(?<![\wåäö]){w}(?![\wåäö])", lowered) for w in blockers
    )


# 'När en förundersökning har inletts tas kontakt inom en vecka': a perfect tense in a clause
# of time states a condition of the promise, not a result.
_TEMPORAL = re.compile(
    r"(?i)(?<![\wåäö])(?:när|då|efter att|sedan|så snart)\s+(?:[\wåäö]+\s+){0,4}$"
)


def _sentence_targets(
    doc: ParsedDocument, tokens: list[Word], several_years: bool, earlier: list[NumericTarget]
) -> list[NumericTarget]:
    found: list[NumericTarget] = []
    articles: list[NumericTarget] = []
    totals: list[NumericTarget] = []
    each: list[NumericTarget] = []  # 'en informationskväll i varje kommundel'
    index = 0
    while index < len(tokens):
        value, width, implied = count_at(tokens, index)
        if value is None:
            index += 1
            continue
        target = _target_at(doc, tokens, index, width, value, several_years, earlier + found)
        if target is not None:
            if implied and target.qualifier == "exakt":
                target = target.model_copy(update={"qualifier": implied})
            found.append(target)
            if (
                index > 0
                and tokens[index - 1].lower in target_vocab()["content_nontargets.total_words"]
            ):
                totals.append(target)
            elif target.period is None and _distributes(tokens, index + width):
                each.append(target)
            second = second_season(tokens, index + width, target.period)
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


def _distributes(tokens: list[Word], index: int) -> bool:
    """Whether 'i varje kommundel' (one per place) follows a count within a few words."""
    tail = (
        " "
        + " ".join(token.lower for token in tokens[index : index + EXTRACT.distributive_tokens])
        + " "
    )
    return any(
        f" {phrase} " in tail for phrase in target_vocab()["content_nontargets.distributive"]
    )


def _target_at(
    doc: ParsedDocument,
    tokens: list[Word],
    index: int,
    width: int,
    value: int,
    several_years: bool,
    earlier: list[NumericTarget],
) -> NumericTarget | None:
    vocab = target_vocab()
    token = tokens[index]
    before = tokens[index - 1].lower if index > 0 else ""
    if _not_a_count(doc, tokens, index, value):
        return None
    qualifier, qualifier_start = qualifier_of(doc.text, tokens, index)
    unit, unit_at = _counted_unit(tokens, index, width)
    after = tokens[index + width].lower if index + width < len(tokens) else ""
    # 'varav fyra …', 'varav minst 20 procent …': a subset of the total just named
    after_varav = "varav" in [t.lower for t in tokens[max(0, index - EXTRACT.varav_tokens) : index]]
    subset_share = after in ("procent", "%") and after_varav
    if _counts_no_target(after, unit, qualifier, subset_share):
        return None
    period: str | None = None
    part_of: int | None = None
    if before in vocab["content_periods.deadline_words"]:
        if unit is None or unit.lower() not in vocab["content_periods.deadline_units"]:
            return None
        qualifier, qualifier_start, period = "högst", tokens[index - 1].start, "deadline"
    elif after_varav and earlier:
        if not subset_share:
            unit = unit if unit is not None and is_countable(unit) else earlier[-1].unit
        part_of = len(earlier) - 1  # a subset of the total just named, never added to it
    elif unit is None and earlier and _elliptic(tokens, index + width, several_years):
        unit = earlier[-1].unit  # 'två vandringar per år i A och en per år i B'
    elif unit is None and per_follows(tokens, index + width) and counted_before(tokens, index):
        # 'genomför trafikinsatser vid skolorna, minst fyra per termin': the count is of
        # the counted noun named earlier in the sentence.
        unit = counted_before(tokens, index)
    elif unit is None or unit[:1].isupper():
        return None  # counted things are common nouns; 'Kävlinge' after a postcode is not
    period_rule = None
    if period is None:
        tail_from = unit_end(tokens, unit_at) + 1 if unit_at is not None else index + width
        period, period_rule = _period_of(tokens, tail_from, index, several_years)
    if is_article(tokens, index, width, (qualifier, unit, period)):
        return None
    end = tokens[unit_end(tokens, unit_at)].end if unit_at is not None else token.end
    start = qualifier_start if qualifier_start is not None else token.start
    return NumericTarget(
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        unit=unit,
        period=period,  # type: ignore[arg-type]
        text=normalize(doc.text[start:end]),
        evidence=evidence_for(doc, start, end, _rule_id(period_rule, part_of)),
        part_of=part_of,
    )


def _elliptic(tokens: list[Word], index: int, several_years: bool) -> bool:
    return per_follows(tokens, index) or period_follows(tokens, index, several_years)


def _not_a_count(doc: ParsedDocument, tokens: list[Word], index: int, value: int) -> bool:
    """Whether the number at `index` is a year, an address, a code or a part of a ratio."""
    vocab = target_vocab()
    token = tokens[index]
    before = tokens[index - 1].lower if index > 0 else ""
    if token.text[:1].isdigit() and len(token.text) == 4 and _is_year(value):
        return True
    if token.start and doc.text[token.start - 1] == "/" and not token.text[:1].isdigit():
        return True  # 'ett öppet BRÅ-möte/en trygghetskväll': one count, two names for it
    # 'år 2020', 'klass 9'; but 'per år två dialogmöten' counts after its period
    per_period = index >= 2 and tokens[index - 2].lower in ("per", "varje", "om")
    if before in vocab["content_nontargets.before"] and not per_period:
        return True
    if whole_of_a_part(tokens, index):
        return True  # the whole in 'tre av fyra', 'minst 40 av årets 52 helger'
    if before == "och" and index >= 2 and tokens[index - 2].lower in ("var", "vart"):
        return True  # 'var och en av skolorna', 'vart och ett av områdena': each, not one
    if before.endswith(tuple(vocab["content_nontargets.before_suffixes"])):
        return True  # street numbers: 'Storgatan 12'
    if is_genitive(before) and before not in vocab["content_nontargets.time_genitives"]:
        return True  # 'kommunens två gymnasieskolor' counts what exists
    if index > 0 and tokens[index - 1].text.isupper() and len(tokens[index - 1].text) > 1:
        return True  # 'LOV 3', 'SFS 2010'
    return _adjacent_punctuation(doc, token)


def _counted_unit(tokens: list[Word], index: int, width: int) -> tuple[str | None, int | None]:
    """The counted noun after the number at `index` and the token it starts at, if any."""
    token = tokens[index]
    unit_from = index + width
    # 'tre av fyra skolavslutningar', '40 av årets 52 helger': the count is of the whole's
    # noun; the whole only says of how many
    if unit_from < len(tokens) and tokens[unit_from].lower == "av":
        whole = whole_after(tokens, unit_from)
        if whole is not None:
            unit_from = whole + 1
        elif unit_from + 1 < len(tokens) and is_genitive(tokens[unit_from + 1].lower):
            unit_from += 2  # 'tre av kommunens skolor': the schools, not the kommun
    unit_at = unit_index(tokens, unit_from)
    unit = unit_text(tokens, unit_at) if unit_at is not None else None
    if token.text.isalpha() and parse_number(token.lower) is None:
        glued = glued_unit(token)
        if glued is not None:
            unit, unit_at = glued, index
    return unit, unit_at


def _counts_no_target(after: str, unit: str | None, qualifier: str, subset_share: bool) -> bool:
    """Whether the count measures ('20 minuters') or counts what is never a target."""
    vocab = target_vocab()
    if after in vocab["content_nontargets.measure_genitives"]:
        return True
    if subset_share:
        return False  # 'varav minst 20 procent': a share of the total is committed too
    if after in vocab["content_nontargets.after"] or any(
        after.startswith(stem) for stem in vocab["content_nontargets.after_stems"]
    ):
        return True
    if unit is not None and (
        unit.lower() in vocab["content_nontargets.after"]
        or any(stem in unit.lower() for stem in vocab["content_nontargets.after_stems"])
    ):
        # 'tre löften' counts promises; 'minst ett medborgarlöfte per år' is a target.
        return qualifier == "exakt" or "löfte" not in unit.lower()
    return False


def _period_of(
    tokens: list[Word], tail_from: int, index: int, several_years: bool
) -> tuple[str | None, str | None]:
    """The period after the counted noun, else one named before the count."""
    period, rule = period_after(tokens, tail_from, several_years)
    if period is None:
        period, rule = period_before(tokens, index, several_years)
    return period, rule


def _rule_id(period_rule: str | None, part_of: int | None) -> str:
    """How a target was found: the number grammar, its period rule, a 'varav' subset."""
    parts = ["targets.number_grammar"]
    if period_rule:
        parts.append(period_rule)
    if part_of is not None:
        parts.append("targets.varav_subset")
    return "+".join(parts)


def _is_year(value: int) -> bool:
    vocab = target_vocab()
    return vocab["content_nontargets.year_min"] <= value <= vocab["content_nontargets.year_max"]


def _adjacent_punctuation(doc: ParsedDocument, token: Word) -> bool:
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
