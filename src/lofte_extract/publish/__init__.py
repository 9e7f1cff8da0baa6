"""Publish: self-contained HTML pages for people (review of one run, report of the dataset)."""

__all__: list[str] = []
