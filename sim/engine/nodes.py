"""Decision points, chance nodes and events: data plus small functions.

A node fires for a world when the world is inside the node's date window and
its ``when`` condition holds; it fires on a day that is either the tick's
first day (or the window's start), or ``after`` another node's firing plus a
lag. ``when`` is checked again on the firing day, so a changed upstream
state cancels a scheduled node. Repeating nodes fire again every ``every``
days while the condition holds, up to ``max_times``.

A case (``sim.case``) lists its nodes in causal order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from sim.engine import dates

if TYPE_CHECKING:
    from sim.engine.model import WarModel
    from sim.engine.state import View, WorldState

Mask = np.ndarray
Features = dict[str, dict[str, object]]


@dataclass
class Firing:
    """One node firing in a subset of worlds: what an effect function sees."""

    model: WarModel
    idx: np.ndarray  # chunk-local world indices
    day: np.ndarray  # firing day per world
    choice: np.ndarray  # option index per world
    options: tuple[str, ...]

    @property
    def s(self) -> WorldState:
        return self.model.state

    def chose(self, option: str) -> tuple[np.ndarray, np.ndarray]:
        """(world indices, days) of the worlds that took ``option``."""
        sel = self.choice == self.options.index(option)
        return self.idx[sel], self.day[sel]

    def param(self, name: str, idx: np.ndarray) -> np.ndarray:
        return self.model.param(name)[idx]


@dataclass(frozen=True)
class Node:
    """Common fields of every node."""

    id: str
    title: str
    window: tuple[str, str]
    when: Callable[[View], Mask]
    effect: Callable[[Firing], None]
    evidence: tuple[str, ...]
    after: tuple[str, int] | None = None
    every: int = 0
    max_times: int = 1
    options: tuple[str, ...] = ("happens",)
    labels: dict[str, str] = field(default_factory=dict)
    historical: str | None = None
    narrative: str = ""
    scope: str = "war"  # polled nodes consider worlds at war ("war") or every world ("all")
    removable: bool = False  # a scenario may remove it (the node never happens)
    dated: str | None = None  # the documented date its title names; it fires only within 45 days of it

    @property
    def start(self) -> int:
        return dates.day(self.window[0])

    @property
    def end(self) -> int:
        return dates.day(self.window[1])

    def label(self, option: str) -> str:
        return self.labels.get(option, option.replace("_", " "))


@dataclass(frozen=True)
class DecisionPoint(Node):
    """A leader's choice: utilities from the decider's terms, then a logit draw.

    ``question`` groups points that decide the same thing (e.g. whether China
    enters); ``stances`` maps each option to its answer to that question, so
    an intervention from a date on can bind every later point of the question.
    """

    decider: str = ""
    features: Callable[[View], Features] | None = None
    question: str | None = None
    stances: dict[str, str] = field(default_factory=dict)

    kind = "decision"


@dataclass(frozen=True)
class ChanceNode(Node):
    """Chance decides: ``probabilities`` gives P(option) per world."""

    probabilities: Callable[[View, WarModel], dict[str, np.ndarray]] | None = None

    kind = "chance"


@dataclass(frozen=True)
class Event(Node):
    """A dated or triggered happening with one outcome (a date a scenario may move)."""

    kind = "event"
    movable: bool = True
    not_before: str = "1949-01-01"  # a scenario may not move it earlier (its causes come first)
    after_events: tuple[str, ...] = ()  # events that must come before it


def always(v: View) -> Mask:
    return np.ones(len(v), dtype=bool)
