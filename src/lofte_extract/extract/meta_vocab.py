"""Vocabulary for the document-level fields, loaded once from `extract/data/`."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..parse.text_lines import is_furniture_line
from .vocab import load_vocab

__all__ = [
    "DATA_DIR",
    "KOMMUN_WORD",
    "KommunEntry",
    "fold",
    "is_furniture",
    "is_link_text",
    "kommun_by_form",
    "kommuner",
    "names_signing",
    "says_signed",
]

DATA_DIR = Path(__file__).parent / "data"

# The word after a kommun's name, as pages write it: 'Ale kommun', 'Härryda Kommun',
# 'Trollhättans Stad' (a regular-expression fragment)
KOMMUN_WORD = r"(?:[Kk]ommun|[Ss]tad)"


@dataclass(frozen=True)
class KommunEntry:
    """One row of SCB's kommun register."""

    name: str
    code: str
    lan: str
    forms: tuple[str, ...]  # nominative, genitive, aliases: as they appear in text
    ambiguous: bool  # also an ordinary word or surname: needs 'kommun' or a title to count


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Upplands Väsby' -> 'upplandsvasby'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def _genitive(name: str) -> str:
    return name if name[-1] in "sxz" else name + "s"


@lru_cache(maxsize=1)
def kommuner() -> tuple[KommunEntry, ...]:
    """All 290 kommuner from `kommuner.tsv`."""
    entries = []
    with (DATA_DIR / "kommuner.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            name, code, lan, genitive, aliases, ambiguous = (row + [""] * 6)[:6]
            forms = [name, _genitive(name)]
            if genitive:
                forms.append(genitive)
            for alias in filter(None, (a.strip() for a in aliases.split(","))):
                forms += [alias, _genitive(alias)]
            entries.append(
                KommunEntry(name, code, lan, tuple(dict.fromkeys(forms)), ambiguous == "1")
            )
    return tuple(entries)


@lru_cache(maxsize=1)
def kommun_by_form() -> dict[str, KommunEntry]:
    """Every surface form (case-sensitive) to its kommun."""
    return {form: entry for entry in kommuner() for form in entry.forms}


# Kept per line text: every rule that reads a span's lines asks again for the same lines.
@lru_cache(maxsize=65536)
def is_furniture(line: str) -> bool:
    """Whether a line is site furniture: a cookie banner, skip link, menu or footer links."""

    key = " ".join(line.split()).lower()
    if not key:
        return False
    if is_furniture_line(key):
        return True
    vocab = load_vocab("doctype")["furniture"]
    if key.rstrip(":") in vocab["exact"]:
        return True
    # 'Cookies på vaxjo.se', 'Vi använder kakor för att förbättra webbplatsen': the cookie
    # word first, or with a word about the site; a sentence on 'kakor' in the text is not.
    if len(key) <= vocab["contains_max_chars"] and (
        key.startswith(tuple(vocab["contains"]))
        or any(word in key for word in vocab["contains"])
        and any(word in key for word in vocab["contains_with"])
    ):
        return True
    # 'Kontakta oss | Om webbplatsen | Tillgänglighet', 'Start › Trygghet › Medborgarlöfte';
    # 'Anna Berg | Kommunalråd | Lunds kommun' is a signer, not links.
    if any(head in key for head in load_vocab("titles")["heads"]):
        return False
    for separator in vocab["separators"]:
        parts = [part.strip() for part in key.split(separator)]
        if len(parts) >= vocab["separated_min_parts"] and all(
            part and len(part.split()) <= vocab["separated_max_words"] and not part.endswith(".")
            for part in parts
        ):
            return True
    return False


def names_signing(text: str) -> bool:
    """Whether the text holds a signing cue ('undertecknade', 'skrev under', 'underskrivet')."""
    lower = text.lower()
    places = load_vocab("meta_places")
    if any(cue in lower for cue in places["signing_cues"]):
        return True
    words = re.findall(r"[\wåäö]+", lower)
    return any(
        word in places["signing_participles"]
        and (i == 0 or words[i - 1] not in places["determiners"])
        for i, word in enumerate(words)
    )


def says_signed(sentence: str) -> bool:
    """Whether a sentence says a promise was signed: a signing cue ('undertecknade'), or a
    signing verb split around its subject ('skrev X och Y under', 'satte … sina namn på')."""
    if names_signing(sentence):
        return True
    places = load_vocab("meta_places")
    lower = sentence.lower()
    verbs = "|".join(places["signing_split_verbs"])
    objects = "|".join(places["signing_split_objects"])
    # 'under' of time ('… skriver vi det på Facebook … under det passet') is no particle
    when = r"(?!\s+(?:(?:det|den|de|hela)\s+)?(?:passet|året|perioden|dagen|kvällen|"
    when += r"veckan|helgen|hösten|våren|sommaren|vintern|tiden|åren|\d)(?![\wåäö]))"
    return bool(re.search(rf"\b(?:{verbs})\b.*\b(?:{objects})\b{when}", lower))


_PHONE_OR_MAIL = re.compile(r"\d{2,4}[- ]\d{2,3}\s?\d{2}\s?\d{2}|@")


def is_link_text(text: str) -> bool:
    """A link's text with its screen-reader suffix ('… Länk till annan webbplats, öppnas i
    nytt fönster')."""
    lower = " ".join(text.lower().split())
    return any(mark in lower for mark in load_vocab("doctype")["furniture"]["link_marks"])


def is_contact_detail(text: str) -> bool:
    """A phone number or e-mail line ('Telefon: 0478-125 11', 'E-post: x@kommun.se')."""
    lower = text.strip().lower()
    for cue in load_vocab("meta_places")["contact_detail_cues"]:
        # a label ('Telefon:', 'Mobil 070-…'), not a word ('Mobila poliskontoret kommer …')
        labelled = cue.endswith((":", ".")) or re.match(r"\s*(?::|\.?\s*[\d+(])", lower[len(cue) :])
        if lower.startswith(cue) and labelled:
            return True
    return has_phone_or_mail(text)


def has_phone_or_mail(text: str) -> bool:
    """A phone number ('0478-125 11') or an e-mail address in the text."""
    return bool(_PHONE_OR_MAIL.search(text))
