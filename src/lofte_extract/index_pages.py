"""Index pages: a crawled page that only lists promise documents is no promise of its own.

polisen.se and kommun sites have hub pages ("Motala – medborgarlöften") whose whole content
is a list of links to the yearly promises and follow-ups. Extraction reads a kommun, a title
and the listed years from them but no commitment, so they would add false coverage and turn
statuses around. The pipeline turns such a page into an error row instead.
"""

from __future__ import annotations

import re

from .parse import ParsedDocument
from .records import ErrorRow, PromiseRecord

__all__ = [
    "MAX_TITLE_CHARS",
    "MIN_LISTED_DOCUMENTS",
    "MIN_LISTED_SHARE",
    "index_page_error",
    "listed_documents",
]

# A line naming a document is short; a sentence of promise content is longer.
MAX_TITLE_CHARS = 100
# At least this many listed documents make a list (one link is a "read more").
MIN_LISTED_DOCUMENTS = 2
# Share of the page's characters (title aside) the listed documents take up.
MIN_LISTED_SHARE = 0.5

_PROMISE_WORD = re.compile(
    r"medborgarl[öo]fte|l[öo]ften|uppf[öo]ljning|[öo]verenskommelse|samverkansavtal", re.I
)
# A year, a year span or a file marker: "2019", "2018-2019", "(pdf, 210 kB)".
_DOCUMENT_MARK = re.compile(r"\b(?:19|20)\d{2}\b|\bpdf\b|\b\d+\s*[kM]B\b", re.I)
_BULLET = re.compile(r"^[\s•\-–*·]+")


def _lines(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


def listed_documents(text: str) -> list[str]:
    """Lines that only name a promise document ('Medborgarlöfte Motala 2020 (pdf, 210 kB)')."""
    return [
        line
        for line in _lines(text)
        if len(line) <= MAX_TITLE_CHARS
        and _PROMISE_WORD.search(line)
        and _DOCUMENT_MARK.search(line)
        and not line.endswith((".", ":"))
    ]


def index_page_error(
    records: list[PromiseRecord], doc: ParsedDocument, path: str
) -> ErrorRow | None:
    """An error row when the file's records hold no content and its text lists documents."""
    if not records or any(r.commitments or r.goals for r in records):
        return None
    titles = {r.title for r in records if r.title}
    lines = [line for line in _lines(doc.text)[1:] if line not in titles]
    listed = listed_documents("\n".join(lines))
    total = sum(len(line) for line in lines)
    if len(listed) < MIN_LISTED_DOCUMENTS or not total:
        return None
    if sum(len(line) for line in listed) / total < MIN_LISTED_SHARE:
        return None
    return ErrorRow(
        path=path,
        stage="extract",
        reason=f"index page: links to {len(listed)} promise documents",
        detail="; ".join(listed),
    )
