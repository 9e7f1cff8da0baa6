"""Goal sentences holding several coordinated goals (extract/goals.py)."""

from __future__ import annotations

import pytest
from content_helpers import parse

from lofte_extract.extract.content import find_commitments, find_goals
from lofte_extract.extract.cues import (
    activity_start,
    is_goal_sentence,
)
from lofte_extract.extract.goals import _parts
from lofte_extract.extract.outcome_cues import (
    aims_at_an_outcome,
    outcome_as_subject,
)
from lofte_extract.extract.text_units import Piece


def _texts(text: str) -> list[str]:
    return [p.text for p in _parts(Piece(0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        (
            "Det övergripande målet är att tryggheten i Ale ska öka, att ungas droganvändning ska "
            "motverkas och att rekryteringen till gäng ska minska.",
            [
                "Det övergripande målet är att tryggheten i Ale ska öka",
                "ungas droganvändning ska motverkas",
                "rekryteringen till gäng ska minska.",
            ],
        ),
        # a list inside a noun phrase ('invånarna, polisen och kommunen') is no clause
        (
            "Målet är att tryggheten ska öka, brottsligheten minska och förtroendet mellan "
            "invånarna, polisen och kommunen stärkas.",
            [
                "Målet är att tryggheten ska öka",
                "brottsligheten minska",
                "förtroendet mellan invånarna, polisen och kommunen stärkas.",
            ],
        ),
        (
            "Målet är klart: tryggheten ska öka och oron för brott ska minska.",
            ["Målet är klart: tryggheten ska öka", "oron för brott ska minska."],
        ),
    ],
)
def test_coordinated_goal_clauses_are_goals_of_their_own(text, goals):
    assert _texts(text) == goals


def test_adjectives_joined_by_och_stay_one_goal():
    text = "Medborgarlöftet ska bidra till ökad trygghet och färre brott i kommunen."
    assert _texts(text) == [text]


def test_att_opening_an_aim_is_no_activity():
    assert not activity_start("Att alla som bor i kommunen ska uppleva ökad trygghet.")
    assert activity_start("Att arbeta med motorburna unga.")
    assert activity_start("Att tillsammans arbeta för fler grannsamverkansområden.")


def test_a_lead_in_of_what_to_achieve_opens_a_list_of_goals() -> None:
    from lofte_extract.extract.headings import classify_heading

    assert classify_heading("Med medborgarlöftet önskar vi åstadkomma:") == "goal"
    assert classify_heading("Detta ska vi åstadkomma genom att:") != "goal"


def test_an_opening_goal_list_of_outcomes_gives_goals() -> None:
    from content_helpers import records

    _, goals, _ = records(
        "Medborgarlöfte i Eslövs kommun 2023\n\nMål\n\n"
        " • Att alla som bor i kommunen ska uppleva ökad trygghet.\n"
        " • Höja tryggheten genom att polisen är närvarande i centrum.\n\n"
        "Polisen lovar att:\n • Genomföra fyra trafikinsatser.\n"
    )
    assert [g.text for g in goals] == ["Att alla som bor i kommunen ska uppleva ökad trygghet."]


def test_a_lead_in_naming_the_parties_and_a_modal_opens_promises() -> None:
    from lofte_extract.extract.headings import classify_heading

    assert classify_heading("Det här ska Solna stad och polisen tillsammans göra under 2022:") == (
        "promise"
    )


def test_a_stated_aim_with_words_before_mal_is_a_goal_sentence() -> None:
    from lofte_extract.extract.cues import is_goal_sentence

    assert is_goal_sentence(
        "Polisens gemensamma mål för 2024 och 2025 är att på sikt öka tryggheten.",
        predicates=False,
    )
    assert not is_goal_sentence(
        "Målbilden för kommunen är att löftena blir en del av arbetet.", predicates=False
    )


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("Öka den upplevda tryggheten i kommunen.", True),
        ("Att fler narkotikabrott upptäcks, så att bruket av narkotika minskar.", True),
        ("Stärka förtroendet för polisen.", True),
        ("Öka polisnärvaron i stadsparken.", False),  # names what to do: an activity
        ("Fortsätta genomföra trygghetspaketet för ökad trygghet.", False),
        ("Polisen ska öka tryggheten genom fotpatrullering.", False),
    ],
)
def test_an_item_moving_an_outcome_without_an_activity_is_an_aim(text: str, aim: bool) -> None:
    assert aims_at_an_outcome(text) is aim


def test_listed_aims_under_a_promise_heading_are_goals_not_commitments() -> None:
    from content_helpers import records

    commitments, goals, _ = records(
        "Medborgarlöfte i Tranås kommun 2019\n\nPolisen och kommunen lovar:\n\n"
        " • Öka den upplevda tryggheten i centrum.\n"
        " • Genomföra fyra trafikinsatser.\n"
    )
    assert [g.text for g in goals] == ["Öka den upplevda tryggheten i centrum."]
    assert [c.text for c in commitments] == ["Genomföra fyra trafikinsatser."]


def test_a_lead_in_with_the_promise_itself_as_subject_opens_background() -> None:
    from lofte_extract.extract.headings import classify_heading

    # 'Medborgarlöften ska:' lists what medborgarlöften are for in general (dev 409, h4 1003).
    assert classify_heading("Medborgarlöften ska:") == "background"
    assert classify_heading("Medborgarlöftet för 2019 omfattar:") == "promise"
    assert classify_heading("Enligt löftet kommer Polisen och kommunen att:") == "promise"


def test_a_heading_typed_without_diacritics_is_the_same_cue() -> None:
    from lofte_extract.extract.headings import classify_heading

    assert classify_heading("Det har ska vi göra") == classify_heading("Det här ska vi göra")
    assert classify_heading("Det har ska vi göra") == "promise"


def test_an_outcome_with_a_modal_amid_the_background_is_a_goal() -> None:
    from content_helpers import records

    _, goals, _ = records(
        "Medborgarlöfte för östra Lund 2020\n\nBakgrund\n\nEnligt årets trygghetsmätning är "
        "otryggheten större i öster. Skadegörelsen ska minska och den fysiska miljön ska ses "
        "över.\n\nPolisen lovar att:\n • Genomföra fyra trafikinsatser.\n"
    )
    assert [g.text[:24] for g in goals] == ["Skadegörelsen ska minska"]


def test_aims_listed_as_att_clauses_under_a_background_lead_in_are_goals() -> None:
    # 'Med lägesbilden som grund prioriteras följande:' read as background dropped its aims.
    doc, span = parse(
        "Medborgarlöfte 2024\n\nMed den gemensamma lägesbilden som grund prioriteras följande "
        "i Medborgarlöftet 2024:\n"
        " • Att färre platser ska upplevas som otrygga på grund av narkotika.\n"
        " • Att arbeta med motorburna unga.\n\nSituationen idag\n\n"
        " • Fler inbrott i villaområden.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == [
        "Att färre platser ska upplevas som otrygga på grund av narkotika."
    ]


def test_an_outcome_as_subject_under_a_promise_heading_is_a_goal_not_a_commitment() -> None:
    # 'Organiserad brottslighet ska minska' in the promise list was taken as a commitment.
    doc, span = parse(
        "Medborgarlöfte 2017\n\nVi lovar:\n\n • Organiserad brottslighet ska minska\n"
        " • Polisen ska öka närvaron i centrum.\n"
        " • Kommunens trygghetssamordnare ska gå vidare med arbetet.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == ["Organiserad brottslighet ska minska"]
    assert [c.text for c in find_commitments(doc, span)] == [
        "Polisen ska öka närvaron i centrum.",
        "Kommunens trygghetssamordnare ska gå vidare med arbetet.",
    ]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # the outcome is only the purpose of something else
        (
            "Löftet består av konkreta aktiviteter som kommunen och polisen ska genomföra "
            "tillsammans, med målet att tryggheten ska öka och brottsligheten minska.",
            False,
        ),
        ("För att tryggheten i området ska öka krävs fler åtgärder.", False),
        # working for the outcome states it
        ("Polisen och kommunen ska verka för att narkotikabrotten ska minska.", True),
        ("Polisen och kommunen arbetar tillsammans för att tryggheten ska öka.", True),
        ("Tryggheten ska öka och för att trafikmiljön ska bli bättre.", True),
        # h36 6702: the relative clause's second verb ('som var … och ska bidra till att …')
        (
            "I tisdags kom 70 personer till vandringen, som var den första av sex och ska "
            "bidra till att tryggheten ökar.",
            False,
        ),
        ("Fler som bor i området ska känna sig trygga.", True),
    ],
)
def test_an_outcome_named_only_as_a_purpose_is_no_goal(text, goal) -> None:
    assert is_goal_sentence(text) is goal


def test_what_any_medborgarlofte_is_made_of_states_no_goal_of_this_one() -> None:
    # polisen.se's boilerplate ('Löftet består av konkreta aktiviteter som ska minska …') was
    # read as this promise's goal; the aim stated for this place stays one.
    doc, span = parse(
        "Medborgarlöfte 2021\n\nDet rör sig om konkreta aktiviteter som kommunen och polisen "
        "enats om, och som ska leda till ökad trygghet och minskad brottslighet.\n\n"
        "Målet är att tryggheten i centrum ska öka.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == ["Målet är att tryggheten i centrum ska öka."]


def test_an_aim_stated_after_an_adverbial_is_a_goal() -> None:
    # 'På längre sikt är det ett gemensamt mål att …' was read as a commitment.
    text = "På längre sikt är det ett gemensamt mål att inget område i kommunen ska stå på listan."
    assert is_goal_sentence(text, predicates=False)


def test_the_overarching_aim_naming_an_outcome_under_a_promise_heading_is_a_goal() -> None:
    # 'Det övergripande målet är att tryggheten ska öka …' under 'Aktiviteter' was blocked as
    # medborgarlöften's general aim and read as a commitment; the infinitive aim stays no goal.
    doc, span = parse(
        "Medborgarlöfte 2021\n\nAktiviteter\n\nDet övergripande målet är att tryggheten ska öka "
        "och att brotten ska bli färre. Arbetet följs upp varje år.\n\n"
        "Kommunen lovar\n\n • Att genomföra två trygghetsvandringar.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == [
        "Det övergripande målet är att tryggheten ska öka",
        "brotten ska bli färre.",
    ]
    assert [c.text for c in find_commitments(doc, span)] == [
        "Att genomföra två trygghetsvandringar."
    ]
    general = "Det övergripande målet är att minska brottsligheten och öka tryggheten."
    assert not is_goal_sentence(general, predicates=False)


def test_what_medborgarloften_are_in_general_states_no_goal() -> None:
    # 'Medborgarlöften ska bidra till ökad trygghet …' (the bare form: the concept) and
    # 'Medborgarlöftet är en överenskommelse där …' were read as this promise's goals.
    doc, span = parse(
        "Medborgarlöfte 2022\n\nMedborgarlöften ska bidra till ökad trygghet och förebygga "
        "brott. Medborgarlöfte är en modell vars syfte är att tryggheten ska öka.\n\n"
        "Medborgarlöftena ska bidra till ökad trygghet i centrum.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == [
        "Medborgarlöftena ska bidra till ökad trygghet i centrum."
    ]


def test_the_aim_of_this_promise_naming_outcomes_is_a_goal() -> None:
    # 'Målet med medborgarlöftet är att främja trygghet, … och att förtroendet för polisen ska
    # stärkas' was blocked as a purpose statement; 'Målet med arbetet är att skapa
    # förtroende' (the infinitive, no outcome named) stays none.
    stated = (
        "Målet med medborgarlöftet är att främja trygghet och att förtroendet för polisen "
        "ska stärkas."
    )
    assert is_goal_sentence(stated, predicates=False)
    assert not is_goal_sentence("Målet med arbetet är att skapa förtroende.", predicates=False)


def test_the_kommun_described_as_it_should_be_is_a_goal_not_a_commitment() -> None:
    # ' • Helsingborg ska vara en säker stad som upplevs som trygg …' in the promise list was a
    # commitment; it names no one doing anything.
    doc, span = parse(
        "Medborgarlöfte 2023-2026\n\nVi lovar:\n\n • Helsingborg ska vara en säker stad som "
        "upplevs som trygg av dem som bor där.\n • Polisen ska fotpatrullera i centrum.\n"
    )
    assert [g.text[:22] for g in find_goals(doc, span)] == ["Helsingborg ska vara e"]
    assert [c.text for c in find_commitments(doc, span)] == ["Polisen ska fotpatrullera i centrum."]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # the outcome as inverted subject after a fronted 'by what means'
        (
            "Med ett fortlöpande arbete mot de prioriterade områdena ska brottsligheten gå ned "
            "och medborgarnas upplevda trygghet gå upp.",
            True,
        ),
        ("Med åtgärderna väntas den höga upplevda tryggheten i Vaxholm bestå.", True),
        # a party or an activity after the modal
        ("Med hjälp av appen ska polisen patrullera i centrum.", False),
        ("Genom medborgarlöftet ska trygghetsvandringar genomföras.", False),
    ],
)
def test_an_outcome_after_the_modal_of_a_fronted_means_is_an_outcome(text, outcome) -> None:
    # 'Med ett fortlöpande arbete … ska brottsligheten gå ned' was read as a commitment.
    assert outcome_as_subject(text) is outcome


def test_a_quoted_aim_in_a_speech_line_is_no_goal() -> None:
    # '• … Målet är ett rättvist samhälle där alla konkurrerar på samma villkor, säger Björn
    # Wilhelmsson' (a speech dash drawn as a bullet): a quote, as it is in a paragraph.
    doc, span = parse(
        "Medborgarlöfte 2021\n\n • Med ungdomarna arbetar vi för att förebygga brott. Målet är "
        "ett rättvist samhälle där alla konkurrerar på samma villkor, säger Björn Wilhelmsson.\n"
    )
    assert find_goals(doc, span) == []


def test_a_stated_aim_opening_a_lead_in_paragraph_is_a_goal() -> None:
    # 'Målsättningen är att unga ska få större kunskap … . Polisen och kommunen lovar att:'
    # was one lead-in, and a lead-in's sentences were never read for goals.
    doc, span = parse(
        "Medborgarlöfte 2024\n\nMålsättningen är att unga ska få större kunskap om droger och "
        "att det ska bli svårare att få tag på droger. Polisen och kommunen lovar att:\n\n"
        " • Polisen ska arbeta förebyggande mot narkotika.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == [
        "Målsättningen är att unga ska få större kunskap om droger",
        "det ska bli svårare att få tag på droger.",
    ]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # a party as subject does something: an activity
        ("Polisen ska öka synligheten i kommunen med fotpatruller och trafikkontroller.", False),
        # working towards an outcome names the outcome: a goal
        ("Polisen och kommunen ska verka för färre skadegörelsebrott i centrum.", True),
        ("Bostadsinbrotten ska minska.", True),
    ],
)
def test_a_party_raising_what_it_does_is_no_goal(text, goal) -> None:
    # 'Polisen ska öka synlighet i kommunen …' was read as an outcome ('ska öka').
    assert is_goal_sentence(text) is goal


_PROMISE_2022 = "Kommunen och polisen är överens om medborgarlöften för 2022. "


@pytest.mark.parametrize(
    ("paragraph", "goals"),
    [
        # the purpose of this promise, presented with its year: two goals
        (
            _PROMISE_2022 + "Syftet är att antalet brott ska minska och att tryggheten ska öka.",
            ["Syftet är att antalet brott ska minska", "tryggheten ska öka."],
        ),
        # the purpose of one activity, with no year for the promise: no goal
        (
            "Vi lovar att genomföra trygghetsvandringar varje år. Avsikten är att tryggheten "
            "ska öka.",
            [],
        ),
        # a deed done so that something changes: its purpose names no outcome of its own
        (
            _PROMISE_2022 + "Avsikten är att hitta platser som känns otrygga för att "
            "närmiljön ska bli tryggare.",
            [],
        ),
        # the parties as subject say what they do
        (_PROMISE_2022 + "Tanken är att polis och kommun tillsammans ska öka tryggheten.", []),
    ],
)
def test_the_purpose_of_a_promise_presented_with_its_year_is_its_goal(paragraph, goals) -> None:
    doc, span = parse(f"Medborgarlöfte\n\n{paragraph}\n")
    assert [g.text for g in find_goals(doc, span)] == goals


def test_an_aim_that_counts_a_deed_is_no_goal() -> None:
    # 'Målsättningen är att genomföra minst tre dialogtillfällen' was read as a goal on its
    # opener: a count of what the parties do is a target, not an outcome.
    doc, span = parse(
        "Medborgarlöfte 2022\n\nMålsättningen är att genomföra minst tre dialogtillfällen.\n\n"
        "Målet är att tryggheten ska öka.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == ["Målet är att tryggheten ska öka."]


def test_an_outcome_opening_in_the_perfect_reports_a_result_not_a_goal() -> None:
    # 'Fler poliser har fotpatrullerat runt stationsområdena.' opens like 'Fler …' goals but
    # says what was done.
    doc, span = parse(
        "Medborgarlöfte Lerum\n\nNu har löftet följts upp.\n\n"
        "Fler poliser har fotpatrullerat runt stationsområdena.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == []


@pytest.mark.parametrize(
    "line", ["– {aim}, säger Anna Berg.", " - {aim} Det gläder oss, säger Anna."]
)
def test_a_speaker_stating_the_aim_states_a_goal(line: str) -> None:
    # '– Målet med insatsen är att boende … ska känna sig tryggare, säger Anders Enqvist': every
    # quote was dropped, so the one naming the promise's aim was lost; other quotes stay out.
    aim = "Målet med insatsen är att boende i centrum ska känna sig tryggare"
    doc, span = parse(
        "Nya medborgarlöften i Berga\n\nPolisen och kommunen skrev under löftena i dag.\n\n"
        + line.format(aim=aim + ("." if "gläder" in line else ""))
        + "\n\n– Vi vill att fler ska känna sig trygga, säger Anna Berg.\n"
    )
    assert [g.text.rstrip(".") for g in find_goals(doc, span)] == [aim]


def test_an_aim_naming_a_deed_is_no_goal() -> None:
    # 'Målet är att stödja den grannsamverkan som redan finns' and 'Ambitionen är att vi ska
    # utgå från en gemensam lägesbild' name what the parties do; both were read as goals.
    doc, span = parse(
        "Medborgarlöfte 2022\n\nMålet är att stödja den grannsamverkan som redan finns.\n\n"
        "Ambitionen är att vi ska utgå från en gemensam lägesbild.\n\n"
        "Målet är att minska antalet inbrott i centrum.\n"
    )
    assert [g.text for g in find_goals(doc, span)] == [
        "Målet är att minska antalet inbrott i centrum."
    ]


def test_goals_said_to_be_among_the_aims_are_goals() -> None:
    # 'Till de övergripande målen under perioden hör exempelvis att …' under a promise list
    # states goals; it was read as a commitment, as only 'är att' opened a stated aim.
    doc, span = parse(
        "Nytt samverkansavtal i Berga\n\nFokusområden för samverkan kommer att vara "
        "följande:\n\n1. Bostadsinbrott\n\n2. Trafikmiljön\n\nTill de övergripande målen "
        "under perioden hör exempelvis att antalet bostadsinbrott ska pressas ned under 100 "
        "inbrott per år, att färre personer ska känna sig otrygga och att inbrotten på skolorna "
        "ska bli färre.\n"
    )
    assert [g.text for g in find_goals(doc, span)][-1] == "inbrotten på skolorna ska bli färre."
    assert [c.text for c in find_commitments(doc, span)] == ["Bostadsinbrott", "Trafikmiljön"]


def test_a_goal_opener_naming_the_promise_and_its_year_is_a_stated_aim() -> None:
    # 'Målet med ett gemensamt medborgarlöfte för 2018 är att tryggheten ska bli större och
    # brottsligheten mindre …': six words between 'Målet' and 'är att' hid the opener.
    doc, span = parse(
        "Polisen och Berga samverkar\n\nBakgrund\n\nPolisen och kommunen arbetar tillsammans. "
        "Målet med ett gemensamt medborgarlöfte för 2018 är att tryggheten ska bli större och "
        "brottsligheten mindre i de offentliga miljöerna.\n"
    )
    assert [g.text for g in find_goals(doc, span)][0].startswith("Målet med ett gemensamt")
