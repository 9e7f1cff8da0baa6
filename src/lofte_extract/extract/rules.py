"""Rules as validated data: spaCy Matcher token patterns loaded from `extract/data/patterns/`.

A pattern file holds `{"_doc": ..., "rules": [{"id", "label", "where"?, "pattern", "examples",
"_doc"?}]}`.
Loading fails with a clear message on an unknown key, a duplicate id, a duplicate pattern or a
token pattern spaCy's own schema rejects (`Matcher(validate=True)`). Patterns may match the
token attribute `stem`, set by the `lofte_stemmer` component from `data/stems.json`, because
spaCy's lookup lemmas for Swedish are often wrong for this domain. Every match carries its
rule id, so each extracted value can say which rule produced it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from .nlp import blank_swedish
from .vocab import load_vocab

__all__ = ["Rule", "RuleMatch", "RuleSet", "load_rules", "rule_files", "rules_nlp", "stem"]

PATTERN_DIR = Path(__file__).parent / "data" / "patterns"
_FILE_KEYS = {"_doc", "rules"}
_RULE_KEYS = {"id", "label", "where", "pattern", "examples", "_doc"}
_PLACES = {"after", "before"}


@dataclass(frozen=True)
class Rule:
    """One named token pattern and the value it stands for."""

    id: str
    label: str | None
    where: tuple[str, ...]
    pattern: tuple[dict, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleMatch:
    """A rule that matched: character offsets into the text it ran on."""

    rule: Rule
    start: int
    end: int


@lru_cache(maxsize=1)
def _stem_table() -> dict:
    return load_vocab("stems")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The stem of a word from the project's stem table: 'veckan' -> 'veck'."""
    table = _stem_table()
    lower = word.lower()
    if lower in table["exceptions"]:
        return table["exceptions"][lower]
    for suffix in sorted(table["suffixes"], key=len, reverse=True):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= table["min_stem"]:
            return lower[: -len(suffix)]
    return lower


if not Token.has_extension("stem"):
    Token.set_extension("stem", getter=lambda token: stem(token.text))


@Language.component("lofte_stemmer")
def lofte_stemmer(doc: Doc) -> Doc:
    """Fill the `stem` cache of every token (the attribute is also computed on demand)."""
    for token in doc:
        stem(token.text)
    return doc


@lru_cache(maxsize=1)
def rules_nlp() -> Language:
    """A blank Swedish tokenizer with the stemmer component, for rule matching."""
    nlp = blank_swedish()
    nlp.add_pipe("lofte_stemmer")
    return nlp


def rule_files() -> list[str]:
    """Names of every pattern file."""
    return sorted(path.stem for path in PATTERN_DIR.glob("*.json"))


def _validate(name: str, data: dict) -> list[Rule]:
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise ValueError(f"patterns/{name}.json: unknown keys {sorted(unknown)}")
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    seen_patterns: set[str] = set()
    for entry in data["rules"]:
        unknown = set(entry) - _RULE_KEYS
        if unknown:
            raise ValueError(
                f"patterns/{name}.json: rule {entry.get('id')!r}: unknown keys {sorted(unknown)}"
            )
        where = tuple(entry.get("where", ["after"]))
        if not set(where) <= _PLACES:
            raise ValueError(f"patterns/{name}.json: rule {entry['id']!r}: where {where}")
        key = json.dumps(entry["pattern"], sort_keys=True)
        if entry["id"] in seen_ids:
            raise ValueError(f"patterns/{name}.json: duplicate rule id {entry['id']!r}")
        if key in seen_patterns:
            raise ValueError(f"patterns/{name}.json: rule {entry['id']!r} repeats a pattern")
        seen_ids.add(entry["id"])
        seen_patterns.add(key)
        if not entry.get("examples"):
            raise ValueError(f"patterns/{name}.json: rule {entry['id']!r} has no examples")
        rules.append(
            Rule(
                entry["id"],
                entry["label"],
                where,
                tuple(entry["pattern"]),
                tuple(entry["examples"]),
            )
        )
    return rules


class RuleSet:
    """The rules of one pattern file, compiled into a spaCy Matcher."""

    def __init__(self, name: str, rules: list[Rule]) -> None:
        self.name = name
        self.rules = {rule.id: rule for rule in rules}
        self._matcher = Matcher(rules_nlp().vocab, validate=True)
        for rule in rules:
            try:
                self._matcher.add(rule.id, [list(rule.pattern)])
            except (ValueError, KeyError) as exc:  # spaCy's schema says what is wrong
                raise ValueError(f"patterns/{name}.json: rule {rule.id!r}: {exc}") from exc

    def matches(self, text: str, where: str | None = None) -> list[RuleMatch]:
        """Matches in `text`, leftmost first, longest first at one start."""
        doc = rules_nlp()(text)
        found = []
        for match_id, start, end in self._matcher(doc):
            rule = self.rules[rules_nlp().vocab.strings[match_id]]
            if where is None or where in rule.where:
                found.append(RuleMatch(rule, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
        return sorted(found, key=lambda m: (m.start, -m.end))


@cache
def load_rules(name: str) -> RuleSet:
    """The validated rule set `extract/data/patterns/<name>.json`."""
    path = PATTERN_DIR / f"{name}.json"
    return RuleSet(name, _validate(name, json.loads(path.read_text(encoding="utf-8"))))
