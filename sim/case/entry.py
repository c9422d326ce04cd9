"""October 1950, second half: the evacuation order, Beijing's reversal, the Yalu limit, the CPV crosses.

Told that China would not send troops, Stalin ordered Kim to evacuate the
North rather than fight the Americans (int001.evacuation, essay.evacuation).
The next day the Politburo resolved to intervene after all, and Stalin
cancelled the order (shen.politburo_13oct). Stalin would let Soviet aircraft
fly only north of the Yalu; Mao postponed, then sent the CPV across on
19 October (shen.yalu_limit, essay.mao_reasons). Had the UN kept coming with
China out, Beijing could still have reconsidered (shen.conclusion).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import air_cover_by_option, commit_china, enter_china, set_days
from sim.case.features import china_can_enter, mao_case_for_entry, politburo_case_for_entry, stalin_distrust
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


def entry_stopped(v: View) -> Mask:
    """Mao's order to stop the entry plan stands and no Chinese troops are in Korea."""
    return china_can_enter(v) & v.china_stop


# ---------------------------------------------------------------- Stalin's evacuation order
def evacuation_features(v: View) -> Features:
    """Stalin, told China stays out: lose the North vs risk war with the US holding on (int001.evacuation)."""
    return {
        "order_evacuation": {"friendly_korea": -0.8},
        "hold_on": {"avoid_us_war": -0.5},
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
    after=("mao_12oct", "delay.evacuation_lag"),
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
def politburo_13oct_features(v: View) -> Features:
    """The Politburo reconsiders: the same debate as on 5 October (shen.politburo_13oct)."""
    return {"intervene": politburo_case_for_entry(v)}


def _politburo_13oct(fx: Firing) -> None:
    idx, days = fx.chose("intervene")
    commit_china(fx, idx, days)
    fx.s.mao_resolve[idx] = np.minimum(fx.s.mao_resolve[idx] + 0.1, 1.0)


politburo_13oct = DecisionPoint(
    id="politburo_13oct",
    title="The Politburo reconsiders (13 October)",
    window=(EARLY, LATE),
    after=("mao_12oct", 1),
    decider="politburo",
    options=("intervene", "stay_out"),
    labels={"intervene": "intervene after all", "stay_out": "stay out"},
    historical="intervene",
    question="china_enters",
    stances={"intervene": "enter", "stay_out": "stay_out"},
    when=entry_stopped,
    features=politburo_13oct_features,
    effect=_politburo_13oct,
    evidence=("shen.politburo_13oct", "int001.beijing_resistance"),
    narrative="Mao has told Peng only to suspend the plan; the Politburo meets again.",
)


def evacuation_moot(v: View) -> Mask:
    """The evacuation order stands but Beijing has committed to send troops."""
    return v.war & v.evac_active & v.china_committed


def cancel_features(v: View) -> Features:
    """Stalin, told China will fight: keep the North (essay.evacuation)."""
    return {"cancel": {"friendly_korea": 1.0}}


def _cancel(fx: Firing) -> None:
    fx.s.evac_active[fx.chose("cancel")[0]] = False


stalin_cancel = DecisionPoint(
    id="stalin_cancel",
    title="Stalin cancels the evacuation?",
    window=(EARLY, LATE),
    after=("politburo_13oct", 1),
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
    return china_can_enter(v) & v.china_committed & (v.air_cover < 0.99)


def yalu_limit_features(v: View) -> Features:
    """Stalin on where Soviet aircraft may fly (shen.yalu_limit, shen.stalin_suspicion).

    Cover over Korea risks war (-0.35) and admits Chinese influence
    (-0.5 x distrust, 0-1) but helps most (0.8); north of the Yalu risks and
    helps less; no cover breaks his promise (-1).
    """
    return {
        "over_korea": {
            "avoid_us_war": -0.35,
            "distrust_ccp": -0.5 * stalin_distrust(v),
            "friendly_korea": 0.8,
        },
        "north_of_yalu": {
            "avoid_us_war": -0.05,
            "distrust_ccp": -0.1 * stalin_distrust(v),
            "friendly_korea": 0.4,
        },
        "no_air_cover": {"alliance_credibility": -1.0},
    }


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
    effect=air_cover_by_option,
    evidence=("shen.yalu_limit", "shen.stalin_suspicion"),
    narrative="Zhou presses Moscow for a Soviet volunteer air force.",
)


def committed(v: View) -> Mask:
    """Beijing has committed and its troops are not yet in Korea."""
    return china_can_enter(v) & v.china_committed


def crossing_features(v: View) -> Features:
    """Mao at the Yalu: his case for entry (shen.yalu_limit, essay.mao_reasons)."""
    return {"cross": mao_case_for_entry(v)}


def _cpv_crossing(fx: Firing) -> None:
    idx, days = fx.chose("cross")
    enter_china(fx, idx, days, fx.param("force.cpv_first_crossing", idx))


cpv_crossing = DecisionPoint(
    id="cpv_crossing",
    title="The CPV crosses the Yalu?",
    window=(EARLY, LATE),
    after=("committed_day", 6),
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
    evidence=("shen.yalu_limit", "essay.mao_reasons"),
    narrative="The CPV stands ready on the Yalu.",
)


def un_nears_yalu(v: View) -> Mask:
    """China was asked but has not committed, and UN forces, with no halt line, stand north of 39N."""
    return china_can_enter(v) & ~v.china_committed & (v.china_asked_day >= 0) & (v.front >= 39.0) & (v.halt_line > 50)


def reconsider_features(v: View) -> Features:
    """Mao as the UN nears the Yalu: his case for entry and China's standing in the camp (shen.conclusion)."""
    return {"enter": {**mao_case_for_entry(v), "camp_standing": 0.5}}


def _reconsider(fx: Firing) -> None:
    commit_china(fx, *fx.chose("enter"))


china_reconsiders = DecisionPoint(
    id="china_reconsiders",
    title="China reconsiders as the UN nears the Yalu",
    window=(EARLY, LATE),
    after=("china_asked_day", 14),
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
