"""scripts/perturb_eval.py: the perturbations change what they say, and the seeds stay robust."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from perturb_eval import PERTURBATIONS, SWAP_KOMMUNER, main, perturb_folder, swap_kommuner  # noqa: E402


def test_bullets_and_headings_change_only_their_lines():
    page = "Vi lovar\n\n• Två trygghetsvandringar.\n• Fyra trafikinsatser.\n\nSlut på texten."
    assert PERTURBATIONS["bullets_o"](page) == (
        "Vi lovar\n\no Två trygghetsvandringar.\no Fyra trafikinsatser.\n\nSlut på texten."
    )
    assert PERTURBATIONS["bullets_numbered"](page).count("\n2. ") == 1
    assert PERTURBATIONS["headings_capitals"](page).startswith("VI LOVAR\n\n• Två")


def test_years_and_wrapping():
    assert (
        PERTURBATIONS["years_till"]("Löftet 2019-2020 gäller.") == "Löftet 2019 till 2020 gäller."
    )
    assert PERTURBATIONS["years_short"]("2019–2020") == "2019-20"
    assert PERTURBATIONS["dates_in_words"]("Eslöv 2017-02-15") == "Eslöv 15 februari 2017"
    wrapped = PERTURBATIONS["hard_wrapped"]("ord " * 60)
    assert max(len(line) for line in wrapped.split("\n")) <= 72
    assert wrapped.split() == ("ord " * 60).split()


def test_perturb_folder_rewrites_pages_and_their_manifest(tmp_path):
    source = tmp_path / "txt"
    source.mkdir()
    (source / "a.txt").write_text("Polisen ska synas.", encoding="utf-8")
    row = {"url": "https://example.se/a", "path": "a.txt", "sha256": "x", "size": 1}
    (source / "manifest.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = perturb_folder(source, tmp_path / "skall", PERTURBATIONS["skall"])
    data = (out / "a.txt").read_bytes()
    assert data.decode() == "Polisen skall synas."
    written = json.loads((out / "manifest.jsonl").read_text(encoding="utf-8"))
    assert written["sha256"] == hashlib.sha256(data).hexdigest()
    assert written["size"] == len(data)


def test_seeds_read_the_same_with_pasted_bullets_and_headings_in_capitals(shared, tmp_path, capsys):
    # two generalisation bugs this check found: 'o ' bullets and headings in capitals
    main([str(tmp_path), "--sets", "seeds", "--only", "bullets_o", "headings_capitals"])
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    assert rows["bullets_o"] == rows["headings_capitals"] == ["1.000", "(+0.000)"]


def test_swap_kommuner_renames_a_page_its_gold_and_its_address(tmp_path):
    txt, gold = tmp_path / "txt", tmp_path / "gold"
    txt.mkdir()
    gold.mkdir()
    (txt / "a.txt").write_text("Eslövs kommun och polisen i Eslöv lovar.", encoding="utf-8")
    row = {"url": "https://polisen.se/medborgarloften/eslov/", "path": "a.txt", "sha256": "x"}
    (txt / "manifest.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    truth = {"source": "a.txt", "documents": [{"kommuner": ["Eslöv"], "lokalpolisomrade": "Eslöv"}]}
    (gold / "a.json").write_text(json.dumps(truth), encoding="utf-8")
    out = swap_kommuner({"txt": txt, "gold": gold}, tmp_path / "swapped")
    new = SWAP_KOMMUNER[0]
    assert (out["txt"] / "a.txt").read_text(encoding="utf-8") == (
        f"{new}s kommun och polisen i {new} lovar."
    )
    document = json.loads((out["gold"] / "a.json").read_text(encoding="utf-8"))["documents"][0]
    assert document == {"kommuner": [new], "lokalpolisomrade": new}
    url = json.loads((out["txt"] / "manifest.jsonl").read_text(encoding="utf-8"))["url"]
    assert url == f"https://polisen.se/medborgarloften/{new.lower()}/"
