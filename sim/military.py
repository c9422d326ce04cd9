"""Military sub-model: the front line and forces, one week at a time.

The front is the mean latitude of the main line of contact (deg N). Each
side's combat power is its strength (thousand men) times a quality factor and
a supply factor that decays with distance from its base (Pyongyang and the
Yalu for the Communist side, Pusan for the UN); US air power multiplies the
UN's. The front moves only when one side's power exceeds the other's by more
than the defender's advantage, which grows as the line is dug in: so a
balance of forces gives a stalemate, a rout gives a fast pursuit. Casualties
accrue with combat intensity. The constants were fitted by
``python -m sim.calibrate`` to the dated historical front line
(``sim/data/historical_front_line.csv``) along the historical path; force
levels and death tolls are held to the orders of magnitude of
``sim/data/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim import dates
from sim.state import WorldState

WAR_START_HIST = dates.day("1950-06-25")


@dataclass(frozen=True)
class Military:
    """Constants of the military sub-model (units in each field's comment)."""

    vmax: float = 0.43  # deg/week, fastest movement of the line (a pursuit)
    sharpness: float = 1.934  # how quickly movement saturates with the power ratio
    defence: float = 1.548  # power ratio an attacker must exceed to move an open line
    fort_defence: float = 2.5  # extra defender advantage of a fully dug-in line
    fort_rate: float = 0.06  # per week of quiet line while talks are open
    base_kpa: float = 39.0  # deg N, KPA supply base (Pyongyang)
    base_cpv: float = 40.6  # deg N, CPV supply base (the Yalu)
    base_un: float = 35.1  # deg N, UN supply base (Pusan)
    reach_kpa: float = 8.77  # deg, supply e-folding distance
    reach_cpv: float = 5.27
    reach_un: float = 8.15
    q_kpa: float = 2.2  # combat power per thousand men
    q_cpv: float = 0.528
    q_rok_1950: float = 0.25
    q_rok_1953: float = 0.85
    q_us_1950: float = 1.228
    q_us_1951: float = 1.963
    air_us: float = 0.252  # UN air power multiplier excess; halved by the Soviet air war
    cpv_surprise: float = 2.625  # CPV power excess in its surprise offensive
    lure_weeks: float = 4.6  # weeks the CPV lies hidden after crossing, letting the UN overextend
    surprise_weeks: float = 4.58  # weeks of the surprise offensive that follows
    cpv_push: float = 0.5  # CPV power excess during an all-out offensive
    inchon_jump: float = 1.192  # deg, line gained at once when the landing cuts the KPA
    us_ramp_1950: float = 10.0  # thousand/week US arrivals, first 12 weeks
    us_ramp_later: float = 2.0  # thousand/week afterwards
    us_cap: float = 350.0  # thousand, US and other UN combat troops
    rok_recruit: float = 5.3  # thousand/week
    rok_cap: float = 600.0
    kpa_recruit: float = 3.0  # thousand/week
    kpa_cap: float = 260.0
    cpv_recruit: float = 14.44  # thousand/week
    cpv_cap: float = 850.0
    loss_static: float = 0.0076  # weekly strength lost per man on a static line
    loss_mobile: float = 0.0466  # extra weekly loss per man per deg/week of movement
    death_share: float = 0.4  # share of losses that are deaths
    civ_per_week: float = 12.0  # thousand civilian deaths/week of war, at full intensity
    evac_withdrawal: float = 0.4  # share of the KPA leaving Korea each week of evacuation


M = Military()

# the evidence behind each constant (sim.evidence); fitted ones cite what they were fitted to
EVIDENCE: dict[str, str] = {
    **dict.fromkeys(
        (
            "vmax",
            "sharpness",
            "defence",
            "base_kpa",
            "base_cpv",
            "base_un",
            "reach_kpa",
            "reach_cpv",
            "reach_un",
            "q_kpa",
            "q_cpv",
            "q_us_1950",
            "q_us_1951",
            "air_us",
            "inchon_jump",
        ),
        "data.front_line",
    ),
    **dict.fromkeys(("fort_defence", "fort_rate"), "int000.dug_in"),
    **dict.fromkeys(("q_rok_1950", "q_rok_1953"), "essay.rok_weak"),
    **dict.fromkeys(("cpv_surprise", "lure_weeks", "surprise_weeks", "cpv_push"), "essay.winter_spring"),
    **dict.fromkeys(
        (
            "us_ramp_1950",
            "us_ramp_later",
            "us_cap",
            "rok_recruit",
            "rok_cap",
            "kpa_recruit",
            "kpa_cap",
            "cpv_recruit",
            "cpv_cap",
        ),
        "data.forces",
    ),
    **dict.fromkeys(("loss_static", "loss_mobile", "death_share", "civ_per_week"), "data.casualties"),
    "evac_withdrawal": "int001.evacuation",
}


def rok_quality(day: int) -> float:
    """ROK combat power per man: poor in 1950, improving to 1953."""
    f = np.clip((day - WAR_START_HIST) / (3 * 365.0), 0.0, 1.0)
    return M.q_rok_1950 + (M.q_rok_1953 - M.q_rok_1950) * f


def us_quality(day: int) -> float:
    """US combat power per man: occupation troops in 1950, veterans by 1951."""
    f = np.clip((day - WAR_START_HIST) / 365.0, 0.0, 1.0)
    return M.q_us_1950 + (M.q_us_1951 - M.q_us_1950) * f


def step(s: WorldState, day: int, active: np.ndarray) -> None:
    """Advance forces, front and casualties one week for worlds ``active``."""
    i = active
    front, fort = s.front[i], s.fort[i]
    kpa, rok, us, cpv = s.kpa[i], s.rok[i], s.us[i], s.cpv[i]

    kpa_q = M.q_kpa * np.where(s.kpa_rout[i] > 0, 0.35, 1.0)
    supply_kpa = np.exp(-np.maximum(M.base_kpa - front, 0.0) / M.reach_kpa)
    supply_cpv = np.exp(-np.maximum(M.base_cpv - front, 0.0) / M.reach_cpv)
    # after crossing the CPV first lies hidden (counting at a third), then strikes by surprise
    # (essay.winter_spring); ``cpv_surprise`` counts down the weeks of both phases
    left = s.cpv_surprise[i]
    hidden = left > M.surprise_weeks
    striking = (left > 0) & ~hidden
    cpv_q = M.q_cpv * np.where(hidden, 0.33, 1.0 + M.cpv_surprise * striking) * (1.0 + M.cpv_push * (s.cpv_push[i] > 0))
    red = kpa * kpa_q * supply_kpa + cpv * cpv_q * supply_cpv + 1e-3

    air = M.air_us * np.where(s.soviet_air[i], 0.5, 1.0) * s.us_in[i]
    supply_un = np.exp(-np.maximum(front - M.base_un, 0.0) / M.reach_un)
    blue = (rok * rok_quality(day) + us * us_quality(day)) * supply_un * (1.0 + air) + 1e-3

    # movement: the attacker must beat the defender's advantage
    edge = np.log(blue / red)
    margin = np.log(M.defence) + np.log1p(M.fort_defence * fort)
    push = np.sign(edge) * np.maximum(np.abs(edge) - margin, 0.0)
    move = M.vmax * np.tanh(M.sharpness * push)
    new_front = np.clip(front + move, 34.8, 41.6)
    new_front = np.where(move > 0, np.minimum(new_front, np.maximum(front, s.halt_line[i])), new_front)
    move = new_front - front
    s.front[i] = new_front

    # both sides dig in once talks open (int000.dug_in, essay.talks_dug_in)
    quiet = np.abs(move) < 0.05
    s.fort[i] = np.where(quiet & s.talks[i], np.minimum(fort + M.fort_rate, 1.0), fort)

    # losses (killed, wounded, captured): grow with movement, heavier for the side giving ground
    intensity = M.loss_static + M.loss_mobile * np.abs(move)
    red_share = np.where(move > 0, 1.5, 0.8) * intensity
    blue_share = np.where(move < 0, 1.5, 0.8) * intensity
    l_kpa = kpa * red_share * 1.2 * (1.0 + 2.0 * (s.kpa_rout[i] > 0))
    l_cpv = cpv * red_share * 1.4
    l_rok = rok * blue_share * 1.3
    l_us = us * blue_share * 0.6
    k = M.death_share
    s.deaths_kpa[i] += k * l_kpa
    s.deaths_cpv[i] += k * l_cpv
    s.deaths_rok[i] += k * l_rok
    s.deaths_us[i] += k * l_us * 0.92
    s.deaths_un_other[i] += k * l_us * 0.08
    s.deaths_soviet[i] += 0.0025 * s.soviet_air[i]
    s.deaths_civilian[i] += M.civ_per_week * (0.3 + 0.7 * np.minimum(np.abs(move) / 0.3, 1.0))

    # arrivals and recruits, minus losses
    weeks_us = np.where(s.us_in[i], (day - s.war_start[i]) / 7.0, -1.0)
    us_ramp = np.where(weeks_us < 12, M.us_ramp_1950, M.us_ramp_later) * (weeks_us >= 1)
    s.us[i] = np.maximum(np.minimum(us + us_ramp, M.us_cap) - l_us, 0.0)
    s.rok[i] = np.maximum(np.minimum(rok + M.rok_recruit, M.rok_cap) - l_rok, 0.0)
    evac = s.evac_active[i]
    kpa_next = np.where(evac, kpa * (1.0 - M.evac_withdrawal), np.minimum(kpa + M.kpa_recruit, M.kpa_cap))
    s.kpa[i] = np.maximum(kpa_next - l_kpa, 0.0)
    s.cpv[i] = np.where(s.china_in[i], np.maximum(np.minimum(cpv + M.cpv_recruit, M.cpv_cap) - l_cpv, 0.0), 0.0)

    for name in ("kpa_rout", "cpv_surprise", "cpv_push"):
        arr = getattr(s, name)
        arr[i] = np.maximum(arr[i] - 1.0, 0.0)
