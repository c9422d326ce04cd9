"""October 1950, first half: Kim's appeal, Stalin's refusal, Mao's cable, the Politburo, the Black Sea, 12 October.

With UN forces across the 38th, Kim asked Stalin for troops before turning
to Mao, for fear of Chinese hegemony; Stalin, terrified of war with the US,
referred him to China (int001.kim_asks_moscow, int001.stalin_terrified,
shen.kim_appeal). Mao's 2 October cable survives in two readings
(shen.cable_2oct); the Politburo resolved to send troops on 5 October over
strong resistance (shen.politburo_5oct, int001.beijing_resistance). At the
Black Sea Stalin put Soviet air cover off by two months, and on 12 October
Mao stopped the entry plan (shen.black_sea, shen.mao_12oct).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import air_cover_by_option, ask_china, commit_china
from sim.case.features import (
    air_shortfall,
    border_threat,
    china_can_enter,
    mao_case_for_entry,
    politburo_case_for_entry,
    stalin_distrust,
)
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- Kim's appeal and Stalin's reply
def regime_in_danger(v: View) -> Mask:
    """UN forces are across the 38th with no halt line, no Chinese troops, and China not yet asked."""
    return v.war & (v.front >= 38.05) & (v.halt_line > 50) & ~v.china_in & (v.china_asked_day < 0)


def appeal_features(v: View) -> Features:
    """Kim on whom to ask: fear of Chinese hegemony vs Stalin's April stipulation (int001.kim_asks_moscow)."""
    return {"ask_beijing_first": {"fear_chinese_hegemony": -1.0, "stalin_stipulation": 0.5}}


def _kim_appeal(fx: Firing) -> None:
    idx, days = fx.chose("ask_beijing_first")
    ask_china(fx, idx, days)


kim_appeal = DecisionPoint(
    id="kim_appeal",
    title="Kim's appeal for help",
    window=(EARLY, LATE),
    decider="kim",
    options=("ask_moscow_first", "ask_beijing_first"),
    labels={"ask_moscow_first": "ask Stalin for Soviet troops", "ask_beijing_first": "ask Mao directly"},
    historical="ask_moscow_first",
    when=regime_in_danger,
    features=appeal_features,
    effect=_kim_appeal,
    evidence=("int001.kim_asks_moscow", "essay.kim_fears_china", "shen.kim_appeal"),
    narrative="UN forces cross the 38th; the North's regime faces collapse.",
)


def kim_asked_moscow(v: View) -> Mask:
    """Kim turned to Stalin first and no Chinese troops are in Korea."""
    return v.war & v.chose("kim_appeal", "ask_moscow_first") & ~v.china_in


def reply_features(v: View) -> Features:
    """Stalin on Kim's appeal (int001.stalin_terrified, shen.kim_appeal).

    Soviet troops mean war with the US (-1) but save Korea (1); referring Kim
    to China saves it less surely (0.6) and admits Chinese influence
    (-0.3 x distrust, 0-1).
    """
    return {
        "send_troops": {"avoid_us_war": -1.0, "friendly_korea": 1.0},
        "refer_to_china": {"friendly_korea": 0.6, "distrust_ccp": -0.3 * stalin_distrust(v)},
    }


def _stalin_reply(fx: Firing) -> None:
    s = fx.s
    sent, _ = fx.chose("send_troops")
    s.soviet_ground[sent] = True
    s.superpower_war[sent] = s.us_in[sent]
    idx, days = fx.chose("refer_to_china")
    ask_china(fx, idx, days)


stalin_reply = DecisionPoint(
    id="stalin_reply",
    title="Stalin's reply to Kim",
    window=(EARLY, LATE),
    after=("kim_appeal", 1),
    decider="stalin",
    options=("send_troops", "refer_to_china"),
    labels={"send_troops": "send Soviet troops", "refer_to_china": "tell Mao to send volunteers"},
    historical="refer_to_china",
    when=kim_asked_moscow,
    features=reply_features,
    effect=_stalin_reply,
    evidence=("int001.stalin_terrified", "essay.avoid_war_unprepared", "shen.kim_appeal"),
    narrative="Kim asks Stalin for direct military help.",
)


# ---------------------------------------------------------------- Mao's cable and the Politburo of 5 October
def cable_features(v: View) -> Features:
    """Mao's reply to Stalin: his case for entry (shen.cable_2oct; the reading is a variant of his resolve)."""
    return {"agree": mao_case_for_entry(v)}


def _cable(fx: Firing) -> None:
    idx, _ = fx.chose("agree")
    fx.s.mao_resolve[idx] = np.minimum(fx.s.mao_resolve[idx] + 0.1, 1.0)
    fx.s.stalin_trust_ccp[idx] += 0.05


mao_cable_2oct = DecisionPoint(
    id="mao_cable_2oct",
    title="Mao's 2 October cable",
    window=(EARLY, LATE),
    after=("china_asked_day", 1),
    decider="mao",
    options=("agree", "withhold"),
    labels={"agree": "tentatively agree to send troops", "withhold": "withhold troops"},
    historical="agree",
    question="china_enters",
    stances={"agree": "enter", "withhold": "stay_out"},
    when=china_can_enter,
    features=cable_features,
    effect=_cable,
    evidence=("shen.cable_2oct", "shen.politburo_5oct"),
    narrative="Stalin asks Mao to send volunteers; Mao drafts his reply.",
)


def politburo_5oct_features(v: View) -> Features:
    """The Politburo on sending troops (shen.politburo_5oct, int001.beijing_resistance)."""
    return {"send": politburo_case_for_entry(v)}


def _politburo_5oct(fx: Firing) -> None:
    fx.s.china_committed[fx.chose("send")[0]] = True


politburo_5oct = DecisionPoint(
    id="politburo_5oct",
    title="The Politburo meets (5 October)",
    window=(EARLY, LATE),
    after=("china_asked_day", 4),
    decider="politburo",
    options=("send", "hold_back"),
    labels={"send": "resolve to send troops", "hold_back": "hold back"},
    historical="send",
    question="china_enters",
    stances={"send": "enter", "hold_back": "stay_out"},
    when=china_can_enter,
    features=politburo_5oct_features,
    effect=_politburo_5oct,
    evidence=("shen.politburo_5oct", "int001.beijing_resistance", "essay.chinese_reluctance"),
    narrative="An enlarged Politburo meeting debates intervention; Mao and Peng argue for it.",
)


# ---------------------------------------------------------------- the Black Sea and 12 October
def black_sea_features(v: View) -> Features:
    """Stalin on air cover (shen.black_sea, shen.stalin_suspicion, shen.conclusion).

    Cover now risks war (-0.35) and admits Chinese influence (-0.5 x
    distrust, 0-1) but helps Korea most (1); cover later risks and helps less;
    no cover helps Korea little (0.2) and breaks his promise (-1).
    """
    return {
        "air_cover_now": {
            "avoid_us_war": -0.35,
            "distrust_ccp": -0.5 * stalin_distrust(v),
            "friendly_korea": 1.0,
        },
        "air_cover_later": {
            "avoid_us_war": -0.1,
            "distrust_ccp": -0.2 * stalin_distrust(v),
            "friendly_korea": 0.6,
        },
        "no_air_cover": {"friendly_korea": 0.2, "alliance_credibility": -1.0},
    }


black_sea = DecisionPoint(
    id="black_sea",
    title="Stalin and Zhou at the Black Sea",
    window=(EARLY, LATE),
    after=("china_asked_day", 10),
    decider="stalin",
    options=("air_cover_now", "air_cover_later", "no_air_cover"),
    labels={
        "air_cover_now": "give air cover at once",
        "air_cover_later": "air force in 2-2.5 months",
        "no_air_cover": "no air cover",
    },
    historical="air_cover_later",
    when=china_can_enter,
    features=black_sea_features,
    effect=air_cover_by_option,
    evidence=("shen.black_sea", "shen.stalin_suspicion", "shen.conclusion"),
    narrative="Zhou Enlai tells Stalin that China's entry depends on Soviet air cover.",
)


def moscow_line(v: View) -> np.ndarray:
    """Moscow's advice to Beijing after the Black Sea meeting (shen.black_sea).

    +0.5 (go in) if Stalin gave full air cover, -1 (Kim should retreat) otherwise.
    """
    return np.where(v.air_cover >= 0.99, 0.5, -1.0)


def mao_12oct_features(v: View) -> Features:
    """Mao on 12 October: his case for entry, his standing in the camp, and Moscow's advice (shen.mao_12oct).

    Resolve (0-1) and the border threat (0-1) for, the air-cover shortfall
    (0-1) and Taiwan first (-0.5) against, standing in the camp (0.5) and
    Moscow's line (+0.5 or -1): the terms of ``mao_case_for_entry`` and two more.
    """
    return {
        "enter": {
            "revolutionary_resolve": v.mao_resolve,
            "border_security": border_threat(v),
            "air_force_condition": -air_shortfall(v),
            "taiwan_first": -0.5,
            "camp_standing": 0.5,
            "alliance_dependence": moscow_line(v),
        },
    }


def _mao_12oct(fx: Firing) -> None:
    commit_china(fx, *fx.chose("enter"))
    stop, _ = fx.chose("stop")
    fx.s.china_stop[stop] = True
    fx.s.china_committed[stop] = False


mao_12oct = DecisionPoint(
    id="mao_12oct",
    title="Mao's decision of 12 October",
    window=(EARLY, LATE),
    after=("black_sea", 1),
    decider="mao",
    options=("enter", "stop"),
    labels={"enter": "go ahead with the entry", "stop": "stop the entry plan"},
    historical="stop",
    question="china_enters",
    stances={"enter": "enter", "stop": "stay_out"},
    when=china_can_enter,
    features=mao_12oct_features,
    effect=_mao_12oct,
    evidence=("shen.mao_12oct", "shen.black_sea", "essay.mao_reasons"),
    narrative="The Stalin-Zhou telegram reaches Mao: no air cover for two months, Kim should retreat.",
)

NODES = (kim_appeal, stalin_reply, mao_cable_2oct, politburo_5oct, black_sea, mao_12oct)
