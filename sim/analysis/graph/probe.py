"""Introspection: the state variables, choices and parameters each node reads and writes.

Reads and writes are found by running the case's own functions, not from a
hand-written list: ``when``/``features``/``probabilities`` are evaluated on a
recording view of a real :class:`~sim.engine.state.WorldState` of a few
worlds, and every ``effect`` runs once per option on a
:class:`~sim.engine.nodes.Firing` whose state records each array it hands out
and which of them get written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from sim import case
from sim.case.state import SCHEMA
from sim.engine import dates
from sim.engine.nodes import ChanceNode, DecisionPoint, Firing, Node
from sim.engine.state import WorldState

N_WORLDS = 4
PROBE_DAY = "1950-10-12"  # the day the probes pretend it is (any day inside the war works)


class _RecordingView:
    """Stands in for :class:`sim.state.View`: records every state variable and node choice asked for."""

    def __init__(self, state: WorldState, day: int) -> None:
        self._state = state
        self._reads: set[str] = set()
        self._chose: set[str] = set()
        self.idx = np.arange(state.n)
        self.day = np.full(state.n, day, np.int32)

    def __getattr__(self, name: str) -> np.ndarray:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._state, name)
        if name in SCHEMA:
            self._reads.add(name)
            return value[self.idx]
        return value

    def chose(self, node: str, option: str) -> np.ndarray:
        self._chose.add(node)
        return self._state.log.chose(node, option)[self.idx]

    def __len__(self) -> int:
        return self._state.n


class _Tracked(np.ndarray):
    """A view of a state array that tells its owner when it is written into."""

    def __setitem__(self, key, value) -> None:
        sink = getattr(self, "_sink", None)
        if sink is not None:
            sink.add(self._name)
        super().__setitem__(key, value)


class _RecordingState:
    """Stands in for :class:`sim.state.WorldState` inside an effect: records reads and writes."""

    def __init__(self, state: WorldState) -> None:
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_accessed", set())
        object.__setattr__(self, "_written", set())

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._state, name)
        if name in SCHEMA:
            self._accessed.add(name)
            tracked = value.view(_Tracked)
            tracked._name, tracked._sink = name, self._written
            return tracked
        return value

    def __setattr__(self, name: str, value) -> None:
        if name in SCHEMA:
            self._written.add(name)
        setattr(self._state, name, value)

    def set_day(self, name: str, idx: np.ndarray, days: np.ndarray) -> None:
        """Writes the date without telling the scheduler (the probe model never steps)."""
        self._written.add(name)
        getattr(self._state, name)[idx] = days


class _RecordingModel:
    """Stands in for :class:`sim.engine.model.WarModel`: hands out the recording state, records parameters."""

    def __init__(self, model, state: _RecordingState | None = None) -> None:
        self._model = model
        self.state = state if state is not None else model.state
        self.params_used: set[str] = set()

    def param(self, name: str) -> np.ndarray:
        self.params_used.add(name)
        return self._model.param(name)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._model, name)


@dataclass
class Probe:
    """What introspection found for one node."""

    reads: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # variable -> where read
    writes: set[str] = field(default_factory=set)
    set_days: set[str] = field(default_factory=set)
    effect_reads: set[str] = field(default_factory=set)  # read by the effect only (no edge)
    chose: set[str] = field(default_factory=set)
    params: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def military_writes(model=None) -> set[str]:
    """State the weekly military sub-model writes (``sim.military.step`` and ``case.end_by_conquest``)."""
    from sim.case import military

    model = model or probe_model()
    state = model.state
    base = _snapshot(state)
    state.war[:] = True
    state.us_in[:] = True
    state.front[:] = np.linspace(35.0, 41.5, state.n)
    before = _snapshot(state)
    rec = _RecordingState(state)
    try:
        with np.errstate(all="ignore"):
            military.step(rec, dates.day(PROBE_DAY))
            case.end_by_conquest(rec, dates.day(PROBE_DAY))
    except Exception:  # no marks rather than no graph
        pass
    changed = {name for name in SCHEMA if not np.array_equal(getattr(state, name), before[name])}
    _restore(state, base)
    return rec._written | changed


def probe_model():
    """A model of a few worlds for the probes (never stepped)."""
    from sim.analysis.simulate import model

    return model(np.arange(N_WORLDS), seed=1)


def _snapshot(state: WorldState) -> dict[str, np.ndarray]:
    return {name: getattr(state, name).copy() for name in SCHEMA}


def _restore(state: WorldState, snap: dict[str, np.ndarray]) -> None:
    for name, value in snap.items():
        setattr(state, name, value.copy())


def _states(model) -> list[dict[str, np.ndarray]]:
    """Two probe states: the initial one, and one with every flag flipped and every date set.

    Case functions combine arrays with ``&``/``np.where`` so one state shows every
    read; the second one guards against a future ``if v.flag.any():`` hiding a branch.
    """
    first = _snapshot(model.state)
    second = {}
    for name, value in first.items():
        if value.dtype == np.bool_:
            second[name] = ~value
        elif name in ("outcome",):
            second[name] = value.copy()
        elif np.issubdtype(value.dtype, np.integer):
            second[name] = np.full_like(value, dates.day(PROBE_DAY) - 30)
        else:
            second[name] = value * 1.05 + 0.1
    return [first, second]


def probe(node: Node, model) -> Probe:
    """Reads, writes, choices and parameters of one node, found by running its functions."""
    out = Probe()
    day = dates.day(PROBE_DAY)
    state = model.state
    base = _snapshot(state)
    with np.errstate(all="ignore"):
        for values in _states(model):
            _restore(state, values)
            parts = [("when", node.when)]
            if isinstance(node, DecisionPoint) and node.features is not None:
                parts.append(("features", node.features))
            if isinstance(node, ChanceNode) and node.probabilities is not None:
                parts.append(("probabilities", node.probabilities))
            for where, func in parts:
                view = _RecordingView(state, day)
                rec_model = _RecordingModel(model)
                try:
                    result = func(view, rec_model) if where == "probabilities" else func(view)
                    if where == "features":
                        for terms in result.values():
                            out.terms.update(terms)
                except Exception as exc:  # a probe failure must not hide the other nodes
                    out.errors.append(f"{where}: {type(exc).__name__}: {exc}")
                for name in view._reads:
                    out.reads[name].add(where)
                out.chose |= view._chose
                out.params |= rec_model.params_used
        _restore(state, base)
        for k, option in enumerate(node.options):
            rec_state = _RecordingState(state)
            rec_model = _RecordingModel(model, rec_state)
            fx = Firing(
                rec_model,
                np.arange(N_WORLDS),
                np.full(N_WORLDS, day, np.int32),
                np.full(N_WORLDS, k, np.int8),
                node.options,
            )
            try:
                node.effect(fx)
            except Exception as exc:
                out.errors.append(f"effect ({option}): {type(exc).__name__}: {exc}")
            changed = {name for name in SCHEMA if not np.array_equal(getattr(state, name), base[name])}
            out.writes |= rec_state._written | changed
            out.effect_reads |= rec_state._accessed
            out.params |= rec_model.params_used
            out.set_days |= {n for n in rec_state._written if np.issubdtype(SCHEMA[n][0], np.integer)}
            _restore(state, base)
    out.effect_reads -= out.writes
    if node.after and isinstance(node.after[1], str):
        out.params.add(node.after[1])
    return out
