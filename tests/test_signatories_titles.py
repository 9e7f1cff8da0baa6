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


def test_under_of_time_after_a_writing_verb_is_no_signing() -> None:
    # '… skriver vi det på Facebook … under det passet, säger Susanne Wikland, …' read as a
    # split 'skriver … under' and made her a signatory; 'satte … sina namn under årets
    # medborgarlöfte' still signs.
    quoted = (
        "Deras löfte\n\n– När vi har en extra resurs över skriver vi det på Facebook, och då "
        "kan man önska var vi ska befinna oss under det passet, säger Susanne Wikland, "
        "lokalpolisområdeschef i Farsta.\n"
    )
    assert _titles(quoted) == []
    signed = (
        "Nytt löfte\n\nPå torsdagen satte polisområdeschef Louise Englund och kommunstyrelsens "
        "ordförande Per-Ola Mattsson (S) sina namn under årets medborgarlöfte.\n"
    )
    assert [name for name, _ in _titles(signed)] == ["Louise Englund", "Per-Ola Mattsson"]


def test_a_place_after_a_title_is_no_signer() -> None:
    # 'Ulf Merlander, polisområdeschef i Storgöteborg Nordost': the area was read as a third
    # signer, and as the next person's name it took Merlander's title away.
    text = (
        "Förnyat avtal\n\nAvtalet har skrivits under av Marith Hesse, (M), kommunstyrelsens "
        "ordförande och Ulf Merlander, polisområdeschef i Storgöteborg Nordost, och det gäller "
        "från 2019 fram till 2022.\n"
    )
    assert _titles(text) == [
        ("Marith Hesse", "kommunstyrelsens ordförande"),
        ("Ulf Merlander", "polisområdeschef i Storgöteborg Nordost"),
    ]


def test_a_title_ends_before_a_relative_clause() -> None:
    # '… tillsammans med Maria Bäck, lokalpolisområdeschef i Västra Mälardalen som …' kept
    # 'som' in her title.
    text = (
        "Nya löften\n\nMedborgarlöftet skrevs under av kommunchefen Anna Berg tillsammans med "
        "Maria Bäck, lokalpolisområdeschef i Västra Mälardalen som tycker att löftena är bra.\n"
    )
    assert ("Maria Bäck", "lokalpolisområdeschef i Västra Mälardalen") in _titles(text)


def test_titles_in_brackets_after_the_names_are_their_titles() -> None:
    # 'Fredrik Hansson (S)(vice ordförande för kommunstyrelsen), Anna Lindh Wikblad
    # (kommundirektör) och …': every title in brackets was lost.
    text = (
        "Ny överenskommelse\n\nÖverenskommelsen för 2024-2027 undertecknades av Fredrik "
        "Hansson (S)(vice ordförande för kommunstyrelsen), Anna Lindh Wikblad (kommundirektör) "
        "och Petra Hinterthaner (lokalpolisområdeschef för Luleå/Boden).\n"
    )
    assert _titles(text) == [
        ("Fredrik Hansson", "vice ordförande för kommunstyrelsen"),
        ("Anna Lindh Wikblad", "kommundirektör"),
        ("Petra Hinterthaner", "lokalpolisområdeschef för Luleå/Boden"),
    ]


def test_a_place_between_title_and_name_belongs_to_the_title() -> None:
    # 'lokalpolisområdeschef Norrköping Peter Wahlberg' made 'Norrköping Peter Wahlberg' the
    # signer, with no title.
    text = (
        "Nytt löfte\n\nI slutet av 2022 undertecknade kommunstyrelsens ordförande Per Hollertz "
        "(M) och lokalpolisområdeschef Norrköping Peter Wahlberg ett nytt medborgarlöfte.\n"
    )
    assert _titles(text) == [
        ("Per Hollertz", "kommunstyrelsens ordförande"),
        ("Peter Wahlberg", "lokalpolisområdeschef Norrköping"),
    ]


def test_the_definite_form_of_an_acting_prefix_stays_in_the_title() -> None:
    # h33 6101: 'den tillförordnade lokalpolisområdeschefen Gustav Rosén Zetterberg' lost
    # 'tillförordnade': only the indefinite 'tillförordnad' was a prefix
    text = (
        "Nytt löfte\n\nI dag skrev den tillförordnade lokalpolisområdeschefen Gustav Rosén "
        "Zetterberg under medborgarlöftet.\n"
    )
    assert _titles(text) == [("Gustav Rosén Zetterberg", "tillförordnade lokalpolisområdeschefen")]
