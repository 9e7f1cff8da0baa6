"""Promise content: commitments with targets, outcome goals, follow-up plan.

The rules live in one module per field; this module is the stage's entry point.
"""

from __future__ import annotations

from .commitments import find_commitments
from .follow_up import find_follow_up
from .goals import find_goals

__all__ = ["find_commitments", "find_follow_up", "find_goals"]
