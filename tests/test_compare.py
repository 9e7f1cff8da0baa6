"""compare: commitments lined up across years and kommuner."""

from __future__ import annotations

from test_compare_records import eslov_records, seed_records

from lofte_extract.compare.align import compare_records
from lofte_extract.records import Kommun


def _by_unit(comparison):
    return {(row.category, row.unit_key): row for row in comparison.rows}


def test_eslov_2016_against_2017():
    comparison = compare_records(eslov_records(), kommuner=["Eslöv"], years=[2016, 2017])
    assert comparison.mode == "years"
    assert comparison.columns == ["2016", "2017"]
    rows = _by_unit(comparison)
    assert len(rows) == len(comparison.rows), "duplicate rows"
    insatser = rows[("trafik", "trafikinsats")]
    assert (insatser.values["2016"].value, insatser.values["2017"].value) == (2, 4)
    assert insatser.status == "increased"
    assert insatser.unit == "trafikinsatser"
    kontroller = rows[("trafik", "trafikkontroll")]
    assert kontroller.values["2016"] is None and kontroller.values["2017"].value == 30
    assert kontroller.status == "new"
    assert rows[("trygghetsvandring", "trygghetsvandring")].status == "unchanged"
    dialog = rows[("medborgardialog", "medborgardialog")]
    assert (dialog.values["2016"].value, dialog.values["2017"].value) == (2, 2)
    assert dialog.status == "unchanged"
    skola = rows[("skola", "")]
    assert skola.status == "new" and "kunskaps- och utbildningsdag" in skola.values["2017"].text
    assert not [row for row in comparison.rows if row.status == "dropped"]
    assert len(comparison.rows) == 5


def test_uncounted_promise_is_kept_as_context_of_its_category():
    comparison = compare_records(eslov_records(), years=[2016, 2017])
    insatser = _by_unit(comparison)[("trafik", "trafikinsats")]
    context = insatser.values["2016"].context
    assert any("öka trafiksäkerheten i centrala Eslöv" in t for t in context)


def test_category_filter_keeps_only_that_category():
    comparison = compare_records(eslov_records(), categories=["trafik"])
    assert {row.category for row in comparison.rows} == {"trafik"}
    assert len(comparison.rows) == 2


def test_multi_year_promise_counts_for_each_year():
    # Svalöv 2022-2023 (a news item) against Svalöv 2020 (the promise itself).
    records = seed_records("000_06d6dd4b8bf202db") + seed_records("001_0d21e82399c5e8ca")
    comparison = compare_records(records, kommuner=["Svalöv"])
    assert comparison.columns == ["2020", "2022", "2023"]
    later = [row for row in comparison.rows if row.values["2022"]]
    assert later, "the 2022-2023 promise is missing from 2022"
    for row in later:
        assert row.values["2023"] is not None
        assert row.values["2022"].record_id == row.values["2023"].record_id


def test_several_kommuner_one_year_side_by_side():
    eslov = eslov_records()[0]  # Eslöv 2017
    lund = eslov.model_copy(
        deep=True, update={"id": "lund2017", "kommuner": [Kommun(name="Lund", code="1281")]}
    )
    lund.commitments = lund.commitments[1:3]
    lund.commitments[1].targets[0].value = 6
    comparison = compare_records([eslov, lund], years=[2017])
    assert comparison.mode == "kommuner"
    assert comparison.columns == ["Eslöv", "Lund"]
    rows = _by_unit(comparison)
    insatser = rows[("trafik", "trafikinsats")]
    assert insatser.values["Eslöv"].value == 4 and insatser.values["Lund"].value == 6
    assert insatser.status == "shared"
    assert rows[("trafik", "trafikkontroll")].values["Lund"] is None
    assert rows[("trafik", "trafikkontroll")].status == "partial"
    assert all(row.year == 2017 for row in comparison.rows)


def test_decrease_and_dropped():
    later, earlier = eslov_records()
    # Swap the years: 2016's content becomes the later promise.
    swapped = [
        later.model_copy(update={"years": [2016]}),
        earlier.model_copy(update={"years": [2017]}),
    ]
    rows = _by_unit(compare_records(swapped))
    assert rows[("trafik", "trafikinsats")].status == "decreased"
    assert rows[("trafik", "trafikkontroll")].status == "dropped"
    assert rows[("skola", "")].status == "dropped"


def test_changed_when_uncounted_wording_differs():
    later, earlier = eslov_records()
    earlier = earlier.model_copy(deep=True)
    later = later.model_copy(deep=True)
    earlier.commitments = [
        c for c in earlier.commitments if not c.targets and "trygghets" in c.text
    ]
    later.commitments = [
        c.model_copy(update={"targets": []})
        for c in later.commitments
        if "trygghetsvandringar" in c.text
    ]
    rows = compare_records([earlier, later]).rows
    assert [(r.category, r.status) for r in rows] == [("trygghetsvandring", "changed")]


def test_a_year_without_any_promise_is_not_a_drop():
    # Eslöv has no promise for 2018 in the data: nothing was dropped, nothing compared.
    comparison = compare_records(eslov_records(), years=[2017, 2018])
    assert comparison.columns == ["2017", "2018"]
    assert {row.status for row in comparison.rows} == {None}
    # Between 2016 and 2018 the kommun's own years (2016, 2017) are compared.
    rows = _by_unit(compare_records(eslov_records(), years=[2016, 2017, 2018]))
    assert rows[("trafik", "trafikinsats")].status == "increased"


def test_the_promise_speaks_for_its_year_over_an_article_about_it():
    eslov2017, eslov2016 = eslov_records()
    article = eslov2017.model_copy(deep=True, update={"id": "news", "doc_type": "nyhet"})
    article.commitments[2].targets[0].value = 6
    rows = _by_unit(compare_records([article, eslov2017, eslov2016]))
    assert len(rows) == 5
    insatser = rows[("trafik", "trafikinsats")]
    assert insatser.values["2017"].value == 4 and insatser.values["2017"].record_id == eslov2017.id
