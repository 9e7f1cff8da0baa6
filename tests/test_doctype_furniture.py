"""A site's menu or breadcrumb naming medborgarlöften says nothing of the page's own topic.

Found by putting a menu and a breadcrumb ('Startsida / Trygghet / Medborgarlöfte') around the
harvested texts (scripts/perturb_eval.py menus): three agreements of h22 became news, as the
breadcrumb's löfte word made them more than an agreement.
"""

from __future__ import annotations

from metadata_helpers import doc_and_span

from lofte_extract.extract.analysed import analysed
from lofte_extract.extract.doctype import classify

AGREEMENT = (
    "Ny överenskommelse om samarbete mellan Svalövs kommun och Polisen\n\n"
    "Kommunen och polisen har tecknat en ny samverkansöverenskommelse. Överenskommelsen "
    "gäller i fyra år och beskriver hur parterna ska samarbeta kring trygghet.\n\n"
    "I överenskommelsen pekas tre områden ut: narkotika, trafik och trygghet i centrum.\n"
)


def _doc_type(text: str) -> str:
    parsed, span = doc_and_span(text)
    doc = analysed(parsed)
    return classify(doc.text, span.start, span.end, span.heading, doc=doc)


def test_an_agreement_page_under_a_breadcrumb_naming_medborgarlofte():
    menu = "Meny\nSök\nStartsida / Trygghet och säkerhet / Medborgarlöfte\n\n"
    assert _doc_type(AGREEMENT) == "overenskommelse"
    assert _doc_type(menu + AGREEMENT) == "overenskommelse"


def test_an_agreement_page_whose_prose_names_a_medborgarlofte_is_not_only_an_agreement():
    text = AGREEMENT + "\nMedborgarlöftet för 2022 tas fram i vår.\n"
    assert _doc_type(text) != "overenskommelse"
