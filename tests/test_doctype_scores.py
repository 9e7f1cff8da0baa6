"""The doc-type scorer: every type's score comes from named features with weights in data."""

from __future__ import annotations

import pytest

from lofte_extract.extract.doctype import classify, doc_type_scores, is_news_url
from lofte_extract.extract.metadata import is_about_promises
from lofte_extract.parse import parse_text


def _kind(text: str) -> str:
    return classify(text, 0, len(text), None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a signing narrated in news style, the verb split around its subject
        (
            "Medborgarlöfte 2023-2024\n\nVid en pressträff tidigare idag skrev kommunstyrelsens "
            "ordförande Bengt Berg och lokalpolisområdeschef Roger Ek under medborgarlöftet.\n\n"
            "Polisen ska genomföra trafikkontroller.",
            "nyhet",
        ),
        # a signing in the present tense of a headline and a photo caption: news
        (
            "Polisen och Älvdalens kommun tecknar gemensamt medborgarlöfte\n\n"
            "Lokalpolisområdeschef Rune Linbom och kommunalrådet Peter Egardt undertecknar "
            "medborgarlöftet.\n\nI medborgarlöftet ingår aktiviteter som polisen och kommunen "
            "lovar att utföra.\n\n • Polisen ska genomföra trafikkontroller.",
            "nyhet",
        ),
        # lines reporting what was done make a follow-up
        (
            "Medborgarlöfte 2017\n\nAktiviteter 2017\n\n"
            " • Under året har polisen genomfört 42 trafikkontroller.\n"
            " • Polisen och kommunen har hållit tre medborgardialoger.\n"
            " • Kommunen har gjort en trygghetsvandring i centrum.\n"
            " • Polisen har besökt alla skolor.\n"
            " • Fältgruppen har arbetat varje helg.",
            "uppfoljning",
        ),
        ("Uppföljning av medborgarlöften\n\nDetta lovade polisen.", "uppfoljning"),
        # the follow-up named in a subtitle after a dash
        (
            "Samverkan gör skillnad – uppföljning av medborgarlöftet 2022\n\nVi har var och en "
            "våra egna uppdrag, men samverkan behövs.\n\nMedborgarlöfte 2022-2023",
            "uppfoljning",
        ),
        # an evaluation is a follow-up too
        (
            "Utvärdering medborgarlöfte 2018\n\nPressmeddelande\n\nUnder medborgarlöftet 2018 "
            "arbetade polisen och kommunen med ett tryggare centrum. Arbetet har nu utvärderats.",
            "uppfoljning",
        ),
        # an approval narrated, a reading time: an article about the promise
        (
            "Medborgarlöfte 2018\n\n2 min läsning\n\nPolisen i centrum. Foto: Anna Berg\n\n"
            "Vid kommunstyrelsens sammanträde den 6 "
            "februari fattades beslut om att godkänna medborgarlöftet.\n\n"
            "– Det blir tryggare, säger kommunalrådet Anna Berg.\n\n"
            " • Polisen lovar att genomföra minst en trafikkontroll i veckan.",
            "nyhet",
        ),
        ("Medborgarlöfte Kalix 2020\n\nPolisen lovar att:\n• Genomföra fyra insatser.", "lofte"),
    ],
)
def test_doc_type_from_scored_features(text, kind):
    assert _kind(text) == kind


def test_scores_name_the_features_behind_them():
    text = "Uppföljning av medborgarlöften\n\nUnder året har polisen genomfört 42 kontroller."
    score, features = doc_type_scores(text, 0, len(text), None)["uppfoljning"]
    assert {"uppfoljning_title", "reported_activity"} <= set(features)
    assert score > doc_type_scores(text, 0, len(text), None)["lofte"][0]


@pytest.mark.parametrize(
    "frame",
    [
        "Av\nPer Eeg-Olofsson\n\nLANDSKRONA. Fotpatrullering i centrum minst två gånger per vecka.",
        "Du är här: Start / Nyheter / Nyheter 2020 / Ökad polisnärvaro\n\nÖkad polisnärvaro",
    ],
)
def test_a_news_frame_counts_for_nyhet(frame: str) -> None:
    text = f"{frame}\n\nMedborgarlöfte 2021\n\nPolisen ska fotpatrullera i centrum.\n"
    assert doc_type_scores(text, 0, len(text), None)["nyhet"][1].get("news_frame") == 1
    assert doc_type_scores(text, 0, len(text), None)["nyhet"][0] >= 2.0


@pytest.mark.parametrize(
    ("url", "news"),
    [
        ("https://www.example-kommun.se/nyheter/2020-06-11-polisen-och-kommunen-avger-lofte", True),
        ("https://polisen.se/aktuellt/nyheter/2019/mars/medborgarlofte-i-kommunen/", True),
        ("https://www.example.se/2018/02/07/medborgarlofte-2018/", True),
        ("https://www.mynewsdesk.com/se/kommunen/pressreleases/nytt-medborgarlofte-123", True),
        # A news segment named with more words: these were read as promise pages.
        ("https://www.example-kommun.se/nyhetsartikel/lofte-till-medborgarna/", True),
        ("https://www.example-kommun.se/omsorg/nyheter-for-omsorg/medborgarlofte.html", True),
        ("https://tidning.example.se/arkiv/hallarsida-artiklar/nr-2/medborgarlofte/", True),
        ("https://www.tidning.example.se/article/poliskontor-ska-oppna/", True),
        ("https://www.example-kommun.se/trygghet/medborgarloften.html", False),
        ("https://www.example-kommun.se/trygghet-och-sakerhet/medborgarlofte-2020/", False),
        ("https://polisen.se/om-polisen/medborgarloften/kommunen-2020/", False),
        (None, False),
    ],
)
def test_news_url_reads_the_sites_news_section_or_a_dated_path(url, news):
    assert is_news_url(url) is news


def test_a_promise_page_found_in_a_news_section_is_news():
    # The same words are the promise on the kommun's trygghet page and an article about it
    # in the news archive (FORMAT.md: nyhet even when it lists the promises).
    text = (
        "Polisen och kommunen avger medborgarlöfte\n\n"
        "Nu är medborgarlöftet för 2020 undertecknat.\n\n"
        "Medborgarlöfte\n\nDetta gör vi genom att:\n"
        " • genomföra trygghetsvandringar i centrum.\n"
    )
    page = "https://www.example-kommun.se/trygghet/medborgarlofte-2020.html"
    article = "https://www.example-kommun.se/nyhetsarkiv/2020-06-11-medborgarlofte.html"
    assert classify(text, 0, len(text), None, url=page) == "lofte"
    assert classify(text, 0, len(text), None, url=article) == "nyhet"


def test_an_article_titled_as_a_follow_up_is_a_follow_up_not_news():
    # FORMAT.md: nyhet is an article about a promise; one reporting how promises went is
    # uppfoljning, wherever it was published.
    text = (
        "Polisen följer upp medborgarlöften\n\nI går, torsdag, publicerade polisen sin "
        "uppföljningsrapport om medborgarlöftena till kommunen.\n\n"
        "– Klagomålen har blivit färre, säger Anna Berg, kommunpolis.\n"
    )
    url = "https://www.example-kommun.se/sv/nyheter/polisen-foljer-upp-medborgarloften/"
    assert classify(text, 0, len(text), None, url=url) == "uppfoljning"
    assert classify(text.replace("följer upp", "presenterar"), 0, len(text), None, url=url) == (
        "nyhet"
    )


@pytest.mark.parametrize(
    ("text", "url"),
    [
        # 'Så har medborgarlöftena till boråsarna uppfyllts' on polisen.se's news was news.
        (
            "Så har medborgarlöftena till boråsarna uppfyllts\n\nNu är en utvärdering klar av "
            "hur polisen har arbetat med löftena.\n\n– Vi syns mer i centrum, säger Anna Berg.\n",
            "https://polisen.se/aktuellt/nyheter/vast/2023/november/sa-har-medborgarloftena/",
        ),
        # 'Årsanalys Jönköpings kommun – medborgarlöftet 2023' sums up the year's work: typed
        # lofte.
        (
            "Årsanalys Jönköpings kommun – medborgarlöftet 2023\n\nUnder 2023 hände mycket och "
            "utmaningarna var stora.\n\nPolisen har genomfört fler insatser i de prioriterade "
            "områdena.\n",
            None,
        ),
        # 'Medborgarlöftets effekter efter ett halvår' reports on the promise too.
        (
            "Medborgarlöftets effekter efter ett halvår\n\nNarkotikabrotten har minskat.\n",
            "https://www.molndal.se/startsida/arkiv/nyheter/nyheter/2020-10-14-effekter.html",
        ),
        # 'Hur går det med medborgarlöftena?' and 'Medborgarlöftet infriat …' were typed lofte
        # and nyhet: the title phrases knew only the past tense and the passive.
        (
            "Hur går det med medborgarlöftena?\n\nKommunen och polisen enades för ett år sedan "
            "om nya löften.\n\nPolisen har genomfört fyra trafikinsatser.\n",
            None,
        ),
        (
            "Medborgarlöftet infriat och nytt poliskontor invigt\n\nI tisdags invigdes det nya "
            "poliskontoret.\n\n– Nu är vi på plats, säger Anna Berg.\n",
            "https://www.example-tidning.se/nyheter/medborgarloftet-infriat",
        ),
        # h33 6002: 'Så har vi uppfyllt vårt löfte 2021-2022' names the parties' own promise
        # without 'medborgarlöfte', and the supine 'uppfyllt' was no follow-up phrase
        (
            "Så har vi uppfyllt vårt löfte 2021-2022\n\nBiskopsgården. Medborgarlöftet "
            "2021-2022 inriktades på barn och unga.\n\n • Tagit i beslag 200 kg narkotika.\n",
            None,
        ),
    ],
)
def test_a_title_reporting_on_promises_makes_a_follow_up(text, url):
    assert classify(text, 0, len(text), None, url=url) == "uppfoljning"


def test_a_page_about_an_agreement_that_names_no_promise_is_an_agreement():
    # News of a samverkansavtal (no löfte named) was typed nyhet: 10 of 11 such harvested
    # pages are annotated overenskommelse.
    text = (
        "Tillsammans ska de göra Örebro tryggare – avtal klart i dag\n\n"
        "Kommunen och lokalpolisområdet sluter ett avtal om samverkan för perioden 2021–2022.\n\n"
        "– Ensam är inte stark, säger kommunstyrelsens ordförande Anna Berg.\n"
    )
    url = "https://www.example-kommun.se/nyheter/2021-03-02-avtal-klart"
    assert classify(text, 0, len(text), None, url=url) == "overenskommelse"
    promised = text.replace("2021–2022.", "2021–2022 och ett medborgarlöfte.")
    assert classify(promised, 0, len(promised), None, url=url) == "nyhet"


def test_a_police_promise_page_telling_of_an_earlier_signing_is_a_promise_not_news():
    # polisen.se/om-polisen/medborgarloften/<kommun>: 'Redan våren 2015 tecknade Polisen och
    # kommunen medborgarlöften' in its background read as news narrating a signing.
    text = (
        "Medborgarlöften i Munkfors\n\nSituationen idag\nRedan våren 2015 tecknade Polisen och "
        "Munkfors kommun medborgarlöften, och i mars 2016 undertecknade de nya löften.\n\n"
        "Medborgarlöfte 2016\nPolisen och kommunen lovar att arbeta för ökad trygghet.\n\n"
        "Följande aktiviteter ska genomföras för att nå dit:\n\n• Fotpatrullering i centrum.\n"
    )
    url = "https://polisen.se/om-polisen/medborgarloften/munkfors/"
    assert classify(text, 0, len(text), None, url=url) == "lofte"
    assert classify(text, 0, len(text), None, url="https://example-kommun.se/a/") == "nyhet"


def test_a_quote_drawn_as_a_bullet_is_still_a_line_of_speech():
    # A renderer drew the speech dash of '– Vi delar ansvaret …, säger Peter Eriksson' as a
    # bullet: the PDF and HTML lost the speech lines that made the article news.
    dashed = "– Vi delar ansvaret för tryggheten, säger Peter Eriksson, kommunalråd.\n"
    bulleted = "• Vi delar ansvaret för tryggheten, säger Peter Eriksson, kommunalråd.\n"
    listed = "• Polisen ska fotpatrullera i centrum.\n"
    for text in (dashed, bulleted):
        assert doc_type_scores(text, 0, len(text), None)["nyhet"][1].get("speech_line") == 1
    assert "speech_line" not in doc_type_scores(listed, 0, len(listed), None)["nyhet"][1]


def test_a_news_section_and_a_dated_item_name_count_twice_for_news():
    # A kommun's news archive republishing the promise ('/arkiv/nyheter/2022/2022-01-25-
    # medborgarlofte-2022') was a promise: its promise title outweighed one URL signal.
    text = "Medborgarlöfte 2022\n\nPolisen ska fotpatrullera i centrum.\n"
    archive = "https://www.example-kommun.se/arkiv/nyheter/2022/2022-01-25-medborgarlofte-2022"
    section = "https://www.example-kommun.se/nyheter/medborgarlofte"
    assert doc_type_scores(text, 0, len(text), None, url=archive)["nyhet"][1]["news_url"] == 2
    assert doc_type_scores(text, 0, len(text), None, url=section)["nyhet"][1]["news_url"] == 1
    assert classify(text, 0, len(text), None, url=archive) == "nyhet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise to the residents, never called a medborgarlöfte, was no promise at all
        (
            "Kommun och polis utökar samarbetet\n\nLöfte till Göingarna år 2019\n\n"
            "Kommunen och Polisen lovar att verka för mindre missbruk av narkotika.",
            True,
        ),
        # the agreement under its other name
        (
            "Tranås kommun och polisen har sedan 2014 ett samverkansavtal och en handlingsplan.",
            True,
        ),
        # a newspaper column broken at every line: the mention runs on into prose
        (
            "Norrtälje vill bli tryggast\n\nDet bygger på önskemål\n\nsom invånarna framfört.\n\n"
            "Resultatet blir ett medborgalöfte till\n\nkommunens invånare.",
            True,
        ),
        # a menu entry stays one
        ("Nyheter\n\nMedborgarlöften\n\nKontakt\n\nDet regnar i Norrtälje i dag.", False),
        (
            "Medborgarlöften\n\nKontakt\n\nPartiet gav ett vallöfte om fler poliser i hela "
            "landet förra året.",
            False,
        ),
        # a short title over prose about 'löftet'
        (
            "Uppföljning medborgarlöften\n\nInför 2018 gav polisen och Gullspångs kommun "
            "löftet att lägga särskilt fokus på unga i riskzon.",
            True,
        ),
        # agreements named otherwise: news of them was dropped as 'not a medborgarlöfte'
        (
            "Igår skrev Svalövs kommun och polisen under en ny överenskommelse om samarbete, "
            "som ska stärka arbetet mot brott.",
            True,
        ),
        ("Det nya samarbetsavtalet inriktas på fyra problemområden i Lund.", True),
        (
            "Med en ny överenskommelse mellan kommunen och polisen ska brotten i Lund bli färre.",
            True,
        ),
        # 'ett nytt avtal med polisen som ska göra kommunen tryggare' was dropped the same way
        (
            "Gnesta kommun har nyligen undertecknat ett nytt avtal med polisen som ska göra "
            "kommunen tryggare.",
            True,
        ),
        ("Facket och arbetsgivaren nådde en överenskommelse om löner i går.", False),
        ("Kommunen har tecknat ett avtal med städfirman om fönsterputs.", False),
        ("Vallöfte till väljarna: fler poliser i hela landet.", False),
        ("Regeringen ger polisen i uppdrag att samverka med kommunerna.", False),
    ],
)
def test_other_names_for_promises_and_wrapped_prose_are_about_promises(text, expected):
    assert is_about_promises(parse_text(text.encode())) is expected


def test_done_labels_under_each_promise_make_a_follow_up():
    # 'Tidigare medborgarlöfte 2019-2020 bestod av följande: … Utfört: …' under every promise
    # reports on each: it was typed lofte on its title.
    text = (
        "Medborgarlöfte 2020\n\nTidigare medborgarlöfte 2019-2020 bestod av följande:\n\n"
        "Trygghetsvandringar\nFlera ville att vissa platser skulle bli bättre upplysta.\n\n"
        "Utfört: Kommunen och polisen bjöd in till en trygghetsvandring i centralorten.\n\n"
        "Trafik\nSkotertrafiken uppfattades som ett problem.\n\n"
        "Utfört: Polisen gjorde riktade trafikinsatser mot skoterkörning.\n\n"
        "Narkotika\nMedborgarna var oroade över narkotikasituationen.\n\n"
        "Utfört: Skolpersonalen fick utbildning om narkotika.\n"
    )
    assert classify(text, 0, len(text), None) == "uppfoljning"


def test_an_english_skip_link_is_no_title_of_an_agreement_release():
    # 'Skip to main content' above 'Förnyad samverkansöverenskommelse mellan Umeå kommun och
    # Polismyndigheten' was taken for the title, so the press release was typed nyhet.
    text = (
        "Skip to main content\n\nFörnyad samverkansöverenskommelse mellan Berga kommun och "
        "Polismyndigheten\n\nPressmeddelande   •   Nov 18, 2016 11:33 CET\n\nPå styrgruppens "
        "senaste möte fattades beslut om att förnya samverkansöverenskommelsen för åren "
        "2017–2020. Samverkan ska styras av lägesbild, aktivitetsplan och årliga "
        "medborgarlöften.\n\n– Det här är ett viktigt steg, säger Anna Berg.\n\n"
        "– Vi ser fram emot arbetet, säger Per Ek.\n"
    )
    # the span's heading is the page's first line, as the segmenter gives it
    assert classify(text, 0, len(text), "Skip to main content") == "overenskommelse"


def test_a_news_date_under_a_letterhead_and_the_title_still_dates_the_top() -> None:
    # A PDF of a news page (h31 5702) opens 'Kommunledningskontoret <title>', the title, then
    # '14 december 2016': the date stood on the third line, past the two read for 'dated_top'.
    text = (
        "Kommunledningskontoret Polis och kommun skriver under löfte\n\n"
        "Polis och kommun skriver under löfte\n\n14 december 2016\n\n"
        "I dag har Polisen och Bollebygds kommun undertecknat ett nytt medborgarlöfte.\n"
    )
    assert "dated_top" in doc_type_scores(text, 0, len(text), None)["nyhet"][1]


def test_a_page_named_as_a_follow_up_in_its_address_is_a_follow_up() -> None:
    # h34 6202: polisen.se's '/uppfoljning-medborgarlofte-norra-hisingen/' titled
    # 'Medborgarlöfte 2017-2018' and opening with what the promise is read as the promise
    text = (
        "Medborgarlöfte 2017-2018\n\nGenom medborgarlöftet åtar sig lokalpolisområdet något "
        "gentemot invånarna.\n\nI medborgarlöftet för 2017 tog polisen på sig att utföra en rad "
        "aktiviteter.\n\nDet här lovade vi:\n\n• Trafikkontroller har genomförts varje vecka.\n"
    )
    url = "https://polisen.se/om-polisen/medborgarloften/goteborg/uppfoljning-medborgarlofte-x/"
    assert classify(text, 0, len(text), None, url=url) == "uppfoljning"
    assert classify(text, 0, len(text), None, url=url.replace("uppfoljning-", "")) == "lofte"
