"""The features a candidate year has in its sentence and line, and their weights.

Each time span the period grammar finds gets named features (a validity cue before it, a löfte
word next to it, a heading, a past-tense or survey context, a link line); `score_of` sums their
weights from `data/year_scores.json`. `years.py` collects and chooses the candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysed import Line
from .cues import perfect_tense
from .meta_vocab import names_signing
from .periods import TimeSpan, find_timespans
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["FEATURES", "features_of", "score_of", "year_patterns", "year_settings"]


@lru_cache(maxsize=1)
def year_settings() -> dict:
    """year_scores.json, its weights checked against the known features."""
    settings = load_vocab("year_scores")
    unknown = set(settings["weights"]) - set(FEATURES)
    if unknown:
        raise ValueError(f"year_scores.json: unknown features {sorted(unknown)}")
    return settings


FEATURES = (
    "base",
    "range",
    "validity_cue",
    "promise_near",
    "promise_sentence",
    "year_preposition",
    "heading",
    "past",
    "not_current",
    "negative_context",
    "event_date",
    "link_line",
    "article_date",
    "now_cue",
    "url",
    "open_start",
    "next_year",
    "signed",
    "hedged",
    "future",
    "coming_years",
    "extension",
    "last_year",
    "other_promise",
)


_AGREEMENT = r"(?i:(?:samverkans)?överenskommelse\w*|(?:samverkans)?avtal(?:et)?)"


@lru_cache(maxsize=2)
def year_patterns(agreement: bool = False) -> dict[str, re.Pattern]:
    """The cue patterns; for a samverkansöverenskommelse the agreement is the anchor word."""
    years = load_vocab("meta_years")
    settings = year_settings()

    def alternatives(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)

    lofte = _AGREEMENT if agreement else years["lofte_word"]
    return {
        "lofte": re.compile(lofte),
        "validity": re.compile(rf"(?i)(?<![\wåäö])(?:{alternatives(settings['validity_cues'])})"),
        "preposition": re.compile(
            rf"(?i)(?<![\wåäö])(?:{alternatives(years['year_prepositions'])})\s+"
            rf"(?:(?:{alternatives(years['year_fillers'] + ['åren'])})\s+){{0,2}}$"
        ),
        "after_lofte": re.compile(rf"^\s*års\s+(?:\w+\s+)?{lofte}"),
        "promise": re.compile(rf"(?i)(?<![\wåäö])(?:{alternatives(settings['promise_cues'])})"),
        # 'årets medborgarlöfte': this year's promise, the year is the article's
        "this_year": re.compile(rf"(?<![\wåäö])(?<!förra )(?i:årets)\s+(?:\w+\s+)?{lofte}"),
        # 'förra årets medborgarlöfte', 'fjolårets löfte': the year before the article's
        "last_year": re.compile(rf"(?i:förra\s+årets|fjolårets)\s+(?:\w+\s+)?{lofte}"),
        "now": re.compile(
            r"(?i)(?<![\wåäö])(?:"
            + "|".join(map(re.escape, settings["now_cues"]))
            + r")(?![\wåäö])"
        ),
    }


_YEARS_OWN = re.compile(r"20[0-4]\d\s+års\s+(?:\w+\s+)?$")
# 'Av det skälet gäller 2017 års medborgarlöfte även för 2018-2019': a sentence about the
# promise of another year than the span's
_OTHER_PROMISE = re.compile(r"\b(20[0-4]\d)\s+års\s+(?:\w+\s+)?(?i:\w*löfte\w*)")


def _has_any(text: str, words: list[str]) -> bool:
    return any(re.search(rf"(?<![\wåäö]){re.escape(w)}(?![\wåäö])", text) for w in words)


def features_of(
    text: str, span: TimeSpan, sentence: Line, line: Line, agreement: bool = False
) -> list[str]:
    """The named features a time span has in its sentence and line."""
    pats, years, settings = year_patterns(agreement), load_vocab("meta_years"), year_settings()
    before = text[max(sentence.start, span.start - settings["validity_window"]) : span.start]
    found = ["base"]
    if span.is_range:
        found.append("range")
    if pats["validity"].search(before):
        found.append("validity_cue")
    near_start = max(sentence.start, span.start - settings["promise_window"])
    bound = [m for m in pats["lofte"].finditer(text, near_start, span.start)]
    # the löfte word belongs to this span unless another time span stands between them or
    # it is another year's ('2018 års löften till att gälla även 2019')
    if (
        bound
        and not find_timespans(text, bound[-1].end(), span.start)
        and not _YEARS_OWN.search(
            text, max(0, bound[-1].start() - EXTRACT.agreement_own_window_chars), bound[-1].start()
        )
    ):
        found.append("promise_near")
    elif pats["after_lofte"].match(text[span.end : sentence.end]):
        found.append("promise_near")
    elif pats["lofte"].search(sentence.text) or pats["promise"].search(sentence.text):
        found.append("promise_sentence")
    if pats["preposition"].search(
        text[max(sentence.start, span.start - settings["preposition_window"]) : span.start]
    ):
        found.append("year_preposition")
    if len(line.text.split()) <= years["heading_max_words"] and not line.text.endswith("."):
        found.append("heading")
    found += _context_features(text, span, sentence, agreement)
    if span.kind == "date":
        found.append("event_date")
    if _EXTENDED.search(sentence.text) and re.search(r"(?i)\bäven\s+(?:\S+\s+){0,2}$", before):
        found.append("extension")  # 'har förlängts så att de även gäller 2022'
    if names_signing(sentence.text):
        found.append("signed")  # 'Underskrivna 2016.'
    owner = _OTHER_PROMISE.search(sentence.text)
    # 'förlänga 2018 års löften till att gälla även 2019' extends this promise instead
    if owner and int(owner.group(1)) not in span.years and not _EXTENDED.search(sentence.text):
        found.append("other_promise")  # 'gäller 2017 års medborgarlöfte även för 2018-2019'
    if span.open_start:
        found.append("open_start")
    if any(mark in line.text.lower() for mark in settings["link_marks"]):
        found.append("link_line")
    return found


def _context_features(text: str, span: TimeSpan, sentence: Line, agreement: bool) -> list[str]:
    """Features of the words around the span that speak against it: past tense, an earlier
    promise, a survey or agreement, a hedge."""
    pats, years, settings = year_patterns(agreement), load_vocab("meta_years"), year_settings()
    found = []
    if _is_past(text, span, sentence):
        found.append("past")
    before = text[max(sentence.start, span.start - EXTRACT.not_current_window_chars) : span.start]
    if _has_any(before.lower(), years["not_current"]):
        found.append("not_current")
    context = text[
        max(sentence.start, span.start - EXTRACT.negative_window_chars) : span.start
    ].lower()
    negative = [w for w in years["context_negative"] if not (agreement and pats["lofte"].match(w))]
    # ... or the sentence is about it: 'Samverkansöverenskommelsen, som gäller till och med 2026'
    subject = " ".join(sentence.text.lower().split()[: EXTRACT.subject_words])
    if any(word in context or word in subject for word in negative) and not _promise_too(
        text[sentence.start : span.start], pats["lofte"], negative
    ):
        found.append("negative_context")
    if _has_any(sentence.text.lower(), settings["hedges"]):
        found.append("hedged")  # 'Det kan bli aktuellt att förlänga löftet för år 2023'
    return found


def _promise_too(before: str, lofte: re.Pattern, negative: list[str]) -> bool:
    """The promise named with the agreement the validity is told of: 'ett nytt medborgarlöfte
    och en samverkansöverenskommelse som gäller fram till 2025' dates both."""
    joined, lowered = _joined_to(tuple(negative)), before.lower()
    return any(joined.match(lowered, m.end()) for m in lofte.finditer(before))


@lru_cache(maxsize=4)
def _joined_to(words: tuple[str, ...]) -> re.Pattern[str]:
    """'… och en <word>': one of `words` joined to what stands before it."""
    return re.compile(rf"\s+och\s+(?:\w+\s+){{0,2}}?\w*(?:{'|'.join(map(re.escape, words))})")


_EXTENDED = re.compile(r"(?i)\bförläng(?:s|ts|as|des|t|a|er|de)?\b")


def is_future(sentence: str) -> bool:
    """A sentence about what will be done ('Samverkanshelg kommer utföras under minst 30
    helger 2022')."""
    return bool(_FUTURE.search(sentence))


_FUTURE = re.compile(r"(?i)(?<![\wåäö])(?:ska|skall|kommer(?:\s+att)?\s+\w+(?:as|a)\b)")


# The perfect tense right after the year, its subject inverted: '2016 har kommunen … tagit'
_PERFECT_AFTER = re.compile(
    r"\s*" + perfect_tense(6, 3, endings=("at", "it", "tt", "ts", "ats", "its", "ort", "ört")),
    re.IGNORECASE,
)


def _is_past(text: str, span: TimeSpan, sentence: Line) -> bool:
    """A past-tense context: 'hölls under 2018', 'bestämde i januari 2018', '2016 gjordes'."""
    settings, years = year_settings(), load_vocab("meta_years")
    if _has_any(sentence.text.lower(), settings["past_markers"]):
        return True
    following = text[span.end : sentence.end].split()[:1]
    if following and following[0].lower().endswith(tuple(years["past_suffixes"])):
        return True
    # 'Medborgarlöftet för 2024 har tagits fram': the year names the promise the perfect tells
    # of, not when it happened
    named = re.search(
        rf"{years['lofte_word']}\s+(?:för|i)\s+(?:år\s+)?$", text[sentence.start : span.start]
    )
    if not named and _PERFECT_AFTER.match(text, span.end, sentence.end):
        return True  # 'Under 2016 har kommunen och polisen tillsammans tagit fram …'
    count = settings["past_words_before"]
    words = text[sentence.start : span.start].lower().split()[-count - 1 :]
    pairs = list(zip(["", *words], words, strict=False))[-count:]
    # 'Polisen och kommunen lovade under 2017 att …': the parties' promise told in the past
    # names its year; '… allt som lovade genomföra i 2017 års löfte' is another one's.
    return any(
        word.endswith(tuple(settings["past_suffixes_before"]))
        and not (word in settings["promised_past"] and prior != "som")
        for prior, word in pairs
    )


def score_of(features: list[str]) -> float:
    """A candidate's score: the sum of its features' weights."""
    weights = year_settings()["weights"]
    return sum(weights.get(name, 0.0) for name in features)
