"""October 1950, first half: Kim's appeal, Stalin's refusal, Mao's cable, the Politburo, the Black Sea, 12 October.

As UN forces were about to cross the 38th, Kim asked Stalin for troops
before turning to Mao, for fear of Chinese hegemony; Stalin, terrified of
war with the US, referred him to China (int001.kim_asks_moscow,
int001.stalin_terrified, shen.kim_appeal). Mao's 2 October cable survives
in two readings (shen.cable_2oct); the Politburo resolved to send troops on
5 October over strong resistance (shen.politburo_5oct,
int001.beijing_resistance), formed the CPV and set the entry for about
15 October (shen.entry_plan). At the Black Sea Stalin put Soviet air cover off
by two months, and on 12 October Mao stopped the entry plan
(shen.black_sea, shen.mao_12oct).

The dated points fire only near their dates: when China is asked outside
the autumn of 1950 (a different war), Stalin's terms for air cover and
Beijing's answer are generic points that read the state of that time.
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import air_cover_by_option, ask_china, commit_china, refuse_china
from sim.case.features import (
    D,
    china_can_enter,
    kpa_collapse,
    mao_case_against_entry,
    mao_case_for_entry,
    politburo_debate,
    soviet_air_unready,
    stalin_distrust,
)
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View

OCTOBER_ASK = ("1950-08-18", "1950-11-14")  # China asked within this span: the dated chain (each point +-45 days)


# ---------------------------------------------------------------- Kim's appeal and Stalin's reply
def crossing_imminent(v: View) -> Mask:
    """The UN has decided to cross the 38th, no Chinese troops are in Korea, and China has not been asked."""
    return v.war & v.chose("un_cross_38th", "cross") & ~v.china_in & (v.china_asked_day < 0)


def appeal_features(v: View) -> Features:
    """Kim on whom to ask (int001.kim_asks_moscow, int001.stalin_terrified).

    Ask Moscow first: his fear of Chinese hegemony (1). Ask Beijing: Stalin's
    April stipulation, the more pressing as the KPA collapses (0.5-1).
    """
    return {
        "ask_moscow_first": {"fear_chinese_hegemony": np.ones(len(v))},
        "ask_beijing_first": {"stalin_stipulation": 0.5 + 0.5 * kpa_collapse(v)},
    }


def _kim_appeal(fx: Firing) -> None:
    idx, days = fx.chose("ask_beijing_first")
    ask_china(fx, idx, days)


kim_appeal = DecisionPoint(
    id="kim_appeal",
    title="Kim's appeal for help",
    window=(EARLY, LATE),
    after=("un_cross_38th", 4),  # Kim wrote on 30 September, as the UN stood at the parallel (shen.kim_appeal)
    decider="kim",
    options=("ask_moscow_first", "ask_beijing_first"),
    labels={"ask_moscow_first": "ask Stalin for Soviet troops", "ask_beijing_first": "ask Mao directly"},
    historical="ask_moscow_first",
    when=crossing_imminent,
    features=appeal_features,
    effect=_kim_appeal,
    evidence=("int001.kim_asks_moscow", "essay.kim_fears_china", "shen.kim_appeal"),
    narrative="UN forces stand at the 38th; the North's regime faces collapse.",
)


def kim_asked_moscow(v: View) -> Mask:
    """Kim turned to Stalin first and no Chinese troops are in Korea."""
    return v.war & v.chose("kim_appeal", "ask_moscow_first") & ~v.china_in


def reply_features(v: View) -> Features:
    """Stalin on Kim's appeal (int001.stalin_terrified, shen.kim_appeal, shen.stalin_wants_china_in).

    Soviet troops would save Korea (1). Referring Kim to China saves it less
    surely (0.6), avoids war with the US (his belief that the US fights, 1
    once it does), binds China (1), and admits Chinese influence (-0.3 x
    distrust, 0-1).
    """
    return {
        "send_troops": {"friendly_korea": np.ones(len(v))},
        "refer_to_china": {
            "friendly_korea": np.full(len(v), 0.6),
            "avoid_us_war": v.stalin_p_us,
            "bind_china": np.ones(len(v)),
            "distrust_ccp": -0.3 * stalin_distrust(v),
        },
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


# ---------------------------------------------------------------- the dated chain: 2, 5, 11 and 12 October
def asked_in_october(v: View) -> Mask:
    """Chinese troops are not in Korea and China was asked in the autumn of 1950 (the documented chain)."""
    return china_can_enter(v) & (v.china_asked_day >= D(OCTOBER_ASK[0])) & (v.china_asked_day <= D(OCTOBER_ASK[1]))


def asked_another_time(v: View) -> Mask:
    """Chinese troops are not in Korea and China was asked outside the autumn of 1950 (the generic points)."""
    return china_can_enter(v) & (v.china_asked_day >= 0) & ~asked_in_october(v)


def mao_entry_features(v: View) -> Features:
    """Mao on sending troops: his case for (border, resolve, standing) and against (air cover, world war, Taiwan)."""
    return {"agree": mao_case_for_entry(v), "withhold": mao_case_against_entry(v)}


def _cable(fx: Firing) -> None:
    """The cable changes nothing downstream: Shen reads it as tactics, not a change of course (shen.cable_2oct).

    Whatever Mao wrote, the Politburo met on 5 October; the reading of the
    cable is kept as a source dispute on his resolve (``mao_cable_2oct``).
    """


mao_cable_2oct = DecisionPoint(
    id="mao_cable_2oct",
    title="Mao's 2 October cable",
    dated="1950-10-02",
    window=("1950-08-18", "1950-11-16"),
    after=("china_asked_day", 1),
    decider="mao",
    options=("agree", "withhold"),
    labels={"agree": "tentatively agree to send troops", "withhold": "withhold troops"},
    historical="agree",
    question="china_enters",
    stances={"agree": "enter", "withhold": "stay_out"},
    when=asked_in_october,
    features=mao_entry_features,
    effect=_cable,
    evidence=("shen.cable_2oct", "shen.politburo_5oct"),
    narrative="Stalin asks Mao to send volunteers; Mao drafts his reply.",
)


def politburo_features(v: View) -> Features:
    """The Politburo on sending troops: Mao, Peng and the border for; reconstruction and a wider war against."""
    debate = politburo_debate(v)
    return {"send": debate["for"], "hold_back": debate["against"]}


def _politburo_5oct(fx: Firing) -> None:
    """The resolution to send stands behind the entry plan; holding back leaves none (shen.entry_plan).

    After the resolution the CPV command was formed and Mao told Kim and
    Stalin the troops would go in about 15 October; Mao's stop of 12 October
    suspended that plan, and the Politburo of 13 October reads what was
    resolved here (``politburo_13oct``). After a hold-back, a later
    commitment must first form the command and prepare the entry, so the CPV
    crosses ``delay.cpv_preparation`` days later (``effects.cpv_preparation``).

    The resolution commits nothing by itself: Mao's decision of 12 October
    fires in every world where this meeting did, and it commits or stops
    (``commit_china``, ``refuse_china``), setting the commitment with its date.
    """
    s = fx.s
    s.politburo_resolution[fx.chose("send")[0]] = 1.0
    s.politburo_resolution[fx.chose("hold_back")[0]] = -1.0


politburo_5oct = DecisionPoint(
    id="politburo_5oct",
    title="The Politburo meets (5 October)",
    dated="1950-10-05",
    window=("1950-08-21", "1950-11-19"),
    after=("china_asked_day", 4),
    decider="politburo",
    options=("send", "hold_back"),
    labels={"send": "resolve to send troops", "hold_back": "hold back"},
    historical="send",
    question="china_enters",
    stances={"send": "enter", "hold_back": "stay_out"},
    when=asked_in_october,
    features=politburo_features,
    effect=_politburo_5oct,
    evidence=("shen.politburo_5oct", "shen.entry_plan", "int001.beijing_resistance", "essay.chinese_reluctance"),
    narrative="An enlarged Politburo meeting debates intervention; Mao and Peng argue for it.",
)


def air_terms_features(v: View) -> Features:
    """Stalin on air cover for the CPV (shen.black_sea, shen.stalin_suspicion, shen.stalin_wants_china_in).

    Cover at once risks war with the US, the more while his air force is
    unready (0.2 + 0.3 x unready), and admits Chinese influence (0.5 x
    distrust), but helps Korea most (1) and binds China (1). Cover later
    risks and helps less. No cover helps Korea little (0.2) and breaks his
    promise (-1).
    """
    distrust, unready = stalin_distrust(v), soviet_air_unready(v)
    return {
        "air_cover_now": {
            "avoid_us_war": -(0.2 + 0.3 * unready),
            "distrust_ccp": -0.5 * distrust,
            "friendly_korea": np.ones(len(v)),
            "bind_china": np.ones(len(v)),
        },
        "air_cover_later": {
            "avoid_us_war": np.full(len(v), -0.1),
            "distrust_ccp": -0.2 * distrust,
            "friendly_korea": np.full(len(v), 0.6),
            "bind_china": np.full(len(v), 0.6),
        },
        "no_air_cover": {"friendly_korea": np.full(len(v), 0.2), "alliance_credibility": -np.ones(len(v))},
    }


MOSCOW_ADVICE = (1.0, -1.0, -1.0)  # after cover at once: go in; otherwise the joint telegram: Kim should retreat


def air_terms_point(id_: str, title: str, window: tuple[str, str], after: tuple[str, int], when) -> DecisionPoint:
    """Stalin's answer on air cover when China's entry depends on it (the Black Sea meeting, or a later one)."""
    return DecisionPoint(
        id=id_,
        title=title,
        dated="1950-10-11" if id_ == "black_sea" else None,
        window=window,
        after=after,
        decider="stalin",
        options=("air_cover_now", "air_cover_later", "no_air_cover"),
        labels={
            "air_cover_now": "give air cover at once",
            "air_cover_later": "air force in 2-2.5 months",
            "no_air_cover": "no air cover",
        },
        historical="air_cover_later" if id_ == "black_sea" else None,
        when=when,
        features=air_terms_features,
        effect=air_cover_by_option(MOSCOW_ADVICE),
        evidence=("shen.black_sea", "shen.stalin_suspicion", "shen.conclusion"),
        narrative="Zhou Enlai tells Stalin that China's entry depends on Soviet air cover.",
    )


black_sea = air_terms_point(
    "black_sea", "Stalin and Zhou at the Black Sea", ("1950-08-27", "1950-11-25"), ("china_asked_day", 10),
    asked_in_october,
)  # fmt: skip
stalin_air_terms = air_terms_point(
    "stalin_air_terms", "Stalin's terms for air cover", (EARLY, LATE), ("china_asked_day", 7), asked_another_time
)


def mao_decision_features(v: View) -> Features:
    """Mao deciding whether China enters (shen.mao_12oct, essay.mao_reasons, essay.mao_no_choice).

    Enter: his case for entry and Moscow's advice (+1 go in, -1 let Kim
    retreat). Stop: his case against entry.
    """
    return {
        "enter": {**mao_case_for_entry(v), "alliance_dependence": v.moscow_advice},
        "stop": mao_case_against_entry(v),
    }


def _mao_decides(fx: Firing) -> None:
    commit_china(fx, *fx.chose(fx.options[0]))
    refuse_china(fx, *fx.chose(fx.options[1]))


mao_12oct = DecisionPoint(
    id="mao_12oct",
    title="Mao's decision of 12 October",
    dated="1950-10-12",
    window=("1950-08-28", "1950-11-26"),
    after=("black_sea", 1),
    decider="mao",
    options=("enter", "stop"),
    labels={"enter": "go ahead with the entry", "stop": "stop the entry plan"},
    historical="stop",
    question="china_enters",
    stances={"enter": "enter", "stop": "stay_out"},
    when=asked_in_october,
    features=mao_decision_features,
    effect=_mao_decides,
    evidence=("shen.mao_12oct", "shen.black_sea", "essay.mao_reasons"),
    narrative="The Stalin-Zhou telegram reaches Mao: no air cover for two months, Kim should retreat.",
)


def awaiting_beijing(v: View) -> Mask:
    """China was asked outside the autumn of 1950 and has neither committed nor refused."""
    return asked_another_time(v) & ~v.china_committed & ~v.china_stop


beijing_answers = DecisionPoint(
    id="beijing_answers",
    title="Beijing answers the call for troops",
    window=(EARLY, LATE),
    after=("china_asked_day", 10),
    decider="mao",
    options=("enter", "stop"),
    labels={"enter": "send troops", "stop": "stay out"},
    historical=None,
    question="china_enters",
    stances={"enter": "enter", "stop": "stay_out"},
    when=awaiting_beijing,
    features=mao_decision_features,
    effect=_mao_decides,
    evidence=("essay.mao_reasons", "shen.politburo_5oct", "shen.conclusion"),
    narrative="Moscow asks Beijing to send volunteers; Mao decides with the Politburo.",
)

NODES = (
    kim_appeal,
    stalin_reply,
    mao_cable_2oct,
    politburo_5oct,
    stalin_air_terms,
    black_sea,
    mao_12oct,
    beijing_answers,
)
