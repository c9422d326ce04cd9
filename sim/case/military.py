"""Military sub-model: the front line and forces, one week at a time.

The front is the mean latitude of the main line of contact (deg N). Each
side's combat power is its strength (thousand men) times a quality factor and
a supply factor that decays with distance from its base (Pyongyang and the
Yalu for the Communist side, Pusan for the UN); US air power multiplies the
UN's. The front moves only when one side's power exceeds the other's by more
than the defender's advantage, which grows as the line is dug in: so a
balance of forces gives a stalemate, a rout gives a fast pursuit. Casualties
accrue with combat intensity. The constants were fitted by
``python -m sim.analysis.calibrate`` to the dated historical front line
(``sim/case/data/historical_front_line.csv``) along the historical path; force
levels and death tolls are held to the orders of magnitude of
``sim/case/data/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.engine import dates
from sim.engine.state import WorldState

WAR_START_HIST = dates.day("1950-06-25")


@dataclass(frozen=True)
class Military:
    """Constants of the military sub-model (units in each field's comment)."""

    vmax: float = 0.4349  # deg/week, fastest movement of the line (a pursuit)
    defence: float = 1.52  # power ratio an attacker must exceed to move an open line
    fort_defence: float = 2.5  # extra defender advantage of a fully dug-in line
    fort_rate: float = 0.06  # per week of quiet line while talks are open
    base_kpa: float = 39.0  # deg N, KPA supply base (Pyongyang)
    base_cpv: float = 40.6  # deg N, CPV supply base (the Yalu)
    base_un: float = 35.1  # deg N, UN supply base (Pusan)
    reach_kpa: float = 6.001  # deg, supply e-folding distance
    reach_cpv: float = 6.995
    reach_un: float = 9.3718
    q_kpa: float = 2.1436  # combat power per thousand men
    q_cpv: float = 0.6499
    q_rok_1950: float = 0.2562
    q_rok_1953: float = 0.85
    q_us_1950: float = 1.3
    q_us_1951: float = 1.6341
    air_us: float = 0.2943  # UN air power multiplier excess; halved by the Soviet air war
    cpv_surprise: float = 2.1274  # CPV power excess in its surprise offensive
    lure_weeks: float = 4.1544  # weeks the CPV lies hidden after crossing, letting the UN overextend
    surprise_weeks: float = 4.6253  # weeks of the surprise offensive that follows
    cpv_push: float = 0.5  # CPV power excess during an all-out offensive
    un_push: float = 0.5  # UN power excess during a counteroffensive
    inchon_jump: float = 1.4719  # deg, line gained at once when the landing cuts the KPA
    us_ramp_1950: float = 10.0  # thousand/week US arrivals, first 12 weeks
    us_ramp_later: float = 2.0  # thousand/week afterwards
    us_cap: float = 350.0  # thousand, US and other UN combat troops
    rok_recruit: float = 5.1815  # thousand/week
    rok_cap: float = 600.0
    kpa_recruit: float = 3.0  # thousand/week
    kpa_cap: float = 260.0
    cpv_recruit: float = 12.9385  # thousand/week
    cpv_cap: float = 850.0
    loss_static: float = 0.0078  # weekly strength lost per man on a static line
    loss_mobile: float = 0.03  # extra weekly loss per man per deg/week of movement
    death_share: float = 0.4  # share of losses that are deaths
    civ_per_week: float = 12.0  # thousand civilian deaths/week of war, at full intensity
    evac_withdrawal: float = 0.4  # share of the KPA leaving Korea each week of evacuation


M = Military()

# the evidence behind each constant (sim.case.evidence); fitted ones cite what they were fitted to
EVIDENCE: dict[str, str] = {
    **dict.fromkeys(
        (
            "vmax",
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
    **dict.fromkeys(("cpv_surprise", "lure_weeks", "surprise_weeks", "cpv_push", "un_push"), "essay.winter_spring"),
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


def decay(distance: np.ndarray, reach: float) -> np.ndarray:
    """Supply factor at ``distance`` (deg) beyond a base: (1 + d / 4L)^-4, close to exp(-d/L).

    Plain arithmetic (no exp), so it is exact and identical on every machine.
    """
    x = 1.0 + np.maximum(distance, 0.0) * (0.25 / reach)
    x2 = x * x
    return 1.0 / (x2 * x2)


def step(s: WorldState, day: int) -> None:
    """Advance forces, front and casualties one week for the worlds at war.

    Works on whole arrays (no gathering): every change is multiplied by the
    at-war mask, so worlds at peace are left exactly as they were. Only
    +, -, *, / are used, so results are bit-identical on every machine. The
    order matters: power and losses are reckoned on the forces at the start
    of the week, before reinforcements arrive.
    """
    war = s.war * 1.0
    red, blue = combat_power(s, day)
    move = move_front(s, red, blue, war)
    dig_in(s, move)
    lost = losses(s, move, war)
    reinforce(s, day, war, lost)
    for arr in (s.kpa_rout, s.cpv_surprise, s.cpv_push, s.un_push):
        np.maximum(arr - war, 0.0, out=arr)


def combat_power(s: WorldState, day: int) -> tuple[np.ndarray, np.ndarray]:
    """(Communist, UN) combat power: strength x quality x supply (x US air power for the UN)."""
    front = s.front
    kpa_q = M.q_kpa * (1.0 - 0.65 * (s.kpa_rout > 0))
    # after crossing the CPV first lies hidden (counting at a third), then strikes by surprise
    # (essay.winter_spring); ``cpv_surprise`` counts down the weeks of both phases
    left = s.cpv_surprise
    hidden = left > M.surprise_weeks
    striking = (left > 0) & ~hidden
    cpv_q = M.q_cpv * (1.0 - 0.67 * hidden + M.cpv_surprise * striking) * (1.0 + M.cpv_push * (s.cpv_push > 0))
    red = s.kpa * kpa_q * decay(M.base_kpa - front, M.reach_kpa)
    red += s.cpv * cpv_q * decay(M.base_cpv - front, M.reach_cpv)
    red += 1e-3

    air = M.air_us * (1.0 - 0.5 * s.soviet_air) * s.us_in
    quality = s.rok * rok_quality(day) + s.us * us_quality(day)
    blue = quality * decay(front - M.base_un, M.reach_un) * (1.0 + air) * (1.0 + M.un_push * (s.un_push > 0)) + 1e-3
    return red, blue


def move_front(s: WorldState, red: np.ndarray, blue: np.ndarray, war: np.ndarray) -> np.ndarray:
    """Move the line by the balance of power (never past the UN's halt line); returns the move (deg).

    The attacker must beat the defender's edge D (larger once dug in); beyond
    it the line moves at vmax * tanh(2 ln x), x = the excess ratio: (x^4 - 1) / (x^4 + 1).
    """
    front = s.front
    edge = M.defence * (1.0 + M.fort_defence * s.fort)
    ratio = blue / red
    x = np.maximum(ratio / edge, edge / ratio)
    x4 = x * x
    x4 *= x4
    sign = (ratio > edge) * 1.0 - (ratio * edge < 1.0)
    move = M.vmax * sign * war * (x4 - 1.0) / (x4 + 1.0)
    new_front = np.clip(front + move, 34.8, 41.6)
    capped = np.minimum(new_front, np.maximum(front, s.halt_line))
    new_front = np.where(move > 0, capped, new_front)
    move = new_front - front
    s.front[:] = new_front
    return move


def dig_in(s: WorldState, move: np.ndarray) -> None:
    """Both sides dig in on a quiet line once talks open (int000.dug_in, essay.talks_dug_in)."""
    digging = (np.abs(move) < 0.05) & s.talks & s.war
    s.fort[:] = np.minimum(s.fort + M.fort_rate * digging, 1.0)


def losses(s: WorldState, move: np.ndarray, war: np.ndarray) -> tuple[np.ndarray, ...]:
    """The week's losses (killed, wounded, captured) of the KPA, CPV, ROK and US/UN; deaths accrue.

    Losses grow with movement and are heavier for the side giving ground;
    returns (kpa, cpv, rok, us) in thousand men.
    """
    speed = np.abs(move)
    intensity = (M.loss_static + M.loss_mobile * speed) * war
    red_share = (0.8 + 0.7 * (move > 0)) * intensity
    blue_share = (0.8 + 0.7 * (move < 0)) * intensity
    l_kpa = s.kpa * red_share * 1.2 * (1.0 + 2.0 * (s.kpa_rout > 0))
    l_cpv = s.cpv * red_share * 1.4
    l_rok = s.rok * blue_share * 1.3
    l_us = s.us * blue_share * 0.6
    k = M.death_share
    s.deaths_kpa += k * l_kpa
    s.deaths_cpv += k * l_cpv
    s.deaths_rok += k * l_rok
    s.deaths_us += (k * 0.92) * l_us
    s.deaths_un_other += (k * 0.08) * l_us
    s.deaths_soviet += 0.0025 * (s.soviet_air * war)
    s.deaths_civilian += M.civ_per_week * war * (0.3 + 0.7 * np.minimum(speed * (1 / 0.3), 1.0))
    return l_kpa, l_cpv, l_rok, l_us


def reinforce(s: WorldState, day: int, war: np.ndarray, lost: tuple[np.ndarray, ...]) -> None:
    """Arrivals and recruits up to each side's cap, minus the week's losses; an evacuating KPA leaves."""
    l_kpa, l_cpv, l_rok, l_us = lost
    kpa, rok, us, cpv = s.kpa, s.rok, s.us, s.cpv
    weeks_us = (day - s.war_start) * (1 / 7.0)
    early = weeks_us < 12
    ramp = (M.us_ramp_later + (M.us_ramp_1950 - M.us_ramp_later) * early) * ((weeks_us >= 1) & s.us_in) * war
    s.us[:] = np.maximum(np.minimum(us + ramp, np.maximum(us, M.us_cap)) - l_us, 0.0)
    s.rok[:] = np.maximum(np.minimum(rok + M.rok_recruit * war, np.maximum(rok, M.rok_cap)) - l_rok, 0.0)
    evac = s.evac_active & s.war
    grown = np.minimum(kpa + M.kpa_recruit * war, np.maximum(kpa, M.kpa_cap))
    s.kpa[:] = np.maximum(np.where(evac, kpa * (1.0 - M.evac_withdrawal), grown) - l_kpa, 0.0)
    cpv_grown = np.minimum(cpv + M.cpv_recruit * (war * s.china_in), np.maximum(cpv, M.cpv_cap))
    s.cpv[:] = np.maximum(cpv_grown - l_cpv, 0.0)
