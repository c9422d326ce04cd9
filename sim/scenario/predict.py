"""Machine-checked predictions: the ``predict`` key of a scenario file.

Besides the free-text ``expect``, a scenario may state what its author
predicts in a form the tool checks after every ``run`` and ``compare``::

    predict:
      china_entered: "< 0.2"            # share of worlds, 0-1 ...
      rok_unifies: "> 50%"              # ... or in percent; any outcome or ending
      final_outcome: rok_unifies        # the most common ending
      war_months: "< 24"                # median war length in months (worlds at war)
      armistice_date: "< 1953-01-01"    # median armistice date (worlds with an armistice)

A condition is one of ``<``, ``<=``, ``>``, ``>=`` and a number (a share
from 0 to 1, or a percentage with ``%``; months for ``war_months``) or a
date (``armistice_date``). Each is checked strictly when the file is read;
:mod:`sim.output.predictions` checks them against a run's summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.case import outcomes
from sim.scenario import fields
from sim.scenario.errors import shown
from sim.scenario.reader import Document

SHARES = (*outcomes.BOOLEAN, *outcomes.FINAL)  # keys whose condition is on a share of worlds
KEYS = (*SHARES, "final_outcome", "war_months", "armistice_date")
OPERATORS = {"<": "less than", "<=": "at most", ">": "more than", ">=": "at least"}
_CONDITION = re.compile(r"\s*(<=|>=|<|>)\s*(\S.*?)\s*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

EXAMPLES = {
    "share": "'< 0.2' or '> 50%'",
    "final_outcome": "one of " + ", ".join(outcomes.FINAL),
    "war_months": "'< 24' (months)",
    "armistice_date": "'< 1953-01-01'",
}


@dataclass(frozen=True)
class Prediction:
    """One checked prediction: ``key`` (an outcome, an ending, ``final_outcome``, ``war_months`` or
    ``armistice_date``), ``op`` (``<``, ``<=``, ``>``, ``>=``, or ``is`` for ``final_outcome``) and
    ``value`` (a share from 0 to 1, months, an ISO date or an ending's name); ``text`` is as written."""

    key: str
    op: str
    value: float | str
    text: str

    def holds(self, actual: float | str) -> bool:
        """Whether ``actual`` (a share, months, an ISO date or an ending) satisfies the prediction."""
        if self.op == "is":
            return actual == self.value
        return {
            "<": actual < self.value,
            "<=": actual <= self.value,
            ">": actual > self.value,
            ">=": actual >= self.value,
        }[self.op]


def _kind(key: str) -> str:
    return "share" if key in SHARES else key


def _share(doc: Document, key: str, number: str, percent: bool, path: tuple) -> float:
    value = float(number) / (100 if percent else 1)
    if not 0 <= value <= 1:
        doc.fail(f"a share lies between 0 and 1 (or 0% and 100%), not {number}{'%' if percent else ''}.", *path)
    return value


def _value(doc: Document, key: str, raw: str, path: tuple, written: str) -> float | str:
    """The number or date after the operator, checked for the key (``written``: the whole comparison)."""
    kind = _kind(key)
    if kind == "armistice_date":
        if not _DATE.fullmatch(raw):
            doc.fail(
                f"compare the median armistice date with a date written YYYY-MM-DD, not {shown(raw)} "
                f"(in {shown(written)}).",
                *path,
            )
        return fields.date(doc, raw, path)
    percent = raw.endswith("%")
    number = raw[:-1].strip() if percent else raw
    if not _NUMBER.fullmatch(number) or (percent and kind != "share"):
        doc.fail(f"in {shown(written)}, {shown(raw)} is not a number; write for example {EXAMPLES[kind]}.", *path)
    if kind == "share":
        return _share(doc, key, number, percent, path)
    return float(number)


def prediction(doc: Document, key, raw, path: tuple) -> Prediction:
    """One entry of ``predict``, checked (see the module doc)."""
    if key not in KEYS:
        doc.fail(f"cannot predict {shown(key)}.", *path, choices=list(KEYS), near=key)
    if key == "final_outcome":
        if not isinstance(raw, str) or raw not in outcomes.FINAL:
            doc.fail(
                f"predicts the most common ending: one of the endings, not {shown(raw)}.",
                *path,
                choices=list(outcomes.FINAL),
                near=raw,
            )
        return Prediction(key, "is", raw, raw)
    if not isinstance(raw, str):
        doc.fail(
            f"write the prediction as a comparison in quotes, such as {EXAMPLES[_kind(key)]}, not {shown(raw)}.",
            *path,
        )
    match = _CONDITION.fullmatch(raw)
    if not match:
        doc.fail(
            f"{shown(raw)} is not a comparison; write one of {', '.join(OPERATORS)} and a value, "
            f"for example {EXAMPLES[_kind(key)]}.",
            *path,
        )
    op, value = match.groups()
    return Prediction(key, op, _value(doc, key, value, path, raw.strip()), raw.strip())


def predictions(doc: Document, collect) -> tuple[Prediction, ...]:
    """The file's ``predict`` mapping, every entry checked (problems go to ``collect``)."""
    data = doc.data.get("predict")
    if data is None:
        return ()
    if not isinstance(data, dict):
        doc.fail(
            f"must be a mapping of outcomes to predictions, such as {{china_entered: '< 0.2'}}, not {shown(data)}.",
            "predict",
            choices=list(KEYS),
        )
    found = [collect(prediction, doc, key, raw, ("predict", key)) for key, raw in data.items()]
    return tuple(p for p in found if p is not None)
