"""Regressions in the signatories found in a document, one test per thing that broke."""

from __future__ import annotations

from metadata_helpers import doc_and_span as _doc

from lofte_extract.extract.metadata import find_signatories


def _names(text: str) -> list[str]:
    doc, span = _doc(text)
    return [s.name for s in find_signatories(doc, span)]


def test_phone_number_in_prose_before_signatures_does_not_hide_them():
    text = (
        "Medborgarlöfte Vetlanda 2021\n\nFrågor besvaras av kommunens trygghetssamordnare på "
        "telefon 0383-970 00.\n\nVetlanda den 18 februari 2021\n\nLena Dahlberg\n"
        "Lokalpolisområdeschef\n\nHenrik Gustavsson\nKommunstyrelsens ordförande"
    )
    assert _names(text) == ["Lena Dahlberg", "Henrik Gustavsson"]


def test_surname_that_is_also_a_kommun_is_still_a_name():
    text = (
        "Löften\n\nLars-Göran Nyström                    Karin Persson Lund\n"
        "Lokalpolisområdeschef                 Kommunstyrelsens ordförande Hagfors"
    )
    assert _names(text) == ["Lars-Göran Nyström", "Karin Persson Lund"]


def test_ocr_rn_for_m_in_a_title_is_mended():
    doc, span = _doc("Löften\n\nBritt-Marie Olofsson\nKornmunstyrelsens ordförande")
    [signer] = find_signatories(doc, span)
    assert signer.title == "Kommunstyrelsens ordförande" and signer.organisation == "kommun"


def test_lone_caption_name_with_title_is_not_a_signer():
    assert _names("Här är medborgarlöftet 2019\n\nKarim Ottosson, lokalpolisområdeschef i Än") == []


def test_stacked_organisation_line_does_not_swallow_the_next_signer():
    text = "Löften\n\nJohan Svanberg (S), ordförande\nKarin Persson Lund, lokalpolisområdeschef"
    assert _names(text) == ["Johan Svanberg", "Karin Persson Lund"]


def test_witnesses_in_the_signing_sentence_are_not_signers():
    assert _names(
        "Nyhet\n\nMedborgarlöftet undertecknades av Anna Berg och Per Ek i närvaro av "
        "Lisa Holm, kommunpolis."
    ) == ["Anna Berg", "Per Ek"]


def test_name_and_title_run_together_on_one_line_after_other_signers():
    text = "Löften\n\nPer Ek\nKommunstyrelsens ordförande\n\nEva Ros Kommunalråd"
    assert _names(text) == ["Per Ek", "Eva Ros"]


def test_signers_labelled_with_their_organisation_on_the_same_line():
    text = (
        "Underskrifter\n\nFör polisen: Anna Berg, lokalpolisområdeschef\n"
        "För Lunds kommun: Per Ek (S), kommunstyrelsens ordförande"
    )
    assert _names(text) == ["Anna Berg", "Per Ek"]


def test_ocr_rn_for_m_in_a_police_title_still_makes_a_signature_block():
    names = _names(
        "Medborgarlöfte 2016\n\nTierp 2016-03-01\n\nLena Holm\nLokalpolisornrådeschef\n\n"
        "Jan Ek\nKornmunstyrelsens ordförande"
    )
    assert names == ["Lena Holm", "Jan Ek"]


def test_footer_links_after_the_signatures_are_not_a_contact_box():
    names = _names(
        "Medborgarlöfte Sala 2022\n\nSala 2022-02-10\n\nPer Ek                 Anna Berg\n"
        "Kommunalråd            Lokalpolisområdeschef\n\n\n"
        "Kontakta oss  |  Om webbplatsen  |  Tillgänglighet  |  Kakor"
    )
    assert names == ["Per Ek", "Anna Berg"]


def test_a_contact_heading_before_a_name_still_marks_a_contact_box():
    names = _names(
        "Medborgarlöfte Sala 2022\n\nPolisen lovar att synas mer i centrum.\n\n"
        "Kontakt\nAnna Berg\nTrygghetssamordnare\n0224-123 45"
    )
    assert names == []


def test_signatory_title_with_its_organisation_after_a_comma():
    doc, span = _doc(
        "Medborgarlöfte Kil 2021\n\nKil den 4 mars 2021\n\nLisa Berg\nKommunchef, Kils kommun\n\n"
        "Per Öhman\nLokalpolisområdeschef, Lokalpolisområde\nKarlstad"
    )
    found = [(s.name, s.title, s.organisation) for s in find_signatories(doc, span)]
    assert found == [
        ("Lisa Berg", "Kommunchef", "kommun"),
        ("Per Öhman", "Lokalpolisområdeschef", "polisen"),
    ]


def test_signer_line_with_bars_is_not_taken_for_footer_links():
    names = _names(
        "Medborgarlöfte Lund 2022\n\nUnderskrifter\n\nAnna Berg | Kommunalråd | Lunds kommun\n"
        "Per Ek | Lokalpolisområdeschef | Polisen"
    )
    assert names == ["Anna Berg", "Per Ek"]


def test_a_telephone_line_under_the_title_still_marks_a_contact_box():
    names = _names(
        "Medborgarlöfte Lund 2022\n\nPolisen lovar att synas mer i centrum.\n\n"
        "Anna Berg\nTrygghetssamordnare\nTelefon: 046-35 50 00"
    )
    assert names == []


def test_titles_over_names_in_columns_closed_up_by_a_pdf():
    names = _names(
        "Medborgarlöfte Vara 2022\n\nVara den 1 mars 2022\n\n"
        "Kommunstyrelsens ordförande Lokalpolisområdeschef\n\nAnnelie Hägg Per Svensson"
    )
    assert names == ["Annelie Hägg", "Per Svensson"]


def test_signers_named_after_a_noun_phrase_of_signing():
    names = _names(
        "Nyhet\n\nPolisen och Sundsvalls kommun har förnyat sitt medborgarlöfte. Undertecknandet "
        "gjordes av kommunstyrelsens ordförande Eva Ek och lokalpolisområdeschef Per Holm.\n\n"
        "Fritidschefen Sara Lind, som inte var med vid undertecknandet, välkomnar löftet."
    )
    assert names == ["Eva Ek", "Per Holm"]


def test_ocr_title_before_a_signer_named_in_a_sentence():
    doc, span = _doc(
        "Nyhet\n\nMedborgarlöftet undertecknades av Kornmunstyrelsens ordförande Eva Ek och "
        "lokalpolisområdeschef Per Holm."
    )
    titles = [s.title for s in find_signatories(doc, span)]
    assert titles == ["Kommunstyrelsens ordförande", "lokalpolisområdeschef"]


def test_region_gotland_titles_and_a_definite_police_title():
    doc, span = _doc(
        "Medborgarlöfte Gotland 2023\n\nVisby 2023-03-01\n\nEva Nypelius\nRegionstyrelsens "
        "ordförande\n\nPer Holm\nRegionråd\n\nKommunpolisen Anna Ek skrev också under."
    )
    found = [(s.name, s.title, s.organisation) for s in find_signatories(doc, span)]
    assert found == [
        ("Eva Nypelius", "Regionstyrelsens ordförande", "kommun"),
        ("Per Holm", "Regionråd", "kommun"),
        ("Anna Ek", "Kommunpolisen", "polisen"),
    ]


def test_title_stops_at_the_verb_and_object_of_the_signing_sentence() -> None:
    from lofte_extract.extract.signatories import find_signers

    text = (
        "Anna Berg, kommunalråd, och Jörgen Thorén, lokalpolisområdeschef signerar "
        "medborgarlöftet 2020."
    )
    titles = {m.name: m.title for m in find_signers(text, 0, len(text))}
    assert titles["Jörgen Thorén"] == "lokalpolisområdeschef"


def test_a_title_followed_by_the_next_persons_name_is_not_the_first_persons() -> None:
    from lofte_extract.extract.signatories import find_signers

    text = (
        "De som signerade överenskommelsen var kommunstyrelsens ordförande Ronny Löfquist, "
        "kommunchef Emma Gröndahl och lokalpolisområdeschef Ulrica Strömkvist."
    )
    titles = {m.name: m.title for m in find_signers(text, 0, len(text))}
    assert titles["Ronny Löfquist"] == "kommunstyrelsens ordförande"
    assert titles["Emma Gröndahl"] == "kommunchef"


def test_a_region_name_is_no_signer() -> None:
    from lofte_extract.extract.signatories import find_signers

    text = (
        "Tommy Nilsson, kommunalråd, och Lars Öberg, lokalpolisområdeschef Östra Norrbotten "
        "har nu skrivit på medborgarlöftet för 2019."
    )
    names = [m.name for m in find_signers(text, 0, len(text))]
    assert names == ["Tommy Nilsson", "Lars Öberg"]


def test_a_region_before_a_name_is_not_part_of_it() -> None:
    from lofte_extract.extract.signatories import find_signers

    text = (
        "Medborgarlöftena undertecknades av t.f. lokalpolisområdeschef för södra Lappland "
        "Daniel Westerberg och kommunchefen Karl-Johan Ottosson."
    )
    assert [m.name for m in find_signers(text, 0, len(text))][0] == "Daniel Westerberg"


def _titles(text: str) -> list[tuple[str, str | None]]:
    doc, span = _doc(text)
    return [(s.name, s.title) for s in find_signatories(doc, span)]


def test_title_right_after_the_name_without_a_comma_is_read():
    text = (
        "Medborgarlöfte Katrineholm 2018\n\nGöran Dahlström kommunstyrelsens ordförande och "
        "Anders Gölevik chef lokalpolisområde Katrineholm, skriver under var sitt exemplar av "
        "Medborgarlöftet.\n"
    )
    assert _titles(text) == [
        ("Göran Dahlström", "kommunstyrelsens ordförande"),
        ("Anders Gölevik", "chef lokalpolisområde Katrineholm"),
    ]


def test_a_compound_on_a_title_ending_is_a_title_even_misspelt():
    text = (
        "Nytt medborgarlöfte undertecknat\n\nDen 1 februari satte kommunstyrelsens ordförande "
        "Mikael Karlsson och lokapolisområdeschef Håkan Boberg sina namn under medborgarlöftet.\n"
    )
    assert ("Håkan Boberg", "lokapolisområdeschef") in _titles(text)


def test_an_ocr_title_read_as_a_compound_is_still_mended():
    text = "Medborgarlöfte 2017\n\nMattias Jonsson\nLokalpolisornrådeschef\n"
    assert _titles(text) == [("Mattias Jonsson", "Lokalpolisområdeschef")]


def test_a_police_district_signing_is_no_person() -> None:
    # 'Solna stad, Polismyndigheten, region Stockholm och Polisområde Nord skrev under …':
    # 'Polisområde Nord' was read as a signatory's name.
    text = (
        "Samverkansöverenskommelse\n\nRedan 2016 skrev Solna stad, Polismyndigheten, region "
        "Stockholm och Polisområde Nord under en avsiktsförklaring om samverkan.\n"
    )
    assert _names(text) == []


def test_a_bare_head_parted_from_its_unit_by_a_comma_is_a_title() -> None:
    # 'Peter Ågren' / 'Chef, lokalpolisområde Norrmalm, region Stockholm' signed the
    # promise: the comma hid the title, so no signatory was found.
    doc, span = _doc(
        "Medborgarlöfte Lidingö\n\n  4. Polisen ska göra riktade insatser mot trafikbrott.\n\n"
        "Peter Ågren\nChef, lokalpolisområde Norrmalm, region Stockholm\n\nTill toppen\n"
    )
    assert [(s.name, s.title) for s in find_signatories(doc, span)] == [
        ("Peter Ågren", "Chef, lokalpolisområde Norrmalm, region Stockholm")
    ]


def test_a_name_glued_to_the_sentence_before_it_signs() -> None:
    # '… i kommunen.Peter Lagerström' / 'Tf lokalpolisområdeschef': the scraped page lost the
    # break before the signature, and the signer with it.
    names = _names(
        "Trafik\n\nVi lovar att arbeta mot hastighetsöverträdelser genom trafikkontroller i "
        "kommunen.Peter Lagerström\nTf lokalpolisområdeschef\nLokalpolisområde Kalmar\n\n"
        "Henrik Yngvesson\nKommunstyrelsens ordförande\nMörbylånga kommun\n"
    )
    assert names == ["Peter Lagerström", "Henrik Yngvesson"]
