"""Regressions in reading which clause a modal stands in (a condition's, a wish's, a
purpose's 'ska' promises nothing): one test per bug found on real pages."""

from __future__ import annotations

from content_helpers import records

from lofte_extract.extract.clauses import modal_only_subordinate


def test_a_modal_in_a_condition_or_an_indirect_question_promises_nothing() -> None:
    # 'Om det brottsförebyggande arbetet ska bli effektivt måste polis och kommun samverka.'
    # (h30) and 'De visar vilka områden polis och kommun ska prioritera …' (h20) were read
    # as promises: the rules saw a party and 'ska', not that the 'ska' was the condition's or
    # the question's. A modal after a clause with its own verb stays the main clause's.
    commitments, _, _ = records(
        "Medborgarlöfte för Berga 2024\n\n"
        "Om det brottsförebyggande arbetet ska bli effektivt måste polis och kommun samverka. "
        "Dialogerna visar vilka områden polis och kommun ska prioritera i arbetet. "
        "När dialogerna är klara ska polisen genomföra fyra trafikkontroller i centrum.\n"
    )
    assert [c.text[:25] for c in commitments] == ["När dialogerna är klara s"]


def test_a_modal_in_a_wish_or_a_belief_promises_nothing() -> None:
    # 'Arvika kommun och Polisen vill tillsammans att Arvika ska vara en plats som är trygg'
    # (h28) and 'Eva Strömblad hoppas att Flodaborna kommer att märka mer polisiär aktivitet'
    # (h29) were kept: the modal stood in what the parties wish or hope, not what they do.
    commitments, _, _ = records(
        "Medborgarlöfte för Berga 2024\n\n"
        "Berga kommun och Polisen vill tillsammans att Berga ska vara en trygg plats. "
        "Kommunpolisen hoppas att invånarna kommer att märka mer polisiär aktivitet. "
        "Kommunen tror att det behövs fler vuxna ute. Polisen ska genomföra fyra "
        "trafikkontroller.\n"
    )
    assert [c.text[:25] for c in commitments] == ["Polisen ska genomföra fyr"]


def test_a_modal_in_a_purpose_with_its_own_subject_promises_nothing() -> None:
    # 'Tillsammans med polisen arbetar Österåkers kommun proaktivt så att du som bor eller
    # arbetar i Österåker ska vara trygg' (h15) was kept: its only 'ska' is the purpose's.
    # A fronted purpose ending at its infinitive leaves the modal to the main clause ('För att
    # nå dit kommer vi … att starta …', h29), and so does a list of parties before 'att'.
    commitments, _, _ = records(
        "Medborgarlöfte för Berga 2024\n\n"
        "Tillsammans med polisen arbetar Berga kommun proaktivt så att du som bor här ska vara "
        "trygg. För att nå dit kommer vi, på initiativ av kommunen, att genomföra fyra "
        "trafikkontroller. För att människor ska känna sig tryggare kommer både Polisen och "
        "kommunen att arbeta med fotpatrullering i centrum.\n"
    )
    assert [c.text[:20] for c in commitments] == ["För att nå dit komme", "För att människor sk"]


def test_a_condition_with_its_own_verb_leaves_the_modal_to_the_promise() -> None:
    # The condition rule (h30, h21) must not drop a conditional promise: in 'Om klotter anmäls
    # ska kommunen sanera det' the condition ends at its verb and 'ska' is the main clause's.
    assert not modal_only_subordinate("Om klotter anmäls ska kommunen sanera det inom två dagar.")
    assert not modal_only_subordinate("Om en skola begär det ska polisen besöka den.")
    assert modal_only_subordinate("Om arbetet ska bli effektivt måste polis och kommun samverka.")


def test_a_condition_inside_the_sentence_holds_its_modal() -> None:
    # h35 6403: '… behöver fler poliser i yttre tjänst om den ska kunna vara lokalt förankrad'
    # made an opinion a commitment: only 'Om …' at the start was read as a condition
    assert modal_only_subordinate(
        "Han anser att polisen behöver fler poliser om den ska kunna vara lokalt förankrad."
    )
    # 'om' before a noun is a preposition: the modal is the main clause's
    assert not modal_only_subordinate("Information om droger ska ges till alla föräldrar.")
