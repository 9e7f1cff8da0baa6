"""Which clause a modal stands in: a promise's 'ska' is the main clause's, not a condition's,
an indirect question's, a wish's or a purpose's; and sentences about making the promise."""

from __future__ import annotations

import re

from .analysed import words
from .cues import strip_label
from .settings import EXTRACT
from .vocab import load_vocab

__all__ = ["is_infinitive", "makes_the_promise", "modal_only_subordinate"]


def _subordinate_at(tokens: list[str], at: int, subordinators: dict) -> bool:
    """Whether the modal at token `at` is the verb of a clause a subordinator opened just
    before it: only that clause's subject (a few words, no comma) stands between them."""
    first = max(0, at - 1 - subordinators["max_subject_words"])
    for index in range(at - 1, first - 1, -1):
        word = tokens[index]
        if word == "att":
            return _att_holds(tokens, index, at, subordinators)
        if word in subordinators["inside"] and index > 0:
            return True  # 'vilka områden polis och kommun ska prioritera'
        if word in subordinators["opening"] and (
            index == 0 or _pronoun_then_modal(tokens, index, at, subordinators)
        ):
            # 'Om platsen ska bli trygg krävs …', '… fler poliser om den ska kunna vara …'
            return True
        if word == "," or _finite(word, subordinators):
            return False  # the clause had its own verb: 'När löftet är på plats ska polisen …'
    return False


def _pronoun_then_modal(tokens: list[str], index: int, at: int, subordinators: dict) -> bool:
    """'om den ska': a condition inside the sentence, its subject a pronoun ('information om
    droger ska ges' has a preposition)."""
    return at == index + 2 and tokens[index + 1] in subordinators["condition_subjects"]


_MODALS = frozenset({"ska", "skall", "bör"})
_SHORT_INFINITIVES = frozenset({"bli", "få", "gå", "nå", "se", "ha", "stå", "dö", "må"})


def _finite(word: str, subordinators: dict) -> bool:
    """Reads as a finite verb: a listed one, or a long word ending like the present tense,
    plural nouns too ('skolor'): a clause that may have its verb is not taken as a condition."""
    if word in subordinators["finite_verbs"]:
        return True
    # present tense 'begär', 'gäller'; present passive 'anmäls', 'kontrolleras' ('polis' and
    # genitives in -ns are nouns)
    return len(word) > 3 and word.endswith(("r", "as", "ls", "ks", "rs", "vs", "ds", "gs"))


def is_infinitive(word: str) -> bool:
    """Reads as an infinitive, active or passive: 'genomföra', 'erbjudas', 'nå'."""
    return word.endswith(("a", "as")) or word in _SHORT_INFINITIVES


def _att_holds(tokens: list[str], index: int, at: int, subordinators: dict) -> bool:
    """Whether the 'att' at `index` opens a clause that holds the modal at `at`: a wish or a
    belief ('Vi vill att tjuven ska förstå …'), or a purpose with its own subject ('… så att
    du ska vara trygg'); 'kommit överens om att polisen ska' binds, and in 'För att höja
    tryggheten ska Polisen …' the purpose ended at its infinitive."""
    if set(tokens[max(0, index - 3) : index]) & set(subordinators["attitude"]):
        return True
    purpose = index > 0 and tokens[index - 1] in subordinators["purpose"]
    return purpose and not any(is_infinitive(token) for token in tokens[index + 1 : at])


def modal_only_subordinate(text: str) -> bool:
    """Every modal stands in a condition, an indirect question, a wish or a purpose ('Om det
    förebyggande arbetet ska bli effektivt måste …', 'De visar vilka områden polis och kommun
    ska prioritera', 'Vi vill att tjuven ska förstå …'): nothing is promised in the main
    clause."""
    verbs = load_vocab("content_verbs")
    tokens = strip_label(text).lower().replace(",", " , ").split()
    if any(token.strip(".") in verbs["lovar"] for token in tokens):
        return False
    modals = [i for i, token in enumerate(tokens) if token in _MODALS or _kommer_att(tokens, i)]
    subordinators = verbs["subordinators"]
    return bool(modals) and all(_subordinate_at(tokens, i, subordinators) for i in modals)


def _kommer_att(tokens: list[str], index: int) -> bool:
    # the inverted subject may be a list of parties: 'kommer både Polisen och kommunen att'
    gap = EXTRACT.kommer_att_gap_words
    return tokens[index] == "kommer" and "att" in tokens[index + 1 : index + gap + 2]


def makes_the_promise(text: str) -> bool:
    """A modal whose deed is making the promise itself ('År 2023 kommer kommun och polis att
    anta ett nytt medborgarlöfte', 'Kommunfullmäktige ska klubba löftena'): how the promise
    comes about, not what it promises."""
    lowered = " ".join(words(text))
    return bool(re.search(load_vocab("content_verbs")["promise_making_pattern"], lowered))
