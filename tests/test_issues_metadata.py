"""Regressions in the document-level fields, one test per thing that broke.

Signatory regressions are in test_issues_signatories.py.
"""

from __future__ import annotations

import time

from metadata_helpers import doc_and_span as _doc

from lofte_extract.extract.metadata import (
    classify_doc_type,
    find_kommuner,
    find_lokalpolisomrade,
    find_period,
    find_signatories,
    find_signed_date,
    is_about_promises,
)
from lofte_extract.extract.segment import split_documents
from lofte_extract.parse import DocumentBuilder, parse_text


def test_region_police_area_name_is_kept_whole():
    doc, span = _doc("Medborgarlöfte\n\nLokalpolisområde Norra Värmland och Torsby kommun.")
    assert find_lokalpolisomrade(doc, span)[0] == "Norra Värmland"


def test_police_area_name_does_not_run_across_a_line_break():
    doc, span = _doc(
        "Svedala – medborgarlöften\n\nSamverkan mellan Svedala kommun och lokalpolisområde "
        "Trelleborg\n\nSamverkansöverenskommelse Svedala 2019-2022"
    )
    assert find_lokalpolisomrade(doc, span)[0] == "Trelleborg"


def test_article_date_is_not_a_signing_date():
    doc, span = _doc(
        "Artikeln publicerades 23 mars 2022\n\nFörnyat medborgarlöfte\n\nTeddy Nilsson och "
        "Niklas Årcén sätter sina signaturer på medborgarlöftet."
    )
    assert find_signed_date(doc, span)[0] is None


def test_running_pdf_header_does_not_hide_a_follow_up_title():
    builder = DocumentBuilder("pdf")
    builder.add("paragraph", "Polismyndigheten Svedala Kommun 40 år Svedala kommuns logotyp", 1)
    builder.add("heading", "Svedala Kommun 40 år", 1)
    builder.add("heading", "Tillbaka till alla nyheter", 1)
    builder.add("heading", "Kvartalsrapport lokala medborgarlöften i Svedala kommun", 1)
    builder.add("paragraph", "Av de utlovade timmarna har polisen använt drygt 1 500.", 1)
    doc = builder.build(pages=1)
    assert classify_doc_type(doc, split_documents(doc)[0]) == "uppfoljning"


def test_follow_up_links_inside_a_promise_do_not_make_it_a_follow_up():
    doc, span = _doc(
        "Medborgarlöften i Mjölby kommun 2018-2019\n\nUppföljning 2018\n\n"
        "• Polisen ska bli mer synlig i området"
    )
    assert classify_doc_type(doc, span) == "lofte"


def test_year_phrase_does_not_reach_into_the_next_paragraph():
    doc, span = _doc(
        "Förnyat medborgarlöfte\n\nSamverkansöverenskommelse 2015-2018 finns sedan tidigare.\n\n"
        "Under 2021 ska polisen synas mer."
    )
    assert find_period(doc, span, None)[1] == [2021]


def test_agreement_document_gets_its_own_period_and_years():
    doc, span = _doc(
        "Samverkansöverenskommelse mellan Falköpings kommun och Polisen 2021–2024\n\n"
        "Denna överenskommelse gäller från och med den 1 januari 2021 till och med den "
        "31 december 2024. Parterna ska årligen ta fram minst ett medborgarlöfte."
    )
    period, years, _ = find_period(doc, span, None)
    assert classify_doc_type(doc, span) == "overenskommelse"
    assert (period.start, period.end) == ("2021-01-01", "2024-12-31")
    assert years == [2021, 2022, 2023, 2024]


def test_agreement_period_in_a_promise_is_not_the_promise_period():
    doc, span = _doc(
        "Medborgarlöfte 2021\n\nSamverkansöverenskommelsen gäller från den 1 januari 2021 "
        "till den 31 december 2024."
    )
    period, years, _ = find_period(doc, span, None)
    assert period is None and years == [2021]


def test_first_medborgarlofte_year_is_not_this_years():
    doc, span = _doc(
        "Polisen och Ängelholms kommun har nu undertecknat medborgarlöftet för 2019. Sedan det "
        "första medborgarlöftet 2018 har två fokusområden lagts till."
    )
    assert find_period(doc, span, None)[1] == [2019]


def test_nonsense_dates_do_not_crash():
    doc, span = _doc(
        "Medborgarlöfte\n\nLöftet gäller 31 juni 2019 - 31 februari 2020 och undertecknades den "
        "32 mars 2019.\n\nEslöv den 0 maj 2019"
    )
    assert find_period(doc, span, None)[0] is None
    assert find_signed_date(doc, span)[0] is None


def test_hostile_text_finishes_quickly_and_quietly():
    text = "medborgarlöfte " + ", , , Aaaa" * 20000 + " 2019\n" + "Anna Berg\nKommunpolis\n" * 500
    doc, span = _doc(text)
    started = time.perf_counter()
    find_kommuner(doc, span, "http://[bad-url")
    find_period(doc, span, "::::")
    find_signatories(doc, span)
    find_signed_date(doc, span)
    classify_doc_type(doc, span)
    assert time.perf_counter() - started < 10


def test_empty_and_control_character_text():
    doc = DocumentBuilder("txt").build()
    span = split_documents(doc)[0]
    assert not is_about_promises(doc)
    assert find_kommuner(doc, span, None) == []
    assert find_period(doc, span, None) == (None, [], None)
    doc, span = _doc("\x00\x07 medborgarlöfte \ufffd\ufffd 2019")
    assert is_about_promises(doc)
    find_signatories(doc, span)


def test_a_menu_entry_alone_does_not_make_a_page_about_promises():
    text = (
        "Polisen varnar för inbrott\n\nStartsida\n\nMedborgarlöften och lokal samverkan\n\n"
        "Under veckan har polisen fått in sju anmälningar om inbrott i villor i Skövde."
    )
    assert not is_about_promises(parse_text(text.encode()))
    assert is_about_promises(parse_text(b"Arboga \xe2\x80\x93 medborgarl\xc3\xb6ften\n\nText."))


def test_period_to_the_day_gives_the_years_past_the_heading():
    doc, span = _doc(
        "Medborgarlöfte 2019\n\nMedborgarlöftet gäller 2019-07-01 – 2020-06-30.\n\n"
        "• Polisen ska synas mer."
    )
    period, years, _ = find_period(doc, span, None)
    assert (period.start, period.end) == ("2019-07-01", "2020-06-30") and years == [2019, 2020]


def test_newspaper_named_after_a_town_is_not_the_kommun():
    doc, span = _doc(
        "Helsingborgs Dagblad\n\nNytt medborgarlöfte i Bjuv\n\nBjuvs kommun och polisen har "
        "skrivit under ett nytt medborgarlöfte. Helsingborgs Dagblad har läst det."
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Bjuv"]


def test_a_last_updated_date_under_its_label_is_not_the_signing_date():
    doc, span = _doc(
        "Medborgarlöfte 2019\n\nPolisen och kommunen lovar att synas mer i centrum.\n\n"
        "Publicerad:\n\n2019-03-12"
    )
    assert find_signed_date(doc, span)[0] is None


def test_a_signed_letter_dated_on_its_first_line_is_not_news():
    doc, span = _doc(
        "2019-02-15\n\nMedborgarlöfte för Eslövs kommun 2019\n\n• Polisen ska genomföra fyra "
        "trafikinsatser.\n\nAnna Berg\nLokalpolisområdeschef"
    )
    assert classify_doc_type(doc, span) == "lofte"


def test_cookie_banner_above_the_title_does_not_hide_an_agreement():
    doc, span = _doc(
        "Cookies på kalmar.se\nVi använder kakor för att webbplatsen ska fungera.  Godkänn\n\n"
        "Samverkansöverenskommelse mellan Kalmar kommun och Polisen 2021–2024\n\n"
        "Parterna ska samverka mot narkotika och för trygga offentliga miljöer.\n\n"
        "Kalmar den 2 februari 2021"
    )
    assert span.heading.startswith("Samverkansöverenskommelse")
    assert classify_doc_type(doc, span) == "overenskommelse"
    assert find_period(doc, span, None)[1] == [2021, 2022, 2023, 2024]
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Kalmar"]


def test_news_year_from_the_rest_of_the_year():
    doc, span = _doc(
        "Lokalnytt\n\nKommunen och polisen lovar fler kvällsvandringar\n\nI går skrev Kalix "
        "kommun och polisen under ett medborgarlöfte. Det gäller resten av 2019, säger "
        "kommunpolisen Eva Lind."
    )
    assert find_period(doc, span, None)[1] == [2019]


def test_news_without_a_year_takes_the_year_of_its_signing_date():
    doc, span = _doc(
        "Nyheter\n\nPolisen och kommunen enades om löfte\n\nPubliceras 2020-09-14\n\n"
        "Bodens kommun och polisen undertecknade medborgarlöftet den 11 september 2020. "
        "– Vi vill synas mer på kvällarna, säger lokalpolisområdeschefen Ola Nilsson."
    )
    assert classify_doc_type(doc, span) == "nyhet"
    assert find_signed_date(doc, span)[0] == "2020-09-11"
    assert find_period(doc, span, None)[1] == [2020]


def test_ocr_letters_inside_a_date_are_read_as_digits():
    doc, span = _doc(
        "Medborgarlöfte Tierp 2O16\n\nPolisen lovar att genomföra fyra insatser.\n\n"
        "Tierp 2016-03-l4\n\nLena Holm\nLokalpolisområdeschef"
    )
    assert find_signed_date(doc, span)[0] == "2016-03-14"
    assert find_period(doc, span, None)[1] == [2016]


def test_press_release_dateline_with_time_and_zone_dates_the_signing():
    doc, span = _doc(
        "Pressmeddelande  •  Borås Stad  •  2023-03-08 10:30 CET\n\n"
        "Nytt medborgarlöfte för Borås\n\nI dag undertecknade kommunstyrelsens ordförande "
        "Ulf Olsson och lokalpolisområdeschef Eva Lund ett nytt medborgarlöfte för 2023."
    )
    assert find_signed_date(doc, span)[0] == "2023-03-08"


def test_a_bare_date_closing_the_page_is_not_the_signing_date():
    # 'Senast uppdaterad:' above the date is dropped by the text parser as site furniture.
    doc, span = _doc(
        "Medborgarlöfte Kalix 2020\n\nPolisen lovar att genomföra tio insatser i centrum.\n\n"
        "Anna Berg\nKommunstyrelsens ordförande\n\nPer Ek\nLokalpolisområdeschef\n\n"
        "Senast uppdaterad:\n2020-04-02"
    )
    assert find_signed_date(doc, span)[0] is None


def test_a_signed_promise_page_quoting_its_signer_is_not_news():
    doc, span = _doc(
        "Medborgarlöfte Nybro 2021\n\n– Alla ska kunna känna sig trygga i centrum, säger "
        "kommunstyrelsens ordförande Anna Berg.\n\nPolisen lovar att:\n• genomföra tolv "
        "trafikkontroller.\n\nKommunen lovar att:\n• ordna två trygghetsvandringar.\n\n"
        "Nybro den 3 mars 2021\n\nAnna Berg\nKommunstyrelsens ordförande\n\nPer Ek\n"
        "Lokalpolisområdeschef"
    )
    assert classify_doc_type(doc, span) == "lofte"


def test_a_quoted_news_item_without_signatures_stays_news():
    doc, span = _doc(
        "Trygghet i Nybro\n\nPolisen och kommunen har tagit fram ett medborgarlöfte för 2021. "
        "– Vi vill synas mer i centrum, säger kommunpolisen Per Ek."
    )
    assert classify_doc_type(doc, span) == "nyhet"


def test_joint_promise_of_two_kommuner_names_both():
    doc, span = _doc(
        "Medborgarlöfte 2022\n\nLöftet gäller för Hjo och Tidaholms kommuner och lokalpolis"
        "område Skövde.\n\nPolisen lovar att genomföra tio insatser i Hjo centrum."
    )
    assert {k.name for k in find_kommuner(doc, span, None)} == {"Hjo", "Tidaholm"}


def test_kommunerna_followed_by_a_list_names_them_all():
    doc, span = _doc(
        "Medborgarlöfte Mjölby 2023\n\nPolisen och kommunerna Boxholm, Ödeshög och Mjölby har "
        "tagit fram ett gemensamt löfte.\n\nMjölby kommun lovar att ordna trygghetsvandringar "
        "i Mjölby."
    )
    assert {k.name for k in find_kommuner(doc, span, None)} == {"Mjölby", "Boxholm", "Ödeshög"}


def test_neighbour_kommuner_named_in_passing_are_not_added():
    doc, span = _doc(
        "Medborgarlöfte Tranås 2022\n\nPolisen lovar att genomföra tio insatser i Tranås "
        "centrum, som i Eksjö och Nässjö kommuner i fjol.\n\nTranås kommun lovar att ordna "
        "två trygghetsvandringar i Tranås."
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Tranås"]


def test_validity_years_joined_by_och():
    doc, span = _doc(
        "Medborgarlöfte Arvika\n\nPolisen och Arvika kommun har tagit fram ett gemensamt "
        "löfte. Löftet gäller under 2023 och 2024."
    )
    assert find_period(doc, span, None)[1] == [2023, 2024]


def test_police_area_name_wrapped_onto_the_next_line_of_a_title():
    doc, span = _doc(
        "Samverkansöverenskommelse Härnösand 2021-2024\n\nHärnösand 2020-12-15\n\nPer Ek\n"
        "Lokalpolisområdeschef, Lokalpolisområde\n\nHärnösand"
    )
    assert find_lokalpolisomrade(doc, span)[0] == "Härnösand"


def test_a_published_stamp_on_a_signed_promise_page_with_a_quote_is_not_news():
    doc, span = _doc(
        "Publicerad 2021-03-04\n\nMedborgarlöfte Emmaboda 2021\n\n– Vi vill se fler vuxna "
        "ute, säger Anna Berg.\n\nVi lovar att:\n• ordna två trygghetsvandringar.\n\n"
        "Anna Berg\nKommunstyrelsens ordförande\n\nPer Ek\nLokalpolisområdeschef"
    )
    assert classify_doc_type(doc, span) == "lofte"


def test_ocr_month_name_and_dotted_dates_are_read():
    doc, span = _doc(
        "Medborgarlöfte Älvdalen 2019\n\nPolisen lovar att genomföra fyra insatser.\n\n"
        "Älvdalen den 12 rnars 2019\n\nLena Holm\nLokalpolisområdeschef"
    )
    assert find_signed_date(doc, span)[0] == "2019-03-12"
    doc, span = _doc(
        "Medborgarlöfte Älvdalen 2019\n\nPolisen lovar att genomföra fyra insatser.\n\n"
        "Älvdalen 14.03.2019\n\nLena Holm\nLokalpolisområdeschef"
    )
    assert find_signed_date(doc, span)[0] == "2019-03-14"


def test_a_publication_date_run_into_the_signing_sentence_is_not_the_signing_date():
    doc, span = _doc(
        "Medborgarlöfte Kalix 2020\n\nPublicerad: 12 mars 2020 Polisen och Kalix kommun "
        "undertecknade löftet den 2 mars 2020."
    )
    assert find_signed_date(doc, span)[0] == "2020-03-02"


def test_ocr_in_a_follow_up_title_year_and_a_police_area_cue():
    doc, span = _doc(
        "Uppföljning medborgarlöfte Kungälv 2O18-2O19\n\nPolisen i Lokalpolisornråde Kungälv "
        "har genomfört fyra trygghetsvandringar."
    )
    assert classify_doc_type(doc, span) == "uppfoljning"
    assert find_lokalpolisomrade(doc, span)[0] == "Kungälv"


def test_a_short_kommun_name_opening_a_news_title_counts_and_a_paper_name_does_not():
    doc, span = _doc(
        "Hjo får nytt medborgarlöfte\n\nSkaraborgs Nya Tidning, 2 april 2020\n\nKommunalrådet "
        "Eva Ek och polisen skrev under ett medborgarlöfte för Hjo kommun i går."
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Hjo"]


def test_a_promise_page_with_a_list_and_a_quote_but_no_signatures_is_not_news():
    doc, span = _doc(
        "Hofors – medborgarlöften\n\n– Vi vill att alla ska kunna röra sig tryggt i centrum, "
        "säger kommunpolisen Lena Ek.\n\nPolisen och Hofors kommun lovar att:\n\n"
        "• genomföra tio trafikkontroller,\n• ordna fyra trygghetsvandringar."
    )
    assert classify_doc_type(doc, span) == "lofte"


def test_an_update_stamp_at_the_top_does_not_date_a_signing_today():
    doc, span = _doc(
        "Uppdaterad 2022-05-10\n\nNytt medborgarlöfte i Vadstena\n\nPublicerad 2022-05-03\n\n"
        "I dag undertecknade kommunalrådet Eva Ek och kommunpolisen Per Holm medborgarlöftet."
    )
    assert find_signed_date(doc, span)[0] == "2022-05-03"


def test_a_labelled_signing_date_line():
    doc, span = _doc(
        "Medborgarlöfte Boden 2021\n\nPolisen lovar att genomföra tio insatser i centrum.\n\n"
        "Datum för undertecknande: 2021-02-03\n\nAnna Berg\nKommunstyrelsens ordförande"
    )
    assert find_signed_date(doc, span)[0] == "2021-02-03"


def test_cooperation_agreement_that_never_says_medborgarlofte_is_in_scope():
    doc, span = _doc(
        "Samverkansöverenskommelse mellan Ronneby kommun och Lokalpolisområde "
        "Karlskrona 2021–2024\n\n1. Ungdomar i riskzon\n\nKommunen och polisen ska "
        "gemensamt arbeta med ungdomar i riskzon.\n"
    )
    assert is_about_promises(doc)
    assert classify_doc_type(doc, span) == "overenskommelse"


def test_an_ambiguous_kommun_name_after_a_place_preposition_is_the_kommun():
    from lofte_extract.extract.kommun import kommun_mentions

    text = "Löftet har vuxit fram ur dialoger i Ydre. Vara tillgängliga för alla."
    assert [m.entry.name for m in kommun_mentions(text, 0, len(text))] == ["Ydre"]


def test_a_yearless_signing_date_of_an_agreement_takes_the_agreements_years() -> None:
    # The signing date was read against the promise years, which an agreement has none of.
    doc, span = _doc(
        "Förnyad överenskommelse om samverkan\n\nDen 1 mars undertecknade kommundirektör "
        "Magnus Gyllestad och lokalpolisområdeschef Tony Beijbom en förnyad "
        "samverkansöverenskommelse för år 2022–2024 mellan kommunen och polisen.\n"
    )
    assert find_signed_date(doc, span, [2022, 2023, 2024])[0] == "2022-03-01"


def test_kommuner_a_police_area_works_with_are_one_party() -> None:
    # 'samarbetar med kommunerna X, Y, Z och W' named no joint cue ('samverkan' did).
    doc, span = _doc(
        "Medborgarlöfte - Tryggare stationsområde\n\nLokalpolisområde Alingsås samarbetar med "
        "kommunerna Vårgårda, Alingsås, Herrljunga och Lerum för tryggare stationsområden.\n\n"
        "Kommunerna ska arbeta med utemiljön runt stationsområdena."
    )
    assert {k.name for k in find_kommuner(doc, span, None)} == {
        "Vårgårda",
        "Alingsås",
        "Herrljunga",
        "Lerum",
    }


def test_the_kommuns_police_named_by_it_names_the_kommun():
    # 'Landskronapolisen lovar nu att under 2017 vara mer närvarande': the page's only
    # mention of its kommun, a compound, so no record was made.
    doc, span = _doc(
        "Polisen lovar synas mer på Karlslund\n\nLandskronapolisen lovar nu att under 2017 "
        "vara mer närvarande i området, enligt medborgarlöftena för 2017."
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Landskrona"]


def test_kommun_glued_to_a_news_dateline_names_the_kommun():
    # 'Piteå2016-03-01 16:00': a dateline scraped without its space was the page's only
    # mention of its kommun, so the record had no kommun.
    doc, span = _doc(
        "De lovar trygghet och närvaro\n\nPiteå2016-03-01 16:00\n\nPolisen och kommunen "
        "skrev under medborgarlöftena för 2016 på tisdagen."
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Piteå"]


def test_a_city_district_names_its_city_when_no_kommun_is_named() -> None:
    # 'Angeredsbor äntligen …' and a mitti.se page on Farsta named no kommun: no record matched.
    doc, span = _doc(
        "Angeredsbor äntligen hörda\n\nPolisen lovar att under 2015 synas mer i Hjällbo och "
        "Hammarkullen.\n"
    )
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Göteborg"]
    doc, span = _doc("Deras löfte\n\nPolisen i Farsta lovar kvartersmöten i stadsdelarna.\n")
    assert [k.name for k in find_kommuner(doc, span, None)] == ["Stockholm"]


def test_news_dated_only_by_its_update_takes_that_year_a_publication_date_wins():
    news = (
        "Nyheter\n\n{dates}\n\nI årets medborgarlöfte lovar polisen och Tranemo kommun fler "
        "insatser mot narkotika. – Vi vill synas mer, säger kommunpolisen Eva Lind."
    )
    doc, span = _doc(news.format(dates="Senast uppdaterad 2021-03-26"))
    assert find_period(doc, span, None)[1] == [2021]
    doc, span = _doc(news.format(dates="Publicerad 2020-02-03\nUppdaterad 2021-03-26"))
    assert find_period(doc, span, None)[1] == [2020]
