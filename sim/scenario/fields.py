"""Checks of single values: names, texts, dates, numbers, whole numbers.

Each takes the :class:`~sim.scenario.reader.Document` (to name the file and
line) and the key path of the value, checks its type before anything else
(a list where a name is expected is refused, not looked up), and returns the
value in its checked form or raises :class:`~sim.scenario.errors.ScenarioError`.
"""

from __future__ import annotations

import datetime as _dt
import re

from sim.scenario.errors import shown
from sim.scenario.grammar import FIRST_DATE, LAST_DATE, MAX_NAME, MAX_TITLE, REQUIRED
from sim.scenario.reader import Document

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NAME = re.compile(r"[\w-]+")  # letters (any script), digits, _ and -
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # not text: control codes, lone surrogates


def kind(value) -> str:
    """What a YAML value is, in words: "a list", "a mapping", "a number", "text"..."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def name(doc: Document, value, path, what: str, choices=None) -> str:
    """A name (a point, option, parameter, event...): text, not a list, mapping or number."""
    if not isinstance(value, str):
        doc.fail(f"must be {what}, written as a name, not {kind(value)} {shown(value)}.", *path, choices=choices)
    return value


def scenario_name(doc: Document) -> str:
    """The ``name`` key: letters, digits, _ and -, at most MAX_NAME characters (it becomes a folder name)."""
    value = text(doc, "name")
    if len(value) > MAX_NAME:
        doc.fail(
            f"is {len(value):,} characters long; a name has at most {MAX_NAME} (it names the results folder).", "name"
        )
    if not NAME.fullmatch(value):
        doc.fail(f"{shown(value)} may only use letters, digits, _ and -.", "name")
    return value


def title(doc: Document) -> str:
    """The ``title`` key: non-empty text of at most MAX_TITLE characters."""
    value = text(doc, "title")
    if len(value) > MAX_TITLE:
        doc.fail(f"is {len(value):,} characters long; a one-line title has at most {MAX_TITLE}.", "title")
    if "\n" in value:
        doc.fail("must be one line.", "title")
    return value


def text(doc: Document, key: str) -> str:
    """The top-level key ``key``: text (non-empty if required), stripped; "" when absent."""
    value = doc.data.get(key, "")
    if not isinstance(value, str) or (key in REQUIRED and not value.strip()):
        doc.fail(f"must be non-empty text, not {kind(value)} {shown(value)}.", key)
    bad = CONTROL.search(value)
    if bad:
        doc.fail(
            f"holds U+{ord(bad.group()):04X} at character {bad.start() + 1}, which is not text "
            "(a control code or half of a UTF-16 pair); only line breaks and tabs may appear.",
            key,
        )
    return value.strip()


def date(doc: Document, value, path, lo: str = FIRST_DATE, hi: str = LAST_DATE) -> str:
    """A calendar date written exactly YYYY-MM-DD, within [lo, hi]."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        doc.fail(f"must be a date written YYYY-MM-DD, not {kind(value)} {shown(value)}.", *path)
    try:
        iso = _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        doc.fail(f"{shown(value)} is not a calendar date (YYYY-MM-DD).", *path)
    if not lo <= iso <= hi:
        doc.fail(f"{iso} is outside the dates this model covers ({lo} to {hi}).", *path)
    return iso


def number(doc: Document, value, path, lo: float, hi: float) -> float:
    """A number within [lo, hi] (not true/false), as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        doc.fail(f"must be a number, not {kind(value)} {shown(value)}.", *path)
    if not lo <= value <= hi:
        doc.fail(f"{shown(value)} is out of range; it must lie between {lo:g} and {hi:g}.", *path)
    return float(value)


def whole(doc: Document, key: str, default: int, lo: int, hi: int) -> int:
    """The top-level key ``key``: a whole number within [lo, hi], or ``default`` when absent."""
    value = doc.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        doc.fail(f"must be a whole number from {lo:,} to {hi:,}, not {shown(value)}.", key)
    return value
