"""The weekly military step, compiled: a loop over the worlds at war that the compiler vectorises (numba).

The formulas are documented in ``sim.case.military``; this module is their
one implementation. Each function works on world ``j`` of a block: ``c``
holds the constants (``military.Military`` as a named tuple, so a
calibration can try others without recompiling), ``w`` the block's fields,
one after another (``AT``: where each field starts). Only +, -, *, /,
comparisons, min and max are used, in a fixed order, without fast-math
reassociation or fused multiply-adds (``cache=True``, no fastmath): the
results are the same bits on every machine, vectorised or not, and the same
as the whole-array numpy oracle in ``tests/military_oracle.py``.

Why blocks: with each field an array of its own the compiler cannot rule
out that two of them overlap, so it steps one world at a time. One scratch
array at offsets fixed when compiling lets it step 4 worlds at once
(AVX2; 2 on SSE2), a third faster over all (issue 11).

Worlds at peace are skipped (the step leaves them as they were); the caller
(``military.step``) caps every world's KPA veterans at its KPA men (a landing
that cuts the KPA takes its veterans too) and passes the indices of the
worlds at war.
"""

from __future__ import annotations

from collections import namedtuple

import numba
import numpy as np
from numba import literal_unroll

# the state arrays the step changes, then those it only reads (``sim.case.state.SCHEMA``), then the
# per-world parameters (``military.Draws``, in its order)
CHANGED = (
    "front", "fort", "kpa", "kpa_veterans", "rok", "us", "cpv", "kpa_supply", "cpv_supply",
    "kpa_rout", "cpv_surprise", "cpv_push", "un_push", "deaths_kpa", "deaths_cpv", "deaths_rok", "deaths_us",
    "deaths_un_other", "deaths_soviet", "deaths_civilian",
)  # fmt: skip
READ = ("us_in", "soviet_air", "china_in", "talks", "evac_active", "war_start", "air_pressure", "halt_line")
DRAWS = (
    "us_arrival_1950", "rok_recruit", "kpa_conscription", "cpv_reinforce", "kpa_quality", "kpa_resupply",
    "cpv_resupply", "interdiction", "attack_cost", "civ_mobile", "civ_bombing",
)  # fmt: skip
STATE_FIELDS = CHANGED + READ
BLOCK = 512  # worlds a block: its scratch array (39 fields x 512 x 8 bytes, 156 KiB) stays in the core's L2 cache
Offsets = namedtuple("Offsets", STATE_FIELDS + DRAWS)
AT = Offsets(*(k * BLOCK for k in range(len(Offsets._fields))))  # a compile-time constant
N_CHANGED = len(CHANGED)

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
def _edge(c, w, j):
    return c.defence * (1.0 + c.fort_defence * w[AT.fort + j])


@jit
def _power(c, w, j, q_rok, q_us):
    """(Communist, UN) combat power of world ``j``: strength x quality x supply (x US air power for the UN)."""
    front = w[AT.front + j]
    vet = w[AT.kpa_veterans + j]
    men_q = vet * (c.q_kpa * w[AT.kpa_quality + j]) + (w[AT.kpa + j] - vet) * c.q_kpa_new
    kpa_power = men_q * (1.0 - 0.65 * _flag(w[AT.kpa_rout + j] > 0)) * _stock_factor(c, w[AT.kpa_supply + j])
    left = w[AT.cpv_surprise + j]
    hidden = left > c.surprise_weeks
    striking = (left > 0) & (left <= c.surprise_weeks)
    cpv_q = c.q_cpv * (1.0 - 0.67 * _flag(hidden) + c.cpv_surprise * _flag(striking))
    cpv_q = cpv_q * (1.0 + c.cpv_push * _flag(w[AT.cpv_push + j] > 0))
    cpv_q = cpv_q * _stock_factor(c, w[AT.cpv_supply + j])
    red = kpa_power * decay(c.base_kpa - front, c.reach_kpa)
    red += w[AT.cpv + j] * cpv_q * decay(c.base_cpv - front, c.reach_cpv)
    red += 1e-3
    air = c.air_us * (1.0 - 0.5 * w[AT.soviet_air + j]) * w[AT.us_in + j]
    quality = w[AT.rok + j] * q_rok + w[AT.us + j] * q_us
    blue = quality * decay(front - c.base_un, c.reach_un) * (1.0 + air)
    blue = blue * (1.0 + c.un_push * _flag(w[AT.un_push + j] > 0)) + 1e-3
    return red, blue


@jit
def _move(c, w, j, red, blue):
    """Move world ``j``'s line by the balance of power (never past the UN's halt line); returns the move (deg)."""
    front = w[AT.front + j]
    d = _edge(c, w, j)
    ratio = blue / red
    x = max(ratio, 1.0 / ratio) / d
    x4 = x * x
    x4 *= x4
    sign = _flag(ratio > d) - _flag(ratio * d < 1.0)
    move = c.vmax * sign * (x4 - 1.0) / (x4 + 1.0)
    new_front = _clip(front + move, 34.8, 41.6)
    halt = w[AT.halt_line + j]
    new_front = min(new_front, max(front, halt)) if move > 0 else new_front
    w[AT.front + j] = new_front
    return new_front - front


@jit
def _intensity(c, w, j, red, blue, move):
    """Combat intensity: ``i_static`` on a quiet line, up to ``i_static + i_press`` as the stronger side presses."""
    d = _edge(c, w, j)
    ratio = blue / red
    x = max(ratio, 1.0 / ratio)
    press = _clip((x - 1.0) / (d - 1.0), 0.0, 1.0)
    halted = (ratio > d) & (move <= 0.0)
    return c.i_static + c.i_press * (0.0 if halted else press)


@jit
def _losses(c, w, j, red, blue, move, inten, air, us_exposure):
    """World ``j``'s losses this week (thousand men: kpa, cpv, rok, us); its deaths accrue."""
    speed = abs(move)
    cost = w[AT.attack_cost + j] * (1.0 + c.fort_defence * w[AT.fort + j]) - 1.0
    blue_attacks = _flag(move > 0.01)
    red_attacks = _flag(move < -0.01)
    hit_red = c.kill * inten * blue * (1.0 + cost * red_attacks)
    hit_blue = c.kill * inten * red * (1.0 + cost * blue_attacks)
    kpa, cpv, rok, us = w[AT.kpa + j], w[AT.cpv + j], w[AT.rok + j], w[AT.us + j]
    red_men = kpa + cpv * c.v_cpv + 1e-9
    blue_men = rok * c.v_rok + us * us_exposure + 1e-9
    mob_red = c.loss_mobile * speed * blue_attacks
    mob_blue = c.loss_mobile * speed * red_attacks
    rout = 1.0 + c.rout_loss * _flag(w[AT.kpa_rout + j] > 0)
    attrition = c.air_attrition * air * max(c.base_cpv - w[AT.front + j], 0.0)
    l_kpa = kpa * (hit_red / red_men + mob_red * rout + attrition)
    l_cpv = cpv * (hit_red * c.v_cpv / red_men + mob_red * c.v_cpv + attrition)
    l_rok = rok * (hit_blue * c.v_rok / blue_men + mob_blue * c.v_rok)
    l_us = us * (hit_blue * us_exposure / blue_men + mob_blue * us_exposure)
    k = c.death_share
    w[AT.deaths_kpa + j] += c.death_share_red * l_kpa
    w[AT.deaths_cpv + j] += c.death_share_red * l_cpv
    w[AT.deaths_rok + j] += k * l_rok
    w[AT.deaths_us + j] += (k * 0.92) * l_us
    w[AT.deaths_un_other + j] += (k * 0.08) * l_us
    w[AT.deaths_soviet + j] += c.soviet_loss * w[AT.soviet_air + j]
    return l_kpa, l_cpv, l_rok, l_us


@jit
def _refill(stock, base, reach, rate, front, cut, use):
    """A supply stock after a week: refilled from its base, drawn down by ``use``."""
    refill = rate * decay(base - front, reach) * (1.0 - cut) * (1.0 - stock)
    return _clip(stock + (refill - use), 0.0, 1.0)


@jit
def _supply_and_civilians(c, w, j, move, inten, air):
    """Supply stocks used and refilled, and the week's civilian deaths, in world ``j``."""
    front = w[AT.front + j]
    use = c.use * inten * (1.0 + (w[AT.attack_cost + j] - 1.0) * _flag(move < -0.01))
    cut = w[AT.interdiction + j] * air * min(max(c.base_cpv - front, 0.0) * (1 / 4.0), 1.0)
    kpa_use = use * _flag(w[AT.kpa + j] > 0)
    cpv_use = use * _flag(w[AT.cpv + j] > 0)
    kpa_rate, cpv_rate = w[AT.kpa_resupply + j], w[AT.cpv_resupply + j]
    w[AT.kpa_supply + j] = _refill(w[AT.kpa_supply + j], c.base_kpa, c.reach_kpa, kpa_rate, front, cut, kpa_use)
    w[AT.cpv_supply + j] = _refill(w[AT.cpv_supply + j], c.base_cpv, c.reach_cpv, cpv_rate, front, cut, cpv_use)
    sweep = min(abs(move) * (1 / 0.3), 1.0)
    held = _clip((41.0 - front) * (1 / 3.0), 0.0, 1.0)
    bombing = w[AT.civ_bombing + j] * w[AT.air_pressure + j] * w[AT.us_in + j] * held
    w[AT.deaths_civilian + j] += c.civ_static + w[AT.civ_mobile + j] * sweep + bombing


@jit
def _reinforce(c, w, j, day, l_kpa, l_cpv, l_rok, l_us):
    """Arrivals and recruits up to each side's cap, minus the week's losses; an evacuating KPA leaves."""
    kpa, rok, us, cpv = w[AT.kpa + j], w[AT.rok + j], w[AT.us + j], w[AT.cpv + j]
    weeks_us = (day - w[AT.war_start + j]) * (1 / 7.0)
    rate = c.us_ramp_later + (w[AT.us_arrival_1950 + j] - c.us_ramp_later) * _flag(weeks_us < 12)
    ramp = rate * _flag((weeks_us >= 1) & (w[AT.us_in + j] > 0))
    w[AT.us + j] = max(min(us + ramp, max(us, c.us_cap)) - l_us, 0.0)
    w[AT.rok + j] = max(min(rok + w[AT.rok_recruit + j], max(rok, c.rok_cap)) - l_rok, 0.0)
    evac = w[AT.evac_active + j] > 0
    kept = (1.0 - c.evac_withdrawal if evac else 1.0) - l_kpa / max(kpa, 1e-9)
    w[AT.kpa_veterans + j] = w[AT.kpa_veterans + j] * max(kept, 0.0)
    grown = min(kpa + w[AT.kpa_conscription + j], max(kpa, c.kpa_cap))
    kpa_next = kpa * (1.0 - c.evac_withdrawal) if evac else grown
    w[AT.kpa + j] = max(kpa_next - l_kpa, 0.0)
    cpv_grown = min(cpv + w[AT.cpv_reinforce + j] * w[AT.china_in + j], max(cpv, c.cpv_cap))
    w[AT.cpv + j] = max(cpv_grown - l_cpv, 0.0)
    for k in (AT.kpa_rout, AT.cpv_surprise, AT.cpv_push, AT.un_push):
        w[k + j] = max(w[k + j] - 1.0, 0.0)


@jit
def _block(c, w, m, day):
    """One week for the ``m`` worlds of a block held in ``w`` (a loop the compiler vectorises)."""
    q_rok = quality_of_day(day, c.war_start_hist, c.q_rok_1950, c.q_rok_1953, 3.0)
    q_us = quality_of_day(day, c.war_start_hist, c.q_us_1950, c.q_us_1951, 1.0)
    us_exposure = c.q_us_1951 / q_us
    for j in range(m):
        red, blue = _power(c, w, j, q_rok, q_us)
        air = w[AT.air_pressure + j] * w[AT.us_in + j] * (1.0 - c.mig_cover * w[AT.soviet_air + j])
        move = _move(c, w, j, red, blue)
        fort = w[AT.fort + j]
        w[AT.fort + j] = min(fort + c.fort_rate, 1.0) if (abs(move) < 0.05) & (w[AT.talks + j] > 0) else fort
        inten = _intensity(c, w, j, red, blue, move)
        l_kpa, l_cpv, l_rok, l_us = _losses(c, w, j, red, blue, move, inten, air, us_exposure)
        _supply_and_civilians(c, w, j, move, inten, air)
        _reinforce(c, w, j, day, l_kpa, l_cpv, l_rok, l_us)


@jit
def week(c, arrays, day, at_war):
    """Advance forces, supply, front and deaths one week in the worlds ``at_war`` (indices; in place).

    ``arrays``: the state arrays of ``STATE_FIELDS``, then the parameters of
    ``DRAWS``. Power, losses and supply use are reckoned on the forces and
    stocks at the start of the week, before reinforcements and deliveries
    arrive. Worlds go through in blocks: gathered into the scratch array (as
    float64: flags as 0/1 and day numbers are exact), stepped, and the
    changed fields written back.
    """
    w = np.empty(len(AT) * BLOCK)
    for start in range(0, at_war.size, BLOCK):
        idx = at_war[start : start + BLOCK]
        _gather(w, arrays, idx)
        _block(c, w, idx.size, day)
        _scatter(w, arrays[:N_CHANGED], idx)


@jit
def _gather(w, arrays, idx):
    k = 0
    for arr in literal_unroll(arrays):
        for j in range(idx.size):
            w[k + j] = arr[idx[j]]
        k += BLOCK


@jit
def _scatter(w, arrays, idx):
    k = 0
    for arr in literal_unroll(arrays):
        for j in range(idx.size):
            arr[idx[j]] = w[k + j]
        k += BLOCK
