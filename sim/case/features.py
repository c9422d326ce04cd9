"""Measures of the situation that several decision points weigh, and shared trigger conditions.

A feature is a function of the world state (a ``View`` over some worlds)
that returns an array over those worlds; a decision point hands it to its
decider as the value of a term (``agents/``), and the decider's weight turns
it into utility. Features lie in about [-1, 1]; each docstring states the
range, the units and the evidence. Features that only one point uses are
defined beside that point, in its phase module.
"""

from __future__ import annotations

import numpy as np

from sim.engine import dates
from sim.engine.nodes import Mask
from sim.engine.state import View

D = dates.day


# ---------------------------------------------------------------- measures
def quick_win(v: View) -> np.ndarray:
    """Stalin's estimate that the KPA wins before the US can act (0-1).

    Rises as Soviet arms build the KPA up (March 1949 -> June 1950), with the
    PRC as a backstop of reinforcements, and falls while US troops are in the
    South (essay.kim_requests, essay.changed_situation).
    """
    ready = np.clip((v.day - D("1949-03-01")) / (D("1950-06-01") - D("1949-03-01")), 0.0, 1.0)
    return np.clip(0.15 + 0.5 * ready + 0.2 * v.prc - 0.3 * v.us_troops_south, 0.0, 1.0)


def border_threat(v: View) -> np.ndarray:
    """UN forces' nearness to the Yalu: 0 at 37.5N, 1 at 40.5N (Mao's border worry, essay.mao_reasons)."""
    return np.clip((v.front - 37.5) / 3.0, 0.0, 1.0)


def air_shortfall(v: View) -> np.ndarray:
    """How far Soviet air cover falls short of what China expects: 1 - expected cover, 0-1 (shen.politburo_5oct)."""
    return 1.0 - v.air_cover


def stalin_distrust(v: View) -> np.ndarray:
    """Stalin's distrust of the CCP's loyalty: 1 - trust, 0-1 (shen.stalin_suspicion)."""
    return 1.0 - v.stalin_trust_ccp


def chinese_troops_now(v: View, need: np.ndarray) -> dict:
    """Stalin on letting Chinese troops in now: Chinese influence he distrusts vs the KPA's need.

    ``need`` is how much the KPA needs help (0 while it advances, 1 when
    routed); a slight escalation risk counts against (shen.stalin_suspicion,
    shen.timing).
    """
    return {"distrust_ccp": -stalin_distrust(v), "friendly_korea": need, "avoid_us_war": -0.1}


def mao_case_for_entry(v: View) -> dict:
    """Mao's case for sending troops, term -> feature (essay.mao_reasons, shen.politburo_5oct, shen.us_entry).

    The border threat and his resolve (0-1) for, the shortfall of Soviet air
    cover (0-1) and Taiwan first (a fixed -0.5) against.
    """
    return {
        "border_security": border_threat(v),
        "revolutionary_resolve": v.mao_resolve,
        "air_force_condition": -air_shortfall(v),
        "taiwan_first": -0.5,
    }


def politburo_case_for_entry(v: View) -> dict:
    """The Politburo's debate on sending troops, term -> feature (shen.politburo_5oct, int001.beijing_resistance).

    The cost to a regime rebuilding at home (a fixed -1) and the fear of a
    wider war without air cover (0-1) against; Mao's resolve (0-1), Peng's
    advocacy (1) and the border threat (0-1) for.
    """
    return {
        "domestic_reconstruction": -1.0,
        "mao_advocacy": v.mao_resolve,
        "peng_advocacy": 1.0,
        "border_security": border_threat(v),
        "fear_of_escalation": -air_shortfall(v),
    }


def line_at_38th(v: View) -> np.ndarray:
    """How close the line is to the 38th parallel: 1 on it, 0 at 1.5 deg away or more (shen.talks)."""
    return np.clip(1.0 - np.abs(v.front - 38.0) / 1.5, 0.0, 1.0)


def weariness(v: View) -> np.ndarray:
    """Weariness of casualties: 0 before mid-1952, rising to 1 a year later (essay.war_weariness)."""
    return np.clip((v.day - D("1952-06-01")) / 365.0, 0.0, 1.0)


# ---------------------------------------------------------------- conditions
def at_war(v: View) -> Mask:
    """The war is being fought."""
    return v.war


def us_at_war(v: View) -> Mask:
    """The war is being fought and US forces are committed."""
    return v.war & v.us_in


def china_can_enter(v: View) -> Mask:
    """The war is being fought and Chinese troops are not (yet) in Korea."""
    return v.war & ~v.china_in
