"""Document-level fields: kommun register, kommuner, police area, years, type.

The signing date and the signers are in test_extract_signatories.py.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from metadata_helpers import doc_and_span as _doc

from lofte_extract.extract.meta_vocab import DATA_DIR
from lofte_extract.extract.metadata import (
    classify_doc_type,
    find_kommuner,
    find_lokalpolisomrade,
    find_period,
    find_signed_date,
    is_about_promises,
)
from lofte_extract.extract.segment import split_documents
from lofte_extract.parse import parse_text

# --- the kommun register -------------------------------------------------------------------


def _register() -> list[list[str]]:
    with (DATA_DIR / "kommuner.tsv").open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if not row[0].startswith("#")]


def test_register_has_290_unique_kommuner_with_four_digit_codes():
    rows = _register()
    names, codes = [r[0] for r in rows], [r[1] for r in rows]
    assert len(rows) == 290
    assert len(set(names)) == 290 and len(set(codes)) == 290
    assert all(len(code) == 4 and code.isdigit() for code in codes)


def test_register_lan_prefixes_are_consistent():
    prefix_of: dict[str, set[str]] = {}
    for _name, code, lan, *_ in _register():
        prefix_of.setdefault(lan, set()).add(code[:2])
    assert len(prefix_of) == 21
    assert all(len(prefixes) == 1 for prefixes in prefix_of.values()), prefix_of
    assert len({next(iter(p)) for p in prefix_of.values()}) == 21


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Upplands Väsby", "0114"),
        ("Stockholm", "0180"),
        ("Eslöv", "1285"),
        ("Höör", "1267"),
        ("Kävlinge", "1261"),
        ("Svalöv", "1214"),
        ("Falun", "2080"),
        ("Malung-Sälen", "2023"),
        ("Gotland", "0980"),
        ("Kiruna", "2584"),
        ("Ängelholm", "1292"),
    ],
)
def test_register_codes(name, code):
    assert {r[0]: r[1] for r in _register()}[name] == code


# --- kommuner ----------------------------------------------------------------------------


def _kommuner(text: str, url: str | None = None) -> list[str]:
    doc, span = _doc(text)
    return [k.name for k in find_kommuner(doc, span, url)]


def test_kommun_in_genitive_with_evidence_on_the_name():
    doc, span = _doc("Höör – medborgarlöften\n\nHöörs kommun och Polisen lämnar följande löften.")
    [kommun] = find_kommuner(doc, span, None)
    assert (kommun.name, kommun.code) == ("Höör", "1267")
    assert doc.text[kommun.evidence.start : kommun.evidence.end] in {"Höör", "Höörs"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malung-Sälens kommun och polisen lovar att synas mer i Sälen.", "Malung-Sälen"),
        ("Polisen och Upplands Väsby kommun har tagit fram ett löfte.", "Upplands Väsby"),
        ("MEDBORGARLÖFTE 2021\nFÖR BJUVS KOMMUN", "Bjuv"),
        ("Falu kommun och polisen lovar att arbeta mot narkotika.", "Falun"),
        ("Eslövs kommun och Polisen lovar.", "Eslöv"),
    ],
)
def test_kommun_forms(text, expected):
    assert _kommuner(text) == [expected]


def test_incidental_places_do_not_win():
    text = (
        "Polisens och Kävlinge kommuns löften för ett tryggare samhälle\n\n"
        "Polisen och Kävlinge kommun kommer under 2021 att genomföra följande aktiviteter:\n\n"
        "• Närvaro vid Sillamarknaden i Barsebäck och Vårmarknaden i Kävlinge.\n"
        "• Samverkan med Region Skåne och kollegor i Lund och Lomma.\n\n"
        "Läs mer på Polisen Söderåsen."
    )
    assert _kommuner(text) == ["Kävlinge"]


def test_police_area_named_after_another_town_is_not_the_kommun():
    text = (
        "Medborgarlöfte 2020\n\nSvedala kommun och lokalpolisområde Trelleborg åtar sig "
        "åtgärder. Lokalpolisområde Trelleborg och Svedala kommun lovar att synas mer. "
        "Chef lokalpolisområde Trelleborg skriver under."
    )
    assert _kommuner(text) == ["Svedala"]


def test_kommun_names_that_are_ordinary_words_need_context():
    text = (
        "Karlshamn – medborgarlöften\n\nKarlshamns kommun och polisen lovar:\n\n"
        "• Vara tillgängliga minst 100 kvällar.\n• Mark och vägar ska röjas. Nora skrev."
    )
    assert _kommuner(text) == ["Karlshamn"]
    assert _kommuner("Kil – medborgarlöften\n\nLPO Karlstad gör detta med Kils kommun.") == ["Kil"]
    assert _kommuner("Vara – medborgarlöften\n\nPolisen och kommunen lovar att synas mer.") == [
        "Vara"
    ]


def test_three_kommuner_signing_one_promise_are_all_kept():
    text = (
        "Medborgarlöfte 2024 för Hagfors, Munkfors och Filipstad\n\nLokalpolisområde Norra "
        "Värmland tillsammans med Hagfors kommun, Munkfors kommun och Filipstads kommun.\n\n"
        "• Tre informationsträffar i varje kommun: Hagfors, Munkfors och Filipstad."
    )
    assert sorted(_kommuner(text)) == ["Filipstad", "Hagfors", "Munkfors"]


def test_neighbours_mentioned_once_are_left_out():
    text = (
        "Nya medborgarlöften tillsammans med polisen\n\nUmeå kommun och Polismyndigheten har "
        "tecknat nya medborgarlöften för 2023 och 2024. Förra veckan undertecknade företrädare "
        "för Umeå, Bjurholm, Nordmaling, Robertsfors, Vindeln och Vännäs kommun löften för var "
        "och en av sina kommuner. Umeå kommun och polisen ska arbeta för motorburna unga i Umeå."
    )
    assert _kommuner(text) == ["Umeå"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://polisen.se/om-polisen/medborgarloften/eslov/", "Eslöv"),
        (
            "https://polisen.se/om-polisen/medborgarloften-och-lokal-samverkan/medborgarloften/"
            "upplands-vasby/",
            "Upplands Väsby",
        ),
        (
            "https://www.engelholm.se/nyhetsarkiv/2019-06-20-har-ar-medborgarloftet-2019.html",
            "Ängelholm",
        ),
        ("https://www.svalov.se/arkiv/nyheter-2019/medborgarlofte-2019.html", "Svalöv"),
        ("http://127.0.0.1:8000/om-polisen/medborgarloften/malung-salen/", "Malung-Sälen"),
        # a stadsdel's page, its kommun leading the slug: the record had no kommun
        ("https://polisen.se/om-polisen/medborgarloften/stockholm-skarpnack/", "Stockholm"),
        ("https://polisen.se/om-polisen/medborgarloften/goteborg-majorna-linne/x/", "Göteborg"),
        # a page titled 'Våra medborgarlöften 2018' under a kommun's own 'medborgarloften'
        # folder: 'vara' was read as Vara kommun
        (
            "https://www.kalix.se/Aktuellt/Omsorg-och-raddning/medborgarloften/"
            "vara-medborgarloften-2018/",
            "Kalix",
        ),
        # h36 6701: a news site's section named after the kommun; the page said 'i kommunen'
        ("https://pt.se/nyheter/arvidsjaur/artikel/kontroller-ska-stavja-problem/r1", "Arvidsjaur"),
    ],
)
def test_url_names_the_kommun_when_the_text_does_not(url, expected):
    assert _kommuner("Medborgarlöfte 2019\n\nPolisen och kommunen lovar att synas mer.", url) == [
        expected
    ]


def test_a_news_sections_kommun_gives_way_to_the_text_and_an_article_slug_names_none():
    url = "https://pt.se/nyheter/arvidsjaur/artikel/kontroller-i-arjeplog/"
    text = "Medborgarlöfte 2019\n\nPolisen och Piteå kommun lovar att synas mer."
    assert _kommuner(text, url) == ["Piteå"]
    # the last part of the path is the article's own slug, no section
    text = "Medborgarlöfte 2019\n\nPolisen lovar att synas mer."
    assert _kommuner(text, "https://example.se/nyheter/arjeplog/") == []


# --- lokalpolisområde ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lokalpolisområde Eslöv och kommunen lovar.", "Eslöv"),
        ("Niklas Årcén, chef lokalpolisområde Klippan, sätter sin signatur.", "Klippan"),
        ("LPO Karlstad gör detta i samarbete med Kils kommun.", "Karlstad"),
        ("Ulla\n\nLokalpolisområdeschef Hallsberg", "Hallsberg"),
        ("Mats Scherp, t.f. lokalpolisområdeschef Örebro/Lekeberg, skriver.", "Örebro/Lekeberg"),
        ("lokalpolisområde Storgöteborg Kungälv-Ale och Kungälvs kommun", "Kungälv-Ale"),
        ("Lokalpolisområde Norra Värmland tillsammans med Torsby kommun", "Norra Värmland"),
        ("säger Karim Ottosson, lokalpolisområdeschef i Ängelholm.", "Ängelholm"),
        ("lokal-polisområde Karlstad (fortsättningsvis LPO Karlstad)", "Karlstad"),
        ("Lokalpolisområde Malmö Norr och Malmö stad lovar.", "Malmö Norr"),
        ("säger lokalpolisområdeschef Hanna Sjögren.", None),
        ("Polisområde Skåne Nordväst leds från Helsingborg.", None),
        ("Medarbetare i lokalpolisområdet och kommunpolisen.", None),
    ],
)
def test_lokalpolisomrade(text, expected):
    doc, span = _doc("Medborgarlöfte\n\n" + text)
    name, evidence = find_lokalpolisomrade(doc, span)
    assert name == expected
    if expected:
        assert doc.text[evidence.start : evidence.end].startswith(expected.split("/")[0][:4])


# --- years and period ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years", "period"),
    [
        (
            "Höör – medborgarlöften\n\nGäller år 2019.\n\n"
            "Enligt trygghetsmätningen för 2018 är det tryggt.",
            [2019],
            None,
        ),
        ("Medborgarlöfte 2022-2023\n\nText.", [2022, 2023], None),
        ("Medborgarlöfte 2019/2020\n\nText.", [2019, 2020], None),
        (
            "Kommunen har en genomförandeplan för 2019 – 2023.\n\nMedborgarlöfte 2019 – 2023",
            [2019, 2020, 2021, 2022, 2023],
            None,
        ),
        (
            "Medborgarlöftet gäller 2018-07-01—2020-06-30.",
            [2018, 2019, 2020],
            ("2018-07-01", "2020-06-30"),
        ),
        (
            "Medborgarlöftet gäller 1 januari 2020 - 30 juni 2021.",
            [2020, 2021],
            ("2020-01-01", "2021-06-30"),
        ),
        (
            "Medborgarlöften som gäller under tiden den 1 juli 2017 till den 30 juni 2019",
            [2017, 2018, 2019],
            ("2017-07-01", "2019-06-30"),
        ),
        (
            "Motala kommun har beslutat att förlänga 2018 års löften till att gälla även 2019.",
            [2018, 2019],
            None,
        ),
        (
            "Artikeln publicerades 23 mars 2022\n\nFörnyat medborgarlöfte\n\nSamverkansöverens"
            "kommelse 2015-2018 finns. Medborgarlöfte 2022-2023 Pdf, 164.3 kB",
            [2022, 2023],
            None,
        ),
        ("Publicerad 2017-04-04\n\nOm polisens och kommunens medborgarlöfte 2017.", [2017], None),
        ("Under 2017 samlade poliser in synpunkter. Avtalet slöts 2015.", [], None),
        ("Medborgarlöftet gäller 31 juni 2019 - 2020-06-30 och har ingen mening.", [], None),
        (
            "Under 2021 ligger fokus på grannsamverkan. Resultatet av trygghetsmätning år 2020.",
            [2021],
            None,
        ),
    ],
)
def test_years_and_period(text, years, period):
    doc, span = _doc(text)
    got_period, got_years, evidence = find_period(doc, span, None)
    assert got_years == years
    assert ((got_period.start, got_period.end) if got_period else None) == period
    if years:
        assert evidence is not None and 0 <= evidence.start < evidence.end <= len(doc.text)
        quoted = doc.text[evidence.start : evidence.end]
        assert any(str(year) in quoted for year in years), quoted


def test_years_from_a_promise_url_only_as_a_last_resort():
    doc, span = _doc("Uppföljning\n\nVi har genomfört det vi lovade.")
    url = "https://polisen.se/om-polisen/medborgarloften/kungalv/uppfoljning-medborgarlofte-kungalv-2018-2019/"
    assert find_period(doc, span, url)[1] == [2018, 2019]
    news = "https://www.mvt.se/nyheter/motala/har-ska-polisen-synas-mer-2018-om4973807.aspx"
    assert find_period(doc, span, news)[1] == []


# --- doc type and is_about ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medborgarlöften i Eslöv 2017\n\nTvå trygghetsvandringar ska genomföras.", "lofte"),
        ("Uppföljning medborgarlöfte Kungälv 2018-2019\n\nLöftet är uppfyllt.", "uppfoljning"),
        (
            "Kvartalsrapport lokala medborgarlöften i Svedala kommun\n\nVi har gjort mycket.",
            "uppfoljning",
        ),
        ("Medborgarlöfte 2018-2019\n\nUppföljning 2018\n\nPolisen ska synas mer.", "lofte"),
        ("Artikeln publicerades 23 mars 2022\n\nFörnyat medborgarlöfte", "nyhet"),
        ("Medborgarlöftet\n\nDet är bra, säger Hanna Sjögren, lokalpolisområdeschef.", "nyhet"),
        ("Nytt medborgarlöfte i Borlänge\n\nEtt nytt medborgarlöfte har tagits fram.", "nyhet"),
        (
            "Samverkansöverenskommelse mellan Falköpings kommun och Polisen 2021–2024\n\nParterna "
            "ska årligen ta fram minst ett medborgarlöfte.",
            "overenskommelse",
        ),
    ],
)
def test_doc_type(text, expected):
    doc, span = _doc(text)
    assert classify_doc_type(doc, span) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medborgarlöften i Eslöv 2017", True),
        ("Här finns rnedborgarlöftet för 2018.", True),
        ("MEDBORGARÖFTEN 2019", True),
        ("Kommunens och polisens medborgalöfte i Ljusdal", True),
        ("Detaljplan för kvarteret Tornet i Skövde: samråd och granskning.", False),
    ],
)
def test_is_about_promises_tolerates_ocr_noise(text, expected):
    assert is_about_promises(parse_text(text.encode())) is expected


# --- the shared seeds and dev pages -------------------------------------------------------


def _gold_pairs(shared: Path):
    from lofte_extract.parse import parse_file

    sets = [
        (shared / "seeds", shared / "gold" / "seeds"),
        (shared / "dev" / "docs", shared / "dev" / "gold"),
    ]
    for docs, gold in sets:
        for path in sorted(docs.glob("*.txt")):
            gold_path = gold / (path.stem + ".json")
            # Pages 301-618 (dev2) are gated by the accuracy gate at their blind-first floors.
            if gold_path.is_file() and not path.stem.startswith(("3", "4", "5", "6")):
                yield parse_file(path), json.loads(gold_path.read_text())["documents"]


def test_fields_on_seeds_and_dev_match_gold(shared):
    fields = ("doc_type", "kommuner", "years", "lokalpolisomrade", "signed_date")
    right = dict.fromkeys(fields, 0)
    total = 0
    for doc, documents in _gold_pairs(shared):
        spans = split_documents(doc)
        assert len(spans) == len(documents)
        for span, gold in zip(spans, documents, strict=True):
            total += 1
            got = {
                "doc_type": classify_doc_type(doc, span),
                "kommuner": [k.name for k in find_kommuner(doc, span, None)],
                "years": find_period(doc, span, None)[1],
                "lokalpolisomrade": find_lokalpolisomrade(doc, span)[0],
                "signed_date": find_signed_date(doc, span)[0],
            }
            for field in fields:
                right[field] += got[field] == gold[field]
    assert total == 51
    assert all(right[field] / total >= 0.95 for field in fields), right


def test_a_news_lead_opening_with_its_date_below_the_site_menu_dates_the_page() -> None:
    # 'Förnyat medborgarlöfte september-november' / '2020-09-08 Polisen och kommunen …' below
    # eleven lines of contact details: the date was missed and the record got no year.
    menu = "".join(f"Kontaktrad {n}\n\n" for n in range(11))
    doc, span = _doc(
        f"{menu}Förnyat medborgarlöfte september-november\n\n2020-09-08 Polisen och kommunen "
        "arbetar tillsammans brottsförebyggande, bland annat genom ett medborgarlöfte.\n\n"
        "Inriktning\n\n • Utökning av trafikkontroller\n"
    )
    assert find_period(doc, span, None)[1] == [2020]


def test_last_periods_promise_told_in_the_past_does_not_join_this_periods_years() -> None:
    # 'Medborgarlöftet 2021–2022 gick ut på att …' beside 'under perioden 2023–2024' joined
    # the two periods: 'gick' was no past-tense marker.
    doc, span = _doc(
        "Medborgarlöfte Färgelanda\n\nMedborgarlöftet 2021–2022 gick ut på att polisen skulle "
        "bli mer synlig. Dessa områden kommer att ligga kvar i fokus under perioden "
        "2023–2024.\n\n • Polisen ska fotpatrullera i centrum.\n"
    )
    assert find_period(doc, span, None)[1] == [2023, 2024]


def test_a_year_followed_by_a_perfect_tense_reports_what_was_done() -> None:
    # 'Under 2016 har kommunen och polisen tagit fram en överenskommelse för 2017 och 2018'
    # gave the promise 2016, the year the work was done.
    doc, span = _doc(
        "Medborgarlöfte i Hässleholm\n\nUnder 2016 har kommunen och polisen tagit fram ett "
        "medborgarlöfte.\n\n • Polisen ska fotpatrullera i centrum.\n"
    )
    assert find_period(doc, span, None)[1] == []


def test_a_year_less_signing_date_takes_the_year_its_weekday_falls_in() -> None:
    # 'På måndagen den 6 juni undertecknade …' on a page for the 2023-2024 promise got
    # 2023-06-06, a Tuesday; 6 June was a Monday in 2022.
    doc, span = _doc(
        "Medborgarlöfte 2023-2024\n\nPå måndagen den 6 juni undertecknade lokalpolisområdeschef "
        "August Knutsson och kommunstyrelsens ordförande Maria Jakobsson nya medborgarlöften.\n"
    )
    assert find_signed_date(doc, span, [2023, 2024], None)[0] == "2022-06-06"
