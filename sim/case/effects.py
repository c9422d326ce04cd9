"""Effects that several nodes share: what happens to the world when China enters, talks open, terms are agreed.

An effect takes a :class:`~sim.engine.nodes.Firing` (the worlds where a node
fired, their days and choices) and writes the world state. Dates are written
through ``set_days`` so the scheduler learns of them (nodes may run ``after``
a date).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.case import military
from sim.engine.nodes import Firing
from sim.engine.state import WorldState


def set_days(s: WorldState, name: str, idx: np.ndarray, days: np.ndarray) -> None:
    """Write the date variable ``name`` for worlds ``idx`` (day numbers, broadcast to ``idx``)."""
    s.set_day(name, idx, np.broadcast_to(days, idx.shape).astype(np.int32))


def ask_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """China is asked to send troops; Mao's October resolve is set (variant-dependent)."""
    set_days(fx.s, "china_asked_day", idx, days)
    fx.s.mao_resolve[idx] = fx.param("belief.mao_resolve_oct1950", idx)


def commit_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Beijing (re)commits to sending troops: any stop order is lifted."""
    s = fx.s
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "committed_day", idx, days)


def enter_china(fx: Firing, idx: np.ndarray, days: np.ndarray, strength: np.ndarray) -> None:
    """Chinese troops enter Korea: the CPV (``strength``, thousand men) joins the fight with surprise on its side."""
    s = fx.s
    s.china_in[idx] = True
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "china_entry_day", idx, days)
    s.cpv[idx] = strength
    s.cpv_surprise[idx] = military.M.lure_weeks + military.M.surprise_weeks
    s.alliance[idx] = np.maximum(s.alliance[idx], 0.8)


def air_cover_by_option(fx: Firing) -> None:
    """China's expectation of Soviet air cover after Stalin's answer: full (1), partial (0.5), none (0.15).

    The answer's options are listed in that order at every point that uses it.
    """
    fx.s.air_cover[fx.idx] = np.array([1.0, 0.5, 0.15])[fx.choice]


def open_talks(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Armistice talks open."""
    fx.s.talks[idx] = True
    set_days(fx.s, "talks_day", idx, days)


def moscow_settles(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Moscow tells its allies to settle."""
    fx.s.moscow_settle[idx] = True
    set_days(fx.s, "moscow_settle_day", idx, days)


def moscow_settles_on(option: str) -> Callable[[Firing], None]:
    """Effect: where ``option`` was taken, Moscow tells its allies to settle."""

    def effect(fx: Firing) -> None:
        moscow_settles(fx, *fx.chose(option))

    return effect


def settle(fx: Firing, idx: np.ndarray, days: np.ndarray, holdout: bool = False) -> None:
    """Both sides accept terms: the armistice is signed after the negotiation delay (and China's holdout)."""
    s = fx.s
    delay = fx.param("delay.negotiation", idx) + holdout * fx.param("delay.china_holdout", idx)
    s.china_settle[idx] = True
    set_days(s, "china_settle_day", idx, days)
    set_days(s, "settle_due", idx, days + delay.astype(np.int32))


def ceasefire_on(option: str) -> Callable[[Firing], None]:
    """Effect: where ``option`` was taken, a ceasefire on the line: talks open, Moscow and Beijing settle."""

    def effect(fx: Firing) -> None:
        idx, days = fx.chose(option)
        open_talks(fx, idx, days)
        moscow_settles(fx, idx, days)
        settle(fx, idx, days)

    return effect
