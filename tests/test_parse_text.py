"""Text parser: blocks, bullets, headings, signatures, encodings, real seed and dev pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from lofte_extract.parse import ParsedDocument, ParseError, parse_text


def parse(text: str) -> ParsedDocument:
    doc = parse_text(text.encode("utf-8"))
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    return doc


def kinds(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


@pytest.mark.parametrize("marker", ["•", "-", "*", "–", "▪", "1.", "1)", "1:", "a)", "\uf0b7"])
def test_every_bullet_style_gives_list_items(marker):
    text = f"Det här ska vi göra\n\n{marker} Polisen ska synas mer.\n{marker} Kommunen ska tända."
    doc = parse(text)
    assert kinds(doc) == [
        ("heading", "Det här ska vi göra"),
        ("list_item", "Polisen ska synas mer."),
        ("list_item", "Kommunen ska tända."),
    ]


def test_colon_numbered_items_with_a_lost_glyph_are_list_items():
    # '2: ?Öka synligheten …' between quotes in a news article: a paragraph, so the promise
    # list's items were read as prose and missed.
    doc = parse(
        "Polisen har tagit fram sex punkter:\n\n1:? Utveckla grannsamverkan.\n\n"
        "– Det har vi gjort förut, säger han.\n\n2: ?Öka synligheten på otrygga platser.\n"
    )
    items = [text for kind, text in kinds(doc) if kind == "list_item"]
    assert items == ["Utveckla grannsamverkan.", "Öka synligheten på otrygga platser."]


def test_indented_bullets_as_on_polisen_pages():
    text = "Löften\n\n  • Två trygghetsvandringar.\n  • Fyra trafikinsatser.\n\nMer text här."
    assert kinds(parse(text))[1:3] == [
        ("list_item", "Två trygghetsvandringar."),
        ("list_item", "Fyra trafikinsatser."),
    ]


def test_continuation_lines_join_the_item():
    text = (
        "• Polisen genomför riktade insatser mot\n"
        "    narkotikabrott bland unga.\n"
        "• Kommunen ordnar nattvandringar\n"
        "under hösten.\n"
    )
    assert kinds(parse(text)) == [
        ("list_item", "Polisen genomför riktade insatser mot narkotikabrott bland unga."),
        ("list_item", "Kommunen ordnar nattvandringar under hösten."),
    ]


def test_dedented_sentence_after_indented_items_is_a_paragraph():
    text = "  • Två trygghetsvandringar.\nUppföljning sker årligen."
    assert kinds(parse(text)) == [
        ("list_item", "Två trygghetsvandringar."),
        ("paragraph", "Uppföljning sker årligen."),
    ]


def test_dedented_capital_line_after_unfinished_item_starts_a_paragraph():
    # The item has no final period; the flush-left capital line is still a new paragraph.
    text = (
        "Polisen och kommunen lovar:\n\n"
        "  • Polis och kommun ska vidareutveckla arbetet i den lokala samverkansgruppen"
        " med inriktning på barn och unga\n"
        "Uppföljning och redovisning av resultatet sker 2 gånger/år\n"
    )
    assert kinds(parse(text))[1:] == [
        (
            "list_item",
            "Polis och kommun ska vidareutveckla arbetet i den lokala"
            " samverkansgruppen med inriktning på barn och unga",
        ),
        ("paragraph", "Uppföljning och redovisning av resultatet sker 2 gånger/år"),
    ]


def test_dedented_lower_case_line_still_continues_the_item():
    text = (
        "  • Polis och kommun ska genomföra trygghetsvandringar\n"
        "i centrum under hösten\n"
        "  • Kommunen ska tända belysningen\n"
        "      Vid skolorna och i parkerna\n"
    )
    assert kinds(parse(text)) == [
        ("list_item", "Polis och kommun ska genomföra trygghetsvandringar i centrum under hösten"),
        ("list_item", "Kommunen ska tända belysningen Vid skolorna och i parkerna"),
    ]


def test_word_hyphenated_across_lines_of_a_numbered_item_joins():
    text = (
        "Löften\n\n"
        "1. Polisen ska genomföra minst 25 nykterhets-\n"
        "kontroller, varav tio under älgjakten.\n"
        "2. Kommunen ska ordna kunskaps-\n"
        "och utbildningsdagar.\n"
    )
    assert kinds(parse(text))[1:] == [
        (
            "list_item",
            "Polisen ska genomföra minst 25 nykterhetskontroller, varav tio under älgjakten.",
        ),
        ("list_item", "Kommunen ska ordna kunskaps- och utbildningsdagar."),
    ]


def test_short_lone_lines_are_headings_sentences_and_dates_are_not():
    text = (
        "Medborgarlöfte 2019\n\nSituationen idag\n\nMånga upplever otrygghet i centrum.\n\n"
        "Det här ska vi göra\n\nKumla den 3 juli 2017\n\n2017-02-15\n\nDetta gör vi genom att:\n\n"
        "Vad är ett medborgarlöfte?\n"
    )
    assert kinds(parse(text)) == [
        ("heading", "Medborgarlöfte 2019"),
        ("heading", "Situationen idag"),
        ("paragraph", "Många upplever otrygghet i centrum."),
        ("heading", "Det här ska vi göra"),
        ("paragraph", "Kumla den 3 juli 2017"),
        ("paragraph", "2017-02-15"),
        ("paragraph", "Detta gör vi genom att:"),
        ("heading", "Vad är ett medborgarlöfte?"),
    ]


def test_markdown_headings_carry_levels():
    doc = parse("# Medborgarlöfte Kil\n\n## Uppföljning\n\nText.\n\nLöften\n======\n")
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        ("heading", "Medborgarlöfte Kil", 1),
        ("heading", "Uppföljning", 2),
        ("paragraph", "Text.", None),
        ("heading", "Löften", 1),
    ]


def test_name_and_title_stay_together_as_signatures():
    text = (
        "2017-02-15\n\nAnna-Karin Boije\nLokalpolisområdeschef\n\nJohan Andersson (S)\n"
        "Kommunstyrelsens ordförande\nEslövs kommun\n"
    )
    assert kinds(parse(text)) == [
        ("paragraph", "2017-02-15"),
        ("signature", "Anna-Karin Boije\nLokalpolisområdeschef"),
        ("signature", "Johan Andersson (S)\nKommunstyrelsens ordförande\nEslövs kommun"),
    ]


def test_side_by_side_signatures_split_into_columns():
    text = (
        "Katarina Hansson                        Mats Scherp\n\n"
        "Kommunstyrelsens ordförande             Lokalpolisområdeschef Hallsberg\n"
    )
    assert kinds(parse(text)) == [
        ("signature", "Katarina Hansson\nKommunstyrelsens ordförande"),
        ("signature", "Mats Scherp\nLokalpolisområdeschef Hallsberg"),
    ]


def test_news_quote_dash_is_not_a_list_item():
    text = (
        "Polisen och kommunen skrev under löftet.\n\n"
        "– Det är roligt att se resultatet, säger Kåre Friberg.\n\n"
        "Löftet gäller 2019.\n"
    )
    assert [k for k, _ in kinds(parse(text))] == ["paragraph", "paragraph", "paragraph"]


def test_page_furniture_lines_do_not_join_the_last_item():
    text = (
        "Javascript är inte påslaget i din webbläsare. Vi rekommenderar javascript.\n"
        "Sök på polisen.se\n\nLöften\n\n  • Polisen ska öka sin övervakning.\nTill toppen"
    )
    assert kinds(parse(text)) == [
        ("heading", "Löften"),
        ("list_item", "Polisen ska öka sin övervakning."),
    ]


def test_skip_links_run_together_on_one_line_are_furniture():
    doc = parse("Hoppa till huvudinnehållet Till startsidan\n\nMedborgarlöfte 2020\n\nText.")
    assert doc.blocks[0].text == "Medborgarlöfte 2020"
    assert doc.title == "Medborgarlöfte 2020"


def test_glyph_list_lost_its_bullets_but_kept_its_indent():
    text = (
        "Lägesbild\nFlest skadegörelsebrott sker vid resecentrum och många tycker att området är "
        "otryggt på kvällarna.\n Polisen kommer att bli mer synlig i området\n"
        " Genomföra trygghetsvandringar med kommun och polis\n"
    )
    assert [k for k, _ in kinds(parse(text))] == ["heading", "paragraph", "list_item", "list_item"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings_decode_swedish_letters(encoding):
    text = "Medborgarlöfte Östhammar\n\nVi går trygghetsvandringar i Öregrund och Ärla.\n"
    doc = parse_text(text.encode(encoding))
    assert doc.blocks[1].text == "Vi går trygghetsvandringar i Öregrund och Ärla."


def test_declared_charset_is_used():
    data = "Löfte för Åre\n\nText om Åre.".encode("cp1252")
    assert parse_text(data, charset="windows-1252").title == "Löfte för Åre"


def test_normalizes_nbsp_soft_hyphens_ligatures_and_crlf():
    text = "Tryggheten i cen\u00adtrum\r\n\r\nPolisen\u00a0ska  ﬁnnas på plats.\r\n"
    assert kinds(parse(text)) == [
        ("heading", "Tryggheten i centrum"),
        ("paragraph", "Polisen ska finnas på plats."),
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"Till toppen\n"])
def test_empty_text_raises(data):
    with pytest.raises(ParseError):
        parse_text(data)


def test_seed_page_holds_two_documents(shared: Path):
    doc = parse_text((shared / "seeds" / "003_9d60ccaea8afeb8d.txt").read_bytes())
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings[0] == "Medborgarlöften i Eslöv 2017"
    assert "Medborgarlöften i Eslövs kommun 2016" in headings
    assert {"Löften", "Uppföljning", "Utvärdering"} <= set(headings)
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items.count("Två gemensamma trygghetsvandringar i Eslövs kommun.") == 2
    signatures = [b.text for b in doc.blocks if b.kind == "signature"]
    assert signatures.count("Anna-Karin Boije\nLokalpolisområdeschef") == 2
    assert not any("Javascript" in b.text for b in doc.blocks)


def test_every_dev_page_parses_with_consistent_offsets(shared: Path):
    for path in sorted((shared / "dev" / "docs").glob("*.txt")):
        doc = parse_text(path.read_bytes())
        assert doc.blocks, path.name
        for block in doc.blocks:
            assert doc.text[block.start : block.end] == block.text, path.name
        assert not any(b.text == "Till toppen" for b in doc.blocks), path.name


def test_markdown_rule_alone_is_not_a_paragraph():
    doc = parse("Rubrik\n\n---\n\nText.\n\nLöften\n------\nMer.\n")
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        ("heading", "Rubrik", 1),
        ("paragraph", "Text.", None),
        ("heading", "Löften", 2),
        ("paragraph", "Mer.", None),
    ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_decodes(encoding):
    doc = parse_text("Löfte Åre\n\nPolisen lovar att synas i Östersund.".encode(encoding))
    assert [b.text for b in doc.blocks] == ["Löfte Åre", "Polisen lovar att synas i Östersund."]


def test_signer_under_whom_they_sign_for():
    text = "Mora den 15 februari 2023\n\nFör Mora kommun\nHelena Strand\nKommunstyrelsens ordf.\n"
    assert kinds(parse(text)) == [
        ("paragraph", "Mora den 15 februari 2023"),
        ("signature", "För Mora kommun\nHelena Strand\nKommunstyrelsens ordf."),
    ]


def test_text_over_the_block_cap_keeps_its_first_blocks(monkeypatch):
    from lofte_extract.parse import text as text_module

    monkeypatch.setattr(text_module, "MAX_BLOCKS", 3)
    doc = parse("Löften\n\n" + "• Polisen ska synas.\n" * 10)
    assert len(doc.blocks) == 3
    assert doc.warnings == ["kept the first 3 of 11 blocks"]


def test_cookie_notice_naming_the_site_is_not_the_title():
    doc = parse_text(
        "Cookies på vaxjo.se\n\nMedborgarlöfte i Växjö kommun 2021\n\n"
        "Polisen ska genomföra två trygghetsvandringar.\n".encode()
    )
    assert doc.title == "Medborgarlöfte i Växjö kommun 2021"
    assert "Cookies" not in doc.text
