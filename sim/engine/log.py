"""The decision log: per node and world, how often it fired, and its first and last choice and day."""

from __future__ import annotations

import numba
import numpy as np

from sim.engine import dates
from sim.engine.nodes import Node


class Log:
    """Per node and world: occurrences, first and last choice (-1 = never) and days.

    Days are day numbers in int16: the horizon is day 2,921 (1956-12-31), and
    half the width of int32 is 244 bytes a world at 10^6 worlds (issue 11).

    The model reads the counts and the last choices and days; the first ones
    are only reported, so ``firsts=False`` leaves them out (empty dicts).
    """

    def __init__(self, n: int, nodes: tuple[Node, ...], firsts: bool = True) -> None:
        kept = nodes if firsts else ()
        self.count = {nd.id: np.zeros(n, np.int16) for nd in nodes}
        self.first_choice = {nd.id: np.full(n, -1, np.int8) for nd in kept}
        self.last_choice = {nd.id: np.full(n, -1, np.int8) for nd in nodes}
        self.first_day = {nd.id: np.full(n, dates.NEVER, np.int16) for nd in kept}
        self.last_day = {nd.id: np.full(n, dates.NEVER, np.int16) for nd in nodes}
        self._options = {nd.id: nd.options for nd in nodes}

    def record(self, node: str, idx: np.ndarray, days: np.ndarray, chosen: np.ndarray) -> None:
        """A firing of ``node`` in worlds ``idx`` (distinct) on ``days``, taking options ``chosen``."""
        firsts = self.first_choice.get(node, _NO_CHOICES), self.first_day.get(node, _NO_DAYS)
        _record(idx, days, chosen, self.count[node], self.last_choice[node], self.last_day[node], *firsts)

    def chose(self, node: str, option: str) -> np.ndarray:
        return self.last_choice[node] == self._options[node].index(option)


_NO_CHOICES, _NO_DAYS = np.empty(0, np.int8), np.empty(0, np.int16)  # first logs not kept


@numba.njit(cache=True)
def _record(idx, days, chosen, count, last_choice, last_day, first_choice, first_day):
    """The log's update for one firing, world by world (compiled); empty first arrays: not kept."""
    firsts = first_choice.size > 0
    for j in range(idx.size):
        i = idx[j]
        if firsts and count[i] == 0:
            first_choice[i] = chosen[j]
            first_day[i] = days[j]
        last_choice[i] = chosen[j]
        last_day[i] = days[j]
        count[i] += 1
