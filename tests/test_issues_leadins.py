"""Regressions in reading what a lead-in opens (promises, background, places) and what
the lines under it are: one test per bug found on real pages."""

from __future__ import annotations

from content_helpers import records

from lofte_extract.extract.headings import classify_heading


def test_places_listed_after_a_lead_in_are_no_commitments() -> None:
    # '… vilka områden som ska gås igenom, och de är följande (…):' lists where the
    # trygghetsvandringar go: each place was kept as a commitment.
    commitments, _, _ = records(
        "Medborgarlöften\n\nLpo Globen lovar att under 2017 hålla sex trygghetsvandringar.\n\n"
        "Det är lokalpolisområdet som väljer ut vilka områden som ska gås igenom, och de är "
        "följande (varje område preciseras inför varje tillfälle):\n\n • Enskede-Årsta\n"
        " • Östberga centrum. Centrumområdet med omnejd\n"
    )
    assert [c.text[:20] for c in commitments] == ["Lpo Globen lovar att"]


def test_a_lead_in_with_its_verb_left_out_opens_the_promise_list() -> None:
    # '… ska lokalpolisområde Vällingby inom följande samverkansområden;' under 'Det här ska
    # vi göra' was read as background ('lägesbilden'), and 'Analysera …' under the area
    # label 'Riktat arbete mot avgränsade platser och områden:' as an area.
    commitments, _, _ = records(
        "Stockholm, Bromma – medborgarlöften\n\nDet här ska vi göra\n\nUtifrån den lokala "
        "lägesbilden ska lokalpolisområde Vällingby inom följande samverkansområden;\n\n"
        "Riktat arbete mot avgränsade platser och områden:\n\n  • Analysera brottsligheten "
        "och otryggheten i Mariehäll.\n\nUnga i risk för kriminalitet:\n\n  • Samarbeta med "
        "skolorna så att unga inte dras in i kriminalitet.\n"
    )
    assert [c.text[:10] for c in commitments] == ["Analysera ", "Samarbeta "]


def test_a_count_of_promises_leads_into_them() -> None:
    # 'Under 2017 hade polisen två löften att arbeta med i stadsdelen:' on a follow-up page
    # did not open the promise list, so its promises were lost.
    commitments, _, _ = records(
        "Uppföljning medborgarlöfte 2017\n\nUnder 2017 hade polisen två löften att arbeta med "
        "i stadsdelen:\n\nVid minst tre tillfällen genomföra riktade aktiviteter mot "
        "narkotikabrott.\n\nVid årets slut hade vi gjort flera narkotikainsatser.\n"
    )
    assert [c.text[:20] for c in commitments] == ["Vid minst tre tillfä"]
    # 'I medborgarlöftet för 2022-2023 finns flera gemensamma löften:' over items with their
    # parties in brackets: 'Näringsidkare får erbjudande … (Polis, Borås Stad)' was lost
    commitments, goals, _ = records(
        "Medborgarlöfte Centrum 2022-2023\n\nI medborgarlöftet för 2022-2023 finns flera "
        "gemensamma löften:\n\n  • Ökad polisnärvaro i centrum (Polis)\n  • Näringsidkare "
        "får erbjudande om informationsträffar om hur brott kan förebyggas (Polis, Borås Stad)\n"
    )
    assert [c.text[:20] for c in commitments] == ["Ökad polisnärvaro i ", "Näringsidkare får er"]
    assert goals == []


def test_a_purpose_line_under_an_activity_is_no_commitment() -> None:
    # ' • Nattvandring' / '  Syfte: Fortsatt stöd till nattvandrarna …' kept the purpose
    # line as a commitment of its own.
    commitments, _, _ = records(
        "Medborgarlöfte Lerum\n\nDet här är aktiviteterna som polisen och kommunen lovar "
        "under perioden 1 juni 2019- juni 2020:\n\n • Trygghetsvandring vid varje "
        "stationsområde\n  Syfte: Inventera för att kunna vidta trygghetsskapande åtgärder\n"
        "  Ansvarig: kommunen/polisen\n\n • Nattvandring\n  Syfte: Fortsatt stöd till "
        "nattvandrarna så att de blir fler\n  Ansvarig: kommunen\n"
    )
    assert [c.text for c in commitments] == [
        "Trygghetsvandring vid varje stationsområde",
        "Nattvandring",
    ]


def test_what_residents_asked_for_is_the_ground_not_the_promise() -> None:
    # 'När medborgardialoger hölls … var det främst följande som medborgarna önskade:' listed
    # wishes, kept as commitments under the promise.
    commitments, _, _ = records(
        "Österåker – medborgarlöften\n\nNär medborgardialoger hölls under 2018 var det främst "
        "följande som medborgarna önskade:\n\n • Arbete mot droger och kriminalitet.\n"
        " • Trygghet i det offentliga rummet.\n\nDet här ska vi göra\n\n • Polisen ska "
        "löpande trygghetspatrullera med uniformerad personal.\n"
    )
    assert [c.text[:20] for c in commitments] == ["Polisen ska löpande "]


def test_what_shall_be_carried_out_opens_the_promise_list() -> None:
    # 'Det här ska genomföras:' over the activities was not read as the promise heading, so
    # the goal sentence below it was read as the page's title paragraph and lost.
    _, goals, _ = records(
        "Medborgarlöfte Vaxholm\n\nDet här ska genomföras:\n\n  • Polisen ska löpande "
        "trygghetspatrullera på utvalda platser.\n\nGenom åtgärderna ska tryggheten öka.\n"
    )
    assert [g.text for g in goals] == ["Genom åtgärderna ska tryggheten öka."]


def test_what_was_done_within_the_promise_is_no_commitment() -> None:
    # 'Exempel på åtgärder som genomförts … inom ramen för medborgarlöftet:' lists results;
    # the word 'medborgarlöftet' in the frame made the lead-in read as a promise heading.
    commitments, _, _ = records(
        "Medborgarlöfte Berga 2025–2026\n\n"
        "Polisen ska genomföra fyra trygghetsvandringar per år i Berga.\n\n"
        "Exempel på åtgärder som genomförts under 2025 inom ramen för medborgarlöftet:\n\n"
        " • Belysningen vid torget har förbättrats.\n"
        " • Ungdomar har fått möjlighet till sommarjobb.\n"
    )
    assert [c.text[:20] for c in commitments] == ["Polisen ska genomför"]


def test_a_promise_named_as_the_result_still_opens_the_list() -> None:
    # '… har resulterat i följande medborgarlöften:' names the promises that follow.
    commitments, _, _ = records(
        "Medborgarlöfte 2025 i Berga kommun\n\n"
        "Arbetet har resulterat i följande medborgarlöften:\n\n"
        " • Polisen gör riktade insatser vid Berga centrum.\n"
        " • Kommunen förbättrar belysningen på skolvägarna.\n"
    )
    assert len(commitments) == 2


def test_a_lead_in_whose_last_sentence_names_the_promise_opens_the_list() -> None:
    # '… enas varje år om ett gemensamt medborgarlöfte … Medborgarlöftet för 2019 omfattar:'
    # opened nothing: only a lead-in standing alone was read for its cue.
    commitments, _, _ = records(
        "Samverkan för ökad trygghet i Berga\n\nBerga kommun och polisen enas varje år om ett "
        "gemensamt medborgarlöfte med åtgärder som ska öka tryggheten. Medborgarlöftet för 2019 "
        "omfattar:\n\n • Fotpatrullering av polisen på utvalda publika platser\n"
        " • Punktinsatser mot brottsutsatta platser\n"
    )
    assert [c.text for c in commitments] == [
        "Fotpatrullering av polisen på utvalda publika platser",
        "Punktinsatser mot brottsutsatta platser",
    ]


def test_what_the_named_parties_will_do_heads_the_promise_list() -> None:
    # 'Det här ska polisen och Berga kommun göra under 2022' is 'Det här ska vi göra' with the
    # parties named: its nominal items were dropped.
    commitments, _, _ = records(
        "Medborgarlöfte i Berga\n\nDet här ska polisen och Berga kommun göra under 2022\n\n"
        " • Fotpatrullering på publika platser\n • Punktinsatser mot brottsutsatta platser\n"
    )
    assert len(commitments) == 2


def test_a_lead_in_naming_the_goals_opens_a_goal_list() -> None:
    # 'Bland målen för avtalet finns att:' opened nothing, so its outcome items were read as
    # commitments; a goal named late ('… rikta arbetet mot målen att:') is left as it was.
    commitments, goals, _ = records(
        "Nytt avtal med polisen i Berga\n\nBerga kommun har undertecknat ett nytt avtal med "
        "polisen. Bland målen för avtalet finns att:\n\n"
        " • Antalet uppklarade brott ska öka.\n • Färre ska känna sig otrygga i centrum.\n"
    )
    assert [g.text for g in goals] == [
        "Antalet uppklarade brott ska öka.",
        "Färre ska känna sig otrygga i centrum.",
    ]
    assert commitments == []


def test_how_the_goals_are_followed_up_does_not_end_the_goal_list() -> None:
    # 'Det här ska vi åstadkomma tillsammans' / 'Uppföljningen av målen sker kontinuerligt …'
    # / the goals: the follow-up sentence turned the goal list into a follow-up section.
    _, goals, _ = records(
        "Medborgarlöfte i Berga\n\nDet här lovar vi\n\n • Ökad polisnärvaro kring torget.\n\n"
        "Det här ska vi åstadkomma tillsammans\n\nUppföljningen av målen sker kontinuerligt "
        "genom trygghetsmätningar.\n\n • Minskat problem med otrygghet i offentlig miljö.\n"
        " • Ökad trygghet bland invånarna i stadsdelen\n"
    )
    assert [g.text for g in goals] == [
        "Minskat problem med otrygghet i offentlig miljö.",
        "Ökad trygghet bland invånarna i stadsdelen",
    ]


def test_a_lead_in_ending_in_a_party_and_its_modal_opens_the_promise_list() -> None:
    # 'Samverkansöverenskommelsens delmål är att vi tillsammans ska:' was read as background
    # on the word 'samverkansöverenskommelse', so its activities were dropped.
    commitments, _, _ = records(
        "Överenskommelse mellan Berga kommun och polisen\n\n"
        "Samverkansöverenskommelsens delmål är att vi tillsammans ska:\n\n"
        " • Utveckla samverkan med civilsamhället och näringslivet\n"
        " • Arbeta systematiskt och kunskapsbaserat med trygghetsfrågor\n"
    )
    assert len(commitments) == 2


def test_a_lead_in_saying_what_came_of_it_lists_results_not_targets() -> None:
    # 'Utfallet blev:' over '• Elva riktade narkotikainsatser' in a follow-up (h31) opened no
    # section, so the results under it were read as promised counts.
    commitments, _, _ = records(
        "Uppföljning medborgarlöfte 2018\n\n"
        "Följande aktiviteter utlovades i 2018 års medborgarlöfte:\n\n"
        "  • Minst sex riktade insatser mot narkotika.\n\n"
        "Utfallet blev:\n\n"
        "  • Elva riktade narkotikainsatser\n"
    )
    assert [(c.text[:20], [t.value for t in c.targets]) for c in commitments] == [
        ("Minst sex riktade in", [6])
    ]


def test_a_headline_saying_what_is_promised_is_a_title_not_a_promise_heading() -> None:
    # 'Polisen lovar mobil station' over a news article (h31) began like the cue 'Polisen
    # lovar', so every background sentence of the article below was read as a promise.
    commitments, _, _ = records(
        "Polisen lovar mobil station\n\n"
        "Sedan den 1 januari förra året är Polisen en enda myndighet i stället för 21.\n\n"
        "Dessutom utgår två utryckningspoliser från Svalöv.\n\n"
        "Polisen lovar att:\n\n • Genomföra fyra trafikkontroller i centrum\n"
    )
    assert [c.text for c in commitments] == ["Genomföra fyra trafikkontroller i centrum"]


def test_a_lead_in_naming_the_problems_lists_background() -> None:
    # 'Följande problem lyftes fram:' over '• Hastighetsöverträdelser' (h31) opened no
    # section under the title, so the problems were kept as commitments.
    commitments, _, _ = records(
        "Medborgarlöften i Berga\n\n"
        "Otryggheten i trafiken framgår av lägesbilden. Följande problem lyftes fram:\n\n"
        "  • Hastighetsöverträdelser\n  • Buskörning med mopeder och EPA-traktorer\n\n"
        "För att minska problemen lovar vi:\n\n  • Återkommande trafikkontroller i kommunen\n"
    )
    assert [c.text for c in commitments] == ["Återkommande trafikkontroller i kommunen"]


def test_promise_noun_heading_with_a_purpose_opens_the_promise() -> None:
    # h33 6103: 'Insatser för att öka tryggheten' was too long a heading for the cue
    # 'insatser', so the promises under it stayed in the background section above
    commitments, _, _ = records(
        "Globen - medborgarlöften\n\nSituationen idag\n\nMedborgarna tar upp tryggheten på "
        "kvällarna.\n\nInsatser för att öka tryggheten\n\nLokalpolisområde Globen ska arbeta "
        "för ökad trygghet. Vi ska vara väl synliga och närvarande i lokalpolisområdet. Därför "
        "kommer polisen att under minst 40 helger lägga resurser på en särskild helginsats.\n"
    )
    assert [c.text[:12] for c in commitments] == ["Lokalpolisom", "Vi ska vara ", "Därför komme"]


def test_promised_activities_heading_opens_the_promise() -> None:
    # h34 6201: 'Utlovade aktiviteter under kommande år' over the list was no section cue
    # ('Planerade aktiviteter' was), so 'Städning fem dagar i veckan …' stood under no heading
    commitments, _, _ = records(
        "Förnyat medborgarlöfte i Angered\n\nUtlovade aktiviteter under kommande år\n\n"
        "• Städning fem dagar i veckan i och omkring centrum. (Park- och naturförvaltningen)\n"
    )
    assert [c.text[:20] for c in commitments] == ["Städning fem dagar i"]


def test_an_elliptic_list_opener_leads_in_with_the_sentence_before() -> None:
    # h32 5904: 'Polisen lovar … fokus på narkotika. Bland annat:' was read by its last
    # sentence alone, which names nothing, so the bare items under it were dropped
    commitments, _, _ = records(
        "Medborgarlöften ska motverka drogproblem\n\nPolisen lovar ett större fokus på narkotika. "
        "Bland annat:\n\n• Att vid några tillfällen i år gå in på skolor med narkotikahundar.\n"
    )
    assert [c.text[:20] for c in commitments] == ["Att vid några tillfä"]


def test_a_lead_in_ending_in_folljande_satt_with_a_full_stop_opens_the_promise() -> None:
    # shared/dev 402: 'Under åren 2020 och 2021 kommer polisen att arbeta med medborgarlöftet
    # på följande sätt.' read as a title for the word 'medborgarlöftet', not as the lead-in
    # it is, so 'När en insatsvecka är avslutad ska vårdnadshavare … få …' stood under no
    # promise heading
    commitments, _, _ = records(
        "Ronneby kommun - Medborgarlöfte\n\nUnder åren 2020 och 2021 kommer polisen att arbeta "
        "med medborgarlöftet på följande sätt.\n\nUngdomar och narkotika\n\nNär en insatsvecka "
        "är avslutad ska vårdnadshavare och skolpersonal få erbjudande om information.\n"
    )
    assert [c.text[:20] for c in commitments] == ["När en insatsvecka ä"]


def test_an_aim_reached_genom_the_list_below_opens_the_promise() -> None:
    # shared/dev 306: 'Ökad trygghet och synlighet genom:' over the activities named no
    # section, so 'Polisen och kommunens fältverksamhet möts regelbundet …' was dropped;
    # 'Vi har nått målet genom:' lists what was done
    commitments, _, _ = records(
        "Värmdö – medborgarlöften\n\nÖkad trygghet och synlighet genom:\n\n• Fältsamverkan: "
        "Polisen och kommunens fältverksamhet möts regelbundet för att dela information.\n"
    )
    assert [c.text[:20] for c in commitments] == ["Fältsamverkan: Polis"]


def test_a_bullet_set_tight_against_its_item_opens_a_list_item() -> None:
    # h26 4603: '*Kvartersmöten. Polisen ska hålla dialoger … . Mötena ska vara minst en gång
    # per år och stadsdel.' was read as a paragraph, its count left in a sentence not kept
    commitments, _, _ = records(
        "Nya medborgarlöften\n\nPolisens två andra medborgarlöften är:\n\n*Kvartersmöten. "
        "Polisen ska hålla dialoger med medborgarna i stadsdelarna. Mötena ska vara minst en "
        "gång per år och stadsdel.\n"
    )
    assert [c.text[:14] for c in commitments] == ["Kvartersmöten."]
    assert [(t.value, t.period) for t in commitments[0].targets] == [(1, "år")]


def test_the_promises_as_the_subject_of_a_lead_in_open_the_list() -> None:
    # h26 4603: 'Farstapolisens två andra medborgarlöften är:' opened no section, so its
    # nominal items under a news headline were read as background
    commitments, _, _ = records(
        "Deras löfte: Du får bli polis för en dag\n\nNu är löftena klara.\n\nÅrets "
        "medborgarlöften är:\n\n- Trygghetsvandringar i centrum\n- Fler kvartersmöten\n"
    )
    assert [c.text for c in commitments] == ["Trygghetsvandringar i centrum", "Fler kvartersmöten"]


def test_examples_of_planned_measures_head_the_promise_list() -> None:
    # shared/dev 603: 'Exempel på planerade åtgärder' over the items opened no section, so
    # 'Polisen ökar sin närvaro, både uniformerat och civilt' was read as background
    assert classify_heading("Exempel på planerade åtgärder") == "promise"
    assert classify_heading("Planerade åtgärder") == "promise"
    assert classify_heading("Exempel på insatser som gjorts under året:") == "follow_up"


def test_a_lead_in_ending_on_att_opens_the_list_without_its_colon() -> None:
    # shared/dev 615: 'Ett medborgarlöfte har tagits fram där Polisen lovar att' (no colon)
    # was read as a title, so 'Ha dialog med de bilburna grupperna …' under it was no commitment
    assert classify_heading("Ett medborgarlöfte har tagits fram där Polisen lovar att") == "promise"
    commitments, _, _ = records(
        "Rättvik blir tryggare\n\nEtt medborgarlöfte har tagits fram där Polisen lovar att\n\n"
        " • Ha dialog med de bilburna grupperna i centrum.\n"
    )
    assert [c.text for c in commitments] == ["Ha dialog med de bilburna grupperna i centrum."]
