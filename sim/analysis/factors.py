"""The factors of the model's uncertainty: every leader weight and parameter a world draws from a range.

Each world draws each leader's term weight uniformly from its documented range
(``agents/``; stream ``weight:leader.term``) and each model parameter from its
range (``sim/case/params.py``; stream ``param:name``). A scenario's ``set``
replaces a range, and a range with low == high is a fixed value, not a
factor. :func:`factors` lists what is left, with the range each factor is
drawn from under a setup; :func:`world_values` gives the values the worlds of
an ensemble actually ran with (the model's own keyed draws).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim.analysis import rows
from sim.case import KOREA
from sim.scenario import Setup

CHOICES = ("all", "leaders", "params")


@dataclass(frozen=True)
class Factor:
    """One sampled input: a leader's weight or a model parameter, and the range each world draws it from.

    Attributes:
        name: ``leader.term`` (a weight) or the parameter's name.
        group: the leader's key for a weight; ``params: <kind>`` for a parameter (belief, chance, ...).
        low, high: the range under the setup (the documented one, or a scenario's ``set`` range).
        meaning: what it is, in words.
        evidence: the evidence id behind it.
    """

    name: str
    group: str
    low: float
    high: float
    meaning: str
    evidence: str

    @property
    def is_weight(self) -> bool:
        return not self.group.startswith("params")

    def words(self) -> str:
        """``Stalin's weight on <what it measures>`` or the parameter's meaning."""
        return self.meaning


def all_factors(setup: Setup | None = None) -> list[Factor]:
    """Every weight and parameter drawn from a range under ``setup`` (fixed ones left out), leaders first."""
    setup = setup or Setup()
    out = []
    for key, cls in KOREA.leaders.items():
        for t in cls.terms:
            name = f"{key}.{t.name}"
            lo, hi = setup.params.get(name, t.range)
            out.append(Factor(name, key, float(lo), float(hi), f"{cls.name}'s weight on {t.measures}", t.evidence))
    for name, p in KOREA.params.items():
        lo, hi = setup.params.get(name, (p.low, p.high))
        out.append(Factor(name, f"params: {name.split('.')[0]}", float(lo), float(hi), p.meaning, p.evidence))
    return [f for f in out if f.high > f.low]


def factors(setup: Setup | None = None, which: str | Sequence[str] = "all") -> list[Factor]:
    """The factors to study: ``all``, ``leaders`` (weights), ``params``, a leader's key, or a list of names.

    Names may be factor names, leader keys or ``params``; an unknown one
    raises ValueError listing the valid choices.
    """
    every = all_factors(setup)
    if isinstance(which, str):
        which = [w.strip() for w in which.split(",") if w.strip()]
    chosen: list[Factor] = []
    for w in which:
        picked = _pick(every, w)
        if not picked:
            groups = sorted({f.group for f in every if f.is_weight})
            raise ValueError(
                f"unknown factor {w!r}: give all, leaders, params, a leader ({', '.join(groups)}) or a factor "
                f"name such as {every[0].name} (`whatif sensitivity --help`; `whatif show` lists a scenario's sets; "
                f"fixed parameters are not factors)."
            )
        chosen += [f for f in picked if f not in chosen]
    if not chosen:
        raise ValueError("no factor to study: every one is fixed under this scenario.")
    return chosen


def _pick(every: list[Factor], w: str) -> list[Factor]:
    if w == "all":
        return every
    if w == "leaders":
        return [f for f in every if f.is_weight]
    if w == "params":
        return [f for f in every if not f.is_weight]
    return [f for f in every if w in (f.name, f.group)]


def groups(chosen: Sequence[Factor]) -> list[str]:
    """The groups of ``chosen`` in order of first appearance."""
    return list(dict.fromkeys(f.group for f in chosen))


def world_values(setup: Setup, seed: int, worlds: np.ndarray, chosen: Sequence[Factor]) -> dict[str, np.ndarray]:
    """Per world: the value of each factor the worlds ran with (the model's own keyed draws)."""
    return rows.draws(setup, seed, worlds, [f.name for f in chosen])
