"""Promise content on realistic pages: commitments, actors, categories, goals, follow-up."""

from __future__ import annotations

from lofte_extract.extract.content import find_commitments, find_follow_up, find_goals
from lofte_extract.extract.segment import DocumentSpan
from lofte_extract.parse import ParsedDocument, parse_text

HOOR = """Höör – medborgarlöften

Situationen idag

Genom den årliga trygghetsmätningen har det blivit tydligt att många upplever buskörning och \
höga hastigheter som ett stort problem. Polisen ska alltid arbeta mot det.

Höörs kommun och Polisen lämnar följande löften till Höörs invånare för 2019

  • Polisen ska verka för en tryggare trafiksituation genom övervakning, kontroller samt \
översyn/identifiering av olycksdrabbade vägavsnitt/korsningar. Minst tolv trafikinsatser med \
fokus på hastigheter, buskörningar, beteende och alkohol/droganvändning varav fyra i anslutning \
till skolområden vid utsatta tider.
  • Polisen ska i samverkan med kommunen genomföra minst två trygghetsdialoger med olika \
målgrupper.
  • Kommunen ska i samarbete med lokala fastighetsägare arbeta för att ta bort klotter inom tre \
dagar. Polisen ska meddela kommunen vid klotteranmälningar för att bistå att målen nås.
  • Kommunen och polisen ska genomföra minst tre gemensamma tillsynsbesök, där även övriga \
myndigheter, till exempel skatteverket och räddningstjänsten bör delta.

Uppföljning

Medborgarlöften ska följas upp gemensamt i en skriftlig rapport av polis och kommun senast \
2020-01-31.
"""

KAVLINGE = """Polisens och Kävlinge kommuns löften för ett tryggare samhälle

Det här ska vi göra

Polisen och Kävlinge kommun kommer under 2021 att genomföra följande aktiviteter:

  • Minst två nya informationstillfällen om grannsamverkan ska anordnas. Även redan befintliga \
grupper ska erbjudas information.
  • Synlighet och närvaro på strategiska platser och tider.
  • Minst två besök per månad på kommunens fritidsgårdar och skolor för samtal med ungdomar.

Det här ska vi uppnå

  • Den upplevda tryggheten ska öka i kommande trygghetsmätningar.
  • Bostadsinbrotten ska fortsätta att minska.

Följ hur det går

Medborgarlöftena kommer att följas upp halvårsvis, och redovisas på kommunens webbplats.
"""

MJOLBY = """Medborgarlöften i Mjölby kommun 2018-2019

Flest skadegörelsebrott begås på Järnvägsgatan. Området uppfattas som otryggt.

Polismyndigheten och Mjölby kommun lovar att:

  • Polisen ska bli mer synlig i området
  • Genomföra trygghetsvandringar där kommun, polis och andra berörda är representerade
  • Faktorer som upplevs skapa otrygghet ska gås igenom och vid behov åtgärdas av kommunen

Uppföljning och redovisning av resultatet sker två gånger under 2019
"""


def parse(text: str) -> tuple[ParsedDocument, DocumentSpan]:
    doc = parse_text(text.encode("utf-8"))
    return doc, DocumentSpan(0, len(doc.text))


def test_list_items_under_promise_lead_in_are_commitments() -> None:
    doc, span = parse(HOOR)
    commitments = find_commitments(doc, span)
    assert len(commitments) == 4
    assert commitments[0].text.startswith("Polisen ska verka för en tryggare trafiksituation")
    assert commitments[0].text.endswith("vid utsatta tider.")  # the whole item, two sentences


def test_background_sentences_are_not_commitments() -> None:
    doc, span = parse(HOOR)
    texts = [c.text for c in find_commitments(doc, span)]
    assert not any("alltid arbeta mot det" in text for text in texts)


def test_evidence_points_at_the_commitment() -> None:
    doc, span = parse(HOOR)
    for commitment in find_commitments(doc, span):
        quoted = " ".join(doc.text[commitment.evidence.start : commitment.evidence.end].split())
        assert quoted == commitment.text
        for target in commitment.targets:
            assert commitment.evidence.start <= target.evidence.start
            assert target.evidence.end <= commitment.evidence.end


def test_actors_from_subject_partners_and_second_sentence() -> None:
    doc, span = parse(HOOR)
    actors = [c.actors for c in find_commitments(doc, span)]
    assert actors[0] == ["polisen"]
    assert actors[1] == ["polisen", "kommun"]
    assert actors[2] == ["kommun", "polisen"]
    assert set(actors[3]) == {"kommun", "polisen"}


def test_lead_in_gives_actors_to_items_without_subject() -> None:
    doc, span = parse(KAVLINGE)
    commitments = find_commitments(doc, span)
    assert [c.actors for c in commitments] == [["polisen", "kommun"]] * 3


def test_categories_match_compounds_by_parts() -> None:
    doc, span = parse(HOOR)
    categories = [c.categories for c in find_commitments(doc, span)]
    assert "trafik" in categories[0] and "skola" in categories[0]
    assert categories[1] == ["medborgardialog"]
    assert categories[2] == ["klotter"]
    assert categories[3] == ["tillsyn"]


def test_strength_soft_for_verka_for() -> None:
    doc, span = parse(HOOR)
    strengths = [c.strength for c in find_commitments(doc, span)]
    assert strengths[0] == "soft"
    assert strengths[1] == "firm"
    # 'bör delta' in a later sentence does not soften 'ska genomföra minst tre'.
    assert strengths[3] == "firm"


def test_targets_inside_commitments() -> None:
    doc, span = parse(HOOR)
    targets = [[(t.value, t.period) for t in c.targets] for c in find_commitments(doc, span)]
    assert targets == [[(12, None), (4, None)], [(2, None)], [(3, "deadline")], [(3, None)]]


def test_goal_section_items_are_goals_with_direction() -> None:
    doc, span = parse(KAVLINGE)
    goals = find_goals(doc, span)
    assert [(g.text, g.direction) for g in goals] == [
        ("Den upplevda tryggheten ska öka i kommande trygghetsmätningar.", "increase"),
        ("Bostadsinbrotten ska fortsätta att minska.", "decrease"),
    ]
    assert not any("tryggheten ska öka" in c.text for c in find_commitments(doc, span))


def test_follow_up_frequency_and_deadline() -> None:
    doc, span = parse(KAVLINGE)
    follow_up = find_follow_up(doc, span)
    assert follow_up is not None and follow_up.frequency == "halvårsvis"
    doc, span = parse(HOOR)
    follow_up = find_follow_up(doc, span)
    assert follow_up is not None and follow_up.deadline == "2020-01-31"
    doc, span = parse(MJOLBY)
    follow_up = find_follow_up(doc, span)
    assert follow_up is not None and follow_up.frequency == "halvårsvis"
    assert follow_up.deadline is None


def test_follow_up_deadline_phrases() -> None:
    from lofte_extract.extract.follow_up import follow_up_deadline, follow_up_frequency

    assert follow_up_deadline(
        "En sammanfattning kommer att presenteras innan utgången av 2017."
    ) == ("2017-12-31")
    assert (
        follow_up_deadline("En utvärdering ska göras innan årsskiftet 2016/2017.") == "2016-12-31"
    )
    assert follow_up_frequency("Resultatet följs upp fyra gånger per år.")[0] == "kvartalsvis"
    assert follow_up_frequency("Uppföljning sker 2 gånger/år")[0] == "halvårsvis"


def test_no_follow_up_when_text_gives_no_plan() -> None:
    doc, span = parse("Följ med hur det går:\n\nFölj arbetet på polisens facebook-sida.\n")
    assert find_follow_up(doc, span) is None


def test_items_without_bullets_under_lovar_att() -> None:
    # Copied pages lose their bullets; the lines after 'lovar att:' are still the items.
    doc, span = parse(MJOLBY.replace("  • ", " "))
    commitments = find_commitments(doc, span)
    assert [c.text for c in commitments] == [
        "Polisen ska bli mer synlig i området",
        "Genomföra trygghetsvandringar där kommun, polis och andra berörda är representerade",
        "Faktorer som upplevs skapa otrygghet ska gås igenom och vid behov åtgärdas av kommunen",
    ]
    assert set(commitments[1].actors) == {"polisen", "kommun", "annan"}
    assert commitments[2].actors == ["kommun"]


def test_article_sentences_with_promise_verbs() -> None:
    text = (
        "Nytt medborgarlöfte i Ängelholm\n\n"
        "Polisen och kommunen har nu undertecknat medborgarlöftet för 2019.\n\n"
        "– Samarbetet med polisen är föredömligt, säger Robin Holmberg.\n\n"
        "Polisen och kommunen ska göra minst tre gemensamma kontroller av serveringsställen "
        "samt minst tre gemensamma kontroller av tobaksförsäljningsställen.\n"
    )
    doc, span = parse(text)
    commitments = find_commitments(doc, span)
    assert len(commitments) == 1
    assert [(t.value, t.qualifier) for t in commitments[0].targets] == [(3, "minst"), (3, "minst")]
