"""Collect stage: fetch medborgarlöfte pages and PDFs politely into a corpus folder."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .manifest import MANIFEST_NAME, ManifestEntry, append_manifest, read_manifest

if TYPE_CHECKING:
    from .config import USER_AGENT, CollectConfig, CollectReport, Skipped
    from .crawl import collect
    from .errors import FetchError
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

# The pipeline reads only the manifest: the HTTP side (httpx) loads on first use.
_LAZY = {
    "USER_AGENT": "config", "CollectConfig": "config", "CollectReport": "config",
    "Skipped": "config", "collect": "crawl", "FetchError": "errors",
    "RobotsRules": "robots", "parse_robots": "robots", "ERRORS_NAME": "store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
