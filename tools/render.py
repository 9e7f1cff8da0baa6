"""Render a source .txt to realistic PDF and HTML fixtures.

The fixtures imitate what the pipeline meets in the wild: PDFs signed in Word
(running header, "Sida N av M" footer, bullets that pdfplumber extracts as
`(cid:127)` or a stray `l`, signatures side by side under dotted lines) and web
pages from polisen.se and Sitevision kommun sites (cookie banner, nav,
breadcrumbs, share buttons, aside, scripts), in utf-8 or windows-1252.

    python tools/render.py SOURCE.txt OUT.pdf|OUT.html [--variant N]
"""

from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Item",
    "bare_page",
    "page_template",
    "parse_source",
    "render_bare_html",
    "render_html",
    "render_pdf",
]

_BULLET = re.compile(r"^\s*(?:[•·▪◦●\-–*]|\(cid:\d+\)|\uf0b7)\s+")
_DOTS = re.compile(r"^\s*[._…]{4,}\s*$")
_COLUMNS = re.compile(r"\s{3,}|\t+")
_CELLS = re.compile(r"\s+\|\s+")
_ORG = re.compile(r"^För\s+\S")
_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüëø'’]+(?:-[A-ZÅÄÖÉÜ]?[a-zåäöéüëø'’]+)*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+\([A-ZÅÄÖa-zåäö]{{1,4}}\))?$")
# Stems that make a short line a role title rather than a name or a heading.
_TITLE_STEMS = (
    "ordförande",
    "ordf",
    "chef",
    "polis",
    "direktör",
    "kommunalråd",
    "samordnare",
    "strateg",
    "ansvarig",
    "kommunstyrelse",
    "nämnd",
    "president",
    "handläggare",
)
_SENTENCE_END = (".", "!", "?", ";", ",", ":")


@dataclass
class Item:
    """One structural unit of a source text."""

    kind: str  # heading | paragraph | list | signatures
    text: str = ""
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str | None]] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)  # "För Polismyndigheten" above each signer
    rows: list[list[str]] = field(default_factory=list)  # table rows, header first


def _is_title(line: str) -> bool:
    low = line.lower()
    return len(line) <= 70 and not line.endswith(".") and any(s in low for s in _TITLE_STEMS)


def _is_name(line: str) -> bool:
    return bool(_NAME.match(line)) and not _is_title(line)


def _columns(line: str) -> list[str]:
    return [c.strip() for c in _COLUMNS.split(line.strip()) if c.strip()]


def _is_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 90 or line.endswith(_SENTENCE_END):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= len(line) / 2


def _signature_run(lines: list[str], i: int) -> tuple[list[tuple[str, str | None]], list[str], int]:
    """Name/title pairs starting at line i, the 'För ...' labels above them, and the index
    after them (i when none)."""
    pairs: list[tuple[str, str | None]] = []
    orgs: list[str] = []
    j = i
    while j < len(lines):
        k = j
        while k < len(lines) and (not lines[k].strip() or _DOTS.match(lines[k])):
            k += 1
        if k >= len(lines):
            break
        labels = _columns(lines[k])
        if labels and all(_ORG.match(x) for x in labels):
            k += 1
            while k < len(lines) and (not lines[k].strip() or _DOTS.match(lines[k])):
                k += 1
            if k >= len(lines):
                break
        else:
            labels = []
        names = _columns(lines[k])
        if not names or not all(_is_name(n) for n in names):
            break
        t = k + 1
        while t < len(lines) and not lines[t].strip():
            t += 1
        titles = _columns(lines[t]) if t < len(lines) else []
        if titles and len(titles) == len(names) and all(_is_title(x) for x in titles):
            pairs.extend(zip(names, titles, strict=True))
            j = t + 1
        elif titles and len(names) == 1 and _is_title(lines[t].strip()):
            pairs.append((names[0], lines[t].strip()))
            j = t + 1
        else:
            break
        orgs.extend(labels if len(labels) == len(names) else [""] * len(names))
    return pairs, (orgs if any(orgs) else []), (j if pairs else i)


def parse_source(text: str) -> list[Item]:
    """Split a source text into headings, paragraphs, lists, tables ("a | b" lines) and
    signature groups."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Item] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _DOTS.match(line):
            i += 1
            continue
        pairs, orgs, after = _signature_run(lines, i)
        if pairs:
            out.append(Item("signatures", pairs=pairs, orgs=orgs))
            i = after
            continue
        if len(_CELLS.split(line.strip())) >= 2:
            rows = []
            while i < len(lines) and len(_CELLS.split(lines[i].strip())) >= 2:
                rows.append([c.strip() for c in _CELLS.split(lines[i].strip())])
                i += 1
            out.append(Item("table", rows=rows))
            continue
        if _BULLET.match(line):
            item = _BULLET.sub("", line).strip()
            if out and out[-1].kind == "list" and _prev_blank_free(lines, i):
                out[-1].items.append(item)
            else:
                out.append(Item("list", items=[item]))
            i += 1
            continue
        stripped = line.strip()
        kind = "heading" if _is_heading(stripped) else "paragraph"
        out.append(Item(kind, text=stripped))
        i += 1
    return out


def _prev_blank_free(lines: list[str], i: int) -> bool:
    """Whether the previous non-empty line was a bullet (lists tolerate blank lines)."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and bool(_BULLET.match(lines[k]))


def _title_of(items: list[Item]) -> str:
    """The page title: the first heading naming the promise, else the first heading."""
    headings = [i.text for i in items if i.kind == "heading"]
    named = [h for h in headings if "löfte" in h.lower() or "överenskommelse" in h.lower()]
    return (named or headings or ["Medborgarlöfte"])[0]


# --- PDF -------------------------------------------------------------------------------------


def render_pdf(text: str, variant: int = 0, columns: int | None = None) -> bytes:
    """The source text as a signed-document PDF (bytes); columns=2 for a brochure layout."""
    from render_pdf import build_pdf  # tools/ is on sys.path wherever render is imported

    items = parse_source(text)
    return build_pdf(items, _title_of(items), variant, columns)


# --- HTML ------------------------------------------------------------------------------------


def _list_html(items: list[str], variant: int) -> str:
    # Every third Sitevision page pastes lists from Word: paragraphs starting with a bullet.
    if variant % 6 == 5:
        return "\n".join(f'<p class="normal">•&nbsp;{html.escape(x)}</p>' for x in items)
    lis = "".join(f"\n  <li>{html.escape(x)}</li>" for x in items)
    return f"<ul>{lis}\n</ul>"


def _signature_table_html(item: Item) -> str:
    """Signers two to a row in a layout table, name and title on separate rows."""
    orgs = item.orgs or [""] * len(item.pairs)
    rows = []
    for k in range(0, len(item.pairs), 2):
        pairs, labels = item.pairs[k : k + 2], orgs[k : k + 2]
        if any(labels):
            rows.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in labels) + "</tr>")
        rows.append(
            "<tr>"
            + "".join(f"<td><strong>{html.escape(n)}</strong></td>" for n, _ in pairs)
            + "</tr>"
        )
        rows.append(
            "<tr>" + "".join(f"<td>{html.escape(t or '')}</td>" for _, t in pairs) + "</tr>"
        )
    body = "\n".join(rows)
    return f'<table class="signatures" role="presentation">\n{body}\n</table>'


def render_bare_html(text: str) -> str:
    """The source text as a plain HTML page: no site furniture, no styles."""
    items = parse_source(text)
    return bare_page(items, _body_html(items))


def bare_page(items: list[Item], body: str) -> str:
    """`body` in a page with no site furniture and no styles, titled after the items."""
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{html.escape(_title_of(items))}</title></head>"
        f"<body>{body}</body></html>"
    )


def _body_html(items: list[Item], variant: int = 0) -> str:
    parts = []
    first_heading = True
    for item in items:
        if item.kind == "heading":
            tag = "h1" if first_heading else "h2"
            first_heading = False
            parts.append(f"<{tag}>{html.escape(item.text)}</{tag}>")
        elif item.kind == "paragraph":
            parts.append(f"<p>{html.escape(item.text)}</p>")
        elif item.kind == "list":
            parts.append(_list_html(item.items, variant))
        elif item.kind == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in item.rows[0])
            body = "".join(
                "\n  <tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in item.rows[1:]
            )
            parts.append(
                f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}\n</tbody>\n</table>"
            )
        elif variant % 4 == 3:
            parts.append(_signature_table_html(item))
        else:
            orgs = item.orgs or [""] * len(item.pairs)
            cells = "".join(
                '\n  <div class="signature">'
                + (f'<p class="org">{html.escape(org)}</p>' if org else "")
                + '<p class="sign-line">&nbsp;</p>'
                f"<p><strong>{html.escape(name)}</strong><br>{html.escape(title or '')}</p></div>"
                for (name, title), org in zip(item.pairs, orgs, strict=True)
            )
            parts.append(f'<div class="signatures">{cells}\n</div>')
    return "\n".join(parts)


# Page layouts with {charset}, {title} and {body} slots ({{ }} escapes CSS/JS braces).
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def page_template(variant: int) -> str:
    """The page layout for a variant: even is polisen.se-like, odd Sitevision-kommun-like."""
    name = "polisen.html" if variant % 2 == 0 else "sitevision.html"
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def render_html(text: str, variant: int = 0, encoding: str = "utf-8") -> bytes:
    """The source text as a web page with site furniture, encoded as asked."""
    items = parse_source(text)
    title = _title_of(items)
    page = page_template(variant).format(
        charset=encoding,
        title=html.escape(title),
        body=_body_html(items, variant),
    )
    return page.encode(encoding, errors="xmlcharrefreplace")


def main(argv: list[str] | None = None) -> int:
    """Command line: render one source file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--variant", type=int, default=0)
    parser.add_argument("--encoding", default="utf-8")
    args = parser.parse_args(argv)
    text = args.source.read_text(encoding="utf-8")
    if args.out.suffix == ".pdf":
        data = render_pdf(text, args.variant)
    else:
        data = render_html(text, args.variant, args.encoding)
    args.out.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
