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
  the Yalu bridges deny ``mig_cover`` of it. Over the front they halve US air
  power only as the line nears the Yalu (within ``mig_reach``): their pilots
  were forbidden to fly over enemy-held territory (essay.air_war), so a front
  at the 38th or at Pusan never saw them.
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
of ``sim.case.magnitudes``. The week is computed by a compiled loop over the
worlds at war (``sim.case.military_kernel``, numba): only +, -, *, /,
comparisons, min and max, so the results are the same bits everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

import numpy as np

from sim.case import military_kernel as kernel
from sim.engine import dates
from sim.engine.state import WorldState

WAR_START_HIST = dates.day("1950-06-25")


@dataclass(frozen=True)
class Military:
    """Constants of the military sub-model (units in each field's comment)."""

    vmax: float = 0.4699  # deg/week, fastest movement of the line (a pursuit)
    defence: float = 1.7602  # power ratio an attacker must exceed to move an open line
    fort_defence: float = 5.8597  # extra defender advantage of a fully dug-in line
    fort_rate: float = 0.06  # per week of quiet line while talks are open
    base_kpa: float = 39.0  # deg N, KPA supply base (Pyongyang)
    base_cpv: float = 40.6  # deg N, CPV supply base (the Yalu)
    base_un: float = 35.1  # deg N, UN supply base (Pusan)
    reach_kpa: float = 9.3991  # deg, supply e-folding distance
    reach_un: float = 7.0916
    q_kpa: float = 2.5515  # combat power per thousand men of the pre-war KPA
    q_kpa_new: float = 1.2029  # per thousand KPA conscripts
    q_cpv: float = 0.5273
    q_rok_1950: float = 0.3295
    q_rok_1953: float = 0.5
    q_us_1950: float = 0.8281
    q_us_1951: float = 1.5937
    air_us: float = 0.5668  # UN air power multiplier excess; halved by the Soviet air war near the Yalu
    mig_reach: float = 1.0  # deg south of the Yalu within which MiGs meet UN aircraft over the front
    cpv_surprise: float = 2.1217  # CPV power excess in its surprise offensive
    lure_weeks: float = 4.4138  # weeks the CPV lies hidden after crossing, letting the UN overextend
    surprise_weeks: float = 6.6637  # weeks of the surprise offensive that follows
    cpv_push: float = 1.3056  # CPV power excess during an all-out offensive
    un_push: float = 0.5  # UN power excess during a counteroffensive
    inchon_jump: float = 1.0581  # deg, line gained at once when the landing cuts the KPA
    us_ramp_later: float = 2.6071  # thousand/week US arrivals after the first 12 weeks
    us_cap: float = 350.0  # thousand, US and other UN combat troops
    rok_cap: float = 600.0
    kpa_cap: float = 260.0
    cpv_cap: float = 850.0
    stock_floor: float = 0.276  # share of full power an army keeps with its supply stock exhausted
    use: float = 0.086  # supply stock used per week at combat intensity 1
    air_attrition: float = 0.0085  # weekly share of men lost per deg from base at full air pressure
    mig_cover: float = 0.5215  # share of interdiction Soviet MiGs deny once they fight
    kill: float = 0.038  # thousand men lost per unit of enemy power per week at intensity 1
    i_static: float = 0.0968  # combat intensity on a quiet line (raids, shelling, outposts)
    i_press: float = 0.3092  # extra intensity as the stronger side nears the defender's edge
    v_rok: float = 2.1126  # exposure per man relative to US troops
    v_cpv: float = 0.2  # exposure per man relative to the KPA
    loss_mobile: float = 0.0584  # weekly share of men lost by the side giving ground, per deg/week
    rout_loss: float = 3.2827  # extra mobile losses of a routed KPA
    death_share: float = 0.421  # share of UN losses that are deaths
    death_share_red: float = 0.4258  # share of Communist losses that are deaths (little medical care)
    soviet_loss: float = 0.0021  # thousand Soviet deaths per week of air war
    civ_static: float = 1.6848  # thousand civilian deaths per week of war on a quiet line
    evac_withdrawal: float = 0.4  # share of the KPA leaving Korea each week of evacuation


M = Military()
Constants = NamedTuple("Constants", [(f.name, float) for f in fields(Military)] + [("war_start_hist", int)])

# the evidence behind each constant (sim.case.evidence); fitted ones cite what they were fitted to
EVIDENCE: dict[str, str] = {
    **dict.fromkeys(
        ("vmax", "defence", "base_kpa", "base_cpv", "base_un", "reach_kpa", "reach_un"),
        "data.front_line",
    ),
    **dict.fromkeys(("q_kpa", "q_cpv", "q_us_1950", "q_us_1951", "air_us", "inchon_jump"), "data.front_line"),
    **dict.fromkeys(("fort_defence", "fort_rate"), "int000.dug_in"),
    **dict.fromkeys(("q_rok_1950", "q_rok_1953"), "essay.rok_weak"),
    **dict.fromkeys(("cpv_surprise", "lure_weeks", "surprise_weeks", "cpv_push", "un_push"), "essay.winter_spring"),
    **dict.fromkeys(("us_ramp_later", "us_cap", "rok_cap", "kpa_cap", "cpv_cap"), "data.forces"),
    **dict.fromkeys(("stock_floor", "use", "q_kpa_new"), "essay.pusan_inchon"),
    "air_attrition": "shen.us_bombing_1950",
    **dict.fromkeys(("mig_cover", "mig_reach"), "essay.air_war"),
    **dict.fromkeys(
        ("kill", "i_static", "i_press", "v_rok", "v_cpv", "loss_mobile", "rout_loss", "death_share", "soviet_loss"),
        "data.casualties",
    ),
    "civ_static": "data.casualties",
    "death_share_red": "shen.cpv_spent",
    "evac_withdrawal": "int001.evacuation",
}


class Draws(NamedTuple):
    """One chunk's per-world military parameters (arrays over worlds; ``sim.case.params``, ``mil.*``)."""

    us_arrival_1950: np.ndarray  # thousand/week, first 12 weeks
    rok_recruit: np.ndarray  # thousand/week
    kpa_conscription: np.ndarray  # thousand/week
    cpv_reinforce: np.ndarray  # thousand/week
    kpa_quality: np.ndarray  # multiplier on q_kpa
    kpa_resupply: np.ndarray  # share of the stock's shortfall refilled per week at the base
    cpv_resupply: np.ndarray
    cpv_reach: np.ndarray  # deg, the CPV supply line's reach (replaces a fitted constant: the front does not pin it)
    interdiction: np.ndarray  # share of deliveries destroyed on a long line at full air pressure
    attack_cost: np.ndarray  # attacker's losses per unit of enemy power relative to a defender's
    civ_mobile: np.ndarray  # thousand civilian deaths/week at full speed of the front
    civ_bombing: np.ndarray  # thousand civilian deaths/week at full air pressure


PARAM_NAMES: dict[str, str] = {name: "mil." + name for name in Draws._fields}  # field -> parameter


def draws(model) -> Draws:
    """The per-world military parameters of a model's worlds (``model.param`` caches them)."""
    return Draws(**{f: model.param(name) for f, name in PARAM_NAMES.items()})


def midpoints(n: int) -> Draws:
    """Every world at the middle of each parameter's documented range (for probes without a model)."""
    from sim.case.params import PARAMS

    mid = {f: np.full(n, 0.5 * (PARAMS[name].low + PARAMS[name].high)) for f, name in PARAM_NAMES.items()}
    return Draws(**mid)


def constants() -> Constants:
    """The current constants (``M``; a calibration may swap it) as the kernel's named tuple."""
    return Constants(*(getattr(M, f.name) for f in fields(Military)), WAR_START_HIST)


def step(s: WorldState, day: int, p: Draws | None = None) -> None:
    """Advance forces, supply, front and deaths one week for the worlds at war (compiled: ``military_kernel``).

    Worlds at peace are left exactly as they were. ``day``: the week's first
    day (day number); ``p``: per-world parameters (``draws``), mid-range values
    when omitted.
    """
    p = midpoints(s.n) if p is None else p
    np.minimum(s.kpa_veterans, s.kpa, out=s.kpa_veterans)  # a landing that cuts the KPA takes its veterans too
    state = kernel.State(*(getattr(s, name) for name in kernel.STATE_FIELDS))
    kernel.week(constants(), state, p, int(day), np.flatnonzero(s.war))
