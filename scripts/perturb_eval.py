"""Metamorphic check: score the eval sets again with their texts written the way other pages are.

    python scripts/perturb_eval.py OUT_DIR [--sets seeds dev dev2] [--only upper_heads skall]

Each perturbation rewrites every txt page of a set the way pages the rules have never seen
differ from these (bullets pasted as 'o', headings in capitals, 'skall' for 'ska', years as
'2019 till 2020', lines hard-wrapped, menus around the text, ...), keeps the gold as it is,
runs the pipeline and prints the overall figure beside the unperturbed one. A drop names a rule
that holds for the pages' form rather than for what they say: a generalisation bug, found
without new pages. Perturbations that change words a gold text quotes ('skall', 'LPO') also
cost the scorer's text matching a little; read their misses with `lofte-extract evaluate -v`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import textwrap
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_eval_sets import against, score_set, txt_baselines  # noqa: E402

__all__ = ["PERTURBATIONS", "SWAP_KOMMUNER", "perturb_folder", "swap_kommuner"]

_BULLET = re.compile(r"^(\s*)[•·▪●◦‣∙]\s*", re.M)
_RANGE = re.compile(r"\b(20\d\d)\s*[-–]\s*(20(\d\d))\b")
_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december"
).split()
_MENU = "Hoppa till innehåll\nMeny\nSök\nLyssna\nStartsida / Trygghet / Medborgarlöfte\n\n"
_FOOTER = "\n\nKontakta oss\nTillgänglighetsredogörelse\nCookies\nDela sidan\n"


def _bullets(marker: Callable[[int], str]) -> Callable[[str], str]:
    """Every bullet glyph at a line start written as marker(n), n counting the items."""

    def rewrite(text: str) -> str:
        count = iter(range(1, 10_000))
        return _BULLET.sub(lambda m: m.group(1) + marker(next(count)), text)

    return rewrite


def _lone_lines(change: Callable[[str], str]) -> Callable[[str], str]:
    """A short line between blank lines, with no closing stop: a heading, changed."""

    def rewrite(text: str) -> str:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            lone = (i == 0 or not lines[i - 1].strip()) and (
                i + 1 == len(lines) or not lines[i + 1].strip()
            )
            bare = line.strip()
            if lone and 3 < len(bare) < 50 and bare[:1].isupper() and bare[-1] not in ".!?,:;":
                lines[i] = change(line)
        return "\n".join(lines)

    return rewrite


def _wrapped(text: str) -> str:
    out = []
    for line in text.split("\n"):
        long = len(line) > 75
        out.extend(textwrap.wrap(line, 72, break_long_words=False) if long else [line])
    return "\n".join(out)


def _iso_as_words(text: str) -> str:
    def words(m: re.Match) -> str:
        month = int(m.group(2))
        return f"{int(m.group(3))} {_MONTHS[month - 1]} {m.group(1)}" if 1 <= month <= 12 else m[0]

    return _ISO.sub(words, text)


def _sub(pattern: str, replacement: str) -> Callable[[str], str]:
    compiled = re.compile(pattern)
    return lambda text: compiled.sub(replacement, text)


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "bullets_dash": _bullets(lambda n: "- "),
    "bullets_star": _bullets(lambda n: "* "),
    "bullets_numbered": _bullets(lambda n: f"{n}. "),
    "bullets_paren": _bullets(lambda n: f"{n}) "),
    "bullets_o": _bullets(lambda n: "o "),  # a word processor's list pasted as text
    "bullets_private_use": _bullets(lambda n: "\uf0b7 "),
    "bullets_en_dash": _bullets(lambda n: "– "),
    "headings_capitals": _lone_lines(str.upper),
    "headings_markdown": _lone_lines(lambda line: "## " + line.strip()),
    "headings_bold": _lone_lines(lambda line: f"**{line.strip()}**"),
    "years_en_dash": lambda text: _RANGE.sub(r"\1–\2", text),
    "years_spaced": lambda text: _RANGE.sub(r"\1 - \2", text),
    "years_slash": lambda text: _RANGE.sub(r"\1/\2", text),
    "years_till": lambda text: _RANGE.sub(r"\1 till \2", text),
    "years_short": lambda text: _RANGE.sub(r"\1-\3", text),
    "dates_in_words": _iso_as_words,
    "skall": _sub(r"\bska\b", "skall"),
    "atar_sig": _sub(r"\blovar att\b", "åtar sig att"),
    "varje_ar": _sub(r"\bper år\b", "varje år"),
    "i_veckan": _sub(r"\b(?:per|varje) vecka\b", "i veckan"),
    "lpo": _sub(r"\b[Ll]okalpolisområde ", "LPO "),
    "kommun_capital": _sub(r"\b([A-ZÅÄÖ][a-zåäö]+s?) kommun\b", r"\1 Kommun"),
    "menus": lambda text: _MENU + text + _FOOTER,
    "no_blank_lines": _sub(r"\n\s*\n", "\n"),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "nbsp_after_numbers": _sub(r"(\d) (\w)", "\\1\u00a0\\2"),
    "hard_wrapped": _wrapped,
}


# Kommuner the pages were not written about, for the swap: names that are common words
# ('Ale', 'Mark', 'Vara', 'Berg'), of two words or hyphenated, and genitives without an 's'.
SWAP_KOMMUNER = (
    "Ale",
    "Mark",
    "Vara",
    "Berg",
    "Upplands Väsby",
    "Lilla Edet",
    "Dals-Ed",
    "Malung-Sälen",
    "Östra Göinge",
    "Håbo",
    "Borås",
    "Falun",
)
_KOMMUNER = Path(__file__).resolve().parents[1] / "src/lofte_extract/extract/data/kommuner.tsv"
_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


@lru_cache(maxsize=1)
def _written_genitives() -> dict[str, str]:
    """The genitives the kommun table writes out ('Falun': 'Falu'), read once."""
    lines = _KOMMUNER.read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if not line.startswith("#"))
    return {cells[0]: cells[3] for cells in rows if len(cells) > 3 and cells[3]}


def _genitive(name: str) -> str:
    """'Falu' for Falun from the kommun table, else the name with an 's' unless it ends in one."""
    written = _written_genitives().get(name)
    return written or (name if name.endswith(("s", "x", "z")) else name + "s")


def _slug(name: str) -> str:
    return name.translate(_FOLD).lower().replace(" ", "-")


def _swapper(old: list[str], taken: str, turn: int) -> Callable[[str], str]:
    """A text function writing each kommun of `old` as one of SWAP_KOMMUNER (starting at the
    page's `turn`, so each name is tried), genitives and address slugs too."""
    order = SWAP_KOMMUNER[turn % len(SWAP_KOMMUNER) :] + SWAP_KOMMUNER[: turn % len(SWAP_KOMMUNER)]
    free = [k for k in order if k not in taken and k not in old]
    forms: dict[str, str] = {}
    for name, new in zip(old, free, strict=False):
        forms[_genitive(name)] = _genitive(new)
        forms[name] = new
        forms[_slug(name)] = _slug(new)
    if not forms:
        return lambda text: text
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")
    return lambda text: pattern.sub(lambda m: forms[m.group(1)], text)


def _rewritten(value: object, change: Callable[[str], str]) -> object:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_rewritten(v, change) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "source" else _rewritten(v, change) for k, v in value.items()}
    return value


def swap_kommuner(folders: dict[str, Path], target: Path) -> dict[str, Path]:
    """Copy a rendered txt set and its gold with each page's kommuner renamed (text, gold, URL)."""
    txt, gold = target / "txt", target / "gold"
    txt.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    rows = []
    lines = (folders["txt"] / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    for turn, line in enumerate(lines):
        row = json.loads(line)
        text = (folders["txt"] / row["path"]).read_text(encoding="utf-8")
        gold_file = folders["gold"] / (Path(row["path"]).stem + ".json")
        truth = json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else {}
        named = [k for d in truth.get("documents", []) for k in d.get("kommuner", [])]
        # a kommun the page only implies ('Skarpnäck' for Stockholm) keeps its name: renaming
        # it in the gold alone would make the page wrong, not different
        named = [k for k in named if re.search(rf"(?<![\w-]){re.escape(k)}", text)]
        change = _swapper(list(dict.fromkeys(named)), text, turn)
        data = change(text).encode("utf-8")
        (txt / row["path"]).write_bytes(data)
        if gold_file.exists():
            rewritten = json.dumps(_rewritten(truth, change), ensure_ascii=False, indent=1)
            (gold / gold_file.name).write_text(rewritten, encoding="utf-8")
        row.update(
            url=change(row["url"]),
            final_url=change(row.get("final_url") or row["url"]),
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )
        rows.append(json.dumps(row, ensure_ascii=False))
    (txt / "manifest.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {"txt": txt, "gold": gold}


def perturb_folder(source: Path, target: Path, change: Callable[[str], str]) -> Path:
    """Copy a rendered txt folder with every page changed; the manifest's hashes follow."""
    target.mkdir(parents=True, exist_ok=True)
    rows = []
    for line in (source / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        data = change((source / row["path"]).read_text(encoding="utf-8")).encode("utf-8")
        (target / row["path"]).write_bytes(data)
        row.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        rows.append(json.dumps(row, ensure_ascii=False))
    (target / "manifest.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point: one line per perturbation, the overall figure per set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sets", nargs="+", default=["seeds", "dev", "dev2"])
    names = sorted([*PERTURBATIONS, "kommun_swap"])
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME")
    args = parser.parse_args(argv)
    folders, base = txt_baselines(args.sets, args.out_dir)
    print("perturbation".ljust(22) + "".join(f"{name:>16}" for name in args.sets))
    print("(none)".ljust(22) + "".join(f"{base[name]:>16.3f}" for name in args.sets))
    for key in args.only or [*PERTURBATIONS, "kommun_swap"]:
        cells = []
        for name, folder in folders.items():
            if key == "kommun_swap":  # the gold changes with the text
                changed = swap_kommuner(folder, args.out_dir / key / name)
            else:
                text = perturb_folder(folder["txt"], args.out_dir / key / name, PERTURBATIONS[key])
                changed = {**folder, "txt": text}
            figure = score_set(changed, "txt", args.out_dir / key / "runs" / name)
            cells.append(against(figure, base[name]))
        print(key.ljust(22) + "".join(f"{cell:>16}" for cell in cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
