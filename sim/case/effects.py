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


# ---------------------------------------------------------------- China
def ask_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """China is asked to send troops; Mao's October resolve is set (variant-dependent)."""
    set_days(fx.s, "china_asked_day", idx, days)
    fx.s.mao_resolve[idx] = fx.param("belief.mao_resolve_oct1950", idx)


def cpv_preparation(fx: Firing, idx: np.ndarray) -> np.ndarray:
    """Days from Beijing's commitment until the CPV is ready to cross, for worlds ``idx`` (whole days).

    After the Politburo's resolution of 5 October 1950 to send troops the CPV
    command was formed and the army made its last preparations; the entry was
    set for about 15 October (shen.entry_plan), so a commitment after it finds
    the army ready (0 days; Mao's stop of 12 October only suspended the plan,
    shen.mao_12oct). Where the Politburo held back (``politburo_resolution``
    -1) no command was formed and nothing prepared: the CPV is ready
    ``delay.cpv_preparation`` days after the commitment (4-10, rounded).
    Where it never met (0: China asked outside the autumn of 1950) the
    sources give no such sequence, and none is added.
    """
    lag = np.rint(fx.param("delay.cpv_preparation", idx)).astype(np.int32)
    return np.where(fx.s.politburo_resolution[idx] < 0, lag, 0).astype(np.int32)


def commit_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Beijing (re)commits to sending troops: any stop order is lifted, and the CPV is ready on ``cpv_ready_day``.

    The crossing (``cpv_crossing``) waits for ``cpv_ready_day``: the
    commitment's day plus ``cpv_preparation``.
    """
    s = fx.s
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "committed_day", idx, days)
    set_days(s, "cpv_ready_day", idx, days + cpv_preparation(fx, idx))


def refuse_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Beijing decides not to send troops (for now): the entry plan is stopped."""
    s = fx.s
    s.china_stop[idx] = True
    s.china_committed[idx] = False
    set_days(s, "china_refused_day", idx, days)


def enter_china(fx: Firing, idx: np.ndarray, days: np.ndarray, strength: np.ndarray) -> None:
    """Chinese troops enter Korea: the CPV (``strength``, thousand men) joins the fight with surprise on its side.

    Fighting side by side turns the alliance from a superficial one into a
    real one (shen.conclusion).
    """
    s = fx.s
    first = s.committed_day[idx] < 0
    if first.any():
        set_days(s, "committed_day", idx[first], np.broadcast_to(days, idx.shape)[first])
    s.china_in[idx] = True
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "china_entry_day", idx, days)
    s.cpv[idx] = strength
    s.cpv_surprise[idx] = military.M.lure_weeks + military.M.surprise_weeks
    s.alliance[idx] = np.minimum(s.alliance[idx] + fx.param("alliance.entry_gain", idx), 1.0)


AIR_COVER_LEVELS = ("air_cover.now", "air_cover.later", "air_cover.none")


def air_cover_by_option(advice: tuple[float, float, float] | None = None) -> Callable[[Firing], None]:
    """Effect of Stalin's answer on air cover (options: at once, later or limited, none, in that order).

    China's expectation of cover becomes the option's parameter (shen.black_sea);
    with ``advice``, Moscow's advice to Beijing becomes the option's value
    (+1 go in, -1 stay out and let Kim retreat: the Black Sea telegram).
    """

    def effect(fx: Firing) -> None:
        s = fx.s
        for j, name in enumerate(AIR_COVER_LEVELS):
            idx, _ = fx.chose(fx.options[j])
            s.air_cover[idx] = fx.param(name, idx)
            if advice is not None:
                s.moscow_advice[idx] = advice[j]

    return effect


# ---------------------------------------------------------------- talks and terms
def open_talks(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Armistice talks open (where they are not open yet)."""
    new = ~fx.s.talks[idx]
    idx = idx[new]
    fx.s.talks[idx] = True
    set_days(fx.s, "talks_day", idx, np.broadcast_to(days, new.shape)[new])


def propose(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """One side proposes talks (where none are open or pending); the other answers within a week."""
    new = ~fx.s.talks[idx] & ~fx.s.talks_proposed[idx]
    fx.s.talks_proposed[idx[new]] = True
    set_days(fx.s, "proposed_day", idx[new], np.broadcast_to(days, idx.shape)[new])


def agree(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Where every side now accepts terms, the armistice is signed after the negotiation delay.

    The Communist side accepts when Moscow has told its allies to settle and
    Beijing accepts (or has no troops in Korea); the US accepts its own
    terms. An armistice comes out of negotiations: where no talks are open,
    the side that settles proposes them, and the agreement waits for the
    other side to accept the talks (which calls ``agree`` again).
    """
    s = fx.s
    days = np.broadcast_to(days, idx.shape)
    ready = s.war[idx] & s.moscow_settle[idx] & (s.china_settle[idx] | ~s.china_in[idx]) & (s.agreed_day[idx] < 0)
    idx, days = idx[ready], days[ready]
    closed = ~s.talks[idx]
    propose(fx, idx[closed], days[closed])
    idx, days = idx[~closed], days[~closed]
    if idx.size == 0:
        return
    set_days(s, "agreed_day", idx, days)
    set_days(s, "settle_due", idx, days + fx.param("delay.negotiation", idx).astype(np.int32))


def moscow_settles(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Moscow tells its allies to settle."""
    fx.s.moscow_settle[idx] = True
    set_days(fx.s, "moscow_settle_day", idx, days)
    agree(fx, idx, days)


def china_settles(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """Beijing accepts the terms on the table."""
    fx.s.china_settle[idx] = True
    set_days(fx.s, "china_settle_day", idx, days)
    agree(fx, idx, days)


def moscow_settles_on(option: str) -> Callable[[Firing], None]:
    """Effect: where ``option`` was taken, Moscow tells its allies to settle."""

    def effect(fx: Firing) -> None:
        moscow_settles(fx, *fx.chose(option))

    return effect


def ceasefire_on(option: str) -> Callable[[Firing], None]:
    """Effect: where ``option`` was taken, a ceasefire on the line: talks open, Moscow and Beijing settle."""

    def effect(fx: Firing) -> None:
        idx, days = fx.chose(option)
        open_talks(fx, idx, days)
        fx.s.china_settle[idx] = True
        set_days(fx.s, "china_settle_day", idx, days)
        moscow_settles(fx, idx, days)

    return effect
