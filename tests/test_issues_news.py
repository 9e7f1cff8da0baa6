"""Regressions in reading news pages about a promise: ledes, pointers back to them and the
speech they quote; one test per bug found on real pages."""

from __future__ import annotations

from content_helpers import texts

from lofte_extract.extract.promise_talk import names_commitment
from lofte_extract.extract.speech import is_quote


def test_news_lede_pointed_back_to_is_the_commitment() -> None:
    # h32 5901, h8 1419: 'Utökad hastighetsövervakning … . Så lyder några av de punkter som
    # polisen och kommunen utlovar …' kept the pointer as the commitment and lost the lede
    found = texts(
        "Löftet: Polisen skärper jakten på fortkörarna\n\nFler hastighetskontroller och "
        "röjning av otryggt buskage. Så lyder några av de punkter som polisen och kommunen "
        "utlovar i sina medborgarlöften 2019.\n"
    )
    assert found == ["Fler hastighetskontroller och röjning av otryggt buskage."]


def test_lede_summing_up_a_listed_promise_is_not_a_commitment() -> None:
    # shared/dev 308, h16 2219: when the items follow as a list, the lede only sums them up
    found = texts(
        "Nytt medborgarlöfte\n\nMer polisiär närvaro i centrum. Det är vad polisen fokuserar "
        "på i det nya medborgarlöftet.\n\nDärför lovar vi följande:\n\n- Ökad polisnärvaro i "
        "centrum (Polis)\n- Informationsträffar för näringsidkare (Polis)\n"
    )
    assert [t[:10] for t in found] == ["Ökad polis", "Informatio"]


def test_pointer_to_a_hope_or_a_result_points_to_no_promise() -> None:
    # h23 3707, h3 941: 'Så lyder förhoppningen med de nya medborgarlöftena', 'Så lyder
    # facit när medborgarlöftena granskas' point back to a hope and a verdict
    found = texts(
        "Nya medborgarlöften\n\nNja, ja (men inte enligt statistiken). Så lyder facit när "
        "medborgarlöftena för 2017 granskas.\n"
    )
    assert found == []


def test_deed_named_first_as_one_of_the_promises_is_a_commitment() -> None:
    # h32 5801, 5905: 'Att förhindra missbruk bland unga hör till de medborgarlöften som …'
    # and 'Att besöka åttondeklasserna är ett av polisens medborgarlöften' were dropped, while
    # 'Ett av löftena är att …' was kept
    for text in (
        "Att förhindra missbruk bland unga hör till de medborgarlöften som polisen gett för 2017.",
        "Att besöka åttondeklasserna är ett av polisens medborgarlöften.",
    ):
        found = texts(f"Nyhet\n\nAlla skolor har fått besök. {text}\n")
        assert found == [text]


def test_quoted_plural_deeds_the_speakers_side_promises_are_a_commitment() -> None:
    # h32 5806: '– Med start 2016 ska vi göra flera riktade insatser vid Resecentrum' counts
    # nothing, so the quote was dropped; a modal only in a purpose clause still promises nothing
    found = texts(
        "Resecentrum ska bli tryggare\n\n– Med start 2016 ska vi göra flera riktade insatser vid "
        "Resecentrum, säger Ulf Lundgren, kommunpolis.\n\n– Dialogen är det viktigaste för att "
        "vi ska få underlag till samordnade insatser, säger Jonas Hult.\n"
    )
    assert [t[:25] for t in found] == ["Med start 2016 ska vi gör"]


def test_a_sentence_pointing_to_the_list_below_is_no_commitment() -> None:
    # h33 6001: 'Nedan följer ett urval av löftena i medborgarlöftet, som ska genomföras
    # under 2023-2024.' was kept as a promise of its own
    found = texts(
        "Medborgarlöfte 2023-2024\n\nVåra löften\n\nNedan följer ett urval av löftena i "
        "medborgarlöftet, som ska genomföras under 2023-2024.\n\n• Polisen ska genomföra två "
        "kurser för föräldrar.\n"
    )
    assert [t[:12] for t in found] == ["Polisen ska "]


def test_the_promise_is_that_names_its_content_quoted_or_not() -> None:
    # h34 6301: '– Löftet är att vi ska koncentrera oss på att motarbeta det gängrelaterade
    # våldet …, säger X' was dropped as a quote; 'Syftet med löftet är att …' stays an aim
    found = texts(
        "Nytt medborgarlöfte\n\n– Löftet är att vi ska koncentrera oss på att motarbeta det "
        "gängrelaterade våldet på allmänna platser, säger Anna Lindeborg.\n\nSyftet med löftet "
        "är att arbetet ska bli mer effektivt.\n"
    )
    assert [t[:20] for t in found] == ["Löftet är att vi ska"]


def test_speech_read_as_a_bullet_is_read_sentence_by_sentence() -> None:
    # h29 5202: '– Medborgarlöften är ett viktigt verktyg … . Polisen ska dessutom genomföra
    # fler riktade insatser …' became one commitment, the speaker's praise of the tool with it
    found = texts(
        "Nytt medborgarlöfte i Salabacke\n\nLöftet gäller perioden 16 maj till 16 oktober.\n\n"
        "– Medborgarlöften är ett viktigt verktyg för vårt gemensamma arbete. Polisen ska "
        "dessutom genomföra fler riktade insatser mot narkotika i området.\n"
    )
    assert [t[:24] for t in found] == ["Polisen ska dessutom gen"]
    # a hyphen bullet stays a list item: 'Målet är …' after it belongs to the item
    found = texts(
        "Medborgarlöfte 2019\n\n- Hålla informationsträffar om grannsamverkan i tätorterna. "
        "Målet är att nå tio nya grupper.\n"
    )
    assert [t[-16:] for t in found] == ["tio nya grupper."]


def test_a_deed_said_to_be_a_promise_is_a_commitment() -> None:
    # h36 6701: 'Skoterkontrollerna är ett medborgarlöfte i kommunen.' on a news page was no
    # commitment: only 'Att <deed> är ett av … medborgarlöften' named one
    assert names_commitment("Skoterkontrollerna är ett medborgarlöfte i kommunen.")
    assert names_commitment("Besöken i skolorna är en del av medborgarlöftet.")
    # the promise itself, or a party, said to be something names no deed
    assert not names_commitment("Medborgarlöftet är ett avtal mellan polis och kommun.")
    assert not names_commitment("Polisen är en part i medborgarlöftet.")


def test_speech_opened_by_any_dash_is_a_quote() -> None:
    # h18 2420, h20 2809, h25 4405: speech opened by a figure dash or a minus sign ('‒ Vi
    # fortsätter med …', '− Det som invånarna …') was read as the page's own statement
    assert is_quote("‒ Vi fortsätter med en hög polisiär närvaro i prioriterade områden.")
    assert is_quote("− När vi och polisen ser likadant på saker blir hela kommunen tryggare.")
    assert not is_quote("Polisen fortsätter med en hög polisiär närvaro.")


def test_a_sentence_set_twice_on_a_page_is_one_commitment() -> None:
    # h31 5603, h12 1803: a lede repeated as a caption gave the same commitment twice
    lede = "Snart ska en polishusbil av samma slag köra runt i Svalövs kommun."
    found = texts(f"Polishusbil till Svalöv\n\n{lede}\n\nBild: X\n\n{lede}\n")
    assert found == [lede]
    # a short item recurs under each heading it serves: one per heading
    found = texts(
        "Polisen lovar:\n\nHastighetskontroller\n\n- Minst tio kontroller under året.\n\n"
        "Mopedkontroller\n\n- Minst tio kontroller under året.\n"
    )
    assert found == ["Minst tio kontroller under året."] * 2


def test_the_parties_named_again_by_a_pronoun_promise() -> None:
    # h36 6602, h11 1720: 'De ska dessutom förmedla en relevant mediabild …' after a sentence
    # naming kommunen och polisen was no commitment; 'De ska också få stöd …' receives
    found = texts(
        "Trafikfrågor viktigast i nya medborgarlöften\n\nTillsammans ska kommunen och polisen "
        "arbeta brottsförebyggande mot ungdomar. De ska dessutom förmedla en relevant mediabild "
        "och verka mot narkotikaanvändning. De ska också få stöd av föreningarna.\n"
    )
    assert [t[:14] for t in found] == ["Tillsammans sk", "De ska dessuto"]
