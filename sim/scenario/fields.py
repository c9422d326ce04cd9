"""Checks of single values: dates, numbers, whole numbers, texts.

Each takes the :class:`~sim.scenario.reader.Document` (to name the file and
line) and the key path of the value, and returns the value in its checked
form or raises :class:`~sim.scenario.errors.ScenarioError`.
"""

from __future__ import annotations

import datetime as _dt

from sim.scenario.grammar import FIRST_DATE, LAST_DATE, REQUIRED
from sim.scenario.reader import Document


def date(doc: Document, value, path, lo: str = FIRST_DATE, hi: str = LAST_DATE) -> str:
    """A calendar date YYYY-MM-DD within [lo, hi], as ISO text."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        doc.fail(f"must be a date (YYYY-MM-DD), not {value!r}.", *path)
    try:
        iso = _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        doc.fail(f"{value!r} is not a calendar date (YYYY-MM-DD).", *path)
    if not lo <= iso <= hi:
        doc.fail(f"{iso} is outside the dates this model covers ({lo} to {hi}).", *path)
    return iso


def number(doc: Document, value, path, lo: float, hi: float) -> float:
    """A number within [lo, hi] (not a boolean), as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        doc.fail(f"must be a number, not {value!r}.", *path)
    if not lo <= value <= hi:
        doc.fail(f"{value!r} is out of range; it must lie between {lo:g} and {hi:g}.", *path)
    return float(value)


def whole(doc: Document, key: str, default: int, lo: int, hi: int) -> int:
    """The top-level key ``key``: a whole number within [lo, hi], or ``default`` when absent."""
    value = doc.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        doc.fail(f"must be a whole number from {lo:,} to {hi:,}, not {value!r}.", key)
    return value


def text(doc: Document, key: str) -> str:
    """The top-level key ``key``: a string (non-empty if required), stripped; "" when absent."""
    value = doc.data.get(key, "")
    if not isinstance(value, str) or (key in REQUIRED and not value.strip()):
        doc.fail(f"must be a non-empty string, not {value!r}.", key)
    return value.strip()
