"""A scenario resolved to model terms: the rules and settings the engine applies.

``Setup`` is what ``sim.engine`` reads (``sim.engine.spec.SetupLike``); it is
checked against the case when made, so the engine never meets an unknown
node, option, parameter or event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sim import case
from sim.case.params import PARAMS, TEMPERATURE, TEMPERATURE_BOUNDS
from sim.engine import dates

FOREVER = 10**6  # a day number beyond any horizon


class Mode(StrEnum):
    """What a rule does to an option: force it or forbid it."""

    FORCE = "force"
    FORBID = "forbid"


@dataclass(frozen=True)
class Rule:
    """An intervention on a node: force or forbid ``option`` on days [start, end] (day numbers)."""

    node: str
    option: str
    mode: Mode
    start: int = 0
    end: int = FOREVER
    once: bool = False  # only the node's first occurrence

    def __post_init__(self) -> None:
        node = case.BY_ID.get(self.node)
        if node is None:
            raise ValueError(f"rule on unknown node {self.node!r}")
        if self.option not in node.options:
            raise ValueError(f"rule: {self.option!r} is not an option at {self.node} ({', '.join(node.options)})")
        object.__setattr__(self, "mode", Mode(self.mode))
        if self.start > self.end:
            raise ValueError(f"rule on {self.node}: start {self.start} after end {self.end}")


@dataclass(frozen=True)
class Setup:
    """Everything a scenario changes, resolved to model terms.

    Attributes:
        params: parameter or ``leader.term`` weight -> (low, high) each world draws from.
        rules: forced and forbidden options.
        event_days: event id -> its moved day number, or None if removed.
        horizon: last simulated day (day number).
        temperature: the choice temperature (utility units).
    """

    params: dict[str, tuple[float, float]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    event_days: dict[str, int | None] = field(default_factory=dict)
    horizon: int = dates.day(dates.HORIZON)
    temperature: float = TEMPERATURE

    def __post_init__(self) -> None:
        weights = {f"{key}.{t.name}" for key, cls in case.KOREA.leaders.items() for t in cls.terms}
        for name, (lo, hi) in self.params.items():
            if name not in PARAMS and name not in weights:
                raise ValueError(f"setup: unknown parameter {name!r}")
            if lo > hi:
                raise ValueError(f"setup: {name} range {lo}-{hi} is reversed")
        for event in self.event_days:
            if event not in case.BY_ID:
                raise ValueError(f"setup: unknown event {event!r}")
        if not TEMPERATURE_BOUNDS[0] <= self.temperature <= TEMPERATURE_BOUNDS[1]:
            raise ValueError(f"setup: temperature {self.temperature} outside {TEMPERATURE_BOUNDS}")
