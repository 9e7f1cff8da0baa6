"""split_documents: one span per promise document in a source, offsets into the whole text."""

from __future__ import annotations

import json

import pytest

from lofte_extract.extract.segment import split_documents
from lofte_extract.parse import parse_bytes, parse_text


def _spans(text: str):
    doc = parse_text(text.encode())
    return doc, split_documents(doc)


def test_two_promises_each_under_its_heading_give_two_spans():
    text = (
        "Medborgarlöften i Eslöv 2017\n\nTvå gemensamma trygghetsvandringar i Eslövs kommun "
        "och fyra riktade trafikinsatser under året.\n\n2017-02-15\n\n"
        "Medborgarlöften i Eslövs kommun 2016\n\nUtifrån lägesbilden har kommunen och polisen "
        "under 2015 tagit fram en samverkansöverenskommelse för 2015-2018. Två riktade "
        "trafikinsatser i centrala Eslöv.\n\n2016-04-07"
    )
    doc, spans = _spans(text)
    assert [s.heading for s in spans] == [
        "Medborgarlöften i Eslöv 2017",
        "Medborgarlöften i Eslövs kommun 2016",
    ]
    assert spans[0].start == 0 and spans[0].end == spans[1].start and spans[1].end == len(doc.text)
    assert "2017-02-15" in doc.text[spans[0].start : spans[0].end]
    assert doc.text[spans[1].start :].startswith("Medborgarlöften i Eslövs kommun 2016")


def test_intro_before_the_first_period_heading_belongs_to_the_first_span():
    text = (
        "Motala – medborgarlöften\n\nLokalpolisområde Motala och Motala kommun har beslutat att "
        "2018 års medborgarlöften ska gälla även under 2019.\n\n"
        "Medborgarlöften i Motala kommun 2018-2019\n\n• Polisen ska synas mer på platserna och "
        "vid tider som är viktiga för tryggheten.\n\nUppföljning 2018\n\n"
        "Medborgarlöfte 2016-2017\n\n• Polisen ska genomföra punktinsatser med "
        "hastighetskontroller, minst tre gånger under året."
    )
    doc, spans = _spans(text)
    assert len(spans) == 2
    assert spans[0].start == 0 and spans[0].heading == "Medborgarlöften i Motala kommun 2018-2019"
    assert "Uppföljning 2018" in doc.text[spans[0].start : spans[0].end]
    assert spans[1].heading == "Medborgarlöfte 2016-2017"


def test_a_single_promise_mentioning_an_old_year_is_not_split():
    text = (
        "Medborgarlöfte 2020\n\nMedborgarlöftet för 2020 bygger på trygghetsmätningen 2019 och "
        "samverkansöverenskommelsen 2015-2018.\n\nSamverkansöverenskommelse Svedala 2019-2022\n\n"
        "• Polisen och kommunen arbetar vidare med grannsamverkan under år 2020."
    )
    _, spans = _spans(text)
    assert len(spans) == 1


def test_the_same_period_named_twice_stays_one_span():
    text = (
        "Medborgarlöften för 2022-2023: Samverkan för att förebygga brott\n\nKommunen och "
        "polisen har skrivit under löftena.\n\nMedborgalöften för 2022 och 2023\n\n"
        "• Kommunen och Polisen ska ordna dialogmöten om trygghet varje termin."
    )
    _, spans = _spans(text)
    assert len(spans) == 1


def test_a_truncated_last_heading_with_nothing_under_it_is_no_document():
    text = (
        "Medborgarlöfte Eskilstuna 2022-2023\n\n• Polisen och Eskilstuna kommun lovar att hålla "
        "minst fyra särskilda trafikinsatser vid skolor under året.\n\n"
        "Uppföljning Medborgarlöfte Eskilstuna kommun 2022 (pdf, 173 kB)\n\n"
        "Medborgarlöfte Eskilstuna 2021\n\nPolism"
    )
    doc, spans = _spans(text)
    assert len(spans) == 1 and spans[0].end == len(doc.text)


def test_three_periods_on_one_page_give_three_spans():
    text = "Härnösand – medborgarlöften\n\n" + "\n\n".join(
        f"Medborgarlöfte {period}\n\n• Polisen ska vara synlig i centrum under helgnätter och "
        "genomföra två medborgardialoger tillsammans med kommunen."
        for period in ("2022–2023", "2020–2021", "2019")
    )
    _, spans = _spans(text)
    assert [s.heading for s in spans] == [
        "Medborgarlöfte 2022–2023",
        "Medborgarlöfte 2020–2021",
        "Medborgarlöfte 2019",
    ]


def test_headings_naming_different_kommuner_split_even_with_the_same_year():
    text = (
        "Medborgarlöften i lokalpolisområde Norra Bohuslän\n\n"
        "Medborgarlöfte Lysekils kommun 2021\n\n• Polisen ska genomföra minst åtta "
        "nykterhetskontroller i anslutning till färjeläget.\n\n"
        "Medborgarlöfte Sotenäs kommun 2021\n\n• Polisen ska öka närvaron i Smögen under "
        "högsäsong och genomföra tre krogtillsyner."
    )
    _, spans = _spans(text)
    assert len(spans) == 2


def test_html_page_with_period_sections_splits():
    html = (
        "<html><body><h1>Mjölby – medborgarlöften</h1><h2>Medborgarlöften i Mjölby kommun "
        "2020-2021</h2><ul><li>Polisen skall genomföra riktade insatser mot narkotikabrott med "
        "inriktning på ungdomar.</li></ul><h2>Medborgarlöften i Mjölby kommun 2018-2019</h2>"
        "<ul><li>Polisen ska bli mer synlig i området kring resecentrum.</li></ul></body></html>"
    ).encode()
    doc = parse_bytes(html, "page.html")
    spans = split_documents(doc)
    assert len(spans) == 2
    assert all(doc.text[s.start : s.end].strip() for s in spans)


@pytest.mark.parametrize("name", ["007", "008", "012", "013"])
def test_dev_pages_with_several_periods_split_as_gold(shared, name):
    doc = parse_text((shared / "dev" / "docs" / f"{name}.txt").read_bytes())
    gold = json.loads((shared / "dev" / "gold" / f"{name}.json").read_text())
    spans = split_documents(doc)
    assert len(spans) == len(gold["documents"])


def test_text_without_period_headings_gives_one_whole_span():
    doc = parse_text("Kumla – medborgarlöften\n\n• Polisen lovar att vara synlig.".encode())
    [span] = split_documents(doc)
    assert (span.start, span.end) == (0, len(doc.text))
    assert span.heading == "Kumla – medborgarlöften"


def test_a_short_sentence_naming_the_period_does_not_start_a_document():
    text = (
        "Medborgarlöfte 2019\n\n• Polisen ska synas mer i centrum under helgerna.\n\n"
        "Löftet gäller 2019–2020\n\n• Kommunen ska förbättra belysningen."
    )
    _, spans = _spans(text)
    assert len(spans) == 1


def test_a_breadcrumb_naming_an_older_promise_does_not_start_a_document():
    text = (
        "Start › Trygghet › Medborgarlöften 2019-2020\n\nMedborgarlöfte Kalix 2021\n\n"
        "Polisen lovar att genomföra tio insatser i Kalix centrum under 2021."
    )
    doc, spans = _spans(text)
    assert len(spans) == 1
    assert spans[0].heading == "Medborgarlöfte Kalix 2021"


def test_a_cookie_banner_taken_for_the_title_is_not_the_heading():
    doc = parse_text(
        "Cookies på kil.se\n\nSamverkansöverenskommelse Kil 2022\n\nParterna ska samverka.".encode()
    )
    assert split_documents(doc)[0].heading == "Samverkansöverenskommelse Kil 2022"


def test_footer_links_and_a_date_stamp_do_not_make_a_cut_off_heading_a_document():
    text = (
        "Medborgarlöfte 2020-2021\n\nPolisen lovar att genomföra tio trafikkontroller i centrum "
        "och att delta i fyra trygghetsvandringar.\n\nMedborgarlöfte 2018-2019\nFör att\n\n"
        "Kontakta oss  |  Om webbplatsen  |  Tillgänglighet\n\n2026-01-15"
    )
    _, spans = _spans(text)
    assert len(spans) == 1


def test_a_link_to_last_years_follow_up_at_the_foot_is_not_the_promises_heading():
    # 'Uppföljning av medborgarlöfte 2019' below the 2020 promise became the span's heading:
    # the page was read as the 2019 follow-up.
    text = (
        "Karlsborg – medborgarlöfte\n\nBakgrund\n\nMedborgarlöftet bygger på den lägesbild som "
        "polis och kommun tagit fram genom dialoger med invånarna och statistik.\n\n"
        "Vårt löfte till medborgarna\n\nUnder 2020 ska polisen och kommunen särskilt arbeta mot "
        "påverkade förare i trafiken.\n\nAktiviteter under 2020\n\n"
        "• Genomföra riktade trafikövervakningsinsatser.\n"
        "• Fortsätta trafikutbildningen i kommunens skolor.\n\n"
        "Uppföljning av medborgarlöfte 2019\n\nVi vill höra dina åsikter\n"
    )
    doc, spans = _spans(text)
    assert len(spans) == 1
    assert spans[0].heading == "Karlsborg – medborgarlöfte"


def test_a_period_heading_with_a_relative_clause_starts_a_document():
    # 'Medborgarlöfte i Söderköpings kommun 2020-2022, som kan förlängas med ytterligare ett
    # år.' ends in a full stop, so it was read as a sentence: the page's two periods became
    # one document with the older period's years.
    text = (
        "Söderköping – medborgarlöften\n\n"
        "Medborgarlöfte i Söderköpings kommun 2020-2022, som kan förlängas med ytterligare "
        "ett år.\n\nPolisen och kommunen lovar att gemensamt rikta förebyggande insatser till "
        "ungdomar och deras nätverk, med ökad synlighet och informationsinsatser.\n\n"
        "Medborgarlöfte i Söderköpings Kommun 2017-2019\n\nPolismyndigheten lovar att "
        "genomföra hastighetskontroller i tätort, framför allt vid skolor och förskolor."
    )
    _, spans = _spans(text)
    assert len(spans) == 2
    assert spans[1].heading == "Medborgarlöfte i Söderköpings Kommun 2017-2019"
