"""Checking a scenario's ``predict`` against a run: did the author's prediction hold?

Each prediction (:class:`sim.scenario.Prediction`) is compared with the
run's summary: a share with its 95% interval (a prediction whose threshold
lies inside the interval is "too close to call" with this many worlds), the
most common ending, the median war length, the median armistice date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sim.output.words import interval, label, long_date, percent
from sim.scenario import Prediction

HELD, FAILED, CLOSE = "held", "failed", "too close to call"


@dataclass(frozen=True)
class Verdict:
    """A prediction checked: ``status`` is held, failed or too close to call; ``actual`` the value found."""

    prediction: Prediction
    status: str
    actual: float | str | None
    text: str
    whose: str = "your"  # "the author's" for a library scenario's, whose author is not the reader

    def as_json(self) -> dict:
        p = self.prediction
        return {"key": p.key, "predicted": p.text, "actual": self.actual, "status": self.status}


def _share(p: Prediction, summary: dict) -> Verdict:
    where = "shares" if p.key in summary["shares"] else "final_outcome"
    actual, n = summary[where][p.key], summary["runs"]
    lo, hi = interval(actual, n)
    status = HELD if p.holds(actual) else FAILED
    note = f"95% interval {percent(lo)}-{percent(hi)}"
    if lo <= p.value <= hi and p.holds(lo) != p.holds(hi):
        status = CLOSE
        note += f", which includes {percent(p.value)}: run more worlds to decide"
    claim = f"{p.op} {percent(p.value)}"
    said = claim if status != FAILED else f"not {claim}"
    text = f"{label(p.key)}: {percent(actual)} of worlds, {said} ({note})"
    return Verdict(p, status, actual, text)


def _ending(p: Prediction, summary: dict) -> Verdict:
    shares = summary["final_outcome"]
    top = max(shares, key=shares.get)
    status = HELD if top == p.value else FAILED
    text = (
        f"the most common ending is {label(top)} ({percent(shares[top])} of worlds); "
        f"predicted: {label(p.value)} ({percent(shares.get(p.value, 0.0))})"
    )
    return Verdict(p, status, top, text)


def _months(p: Prediction, summary: dict) -> Verdict:
    actual = summary["war_months_median"]
    if actual is None:
        return Verdict(p, FAILED, None, f"the war started in no world; predicted: a median length {p.text}")
    status = HELD if p.holds(actual) else FAILED
    said = f"{p.op} {p.value:g}" if status == HELD else f"not {p.op} {p.value:g}"
    text = f"median war length (worlds at war): {actual:.1f} months, {said}"
    return Verdict(p, status, actual, text)


def _armistice(p: Prediction, summary: dict) -> Verdict:
    actual = summary["armistice_date_median"]
    if actual is None:
        return Verdict(p, FAILED, None, f"no world ends in an armistice; predicted: a median date {p.text}")
    status = HELD if p.holds(actual) else FAILED
    said = f"{p.op} {p.value}" if status == HELD else f"not {p.op} {p.value}"
    text = f"median armistice date: {long_date(actual)} ({actual}), {said}"
    return Verdict(p, status, actual, text)


def check(predictions, summary: dict, whose: str = "your") -> list[Verdict]:
    """Each prediction checked against a run's summary (``sim.analysis.summary.summarize``); ``whose``
    prediction the report calls it."""
    checkers = {"final_outcome": _ending, "war_months": _months, "armistice_date": _armistice}
    return [replace(checkers.get(p.key, _share)(p, summary), whose=whose) for p in predictions]


def lines(verdicts: list[Verdict]) -> list[str]:
    """ "your prediction held: ..." / "failed: ..." / "is too close to call: ...", one line each ("the author's
    prediction" for a library scenario's)."""
    word = {HELD: "held", FAILED: "failed", CLOSE: "is too close to call"}
    return [f"{v.whose} prediction {word[v.status]}: {v.text}" for v in verdicts]
