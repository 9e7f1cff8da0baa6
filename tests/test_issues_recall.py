"""Regressions in commitment recall on unseen documents: promises written in the present
tense, under a background heading, under unrecognised headings, in tables and with
responsibility lines. Each sentence is written for the test, not copied from a document."""

from __future__ import annotations

from content_helpers import parse, texts

from lofte_extract.extract.content import find_commitments, find_goals
from lofte_extract.extract.headings import classify_heading
from lofte_extract.extract.segment import DocumentSpan
from lofte_extract.parse import DocumentBuilder


def test_labelled_present_tense_lines_under_lagesbild_are_commitments() -> None:
    # 'Trafik: Polisen genomför ...' after 'Lägesbild' stayed background and was dropped.
    found = texts(
        "Medborgarlöfte 2025 för Tierps kommun\n\n"
        "Lägesbild\n"
        "Under 2023 anmäldes 58 inbrott i fritidshus längs kusten.\n\n"
        "Narkotika: Polisen genomför sex riktade insatser mot langning vid busstationen "
        "under året.\n"
        "Ungdomar: Kommunen anordnar nattvandring med föreningslivet varje fredag i juni.\n\n"
        "Uppföljning\n"
        "Löftet följs upp två gånger per år i BRÅ.\n"
    )
    assert found == [
        "Narkotika: Polisen genomför sex riktade insatser mot langning vid busstationen under "
        "året.",
        "Ungdomar: Kommunen anordnar nattvandring med föreningslivet varje fredag i juni.",
    ]


def test_present_tense_promise_without_promise_heading_is_a_commitment() -> None:
    # Outside a promise section only 'ska'/'kommer att'/'lovar' counted.
    found = texts(
        "Medborgarlöfte 2024 i Hylte kommun\n\n"
        "Polisen patrullerar Hyltebruks centrum till fots minst två kvällar i veckan.\n"
        "Tillsammans håller kommun och polis fyra trygghetsvandringar i Torup under hösten.\n"
    )
    assert len(found) == 2


def test_past_tense_and_statistics_in_background_are_no_commitments() -> None:
    # The present-tense rule must not take the situation described in the background.
    found = texts(
        "Medborgarlöfte 2024 i Hylte kommun\n\n"
        "Bakgrund\n"
        "Polisen har under 2022 genomfört 40 trafikkontroller i centrum.\n"
        "Kommunen har sett en ökning av skadegörelse vid skolorna.\n"
        "Polisen genomför varje år en trygghetsmätning där 35 procent uppgav oro.\n"
    )
    assert found == []


def test_inline_promise_cue_in_lagesbild_switches_to_promise() -> None:
    # 'Medborgarlöftet innebär att ...' under 'Lägesbild' was read as the situation.
    doc, span = parse(
        "Medborgarlöfte 2024 för Lerums kommun\n\n"
        "Lägesbild\n"
        "Sedan 2020 har anmälningarna om skadegörelse i Gråbo ökat.\n\n"
        "Medborgarlöftet innebär att polisen under 2024 besöker Gråbo centrum varje lördagskväll. "
        "Kommunen utökar sin fältverksamhet med ytterligare en fältassistent. "
        "Kommunen ska också sanera klotter inom tre dygn.\n\n"
        "Målet är att färre boende ska känna sig otrygga i Gråbo.\n"
    )
    found = [c.text for c in find_commitments(doc, span)]
    assert len(found) == 3
    assert found[0].startswith("Medborgarlöftet innebär att polisen")
    assert not any(t.startswith("Målet") for t in found)


def test_actor_with_ska_ends_a_background_section() -> None:
    # A background heading swallowed every paragraph until the next recognised heading.
    found = texts(
        "Medborgarlöfte 2023 i Vimmerby kommun\n\n"
        "Bakgrund\n"
        "Många invånare upplever otrygghet vid resecentrum på kvällstid.\n\n"
        "Polisen ska genomföra minst tio kontroller av mopeder vid resecentrum under året.\n"
    )
    assert found == [
        "Polisen ska genomföra minst tio kontroller av mopeder vid resecentrum under året."
    ]


def test_short_lofte_headings_open_promise_sections() -> None:
    # 'Vårt löfte till dig' was not recognised, so the present-tense items below were dropped.
    for heading in ("Vårt löfte till dig", "Löftet till dig", "Så här gör vi", "Det här gör vi"):
        assert classify_heading(heading) == "promise", heading
    found = texts(
        "Medborgarlöfte 2025 i Sunne kommun\n\n"
        "Vårt löfte till dig\n\n"
        "Trygg skolväg\n"
        "Polisen genomför hastighetskontroller vid Södra skolan.\n"
    )
    assert found == ["Polisen genomför hastighetskontroller vid Södra skolan."]


def test_samverkansoverenskommelse_title_is_not_background() -> None:
    # 'Samverkansöverenskommelse mellan X kommun och ...' made every later line background.
    title = "Samverkansöverenskommelse mellan Eslövs kommun och Lokalpolisområde Eslöv"
    assert classify_heading(title) == "title"
    # An item naming the trades is no title.
    assert classify_heading("Genomföra vandringar med kommun och polis") != "title"
    found = texts(
        "Samverkansöverenskommelse mellan Eslövs kommun och Lokalpolisområde Eslöv 2021–2024\n\n"
        "1. Syfte\n"
        "Överenskommelsen syftar till att samordna det trygghetsskapande arbetet.\n\n"
        "2.1 Trafik\n"
        "Kommunen och polisen ska genomföra två gemensamma trafikkampanjer per år.\n\n"
        "2.2 Missbruk\n"
        "Parterna ska arbeta med tidiga insatser mot missbruk bland unga.\n\n"
        "4. Uppföljning\n"
        "Överenskommelsen följs upp årligen.\n"
    )
    assert found == [
        "Kommunen och polisen ska genomföra två gemensamma trafikkampanjer per år.",
        "Parterna ska arbeta med tidiga insatser mot missbruk bland unga.",
    ]


def test_pipe_rows_under_activity_header_are_commitments_whatever_their_wording() -> None:
    # Rows under 'Aktivitet | Ansvarig | Tidpunkt' were dropped when they did not read as
    # activities ('Föräldramöten om ...').
    doc, span = parse(
        "Medborgarlöfte för Ludvika, perioden 2021/2022\n\n"
        "Aktivitet | Ansvarig | Tidpunkt\n"
        "Föräldramöten om alkohol och unga i årskurs 9 | Kommunen | Vårterminen\n"
        "Dialogforum med fastighetsägare i Marnäs | Kommun och polis | Två gånger per år\n"
    )
    commitments = find_commitments(doc, span)
    assert [c.text for c in commitments] == [
        "Föräldramöten om alkohol och unga i årskurs 9",
        "Dialogforum med fastighetsägare i Marnäs",
    ]
    assert commitments[0].actors == ["kommun"]
    assert sorted(commitments[1].actors) == ["kommun", "polisen"]


def test_ansvar_line_gives_actors_not_text_or_categories() -> None:
    # 'Ansvar: Kommunen ansvarar för ..., Polisen för ...' was glued onto the item above and
    # its words set the item's categories.
    doc, span = parse(
        "Medborgarlöfte 2024 i Orsa kommun\n\n"
        "Så här gör vi\n\n"
        "Belysning\n"
        "Kommunen byter armaturer längs gångvägen vid Orsasjön.\n"
        "Ansvar: Kommunen ansvarar för belysningen, Polisen för narkotikakontrollerna.\n"
    )
    (commitment,) = find_commitments(doc, span)
    assert commitment.text == "Kommunen byter armaturer längs gångvägen vid Orsasjön."
    assert commitment.actors == ["kommun", "polisen"]
    assert "narkotika" not in commitment.categories


def test_bare_actor_tag_line_is_no_commitment() -> None:
    # A PDF wrapped '(Polisen)' onto its own line, which became a commitment of its own.
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Detta gör vi:")
    builder.add("list_item", "1) Fotpatrull i Orsa centrum varannan lördag under sommaren.")
    builder.add("paragraph", "(Polisen)")
    doc = builder.build()
    (commitment,) = find_commitments(doc, DocumentSpan(0, len(doc.text)))
    assert commitment.text.endswith("Fotpatrull i Orsa centrum varannan lördag under sommaren.")
    assert commitment.actors == ["polisen"]


def test_kommun_and_polis_lead_in_with_ska_is_not_a_title() -> None:
    # The title rule (kommun and polis named) must not take a lead-in that opens the list.
    assert classify_heading("Säters kommun och polisen ska") == "promise"


def test_sentence_explaining_medborgarloften_does_not_end_background() -> None:
    # 'Polisen ska ... ta fram medborgarlöften' explains the concept; it opens no promise.
    found = texts(
        "Medborgarlöfte 2024 i Säters kommun\n\n"
        "Om medborgarlöften\n"
        "Polisen ska enligt sitt uppdrag ta fram medborgarlöften tillsammans med kommunerna.\n"
        "Kommunen deltar i arbetet med tre tjänstepersoner från förvaltningen.\n"
    )
    assert found == []


def test_present_tense_news_and_intro_beside_a_promise_list_are_no_commitments() -> None:
    # The present-tense rule took a news report and an intro's description of daily work.
    assert texts("Nyhet\n\nPolisen genomför en insats vid torget i kväll efter flera bråk.\n") == []
    found = texts(
        "Medborgarlöfte 2024 i Rättviks kommun\n\n"
        "Polisen arbetar varje dag för att öka tryggheten i Rättvik.\n\n"
        "Vi lovar att:\n"
        "- Genomföra tre trygghetsvandringar vid Vidablick.\n"
    )
    assert found == ["Genomföra tre trygghetsvandringar vid Vidablick."]


def test_lead_in_naming_the_activities_opens_a_list_of_nominal_commitments() -> None:
    # 'Aktiviteterna är fördelade på …:' introduces the promise's items, bare nouns as they are.
    assert classify_heading("Aktiviteterna är fördelade på två huvudområden:") == "promise"
    assert classify_heading("Inom varje fokusområde finns insatser, bland annat:") == "promise"
    assert classify_heading("Åtgärderna ska leda till:") == "goal"
    doc, span = parse(
        "Medborgarlöfte 2017\n\nUnder 2017 ska tryggheten öka. Aktiviteterna är fördelade på "
        "två huvudområden:\n • mörka platser\n • trafiksituationen\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "mörka platser",
        "trafiksituationen",
    ]


def test_a_topic_heading_inside_the_promise_list_keeps_its_items_promises() -> None:
    # 'Fokusområde Skadegörelse/klotter:' was read as a background heading.
    doc, span = parse(
        "Medborgarlöfte 2022-2023\n\nUtifrån fokusområdena lovar polisen och kommunen följande\n\n"
        "Fokusområde Narkotika:\n\n • Polisen ska upptäcka och rapportera narkotikabrott.\n\n"
        "Fokusområde Skadegörelse/klotter:\n\n"
        " • Vi ska gemensamt arbeta riktat mot skadegörelse och klotter.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Polisen ska upptäcka och rapportera narkotikabrott.",
        "Vi ska gemensamt arbeta riktat mot skadegörelse och klotter.",
    ]


def test_we_shall_under_a_topic_heading_ends_the_background() -> None:
    # 'Vi ska prioritera närvaro i Rissne' under 'Synlighet' stayed in the background above.
    doc, span = parse(
        "Medborgarlöftet 2020\n\nSituationen idag\n\nTryggheten påverkas av flera faktorer.\n\n"
        "Synlighet\n\nVi ska prioritera närvaro i Rissne och Hallonbergen.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Vi ska prioritera närvaro i Rissne och Hallonbergen."
    ]


def test_a_paragraph_presenting_the_promises_makes_the_list_below_them() -> None:
    # '… medborgarlöften … ser ut så här.' over passive items: the items were read as the
    # title's text and dropped.
    doc, span = parse(
        "Skellefteå – medborgarlöften\n\nPolisens medborgarlöften för en tryggare stadskärna "
        "under åren 2021-2025 ser ut så här.\n\n"
        " • Varje år ska minst fem trygghetsvandringar göras.\n"
        " • Hundägare bjuds in minst en gång per år inom konceptet Nosspanare.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Varje år ska minst fem trygghetsvandringar göras.",
        "Hundägare bjuds in minst en gång per år inom konceptet Nosspanare.",
    ]


def test_a_section_cue_must_start_a_word() -> None:
    # 'om medborgarlöftet' (a background cue) was found inside 'som medborgarlöftet'.
    lead_in = "Bland de aktiviteter som medborgarlöftet genomförs med finns följande:"
    assert classify_heading(lead_in) == "promise"
    assert classify_heading("Om medborgarlöftet") == "background"


def test_an_activity_promised_in_the_passive_is_a_commitment_without_a_party() -> None:
    # 'Trafikkontroller ska under året genomföras' names no party and was dropped.
    doc, span = parse(
        "Fortsatt samarbete för trygghet\n\nTrafikmiljön:\n\n"
        " • Trafikkontroller ska under året genomföras med fokus på hastighet.\n"
        " • Brottsligheten ska minskas.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Trafikkontroller ska under året genomföras med fokus på hastighet."
    ]


def test_a_party_acting_under_an_achievement_heading_is_a_commitment_not_a_goal() -> None:
    # 'Det här ska vi åstadkomma tillsammans' / 'Polisen ska dessutom öka sin synlighet …' was
    # read as a goal of the opening goal section.
    doc, span = parse(
        "Medborgarlöfte 2017\n\nDet här ska vi åstadkomma tillsammans\n\n"
        "Polisen ska dessutom öka sin synlighet på tågstationerna i kommunen. "
        "Polisen och kommunen kommer också att fortsätta samverka för att öka tryggheten.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Polisen ska dessutom öka sin synlighet på tågstationerna i kommunen."
    ]
    assert find_goals(doc, span) == []


def test_a_lead_in_listing_focus_areas_opens_no_promise_list() -> None:
    # 'följande' made 'Lägesbilden pekade ut följande fokusområden:' a promise lead-in, so the
    # area names below it became commitments.
    assert classify_heading("Den samlade lägesbilden pekade ut följande fokusområden:") == (
        "background"
    )
    assert classify_heading("Polisen och kommunen genomför följande aktiviteter:") == "promise"


def test_a_party_with_a_modal_and_its_verb_heads_a_list_of_objects() -> None:
    # 'Polisen kommer att genomföra' (no colon) left its nominal items in the background.
    assert classify_heading("Polisen kommer att genomföra") == "promise"
    doc, span = parse(
        "Medborgarlöfte 2023\n\nProblemområde\n\nTrafikbrott är vanliga.\n\n"
        "Polisen kommer att genomföra\n\n"
        " • Trafikkontroller på olika platser i kommunen.\n"
        " • Uniformerad fotpatrullering kring resecentrum.\n"
    )
    assert [c.text for c in find_commitments(doc, span)] == [
        "Trafikkontroller på olika platser i kommunen.",
        "Uniformerad fotpatrullering kring resecentrum.",
    ]


def test_areas_a_party_will_work_on_listed_under_a_long_lead_in_are_commitments() -> None:
    # '… fokusområden som polisen ska arbeta med under 2017:' was too long for a lead-in, so
    # the areas below it were dropped though they were all the page promised.
    lead_in = (
        "Med den gemensamma lägesbilden som grund har man pekat ut ett antal fokusområden som "
        "polisen ska arbeta med under 2017:"
    )
    assert classify_heading(lead_in) == "promise"
    found = texts(
        f"Medborgarlöfte i Vaggeryd\n\n{lead_in}\n\n • Ungdomsbrott\n • Trafiksäkerhet\n\n"
        "Senast uppdaterad 2016-12-09\n"
    )
    assert found == ["Ungdomsbrott", "Trafiksäkerhet"]


def test_an_overview_of_areas_whose_promises_follow_under_their_headings_is_no_commitment() -> None:
    # The same lead-in over areas that head sections further down: the promises are below.
    found = texts(
        "Medborgarlöften 2020–2022\n\nDialogerna har lett fram till tre inriktningar som "
        "kommunen och polisen ska arbeta med:\n\n • Droger\n • Trafiksäkerhet\n • Våld i nära "
        "relationer\n\nDroger\n\n • Polisen ska genomföra fyra riktade insatser per år.\n"
    )
    assert found == ["Polisen ska genomföra fyra riktade insatser per år."]


def test_a_party_after_the_modal_of_a_fronted_adverbial_is_a_commitment() -> None:
    # 'Under perioden 2021-2022 ska polisen och kommunen finnas …' put the party fourth, past
    # the words looked at for a subject, and the promise was dropped.
    found = texts(
        "Medborgarlöfte 2021-2022\n\nUnder perioden 2021-2022 ska polisen och kommunen finnas "
        "regelbundet på plats där invånarna känner sig otrygga. Genom medborgarlöftena ska "
        "polisen och kommunen komma närmare invånarna.\n\nPolisens och kommunens resurser ska "
        "i första hand vara närvarande i följande miljöer:\n\n • Stationsområden\n"
    )
    assert found[0].startswith("Under perioden 2021-2022 ska polisen")
    assert not any(text.startswith("Genom medborgarlöftena") for text in found)


def test_items_under_an_inriktning_heading_are_commitments_and_a_done_list_is_not() -> None:
    # 'Inriktning' heads a period's promises (nominal items too); 'Exempel på insatser som
    # gjorts …:' lists what was done, and the promise after that list is read again.
    found = texts(
        "Förnyat medborgarlöfte september-november 2020\n\nInriktning\n\n"
        " • Utökning av trafikkontroller\n • Kommunikation med motorburen ungdom\n\n"
        "Exempel på insatser som gjorts i linje med inriktningen:\n\n"
        " • Under sommaren har polisen gjort fler trafikkontroller\n"
        " • Sommarjobbare har tagit fram kampanjer om alkohol\n\n"
        "Kommunen ska genomföra två trygghetsvandringar i oktober.\n"
    )
    assert found == [
        "Utökning av trafikkontroller",
        "Kommunikation med motorburen ungdom",
        "Kommunen ska genomföra två trygghetsvandringar i oktober.",
    ]
    assert classify_heading("Detta är vad polisen och kommunen har lovat att göra:") != (
        "follow_up"
    )


def test_a_modal_sentence_with_a_count_is_a_commitment_whatever_its_subject() -> None:
    # 'Poliskontoret … ska vara bemannat 1 ggr i veckan' names no party as subject and was
    # dropped, under the title and under 'prioriteras följande områden:' alike; a count of
    # the promise's own evaluations stays none.
    found = texts(
        "Medborgarlöfte 2018\n\nPolisen ska synas mer i centrum.\n\nPoliskontoret i "
        "förvaltningshuset ska som hittills vara bemannat 1 ggr i veckan.\n\nUnder 2018 ska "
        "löftena utvärderas tre gånger.\n\nUnder perioden prioriteras följande områden:\n\n"
        " • Poliskontoret i Knivsta ska hålla öppet minst en dag i veckan.\n"
    )
    assert found == [
        "Polisen ska synas mer i centrum.",
        "Poliskontoret i förvaltningshuset ska som hittills vara bemannat 1 ggr i veckan.",
        "Poliskontoret i Knivsta ska hålla öppet minst en dag i veckan.",
    ]


def test_bare_areas_under_an_areas_lead_in_above_a_list_of_activities_are_no_commitments() -> None:
    # 'Parterna lovar att … lägga fokus på dessa områden:' over bare areas, then the
    # activities: the areas were read as four more commitments.
    found = texts(
        "Medborgarlöfte 2020-2022\n\nParterna lovar att under perioden lägga fokus på dessa "
        "områden:\n\n • Droger och folkhälsa\n • Trafiksäkerhet\n\nAktiviteter under perioden\n\n"
        " • Genomföra hundsök i skolmiljö vid minst två (2) tillfällen per år.\n"
    )
    assert found == ["Genomföra hundsök i skolmiljö vid minst två (2) tillfällen per år."]


def test_a_promise_set_as_a_heading_over_its_follow_up_is_a_commitment() -> None:
    # A follow-up page sets each promise as a heading ('Kommunen ska införa rutinen …') over
    # 'Tertial 1' and what was done: the promises were read as titles and lost.
    found = texts(
        "Uppföljning av medborgarlöften 2024\n\n"
        "Polisen ska tillsammans med skolor genomföra narkotikasök med hund\n\nTertial 1\n\n"
        "Polisen har gjort 6 narkotikasök i skolmiljö.\n\n"
        "Polisen ska ta fram tre nya löften\n\nLöftena presenteras i maj.\n"
    )
    assert found == ["Polisen ska tillsammans med skolor genomföra narkotikasök med hund"]


def test_a_party_doing_something_in_the_present_under_the_promise_title_is_a_commitment() -> None:
    # 'Kommunen tar prover på avloppsvatten …', 'Lysekils kommun motverkar …' right under
    # 'Norbergs kommuns medborgarlöfte för kvartal 2 2024' were dropped: no modal, and the
    # verb or its object was not in the activity lists.
    found = texts(
        "Norbergs kommuns medborgarlöfte för kvartal 2 2024\n\n"
        "  • Kommunen tar prover på avloppsvatten för att mäta narkotika.\n"
        "  • Norbergs kommun motverkar nyrekrytering av unga genom fritidsaktiviteter.\n"
        "  • Polisen har sett att fler unga rör sig i centrum.\n"
    )
    assert found == [
        "Kommunen tar prover på avloppsvatten för att mäta narkotika.",
        "Norbergs kommun motverkar nyrekrytering av unga genom fritidsaktiviteter.",
    ]


def test_a_lead_in_saying_promises_have_been_made_opens_promises_not_a_follow_up() -> None:
    # '… och nu har följande insatser utlovats:' is in the perfect, and was read as a list of
    # what was done: 'utlovats' (promised) was not seen as promising.
    found = texts(
        "Löfte – synligare polis i Burlövs kommun\n\nLovar följande insatser\n\n"
        "Burlövs kommun hör till Kävlinge lokalpolisområde, och nu har följande insatser "
        "utlovats:\n\n • Kommunen och polisen ska i samverkan etablera fyra "
        "grannsamverkansområden.\n"
    )
    assert found == ["Kommunen och polisen ska i samverkan etablera fyra grannsamverkansområden."]


def test_a_listed_modal_promise_with_a_count_needs_no_named_party() -> None:
    # '• Parterna ska tillsammans vid minst ett tillfälle informera föräldrar …' under the
    # promise's title was dropped: 'Parterna' is no party word; the count says it is promised.
    # A line of links is none.
    found = texts(
        "Medborgarlöfte 2021 för Mariestad\n\n"
        " • Parterna ska tillsammans vid minst ett tillfälle informera föräldrar om droger.\n"
        " • https://polisen.se/om-polisen/medborgarloften/ https://skl.se/trygghet\n"
    )
    assert found == [
        "Parterna ska tillsammans vid minst ett tillfälle informera föräldrar om droger."
    ]
