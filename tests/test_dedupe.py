"""deduplicate: one record per promise published twice, differing copies flagged."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from test_compare_records import SHARED, eslov_records, seed_records

from lofte_extract.compare.dedupe import deduplicate
from lofte_extract.compare.load import load_records
from lofte_extract.pipeline import run
from lofte_extract.records import NumericTarget


def _copy(record, sha: str, path: str, fmt: str = "html", **update):
    source = record.source.model_copy(update={"sha256": sha, "path": path, "format": fmt})
    return record.model_copy(
        deep=True, update={"id": f"copy-{sha[:6]}", "source": source, **update}
    )


def test_same_promise_on_two_sites_becomes_one_record():
    eslov2017, eslov2016 = eslov_records()
    kommun_page = _copy(eslov2017, "b" * 64, "eslov.se/medborgarloften.html")
    merged = deduplicate([kommun_page, eslov2017, eslov2016])
    assert len(merged) == 2
    kept = next(r for r in merged if r.years == [2017])
    assert {kept.source.path, *(s.path for s in kept.also_in)} == {
        eslov2017.source.path,
        "eslov.se/medborgarloften.html",
    }
    assert not kept.warnings


def test_signed_pdf_is_kept_over_the_web_page():
    eslov2017 = eslov_records()[0]
    pdf = _copy(eslov2017, "c" * 64, "pdf/eslov-2017.pdf", fmt="pdf")
    merged = deduplicate([eslov2017, pdf])
    assert len(merged) == 1
    assert merged[0].source.format == "pdf"
    assert [s.path for s in merged[0].also_in] == [eslov2017.source.path]


def test_minst_tre_against_minst_sex_is_flagged_on_both():
    eslov2017 = eslov_records()[0]
    page = eslov2017.model_copy(deep=True)
    walk = page.commitments[1]
    walk.text = "Minst tre gemensamma trygghetsvandringar i Eslövs kommun."
    walk.targets = [
        NumericTarget(
            value=3,
            qualifier="minst",
            unit="trygghetsvandringar",
            text="Minst tre",
            evidence=walk.evidence,
        )
    ]
    news = _copy(page, "d" * 64, "news/eslov.html", doc_type="nyhet")
    news.commitments[1].text = "Minst sex gemensamma trygghetsvandringar i Eslövs kommun."
    news.commitments[1].targets[0].value = 6
    news.commitments[1].targets[0].text = "Minst sex"
    result = deduplicate([page, news])
    assert len(result) == 2
    by_type = {r.doc_type: r for r in result}
    assert news.id in by_type["lofte"].warnings[0]
    assert "'Minst tre' vs 'Minst sex'" in by_type["lofte"].warnings[0]
    assert page.id in by_type["nyhet"].warnings[0]
    assert "'Minst sex' vs 'Minst tre'" in by_type["nyhet"].warnings[0]
    assert not by_type["lofte"].also_in


def test_different_years_and_follow_up_reports_stay_apart():
    eslov2017, eslov2016 = eslov_records()
    report = _copy(eslov2017, "e" * 64, "uppfoljning.html", doc_type="uppfoljning")
    result = deduplicate([eslov2017, eslov2016, report])
    assert len(result) == 3
    assert all(not r.also_in and not r.warnings for r in result)


def test_output_is_deterministic_and_idempotent():
    records = [
        r
        for stem in (
            "000_06d6dd4b8bf202db",
            "001_0d21e82399c5e8ca",
            "002_81e2fe3ffa8203c4",
            "004_31a527f7f8e38881",
        )
        for r in seed_records(stem)
    ] + eslov_records()
    copies = [_copy(r, str(i) * 64, f"mirror/{i}.html") for i, r in enumerate(records[:3])]
    everything = records + copies
    first = deduplicate(everything)
    shuffled = list(everything)
    random.Random(4).shuffle(shuffled)
    assert [r.model_dump() for r in deduplicate(shuffled)] == [r.model_dump() for r in first]
    assert [r.model_dump() for r in deduplicate(first)] == [r.model_dump() for r in first]
    assert len(first) == len(records)


def test_one_file_at_two_paths_is_one_record_with_both_paths():
    eslov2017 = eslov_records()[0]
    copy = eslov2017.model_copy(deep=True)
    copy.source = copy.source.model_copy(update={"path": "mirror/eslov.txt"})
    merged = deduplicate([eslov2017, copy])
    assert len(merged) == 1
    paths = {merged[0].source.path, *(s.path for s in merged[0].also_in)}
    assert paths == {eslov2017.source.path, "mirror/eslov.txt"}


def test_two_documents_of_one_page_are_not_merged():
    eslov2017 = eslov_records()[0]
    twin = eslov2017.model_copy(deep=True, update={"id": "second-document-same-file"})
    assert len(deduplicate([eslov2017, twin])) == 2


def test_web_page_and_text_copy_through_the_pipeline_become_one_record(tmp_path):
    """polisen.se's page (HTML) and the kommun's copy (text) of Eslöv 2016 and 2017."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    repo = Path(__file__).resolve().parent.parent
    shutil.copy(repo / "corpus" / "003_9d60ccaea8afeb8d.html", corpus)
    shutil.copy(SHARED / "seeds" / "003_9d60ccaea8afeb8d.txt", corpus / "eslov-kommun.txt")
    run([corpus], tmp_path / "out", jobs=0)
    records = load_records(tmp_path / "out")
    assert len(records) == 4
    merged = deduplicate(records)
    assert sorted(tuple(r.years) for r in merged) == [(2016,), (2017,)]
    for record in merged:
        assert record.source.format == "html"
        assert [s.path for s in record.also_in] == ["eslov-kommun.txt"]


_ESLOV_2024 = """Medborgarlöfte Eslövs kommun 2024

{period}Polisen och Eslövs kommun lovar att {promise}

Vi lovar att genomföra minst {count} trygghetsvandringar under året.

Eslöv 2024-01-15
Anna Andersson, kommunstyrelsens ordförande
Per Persson, lokalpolisområdeschef
"""


def test_same_kommun_and_year_with_and_without_a_period_does_not_crash_deduplicate(tmp_path):
    """Group keys with period None and a (start, end) tuple were sorted together: TypeError."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "without.txt").write_text(
        _ESLOV_2024.format(period="", promise="besöka skolor varje termin.", count="fyra"),
        encoding="utf-8",
    )
    (corpus / "with.txt").write_text(
        _ESLOV_2024.format(
            period="Medborgarlöftet gäller från 2024-01-01 till 2024-12-31.\n\n",
            promise="arbeta mot narkotika i centrum.",
            count="sex",
        ),
        encoding="utf-8",
    )
    run([corpus], tmp_path / "out", jobs=0, use_cache=False)
    records = load_records(tmp_path / "out")
    by_path = {r.source.path: r for r in records}
    assert by_path["with.txt"].period is not None and by_path["without.txt"].period is None
    assert [r.kommuner[0].code for r in records] == ["1285", "1285"]
    assert by_path["with.txt"].years == by_path["without.txt"].years == [2024]
    assert len(deduplicate(records)) == 2


def test_long_commitment_lists_are_not_scored_word_by_word(monkeypatch):
    # 120 files of 400 commitments each kept dedupe busy for over ten minutes: every pair of
    # records scored every pair of commitments. Past the limit only like texts match.
    from lofte_extract.compare import dedupe

    calls = []
    monkeypatch.setattr(dedupe, "jaccard", lambda a, b: calls.append(1) or 1.0)
    eslov2017 = eslov_records()[0]
    one = eslov2017.commitments[0]
    many = [one.model_copy(update={"text": f"{one.text} nummer {i}"}) for i in range(150)]
    long_a = eslov2017.model_copy(update={"commitments": many})
    long_b = _copy(long_a, "d" * 64, "kopia.html")
    merged = deduplicate([long_a, long_b])
    assert calls == []
    assert len(merged) == 1  # like texts still match: one promise published twice
    short_b = _copy(eslov2017, "e" * 64, "kort.html")
    deduplicate([eslov2017, short_b])
    assert calls  # short lists are still scored word by word
