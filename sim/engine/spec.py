"""What the engine needs to know of a case: its nodes, state, deciders, parameters, weekly step.

The engine is case-independent; a case (``sim.case.KOREA``) hands it one
:class:`CaseSpec`. A setup (``sim.scenario.Setup``) says what a scenario
changes; the engine reads it through :class:`SetupLike`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

    from sim.engine.model import WarModel
    from sim.engine.nodes import Node
    from sim.engine.state import Schema


class Ranged(Protocol):
    """A parameter with a documented range (each world draws uniformly from it)."""

    low: float
    high: float


class RuleLike(Protocol):
    """An intervention on a node: force or forbid ``option`` on days [start, end]."""

    node: str
    option: str
    mode: str  # "force" or "forbid"
    start: int
    end: int
    once: bool


class SetupLike(Protocol):
    """What a scenario changes, in model terms."""

    params: Mapping[str, tuple[float, float]]
    rules: tuple[RuleLike, ...]
    event_days: Mapping[str, int | None]
    horizon: int
    temperature: float


@dataclass(frozen=True)
class CaseSpec:
    """A case the engine can simulate.

    Attributes:
        nodes: decision points, chance nodes and events, in causal order.
        schema: the state variables (``sim.engine.state.Schema``).
        leaders: decider key -> leader class (a Mesa ``Agent`` with ``decide``).
        params: parameter name -> its documented range.
        weekly: ``weekly(model, t0, t1)`` advances the worlds at war one week
            (after the week's nodes have fired); it reads ``model.state`` and
            the per-world parameters ``model.param(name)``.
        init: ``init(model)`` sets initial state that depends on parameters.
        series: the state variable recorded on the first of each month.
        outcomes: ``outcomes(model)`` -> outcome name -> array over its worlds.
    """

    nodes: tuple[Node, ...]
    schema: Schema
    leaders: Mapping[str, type]
    params: Mapping[str, Ranged]
    weekly: Callable[[WarModel, int, int], None]
    init: Callable[[WarModel], None]
    series: str
    outcomes: Callable[[WarModel], dict[str, np.ndarray]]
