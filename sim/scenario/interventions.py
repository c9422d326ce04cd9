"""Interventions: each is Pearl's do() on the model, a frozen value checked when the file is read.

``force``/``forbid`` a choice (once, or on dates, binding every point of the
same question), ``set`` a parameter, ``move`` or ``remove`` a dated event,
pick a ``variant`` reading of a disputed source. :func:`settable` lists every
parameter a scenario may set; :data:`CHOICE_NODES`, :data:`MOVABLE` and
:data:`REMOVABLE` the points and events interventions may name.
"""

from __future__ import annotations

from dataclasses import dataclass

from agents import LEADERS
from sim import case
from sim.case.params import PARAMS, TEMPERATURE, TEMPERATURE_BOUNDS, VARIANTS, WEIGHT_BOUNDS
from sim.engine import dates
from sim.engine.nodes import ChanceNode, DecisionPoint, Event
from sim.scenario.setup import FOREVER, Rule

CHOICE_NODES = {n.id: n for n in case.NODES if isinstance(n, DecisionPoint | ChanceNode)}
MOVABLE = {n.id: n for n in case.NODES if isinstance(n, Event) and n.movable and n.removable}
REMOVABLE = {n.id: n for n in case.NODES if n.removable}


@dataclass(frozen=True)
class Force:
    """do(point = option): once, or on every occurrence in [start, end] and for the point's question."""

    point: str
    option: str
    start: str | None = None
    end: str | None = None
    kind = "force"

    def to_data(self) -> dict:
        data = {"point": self.point, "option": self.option}
        if self.start:
            data["from"] = self.start
        if self.end:
            data["until"] = self.end
        return {self.kind: data}

    @property
    def ranged(self) -> bool:
        return self.start is not None or self.end is not None

    def rules(self) -> list[Rule]:
        """The model rules: the point itself, and with a date range every point of its question."""
        mode = self.kind
        if not self.ranged:
            return [Rule(self.point, self.option, mode, once=True)]
        lo = dates.day(self.start) if self.start else 0
        hi = dates.day(self.end) if self.end else FOREVER
        out = [Rule(self.point, self.option, mode, lo, hi)]
        node = CHOICE_NODES[self.point]
        question, stance = getattr(node, "question", None), getattr(node, "stances", {}).get(self.option)
        if question and stance:
            for other in case.DECISIONS:
                if other.id != self.point and other.question == question:
                    for opt, st in other.stances.items():
                        if st == stance:
                            out.append(Rule(other.id, opt, mode, lo, hi))
        return out

    def describe(self) -> str:
        node = CHOICE_NODES[self.point]
        verb = "always choose" if self.kind == "force" else "never choose"
        who = getattr(node, "decider", "") or "chance"
        text = f"{node.title} ({self.point}): {who} must {verb} '{self.option}' ({node.label(self.option)})"
        if not self.ranged:
            return text + ", the first time the point is reached."
        span = f" from {self.start}" if self.start else ""
        span += f" until {self.end}" if self.end else " on"
        bound = [f"{r.node} -> {r.option}" for r in self.rules()[1:]]
        more = f"; on those dates it also binds the other decisions on the same question: {', '.join(bound)}"
        more = more if bound else ""
        return text + span + more + "."


@dataclass(frozen=True)
class Forbid(Force):
    """The option is unavailable; the decider chooses among the rest by its own preferences."""

    kind = "forbid"


@dataclass(frozen=True)
class SetParam:
    """Set a leader's weight, a model parameter or the temperature to a value or a range."""

    param: str
    low: float
    high: float
    kind = "set"

    def to_data(self) -> dict:
        if self.low == self.high:
            return {"set": {"param": self.param, "value": self.low}}
        return {"set": {"param": self.param, "range": [self.low, self.high]}}

    def describe(self) -> str:
        value = f"{self.low:g}" if self.low == self.high else f"drawn per world from {self.low:g}-{self.high:g}"
        old = settable()[self.param][2]
        return f"Set {self.param} ({old}) to {value}."


@dataclass(frozen=True)
class Move:
    """A dated event happens on another date."""

    event: str
    date: str
    kind = "move"

    def to_data(self) -> dict:
        return {"move": {"event": self.event, "date": self.date}}

    def describe(self) -> str:
        node = MOVABLE[self.event]
        return f"{node.title} ({self.event}) happens on {self.date} instead of {node.window[0]}."


@dataclass(frozen=True)
class Remove:
    """An event (or a removable point) never happens before the horizon."""

    event: str
    kind = "remove"

    def to_data(self) -> dict:
        return {"remove": {"event": self.event}}

    def describe(self) -> str:
        return f"{REMOVABLE[self.event].title} ({self.event}) never happens."


@dataclass(frozen=True)
class Variant:
    """Pick one reading of a passage the sources disagree on."""

    dispute: str
    reading: str
    kind = "variant"

    def to_data(self) -> dict:
        return {"variant": {"dispute": self.dispute, "reading": self.reading}}

    def describe(self) -> str:
        note = VARIANTS[self.dispute].readings[self.reading].note
        return f"Source dispute {self.dispute}: read it as '{self.reading}' ({note})."


Intervention = Force | Forbid | SetParam | Move | Remove | Variant


def settable() -> dict[str, tuple[float, float, str]]:
    """Every parameter a scenario may set: name -> (lowest, highest, what it is)."""
    out = {"choice.temperature": (*TEMPERATURE_BOUNDS, f"the choice temperature, now {TEMPERATURE}")}
    for cls in LEADERS.values():
        for t in cls.terms:
            out[f"{cls.key}.{t.name}"] = (*WEIGHT_BOUNDS, f"{cls.name}'s weight on {t.measures}, {t.range}")
    for p in PARAMS.values():
        out[p.name] = (*p.bounds, f"{p.meaning}, {p.low:g}-{p.high:g} {p.unit}")
    return out
