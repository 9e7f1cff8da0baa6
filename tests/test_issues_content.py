"""Regressions in the content rules, one test per bug found on real pages: which sentences
and list items are commitments. Targets, actors, goals and follow-up are in
test_issues_content_targets.py."""

from __future__ import annotations

from content_helpers import parse, texts

from lofte_extract.extract.content import find_commitments, find_follow_up, find_goals
from lofte_extract.extract.segment import DocumentSpan
from lofte_extract.parse import DocumentBuilder, parse_text


def test_dnr_line_is_not_an_actor_heading() -> None:
    # 'Dnr Kommunen: 396-2019' opened a promise section over the purpose paragraph (Svalöv).
    found = texts(
        "Medborgarlöfte i Svalövs kommun 2020\n\nDnr Kommunen: 396-2019\n\n"
        "Härigenom ska också förtroendet för parternas arbete öka.\n"
    )
    assert found == []


def test_follow_up_line_glued_to_last_item_is_cut() -> None:
    # The layout joined 'Uppföljning ...' onto the last bullet (Mjölby 2020-2021).
    builder = DocumentBuilder("txt")
    builder.add("paragraph", "Polismyndigheten och Mjölby kommun lovar att:")
    builder.add(
        "list_item",
        "Polis och Kommun skall vidareutveckla arbetet i den lokala samverkansgruppen för barn "
        "och unga Uppföljning och redovisning av resultatet sker 2 gånger/år",
    )
    doc = builder.build()
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert commitment.text.endswith("för barn och unga")
    assert commitment.targets == []


def test_lovar_att_folja_upp_is_a_commitment_not_follow_up() -> None:
    # 'Arboga kommun lovar att följa upp ... Belysningsprogrammet' was dropped as follow-up text.
    found = texts(
        "Detta gör vi genom att:\n\n"
        "  • Bättre belysning är viktig för att tryggheten ska öka. Arboga kommun lovar att följa "
        "upp och fortsätta arbetet med Belysningsprogrammet i kommunen.\n"
    )
    assert len(found) == 1


def test_genitive_actor_does_not_start_commitment() -> None:
    # 'Eftersom Polismyndighetens resurser ...' in a follow-up report read as a promise (Kungälv).
    found = texts(
        "Det här lovade vi mellan oktober 2018 - oktober 2019\n\n"
        "Eftersom Polismyndighetens resurser för kameraövervakning är begränsade måste andra "
        "platser prioriteras.\n"
    )
    assert found == []


def test_perfect_tense_report_is_not_a_commitment() -> None:
    found = texts(
        "Det här lovade vi mellan oktober 2018 - oktober 2019\n\n"
        "Lokalpolisområdet har utrett om det går att sätta upp kameror på Nordmannatorget.\n"
    )
    assert found == []


def test_definition_sentence_is_not_a_commitment() -> None:
    # 'SSPF betyder socialtjänst, skola polis och fritid.' after 'följande' (Eskilstuna).
    found = texts(
        "Bland annat står följande i medborgaröverenskommelsen:\n\n"
        "SSPF betyder socialtjänst, skola polis och fritid.\n"
    )
    assert found == []


def test_symbol_font_bullet_letter_is_stripped() -> None:
    # PDFs set in Wingdings give 'l Minst två ...' for a bullet (Kävlinge rendered as PDF).
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Det här ska vi göra", page=1)
    builder.add("paragraph", "l Minst två nya informationstillfällen ska anordnas.", page=1)
    doc = builder.build(pages=1)
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert commitment.text.startswith("Minst två")
    assert commitment.evidence.page == 1


def test_dated_period_sentence_is_not_a_commitment() -> None:
    # 'Löftet gäller från den 1 april 2024 ...' matched the marker 'löftet gäller'.
    assert texts("Löftet gäller från den 1 april 2024 till den 31 mars 2025.\n") == []


def test_quoted_statement_without_count_is_not_a_commitment() -> None:
    found = texts(
        "Nytt medborgarlöfte\n\n"
        "– Vi hoppas att arbetet ska minska risken för kriser, och vi får en dialog med "
        "invånarna, säger Niklas Jonsson.\n"
    )
    assert found == []


def test_quoted_promise_with_count_is_a_commitment() -> None:
    found = texts(
        "Nytt medborgarlöfte\n\n"
        "– Vi kommer att göra minst 30 besök per år på fritidsgårdarna, säger Malin Ekholm.\n"
    )
    assert len(found) == 1


def test_promise_table_rows() -> None:
    doc, span = parse(
        "Aktiviteter\n\nAktivitet | Ansvarig | När\n"
        "Minst sex hastighetskontroller på Vasagatan | Polisen | Löpande\n"
        "Informationsträff om förrådsinbrott | Kommunen och polisen | Två gånger per år\n"
    )
    commitments = find_commitments(doc, span)
    assert [c.text for c in commitments] == [
        "Minst sex hastighetskontroller på Vasagatan",
        "Informationsträff om förrådsinbrott",
    ]
    assert commitments[0].actors == ["polisen"]
    assert [(t.value, t.period) for t in commitments[1].targets] == [(2, "år")]
    assert doc.text[commitments[1].evidence.start : commitments[1].evidence.end] == (
        "Informationsträff om förrådsinbrott"
    )


def test_empty_and_blockless_documents() -> None:
    doc = DocumentBuilder("txt").build()
    span = DocumentSpan(0, 0)
    assert find_commitments(doc, span) == []
    assert find_goals(doc, span) == []
    assert find_follow_up(doc, span) is None


def test_span_limits_what_is_read() -> None:
    text = (
        "Medborgarlöfte 2019\n\nPolisen lovar att:\n\n  • Genomföra två trygghetsvandringar.\n\n"
        "Medborgarlöfte 2018\n\nPolisen lovar att:\n\n  • Genomföra tre trafikinsatser.\n"
    )
    doc = parse_text(text.encode())
    cut = doc.text.index("Medborgarlöfte 2018")
    first = find_commitments(doc, DocumentSpan(0, cut))
    second = find_commitments(doc, DocumentSpan(cut, len(doc.text)))
    assert [c.targets[0].value for c in first] == [2]
    assert [c.targets[0].value for c in second] == [3]
    assert all(c.evidence.start >= cut for c in second)


def test_junk_token_does_not_hang() -> None:
    # A 120 000-character run of 'två' once went through the glued-number search letter by letter.
    doc, span = parse(
        "Det här ska vi göra\n\n  • Polisen ska genomföra " + "två" * 40000 + " insatser.\n"
    )
    (commitment,) = find_commitments(doc, span)
    assert commitment.targets == []


def test_bold_sentence_heading_with_tag_is_a_commitment() -> None:
    # PDF and HTML set 'Minst två narkotikainsatser ... (Polis)' in bold: a heading block.
    builder = DocumentBuilder("html")
    builder.add("heading", "Uppföljning medborgarlöftet Kungälv 2020-2021", level=1)
    builder.add("paragraph", "Närvaron har bland annat lett till följande händelser:")
    builder.add("list_item", "Flera personer har avvisats.")
    builder.add("heading", "Minst två narkotikainsatser riktade mot ungdomar. (Polis)", level=3)
    doc = builder.build()
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert commitment.actors == ["polisen"]
    assert [(t.value, t.qualifier) for t in commitment.targets] == [(2, "minst")]


def test_running_page_header_does_not_end_the_promise_list() -> None:
    # A PDF's repeated page header ('Eskilstuna – medborgarlöften') sat between lead-in and items.
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Eskilstuna – medborgarlöften", page=1)
    builder.add("paragraph", "Polisen och Eskilstuna kommun lovar att:", page=1)
    builder.add("heading", "Eskilstuna – medborgarlöften", page=2)
    builder.add("list_item", "hålla minst fyra särskilda trafikinsatser för cyklister.", page=2)
    doc = builder.build(pages=2)
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert commitment.actors == ["polisen", "kommun"]
    assert commitment.evidence.page == 2


def test_vi_lovar_with_ellipsis_is_a_heading() -> None:
    # Kalmar: 'Vi lovar...' came out as a commitment of its own.
    found = texts("Vi lovar...\n\nDet här ska vi göra:\n\n  • Hålla medborgardialoger.\n")
    assert found == ["Hålla medborgardialoger."]


def test_bare_activities_right_under_the_title_are_commitments() -> None:
    found = texts(
        "Medborgarlöfte Sala 2021\n\n  • Genomföra fyra trygghetsvandringar i centrum.\n"
        "  • Minska antalet bostadsinbrott\n"
    )
    assert found == ["Genomföra fyra trygghetsvandringar i centrum."]


def test_focus_sentence_introducing_the_list_is_not_a_commitment() -> None:
    # Svalöv 2020: 'I Medborgarlöftet för 2020 kommer vi att särskilt fokusera på ...'.
    found = texts(
        "Det här ska vi göra\n\nI Medborgarlöftet för 2020 kommer vi att särskilt fokusera på "
        'området "det offentliga rummet".\n\n  • Etablera trygghetsvandringar under hösten.\n'
    )
    assert found == ["Etablera trygghetsvandringar under hösten."]


def test_numbered_heading_with_hyphenated_line_is_one_item() -> None:
    # Torsby (OCR PDF): '2. Polisen ska genomföra minst 25 nykterhets-' came out as a heading.
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Löften", page=1)
    builder.add("heading", "2. Polisen ska genomföra minst 25 nykterhets-", page=1)
    builder.add("paragraph", "kontroller, varav tio under älgjakten.", page=1)
    doc = builder.build(pages=1)
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert (
        commitment.text
        == "Polisen ska genomföra minst 25 nykterhetskontroller, varav tio under älgjakten."
    )
    assert [(t.value, t.qualifier) for t in commitment.targets] == [(25, "minst"), (10, "exakt")]


def test_unbulleted_short_verb_items_and_counted_noun_items() -> None:
    # Bullets lost in copying: short verb lines and noun phrases with counts are the items,
    # a short noun heading ('Trygg trafikmiljö') is not.
    found = texts(
        "Polisen och kommunen lovar att:\n\nUtveckla grannsamverkan\nTrygg trafikmiljö\n"
        "Två trygghetsvandringar i centrum under hösten.\nRiktade insatser mot brottsaktiva\n"
    )
    assert found == ["Utveckla grannsamverkan", "Två trygghetsvandringar i centrum under hösten."]


def test_promise_table_right_under_the_title() -> None:
    found = texts(
        "Medborgarlöfte Mora 2023\n\nVad | Vem | När\n"
        "Genomföra sex hastighetskontroller | Polisen | Löpande\n"
        "Statistik 2022 | 45 | anmälningar\n"
    )
    assert found == ["Genomföra sex hastighetskontroller"]


def test_agreement_section_with_parterna_ska_items() -> None:
    found = texts(
        "Samverkansområden\n\n1. Unga och droger\n"
        "Parterna ska samverka kring unga som riskerar att hamna i missbruk.\n\n"
        "2. Trafik\nParterna åtar sig att genomföra tre trafikveckor vid skolorna.\n"
    )
    assert len(found) == 2


def test_list_item_broken_by_a_hyphen_is_one_commitment() -> None:
    builder = DocumentBuilder("txt")
    builder.add("heading", "Löften")
    builder.add("heading", "Kommunen ska i högre grad sam-")  # a PDF set the item in bold
    builder.add("paragraph", "arbeta med föreningarna i Åby.")
    builder.add("list_item", "Polisen ska patrullera vid torget.")
    doc = builder.build()
    found = [c.text for c in find_commitments(doc, DocumentSpan(0, len(doc.text)))]
    assert len(found) == 2 and found[0].endswith("samarbeta med föreningarna i Åby.")


def test_intro_intent_and_announcement_are_not_commitments() -> None:
    found = texts(
        "Medborgarlöfte Åby 2024\n\n"
        "Polisen och kommunen ska göra samarbetet kring unga enklare och bättre. "
        "Parterna åtar sig ett antal konkreta åtgärder som ska öka tryggheten.\n\n"
        "Polisen lovar att:\n\n• genomföra två insatser per månad.\n"
    )
    assert found == ["genomföra två insatser per månad."]


def test_numbered_subheading_read_as_list_item_is_no_commitment() -> None:
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Samverkansområden")
    builder.add("paragraph", "Parterna ska samverka kring unga i riskzon.")
    builder.add("list_item", "Trafik och miljö")  # '3. Trafik och miljö', numbered by the PDF
    builder.add("paragraph", "Kommunen ansvarar för att laga trasig belysning.")
    doc = builder.build()
    found = [c.text for c in find_commitments(doc, DocumentSpan(0, len(doc.text)))]
    assert "Trafik och miljö" not in found and len(found) == 2


def test_promise_stated_as_what_the_promise_means_is_a_commitment():
    text = (
        "Nytt medborgarlöfte i Heby kommun 2020\n\n"
        "Löftet innebär att polisen ska genomföra minst åtta trafikkontroller vid skolorna. "
        "Kommunen lovar att bjuda in till två medborgardialoger.\n"
    )
    found = texts(text)
    assert any(t.startswith("Löftet innebär att polisen ska genomföra minst åtta") for t in found)


def test_focus_areas_the_parties_made_list_promises_not_results() -> None:
    # 'Man har tagit fram följande tre fokusområden:' read as a report of what was done (the
    # perfect), so its items, each with a party's 'ska' sentence, were dropped as results.
    found = texts(
        "Tre fokusområden i nya medborgarlöftet\n\n"
        "Polisen och kommunen skrev under löftet i december.\n\n"
        "Man har tagit fram följande tre fokusområden:\n\n"
        " • Rikta åtgärder mot brottsaktiva. Polisen och kommunen ska tillsammans rikta "
        "åtgärder mot brottsaktiva.\n"
        " • Rikta åtgärder mot otrygghet i handeln. Polisen och kommunen ska tillsammans "
        "rikta åtgärder mot otrygghet i handeln.\n"
    )
    assert len(found) == 2
    assert found[0].endswith(
        "Polisen och kommunen ska tillsammans rikta åtgärder mot brottsaktiva."
    )


def test_parties_who_will_develop_the_following_lead_into_promises() -> None:
    # 'Med … den statistik som finns som grund vill polisen och X kommun under 2017 utveckla
    # följande områden:' opened a background section on 'statistik', an adverbial: the
    # infinitive items below it, the promise, were dropped.
    found = texts(
        "Hällefors – medborgarlöften\n\n"
        "Med medborgarnas synpunkter och den statistik som finns som grund vill polisen och "
        "Hällefors kommun under 2017 utveckla följande områden:\n\n"
        " • Genomföra trygghetsvandringar tillsammans med boende och näringsidkare.\n"
        " • Förbättra dialogen mellan polisen och de som drabbats av brott.\n"
    )
    assert found == [
        "Genomföra trygghetsvandringar tillsammans med boende och näringsidkare.",
        "Förbättra dialogen mellan polisen och de som drabbats av brott.",
    ]


def test_a_bare_activity_with_a_count_under_a_problem_heading_is_a_promise() -> None:
    # 'Problembild' opened a background section; its items 'Genomföra minst fyra
    # trafiksäkerhetsinsatser per år …' were dropped for naming no party. The list of
    # problem areas above them names no deed and stays out.
    found = texts(
        "Medborgarlöfte 2022-2023\n\nProblembild\n\n"
        "Svaren på enkäten visar att dessa områden är de viktigaste:\n\n"
        " • Drogmissbruk\n • Mängdbrott\n\n"
        "Trafiksäkerhet:\n\n"
        " • Genomföra minst fyra trafiksäkerhetsinsatser per år på utvalda platser.\n"
    )
    assert found == ["Genomföra minst fyra trafiksäkerhetsinsatser per år på utvalda platser."]


def test_one_of_the_promises_reported_in_an_article_is_a_commitment() -> None:
    # 'Ett av löftena är att parterna under året ska genomföra två riktade trafikinsatser' in
    # a news article: the report of a promise, dropped for its opener naming no party.
    found = texts(
        "Nya medborgarlöften i kommunen\n\n"
        "Kommunen och polisen har skrivit under årets medborgarlöften. Ett av löftena är att "
        "parterna under året ska genomföra två riktade trafikinsatser med inriktning på "
        "hastighet.\n"
    )
    assert found == [
        "Ett av löftena är att parterna under året ska genomföra två riktade trafikinsatser "
        "med inriktning på hastighet."
    ]


def test_a_list_of_what_medborgarloften_are_for_is_no_promise_list() -> None:
    # 'Syfte' / 'Medborgarlöftena i Vänersborgs kommun ska:' over the national model's aims
    # ('Väcka och ta vara på engagemanget …', 'Stärka samverkan …'): read as promise items.
    found = texts(
        "Medborgarlöften 2019\n\nSyfte\n\nMedborgarlöftena i Vänersborgs kommun ska:\n\n"
        "- Väcka och ta vara på engagemanget i lokalsamhället\n"
        "- Stärka samverkan mellan Polisen och kommunen\n\n"
        "Syftet med medborgarlöften i Östhammars kommun är att:\n\n"
        "- Informera allmänheten om aktiviteter som förebygger brott.\n\n"
        "Vi lovar\n\n- Polisen ska genomföra tio trafikkontroller vid skolorna.\n"
    )
    assert found == ["Polisen ska genomföra tio trafikkontroller vid skolorna."]


def test_parties_named_after_an_inverted_kommer_promise() -> None:
    # 'Under 2021 kommer Örebro kommun, Polisen och … att …': 'kommer … att' was a modal only
    # six words apart, and a kommun by name was no party after it.
    found = texts(
        "Medborgarlöfte en del av samverkansavtalet\n\n"
        "Under 2021 kommer Örebro kommun, Polisen och de kommunala bostadsbolagen ÖBO och "
        "Västerporten att tillsammans göra riktade insatser i Vivalla.\n"
    )
    assert len(found) == 1 and found[0].startswith("Under 2021 kommer Örebro kommun")


def test_an_item_closing_on_how_it_is_followed_up_keeps_its_promise() -> None:
    # shared/dev 609: '• Polisen och kommunen kommer att göra förebyggande insatser kopplade till
    # ANDTS. Uppföljningen sker genom fortsatta avloppsmätningar …' was dropped whole as
    # follow-up text
    found = texts(
        "Medborgarlöften 2024–2025\n\nEn kommun fri från narkotika\n\n • Polisen och kommunen "
        "kommer att göra förebyggande insatser kopplade till ANDTS. Uppföljningen sker genom "
        "fortsatta avloppsmätningar.\n"
    )
    assert found == [
        "Polisen och kommunen kommer att göra förebyggande insatser kopplade till ANDTS."
    ]
