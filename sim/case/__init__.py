"""The case: the Korean War, 1949-1953, as decision points, chance nodes and events in causal order.

The nodes live in one module per phase, each opening with the phase's story
and its sources:

    approval      1949-50: Kim's requests, the changed situation, Mao's consent, the invasion
    intervention  Jun-Sep 1950: the Security Council, Truman, China's July offer, Inchon
    pursuit       Sep-Oct 1950: the UN crosses the 38th and drives toward the Yalu
    october       Oct 1950: Kim's appeal, Stalin's reply, Mao's cable, the Politburo, the Black Sea, 12 October
    entry         Oct 1950: the evacuation order and its cancellation, the Yalu limit, the CPV crosses
    campaigns     Nov 1950 - spring 1951: the air war, the third campaign, the ceasefire offer, the fifth campaign
    talks         1951-53: talks proposed, Stalin's hard line, Beijing and the prisoner deadlock
    washington    1951-53: the US answers, its prisoner terms, its pressure and escalation
    armistice     1953: Eisenhower, Stalin's death, the settlement, the armistice; the end by conquest

Each decision point reads as a brief: its id, date window, decider,
options, the historical choice, when it fires, and the features of each
option (term -> value; the weights belong to the decider, ``agents/``), then
what each option does to the world. Features lie in about [-1, 1]; their
definitions are the modelling claims, stated in each function's docstring
(shared ones in ``features``, shared effects in ``effects``). Dates are the
sources' dates (``HISTORY.md``); points tied to the war's course are
scheduled relative to the day the war started or to the previous step, so a
different history moves them too.

This module assembles the phases: ``NODES`` in causal order (the engine
fires the nodes of a day in this order), ``BY_ID``, ``DECISIONS``, the
weekly step, and ``KOREA``, the :class:`~sim.engine.spec.CaseSpec` the
engine runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.case import (
    approval,
    armistice,
    campaigns,
    entry,
    intervention,
    military,
    october,
    pursuit,
    talks,
    washington,
)
from sim.case.armistice import end_by_conquest
from sim.case.features import BLACK_SEA
from sim.case.outcomes import Final
from sim.case.pursuit import PARALLEL_LINE
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Node
from sim.engine.state import WorldState

if TYPE_CHECKING:
    from sim.engine.model import WarModel

NODES: tuple[Node, ...] = (
    *approval.NODES,
    *intervention.NODES,
    *pursuit.NODES,
    *october.NODES,
    *entry.NODES,
    *campaigns.NODES,
    *armistice.EVENTS,  # a death or an inauguration changes who decides, from that week on
    *talks.NODES,
    *washington.NODES,
    *armistice.NODES,
)
BY_ID: dict[str, Node] = {n.id: n for n in NODES}
DECISIONS: tuple[DecisionPoint, ...] = tuple(n for n in NODES if isinstance(n, DecisionPoint))

NO_WAR, DPRK_UNIFIES, ROK_UNIFIES, DIVIDED, ONGOING = Final  # the codes' names before ``Final``


def weekly(model: WarModel, t0: int, t1: int) -> None:
    """One week of war after the week's decisions: the military step, the UN's crossing, conquests.

    The military step reads this chunk's per-world parameters (``military.draws``).
    """
    s = model.state
    military.step(s, t0, military.draws(model))
    np.minimum(s.front_min, s.front, out=s.front_min)
    np.maximum(s.front_max, s.front, out=s.front_max)
    war = model.worlds_at_war()
    w = slice(None) if war is None else war
    # crossed: north of the line a UN halting at the parallel would hold, after the retreat south of 37N
    crossed = (s.front[w] > PARALLEL_LINE) & (s.un_crossed_day[w] < 0) & s.us_in[w] & (s.front_min[w] < 37.0) & s.war[w]
    s.un_crossed_day[_worlds(war, crossed)] = t1
    track_the_line(s, t1, war)
    end_by_conquest(s, t1, war)


def _worlds(war: np.ndarray | None, mask: np.ndarray) -> np.ndarray:
    """Indices of the worlds where ``mask`` holds; ``mask`` is over ``war`` (indices) or every world (None)."""
    where = np.flatnonzero(mask)
    return where if war is None else war[where]


def track_the_line(s: WorldState, day: int, war: np.ndarray | None = None) -> None:
    """Note when the line last moved by more than 0.3 degree (talks open on a line that holds), and, for
    the audit, each week an evacuation order stands while the KPA fights beside the CPV.

    ``war``: indices of the worlds at war, if known (None: every world is tested).
    """
    w = slice(None) if war is None else war
    moved = _worlds(war, s.war[w] & (np.abs(s.front[w] - s.front_ref[w]) > 0.3))
    s.front_ref[moved] = s.front[moved]
    s.front_ref_day[moved] = day
    s.evac_with_cpv_weeks[w] += s.war[w] & s.evac_active[w] & (s.cpv[w] >= 10.0) & (s.kpa[w] >= 10.0)


def init(model: WarModel) -> None:
    """Initial state drawn from parameters: beliefs, the alliance, dates and waits that differ by world."""
    s = model.state
    s.stalin_p_us[:] = model.param("belief.p_us_with_troops")
    s.stalin_trust_ccp[:] = model.param("belief.trust_ccp_1950")
    s.alliance[:] = model.param("alliance.before_treaty")
    s.soviet_air_ready_day[:] = BLACK_SEA + model.param("delay.soviet_air_ready").astype(np.int32)
    s.talks_wait[:] = model.param("delay.talks_stable")
    s.air_pressure[:] = model.param("mil.air_pressure_1950")  # acts once US forces fight; decisions raise it


def check_citations(leaders) -> None:
    """Refuse a leader term whose evidence id is not in the registry (every weight cites a passage)."""
    from sim.case.evidence import REGISTRY

    for cls in leaders.values():
        for t in cls.terms:
            if t.evidence not in REGISTRY:
                raise ValueError(f"term {cls.key}.{t.name}: evidence id {t.evidence!r} is not registered")


def _spec():
    from agents import LEADERS
    from sim.case import outcomes
    from sim.case.params import PARAMS
    from sim.case.state import SCHEMA
    from sim.engine.spec import CaseSpec

    check_citations(LEADERS)
    return CaseSpec(
        nodes=NODES,
        schema=SCHEMA,
        leaders=LEADERS,
        params=PARAMS,
        weekly=weekly,
        init=init,
        series="front",
        outcomes=outcomes.collect,
    )


KOREA = _spec()

__all__ = [
    "BY_ID",
    "DECISIONS",
    "DIVIDED",
    "DPRK_UNIFIES",
    "EARLY",
    "KOREA",
    "LATE",
    "NODES",
    "NO_WAR",
    "ONGOING",
    "ROK_UNIFIES",
    "check_citations",
    "end_by_conquest",
    "init",
    "weekly",
]
