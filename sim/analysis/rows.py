"""Rows: many variants of worlds in one vectorised model, each row with its own factor values and forced choices.

The engine simulates an array of worlds at once; a row's dice are keyed by
its world index, which may repeat. Sensitivity analysis, attribution and
ablation need rows that differ in more than their dice:

- **factor values**: a row may carry its own value of a leader's weight
  (``"stalin.avoid_us_war"``) or a model parameter (``"belief.bomb_factor"``)
  instead of the model's keyed draw from its range (``values``: name -> one
  value per row);
- **forced choices**: a row may have a decision point's first occurrence
  forced to an option (``forcing``: point -> option index per row, -1 free),
  as the scenario language's ``force`` (once) does, but per row;
- **trivial policies**: a leader may, in some rows, ignore its documented
  preferences and follow a policy that knows nothing (``policies``: leader ->
  code per row, 0 its own preferences, else one of :data:`POLICIES`: always the
  first option, uniform at random, always the historical choice).

With ``record``, the probabilities each leader gave each row at a point's first
occurrence (after any policy, before any forcing) are kept in ``recorded``.

Both go through the model's public seams only: ``WarModel.param`` and each
leader's ``weight`` and ``decide`` (subclasses injected through the
``CaseSpec``'s leaders mapping), so the engine and the leaders stay untouched.
Everything else about a row (its dice, every factor it does not fix, every
choice it does not force) is the model's own: rows with world index ``i``
are world ``i`` under the variation (common random numbers). A test checks
that a row whose values are the model's own draws reproduces the ensemble,
and that a forced row equals the scenario language's ``force``.

Rows never interact, so results do not depend on how rows are chunked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from agents.base import PerModelCounter
from sim.case import KOREA
from sim.engine.model import WarModel
from sim.engine.spec import CaseSpec, SetupLike

CHUNK_ROWS = 20_000  # rows per model: bounds memory, never changes results


class RowsModel(WarModel):
    """A :class:`WarModel` whose rows may carry their own factor values and forced first choices.

    Args:
        values: factor name (``leader.term`` or a parameter) -> value per row.
        forcing: decision point id -> option index per row (-1: the leader chooses).
        Other arguments as :class:`WarModel`; the case must come from :func:`rows_case`.
    """

    def __init__(
        self, case, worlds, seed, setup, values=None, forcing=None, policies=None, record=False, **kwargs
    ) -> None:
        n = len(worlds)
        self.values = {k: _per_row(v, n, k) for k, v in (values or {}).items()}
        self.forcing = {k: _per_row(v, n, k).astype(np.int64) for k, v in (forcing or {}).items()}
        self.policies = {k: _per_row(v, n, k).astype(np.int64) for k, v in (policies or {}).items()}
        self.recorded: dict[str, np.ndarray] | None = {} if record else None
        super().__init__(case, worlds, seed, setup, **kwargs)

    def param(self, name: str) -> np.ndarray:
        fixed = self.values.get(name)
        return fixed if fixed is not None else super().param(name)


def _per_row(v, n: int, name: str) -> np.ndarray:
    arr = np.asarray(v)
    if arr.ndim == 0:
        return np.full(n, arr.item())
    if arr.shape != (n,):
        raise ValueError(f"{name}: {arr.shape[0]} values for {n} rows")
    return arr


def _first(point, allowed: np.ndarray) -> np.ndarray:
    """Always the first option that is allowed."""
    p = np.zeros(allowed.shape)
    p[np.arange(len(p)), np.argmax(allowed, axis=1)] = 1.0
    return p


def _uniform(point, allowed: np.ndarray) -> np.ndarray:
    """Every allowed option alike."""
    return allowed / allowed.sum(axis=1, keepdims=True)


def _historical(point, allowed: np.ndarray) -> np.ndarray:
    """Always the historical choice (uniform among the allowed options where it is forbidden or undefined)."""
    if point.historical is None:
        return _uniform(point, allowed)
    j = point.options.index(point.historical)
    p = np.zeros(allowed.shape)
    p[:, j] = 1.0
    return np.where(allowed[:, [j]], p, _uniform(point, allowed))


POLICIES = {"first": _first, "uniform": _uniform, "historical": _historical}
POLICY_CODES = {name: k for k, name in enumerate(POLICIES, 1)}  # 0: the leader's own preferences


def _apply_policy(model, key: str, point, rows: np.ndarray, p: np.ndarray, allowed) -> np.ndarray:
    codes = model.policies.get(key)
    if codes is None:
        return p
    code = codes[rows]
    if not code.any():
        return p
    ok = np.ones(p.shape, bool) if allowed is None else np.asarray(allowed, bool)
    p = p.copy()
    for name, k in POLICY_CODES.items():
        on = code == k
        if on.any():
            p[on] = POLICIES[name](point, ok[on])
    return p


def _record(model, point, rows: np.ndarray, p: np.ndarray) -> None:
    table = model.recorded.setdefault(point.id, np.full((model.n, len(point.options)), np.nan))
    first = model.log.count[point.id][rows] == 0
    table[rows[first]] = p[first]


def _rows_leader(cls: type) -> type:
    """A subclass of a leader that reads fixed weights and forced choices from its :class:`RowsModel`."""

    def weight(self, name: str) -> np.ndarray:
        fixed = self.model.values.get(f"{self.key}.{name}")
        return fixed if fixed is not None else cls.weight(self, name)

    def decide(self, point, view, allowed=None, **kwargs):
        p, utilities, contrib = cls.decide(self, point, view, allowed, **kwargs)
        rows = np.asarray(view.idx)
        p = _apply_policy(self.model, self.key, point, rows, p, allowed)
        if self.model.recorded is not None:
            _record(self.model, point, rows, p)
        target = self.model.forcing.get(point.id)
        if target is None:
            return p, utilities, contrib
        option = target[rows]
        on = (option >= 0) & (self.model.log.count[point.id][rows] == 0)  # the first occurrence, as force once
        if on.any():
            p = p.copy()
            p[on] = 0.0
            p[np.flatnonzero(on), option[on]] = 1.0
        return p, utilities, contrib

    return type(cls.__name__, (cls,), {"weight": weight, "decide": decide, "_ids": PerModelCounter()})


_ROWS_CASES: dict[int, tuple[CaseSpec, CaseSpec]] = {}


def rows_case(case: CaseSpec = KOREA) -> CaseSpec:
    """The case with every leader able to take per-row weights and forced choices (made once per case)."""
    if id(case) not in _ROWS_CASES:
        leaders = {k: _rows_leader(c) for k, c in case.leaders.items()}
        _ROWS_CASES[id(case)] = (case, dataclasses.replace(case, leaders=leaders))
    return _ROWS_CASES[id(case)][1]


def run_rows(
    setup: SetupLike,
    seed: int,
    worlds: np.ndarray,
    values: Mapping[str, np.ndarray] | None = None,
    forcing: Mapping[str, np.ndarray] | None = None,
    case: CaseSpec = KOREA,
    chunk: int = CHUNK_ROWS,
    policies: Mapping[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Simulate the rows (world index per row, with their values, forcing and policies); the outcome columns."""
    worlds = np.asarray(worlds, dtype=np.int64)
    values, forcing, policies = dict(values or {}), dict(forcing or {}), dict(policies or {})
    parts = []
    for start in range(0, len(worlds), chunk):
        sl = slice(start, min(start + chunk, len(worlds)))
        model = RowsModel(
            rows_case(case),
            worlds[sl],
            seed,
            setup,
            values={k: np.asarray(v)[sl] for k, v in values.items()},
            forcing={k: np.asarray(v)[sl] for k, v in forcing.items()},
            policies={k: np.asarray(v)[sl] for k, v in policies.items()},
        ).run()
        parts.append(case.outcomes(model))
        del model
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def draws(setup: SetupLike, seed: int, worlds: np.ndarray, names, case: CaseSpec = KOREA) -> dict[str, np.ndarray]:
    """The model's own per-world draws of the named factors (weights ``leader.term`` and parameters).

    These are the values the worlds of an ensemble run with: keyed by world
    index, from the range in the setup (a scenario's ``set``) or the documented one.
    """
    model = RowsModel(rows_case(case), np.asarray(worlds, dtype=np.int64), seed, setup)
    out = {}
    for name in names:
        key, _, term = name.partition(".")
        leader = model.leaders.get(key) if name not in case.params else None
        out[name] = np.array(leader.weight(term) if leader is not None else model.param(name), dtype=float)
    return out
