"""The review page's HTML: source text with highlighted evidence beside each record."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .review_spans import Span, Unlocated, record_values, split_located
from .safe_links import link_url

__all__ = ["SourceView", "render_page"]

_TIP_CHARS = 160


@dataclass
class SourceView:
    """One source file: its normalized text (None when missing) and its records."""

    path: str
    sha256: str
    text: str | None
    records: list[dict[str, Any]] = field(default_factory=list)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _asset(name: str) -> str:
    return (resources.files("lofte_extract.publish") / "data" / name).read_text(encoding="utf-8")


def _short(text: str, limit: int = _TIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tip(span: Span, record_label: str) -> str:
    detail = f"\n{span.value.detail}" if span.value.detail else ""
    return f"{record_label}{span.value.field}: {_short(span.value.value)}{detail}"


def _highlighted_text(text: str, spans: list[Span], labels: dict[str, str]) -> str:
    """The text cut at every span boundary; each piece carries the spans covering it."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        out.extend(f'<a class="anchor" id="{s.id}"></a>' for s in starts.get(a, []))
        piece = _e(text[a:b])
        cover = sorted(
            (s for s in spans if s.start <= a and s.end >= b),
            key=lambda s: s.end - s.start,
            reverse=True,
        )
        if not cover:
            out.append(piece)
            continue
        kinds = " ".join(dict.fromkeys(f"k-{s.value.kind}" for s in cover))
        ids = " ".join(f"h-{s.id}" for s in cover)
        tip = "\n".join(_tip(s, labels[s.id]) for s in reversed(cover))
        out.append(
            f'<span class="hl {kinds} {ids}" data-ids="{" ".join(s.id for s in cover)}" '
            f'title="{_e(tip)}">{piece}</span>'
        )
    return "".join(out)


def _url_html(url: Any) -> str:
    if not url or not isinstance(url, str):
        return ""
    if link_url(url):  # never a javascript: link from input
        return f'<a class="url" href="{_e(url)}" rel="noreferrer noopener">{_e(url)}</a>'
    return f'<span class="url">{_e(url)}</span>'


def _value_row(span: Span | None, missing: Unlocated | None) -> str:
    value = span.value if span else missing.value  # type: ignore[union-attr]
    page = (value.evidence or {}).get("page")
    page_html = f' <span class="page">p. {_e(page)}</span>' if page else ""
    if value.detail:
        page_html += f'<span class="detail">{_e(value.detail)}</span>'
    if span is not None:
        return (
            f'<li class="v k-{value.kind}" data-ref="{span.id}"><a class="ev" '
            f'href="#{span.id}">{_e(value.field)}</a> <span class="val">{_e(value.value)}'
            f"</span>{page_html}</li>"
        )
    reason = missing.reason if missing else ""
    return (
        f'<li class="v k-{value.kind} missing"><span class="field">{_e(value.field)}</span> '
        f'<span class="val">{_e(value.value)}</span> <em class="why">not located: '
        f"{_e(reason)}</em>{page_html}</li>"
    )


def _record_html(
    record: dict[str, Any], number: int, spans: list[Span], missing: list[Unlocated]
) -> str:
    by_key = {s.value.key: s for s in spans}
    missing_by_key = {m.value.key: m for m in missing}
    rows = [_value_row(by_key.get(v.key), missing_by_key.get(v.key)) for v in record_values(record)]
    lost = "".join(
        f"<li>{_e(m.value.field)}: {_e(_short(m.value.value, 90))} <em>({_e(m.reason)})</em></li>"
        for m in missing
    )
    lost_html = (
        f'<div class="unlocated"><h4>Not located ({len(missing)})</h4><ul>{lost}</ul></div>'
        if missing
        else ""
    )
    also = "".join(
        f"<li>{_e(a.get('path'))} {_url_html(a.get('url'))}</li>"
        for a in (record.get("also_in") if isinstance(record.get("also_in"), list) else [])
        if isinstance(a, dict)
    )
    also_html = f'<div class="also">Also published in:<ul>{also}</ul></div>' if also else ""
    raw_warnings = record.get("warnings")
    warnings = "".join(
        f"<li>{_e(w)}</li>" for w in (raw_warnings if isinstance(raw_warnings, list) else [])
    )
    warn_html = f'<ul class="warnings">{warnings}</ul>' if warnings else ""
    prefix = spans[0].id.rsplit("-", 1)[0] if spans else ""
    return (
        f'<article class="record" id="rec-{_e(record.get("id"))}" data-prefix="{prefix}">'
        f"<h3>Record {number}: {_e(record.get('title') or '(no title)')}</h3>"
        '<p class="step"><button type="button" data-step="-1">◀ previous</button> '
        '<button type="button" data-step="1">next value ▶</button></p>'
        f'<p class="meta">id {_e(record.get("id"))} · {_e(record.get("doc_type"))} · '
        f"{len(spans)} located, {len(missing)} not located</p>{also_html}{lost_html}{warn_html}"
        f'<ul class="values">{"".join(rows)}</ul></article>'
    )


def _source_html(view: SourceView, index: int) -> tuple[str, int, int]:
    """A source's section, and its counts of located and unlocated values."""
    length = None if view.text is None else len(view.text)
    all_spans: list[Span] = []
    labels: dict[str, str] = {}
    records_html = []
    lost = 0
    for r, record in enumerate(view.records, 1):
        spans, missing = split_located(record_values(record), length, f"s{index}-{r}")
        prefix = f"R{r} " if len(view.records) > 1 else ""
        labels.update({s.id: prefix for s in spans})
        all_spans.extend(spans)
        lost += len(missing)
        records_html.append(_record_html(record, r, spans, missing))
    if view.text is None:
        text_html = '<p class="notext">Normalized text not found in texts/.</p>'
    else:
        text_html = f'<pre class="text">{_highlighted_text(view.text, all_spans, labels)}</pre>'
    first = view.records[0].get("source") if view.records else None
    first = first if isinstance(first, dict) else {}
    pages = first.get("pages")
    pages_text = f"{pages} page{'s' if pages != 1 else ''}" if pages else None
    info = " · ".join(_e(x) for x in (first.get("format"), pages_text) if x)
    section = (
        f'<section class="source" id="src-{index}"><h2>{_e(view.path)} '
        f'<small>{info}</small></h2><p class="srcmeta">{_url_html(first.get("url"))} '
        f'<span class="sha">{_e(view.sha256[:12])}</span></p><div class="cols">'
        f'<div class="pane textpane">{text_html}</div>'
        f'<div class="pane recordpane">{"".join(records_html)}</div></div></section>'
    )
    return section, len(all_spans), lost


def _errors_html(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return ""
    rows = "".join(
        f"<tr><td>{_e(e.get('path'))}</td><td>{_e(e.get('stage'))}</td>"
        f"<td>{_e(e.get('reason'))}</td><td>{_e(e.get('detail'))}</td></tr>"
        for e in errors
    )
    return (
        f'<section class="errors" id="errors"><h2>Files without records ({len(errors)})'
        "</h2><table><thead><tr><th>file</th><th>stage</th><th>reason</th><th>detail</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></section>"
    )


_LEGEND = [
    ("commitment", "commitment"),
    ("target", "target"),
    ("goal", "goal"),
    ("signatory", "signatory"),
    ("kommun", "kommun"),
    ("date", "years / period / date"),
    ("lpo", "lokalpolisområde"),
    ("follow_up", "follow-up"),
    ("meta", "title / doc_type"),
]


def render_page(
    views: list[SourceView],
    errors: list[dict[str, Any]],
    title: str,
    notes: list[str] | None = None,
) -> str:
    """The whole self-contained review page."""
    sections, toc = [], []
    located = unlocated = 0
    for i, view in enumerate(views):
        section, ok, lost = _source_html(view, i)
        sections.append(section)
        located += ok
        unlocated += lost
        flag = f' <span class="bad">{lost} not located</span>' if lost else ""
        toc.append(
            f'<li><a href="#src-{i}">{_e(view.path)}</a> '
            f"({len(view.records)} record{'s' if len(view.records) != 1 else ''}){flag}"
            "</li>"
        )
    legend = "".join(
        f'<button type="button" class="toggle hl k-{k}" data-kind="{k}" '
        f'aria-pressed="true">{_e(label)}</button> '
        for k, label in _LEGEND
    )
    notes_html = "".join(f'<p class="note">{_e(n)}</p>' for n in notes or [])
    records = sum(len(v.records) for v in views)
    error_link = f', <a href="#errors">{len(errors)} files failed</a>' if errors else ""
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_asset('review.css')}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><p class="summary">{len(views)} sources, {records} '
        f"records, {located} values located in the text, {unlocated} not located"
        f"{error_link}.</p>{notes_html}"
        f'<p class="legend">{legend}</p><p class="help">Hover a highlight to see the field and '
        "value; click a field in a record to jump to its evidence, or a highlight to jump to "
        "the field. Step through a record's values with its buttons or the keys j and k; the "
        "legend switches a kind of highlight off and on.</p>"
        f'<details><summary>Sources</summary><ol class="toc">{"".join(toc)}</ol>'
        f"</details></header><main>{''.join(sections)}{_errors_html(errors)}</main>"
        f'<div id="tip" hidden></div><script>{_asset("review.js")}</script></body></html>\n'
    )
