"""The end-to-end path: files in, the dataset's files out, failures reported not fatal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lofte_extract.cli import main
from lofte_extract.pipeline import run

SEED_ESLOV = "003_9d60ccaea8afeb8d.txt"


def _corpus(tmp_path: Path, shared: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((shared / "seeds").glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    return corpus


def test_cli_runs_without_subcommand_and_writes_every_output(tmp_path, shared, capsys):
    corpus = _corpus(tmp_path, shared)
    out = tmp_path / "out"
    assert main([str(corpus), "-o", str(out), "-q"]) == 0
    for name in ("records.jsonl", "commitments.csv", "errors.jsonl"):
        assert (out / name).is_file(), name
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert records, "no records from five seed documents"
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    for record in records:
        text = (out / "texts" / f"{record['source']['sha256']}.txt").read_text()
        for commitment in record["commitments"]:
            ev = commitment["evidence"]
            assert text[ev["start"] : ev["end"]].strip()
    assert "records" in capsys.readouterr().err


def test_rerun_gives_byte_identical_outputs(tmp_path, shared):
    corpus = _corpus(tmp_path, shared)
    run([corpus], tmp_path / "a", jobs=0)
    run([corpus], tmp_path / "b", jobs=2)
    for name in ("records.jsonl", "commitments.csv", "errors.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_bad_files_are_reported_and_the_rest_still_processed(tmp_path, shared):
    corpus = _corpus(tmp_path, shared)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    summary = run([corpus], tmp_path / "out")
    errors = [json.loads(line) for line in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    by_path = {e["path"]: e for e in errors}
    assert set(by_path) >= {"broken.pdf", "empty.txt", "picture.png"}
    assert by_path["empty.txt"]["reason"] == "empty file"
    assert all(e["reason"] for e in errors)
    assert summary.records >= 5
    assert summary.failures == len(errors)


def test_stuck_file_times_out_as_an_error_row_not_a_hang(tmp_path, shared):
    corpus = _corpus(tmp_path, shared)
    summary = run([corpus], tmp_path / "out", jobs=1, timeout=0.001)
    errors = [json.loads(line) for line in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    assert summary.files == 5
    assert errors and all(e["reason"].startswith("timed out after") for e in errors)


def test_manifest_url_becomes_source_url(tmp_path, shared):
    corpus = _corpus(tmp_path, shared)
    entry = {
        "url": "https://polisen.se/om-polisen/medborgarloften/eslov/",
        "path": SEED_ESLOV,
        "charset": "utf-8",
    }
    (corpus / "manifest.jsonl").write_text(json.dumps(entry) + "\n")
    run([corpus], tmp_path / "out", jobs=0)
    lines = (tmp_path / "out/records.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    urls = {r["source"]["path"]: r["source"]["url"] for r in records}
    assert urls[SEED_ESLOV] == entry["url"]
    assert "manifest.jsonl" not in urls


def test_unusable_arguments_exit_non_zero(tmp_path, capsys):
    assert main([str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Medborgarlöfte 2020")
    assert main([str(tmp_path / "c"), "-o", str(blocker)]) == 2


def test_sample_corpus_end_to_end_through_all_three_parsers(tmp_path, repo, shared):
    out = tmp_path / "out"
    assert main([str(repo / "corpus"), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert {r["source"]["format"] for r in records} == {"pdf", "html", "txt"}
    assert (out / "errors.jsonl").read_text() == ""
    eslov = sorted(tuple(r["years"]) for r in records if r["kommuner"][0]["name"] == "Eslöv")
    assert eslov == [(2016,), (2017,)], "Eslöv's page holds two promises"
    assert all(r["source"]["url"] for r in records), "the corpus manifest gives every URL"
    pdf = next(r for r in records if r["source"]["format"] == "pdf")
    assert pdf["source"]["pages"] >= 1
    assert all(c["evidence"]["page"] for c in pdf["commitments"])
    header = (out / "commitments.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("record_id,kommun,kommunkod,years,doc_type,categories")


def test_page_about_medborgarloften_in_general_is_an_error_row_not_an_empty_record(tmp_path):
    # h32: a police diary and a national article on the reform each gave a record with no
    # kommun, no year and no commitment, which no researcher can place
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "general.txt").write_text(
        "Polisen lovar folket\n\nMed hjälp av medborgarlöften får polisen veta vad invånarna "
        "tycker är viktigt för att känna sig trygga.\n",
        encoding="utf-8",
    )
    (corpus / "promise.txt").write_text(
        "Medborgarlöfte 2024\n\nDet här lovar vi:\n\n• Polisen ska genomföra fyra "
        "trafikinsatser.\n",
        encoding="utf-8",
    )
    run([corpus], tmp_path / "out")
    errors = [json.loads(line) for line in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    records = [
        json.loads(line) for line in (tmp_path / "out/records.jsonl").read_text().splitlines()
    ]
    assert [(e["path"], e["reason"]) for e in errors] == [("general.txt", "not a medborgarlöfte")]
    assert "names no kommun" in errors[0]["detail"]
    # a promise whose kommun is not named is still a record: its commitments are data
    assert [r["source"]["path"] for r in records] == ["promise.txt"]
