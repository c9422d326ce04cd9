"""The military step as whole-array numpy: the test oracle for the compiled kernel (``sim/case/military_kernel.py``).

This is the formula set the kernel was written from, operation for operation
(the same operations in the same order on whole arrays instead of one world at
a time); ``tests/test_military_kernel.py`` checks the two agree bit for bit on
random states, and the mechanism tests of ``tests/test_military.py`` drive the
week's parts one by one here. It is not used by the model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.case.military import WAR_START_HIST, Draws, M, midpoints
from sim.engine.state import WorldState


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


@dataclass
class Week:
    """What one week's fighting computes on the way (arrays over worlds)."""

    war: np.ndarray  # 1.0 at war, else 0.0
    red: np.ndarray  # Communist combat power
    blue: np.ndarray  # UN combat power
    air: np.ndarray  # effective US air pressure on the Communist rear, 0-1
    us_exposure: float = 1.0  # US losses per man relative to veterans': green troops lose more
    move: np.ndarray | None = None  # deg the line moved (north > 0)
    intensity: np.ndarray | None = None  # combat intensity


def step(s: WorldState, day: int, p: Draws | None = None) -> None:
    """Advance forces, supply, front and deaths one week for the worlds at war.

    Works on whole arrays (no gathering): every change is multiplied by the
    at-war mask, so worlds at peace are left exactly as they were. Only
    +, -, *, / and comparisons are used, so results are bit-identical on every
    machine. The order matters: power, losses and supply use are reckoned on
    the forces and stocks at the start of the week, before reinforcements and
    deliveries arrive. ``p``: per-world parameters (``draws``); mid-range
    values when omitted.
    """
    p = midpoints(s.n) if p is None else p
    np.minimum(s.kpa_veterans, s.kpa, out=s.kpa_veterans)  # a landing that cuts the KPA takes its veterans too
    red, blue = combat_power(s, day, p)
    air = s.air_pressure * s.us_in * (1.0 - M.mig_cover * s.soviet_air)
    w = Week(war=s.war * 1.0, red=red, blue=blue, air=air, us_exposure=M.q_us_1951 / us_quality(day))
    w.move = move_front(s, red, blue, w.war)
    dig_in(s, w.move)
    w.intensity = intensity(s, w)
    lost = losses(s, p, w)
    resupply(s, p, w)
    civilians(s, p, w)
    reinforce(s, day, p, w.war, lost)
    for arr in (s.kpa_rout, s.cpv_surprise, s.cpv_push, s.un_push):
        np.maximum(arr - w.war, 0.0, out=arr)


def stock_factor(stock: np.ndarray) -> np.ndarray:
    """Share of full power an army fights with, from its supply stock (0-1): ``stock_floor`` when empty."""
    return M.stock_floor + (1.0 - M.stock_floor) * stock


def combat_power(s: WorldState, day: int, p: Draws) -> tuple[np.ndarray, np.ndarray]:
    """(Communist, UN) combat power: strength x quality x supply (x US air power for the UN)."""
    front = s.front
    # the pre-war army (its tanks and training) and its conscripts (essay.rok_weak, essay.pusan_inchon)
    men_q = s.kpa_veterans * (M.q_kpa * p.kpa_quality) + (s.kpa - s.kpa_veterans) * M.q_kpa_new
    kpa_power = men_q * (1.0 - 0.65 * (s.kpa_rout > 0)) * stock_factor(s.kpa_supply)
    # after crossing the CPV first lies hidden (counting at a third), then strikes by surprise
    # (essay.winter_spring); ``cpv_surprise`` counts down the weeks of both phases
    left = s.cpv_surprise
    hidden = left > M.surprise_weeks
    striking = (left > 0) & ~hidden
    cpv_q = M.q_cpv * (1.0 - 0.67 * hidden + M.cpv_surprise * striking) * (1.0 + M.cpv_push * (s.cpv_push > 0))
    cpv_q = cpv_q * stock_factor(s.cpv_supply)
    red = kpa_power * decay(M.base_kpa - front, M.reach_kpa)
    red += s.cpv * cpv_q * decay(M.base_cpv - front, p.cpv_reach)
    red += 1e-3

    mig = np.clip(1.0 - (M.base_cpv - s.front) / M.mig_reach, 0.0, 1.0) * s.soviet_air
    air = M.air_us * (1.0 - 0.5 * mig) * s.us_in
    quality = s.rok * rok_quality(day) + s.us * us_quality(day)
    blue = quality * decay(front - M.base_un, M.reach_un) * (1.0 + air) * (1.0 + M.un_push * (s.un_push > 0)) + 1e-3
    return red, blue


def edge(s: WorldState) -> np.ndarray:
    """The defender's edge: the power ratio an attacker must exceed to move the line (more once dug in)."""
    return M.defence * (1.0 + M.fort_defence * s.fort)


def move_front(s: WorldState, red: np.ndarray, blue: np.ndarray, war: np.ndarray) -> np.ndarray:
    """Move the line by the balance of power (never past the UN's halt line); returns the move (deg).

    The attacker must beat the defender's edge D; beyond it the line moves at
    vmax * tanh(2 ln x), x = the attacker's power ratio / D, i.e. vmax (x^4 - 1) / (x^4 + 1),
    the same law for either side.
    """
    front = s.front
    d = edge(s)
    ratio = blue / red
    x = np.maximum(ratio, 1.0 / ratio) / d
    x4 = x * x
    x4 *= x4
    sign = (ratio > d) * 1.0 - (ratio * d < 1.0)
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


def intensity(s: WorldState, w: Week) -> np.ndarray:
    """Combat intensity: ``i_static`` on a quiet line, up to ``i_static + i_press`` as the stronger side presses.

    The pressure is how close the stronger side's power ratio x comes to the
    defender's edge D: (x - 1) / (D - 1), capped at 1; none where the UN
    stands at its halt line although it could advance.
    """
    d = edge(s)
    ratio = w.blue / w.red
    x = np.maximum(ratio, 1.0 / ratio)
    press = np.clip((x - 1.0) / (d - 1.0), 0.0, 1.0)
    halted = (ratio > d) & (w.move <= 0.0)
    return w.war * (M.i_static + M.i_press * np.where(halted, 0.0, press))


def rear(s: WorldState) -> np.ndarray:
    """Length (deg) of the Communist line of communication US aircraft can strike: from the Yalu to the front."""
    return np.maximum(M.base_cpv - s.front, 0.0)


def losses(s: WorldState, p: Draws, w: Week) -> tuple[np.ndarray, ...]:
    """The week's losses (killed, wounded, captured) of the KPA, CPV, ROK and US/UN; deaths accrue.

    Returns (kpa, cpv, rok, us) in thousand men. Combat: each side loses
    ``kill`` x intensity x the other side's power, shared among its armies by
    men x exposure; the side moving the line forward pays ``attack_cost``
    times that (x (1 + fort_defence x fort) against a dug-in line). Movement:
    the side giving ground loses ``loss_mobile`` x speed of its men (a routed
    KPA ``1 + rout_loss`` times that). Air: the Communist armies lose
    ``air_attrition`` x air pressure x distance from base of their men.
    """
    speed = np.abs(w.move)
    cost = p.attack_cost * (1.0 + M.fort_defence * s.fort) - 1.0
    blue_attacks = w.move > 0.01
    red_attacks = w.move < -0.01
    hit_red = M.kill * w.intensity * w.blue * (1.0 + cost * red_attacks)
    hit_blue = M.kill * w.intensity * w.red * (1.0 + cost * blue_attacks)
    rok_w = s.rok * M.v_rok
    cpv_w = s.cpv * M.v_cpv
    red_men = s.kpa + cpv_w + 1e-9
    blue_men = rok_w + s.us * w.us_exposure + 1e-9
    mob_red = M.loss_mobile * speed * blue_attacks * w.war
    mob_blue = M.loss_mobile * speed * red_attacks * w.war
    rout = 1.0 + M.rout_loss * (s.kpa_rout > 0)
    air = M.air_attrition * w.air * rear(s) * w.war
    l_kpa = s.kpa * (hit_red / red_men + mob_red * rout + air)
    l_cpv = s.cpv * (hit_red * M.v_cpv / red_men + mob_red * M.v_cpv + air)
    l_rok = s.rok * (hit_blue * M.v_rok / blue_men + mob_blue * M.v_rok)
    l_us = s.us * (hit_blue * w.us_exposure / blue_men + mob_blue * w.us_exposure)
    k = M.death_share
    s.deaths_kpa += M.death_share_red * l_kpa
    s.deaths_cpv += M.death_share_red * l_cpv
    s.deaths_rok += k * l_rok
    s.deaths_us += (k * 0.92) * l_us
    s.deaths_un_other += (k * 0.08) * l_us
    s.deaths_soviet += M.soviet_loss * (s.soviet_air * w.war)
    return l_kpa, l_cpv, l_rok, l_us


def resupply(s: WorldState, p: Draws, w: Week) -> None:
    """Supply stocks: used by fighting (more when attacking), refilled from base (less far away, under air attack).

    Refill per week = resupply x decay(distance) x (1 - interdiction x air x min(rear / 4, 1)) x shortfall.
    """
    use = M.use * w.intensity * (1.0 + (p.attack_cost - 1.0) * (w.move < -0.01))
    for stock, base, reach, rate, here in (
        (s.kpa_supply, M.base_kpa, M.reach_kpa, p.kpa_resupply, s.kpa > 0),
        (s.cpv_supply, M.base_cpv, p.cpv_reach, p.cpv_resupply, s.cpv > 0),
    ):
        dist = np.maximum(base - s.front, 0.0)
        cut = p.interdiction * w.air * np.minimum(rear(s) * (1 / 4.0), 1.0)
        refill = rate * decay(dist, reach) * (1.0 - cut) * (1.0 - stock)
        stock[:] = np.clip(stock + (refill - use * here) * w.war, 0.0, 1.0)


def civilians(s: WorldState, p: Draws, w: Week) -> None:
    """Civilian deaths: a static rate, the mobile war sweeping through, and the bombing of the North.

    Bombing deaths scale with ``air_pressure`` and with how much of the North
    the Communist side holds (all of it with the line south of 38N, none at 41N).
    """
    sweep = np.minimum(np.abs(w.move) * (1 / 0.3), 1.0)
    held = np.clip((41.0 - s.front) * (1 / 3.0), 0.0, 1.0)
    bombing = p.civ_bombing * s.air_pressure * s.us_in * held
    s.deaths_civilian += w.war * (M.civ_static + p.civ_mobile * sweep + bombing)


def reinforce(s: WorldState, day: int, p: Draws, war: np.ndarray, lost: tuple[np.ndarray, ...]) -> None:
    """Arrivals and recruits up to each side's cap, minus the week's losses; an evacuating KPA leaves."""
    l_kpa, l_cpv, l_rok, l_us = lost
    kpa, rok, us, cpv = s.kpa, s.rok, s.us, s.cpv
    weeks_us = (day - s.war_start) * (1 / 7.0)
    early = weeks_us < 12
    rate = M.us_ramp_later + (p.us_arrival_1950 - M.us_ramp_later) * early
    ramp = rate * ((weeks_us >= 1) & s.us_in) * war
    s.us[:] = np.maximum(np.minimum(us + ramp, np.maximum(us, M.us_cap)) - l_us, 0.0)
    s.rok[:] = np.maximum(np.minimum(rok + p.rok_recruit * war, np.maximum(rok, M.rok_cap)) - l_rok, 0.0)
    evac = s.evac_active & s.war
    grown = np.minimum(kpa + p.kpa_conscription * war, np.maximum(kpa, M.kpa_cap))
    kept = np.where(evac, 1.0 - M.evac_withdrawal, 1.0) - l_kpa / np.maximum(kpa, 1e-9)
    s.kpa_veterans[:] = s.kpa_veterans * np.maximum(kept, 0.0)
    s.kpa[:] = np.maximum(np.where(evac, kpa * (1.0 - M.evac_withdrawal), grown) - l_kpa, 0.0)
    cpv_grown = np.minimum(cpv + p.cpv_reinforce * (war * s.china_in), np.maximum(cpv, M.cpv_cap))
    s.cpv[:] = np.maximum(cpv_grown - l_cpv, 0.0)
