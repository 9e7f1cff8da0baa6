"""Titles read for signatories named in a sentence: where a title ends."""

from __future__ import annotations

from metadata_helpers import doc_and_span

from lofte_extract.extract.metadata import find_signatories


def _titles(text: str) -> list[tuple[str, str | None]]:
    doc, span = doc_and_span(text)
    return [(s.name, s.title) for s in find_signatories(doc, span)]


def test_a_split_verbs_particle_ends_the_title() -> None:
    # 'I dag skrev …, kommunstyrelsens ordförande i Uppsala kommun under det förnyade
    # medborgarlöftet': the title ran on into the particle 'under'.
    text = (
        "Förnyat löfte\n\nI dag skrev Jan Håkansson, lokalpolisområdeschef Uppsala/Knivsta och "
        "Erik Pelling, kommunstyrelsens ordförande i Uppsala kommun under det förnyade "
        "medborgarlöftet för Uppsala resecentrum.\n"
    )
    assert ("Erik Pelling", "kommunstyrelsens ordförande i Uppsala kommun") in _titles(text)
