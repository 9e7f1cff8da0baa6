"""Line commitments up across years (one kommun) or across kommuner (one year).

One row per kommun, category and counted unit; each column holds the value the
promise of that year (or kommun) gives, and the row gets a status saying how it moved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ..records import Category, Commitment, NumericTarget, PromiseRecord
from .kommun_names import matches
from .settings import COMPARE
from .units import unit_key
from .wording import jaccard, masked_words

__all__ = ["STATUSES", "Cell", "Comparison", "Row", "compare_records"]

STATUSES = ("new", "dropped", "increased", "decreased", "unchanged", "changed", "unknown")
_CATEGORY_ORDER = {key: i for i, key in enumerate(get_args(Category))}
# Which record speaks for a kommun and year when several do: the promise itself first.
_DOC_PRIORITY = {"lofte": 0, "nyhet": 1, "overenskommelse": 2, "uppfoljning": 3, "annat": 4}
# Only a promise (or agreement) with commitments can say a commitment was kept or dropped;
# a news item, a follow-up or an empty record cannot.
_COMPARABLE_DOC_TYPES = ("lofte", "overenskommelse")


@dataclass
class Cell:
    """What one column says for one row."""

    text: str
    record_id: str
    value: int | float | None = None
    qualifier: str | None = None
    unit: str | None = None
    source_path: str = ""
    source_url: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)
    # 'varav fyra vid skolor': subsets of the value, shown beside it and never added to it.
    parts: list[dict[str, Any]] = field(default_factory=list)
    # Where the whole commitment starts: the report's anchor for it (evidence may be a target's).
    commitment_start: int = 0

    def to_json(self) -> dict[str, Any]:
        """The cell as in `compare --format json`."""
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "text": self.text,
            "record_id": self.record_id,
            "unit": self.unit,
            "source_path": self.source_path,
            "source_url": self.source_url,
            "evidence": self.evidence,
            "context": self.context,
            "parts": self.parts,
        }


@dataclass
class Row:
    """One commitment line across the columns."""

    kommun: str | None
    kommunkod: str | None
    category: str
    unit_key: str
    period: str | None
    values: dict[str, Cell | None]
    status: str | None = None
    year: int | None = None
    # The records the status was computed from ({column: [record ids]}), and why a status
    # is unknown.
    status_records: dict[str, list[str]] = field(default_factory=dict)
    status_note: str | None = None

    @property
    def units_written(self) -> list[str]:
        """The sources' own words for the counted unit, in column order, each once."""
        return list(dict.fromkeys(c.unit for c in self.values.values() if c and c.unit))

    @property
    def unit(self) -> str | None:
        """The unit in the sources' own words ('insatser / narkotikainsatser'), never the key:
        the key ('narkotikainsats') only groups rows and may be a word no source wrote."""
        if not self.unit_key:
            return None
        return " / ".join(self.units_written) or None

    def to_json(self) -> dict[str, Any]:
        """The row as in `compare --format json`."""
        row: dict[str, Any] = {
            "kommun": self.kommun,
            "kommunkod": self.kommunkod,
            "category": self.category,
            "unit": self.unit,
            "unit_key": self.unit_key or None,
            "units_written": self.units_written,
            "period": self.period,
            "values": {k: (c.to_json() if c else None) for k, c in self.values.items()},
            "status": self.status,
            "status_records": self.status_records,
            "status_note": self.status_note,
        }
        if self.year is not None:
            row["year"] = self.year
        return row


@dataclass
class Comparison:
    """All rows of one comparison; `mode` says whether columns are years or kommuner."""

    mode: Literal["years", "kommuner"]
    columns: list[str]
    rows: list[Row]

    def to_json(self) -> dict[str, Any]:
        """{"mode", "columns", "rows": [...]} as in `compare --format json`."""
        return {
            "mode": self.mode,
            "columns": self.columns,
            "rows": [row.to_json() for row in self.rows],
        }


@dataclass
class _Item:
    category: str
    key: str
    period: str | None
    cell: Cell
    words: frozenset[str]


def _primary_category(commitment: Commitment, key: str) -> str:
    """The category a commitment is listed under: the one its unit names, else the first."""
    categories = list(commitment.categories) or ["annat"]
    for category in categories:
        stem = category.split("_")[0]
        if key and (stem in key or key in category):
            return category
    return categories[0]


def _is_subset(commitment: Commitment, index: int) -> bool:
    """Whether the index-th target is a 'varav' part of another target of the commitment."""
    part_of = commitment.targets[index].part_of
    return part_of is not None and part_of != index and part_of < len(commitment.targets)


def _cell(record: PromiseRecord, commitment: Commitment, target: NumericTarget | None) -> Cell:
    evidence = (target or commitment).evidence
    index = commitment.targets.index(target) if target else -1
    parts = [
        {"value": t.value, "qualifier": t.qualifier, "unit": t.unit, "text": t.text}
        for i, t in enumerate(commitment.targets)
        if target is not None and t.part_of == index and _is_subset(commitment, i)
    ]
    return Cell(
        text=commitment.text,
        record_id=record.id,
        value=target.value if target else None,
        qualifier=target.qualifier if target else None,
        unit=target.unit if target else None,
        source_path=record.source.path,
        source_url=record.source.url,
        evidence=evidence.model_dump(),
        parts=parts,
        commitment_start=commitment.evidence.start,
    )


def _items(record: PromiseRecord, categories: set[str] | None) -> list[_Item]:
    items = []
    for commitment in record.commitments:
        listed = commitment.categories or ["annat"]
        wanted = [c for c in listed if not categories or c in categories]
        if not wanted:
            continue
        words = masked_words(commitment.text)
        for index, target in enumerate(commitment.targets):
            if _is_subset(commitment, index):
                continue  # shown in its total's cell, never counted as a target of its own
            key = unit_key(target.unit, commitment.text, commitment.categories) or "antal"
            category = _primary_category(commitment, key)
            if categories and category not in categories:
                category = wanted[0]
            items.append(
                _Item(category, key, target.period, _cell(record, commitment, target), words)
            )
        if not commitment.targets:
            items.append(
                _Item(
                    wanted[0] if categories else _primary_category(commitment, ""),
                    "",
                    None,
                    _cell(record, commitment, None),
                    words,
                )
            )
    return items


def _merge(cells: list[Cell]) -> Cell:
    """One cell from several: identical wordings collapse, counts in one record add up."""
    first = cells[0]
    merged = Cell(**{**first.__dict__, "context": list(first.context), "parts": list(first.parts)})
    seen = {first.text}
    for cell in cells[1:]:
        if cell.text in seen and cell.value == merged.value:
            continue
        counted = cell.value is not None and merged.value is not None
        if cell.record_id == first.record_id and counted:
            merged.value += cell.value
            if cell.text not in seen:  # a commitment is listed once, however many targets
                merged.text = f"{merged.text} | {cell.text}"
            merged.parts += [p for p in cell.parts if p not in merged.parts]
        elif cell.text not in seen:
            merged.context.append(cell.text)
        seen.add(cell.text)
    return merged


def _column_cells(items: list[_Item]) -> dict[tuple[str, str, str | None], Cell]:
    """Cells of one column: unnumbered commitments fold into a counted one of their category."""
    grouped: dict[tuple[str, str, str | None], list[_Item]] = defaultdict(list)
    for item in items:
        grouped[(item.category, item.key, item.period)].append(item)
    cells = {key: _merge([i.cell for i in group]) for key, group in grouped.items() if key[1]}
    for (category, key, period), group in grouped.items():
        if key:
            continue
        counted = [k for k in cells if k[0] == category]
        if not counted:
            cells[(category, key, period)] = _merge([i.cell for i in group])
            continue
        for item in group:
            # "lovar att öka trafiksäkerheten" is the heading of "två trafikinsatser".
            best = max(
                counted, key=lambda k: (max(jaccard(item.words, o.words) for o in grouped[k]), k)
            )
            cells[best].context.append(item.cell.text)
    return cells


def _status(row: Row, columns: list[str], category_present: dict[str, bool]) -> str | None:
    """How the row moved between the first and last column the kommun has a promise for."""
    if len(columns) < 2:
        return None
    first, last = row.values[columns[0]], row.values[columns[-1]]
    if first is None or last is None:
        if (
            not row.unit_key
            and category_present.get(columns[0])
            and category_present.get(columns[-1])
        ):
            return "changed"  # the category stays; only its uncounted wording moved
        if first is None and last is not None:
            return "new"
        if first is not None and last is None:
            return "dropped"
        return "changed"
    if first.value is not None and last.value is not None:
        if last.value > first.value:
            return "increased"
        if last.value < first.value:
            return "decreased"
        return "unchanged"
    same = jaccard(masked_words(first.text), masked_words(last.text)) >= COMPARE.same_wording
    return "unchanged" if same else "changed"


def comparable(record: PromiseRecord) -> bool:
    """Whether a record can say what a kommun promised that year (and so what it dropped)."""
    return record.doc_type in _COMPARABLE_DOC_TYPES and bool(record.commitments)


def _year_status(
    row: Row,
    columns: list[str],
    covered: dict[str, list[PromiseRecord]],
    category_present: dict[str, bool],
) -> None:
    """Set the row's status over the years whose records can say so, naming those records."""
    years = [c for c in columns if c in covered]
    own = [c for c in years if any(comparable(r) for r in covered[c])]
    unseen = all(row.values.get(c) is None for c in own)
    if len(years) >= 2 and (len(own) < 2 or unseen):
        row.status = "unknown"
        row.status_records = {c: [r.id for r in covered[c]] for c in years}
        cannot = [c for c in years if c not in own or unseen]
        kinds = sorted({r.doc_type for c in cannot for r in covered[c]})
        row.status_note = (
            f"{', '.join(cannot)}: only {'/'.join(kinds)} records that cannot "
            "say what was kept or dropped"
        )
        return
    row.status = _status(row, own, category_present)
    if row.status is not None:
        row.status_records = {c: [r.id for r in covered[c]] for c in (own[0], own[-1])}


def _chosen(records: list[PromiseRecord]) -> list[PromiseRecord]:
    records = [r for r in records if comparable(r)] or records
    best = min(_DOC_PRIORITY.get(r.doc_type, 9) for r in records)
    return sorted(
        (r for r in records if _DOC_PRIORITY.get(r.doc_type, 9) == best),
        key=lambda r: (-len(r.commitments), r.id),
    )


def _matches_kommun(name: str, code: str, wanted: list[str] | None) -> bool:
    return not wanted or any(q.strip() == code or matches(q, name) for q in wanted)


def _row_order(row: Row) -> tuple:
    return (
        row.kommun or "",
        row.year or 0,
        _CATEGORY_ORDER.get(row.category, 99),
        row.unit_key == "",
        row.unit_key,
        row.period or "",
    )


def compare_records(
    records: list[PromiseRecord],
    kommuner: list[str] | None = None,
    years: list[int] | None = None,
    categories: list[str] | None = None,
) -> Comparison:
    """Rows of commitments lined up by kommun, category and unit across years or kommuner."""
    wanted_kommuner = list(kommuner) if kommuner else None
    wanted_years = set(years) if years else None
    wanted_categories = set(categories) if categories else None
    # (kommun name, code, year) -> records; multi-year promises count for every year.
    by_column: dict[tuple[str, str, int], list[PromiseRecord]] = defaultdict(list)
    for record in records:
        for kommun in record.kommuner:
            if not _matches_kommun(kommun.name, kommun.code, wanted_kommuner):
                continue
            for year in record.years:
                if wanted_years is None or year in wanted_years:
                    by_column[(kommun.name, kommun.code, year)].append(record)
    names = sorted({(name, code) for name, code, _ in by_column})
    all_years = sorted(wanted_years or {year for _, _, year in by_column})
    side_by_side = len(names) > 1 and len(all_years) == 1
    mode: Literal["years", "kommuner"] = "kommuner" if side_by_side else "years"
    columns = [n for n, _ in names] if side_by_side else [str(y) for y in all_years]

    table: dict[tuple, dict[str, Cell]] = defaultdict(dict)
    present: dict[tuple, dict[str, bool]] = defaultdict(dict)
    # A year without any promise of the kommun is missing data, not a dropped commitment.
    covered: dict[tuple, dict[str, list[PromiseRecord]]] = defaultdict(dict)
    for (name, code, year), column_records in sorted(by_column.items()):
        chosen = _chosen(column_records)
        covered[(name, code)][str(year)] = chosen
        items = [i for r in chosen for i in _items(r, wanted_categories)]
        column = name if side_by_side else str(year)
        for (category, key, period), cell in _column_cells(items).items():
            head = (year, None, None) if side_by_side else (None, name, code)
            table[head + (category, key, period)][column] = cell
            present[head + (category,)][column] = True
    rows = []
    for (year, name, code, category, key, period), cells in table.items():
        row = Row(name, code, category, key, period, {c: cells.get(c) for c in columns}, year=year)
        if side_by_side:
            row.status = "shared" if all(row.values.values()) else "partial"
        else:
            _year_status(row, columns, covered[(name, code)], present[(year, name, code, category)])
        rows.append(row)
    rows.sort(key=_row_order)
    return Comparison(mode, columns, rows)
