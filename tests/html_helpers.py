# ruff: noqa: E501  (page templates keep real-looking markup lines)
"""Page templates and checks shared by the HTML parser tests (plain functions, no fixtures).

The page templates here (polisen.se-like, Sitevision-like, legacy table layout) are also
used by the measurement in docs/html-main-content.md, through test_parse_html.
"""

from __future__ import annotations

from html import escape

from lofte_extract.parse import ParsedDocument, parse_text

__all__ = [
    "ESLOV",
    "EXPECTED",
    "FURNITURE",
    "PUBLISHED",
    "body_html",
    "check_offsets",
    "kinds",
    "no_furniture",
    "render_page",
]


# Phrases the templates put around the content; none may reach the parsed text.
# ("Publicerad <date>" and "Senast uppdaterad <date>" are kept: the metadata stage dates news
# articles by them; test_issues_html checks that an undated page-info line is dropped.)
FURNITURE = [
    "Webbplatsen använder kakor",
    "Javascript är inte påslaget",
    "Gå direkt till innehåll",
    "Hoppa till huvudinnehållet",
    "Om polisen",
    "Jobba hos oss",
    "Kommun och politik",
    "Bygga, bo och miljö",
    "Du är här",
    "Dela",
    "Skriv ut",
    "Lyssna",
    "Till toppen",
    "Kontakta oss på 114 14",
    "Kontaktcenter",
    "Relaterat innehåll",
    "Sidansvarig",
    "Box 12256",
    "Organisationsnummer",
    "Följ oss på Facebook",
    "Sök",
    "Acceptera alla kakor",
    "Öppnas i nytt fönster",
    "Var den här sidan till hjälp?",
    "Tillgänglighetsredogörelse",
]


def body_html(text: str) -> str:
    """The document text as an HTML body: h1/h2, paragraphs, lists, signatures with <br>."""
    doc = parse_text(text.encode("utf-8"))
    parts: list[str] = []
    in_list = False
    first_heading = True
    for block in doc.blocks:
        if block.kind != "list_item" and in_list:
            parts.append("</ul>")
            in_list = False
        if block.kind == "heading":
            tag = "h1" if first_heading else "h2"
            first_heading = False
            parts.append(f"<{tag}>{escape(block.text)}</{tag}>")
        elif block.kind == "list_item":
            if not in_list:
                parts.append('<ul class="normal">')
                in_list = True
            parts.append(f"<li>{escape(block.text)}</li>")
        elif block.kind == "signature":
            parts.append("<p>" + "<br>".join(escape(x) for x in block.text.split("\n")) + "</p>")
        else:
            parts.append(f'<p class="normal">{escape(block.text)}</p>')
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


_POLISEN = """<!DOCTYPE html>
<html lang="sv" class="no-js">
<head>
{meta}
<title>{title} | Polismyndigheten</title>
<link rel="stylesheet" href="/dist/main.css">
<script>document.documentElement.className = "js"; var dataLayer = [{{"page": "<p>x</p>"}}];</script>
<style>.cookie-banner {{ position: fixed; }}</style>
</head>
<body class="page-standard">
<div class="js-disabled-warning"><p>Javascript är inte påslaget i din webbläsare. Vi rekommenderar
att javascript är aktiverat för bästa användning av webbplatsen.</p></div>
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Kakor">
<h2>Webbplatsen använder kakor</h2>
<p>Webbplatsen använder kakor (cookies) för att förbättra din upplevelse.</p>
<button type="button">Acceptera alla kakor</button><button>Bara nödvändiga</button>
</div>
<a class="skip-to-content" href="#main-content">Gå direkt till innehåll</a>
<header class="site-header">
<a class="logo" href="/"><img src="/logo.svg" alt="Polismyndigheten"></a>
<form class="search-form" action="/sok/"><label for="q">Sök</label><input id="q" name="q">
<button type="submit">Sök</button></form>
<nav class="main-menu" aria-label="Huvudmeny"><ul>
<li><a href="/utsatt-for-brott/">Utsatt för brott</a></li><li><a href="/om-polisen/">Om polisen</a></li>
<li><a href="/jobb/">Jobba hos oss</a></li><li><a href="/kontakt/">Kontakta oss på 114 14</a></li>
</ul></nav>
</header>
<nav class="breadcrumbs" aria-label="Du är här"><ol>
<li><a href="/">Start</a></li><li><a href="/om-polisen/">Om polisen</a></li>
<li><a href="/om-polisen/medborgarloften/">Medborgarlöften</a></li></ol></nav>
<main id="main-content">
<article class="article">
<div class="article-tools"><a class="share" href="#">Dela</a> <a class="print" href="#">Skriv ut</a>
<a class="rs_preserve" href="#">Lyssna</a></div>
{body}
<div class="page-meta"><p>Publicerad 2019-03-12</p><p>Senast uppdaterad 2021-01-08</p></div>
</article>
<aside class="contact-box"><h2>Kontakt</h2><p>Kontaktcenter: ring 114 14.</p>
<p>Box 12256, 102 26 Stockholm</p></aside>
<div class="related-content"><h2>Relaterat innehåll</h2><ul><li><a href="/x">Grannsamverkan</a></li>
<li><a href="/y">Trygghetsvandring</a></li></ul></div>
<a href="#top" class="to-top">Till toppen</a>
</main>
<footer class="site-footer"><div class="footer-col"><h2>Polismyndigheten</h2>
<p>Box 12256, 102 26 Stockholm</p><p>Organisationsnummer 202100-0076</p></div>
<ul><li><a href="/a">Tillgänglighetsredogörelse</a></li><li><a href="/b">Följ oss på Facebook</a></li>
</ul></footer>
<script src="/dist/main.js"></script>
</body></html>
"""


_SITEVISION = """<!DOCTYPE html>
<html lang="sv">
<head>
{meta}
<title>{title} - Kommunen</title>
<script>svDocReady(function() {{ var x = 1; }});</script>
</head>
<body class="sv-responsive">
<div class="sv-layout sv-skip-spacer"><a href="#svid12_main" class="env-assistive-text sol-skip">Hoppa
till huvudinnehållet</a></div>
<div class="sv-vertical sv-layout sol-cookie-message" id="svid10_cookie">
<div class="sv-text-portlet sv-use-margins"><div class="sv-text-portlet-content">
<p class="normal">Webbplatsen använder kakor för att ge dig en bättre upplevelse. Läs mer om kakor.</p>
</div></div><a class="sol-cookie-ok" href="#">Jag förstår</a></div>
<div class="sv-vertical sv-layout sol-top" id="svid10_top">
<div class="sv-script-portlet sv-portlet sol-top-nav"><ul class="sol-tool-nav">
<li><a href="/lattlast">Lättläst</a></li><li><a href="/lyssna">Lyssna</a></li>
<li><a href="/sok">Sök</a></li></ul></div>
<div class="sv-vertical sv-layout sol-menu"><ul class="sv-menu">
<li><a href="/kommun">Kommun och politik</a></li><li><a href="/bygga">Bygga, bo och miljö</a></li>
</ul></div></div>
<div class="sv-vertical sv-layout sol-breadcrumbs-wrapper"><ul class="sol-breadcrumbs">
<li>Du är här:</li><li><a href="/">Startsida</a></li><li><a href="/kommun">Kommun och politik</a></li>
</ul></div>
<div class="sv-layout sv-column-8" id="svid12_main">
<div class="sv-vertical sv-layout sol-article-tools"><a class="sol-print" href="#">Skriv ut</a>
<a class="sol-share" href="#">Dela</a></div>
<div class="sv-text-portlet sv-use-margins" id="svid12_text">
<div class="sv-text-portlet-content">
{body}
</div></div>
<div class="sv-vertical sv-layout sol-article-date"><p>Publicerad: 14 mars 2019</p>
<p>Sidansvarig: Kommunikationsenheten</p></div>
<div class="sv-vertical sv-layout sol-feedback"><p>Var den här sidan till hjälp?</p>
<a href="#">Ja</a><a href="#">Nej</a></div>
</div>
<div class="sv-layout sv-column-4 sol-related"><div class="sv-portlet sv-related-portlet">
<h2>Relaterat innehåll</h2><ul><li><a href="/x">Trygghetsvandringar<span class="env-assistive-text">
Öppnas i nytt fönster</span></a></li></ul></div>
<div class="sv-portlet sol-contact-card"><h3>Kontaktcenter</h3><p>Telefon 0413-620 00</p></div></div>
<div class="sv-vertical sv-layout sol-bottom"><div class="sv-text-portlet">
<p>Organisationsnummer 212000-1066</p><p>Följ oss på Facebook</p>
<p><a href="/tillganglighet">Tillgänglighetsredogörelse</a></p></div></div>
<div class="sv-layout"><a href="#" class="sol-to-top">Till toppen</a></div>
</body></html>
"""


# Old-style page: layout table, no semantic tags, class names the selectors were not tuned on.
_LEGACY = """<html>
<head>
{meta}
<title>{title} - Kommunen</title>
</head>
<body>
<table width="100%" class="layout"><tr><td colspan="2" id="top">
<div id="cookiebar">Vi använder kakor (cookies) för att webbplatsen ska fungera bra för dig. <a href="#">OK</a></div>
<div class="toplinks"><a href="/">Startsida</a> | <a href="/kontakt">Kontaktcenter</a> | <a href="/lyssna">Lyssna</a></div>
<ul id="topmenu"><li><a href="/a">Kommun och politik</a></li><li><a href="/b">Bygga, bo och miljö</a></li></ul>
</td></tr>
<tr><td valign="top" width="200" class="leftcol"><ul class="submenu"><li><a href="/c">Om polisen</a></li>
<li><a href="/d">Jobba hos oss</a></li></ul></td>
<td valign="top" class="maincol"><div class="pagetools"><a href="#">Skriv ut</a> <a href="#">Dela</a></div>
<div class="text">
{body}
</div>
<div class="lastmod">Senast uppdaterad: 2019-03-14. Sidansvarig: Kommunikation</div>
</td></tr>
<tr><td colspan="2" id="bottom"><p>Kommunen, Box 12256, Organisationsnummer 212000-0000</p>
<p><a href="#">Till toppen</a></p></td></tr></table>
</body></html>
"""


_META = {
    "declared": '<meta charset="{charset}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
    "none": "",
}


def render_page(
    text: str, template: str = "polisen", encoding: str = "utf-8", declare: str = "declared"
) -> bytes:
    """A full page around `text` in a template ('polisen', 'sitevision', 'legacy'), as bytes."""
    body = body_html(text)
    title = escape(parse_text(text.encode("utf-8")).title or "Medborgarlöften")
    meta = _META[declare].format(charset=encoding)
    layout = {"polisen": _POLISEN, "sitevision": _SITEVISION, "legacy": _LEGACY}[template]
    page = layout.format(meta=meta, title=title, body=body)
    return page.encode(encoding, errors="xmlcharrefreplace")


ESLOV = """Medborgarlöften i Eslöv 2017

Medborgarlöftet är en utveckling av samverkansöverenskommelsen mellan Eslövs kommun och polisen.

Medborgarlöftet

  • Två gemensamma trygghetsvandringar i Eslövs kommun.
  • Utöver detta kommer 30 trafikkontroller att genomföras med inriktning på beteende.

Uppföljning

En sammanfattning/utvärdering kommer att presenteras innan utgången av 2017.

2017-02-15

Anna-Karin Boije
Lokalpolisområdeschef

Johan Andersson
Kommunstyrelsens ordförande
"""


def check_offsets(doc: ParsedDocument) -> None:
    assert doc.blocks, "no blocks"
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def no_furniture(doc: ParsedDocument) -> None:
    lines = [line.strip().lower() for line in doc.text.split("\n")]
    for phrase in FURNITURE:
        phrase = phrase.lower()
        if len(phrase.split()) <= 2:
            assert not any(x == phrase or x.startswith(phrase + " ") for x in lines), phrase
        else:
            assert phrase not in doc.text.lower(), phrase


def kinds(doc: ParsedDocument) -> list[tuple[str, str, int | None]]:
    return [(b.kind, b.text, b.level) for b in doc.blocks]


EXPECTED = [
    ("heading", "Medborgarlöften i Eslöv 2017", 1),
    (
        "paragraph",
        "Medborgarlöftet är en utveckling av samverkansöverenskommelsen mellan Eslövs "
        "kommun och polisen.",
        None,
    ),
    ("heading", "Medborgarlöftet", 2),
    ("list_item", "Två gemensamma trygghetsvandringar i Eslövs kommun.", None),
    (
        "list_item",
        "Utöver detta kommer 30 trafikkontroller att genomföras med inriktning på beteende.",
        None,
    ),
    ("heading", "Uppföljning", 2),
    (
        "paragraph",
        "En sammanfattning/utvärdering kommer att presenteras innan utgången av 2017.",
        None,
    ),
    ("paragraph", "2017-02-15", None),
    ("signature", "Anna-Karin Boije\nLokalpolisområdeschef", None),
    ("signature", "Johan Andersson\nKommunstyrelsens ordförande", None),
]


PUBLISHED = {
    "polisen": ["Publicerad 2019-03-12", "Senast uppdaterad 2021-01-08"],
    "sitevision": ["Publicerad: 14 mars 2019"],
    "legacy": [],  # its "lastmod" box goes whole
}
