"""What a run produces per file and in total: plain objects shared by the pipeline, the
worker pool and the result cache."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .collect.manifest import ManifestEntry
from .inputs import printable_path
from .records import ErrorRow, PromiseRecord

__all__ = ["FileResult", "RunSummary", "Task"]


_REASONS_SHOWN = 5  # reasons named in the run's last line; errors.jsonl has every row


@dataclass(frozen=True)
class Task:
    """One file to process."""

    root: Path
    path: Path
    manifest: dict[str, ManifestEntry]

    @property
    def relative(self) -> str:
        """Path relative to the corpus root, as printable text."""
        return printable_path(self.path.relative_to(self.root).as_posix())[0]


@dataclass
class FileResult:
    """What one file gave: records, or the error that stopped it, and its text."""

    path: str
    sha256: str | None = None
    text: str | None = None
    records: list[PromiseRecord] = field(default_factory=list)
    error: ErrorRow | None = None
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0


@dataclass
class RunSummary:
    """Counts and timings of one run."""

    out_dir: Path
    files: int = 0
    records: int = 0
    failures: int = 0
    # How many files failed for each reason, most frequent first ('not a medborgarlöfte': 12)
    failure_reasons: dict[str, int] = field(default_factory=dict)
    documents_extracted: int = 0
    cached: int = 0
    # Wall time of the parse + extract stage (first file handed out to last result back).
    extract_seconds: float = 0.0
    seconds: float = 0.0
    # Wall seconds per step of the run, and per-file parse / extract seconds summed.
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        """Extract-stage throughput: documents parsed and extracted per second of wall time."""
        return self.documents_extracted / self.extract_seconds if self.extract_seconds else 0.0

    def line(self) -> str:
        """One-line summary for the end of a run."""
        cached = f"{self.cached} from cache; " if self.cached else ""
        return (
            f"read {self.files} files: {self.records} records, {self.failures} failed; "
            f"{cached}extract {self.documents_per_second:.1f} docs/s; "
            f"{self.seconds:.1f}s; output in {self.out_dir}"
        )

    def reasons_line(self) -> str:
        """'12 not a medborgarlöfte, 3 corrupt PDF, …': what the failures were, in one line."""
        shown = list(self.failure_reasons.items())[:_REASONS_SHOWN]
        more = len(self.failure_reasons) - len(shown)
        parts = [f"{count} {reason}" for reason, count in shown]
        return ", ".join(parts) + (f" and {more} other reasons" if more > 0 else "")
