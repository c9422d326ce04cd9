"""World state as numpy arrays over worlds, one array per variable of a case's schema.

A schema maps each variable name to (dtype, initial value, meaning); the case
defines it (``sim.case.state``). Dates are day numbers (``sim.engine.dates``;
-1 = never).
"""

from __future__ import annotations

import numpy as np

Schema = dict[str, tuple[type, float, str]]


class WorldState:
    """All state variables of ``schema`` for ``n`` worlds; attribute access by name."""

    def __init__(self, n: int, schema: Schema) -> None:
        self.n = n
        self.schema = schema
        for name, (dtype, init, _) in schema.items():
            setattr(self, name, np.full(n, init, dtype=dtype))

    def set_day(self, name: str, idx: np.ndarray, days: np.ndarray) -> None:
        """Write a date variable and tell the scheduler (nodes may run ``after`` it)."""
        getattr(self, name)[idx] = days
        if self.on_day_set is not None:
            self.on_day_set(name, idx, days)

    on_day_set = None
    log = None

    def view(self, idx: np.ndarray) -> View:
        return View(self, idx)


class View:
    """The state restricted to worlds ``idx`` (None: every world, without copying).

    Arrays are indexed lazily on first access; ``day`` is set by the caller.
    """

    def __init__(self, state: WorldState, idx: np.ndarray | None) -> None:
        self._state = state
        self.idx = idx

    def __getattr__(self, name: str) -> np.ndarray:
        value = getattr(self._state, name)
        if self.idx is not None:
            value = value[self.idx]
        setattr(self, name, value)
        return value

    def chose(self, node: str, option: str) -> np.ndarray:
        """Whether each world's latest choice at ``node`` was ``option``."""
        chosen = self._state.log.chose(node, option)
        return chosen if self.idx is None else chosen[self.idx]

    def __len__(self) -> int:
        return self._state.n if self.idx is None else len(self.idx)
