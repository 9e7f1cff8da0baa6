"""Plain text hard-wrapped by an editor or a PDF converter: lines run on at the wrap width.

Found by wrapping the dev texts at 72 characters (scripts/perturb_eval.py): dev fell from
0.987 to 0.957 and dev2 from 0.961 to 0.924, as 'vill' / 'Karlskoga kommun …' split a lead-in,
'Hanna' / 'Sjögren' a signer's name and 'skolor,' / 'IKEA, …' a list item.
"""

from __future__ import annotations

import textwrap

from metadata_helpers import doc_and_span

from lofte_extract.extract.metadata import find_signatories
from lofte_extract.parse import parse_text
from lofte_extract.parse.text_lines import wrap_width

BACKGROUND = (
    "Medborgarlöften innebär att arbetet med samverkansöverenskommelsen mellan kommunen och "
    "polisen utvecklas och förstärks, med tyngdpunkt på det som kommunens invånare upplever "
    "som viktigast för sin känsla av trygghet och säkerhet i vardagen. Löftet bygger på "
    "medborgardialoger, trygghetsmätningar och den gemensamma lokala lägesbilden som tas fram "
    "varje år av polisen och kommunens säkerhetssamordnare tillsammans med andra aktörer."
)
SIGNING = (
    "Under onsdagen skrev kommunstyrelsens ordförande Kåre Friberg och Hanna Sjögren under "
    "såväl samverkansavtalet som ett nytt medborgarlöfte."
)


def _wrapped(*paragraphs: str) -> str:
    return "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)


def _signer_names(title: str, text: str) -> list[str]:
    doc, span = doc_and_span(title + "\n\n" + text)
    return [s.name for s in find_signatories(doc, span)]


def _paragraphs(text: str) -> list[str]:
    return [b.text for b in parse_text(text.encode("utf-8")).blocks if b.kind == "paragraph"]


def test_wrap_width_tells_a_wrapped_text_from_a_web_page():
    wrapped = _wrapped(BACKGROUND, BACKGROUND, SIGNING)
    assert wrap_width(wrapped.split("\n")) == max(len(line) for line in wrapped.split("\n"))
    assert wrap_width([BACKGROUND, "", SIGNING]) is None  # one paragraph a line
    # a page of short lines is no wrapped text
    assert wrap_width(["Trygghetsvandringar", "Anna Berg", "Kommunalråd"] * 5) is None


def test_a_name_broken_over_a_line_joins_whole():
    text = _wrapped(BACKGROUND, SIGNING)
    assert "Hanna\nSjögren" in text  # the wrap falls inside the name
    assert any("Hanna Sjögren under" in p for p in _paragraphs(text))
    assert _signer_names("Medborgarlöfte Motala 2019", text) == ["Kåre Friberg", "Hanna Sjögren"]


def test_a_signer_line_at_a_wrap_is_the_signing_sentence():
    signing = (
        "Fredrik Rönning, kommunalråd och Mats Lagerblad, lokalpolisområdeschef, skrev den 28 "
        "mars under kommunens andra medborgarlöfte i Smedjebacken."
    )
    text = _wrapped(BACKGROUND, signing)
    assert "lokalpolisområdeschef,\nskrev" in text
    blocks = parse_text(text.encode("utf-8")).blocks
    assert [b.kind for b in blocks] == ["paragraph"] * len(blocks)
    assert _signer_names("Medborgarlöfte 2018", text) == ["Fredrik Rönning", "Mats Lagerblad"]


def test_a_wrapped_list_item_runs_on_into_a_capitalised_word():
    items = (
        " • Polisen ska fotpatrullera på publika platser såsom COOP, MAX, skolor,\n"
        "IKEA, ungdomsgården minst en (1) gång per vecka.\n"
        " • Kommun och polis ska tillsammans finnas på plats vid minst två (2)\n"
        "riskkvällar per år."
    )
    blocks = parse_text((_wrapped(BACKGROUND, BACKGROUND) + "\n\n" + items).encode()).blocks
    assert [b.text for b in blocks if b.kind == "list_item"] == [
        "Polisen ska fotpatrullera på publika platser såsom COOP, MAX, skolor, IKEA, "
        "ungdomsgården minst en (1) gång per vecka.",
        "Kommun och polis ska tillsammans finnas på plats vid minst två (2) riskkvällar per år.",
    ]


def test_a_party_tag_at_a_line_start_runs_on():
    # 'Johan Söderberg' / '(S) kommunstyrelsens ordförande …': a wrap after a name puts its
    # party tag first on the next line; read as the ordinal '(S)' it made a list item
    text = _wrapped(
        BACKGROUND,
        "Liselotte Jergard chef lokalpolisområde Katrineholm och Johan Söderberg (S) "
        "kommunstyrelsens ordförande skriver under var sitt exemplar av Medborgarlöftet.",
    )
    assert "Söderberg\n(S) kommunstyrelsens" in text
    kinds = [b.kind for b in parse_text(text.encode("utf-8")).blocks]
    assert "list_item" not in kinds
