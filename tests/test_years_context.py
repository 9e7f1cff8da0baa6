"""The years of a promise read from what the page says around them (extract/years)."""

from __future__ import annotations

import pytest
from metadata_helpers import doc_and_span

from lofte_extract.extract.metadata import find_period


def _years(text: str) -> list[int]:
    doc, span = doc_and_span(text)
    return find_period(doc, span, None)[1]


def test_a_promise_still_being_drawn_up_is_not_the_one_shown() -> None:
    # 'Medborgarlöfte 2023' / 'Ett medborgarlöfte för 2023 håller på att tas fram. Nedan kan
    # du läsa vårt tidigare medborgarlöfte.': the record took 2023 for the 2021 promise below.
    text = (
        "Medborgarlöfte 2023\n\nEtt medborgarlöfte för 2023 håller på att tas fram. Nedan kan "
        "du läsa vårt tidigare medborgarlöfte.\n\nUnder 2021 ska polisen och Tibro kommun lägga "
        "särskilt fokus på ungdomar i riskzon.\n\nAktiviteter under 2021\n\n  • Polisen ska "
        "genomföra fyra trafikinsatser.\n"
    )
    assert _years(text) == [2021]
    # with no earlier promise on the page, the one in the making is all there is
    assert _years(text.split("\n\nUnder 2021")[0]) == [2023]


def test_last_years_promise_extended_on_a_dated_page_covers_both_years() -> None:
    # 'låta förra årets medborgarlöfte gälla till och med den 30 juni 2021' in an article of
    # 29 January 2021: the record had 2021 only ('årets' inside 'förra årets' counted as now).
    text = (
        "Fortsatt fokus på trygghet\n\n29 januari, 2021\n\nPolisen och kommunen har beslutat "
        "att låta förra årets medborgarlöfte gälla till och med den 30 juni 2021.\n"
    )
    assert _years(text) == [2020, 2021]


def test_a_year_compared_with_is_not_the_promises() -> None:
    # 'exakt samma utfall som under motsvarande period 2019' outweighed 'under 2020' on a
    # follow-up of the 2020 promise.
    text = (
        "Medborgarlöftets effekter efter ett halvår\n\nHittills i år har polisen fått in 120 "
        "anmälningar, samma utfall som under motsvarande period 2019.\n\nPolisen har under "
        "2020 haft Frölunda i fokus, säger samordnaren.\n"
    )
    assert _years(text) == [2020]


def test_a_promise_range_holding_the_headings_year_extends_it() -> None:
    # 'Medborgarlöfte Vivalla 2017' over 'Insatserna inom Medborgarlöftet genomförs mellan
    # december 2016 – december 2017': the record had 2017 only.
    text = (
        "Medborgarlöfte Vivalla 2017\n\nInsatserna inom Medborgarlöftet i Örebro genomförs "
        "mellan december 2016 – december 2017.\n\n  • Polisen ska patrullera i området.\n"
    )
    assert _years(text) == [2016, 2017]


def test_a_validity_told_as_a_length_from_a_start_covers_every_year() -> None:
    # 'löftet gäller i 3 månader fr.o.m 1/12 -2020' runs into 2021; the record had 2020 only.
    text = (
        "Medborgarlöfte Surahammar\n\nParterna är eniga; löftet gäller i 3 månader fr.o.m "
        "1/12 -2020.\n\n  • Polisen ska patrullera i centrum.\n"
    )
    assert _years(text) == [2020, 2021]
    four = "Överenskommelsen\n\nAvtalet gäller i fyra år med start 1/1 2019 och ska följas upp.\n"
    assert _years(four) == [2019, 2020, 2021, 2022]


def test_a_school_term_with_its_year_is_a_time_span() -> None:
    # 'Under höstterminen 2019 lovar polisen och kommunen …' gave no year; the work ran on to
    # 'oktober månad 2020', so the record had 2020 only.
    text = (
        "Medborgarlöfte\n\nUnder höstterminen 2019 lovar polisen och kommunen att genomföra "
        "följande åtgärder.\n\n  • Polisen ska besöka skolorna.\n\nArbetet har dragit ut på "
        "tiden och kommer att slutföras under oktober månad 2020.\n"
    )
    assert _years(text) == [2019, 2020]


def test_the_year_of_the_agreement_a_new_one_builds_on_is_not_its_own() -> None:
    # 'Det nya samarbetsavtalet bygger vidare på avtalet från 2009': the record took 2009, the
    # year of the earlier agreement, for an undated page about the new one.
    text = (
        "Överenskommelse ska minska brottsligheten i Berga\n\nMed en ny överenskommelse mellan "
        "kommunen och polisen ska brotten bli färre. Det nya samarbetsavtalet bygger vidare på "
        "avtalet från 2009 och inriktas på fyra problemområden.\n"
    )
    assert _years(text) == []
    # a promise that replaces an earlier one names that one's year in the same way
    assert _years(text.replace("bygger vidare på", "ersätter")) == []


def test_an_agreement_let_run_on_to_a_date_covers_that_year() -> None:
    # 'låter sin samverkansöverenskommelse … löpa vidare till den 31 december 2021' gave no
    # year: 'löper' was a validity cue, its infinitive was not.
    text = (
        "Berga förlänger samverkan med polisen\n\nBerga kommun låter sin "
        "samverkansöverenskommelse med polisen löpa vidare till den 31 december 2021.\n"
    )
    assert _years(text) == [2021]


def test_a_promise_given_in_an_earlier_year_is_past() -> None:
    # 'det löfte … som gavs 2017 för bostadsområdet Gärdeåsen … är uppfyllt' outweighed 'under
    # 2018' in the new promise: 'gavs' was not read as the past tense.
    text = (
        "Trafik och trygghet i nya löftet\n\nKommunen ska sätta upp hastighetsskyltar vid "
        "minst två tillfällen under 2018.\n\nKommunen och polisen slår också fast att det "
        "löfte om trygghetsskapande åtgärder som gavs 2017 för Gärdeåsen är uppfyllt.\n"
    )
    assert _years(text) == [2018]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'under perioden första juni 2021 till och med sista augusti 2021' had no period:
        # only day numbers were read as days.
        (
            "Medborgarlöfte Västra hamnen\n\nLöftet gäller under perioden första juni 2021 "
            "till och med sista augusti 2021.\n",
            ("2021-06-01", "2021-08-31", [2021]),
        ),
        # 'Tryggare utemiljö' / '1 februari 2022 - 30 september 2023': no validity word stood
        # in the line, so the period went unread.
        (
            "Göteborg, Västra Göteborg – medborgarlöften\n\nTryggare utemiljö\n\n"
            "1 februari 2022 - 30 september 2023\n\nVårt medborgarlöfte 2022-2023\n\n"
            "Polisen ska synas på utsatta platser.\n",
            ("2022-02-01", "2023-09-30", [2022, 2023]),
        ),
    ],
)
def test_a_period_is_read_to_the_day(text: str, expected: tuple) -> None:
    doc, span = doc_and_span(text)
    period, years, _ = find_period(doc, span, None)
    assert (period.start, period.end, years) == expected


def test_a_validity_told_of_the_promise_and_its_agreement_dates_the_promise() -> None:
    # 'ett nytt medborgarlöfte och en samverkansöverenskommelse som gäller fram till 2025'
    # (h1): the agreement beside the promise made the validity 'negative context', so the
    # promise starting 2023 got [2023] alone.
    text = (
        "Nytt medborgarlöfte för ett tryggare Berga\n\nBerga kommun och Polisen har skrivit "
        "under ett nytt medborgarlöfte och en samverkansöverenskommelse som gäller fram till "
        "2025.\n\nI slutet av 2022 undertecknades ett nytt medborgarlöfte som träder i kraft vid "
        "årsskiftet 2023.\n"
    )
    assert _years(text) == [2023, 2024, 2025]
    # the agreement alone named: its validity is not the promise's
    alone = text.replace(
        "ett nytt medborgarlöfte och en samverkansöverenskommelse",
        "en ny samverkansöverenskommelse",
    )
    assert _years(alone) == [2023]
