"""Historical-logic invariants: what no simulated world may do, checked world by world.

Each invariant names the source or the logic it encodes and counts the
worlds of a finished model that break it. ``whatif audit`` prints them for a
scenario, and a test checks every world of every library scenario.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sim import case
from sim.case.approval import CONSENT_LEAD_DAYS, PREPARATION_DAYS
from sim.case.armistice import AT_THE_YALU, NO_CPV
from sim.case.outcomes import Final
from sim.engine import dates
from sim.engine.model import WarModel

DATED_SLACK = 45  # days a dated point may fire from its documented date
EVACUATION_GRACE_WEEKS = 2  # weeks an order may stand beside the CPV before it is cancelled (the decision's lag)
OFFICE_CHANGES = {  # office flag -> (the day it flips, its value before)
    "stalin_alive": ("stalin_death_day", True),
    "eisenhower": ("eisenhower_day", False),
}


@dataclass(frozen=True)
class Invariant:
    """A rule no world may break: its name, the rule in words with its source, and the check."""

    name: str
    rule: str
    violations: Callable[[WarModel], np.ndarray]  # bool per world


def _armistice_without_talks(m: WarModel) -> np.ndarray:
    s = m.state
    return (s.armistice_day >= 0) & ((s.talks_day < 0) | (s.talks_day > s.armistice_day))


def _south_over_chinese_army(m: WarModel) -> np.ndarray:
    s = m.state
    return (s.outcome == Final.ROK_UNIFIES) & (s.cpv >= NO_CPV)


def _armistice_at_the_yalu_alone(m: WarModel) -> np.ndarray:
    s = m.state
    return (s.outcome == Final.DIVIDED) & (s.front >= AT_THE_YALU) & (s.cpv < NO_CPV)


def _dated_off_date(m: WarModel) -> np.ndarray:
    bad = np.zeros(m.n, bool)
    for node in case.NODES:
        if node.dated is None:
            continue
        day = dates.day(node.dated)
        for fired in (m.log.first_day[node.id], m.log.last_day[node.id]):
            bad |= (fired >= 0) & (np.abs(fired - day) > DATED_SLACK)
    return bad


def _invasion_unprepared(m: WarModel) -> np.ndarray:
    s = m.state
    prc = m.log.first_day["prc_founded"]
    started = s.war_start >= 0
    early = (s.war_start < s.approval_day + PREPARATION_DAYS) | (s.war_start < s.consent_day + CONSENT_LEAD_DAYS)
    consent_before_prc = (prc < 0) | (s.consent_day < prc)
    return started & ((s.approval_day < 0) | (s.consent_day < 0) | early | consent_before_prc)


def _out_of_office(m: WarModel) -> np.ndarray:
    bad = np.zeros(m.n, bool)
    for node in case.DECISIONS:
        office = m.leaders[node.decider].office
        if not office:
            continue
        day_var, before = OFFICE_CHANGES[office.lstrip("~")]
        flips = getattr(m.state, day_var)
        first, last = m.log.first_day[node.id], m.log.last_day[node.id]
        if office.startswith("~") == before:  # in office only after the flip
            bad |= (first >= 0) & ((flips < 0) | (first < flips))
        else:  # in office only until the flip
            bad |= (last >= 0) & (flips >= 0) & (last >= flips)
    return bad


def _evacuation_left_standing(m: WarModel) -> np.ndarray:
    return m.state.evac_with_cpv_weeks > EVACUATION_GRACE_WEEKS


def _crossed_after_halting(m: WarModel) -> np.ndarray:
    halt = case.BY_ID["un_cross_38th"].options.index("halt")
    return (m.state.un_crossed_day >= 0) & (m.log.last_choice["un_cross_38th"] == halt)


INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "armistice_without_talks",
        "an armistice comes out of negotiations: talks open before it is signed (shen.talks, int000.post_stalin)",
        _armistice_without_talks,
    ),
    Invariant(
        "south_unifies_over_chinese_army",
        "the South cannot unify Korea while a Chinese army holds ground in the North (shen.conclusion)",
        _south_over_chinese_army,
    ),
    Invariant(
        "armistice_at_the_yalu_without_china",
        "with UN forces at the Yalu and no Chinese army in Korea the North has fallen: no armistice divides Korea "
        "there (essay.pusan_inchon, shen.conclusion)",
        _armistice_at_the_yalu_alone,
    ),
    Invariant(
        "dated_point_off_date",
        f"a point whose title names a date fires within {DATED_SLACK} days of it; later reconsiderations "
        "are generic points (the logic of dated decisions)",
        _dated_off_date,
    ),
    Invariant(
        "invasion_before_preparation",
        f"no invasion before Stalin's approval plus {PREPARATION_DAYS} days of Soviet-supplied preparation, "
        f"and {CONSENT_LEAD_DAYS} days after Mao's consent, given once the PRC exists "
        "(essay.stalin_conditions, essay.mao_no_choice, blog.swift_war)",
        _invasion_unprepared,
    ),
    Invariant(
        "decision_out_of_office",
        "no decision by a leader who is dead or out of office (Stalin after 5 March 1953, his successors before; "
        "Truman after Eisenhower's inauguration, Eisenhower before)",
        _out_of_office,
    ),
    Invariant(
        "evacuation_left_standing",
        f"an evacuation order is cancelled or carried out, never left standing more than "
        f"{EVACUATION_GRACE_WEEKS} weeks while the KPA fights beside the CPV (essay.evacuation, int001.evacuation)",
        _evacuation_left_standing,
    ),
    Invariant(
        "crossed_after_halting",
        "a UN that halts at the parallel holds a line there and does not cross it going north: the crossing is "
        "Truman's decision to pursue (essay.cross_38th)",
        _crossed_after_halting,
    ),
)


def check(m: WarModel) -> dict[str, np.ndarray]:
    """Invariant name -> the worlds (bool per world) of a finished model that break it."""
    return {inv.name: inv.violations(m) for inv in INVARIANTS}
