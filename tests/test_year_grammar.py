"""Validity statements written for the purpose (not taken from any page), read by the period
grammar and the year scores: each names the years its promise covers.

'Medborgarlöftet för 2024 har tagits fram utifrån medborgardialoger under 2023' read as 2023
and 2024: the perfect after '2024' marked it past, though the year names the promise.
"""

from __future__ import annotations

import hashlib

import pytest

from lofte_extract.extract import extract_records
from lofte_extract.extract.dates import article_date
from lofte_extract.parse import parse_text
from lofte_extract.records import Source

PAGE = (
    "Medborgarlöfte för Ale kommun\n\n{validity}\n\nPolisen och Ale kommun lovar:\n\n"
    "• Minst fyra trafikkontroller per år.\n• Två trygghetsvandringar.\n"
)


def _years(text: str) -> list[list[int]]:
    data = text.encode("utf-8")
    source = Source(path="x.txt", sha256=hashlib.sha256(data).hexdigest(), format="txt")
    return [record.years for record in extract_records(parse_text(data), source)]


@pytest.mark.parametrize(
    ("validity", "years"),
    [
        ("Löftet gäller under 2021.", [2021]),
        ("Löftet gäller för perioden 1 juli 2020 – 30 juni 2021.", [2020, 2021]),
        ("Löftet gäller 2020/2021.", [2020, 2021]),
        ("Löftet gäller fr.o.m. 2021 t.o.m. 2023.", [2021, 2022, 2023]),
        ("Medborgarlöftena gäller för 2022-23.", [2022, 2023]),
        ("Löftet gäller under läsåret 2020/21.", [2020, 2021]),
        ("Löftet gäller under tiden 20190601-20211231.", [2019, 2020, 2021]),
        ("Under tiden februari 2019 till januari 2020 lovar vi följande.", [2019, 2020]),
        (
            "Löftena gäller till och med 31 december 2022 och började gälla 1 januari 2021.",
            [2021, 2022],
        ),
        ("Arbetet har pågått sedan 2015. Det nya löftet gäller 2022.", [2022]),
        ("Perioden är 2021-01-01 – 2022-12-31.", [2021, 2022]),
        ("Löftet löper 1/1 2021 – 31/12 2021.", [2021]),
        ("Löftet gäller mellan 2021 och 2023.", [2021, 2022, 2023]),
        ("Medborgarlöftet för 2024 har tagits fram utifrån medborgardialoger under 2023.", [2024]),
        ("Medborgarlöftena för 2019 har nu undertecknats.", [2019]),
    ],
)
def test_validity_statement(validity, years):
    assert _years(PAGE.format(validity=validity)) == [years]


def test_another_years_promise_extended_is_not_this_ones():
    # 'gäller 2017 års medborgarlöfte även för 2018-2019' dates the earlier promise
    text = (
        "Medborgarlöften för 2020-2022 har tecknats av polisen och Ale kommun.\n\n"
        "Medborgarlöfte i Ale kommun 2020-2022\n\n• Minst fyra trafikkontroller per år.\n\n"
        "Problembilden är densamma som tidigare. Av det skälet gäller 2017 års medborgarlöfte "
        "även för 2018-2019.\n"
    )
    assert _years(text) == [[2020, 2021, 2022]]


def test_period_heading_with_a_short_second_year():
    # 'Medborgarlöfte 2023-25' read as 2023 alone: period headings had a year grammar of
    # their own, which knew no short second year; they read the period grammar's spans now
    text = (
        "Medborgarlöfte 2023-25\n\nUnder åren 2023-25 kommer polisen och Ale kommun att "
        "koncentrera sig på fem områden.\n\n• Minst fyra trafikkontroller per år.\n"
    )
    assert _years(text) == [[2023, 2024, 2025]]


def test_a_lead_opening_with_a_date_in_words_dates_the_article():
    # '8 september 2020 Polisen och kommunen …' dates the item as '2020-09-08 Polisen …' does
    body = "Rubrik\n\nIngress.\n\nMer text.\n\nÄnnu mer.\n\n{date} Polisen och kommunen arbetar."
    for date in ("2020-09-08", "8 september 2020"):
        found = article_date(body.format(date=date))
        assert found is not None and found[0].isoformat() == "2020-09-08"
