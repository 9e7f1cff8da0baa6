"""Compare stage: line commitments up across years and kommuner; deduplicate records."""

from __future__ import annotations

from .align import STATUSES, Comparison, Row, compare_records
from .dedupe import deduplicate
from .load import load_records
from .render import render
from .units import normalize_unit, unit_key

__all__ = [
    "STATUSES",
    "Comparison",
    "Row",
    "compare_records",
    "deduplicate",
    "load_records",
    "normalize_unit",
    "render",
    "unit_key",
]
