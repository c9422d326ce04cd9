"""Measures of the situation that several decision points weigh, and shared trigger conditions.

A feature is a function of the world state (a ``View`` over some worlds)
that returns an array over those worlds; a decision point hands it to its
decider as the value of a term (``agents/``), and the decider's weight turns
it into utility. Features lie in about [-1, 1] (a few costs that grow with
the war reach 2); each docstring states the range, the units and the
evidence. Features that only one point uses are defined beside that point,
in its phase module.
"""

from __future__ import annotations

import numpy as np

from sim.engine import dates
from sim.engine.nodes import Mask
from sim.engine.state import View

D = dates.day
BLACK_SEA = D("1950-10-11")  # the meeting where Stalin said his air force was not ready (shen.black_sea)


# ---------------------------------------------------------------- the situation in 1949-50
def quick_win(v: View) -> np.ndarray:
    """Stalin's estimate that the KPA wins before the US can act (0-1).

    Rises as Soviet arms build the KPA up (March 1949 -> June 1950), with the
    PRC as a backstop of reinforcements, and falls while US troops are in the
    South (essay.kim_requests, essay.changed_situation).
    """
    ready = np.clip((v.day - D("1949-03-01")) / (D("1950-06-01") - D("1949-03-01")), 0.0, 1.0)
    return np.clip(0.15 + 0.5 * ready + 0.2 * v.prc - 0.3 * v.us_troops_south, 0.0, 1.0)


def kpa_collapse(v: View) -> np.ndarray:
    """How far the KPA has collapsed (a chance to unify Korea): 1 - strength / 60 thousand, 0-1 (essay.cross_38th)."""
    return np.clip(1.0 - v.kpa / 60.0, 0.0, 1.0)


# ---------------------------------------------------------------- China's entry
def border_threat(v: View) -> np.ndarray:
    """UN forces' nearness to the Yalu: 0 at 37.5N, 1 at 40.5N (Mao's border worry, essay.mao_reasons)."""
    return np.clip((v.front - 37.5) / 3.0, 0.0, 1.0)


def air_shortfall(v: View) -> np.ndarray:
    """How far Soviet air cover falls short of what China expects: 1 - expected cover, 0-1 (shen.politburo_5oct)."""
    return 1.0 - v.air_cover


def stalin_distrust(v: View) -> np.ndarray:
    """Stalin's distrust of the CCP's loyalty: 1 - trust, 0-1 (shen.stalin_suspicion)."""
    return 1.0 - v.stalin_trust_ccp


def soviet_air_unready(v: View) -> np.ndarray:
    """How far the Soviet air force is from ready to cover the CPV: 1 until 11 October 1950, 0 once ready.

    Zhou heard at the Black Sea that it would not be ready for two to two and
    a half months (shen.black_sea); the ready day is drawn per world
    (``delay.soviet_air_ready``) into ``v.soviet_air_ready_day``.
    """
    return np.clip((v.soviet_air_ready_day - v.day) / (v.soviet_air_ready_day - BLACK_SEA), 0.0, 1.0)


def mao_case_for_entry(v: View) -> dict:
    """Mao's case for sending troops, term -> feature (essay.mao_reasons, shen.politburo_5oct).

    The border threat and his resolve (0-1) for; his standing in the camp
    counts for entry once Moscow has asked (0.5).
    """
    return {
        "border_security": border_threat(v),
        "revolutionary_resolve": v.mao_resolve,
        "camp_standing": np.full(len(v), 0.5),
    }


def mao_case_against_entry(v: View) -> dict:
    """Mao's case against sending troops, term -> feature (shen.politburo_5oct, shen.us_entry).

    The shortfall of Soviet air cover (0-1), the risk that China's entry drags
    the Soviets into a world war (0.5, halved by full air cover: the Soviets
    are in either way), and Taiwan first (0.5, while the 7th Fleet does not yet
    bar the Strait; 0.25 after).
    """
    return {
        "air_force_condition": air_shortfall(v),
        "fear_world_war": 0.5 * (1.0 - 0.5 * v.air_cover),
        "taiwan_first": 0.5 - 0.25 * v.us_in,
    }


def politburo_debate(v: View) -> dict:
    """The Politburo's debate on sending troops: option -> term -> feature (shen.politburo_5oct, int001).

    Send: Mao's resolve (0-1), Peng's advocacy (1) and the border threat
    (0-1). Hold back: the cost to a regime rebuilding at home (1) and the fear
    of a wider war without air cover (0-1).
    """
    return {
        "for": {"mao_advocacy": v.mao_resolve, "peng_advocacy": np.ones(len(v)), "border_security": border_threat(v)},
        "against": {"domestic_reconstruction": np.ones(len(v)), "fear_of_escalation": air_shortfall(v)},
    }


# ---------------------------------------------------------------- the stalemate and the talks
def line_stable_days(v: View) -> np.ndarray:
    """Days since the line last moved by more than 0.3 degree (int000.dug_in, shen.talks)."""
    return v.day - v.front_ref_day


def buffer_secure(v: View) -> np.ndarray:
    """How safe the North is as a buffer: 1 with the line at 38N or south, 0 at 39.5N or north.

    (int000.stalin_stalemate)
    """
    return np.clip((39.5 - v.front) / 1.5, 0.0, 1.0)


def safe_stalemate(v: View) -> np.ndarray:
    """How safe and settled the stalemate is: the buffer is secure and the line dug in (0-1).

    Stalin judged the war worth prolonging only once it was "safely a
    stalemate": the North saved, the Soviet border no longer threatened
    (int000.stalin_stalemate). The line's entrenchment (0-1) stands for
    "stalemate"; a mobile war with the line moving is not safe.
    """
    return buffer_secure(v) * (0.5 + 0.5 * v.fort)


def cpv_weariness(v: View) -> np.ndarray:
    """Weariness of casualties: CPV deaths / 400 thousand, about 1 by July 1953 (essay.war_weariness).

    400 thousand is the upper end of the documented range of CPV deaths
    (data.casualties): weariness grows without a fixed date, with the dead,
    and without a ceiling in a longer war.
    """
    return v.deaths_cpv / 400.0


def escalation_risk(v: View) -> np.ndarray:
    """Risk of a US-Soviet war if the war goes on: 0.1, plus 0.5 once the air war is public, plus 0.5 once the US
    carries the war to China, at most 1 (essay.air_war, essay.avoid_war_unprepared)."""
    return np.minimum(0.1 + 0.5 * v.air_war_public + 0.5 * v.us_widened, 1.0)


def us_war_cost(v: View) -> np.ndarray:
    """US casualties so far: US deaths / 40 thousand, 0-2 (int000.dug_in; ~37 thousand by July 1953)."""
    return np.minimum(v.deaths_us / 40.0, 2.0)


def talks_years(v: View) -> np.ndarray:
    """Years the talks have dragged on, 0 before they open (essay.stalin_prolong); by the 1956 horizon about 5."""
    return np.maximum((v.day - v.talks_day) / 365.0, 0.0) * v.talks


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


def in_window(v: View, start: str, end: str) -> Mask:
    """The day lies inside a dated point's window (its documented date +-45 days)."""
    return (v.day >= D(start)) & (v.day <= D(end))
