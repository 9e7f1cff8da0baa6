"""Charts as inline SVG written in Python: they need no script and no network to show."""

from __future__ import annotations

from html import escape

from .report_data import category_color, category_label

__all__ = ["stacked_bars"]


def stacked_bars(counts: dict[int, dict[str, int]], categories: list[str], title: str = "") -> str:
    """A stacked bar per year, one segment per category, with axis, legend and tooltips."""
    years = sorted(counts)
    if not years:
        return '<p class="summary">Inga år att visa.</p>'
    totals = [sum(counts[y].values()) for y in years]
    top = max(max(totals), 1)
    bar, gap, left, base, height = 44, 22, 40, 230, 200
    width = left + len(years) * (bar + gap) + 20
    legend_x = width + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{legend_x + 190}" height="{max(base + 30, 22 * len(categories) + 20)}" '
        f'aria-label="{escape(title)}">',
        f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#57606a"/>',
        f'<line x1="{left}" y1="{base - height}" x2="{left}" y2="{base}" stroke="#57606a"/>',
        f'<text x="{left - 6}" y="{base - height + 4}" text-anchor="end" font-size="11">'
        f"{top}</text>",
        f'<text x="{left - 6}" y="{base + 4}" text-anchor="end" font-size="11">0</text>',
    ]
    for i, year in enumerate(years):
        x = left + gap // 2 + i * (bar + gap)
        y = base
        for category in categories:
            n = counts[year].get(category, 0)
            if not n:
                continue
            h = n / top * height
            y -= h
            parts.append(
                f'<rect class="segment" data-category="{category}" data-year="{year}" '
                f'x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                f'fill="{category_color(category)}"><title>{year}: '
                f"{escape(category_label(category))} {n}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2}" y="{base + 16}" text-anchor="middle" '
            f'font-size="12">{year}</text>'
        )
        parts.append(
            f'<text x="{x + bar / 2}" y="{y - 4:.1f}" text-anchor="middle" '
            f'font-size="11">{totals[i]}</text>'
        )
    for j, category in enumerate(categories):
        y = 14 + j * 22
        parts.append(
            f'<rect x="{legend_x}" y="{y}" width="14" height="14" '
            f'fill="{category_color(category)}"/>'
        )
        parts.append(
            f'<text x="{legend_x + 20}" y="{y + 12}" font-size="12">'
            f"{escape(category_label(category))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
