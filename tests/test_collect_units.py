"""Collect stage building blocks: robots.txt rules, URL names, links, content types."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest

from lofte_extract.collect.content import classify_type, parse_content_type, sniff_kind
from lofte_extract.collect.fetch import retry_after
from lofte_extract.collect.links import find_links, looks_relevant, read_page, worth_following
from lofte_extract.collect.robots import parse_robots
from lofte_extract.collect.urls import file_name, normalize_url

ROBOTS = """\
# Kommunens robots.txt
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /sok
Crawl-delay: 4

User-agent: lofte-extract/0.1
User-agent: otherbot
Disallow: /intern/
Allow: /intern/medborgarloften/
Disallow: /*.php$
Disallow: /*?print=
Crawl-delay: 2
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/", True),
        ("/sok", True),  # the * group does not apply once a group names us
        ("/intern/lista.html", False),
        ("/intern/medborgarloften/2024.pdf", True),  # the longer Allow wins
        ("/index.php", False),
        ("/index.php/medborgarlofte", True),  # '$' anchors the end
        ("/nyheter?id=3&print=1", True),
        ("/nyheter?print=1", False),
        ("/intern%2Fmedborgarloften/", True),
    ],
)
def test_robots_rules_for_our_agent(path, allowed):
    rules = parse_robots(ROBOTS, "lofte-extract")
    assert rules.allowed("https://kommun.se" + path) is allowed


def test_robots_falls_back_to_star_group_with_its_crawl_delay():
    rules = parse_robots(ROBOTS, "someone-else")
    assert not rules.allowed("https://kommun.se/sok?q=polis")
    assert rules.allowed("https://kommun.se/intern/")
    assert rules.crawl_delay == 4


def test_robots_crawl_delay_and_empty_disallow():
    assert parse_robots(ROBOTS, "lofte-extract").crawl_delay == 2
    rules = parse_robots("User-agent: *\nDisallow:\n", "lofte-extract")
    assert rules.allowed("https://kommun.se/anything")


def test_robots_tie_between_allow_and_disallow_allows():
    rules = parse_robots("User-agent: *\nDisallow: /page\nAllow: /page\n", "lofte-extract")
    assert rules.allowed("https://kommun.se/page")


def test_robots_garbage_is_allow_all():
    rules = parse_robots("<html><body>Not found: sorry</body></html>", "lofte-extract")
    assert rules.allowed("https://kommun.se/medborgarloften/")


def test_normalize_url():
    assert normalize_url("HTTPS://Polisen.SE:443/om#x") == "https://polisen.se/om"
    assert normalize_url("http://kommun.se") == "http://kommun.se/"
    assert normalize_url("http://127.0.0.1:8080/a b") == "http://127.0.0.1:8080/a%20b"
    assert normalize_url("mailto:info@kommun.se") is None
    assert normalize_url("http://user:pw@kommun.se/") is None
    assert normalize_url("http://kommun.se:99999/") is None
    assert normalize_url("http://inte en adress/") is None
    assert normalize_url("https://Åre.se/trygghet") == "https://xn--re-xia.se/trygghet"


def test_file_name_is_stable_safe_and_distinct():
    url = "https://www.polisen.se/om-polisen/medborgarlöften/Östhammar/"
    name = file_name(url, ".html")
    assert name == file_name(url, ".html")
    assert name.startswith("www.polisen.se_om-polisen-medborgarloften-osthammar-")
    assert name.endswith(".html") and "/" not in name and len(name) < 110
    assert file_name(url + "?print=1", ".html") != name
    long = file_name("https://kommun.se/" + "a/" * 200 + "x.pdf", ".pdf")
    assert len(long) < 110 and long.endswith(".pdf")
    assert file_name("http://kommun.se/../../etc/passwd", ".txt").startswith("kommun.se_etc")


def test_content_type_header():
    assert parse_content_type('text/html; Charset="Windows-1252"') == ("text/html", "windows-1252")
    assert parse_content_type(None) == ("", None)
    assert classify_type("application/pdf") == "pdf"
    assert classify_type("application/octet-stream") == "sniff"
    assert classify_type("image/jpeg") is None
    assert classify_type("application/zip") is None


def test_sniff_kind():
    assert sniff_kind(b"%PDF-1.7\n...") == "pdf"
    assert sniff_kind(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff_kind(b"PK\x03\x04") is None


def test_retry_after_seconds_and_http_date():
    assert retry_after("3") == 3.0
    assert retry_after("soon") is None
    assert retry_after(None) is None
    later = retry_after(formatdate(time.time() + 30, usegmt=True))
    assert 25 < later <= 31


PAGE = """<html><head><base href="https://kommun.se/trygghet/"></head><body>
<a href="medborgarloften-2025/">Läs mer</a>
<a href="/nyheter/">Nyheter</a>
<ul><li>Medborgarlöfte 2023 <a href="/files/123.pdf">Ladda ner</a></li>
<li>Årsredovisning <a href="/files/9.pdf">Ladda ner</a></li></ul>
<a href="/bild.PNG">Trygghetsvandring</a>
<a href="javascript:void(0)">Trygghet</a>
<a href="/Samverkansöverenskommelse.pdf">PDF</a>
</body></html>"""


def test_links_that_look_like_promises():
    links = find_links(PAGE.encode(), "https://kommun.se/trygghet/sida")
    relevant = [link.url for link in links if looks_relevant(link)]
    assert relevant == [
        "https://kommun.se/trygghet/medborgarloften-2025/",
        "https://kommun.se/files/123.pdf",  # the list item around "Ladda ner" names it
        "https://kommun.se/Samverkans%C3%B6verenskommelse.pdf",
    ]


def test_any_pdf_on_a_promise_page_is_followed_but_not_elsewhere():
    html = (
        "<html><head><title>Medborgarlöften i Exempelby</title></head><body>"
        '<p>Undertecknat i mars</p><a href="/files/scan-0042.pdf">Ladda ner</a>'
        '<a href="/kontakt/">Kontakt</a></body></html>'
    ).encode()
    page = read_page(html, "https://kommun.se/trygghet/")
    assert page.about_promises
    assert [link.url for link in page.links if worth_following(link, page)] == [
        "https://kommun.se/files/scan-0042.pdf"
    ]
    other = read_page(
        html.replace("Medborgarlöften".encode(), b"Nyheter"), "https://kommun.se/nyheter/"
    )
    assert not [link for link in other.links if worth_following(link, other)]


def test_robots_with_a_byte_order_mark_still_disallows():
    rules = parse_robots("\ufeffUser-agent: *\nDisallow: /\n", "lofte-extract")
    assert not rules.allowed("https://kommun.se/medborgarloften/")


def test_robots_empty_user_agent_names_nobody():
    text = "User-agent:\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    assert parse_robots(text, "lofte-extract").allowed("https://kommun.se/medborgarloften/")


def test_retry_after_of_a_non_ascii_digit_is_garbage_not_a_crash():
    assert retry_after("\u00b2") is None
    assert retry_after("３") is None


def test_urls_differing_only_in_escape_case_or_dot_segments_are_one_url():
    # each spelling was fetched again as a URL of its own
    assert normalize_url("http://k.se/l%c3%b6fte?q=%c3%a5") == "http://k.se/l%C3%B6fte?q=%C3%A5"
    assert normalize_url("http://k.se/a/../x/./y.pdf") == "http://k.se/x/y.pdf"
    assert normalize_url("http://k.se/a/b/..") == "http://k.se/a/"
