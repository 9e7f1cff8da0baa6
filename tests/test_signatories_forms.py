"""Signers written in the ways real pages write them (each test names what was missed)."""

from __future__ import annotations

from lofte_extract.extract.signatories import find_signers
from lofte_extract.extract.signed import signed_date


def _signers(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.name, m.title, m.organisation) for m in find_signers(text, 0, len(text))]


def test_a_title_after_the_name_without_a_comma_is_not_part_of_the_name() -> None:
    text = (
        "Kommunstyrelsens förste vice ordförande Frida Nilsson (C) och Johan Rexhag "
        "Lokalpolisområdeschef går igenom löftet och skriver därefter under."
    )
    assert _signers(text)[1] == ("Johan Rexhag", "Lokalpolisområdeschef", "polisen")


def test_setting_ones_name_on_the_promise_is_signing_it() -> None:
    text = (
        "I dag satte vårt kommunalråd Susanne Andersson och områdespolischef Johan Rexhag "
        "sina namn på medborgarlöftet för 2021."
    )
    assert [name for name, _, _ in _signers(text)] == ["Susanne Andersson", "Johan Rexhag"]


def test_a_caption_after_a_signing_sentence_naming_nobody_names_the_signers() -> None:
    text = (
        "Fyra nöjda personer skrev under medborgarlöftena. Från vänster kommunstyrelsens "
        "ordförande, Stefan Gustafsson, lokalpolisområdeschef Christian Winkler samt "
        "kommunchef Jan Holmqvist."
    )
    assert _signers(text) == [
        ("Stefan Gustafsson", "kommunstyrelsens ordförande", "kommun"),
        ("Christian Winkler", "lokalpolisområdeschef", "polisen"),
        ("Jan Holmqvist", "kommunchef", "kommun"),
    ]


def test_a_caption_after_a_signing_told_as_background_names_no_signers() -> None:
    text = (
        "När dokumenten var undertecknade gick representanter för polisen och kommunen en "
        "promenad. Från vänster Tomas Rikse, kommundirektör, och Daniel Borg, "
        "säkerhetssamordnare."
    )
    assert _signers(text) == []


def test_names_under_their_organisations_form_a_signature_block() -> None:
    text = (
        "Kommunen ska granska arbetet med ANDT.\n\n"
        "Lokalpolisområde Ängelholm\nChristian Nordin\n\n"
        "Örkelljunga kommun\nNiclas Bengtsson\n"
    )
    assert _signers(text) == [
        ("Christian Nordin", None, "polisen"),
        ("Niclas Bengtsson", None, "kommun"),
    ]


def test_one_name_under_an_organisation_is_a_contact_not_a_signature() -> None:
    text = "Kontakta oss gärna.\n\nÖrkelljunga kommun\nNiclas Bengtsson\n\nTill toppen\n"
    assert _signers(text) == []


def test_a_title_line_above_a_name_that_has_its_own_title_is_not_that_names() -> None:
    # In a PDF the first signer's title line sat above the second signer, who took it.
    text = (
        "Vi lovar att arbeta mot hastighetsöverträdelser i kommunen.\n\n"
        "Tf lokalpolisområdeschef Lokalpolisområde Kalmar\n\n"
        "Henrik Yngvesson\nKommunstyrelsens ordförande\n\nMörbylånga kommun\n\n"
        "Ann Willsund\nKommunchef\n\nMörbylånga kommun\n"
    )
    assert [(name, title) for name, title, _ in _signers(text)] == [
        ("Henrik Yngvesson", "Kommunstyrelsens ordförande"),
        ("Ann Willsund", "Kommunchef"),
    ]


def test_a_long_compound_noun_is_no_name() -> None:
    # A PDF's running header 'Kommunledningskontoret' ran into the title 'Idag undertecknades'.
    text = "Kommunledningskontoret Idag undertecknades medborgarlöften i Överkalix."
    assert _signers(text) == []


def test_a_semicolon_between_name_and_title_and_a_titles_place_before_a_name() -> None:
    text = (
        "Katarina Hansson; kommunstyrelsens ordförande och Mats Scherp; lokalpolisområdeschef "
        "Hallsberg skrev idag under det nya medborgarlöftet. Kommunstyrelsens ordförande i "
        "Mariestad, Johan Abrahamsson och lokalpolisområdeschef Jan Hellnevi skriver under."
    )
    assert [(name, title) for name, title, _ in _signers(text)] == [
        ("Katarina Hansson", "kommunstyrelsens ordförande"),
        ("Mats Scherp", "lokalpolisområdeschef Hallsberg"),
        ("Johan Abrahamsson", "Kommunstyrelsens ordförande i Mariestad"),
        ("Jan Hellnevi", "lokalpolisområdeschef"),
    ]


def test_a_name_under_the_signings_place_and_date_signed() -> None:
    # The page was cut after the first name of the block: 'Emmaboda 2016-12-12' / 'Malena Grann'.
    text = (
        "Uppföljning kvartalsvis och utvärdering vid utgången av 2017.\n\n"
        "Emmaboda 2016-12-12\n\nMalena Grann\n"
    )
    assert _signers(text) == [("Malena Grann", None, "annan")]
    assert _signers(text.replace("Emmaboda 2016-12-12", "Kontakt")) == []


def test_titles_after_a_dash_belong_to_the_name_before_them() -> None:
    # 'Magnus Andersson - Kommunstyrelsens ordförande, Mats Scherp - Lokalpolisområdeschef'
    # gave the first title to the second name and none to the first.
    text = (
        "Löftet skrevs idag under av Magnus Andersson - Kommunstyrelsens ordförande, Mats "
        "Scherp - Lokalpolisområdeschef och Torbjörn Dybeck - kommundirektör."
    )
    assert [(m.name, m.title) for m in find_signers(text, 0, len(text))] == [
        ("Magnus Andersson", "Kommunstyrelsens ordförande"),
        ("Mats Scherp", "Lokalpolisområdeschef"),
        ("Torbjörn Dybeck", "kommundirektör"),
    ]


def test_a_person_in_a_while_clause_of_the_signing_sentence_did_not_sign() -> None:
    # '… skrev under, medan Helen Benjaminsen, kommunpolis, övervakade det hela' made her a
    # signatory.
    text = (
        "Rolf Eriksson, kommunalråd (S) och Jan Helnevi, lokalpolisområdeschef skrev under, "
        "medan Helen Benjaminsen, kommunpolis i Hjo, övervakade det hela."
    )
    assert [m.name for m in find_signers(text, 0, len(text))] == ["Rolf Eriksson", "Jan Helnevi"]


def test_a_police_rank_is_a_title() -> None:
    # 'säger kommissarie Sten-Anders Jakobsson' gave the signer no title: police ranks were
    # not titles.
    text = (
        "Medborgarlöftet skrevs under av Ingemar Ottosson, kommunstyrelsens ordförande, och "
        "kommissarie Sten-Anders Jakobsson."
    )
    assert [(m.name, m.title, m.organisation) for m in find_signers(text, 0, len(text))] == [
        ("Ingemar Ottosson", "kommunstyrelsens ordförande", "kommun"),
        ("Sten-Anders Jakobsson", "kommissarie", "polisen"),
    ]


def test_a_sentence_opening_conjunction_is_no_first_name() -> None:
    # 'När Birgitta Jönsson och Anders Isgren undertecknade …' gave a signer 'När Birgitta
    # Jönsson'.
    text = "När Birgitta Jönsson och Anders Isgren undertecknade medborgarlöftet var det kallt."
    assert [name for name, _, _ in _signers(text)] == ["Birgitta Jönsson", "Anders Isgren"]


def test_the_signatures_being_set_is_signing() -> None:
    # 'Signaturerna på dokumentet sattes av …' named its signers in no cue the rules knew.
    text = (
        "Signaturerna på dokumentet sattes av Niklas Årcén, lokalpolischef i Lokalpolisområde "
        "Klippan, och Teddy Nilsson (SD), kommunstyrelsens ordförande."
    )
    assert [name for name, _, _ in _signers(text)] == ["Niklas Årcén", "Teddy Nilsson"]


def test_signing_in_the_passive_or_infinitive_with_pa_or_under() -> None:
    # '… ett medborgarlöfte, som skrevs på av X och Y' and 'träffades för att skriva under'
    # named no signer: only 'skrev på' and 'skrev under' were cues.
    text = (
        "Våren 2016 antogs ett medborgarlöfte, som skrevs på av Lars Serenander, "
        "lokalpolisområdeschef, och Bjarne Olsson, kommunstyrelsens ordförande."
    )
    assert [name for name, _, _ in _signers(text)] == ["Lars Serenander", "Bjarne Olsson"]
    text = "På tisdagen träffade Jonas Lindell kommunchef Jan Holmqvist för att skriva under."
    assert [name for name, _, _ in _signers(text)] == ["Jonas Lindell", "Jan Holmqvist"]


def test_renewing_the_promise_is_signing_it_and_renewed_promises_are_not() -> None:
    # 'Vaxholms stad och polisen förnyade fredag 10 februari sitt medborgarlöfte' gave no
    # signing date; 'våra förnyade medborgarlöften' in a quote is no signing.
    text = (
        "Artikeln publicerades 21 februari 2023\n\nVaxholms stad och polisen förnyade fredag "
        "10 februari sitt medborgarlöfte till medborgarna.\n"
    )
    assert signed_date(text, 0, len(text), [2023])[0] == "2023-02-10"
    quote = "– Arbetet får stöd i våra förnyade medborgarlöften, säger Peter Nylind, polischef."
    assert _signers(quote) == []


def test_a_name_line_holding_an_e_mail_is_a_contact_not_a_signature() -> None:
    # The second of two contacts ('Nina Ström, säkerhetssamordnare i Vänersborg,
    # nina.strom@…') was read as a signer: only the line before a name was checked.
    text = (
        "Polisen och kommunen ska synas mer i centrum.\n\nKontakt:\nCaroline Arvaker, "
        "säkerhetssamordnare i Vänersborg, caroline.arvaker@vanersborg.se\n\n"
        "Nina Ström, säkerhetssamordnare i Vänersborg, nina.strom@vanersborg.se\n"
    )
    assert _signers(text) == []
