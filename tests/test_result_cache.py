"""The result cache: a re-run on an unchanged corpus computes nothing, any rule change
recomputes everything, a changed file recomputes itself, and no partial entry is ever served."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from lofte_extract.cache import ResultCache, code_fingerprint
from lofte_extract.cli import main
from lofte_extract.pipeline import run

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = ("records.jsonl", "commitments.csv", "errors.jsonl")


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus, ignore=shutil.ignore_patterns(".gold"))
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated")
    return corpus


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json"))


def _python(code: str, *args: str, src: Path = REPO / "src") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_rerun_on_an_unchanged_corpus_is_served_from_the_cache_byte_identical(tmp_path):
    corpus = _corpus(tmp_path)
    cold = run([corpus], tmp_path / "out", jobs=0)
    assert cold.cached == 0 and cold.files == 6
    assert len(_entries(tmp_path / "out" / ".cache")) == 6
    before = _outputs(tmp_path / "out")
    warm = run([corpus], tmp_path / "out", jobs=0)
    assert warm.cached == 6 and warm.documents_extracted == 0
    assert _outputs(tmp_path / "out") == before
    fresh = run([corpus], tmp_path / "fresh", jobs=0, use_cache=False)
    assert fresh.cached == 0 and not (tmp_path / "fresh" / ".cache").exists()
    assert _outputs(tmp_path / "fresh") == before


def test_a_fully_cached_run_loads_no_spacy(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    assert main([str(corpus), "-o", str(out), "-q"]) == 0
    probe = (
        "import sys\n"
        "from lofte_extract.cli import main\n"
        "assert main(sys.argv[1:]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))\n"
    )
    done = _python(probe, str(corpus), "-o", str(out), "-q")
    assert done.stdout.strip() == "[]"
    assert "6 from cache" in done.stderr


def test_changing_one_input_recomputes_only_that_file(tmp_path):
    corpus = _corpus(tmp_path)
    run([corpus], tmp_path / "out", jobs=0)
    page = corpus / "001_0d21e82399c5e8ca.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nUppdaterad.\n", encoding="utf-8")
    again = run([corpus], tmp_path / "out", jobs=0)
    assert (again.cached, again.documents_extracted) == (5, 1)
    assert run([corpus], tmp_path / "fresh", jobs=0, use_cache=False) and (
        _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")
    )


def test_changing_one_data_file_recomputes_everything(tmp_path):
    """A copy of the package with one vocabulary file touched sees no entry of the original."""
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    run([corpus], tmp_path / "out", jobs=0, cache_dir=cache)
    src = tmp_path / "src"
    shutil.copytree(
        REPO / "src" / "lofte_extract",
        src / "lofte_extract",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    data = src / "lofte_extract" / "extract" / "data" / "categories.json"
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from lofte_extract.cache import code_fingerprint\n"
        "from lofte_extract.pipeline import run\n"
        "s = run([sys.argv[1]], sys.argv[2], jobs=0, cache_dir=sys.argv[3])\n"
        "print(code_fingerprint(), s.cached, s.documents_extracted)\n"
    )
    done = _python(probe, str(corpus), str(tmp_path / "out2"), str(cache), src=src)
    fingerprint, cached, extracted = done.stdout.split()
    assert fingerprint != code_fingerprint()
    assert (cached, extracted) == ("0", "5")  # broken.pdf gives no text
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "out2")


def test_a_truncated_or_foreign_entry_is_recomputed_not_served(tmp_path):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    run([corpus], tmp_path / "out", jobs=0, cache_dir=cache)
    before = _outputs(tmp_path / "out")
    entries = _entries(cache)
    whole = entries[0].read_bytes()
    entries[0].write_bytes(whole[: len(whole) // 2])  # a torn write
    swapped = json.loads(entries[1].read_text(encoding="utf-8"))
    entries[2].write_text(json.dumps(swapped), encoding="utf-8")  # another key's entry
    again = run([corpus], tmp_path / "out", jobs=0, cache_dir=cache)
    assert again.cached == 4  # the torn and the foreign entry recomputed
    assert _outputs(tmp_path / "out") == before
    assert entries[0].read_bytes() == whole  # rewritten whole


def test_a_killed_run_leaves_only_whole_entries_and_the_rerun_completes(tmp_path):
    corpus = _corpus(tmp_path)
    text = (corpus / "001_0d21e82399c5e8ca.txt").read_text(encoding="utf-8")
    for n in range(12):
        (corpus / f"extra_{n:02}.txt").write_text((text + "\n") * 8 + f"{n}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [
        sys.executable,
        "-m",
        "lofte_extract",
        str(corpus),
        "-o",
        str(tmp_path / "out"),
        "--cache",
        str(cache),
        "-q",
        "--jobs",
        "2",
    ]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(_entries(cache)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = _entries(cache)
    assert 3 <= len(written) < 18, "the run was not killed midway"
    for entry in written:
        assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem
    store = ResultCache(cache)
    assert all(store.get(entry.stem) is not None for entry in written)
    again = run([corpus], tmp_path / "out", cache_dir=cache)
    assert again.cached == len(written) and again.files == 18
    run([corpus], tmp_path / "fresh", use_cache=False)
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")


def test_an_unchanged_rerun_links_the_previous_dataset_files(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    run([corpus], out, jobs=0)
    first = {name: (out / name).stat().st_ino for name in ("lofte.sqlite", "records.csv")}
    before = _outputs(out)
    run([corpus], out, jobs=0)
    # same records, same writer code: the files are the previous ones, not written again
    assert {name: (out / name).stat().st_ino for name in first} == first
    assert _outputs(out) == before
    text = next((corpus).glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + "\nPolisen ska hålla två möten.\n")
    run([corpus], out, jobs=0)
    assert (out / "lofte.sqlite").stat().st_ino != first["lofte.sqlite"]
    assert "hålla två möten" in (out / "records.jsonl").read_text(encoding="utf-8")


def test_a_dataset_file_missing_from_the_previous_set_is_written_again(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    run([corpus], out, jobs=0)
    (out / "records.csv").unlink()
    run([corpus], out, jobs=0)
    assert (out / "records.csv").is_file()


def test_errors_of_this_machine_are_not_cached():
    # 'needs OCR (install tesseract-ocr-swe)' was served from the cache after installing it
    from lofte_extract.cache import cacheable
    from lofte_extract.records import ErrorRow

    def row(reason: str, detail: str | None = None) -> ErrorRow:
        return ErrorRow(path="x.pdf", stage="parse", reason=reason, detail=detail)

    assert not cacheable(row("no text layer: needs OCR (install tesseract-ocr-swe)"))
    assert not cacheable(row("OCR failed", "a page took over 60s"))
    assert not cacheable(row("out of memory", "MemoryError"))
    assert cacheable(row("no text layer: needs OCR", "12 glyphs without a unicode map"))
    assert cacheable(row("corrupt PDF", "no %PDF header"))
    assert cacheable(None)
