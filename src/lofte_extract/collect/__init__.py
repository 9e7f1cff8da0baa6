"""Collect stage: fetch medborgarlöfte pages and PDFs politely into a corpus folder."""

from __future__ import annotations

from .config import USER_AGENT, CollectConfig, CollectReport, Skipped
from .crawl import collect
from .errors import FetchError
from .manifest import MANIFEST_NAME, ManifestEntry, append_manifest, read_manifest
from .robots import RobotsRules, parse_robots
from .store import ERRORS_NAME

__all__ = [
    "ERRORS_NAME",
    "MANIFEST_NAME",
    "USER_AGENT",
    "CollectConfig",
    "CollectReport",
    "FetchError",
    "ManifestEntry",
    "RobotsRules",
    "Skipped",
    "append_manifest",
    "collect",
    "parse_robots",
    "read_manifest",
]
