"""What an analysis measures: an outcome named on the command line, per world and over worlds.

The sensitivity, discovery, attribution and convergence analyses take an
outcome as text:

- a yes/no outcome, ``china_entered`` (or ``china_entered=false``): the share
  of worlds where it happened;
- a final outcome, ``final_outcome=rok_unifies`` or just ``rok_unifies``: the
  share of worlds that ended so (``armistice``: an armistice was signed);
- a date, ``armistice_date`` (any of the date columns): the median over worlds,
  a world where it never happened counting as the horizon (so the median is
  the horizon once more than half the worlds never see it);
- a number, ``war_months``, ``deaths_cpv``, ``deaths`` (all deaths, thousand),
  ``deaths_military``: the mean over worlds;
- a threshold on a number or date, ``war_months>36``,
  ``armistice_date<1952-07-01``: the share of worlds where it holds.

A share is yes/no per world; scenario discovery needs one (a number or a date
needs a threshold there).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

import numpy as np

from sim.case import outcomes
from sim.engine import dates

DEATHS = tuple(n for n in outcomes.NUMBERS if n.startswith("deaths_"))
DERIVED = {"deaths": DEATHS, "deaths_military": tuple(n for n in DEATHS if n != "deaths_civilian")}
_OPS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "=": operator.eq}
_SPLIT = re.compile(r"^\s*([a-z_0-9]+)\s*(<=|>=|<|>|=)\s*(\S+)\s*$")
EXAMPLES = "china_entered, final_outcome=rok_unifies, armistice_date, war_months, deaths, war_months>36"


@dataclass(frozen=True)
class Measure:
    """An outcome as the analyses use it.

    Attributes:
        text: as written.
        kind: ``share`` (mean of a yes/no per world), ``mean`` (of a number) or ``date`` (median day).
        label: plain words.
        unit: for numbers (``months``, ``thousand``, ``deg N``), empty otherwise.
    """

    text: str
    kind: str
    label: str
    unit: str = ""
    column: str = ""
    op: str = ""
    threshold: float = 0.0
    category: int = -1

    @property
    def binary(self) -> bool:
        return self.kind == "share"

    def per_world(self, columns: dict[str, np.ndarray], horizon: int = dates.day(dates.HORIZON)) -> np.ndarray:
        """The value per world (float): 0/1 for a share, the day number for a date, else the number."""
        if self.column in DERIVED:
            raw = sum(np.asarray(columns[c], dtype=float) for c in DERIVED[self.column])
        elif self.column == "armistice":
            raw = np.asarray(columns["armistice_date"]) >= 0
        else:
            raw = np.asarray(columns[self.column])
        if self.column in outcomes.DATES:
            raw = np.where(raw >= 0, raw, horizon).astype(float)
        if self.category >= 0:
            return (raw == self.category).astype(float)
        if self.op:
            return _OPS[self.op](raw.astype(float), self.threshold).astype(float)
        return raw.astype(float)

    def aggregate(self, values: np.ndarray, axis: int = -1) -> np.ndarray:
        """Over worlds (along ``axis``): the median of a date, else the mean."""
        return np.median(values, axis=axis) if self.kind == "date" else np.mean(values, axis=axis)

    def format(self, value: float | None, signed: bool = False) -> str:
        """A value in words: a percentage, a date, or a number with its unit."""
        if value is None or not np.isfinite(value):
            return "-"
        if self.kind == "share":
            return f"{value:+.1%}" if signed else f"{value:.1%}"
        if self.kind == "date" and not signed:
            return dates.iso(round(value)) or "-"
        if self.kind == "date":
            return f"{value:+.0f} days"
        return f"{value:+,.1f}" if signed else f"{value:,.1f}"

    @property
    def scale_unit(self) -> str:
        """The unit of a difference of this measure."""
        return {"share": "share of worlds", "date": "days"}.get(self.kind, self.unit)


def names() -> tuple[str, ...]:
    """Every plain outcome name (without a threshold)."""
    return (*outcomes.BOOLEAN, *outcomes.FINAL, "armistice", *outcomes.DATES, *outcomes.NUMBERS, *DERIVED)


def _bad(text: str, why: str) -> ValueError:
    return ValueError(f"outcome {text!r}: {why}. Examples: {EXAMPLES}. Outcomes: {', '.join(names())}.")


def parse(text: str) -> Measure:
    """A :class:`Measure` from its text (raises ValueError naming the valid outcomes)."""
    text = str(text).strip()
    m = _SPLIT.match(text)
    name, op, raw = (m.group(1), m.group(2), m.group(3)) if m else (text, "", "")
    if name == "final_outcome":
        if op != "=" or raw not in outcomes.FINAL:
            raise _bad(text, f"give final_outcome=CATEGORY, one of {', '.join(outcomes.FINAL)}")
        name, op = raw, ""
    if name in outcomes.FINAL:
        if op:
            raise _bad(text, "a final outcome takes no comparison")
        return Measure(text, "share", _words(name), column="final_outcome", category=outcomes.FINAL.index(name))
    if name in (*outcomes.BOOLEAN, "armistice"):
        return _yes_no(text, name, op, raw)
    if name in outcomes.DATES or name in outcomes.NUMBERS or name in DERIVED:
        return _quantity(text, name, op, raw)
    raise _bad(text, "unknown outcome")


def _yes_no(text: str, name: str, op: str, raw: str) -> Measure:
    if op and (op != "=" or raw.lower() not in ("true", "false")):
        raise _bad(text, f"{name} is yes/no: write {name}, {name}=true or {name}=false")
    if raw.lower() == "false":
        return Measure(text, "share", f"not: {_words(name)}", column=name, op="=", threshold=0.0)
    return Measure(text, "share", _words(name), column=name)


def _quantity(text: str, name: str, op: str, raw: str) -> Measure:
    is_date = name in outcomes.DATES
    unit = "" if is_date else _unit(name)
    if not op:
        label = f"{_words(name)} (median; the horizon where it never happens)" if is_date else _words(name)
        return Measure(text, "date" if is_date else "mean", label, unit, column=name)
    if op == "=":
        raise _bad(text, f"compare {name} with <, >, <= or >=")
    try:
        value = float(dates.day(raw)) if is_date else float(raw)
    except ValueError:
        raise _bad(text, f"{raw!r} is not a {'date (YYYY-MM-DD)' if is_date else 'number'}") from None
    return Measure(text, "share", f"{_words(name)} {op} {raw}", column=name, op=op, threshold=value)


def _unit(name: str) -> str:
    if name.startswith("deaths"):
        return "thousand"
    return {"war_months": "months", "final_front_latitude": "deg N"}.get(name, "")


def _words(name: str) -> str:
    if name in outcomes.DESCRIPTIONS:
        return outcomes.DESCRIPTIONS[name]
    if name == "armistice":
        return "an armistice was signed"
    if name in outcomes.FINAL:
        return {
            "no_war": "no war",
            "dprk_unifies": "the North unifies Korea",
            "rok_unifies": "the South unifies Korea",
            "divided": "Korea stays divided (armistice)",
            "ongoing_at_horizon": "still at war at the horizon",
        }[name]
    return {"deaths": "all deaths (thousand)", "deaths_military": "military deaths (thousand)"}[name]
