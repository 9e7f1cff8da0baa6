"""Promise tables: rows of 'Aktivitet | Ansvarig | När' cells as parsers write them.

Plain-text tables also separate cells with dashes ('Trygghetsvandring – Polisen – Våren 2020');
a dash is ordinary punctuation in prose, so dashed rows count only under a header row of
column names ('Aktivitet – Ansvarig – När').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text_units import Piece
from .vocab import load_vocab

__all__ = ["TableRow", "is_dashed_header", "is_header_row", "table_row"]

_SEPARATOR = re.compile(r"\s+\|\s+")
_DASHED = re.compile(r"\s+[|–—-]\s+")


@dataclass(frozen=True)
class TableRow:
    """The cells of one row; the first is the activity, the rest say who and when."""

    cells: list[Piece]

    @property
    def activity(self) -> Piece:
        """The first cell: what is promised."""
        return self.cells[0]


def table_row(line_text: str, start: int, dashed: bool = False) -> TableRow | None:
    """The row a ' | '-separated line (or, when `dashed`, ' – '-separated) holds, else None."""
    separator = _DASHED if dashed else _SEPARATOR
    if not separator.search(line_text):
        return None
    cells: list[Piece] = []
    begin = 0
    for match in [*separator.finditer(line_text), None]:
        finish = match.start() if match else len(line_text)
        text = line_text[begin:finish]
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        if stripped:
            cells.append(
                Piece(start + begin + lead, start + begin + lead + len(stripped), stripped)
            )
        begin = match.end() if match else len(line_text)
    return TableRow(cells) if len(cells) >= 2 else None


def is_header_row(row: TableRow) -> bool:
    """A header row: every cell a column name ('Aktivitet', 'Ansvarig', 'När')."""
    names = set(load_vocab("sections")["table_headers"])
    return all(cell.text.lower().strip(" :") in names for cell in row.cells)


def is_dashed_header(line_text: str) -> bool:
    """A header row of column names separated by dashes: 'Aktivitet – Ansvarig – När'."""
    row = table_row(line_text, 0, dashed=True)
    return row is not None and is_header_row(row)
