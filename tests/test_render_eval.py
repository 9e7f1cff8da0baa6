"""scripts/render_eval.py: other producers' pages keep the text, and the seeds read the same."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from render_eval import main, publish  # noqa: E402
from render_other import other_html  # noqa: E402

from lofte_extract.parse.html import parse_html  # noqa: E402

PAGE = (
    "Medborgarlöfte för Exempelby 2025\n\n"
    "Polisen och kommunen har tagit fram löftet tillsammans med invånarna, utifrån "
    "medborgardialoger, trygghetsmätningar och den lokala lägesbilden.\n\n"
    "Många har sagt att de känner sig otrygga i centrum på kvällarna och att bilarna kör för "
    "fort förbi skolorna. Därför riktar vi årets arbete mot centrum och skolvägarna.\n\n"
    "Det här ska vi göra\n\n"
    "• Två trygghetsvandringar under hösten\n"
    "• Trafikkontroller vid skolorna\n\n"
    "Anna Berg\nKommunstyrelsens ordförande\n"
)


def test_every_html_style_keeps_the_pages_list_and_signer() -> None:
    for style in ("divs", "br", "divnav"):
        doc = parse_html(other_html(PAGE, style).encode("utf-8"))
        items = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
        assert items == ["Två trygghetsvandringar under hösten", "Trafikkontroller vid skolorna"]
        assert "Anna Berg" in doc.text
        assert "Telefon" not in doc.text and "Barn och utbildning" not in doc.text


def test_publish_writes_pages_and_a_manifest_that_matches_them(tmp_path: Path) -> None:
    source = tmp_path / "txt"
    source.mkdir()
    (source / "a.txt").write_text(PAGE, encoding="utf-8")
    row = {"url": "https://example.se/a", "path": "a.txt", "sha256": "x", "size": 1}
    (source / "manifest.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = publish(source, tmp_path / "divs", "html_divs")
    written = json.loads((out / "manifest.jsonl").read_text(encoding="utf-8"))
    data = (out / "a.html").read_bytes()
    assert written["path"] == "a.html"
    assert written["sha256"] == hashlib.sha256(data).hexdigest()
    assert written["content_type"].startswith("text/html")
    assert written["url"] == "https://example.se/a"


def test_seeds_read_the_same_in_pages_built_of_divs(shared, tmp_path, capsys) -> None:
    # the footer of a div page read as commitments before its prose counted (seeds 0.987)
    main([str(tmp_path), "--sets", "seeds", "--only", "html_divnav"])
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    assert rows["html_divnav"] == ["1.000", "(+0.000)"]
