"""A deterministic national-size corpus: promises of every kommun as PDF, web page and text.

    python benchmarks/corpus.py OUT_DIR [--scale 1.0] [--seed 8]

At scale 1: 3,000 documents, half PDFs of 1-4 pages (running header, page footer, bullets,
a ruled table in some, two signatures side by side, a two-column brochure every fifth), a
few follow-up reports of 100+ pages, 30% web pages (polisen.se and Sitevision furniture,
some windows-1252) and 20% plain text. The same seed and scale give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import render  # noqa: E402  (tools/ is not a package)

__all__ = ["DOCUMENTS", "LONG_DOCUMENTS", "build_corpus", "promise_text"]

DOCUMENTS = 3000  # at scale 1
LONG_DOCUMENTS = 3  # follow-up reports of 100+ pages, at scale 1 (at least one at any scale)
LONG_SECTIONS = 100  # sections of a long report; each fills about a page
SHARES = (("pdf", 0.5), ("html", 0.3), ("txt", 0.2))

_KOMMUNER = ROOT / "src" / "lofte_extract" / "extract" / "data" / "kommuner.tsv"
_FIRST = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Per",
    "Eva",
    "Mikael",
    "Lena",
    "Anders",
    "Helena",
    "Peter",
    "Camilla",
    "Jonas",
]
_LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Lindberg",
    "Holm",
    "Berg",
    "Sandberg",
]
_ACTIVITIES = [
    ("genomföra minst {n} trygghetsvandringar i {place}", "trygghetsvandringar"),
    ("genomföra {n} medborgardialoger om tryggheten i {place}", "medborgardialoger"),
    ("besöka skolorna i {place} minst {n} gånger per termin", "skolbesök"),
    ("genomföra minst {n} trafikkontroller vid skolor i {place}", "trafikkontroller"),
    ("ta bort klotter inom {n} dagar från anmälan i {place}", "klotter"),
    ("genomföra {n} gemensamma tillsynsbesök på krogar i {place}", "tillsyn"),
    ("besöka fritidsgårdarna i {place} minst {n} gånger i månaden", "fritidsgårdar"),
    ("förbättra belysningen på minst {n} platser i {place}", "belysning"),
]
_PLACES = ["centrum", "stationsområdet", "Norra området", "hamnen", "parken", "Södra torget"]
_NUMBERS = ["två", "tre", "fyra", "fem", "sex", "tio", "12", "20"]
_BACKGROUND = (
    "Medborgarlöftet bygger på en gemensam lägesbild som kommunen och polisen tagit fram "
    "tillsammans med invånare, föreningar och näringsliv i {kommun}. Medborgardialogerna visade "
    "att otrygghet i {place} och trafiken vid skolorna är det som oroar flest. "
)


@dataclass(frozen=True)
class Planned:
    """One document of the corpus."""

    name: str
    fmt: str
    text: str
    variant: int


def _kommuner() -> list[str]:
    lines = _KOMMUNER.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line and not line.startswith("#")]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _commitments(rng: random.Random, count: int) -> list[str]:
    lines = []
    for _ in range(count):
        template, _topic = rng.choice(_ACTIVITIES)
        lines.append(
            "- " + template.format(n=rng.choice(_NUMBERS), place=rng.choice(_PLACES)) + "."
        )
    return lines


def promise_text(rng: random.Random, kommun: str, year: int, pages: int) -> str:
    """A promise of roughly `pages` A4 pages: background, promises, a table, follow-up, signers."""
    place = rng.choice(_PLACES)
    background = _BACKGROUND.format(kommun=kommun, place=place)
    parts = [
        f"Medborgarlöfte {kommun} {year}",
        f"Polisen och {kommun} kommun ger tillsammans följande medborgarlöfte för {year}.",
        "Bakgrund",
        background * (2 + 7 * (pages - 1)),
        "Våra löften",
        "Kommunen och polisen lovar att:",
        *_commitments(rng, 3 + 6 * (pages - 1)),
    ]
    if rng.random() < 0.3:
        parts += [
            "Aktivitet | Antal | Ansvar",
            "Trygghetsvandring | 4 | Kommunen",
            "Skolbesök | 8 | Polisen",
        ]
    parts += [
        "Uppföljning",
        f"Medborgarlöftet följs upp varje kvartal och redovisas senast {year + 1}-01-31.",
        f"{kommun} den {year}-01-{rng.randint(10, 28)}",
        f"{_person(rng)}   {_person(rng)}",
        "kommunstyrelsens ordförande   lokalpolisområdeschef",
    ]
    return "\n\n".join(parts) + "\n"


def _long_report(rng: random.Random, kommun: str, year: int) -> str:
    sections = []
    for n in range(1, LONG_SECTIONS + 1):
        sections += [
            f"Avsnitt {n}: uppföljning i {rng.choice(_PLACES)}",
            _BACKGROUND.format(kommun=kommun, place=rng.choice(_PLACES)) * 12,
            *_commitments(rng, 12),
        ]
    head = [
        f"Uppföljning av medborgarlöfte {kommun} {year}",
        f"Rapporten följer upp medborgarlöftet för {kommun} {year} avsnitt för avsnitt.",
    ]
    return "\n\n".join(head + sections) + "\n"


def plan(scale: float, seed: int) -> list[Planned]:
    """Every document of the corpus at this scale, in a fixed order."""
    rng = random.Random(seed)
    kommuner = _kommuner()
    total = max(10, round(DOCUMENTS * scale))
    long_count = max(1, round(LONG_DOCUMENTS * scale))
    planned = []
    for index in range(total):
        kommun = kommuner[index % len(kommuner)]
        year = 2016 + index // len(kommuner) % 9
        fmt = "pdf" if index < long_count else _format(rng)
        if index < long_count:
            text = _long_report(rng, kommun, year)
        else:
            text = promise_text(rng, kommun, year, rng.choice((1, 1, 2, 2, 3, 4)))
        planned.append(Planned(f"{index:05}_{fmt}.{fmt}", fmt, text, rng.randrange(10)))
    return planned


def _format(rng: random.Random) -> str:
    roll = rng.random()
    for fmt, share in SHARES:
        if roll < share:
            return fmt
        roll -= share
    return SHARES[-1][0]


def _render(doc: Planned) -> bytes:
    if doc.fmt == "pdf":
        return render.render_pdf(doc.text, variant=doc.variant)
    if doc.fmt == "html":
        encoding = "windows-1252" if doc.variant == 7 else "utf-8"
        return render.render_html(doc.text, variant=doc.variant, encoding=encoding)
    return doc.text.encode("utf-8")


def build_corpus(out_dir: Path, scale: float = 1.0, seed: int = 8) -> Path:
    """Write the corpus into out_dir (reused when a finished one of this scale and seed is
    there); returns the folder of documents."""
    docs = out_dir / "docs"
    stamp = out_dir / "corpus.json"
    wanted = {"scale": scale, "seed": seed}
    if stamp.is_file() and json.loads(stamp.read_text())["params"] == wanted:
        return docs
    docs.mkdir(parents=True, exist_ok=True)
    for doc in plan(scale, seed):
        (docs / doc.name).write_bytes(_render(doc))
    stamp.write_text(json.dumps({"params": wanted}), encoding="utf-8")
    return docs


def main(argv: list[str] | None = None) -> int:
    """Command line: build the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 3,000 documents")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    docs = build_corpus(args.out_dir, args.scale, args.seed)
    print(f"{len(list(docs.iterdir()))} documents in {docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
