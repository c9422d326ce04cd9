"""Leader agents: documented preference terms as data, scored over many worlds.

A leader's utility for an option is the sum over its terms of
``weight x feature``; features are computed by the decision point from the
world state (``sim/case/``, one module per phase), weights belong to the
leader, and ``Leader.decide`` is the one place a choice's probabilities are
computed. Each world draws
its own weight for every term, uniformly from the term's documented range, so
an ensemble spans the uncertainty of the evidence and not only the dice.

Weight ranges come from how strongly the sources state a driver, on one
verbal scale (utility units per unit of feature; features lie in about
[-1, 1]):

    overriding  1.5-2.5   "above almost all else", "under no circumstances"
    strong      0.6-1.2   a main reason the sources give for a choice
    moderate    0.3-0.6   a stated consideration
    weak        0.05-0.3  mentioned in passing, or inferred by the source

Where historians disagree on how much a driver weighed, its level spans the
readings (``"weak-strong"`` draws from 0.05 to 1.2) and the term's ``note``
says who holds which.
"""

from __future__ import annotations

import itertools
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from sim.engine import choice, rng
from sim.engine.mesa_core import Agent

if TYPE_CHECKING:
    from sim.engine.model import WarModel
    from sim.engine.nodes import DecisionPoint
    from sim.engine.state import View

LEVELS: dict[str, tuple[float, float]] = {
    "overriding": (1.5, 2.5),
    "strong": (0.6, 1.2),
    "moderate": (0.3, 0.6),
    "weak": (0.05, 0.3),
}


@dataclass(frozen=True)
class Term:
    """One documented preference term of a leader.

    Attributes:
        name: identifier, unique within the leader (``avoid_us_war``).
        measures: what the feature measures, in plain words.
        level: verbal strength in the sources, or a span ``"low-high"`` of two
            levels where historians disagree; sets the weight range.
        evidence: evidence id (``sim.case.evidence.REGISTRY``; the case checks it).
        note: for a disputed strength, which historians hold which reading.
    """

    name: str
    measures: str
    level: str
    evidence: str
    note: str = ""

    def __post_init__(self) -> None:
        levels = self.level.split("-")
        if len(levels) > 2 or any(lv not in LEVELS for lv in levels):
            raise ValueError(f"term {self.name}: level {self.level!r} is not one of {sorted(LEVELS)} or low-high")
        if len(levels) == 2 and not self.note:
            raise ValueError(f"term {self.name}: a disputed level ({self.level}) needs a note on who holds which")

    @property
    def range(self) -> tuple[float, float]:
        """Weight range (utility units per unit of feature)."""
        levels = self.level.split("-")
        return LEVELS[levels[0]][0], LEVELS[levels[-1]][1]


class PerModelCounter(weakref.WeakKeyDictionary):
    """Mesa's per-model id counters, held weakly: Mesa 3.3 keeps every model alive in a class-level dict."""

    def __getitem__(self, model):
        try:
            return super().__getitem__(model)
        except KeyError:
            counter = itertools.count(1)
            self[model] = counter
            return counter


class Leader(Agent):
    """A decider whose per-world weights are arrays over the model's worlds.

    Class attributes: ``key`` (the decider's id at decision points), ``name``,
    ``role``, ``terms`` (its documented preference terms), ``decides`` (the
    decision points it decides, in causal order; a test checks them against
    the case) and ``office`` (the state flag that says the leader is alive
    and in office, ``"~flag"`` for its negation; None: throughout).
    """

    key: ClassVar[str]
    name: ClassVar[str]
    role: ClassVar[str]
    terms: ClassVar[tuple[Term, ...]]
    decides: ClassVar[tuple[str, ...]] = ()
    office: ClassVar[str | None] = None
    _ids = PerModelCounter()  # overrides mesa.Agent._ids so a finished model can be freed

    def __init__(self, model: WarModel) -> None:
        super().__init__(model)
        self._weights: dict[str, np.ndarray] = {}

    @classmethod
    def term(cls, name: str) -> Term:
        for t in cls.terms:
            if t.name == name:
                return t
        raise KeyError(f"{cls.key} has no term {name!r}; terms: {[t.name for t in cls.terms]}")

    def weight_range(self, name: str) -> tuple[float, float]:
        """The term's range, or the scenario's override of it."""
        override = self.model.params.get(f"{self.key}.{name}")
        return self.term(name).range if override is None else override

    def weight(self, name: str) -> np.ndarray:
        """Per-world weight of a term (drawn once per world, keyed by world index)."""
        if name not in self._weights:
            lo, hi = self.weight_range(name)
            u = rng.uniform(self.model.seed, f"weight:{self.key}.{name}", self.model.worlds)
            self._weights[name] = lo + (hi - lo) * u
        return self._weights[name]

    def decide(self, point: DecisionPoint, view: View, allowed: np.ndarray | None = None, explain: bool = True):
        """Choice probabilities at ``point`` for the worlds of ``view``, and why.

        Returns ``(probabilities (n, k), utilities (n, k), contributions
        {term: (n, k)} or None without ``explain``)``: the logit of the
        utilities at the setup's temperature, with options ``allowed`` False
        (a scenario's forbid) left out.
        """
        utilities, contrib = self.utilities(point.features(view), point.options, view.idx, explain)
        return choice.probabilities(utilities, self.model.setup.temperature, allowed), utilities, contrib

    def utilities(self, features: dict[str, dict[str, object]], options, idx, explain: bool = True):
        """Utilities (n, k) and, with ``explain``, per-term contributions {term: (n, k)} for worlds ``idx``.

        ``features`` maps option -> term -> feature value (scalar or array over idx).
        """
        n, k = len(idx), len(options)
        total = np.zeros((n, k))
        contrib: dict[str, np.ndarray] | None = {} if explain else None
        for j, opt in enumerate(options):
            for term, value in features.get(opt, {}).items():
                c = self.weight(term)[idx] * value
                if contrib is not None:
                    contrib.setdefault(term, np.zeros((n, k)))[:, j] = c
                total[:, j] += c
        return total, contrib
