"""October 1950, second half: the evacuation order, Beijing's reversal, the Yalu limit, the CPV crosses.

Told that China would not send troops, Stalin ordered Kim to evacuate the
North rather than fight the Americans (int001.evacuation, essay.evacuation).
The next day the Politburo resolved to intervene after all, standing by its
resolution of 5 October, and Stalin cancelled the order
(shen.politburo_13oct). Stalin would let Soviet aircraft
fly only north of the Yalu; Mao postponed, then sent the CPV across on
19 October (shen.yalu_limit, essay.mao_reasons). Had the UN kept coming with
China out, Beijing could still have reconsidered (shen.conclusion).

The CPV crosses at the earliest 6 days after it is ready (13 to 19 October).
It is ready on the day Beijing commits where the Politburo resolved on
5 October to send troops: the command was formed then and the entry
prepared (shen.entry_plan). Where the Politburo held back, forming the
command and preparing come after the commitment (``delay.cpv_preparation``,
4-10 days; ``sim.case.effects.cpv_preparation``).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import AIR_COVER_LEVELS, commit_china, enter_china, set_days
from sim.case.features import (
    border_threat,
    china_can_enter,
    mao_case_against_entry,
    mao_case_for_entry,
    politburo_debate,
    stalin_distrust,
)
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


def entry_stopped(v: View) -> Mask:
    """Beijing's order to stop the entry plan stands and no Chinese troops are in Korea."""
    return china_can_enter(v) & v.china_stop


# ---------------------------------------------------------------- Stalin's evacuation order
def kpa_can_hold(v: View) -> np.ndarray:
    """The chance the KPA holds the North alone: its strength against the UN's, 0-1 (int001.evacuation)."""
    return np.clip(v.kpa / np.maximum(v.us + v.rok, 1.0), 0.0, 1.0)


def evacuation_features(v: View) -> Features:
    """Stalin, told China stays out (int001.evacuation, essay.evacuation, essay.buffer_aim).

    Order the evacuation: avoid being drawn into war with the US as UN forces
    near the Soviet border (the border threat, 0-1). Tell Kim to hold on: keep
    a friendly Korea, as far as the KPA can hold alone (0-1). The order came
    with the North's army broken and the UN marching north (int001.evacuation,
    essay.evacuation); with the UN short of the border or the KPA able to
    hold, the sources give Stalin no reason to give the North up.
    """
    return {
        "order_evacuation": {"avoid_us_war": border_threat(v)},
        "hold_on": {"friendly_korea": kpa_can_hold(v)},
    }


def _evacuation(fx: Firing) -> None:
    idx, days = fx.chose("order_evacuation")
    fx.s.evac_ordered[idx] = True
    fx.s.evac_active[idx] = True
    set_days(fx.s, "evac_day", idx, days)


stalin_evacuation = DecisionPoint(
    id="stalin_evacuation",
    title="Stalin orders the North evacuated?",
    window=(EARLY, LATE),
    after=("china_refused_day", "delay.evacuation_lag"),
    decider="stalin",
    options=("order_evacuation", "hold_on"),
    labels={
        "order_evacuation": "order Kim to evacuate to Manchuria and the USSR",
        "hold_on": "tell Kim to hold on",
    },
    historical="order_evacuation",
    when=entry_stopped,
    features=evacuation_features,
    effect=_evacuation,
    evidence=("int001.evacuation", "essay.evacuation"),
    narrative="Word reaches Stalin that China will not send troops.",
)


# ---------------------------------------------------------------- the Politburo reverses; Stalin cancels
def reconsidering_13oct(v: View) -> Mask:
    """Mao stopped the plan on 12 October and no Chinese troops are in Korea (the dated reconsideration)."""
    return entry_stopped(v) & v.chose("mao_12oct", "stop")


def reconsideration_features(v: View) -> Features:
    """The Politburo meets again: the same debate as on 5 October, and what it resolved then (shen.politburo_13oct).

    Intervening also stands by its 5 October resolution: +1 where it resolved
    to send troops (the decision the 13 October meeting endorsed, with the
    CPV formed and Mao's stop only a suspension: shen.entry_plan,
    shen.mao_12oct), -1 where it held back (intervening would overturn its own
    decision), 0 where it never met.
    """
    debate = politburo_debate(v)
    return {"intervene": {**debate["for"], "own_resolution": v.politburo_resolution}, "stay_out": debate["against"]}


def _politburo_13oct(fx: Firing) -> None:
    idx, days = fx.chose("intervene")
    commit_china(fx, idx, days)


politburo_13oct = DecisionPoint(
    id="politburo_13oct",
    title="The Politburo reconsiders (13 October)",
    dated="1950-10-13",
    window=("1950-08-29", "1950-11-27"),
    after=("mao_12oct", 1),
    decider="politburo",
    options=("intervene", "stay_out"),
    labels={"intervene": "intervene after all", "stay_out": "stay out"},
    historical="intervene",
    question="china_enters",
    stances={"intervene": "enter", "stay_out": "stay_out"},
    when=reconsidering_13oct,
    features=reconsideration_features,
    effect=_politburo_13oct,
    evidence=("shen.politburo_13oct", "shen.entry_plan", "int001.beijing_resistance"),
    narrative="Mao has told Peng only to suspend the plan; the Politburo meets again.",
)


def evacuation_moot(v: View) -> Mask:
    """The evacuation order stands but Beijing has committed to send troops (by any route)."""
    return v.war & v.evac_active & v.china_committed


def cancel_features(v: View) -> Features:
    """Stalin, told China will fight (essay.evacuation, shen.stalin_wants_china_in).

    Cancel: keep the North (1) and bind China to the war (1). Let it stand:
    stay clear of a war that might still draw in the USSR (0.2).
    """
    return {
        "cancel": {"friendly_korea": np.ones(len(v)), "bind_china": np.ones(len(v))},
        "keep_order": {"avoid_us_war": np.full(len(v), 0.2)},
    }


def _cancel(fx: Firing) -> None:
    fx.s.evac_active[fx.chose("cancel")[0]] = False


stalin_cancel = DecisionPoint(
    id="stalin_cancel",
    title="Stalin cancels the evacuation?",
    window=(EARLY, LATE),
    after=("committed_day", 1),
    every=7,
    max_times=6,
    decider="stalin",
    options=("cancel", "keep_order"),
    labels={"cancel": "cancel the evacuation", "keep_order": "let it stand"},
    historical="cancel",
    when=evacuation_moot,
    features=cancel_features,
    effect=_cancel,
    evidence=("int001.evacuation", "essay.evacuation"),
    narrative="Beijing tells Moscow it will send troops after all.",
)


# ---------------------------------------------------------------- the Yalu limit and the crossing
def committed_short_of_air(v: View) -> Mask:
    """Beijing has committed, its troops are not yet in Korea, and full air cover is not promised."""
    return china_can_enter(v) & v.china_committed & (v.moscow_advice < 1.0)


def yalu_limit_features(v: View) -> Features:
    """Stalin on where Soviet aircraft may fly (shen.yalu_limit, shen.stalin_suspicion).

    Cover over Korea risks war (-0.35) and admits Chinese influence
    (-0.5 x distrust, 0-1) but helps most (0.8); north of the Yalu risks and
    helps less; no cover breaks his promise (-1).
    """
    distrust = stalin_distrust(v)
    return {
        "over_korea": {
            "avoid_us_war": np.full(len(v), -0.35),
            "distrust_ccp": -0.5 * distrust,
            "friendly_korea": np.full(len(v), 0.8),
        },
        "north_of_yalu": {
            "avoid_us_war": np.full(len(v), -0.05),
            "distrust_ccp": -0.1 * distrust,
            "friendly_korea": np.full(len(v), 0.4),
        },
        "no_air_cover": {"alliance_credibility": -np.ones(len(v))},
    }


def _yalu(fx: Firing) -> None:
    s = fx.s
    for option, name in zip(fx.options, AIR_COVER_LEVELS, strict=True):
        idx, _ = fx.chose(option)
        s.air_cover[idx] = fx.param(name, idx)


stalin_yalu_limit = DecisionPoint(
    id="stalin_yalu_limit",
    title="Where Soviet aircraft may fly",
    window=(EARLY, LATE),
    after=("committed_day", 2),
    decider="stalin",
    options=("over_korea", "north_of_yalu", "no_air_cover"),
    labels={
        "over_korea": "cover the CPV over Korea",
        "north_of_yalu": "only north of the Yalu",
        "no_air_cover": "no air cover",
    },
    historical="north_of_yalu",
    when=committed_short_of_air,
    features=yalu_limit_features,
    effect=_yalu,
    evidence=("shen.yalu_limit", "shen.stalin_suspicion"),
    narrative="Zhou presses Moscow for a Soviet volunteer air force.",
)


def committed(v: View) -> Mask:
    """Beijing has committed and its troops are not yet in Korea (checked from ``cpv_ready_day`` + 6 days)."""
    return china_can_enter(v) & v.china_committed


def crossing_features(v: View) -> Features:
    """Mao at the Yalu: his case for entry against his case against (shen.yalu_limit, essay.mao_reasons)."""
    return {"cross": mao_case_for_entry(v), "wait": mao_case_against_entry(v)}


def _cpv_crossing(fx: Firing) -> None:
    idx, days = fx.chose("cross")
    enter_china(fx, idx, days, fx.param("force.cpv_first_crossing", idx))


cpv_crossing = DecisionPoint(
    id="cpv_crossing",
    title="The CPV crosses the Yalu?",
    window=(EARLY, LATE),
    after=("cpv_ready_day", 6),  # a ready army: committed 13 October, across 19 October (shen.yalu_limit)
    every=7,
    max_times=8,
    decider="mao",
    options=("cross", "wait"),
    labels={"cross": "send the CPV across the Yalu", "wait": "postpone"},
    historical="cross",
    question="china_enters",
    stances={"cross": "enter", "wait": "stay_out"},
    when=committed,
    features=crossing_features,
    effect=_cpv_crossing,
    evidence=("shen.yalu_limit", "shen.entry_plan", "essay.mao_reasons"),
    narrative="The CPV stands ready on the Yalu.",
)


def un_nears_yalu(v: View) -> Mask:
    """China was asked two weeks ago or more but has not committed, and UN forces, with no halt line, stand
    north of 39N (checked every week: Beijing reconsiders as they get there)."""
    asked = (v.china_asked_day >= 0) & (v.day >= v.china_asked_day + 14)
    return china_can_enter(v) & ~v.china_committed & asked & (v.front >= 39.0) & (v.halt_line > 50)


def reconsider_features(v: View) -> Features:
    """Mao as the UN nears the Yalu: his case for entry against his case against (shen.conclusion)."""
    return {"enter": mao_case_for_entry(v), "stay_out": mao_case_against_entry(v)}


def _reconsider(fx: Firing) -> None:
    commit_china(fx, *fx.chose("enter"))


china_reconsiders = DecisionPoint(
    id="china_reconsiders",
    title="China reconsiders as the UN nears the Yalu",
    window=(EARLY, LATE),
    every=14,
    max_times=4,
    decider="mao",
    options=("enter", "stay_out"),
    labels={"enter": "enter after all", "stay_out": "stay out"},
    historical=None,
    question="china_enters",
    stances={"enter": "enter", "stay_out": "stay_out"},
    when=un_nears_yalu,
    features=reconsider_features,
    effect=_reconsider,
    evidence=("essay.mao_reasons", "shen.conclusion"),
    narrative="UN forces drive toward the Chinese border.",
)

NODES = (stalin_evacuation, politburo_13oct, stalin_cancel, stalin_yalu_limit, cpv_crossing, china_reconsiders)
