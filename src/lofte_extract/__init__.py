"""lofte-extract: Swedish medborgarlöften to a traceable research dataset."""

from __future__ import annotations

from .records import PromiseRecord

__all__ = ["PromiseRecord", "__version__"]

__version__ = "0.1.0"
