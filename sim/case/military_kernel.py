"""The weekly military step, compiled: one loop over the worlds at war (numba, ``cache=True``, no fastmath).

The formulas are documented in ``sim.case.military``; this module is their
one implementation. Each function works on one world ``i``: ``c`` holds the
constants (``military.Military`` as a named tuple, so a calibration can try
others without recompiling), ``s`` the state arrays (``STATE_FIELDS``), ``p``
the per-world parameters (``military.Draws``). Only +, -, *, /, comparisons,
min and max are used, in a fixed order, without fast-math reassociation or
fused multiply-adds: the results are the same bits on every machine, and the
same as the whole-array numpy oracle in ``tests/military_oracle.py``.

Worlds at peace are skipped (the step leaves them as they were); the caller
(``military.step``) caps every world's KPA veterans at its KPA men (a landing
that cuts the KPA takes its veterans too) and passes the indices of the
worlds at war.
"""

from __future__ import annotations

from collections import namedtuple

import numba

# the state arrays the step reads or writes (``sim.case.state.SCHEMA``)
STATE_FIELDS = (
    "war", "us_in", "soviet_air", "china_in", "talks", "evac_active", "war_start", "air_pressure",
    "front", "fort", "halt_line", "kpa", "kpa_veterans", "rok", "us", "cpv", "kpa_supply", "cpv_supply",
    "kpa_rout", "cpv_surprise", "cpv_push", "un_push", "deaths_kpa", "deaths_cpv", "deaths_rok", "deaths_us",
    "deaths_un_other", "deaths_soviet", "deaths_civilian",
)  # fmt: skip
State = namedtuple("State", STATE_FIELDS)

jit = numba.njit(cache=True, fastmath=False, error_model="numpy")


@jit
def _clip(x, lo, hi):
    return min(max(x, lo), hi)


@jit
def _flag(b):
    return 1.0 if b else 0.0


@jit
def decay(distance, reach):
    """Supply factor at ``distance`` (deg) beyond a base: (1 + d / 4L)^-4, close to exp(-d/L)."""
    x = 1.0 + max(distance, 0.0) * (0.25 / reach)
    x2 = x * x
    return 1.0 / (x2 * x2)


@jit
def quality_of_day(day, start, q0, q1, years):
    """Combat power per man rising linearly from ``q0`` at ``start`` to ``q1`` ``years`` later."""
    f = _clip((day - start) / (years * 365.0), 0.0, 1.0)
    return q0 + (q1 - q0) * f


@jit
def _stock_factor(c, stock):
    return c.stock_floor + (1.0 - c.stock_floor) * stock


@jit
def mig_over_front(c, front):
    """Share of the Soviet air war's weight over a front at ``front`` (deg N): 1 at the Yalu, 0 from
    ``mig_reach`` deg south of it (the MiGs guarded the Yalu bridges, never over enemy-held ground)."""
    return _clip(1.0 - (c.base_cpv - front) / c.mig_reach, 0.0, 1.0)


@jit
def _edge(c, s, i):
    return c.defence * (1.0 + c.fort_defence * s.fort[i])


@jit
def _power(c, s, p, i, q_rok, q_us):
    """(Communist, UN) combat power of world ``i``: strength x quality x supply (x US air power for the UN)."""
    front = s.front[i]
    vet = s.kpa_veterans[i]
    men_q = vet * (c.q_kpa * p.kpa_quality[i]) + (s.kpa[i] - vet) * c.q_kpa_new
    kpa_power = men_q * (1.0 - 0.65 * _flag(s.kpa_rout[i] > 0)) * _stock_factor(c, s.kpa_supply[i])
    left = s.cpv_surprise[i]
    hidden = left > c.surprise_weeks
    striking = (left > 0) and not hidden
    cpv_q = c.q_cpv * (1.0 - 0.67 * _flag(hidden) + c.cpv_surprise * _flag(striking))
    cpv_q = cpv_q * (1.0 + c.cpv_push * _flag(s.cpv_push[i] > 0))
    cpv_q = cpv_q * _stock_factor(c, s.cpv_supply[i])
    red = kpa_power * decay(c.base_kpa - front, c.reach_kpa)
    red += s.cpv[i] * cpv_q * decay(c.base_cpv - front, p.cpv_reach[i])
    red += 1e-3
    air = c.air_us * (1.0 - 0.5 * mig_over_front(c, front) * _flag(s.soviet_air[i])) * _flag(s.us_in[i])
    quality = s.rok[i] * q_rok + s.us[i] * q_us
    blue = quality * decay(front - c.base_un, c.reach_un) * (1.0 + air)
    blue = blue * (1.0 + c.un_push * _flag(s.un_push[i] > 0)) + 1e-3
    return red, blue


@jit
def _move(c, s, i, red, blue):
    """Move world ``i``'s line by the balance of power (never past the UN's halt line); returns the move (deg)."""
    front = s.front[i]
    d = _edge(c, s, i)
    ratio = blue / red
    x = max(ratio, 1.0 / ratio) / d
    x4 = x * x
    x4 *= x4
    sign = _flag(ratio > d) - _flag(ratio * d < 1.0)
    move = c.vmax * sign * (x4 - 1.0) / (x4 + 1.0)
    new_front = _clip(front + move, 34.8, 41.6)
    if move > 0:
        new_front = min(new_front, max(front, s.halt_line[i]))
    s.front[i] = new_front
    return new_front - front


@jit
def _intensity(c, s, i, red, blue, move):
    """Combat intensity: ``i_static`` on a quiet line, up to ``i_static + i_press`` as the stronger side presses."""
    d = _edge(c, s, i)
    ratio = blue / red
    x = max(ratio, 1.0 / ratio)
    press = _clip((x - 1.0) / (d - 1.0), 0.0, 1.0)
    halted = ratio > d and move <= 0.0
    return c.i_static + c.i_press * (0.0 if halted else press)


@jit
def _losses(c, s, p, i, red, blue, move, inten, air, us_exposure):
    """World ``i``'s losses this week (thousand men: kpa, cpv, rok, us); its deaths accrue."""
    speed = abs(move)
    cost = p.attack_cost[i] * (1.0 + c.fort_defence * s.fort[i]) - 1.0
    blue_attacks = _flag(move > 0.01)
    red_attacks = _flag(move < -0.01)
    hit_red = c.kill * inten * blue * (1.0 + cost * red_attacks)
    hit_blue = c.kill * inten * red * (1.0 + cost * blue_attacks)
    kpa, cpv, rok, us = s.kpa[i], s.cpv[i], s.rok[i], s.us[i]
    red_men = kpa + cpv * c.v_cpv + 1e-9
    blue_men = rok * c.v_rok + us * us_exposure + 1e-9
    mob_red = c.loss_mobile * speed * blue_attacks
    mob_blue = c.loss_mobile * speed * red_attacks
    rout = 1.0 + c.rout_loss * _flag(s.kpa_rout[i] > 0)
    attrition = c.air_attrition * air * max(c.base_cpv - s.front[i], 0.0)
    l_kpa = kpa * (hit_red / red_men + mob_red * rout + attrition)
    l_cpv = cpv * (hit_red * c.v_cpv / red_men + mob_red * c.v_cpv + attrition)
    l_rok = rok * (hit_blue * c.v_rok / blue_men + mob_blue * c.v_rok)
    l_us = us * (hit_blue * us_exposure / blue_men + mob_blue * us_exposure)
    k = c.death_share
    s.deaths_kpa[i] += c.death_share_red * l_kpa
    s.deaths_cpv[i] += c.death_share_red * l_cpv
    s.deaths_rok[i] += k * l_rok
    s.deaths_us[i] += (k * 0.92) * l_us
    s.deaths_un_other[i] += (k * 0.08) * l_us
    s.deaths_soviet[i] += c.soviet_loss * _flag(s.soviet_air[i])
    return l_kpa, l_cpv, l_rok, l_us


@jit
def _refill(stock, base, reach, rate, front, cut, use):
    """A supply stock after a week: refilled from its base, drawn down by ``use``."""
    refill = rate * decay(base - front, reach) * (1.0 - cut) * (1.0 - stock)
    return _clip(stock + (refill - use), 0.0, 1.0)


@jit
def _supply_and_civilians(c, s, p, i, move, inten, air):
    """Supply stocks used and refilled, and the week's civilian deaths, in world ``i``."""
    front = s.front[i]
    use = c.use * inten * (1.0 + (p.attack_cost[i] - 1.0) * _flag(move < -0.01))
    cut = p.interdiction[i] * air * min(max(c.base_cpv - front, 0.0) * (1 / 4.0), 1.0)
    kpa_use = use * _flag(s.kpa[i] > 0)
    cpv_use = use * _flag(s.cpv[i] > 0)
    s.kpa_supply[i] = _refill(s.kpa_supply[i], c.base_kpa, c.reach_kpa, p.kpa_resupply[i], front, cut, kpa_use)
    s.cpv_supply[i] = _refill(s.cpv_supply[i], c.base_cpv, p.cpv_reach[i], p.cpv_resupply[i], front, cut, cpv_use)
    sweep = min(abs(move) * (1 / 0.3), 1.0)
    held = _clip((41.0 - front) * (1 / 3.0), 0.0, 1.0)
    bombing = p.civ_bombing[i] * s.air_pressure[i] * _flag(s.us_in[i]) * held
    s.deaths_civilian[i] += c.civ_static + p.civ_mobile[i] * sweep + bombing


@jit
def _reinforce(c, s, p, i, day, l_kpa, l_cpv, l_rok, l_us):
    """Arrivals and recruits up to each side's cap, minus the week's losses; an evacuating KPA leaves."""
    kpa, rok, us, cpv = s.kpa[i], s.rok[i], s.us[i], s.cpv[i]
    weeks_us = (day - s.war_start[i]) * (1 / 7.0)
    rate = c.us_ramp_later + (p.us_arrival_1950[i] - c.us_ramp_later) * _flag(weeks_us < 12)
    ramp = rate * _flag(weeks_us >= 1 and s.us_in[i])
    s.us[i] = max(min(us + ramp, max(us, c.us_cap)) - l_us, 0.0)
    s.rok[i] = max(min(rok + p.rok_recruit[i], max(rok, c.rok_cap)) - l_rok, 0.0)
    evac = s.evac_active[i]
    kept = (1.0 - c.evac_withdrawal if evac else 1.0) - l_kpa / max(kpa, 1e-9)
    s.kpa_veterans[i] = s.kpa_veterans[i] * max(kept, 0.0)
    kpa_next = kpa * (1.0 - c.evac_withdrawal) if evac else min(kpa + p.kpa_conscription[i], max(kpa, c.kpa_cap))
    s.kpa[i] = max(kpa_next - l_kpa, 0.0)
    cpv_grown = min(cpv + p.cpv_reinforce[i] * _flag(s.china_in[i]), max(cpv, c.cpv_cap))
    s.cpv[i] = max(cpv_grown - l_cpv, 0.0)


@jit
def _countdown(arr, i):
    arr[i] = max(arr[i] - 1.0, 0.0)


@jit
def week(c, s, p, day, at_war):
    """Advance forces, supply, front and deaths one week in the worlds ``at_war`` (indices; in place).

    Power, losses and supply use are reckoned on the forces and stocks at the
    start of the week, before reinforcements and deliveries arrive. The
    caller has already capped every world's KPA veterans at its KPA men.
    """
    q_rok = quality_of_day(day, c.war_start_hist, c.q_rok_1950, c.q_rok_1953, 3.0)
    q_us = quality_of_day(day, c.war_start_hist, c.q_us_1950, c.q_us_1951, 1.0)
    us_exposure = c.q_us_1951 / q_us
    for i in at_war:
        red, blue = _power(c, s, p, i, q_rok, q_us)
        air = s.air_pressure[i] * _flag(s.us_in[i]) * (1.0 - c.mig_cover * _flag(s.soviet_air[i]))
        move = _move(c, s, i, red, blue)
        if abs(move) < 0.05 and s.talks[i]:
            s.fort[i] = min(s.fort[i] + c.fort_rate, 1.0)
        inten = _intensity(c, s, i, red, blue, move)
        l_kpa, l_cpv, l_rok, l_us = _losses(c, s, p, i, red, blue, move, inten, air, us_exposure)
        _supply_and_civilians(c, s, p, i, move, inten, air)
        _reinforce(c, s, p, i, day, l_kpa, l_cpv, l_rok, l_us)
        for arr in (s.kpa_rout, s.cpv_surprise, s.cpv_push, s.un_push):
            _countdown(arr, i)
