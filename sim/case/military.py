"""Military sub-model: the front line, forces, supply and deaths, one week at a time.

The front is the mean latitude of the main line of contact (deg N). Each
side's combat power is strength (thousand men) x quality x a supply factor
decaying with distance from its base (Pyongyang for the KPA, the Yalu for the
CPV, Pusan for the UN); a Communist army's power also falls with its supply
stock, and US air power multiplies the UN's. The line moves only when one
side's power beats the other's by more than the defender's edge, which grows
as the line is dug in: a balance gives a stalemate, a rout a fast pursuit.

- Supply exhaustion (essay.pusan_inchon, shen.cpv_spent): a Communist army's
  stock (``kpa_supply``, ``cpv_supply``, 0-1) is drawn down by fighting (more
  when attacking) and refilled from its base, slower the farther away and the
  harder US aircraft strike the line (``mil.*_resupply``, ``mil.interdiction``);
  with the stock empty an army fights at ``stock_floor`` of its power.
- Interdiction (shen.us_bombing_1950, essay.air_war): US air attack on the line
  of communication from the Yalu costs the Communist armies ``air_attrition``
  x air pressure x its length (deg) of their men a week; Soviet MiGs guarding
  the Yalu bridges deny ``mig_cover`` of it.
- Combat, Lanchester-like (data.casualties, int000.dug_in): each side loses
  men in proportion to the other's power and to combat intensity (``i_static``
  on a quiet line, up to ``i_static + i_press`` as the stronger side nears the
  edge); the side moving the line forward pays ``mil.attack_cost`` times a
  defender's losses, more against a dug-in line. A slow frontal advance so
  costs the attacker week after week; in a pursuit the losses fall on the side
  giving ground (``loss_mobile`` x speed). Green US troops lose more
  (essay.us_buildup); the pre-war KPA's quality is diluted by conscripts.
- Reinforcement (data.forces, essay.us_buildup): US arrivals, ROK recruits,
  KPA conscripts, CPV reinforcements per week, up to each side's cap.
- Civilians (data.casualties, essay.bombing): deaths from the front sweeping
  through (``mil.civ_mobile``) and from bombing the North (``mil.civ_bombing``
  x ``air_pressure``, a state variable decisions may raise), over a low rate.

Uncertain quantities are per-world parameters (``mil.*`` in
``sim.case.params``). The constants were fitted by ``python -m
sim.analysis.calibrate front --fit N`` to the dated historical front line
along the historical path, holding deaths and forces to the documented ranges
of ``sim.case.magnitudes``. Arithmetic: only +, -, *, /, comparisons,
min/max/where/clip on whole arrays over worlds (no exp, log or non-integer
powers, no loops over worlds): bit-identical everywhere, and compilable.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from sim.engine import dates
from sim.engine.state import WorldState

WAR_START_HIST = dates.day("1950-06-25")


@dataclass(frozen=True)
class Military:
    """Constants of the military sub-model (units in each field's comment)."""

    vmax: float = 0.4677  # deg/week, fastest movement of the line (a pursuit)
    defence: float = 1.762  # power ratio an attacker must exceed to move an open line
    fort_defence: float = 6.0  # extra defender advantage of a fully dug-in line
    fort_rate: float = 0.06  # per week of quiet line while talks are open
    base_kpa: float = 39.0  # deg N, KPA supply base (Pyongyang)
    base_cpv: float = 40.6  # deg N, CPV supply base (the Yalu)
    base_un: float = 35.1  # deg N, UN supply base (Pusan)
    reach_kpa: float = 10.0  # deg, supply e-folding distance
    reach_cpv: float = 5.0113
    reach_un: float = 7.0916
    q_kpa: float = 2.6  # combat power per thousand men of the pre-war KPA
    q_kpa_new: float = 1.069  # per thousand KPA conscripts
    q_cpv: float = 0.5312
    q_rok_1950: float = 0.3295
    q_rok_1953: float = 0.5004
    q_us_1950: float = 0.8905
    q_us_1951: float = 1.9088
    air_us: float = 0.575  # UN air power multiplier excess; halved by the Soviet air war
    cpv_surprise: float = 2.1854  # CPV power excess in its surprise offensive
    lure_weeks: float = 4.3271  # weeks the CPV lies hidden after crossing, letting the UN overextend
    surprise_weeks: float = 6.6637  # weeks of the surprise offensive that follows
    cpv_push: float = 0.7053  # CPV power excess during an all-out offensive
    un_push: float = 0.5  # UN power excess during a counteroffensive
    inchon_jump: float = 1.0647  # deg, line gained at once when the landing cuts the KPA
    us_ramp_later: float = 2.6071  # thousand/week US arrivals after the first 12 weeks
    us_cap: float = 350.0  # thousand, US and other UN combat troops
    rok_cap: float = 600.0
    kpa_cap: float = 260.0
    cpv_cap: float = 850.0
    stock_floor: float = 0.276  # share of full power an army keeps with its supply stock exhausted
    use: float = 0.086  # supply stock used per week at combat intensity 1
    air_attrition: float = 0.009  # weekly share of men lost per deg from base at full air pressure
    mig_cover: float = 0.5225  # share of interdiction Soviet MiGs deny once they fight
    kill: float = 0.038  # thousand men lost per unit of enemy power per week at intensity 1
    i_static: float = 0.0994  # combat intensity on a quiet line (raids, shelling, outposts)
    i_press: float = 0.3  # extra intensity as the stronger side nears the defender's edge
    v_rok: float = 2.1126  # exposure per man relative to US troops
    v_cpv: float = 0.2  # exposure per man relative to the KPA
    loss_mobile: float = 0.0584  # weekly share of men lost by the side giving ground, per deg/week
    rout_loss: float = 2.4039  # extra mobile losses of a routed KPA
    death_share: float = 0.464  # share of UN losses that are deaths
    death_share_red: float = 0.4252  # share of Communist losses that are deaths (little medical care)
    soviet_loss: float = 0.0021  # thousand Soviet deaths per week of air war
    civ_static: float = 1.8086  # thousand civilian deaths per week of war on a quiet line
    evac_withdrawal: float = 0.4  # share of the KPA leaving Korea each week of evacuation


M = Military()

# the evidence behind each constant (sim.case.evidence); fitted ones cite what they were fitted to
EVIDENCE: dict[str, str] = {
    **dict.fromkeys(
        ("vmax", "defence", "base_kpa", "base_cpv", "base_un", "reach_kpa", "reach_cpv", "reach_un"),
        "data.front_line",
    ),
    **dict.fromkeys(("q_kpa", "q_cpv", "q_us_1950", "q_us_1951", "air_us", "inchon_jump"), "data.front_line"),
    **dict.fromkeys(("fort_defence", "fort_rate"), "int000.dug_in"),
    **dict.fromkeys(("q_rok_1950", "q_rok_1953"), "essay.rok_weak"),
    **dict.fromkeys(("cpv_surprise", "lure_weeks", "surprise_weeks", "cpv_push", "un_push"), "essay.winter_spring"),
    **dict.fromkeys(("us_ramp_later", "us_cap", "rok_cap", "kpa_cap", "cpv_cap"), "data.forces"),
    **dict.fromkeys(("stock_floor", "use", "q_kpa_new"), "essay.pusan_inchon"),
    "air_attrition": "shen.us_bombing_1950",
    "mig_cover": "essay.air_war",
    **dict.fromkeys(
        ("kill", "i_static", "i_press", "v_rok", "v_cpv", "loss_mobile", "rout_loss", "death_share", "soviet_loss"),
        "data.casualties",
    ),
    "civ_static": "data.casualties",
    "death_share_red": "shen.cpv_spent",
    "evac_withdrawal": "int001.evacuation",
}


@dataclass(frozen=True)
class Draws:
    """One chunk's per-world military parameters (arrays over worlds; ``sim.case.params``, ``mil.*``)."""

    us_arrival_1950: np.ndarray  # thousand/week, first 12 weeks
    rok_recruit: np.ndarray  # thousand/week
    kpa_conscription: np.ndarray  # thousand/week
    cpv_reinforce: np.ndarray  # thousand/week
    kpa_quality: np.ndarray  # multiplier on q_kpa
    kpa_resupply: np.ndarray  # share of the stock's shortfall refilled per week at the base
    cpv_resupply: np.ndarray
    interdiction: np.ndarray  # share of deliveries destroyed on a long line at full air pressure
    attack_cost: np.ndarray  # attacker's losses per unit of enemy power relative to a defender's
    civ_mobile: np.ndarray  # thousand civilian deaths/week at full speed of the front
    civ_bombing: np.ndarray  # thousand civilian deaths/week at full air pressure


PARAM_NAMES: dict[str, str] = {f.name: "mil." + f.name for f in fields(Draws)}  # field -> parameter


def draws(model) -> Draws:
    """The per-world military parameters of a model's worlds (``model.param`` caches them)."""
    return Draws(**{f: model.param(name) for f, name in PARAM_NAMES.items()})


def midpoints(n: int) -> Draws:
    """Every world at the middle of each parameter's documented range (for probes without a model)."""
    from sim.case.params import PARAMS

    mid = {f: np.full(n, 0.5 * (PARAMS[name].low + PARAMS[name].high)) for f, name in PARAM_NAMES.items()}
    return Draws(**mid)


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
    red += s.cpv * cpv_q * decay(M.base_cpv - front, M.reach_cpv)
    red += 1e-3

    air = M.air_us * (1.0 - 0.5 * s.soviet_air) * s.us_in
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
        (s.cpv_supply, M.base_cpv, M.reach_cpv, p.cpv_resupply, s.cpv > 0),
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
