"""Imported once by the worker fork server so every worker starts with spaCy loaded.

Loading the Swedish lookup tables takes seconds; doing it before forking shares the
work (and the memory, copy-on-write) across all workers of a run.
"""

from .extract.nlp import get_nlp
from .pipeline import process_file

__all__ = ["process_file"]

get_nlp()
