"""Which parse warnings mean part of a file was never read (a size or time limit cut it)."""

from __future__ import annotations

import re

__all__ = ["cut_note"]

# The parsers' own wording: "kept the first 5000 of 9000 blocks", "page of N bytes cut to
# the first M", "markup cut after N elements", "parsed the first 300 of 900 pages",
# "stopped after 12 pages", "page 3: skipped, ...".
_CUT = re.compile(r"\bcut\b|^kept the first|^parsed the first|^stopped after|: skipped\b")


def cut_note(warnings: list[str]) -> str | None:
    """'only part of the file was read: ...' when a limit cut the file, else None."""
    cuts = [w for w in warnings if _CUT.search(w)]
    return f"only part of the file was read: {'; '.join(cuts[:3])}" if cuts else None
