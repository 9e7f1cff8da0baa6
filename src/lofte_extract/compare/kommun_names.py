"""Kommun names as people type them: 'eslov', 'Eslövs kommun' and 'ESLÖV' all mean Eslöv."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from ..records import PromiseRecord
from .settings import COMPARE

__all__ = ["closest", "matches", "name_key", "resolve_kommuner"]

_KOMMUN_WORDS = {"kommun", "kommuns", "kommune"}


def name_key(name: str) -> str:
    """Case, diacritics and the word 'kommun' dropped: 'Eslövs kommun' -> 'eslovs'."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(w for w in plain.replace("-", " ").split() if w not in _KOMMUN_WORDS)


def matches(query: str, name: str) -> bool:
    """Whether a typed name ('eslov', 'Eslövs kommun') names this kommun."""
    key, wanted = name_key(name), name_key(query)
    return wanted in (key, key + "s")  # 'Eslövs kommun': the genitive s


def closest(query: str, names: list[str]) -> list[str]:
    """The kommun names nearest to a typed one, nearest first (alike ones only, if any)."""
    by_key = {name_key(n): n for n in names}
    wanted = name_key(query).removesuffix("s")
    close = difflib.get_close_matches(
        wanted, list(by_key), COMPARE.max_suggestions, COMPARE.suggest_cutoff
    )
    return [
        by_key[k]
        for k in close
        or difflib.get_close_matches(wanted, list(by_key), COMPARE.max_suggestions, 0.0)
    ]


def resolve_kommuner(
    queries: Iterable[str], records: list[PromiseRecord]
) -> tuple[list[str], dict[str, list[str]]]:
    """SCB codes the queries name among the records' kommuner, and per unknown query the
    closest kommun names to suggest."""
    known = {k.code: k.name for r in records for k in r.kommuner}
    codes: list[str] = []
    unknown: dict[str, list[str]] = {}
    for query in queries:
        found = [
            code for code, name in known.items() if query.strip() == code or matches(query, name)
        ]
        if found:
            codes += [c for c in found if c not in codes]
            continue
        unknown[query] = closest(query, list(known.values()))
    return codes, unknown
