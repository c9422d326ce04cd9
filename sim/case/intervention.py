"""June-September 1950: the Security Council, Truman's decision, China's offer, Inchon, the UN crossing.

The Soviet boycott of the UN let the Security Council authorise UN action,
and Truman, reading the attack through the 1930s, sent US forces
(essay.un_boycott, essay.us_decision). Mao offered troops in July; with the
KPA advancing, Stalin judged them unnecessary and stopped replying
(shen.july_offer, shen.stalin_suspicion). The KPA drove the UN into the
Pusan pocket; the Inchon landing cut its supply line, and the UN crossed the
38th in pursuit (essay.pusan_inchon, essay.cross_38th, shen.timing).
"""

from __future__ import annotations

import numpy as np

from sim.case import military
from sim.case.effects import enter_china
from sim.case.features import at_war, in_window, stalin_distrust, us_at_war
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import ChanceNode, DecisionPoint, Event, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- the Security Council (Stalin decides)
def unsc_features(v: View) -> Features:
    """Stalin at the Security Council (essay.un_boycott).

    Boycott: the protest over the PRC's seat (1). Return and veto: lowers the
    risk of war with the US by 0.3 x his belief that the US will fight (0-0.3).
    """
    return {
        "boycott": {"prc_seat_protest": 1.0},
        "return_and_veto": {"avoid_us_war": 0.3 * v.stalin_p_us},
    }


def _unsc(fx: Firing) -> None:
    fx.s.un_sanctioned[fx.chose("boycott")[0]] = True


un_security_council = DecisionPoint(
    id="un_security_council",
    title="The Security Council votes",
    window=(EARLY, LATE),
    after=("war_start", 0),
    decider="stalin",
    options=("boycott", "return_and_veto"),
    labels={"boycott": "keep boycotting the UN", "return_and_veto": "return and veto"},
    historical="boycott",
    when=at_war,
    features=unsc_features,
    effect=_unsc,
    evidence=("essay.un_boycott",),
    narrative="The Security Council meets on the invasion; the Soviet seat is empty over the PRC's exclusion.",
)


# ---------------------------------------------------------------- Truman's decision to fight
def us_intervention_features(v: View) -> Features:
    """Truman on fighting (essay.us_decision, essay.un_boycott, essay.allies_alarm, essay.korea_priority).

    Intervene: the lesson of the 1930s (1), the UN mandate (1 if the Security
    Council authorised action, else 0), the allies' alarm (1), and containment
    in Asia, the more pressing since China fell (0.5, 1 once the PRC exists).
    Stay out: Korea's low priority (1) and the risk of a wider war (0.5).
    """
    return {
        "intervene": {
            "munich_analogy": np.ones(len(v)),
            "un_collective_security": v.un_sanctioned * 1.0,
            "allied_credibility": np.ones(len(v)),
            "containment_asia": 0.5 + 0.5 * v.prc,
        },
        "stay_out": {"korea_low_priority": np.ones(len(v)), "limit_war": np.full(len(v), 0.5)},
    }


def _us_intervention(fx: Firing) -> None:
    idx, _ = fx.chose("intervene")
    fx.s.us_in[idx] = True
    fx.s.stalin_p_us[fx.idx] = np.where(fx.choice == 0, 1.0, 0.0)


us_intervention = DecisionPoint(
    id="us_intervention",
    title="Truman's decision to fight",
    window=(EARLY, LATE),
    after=("war_start", 2),
    decider="truman",
    options=("intervene", "stay_out"),
    labels={"intervene": "send US forces", "stay_out": "stay out"},
    historical="intervene",
    when=at_war,
    features=us_intervention_features,
    effect=_us_intervention,
    evidence=("essay.us_decision", "shen.us_entry", "essay.counterfactual_no_us"),
    narrative="Truman decides whether to defend the South.",
)


# ---------------------------------------------------------------- Stalin's air promise and China's July offer
def _air_promise(fx: Firing) -> None:
    fx.s.air_cover[fx.idx] = fx.param("air_cover.promise", fx.idx)


stalin_air_promise = Event(
    id="stalin_air_promise",
    title="Stalin promises air cover for Chinese volunteers",
    window=(EARLY, LATE),
    after=("war_start", 10),
    when=us_at_war,
    effect=_air_promise,
    evidence=("shen.july_offer",),
    narrative="Stalin wires that he will try to give Chinese volunteers air cover.",
    movable=False,
)


def kpa_need(v: View) -> np.ndarray:
    """How much the KPA needs help while it advances: 0 at 35.2N (near Pusan), 1 at 38N and north.

    While the KPA drives south, Stalin judged Chinese troops unnecessary
    (shen.stalin_suspicion).
    """
    return 1.0 - np.clip((38.0 - v.front) / 2.8, 0.0, 1.0)


def offer_features(v: View) -> Features:
    """Stalin on China's offer of troops (shen.july_offer, shen.stalin_suspicion).

    Accept: the KPA's need (0-1) for a friendly Korea. Stop replying: the
    Chinese influence he distrusts (0-1) and a slight risk of widening the war
    (0.1 x his belief the US fights).
    """
    return {
        "accept_troops": {"friendly_korea": kpa_need(v)},
        "stop_replying": {"distrust_ccp": stalin_distrust(v), "avoid_us_war": 0.1 * v.stalin_p_us},
    }


JULY_OFFER = ("1950-06-04", "1950-09-02")  # Mao's offer of 19 July 1950, +-45 days


def china_can_offer(v: View) -> Mask:
    """US forces fight and Chinese troops are not in Korea."""
    return v.war & v.us_in & ~v.china_in


def offer_out_of_july(v: View) -> Mask:
    """China can offer troops and the offer comes outside July 1950 (the generic twin's condition)."""
    return china_can_offer(v) & ~in_window(v, *JULY_OFFER)


def _offer(fx: Firing) -> None:
    idx, days = fx.chose("accept_troops")
    enter_china(fx, idx, days + 17, np.full(len(idx), 120.0))


def offer_point(id_: str, title: str, window: tuple[str, str], when) -> DecisionPoint:
    """Stalin's answer to a Chinese offer of troops made once US forces fight (the July 1950 offer or a later one)."""
    return DecisionPoint(
        id=id_,
        title=title,
        dated="1950-07-19" if id_ == "china_offer_july" else None,
        window=window,
        after=("war_start", 24),
        decider="stalin",
        options=("accept_troops", "stop_replying"),
        labels={"accept_troops": "take up Mao's offer of troops now", "stop_replying": "stop replying"},
        historical="stop_replying" if id_ == "china_offer_july" else None,
        question="china_enters",
        stances={"accept_troops": "enter", "stop_replying": "stay_out"},
        when=when,
        features=offer_features,
        effect=_offer,
        evidence=("shen.july_offer", "shen.stalin_suspicion"),
        narrative="Mao offers troops; the KPA is still advancing.",
    )


china_offer_july = offer_point("china_offer_july", "China's July offer of troops", JULY_OFFER, china_can_offer)
china_offer = offer_point("china_offer", "China offers troops", (EARLY, LATE), offer_out_of_july)


# ---------------------------------------------------------------- Inchon (MacArthur decides, chance decides the result)
def envelopment(v: View) -> np.ndarray:
    """How overextended the KPA supply line is: 0 with the line at 38N, 1 at 35.5N (essay.pusan_inchon)."""
    return np.clip((38.0 - v.front) / 2.5, 0.0, 1.0)


def landing_features(v: View) -> Features:
    """The UN commander on a landing: the envelopment (0-1) vs the hazard of Inchon (0.5) (essay.pusan_inchon)."""
    return {"land": {"envelopment": envelopment(v)}, "no_landing": {"landing_risk": np.full(len(v), 0.5)}}


def pusan_held(v: View) -> Mask:
    """US forces fight and the line is pressed south of 37.2N (the Pusan perimeter)."""
    return v.war & v.us_in & (v.front < 37.2)


def _landing(fx: Firing) -> None:
    fx.s.landed[fx.chose("land")[0]] = True


inchon_landing = DecisionPoint(
    id="inchon_landing",
    title="MacArthur's landing at Inchon",
    window=(EARLY, LATE),
    after=("war_start", 82),
    decider="un_command",
    options=("land", "no_landing"),
    labels={"land": "land at Inchon", "no_landing": "fight it out at Pusan"},
    historical="land",
    when=pusan_held,
    features=landing_features,
    effect=_landing,
    evidence=("essay.pusan_inchon",),
    narrative="The UN holds the Pusan perimeter; the KPA's supply line runs the length of Korea.",
    removable=True,
)


def landed(v: View) -> Mask:
    """The war goes on and the UN has landed."""
    return v.war & v.landed


def _inchon_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(the landing cuts the KPA): high, unless Chinese troops hold the KPA's rear."""
    p = model.param("chance.inchon_success")[v.idx] * (1.0 - model.param("chance.inchon_rear_held")[v.idx] * v.china_in)
    return {"success": p, "failure": 1.0 - p}


def _inchon_result(fx: Firing) -> None:
    s = fx.s
    idx, _ = fx.chose("success")
    loss = s.kpa[idx] * fx.param("force.inchon_kpa_loss", idx)
    s.kpa[idx] -= loss
    s.front[idx] = np.minimum(s.front[idx] + military.M.inchon_jump, 37.8)
    s.deaths_kpa[idx] += 0.4 * loss
    s.kpa_rout[idx] = 6.0
    failed, _ = fx.chose("failure")
    s.deaths_us[failed] += 3.0
    s.us[failed] -= 15.0


inchon_result = ChanceNode(
    id="inchon_result",
    title="Does the landing cut the KPA?",
    window=(EARLY, LATE),
    after=("inchon_landing", 0),
    options=("success", "failure"),
    historical="success",
    when=landed,
    probabilities=_inchon_probs,
    effect=_inchon_result,
    evidence=("essay.pusan_inchon", "shen.timing"),
    narrative="The landing force goes ashore behind the KPA's lines.",
)


# ---------------------------------------------------------------- Stalin after Inchon
def kpa_losing(v: View) -> np.ndarray:
    """How badly the KPA is doing: 0 on the way to Pusan (36N), 1 when routed north of 38.5N (shen.timing)."""
    return np.clip((v.front - 36.0) / 2.5, 0.0, 1.0)


def after_inchon_features(v: View) -> Features:
    """Stalin on asking for Chinese troops now (shen.timing, shen.stalin_suspicion).

    Invite: the routed KPA's need (0-1). Wait: the Chinese influence he
    distrusts (0-1) and a slight risk of widening the war (0.1).
    """
    return {
        "invite_china": {"friendly_korea": kpa_losing(v)},
        "wait": {"distrust_ccp": stalin_distrust(v), "avoid_us_war": np.full(len(v), 0.1)},
    }


def inchon_succeeded(v: View) -> Mask:
    """US forces fight, no Chinese troops are in Korea, and the landing cut the KPA."""
    return v.war & v.us_in & ~v.china_in & v.chose("inchon_result", "success")


def _after_inchon(fx: Firing) -> None:
    idx, days = fx.chose("invite_china")
    enter_china(fx, idx, days + 7, fx.param("force.cpv_first_crossing", idx))


stalin_after_inchon = DecisionPoint(
    id="stalin_after_inchon",
    title="Stalin and Chinese troops after Inchon",
    window=(EARLY, LATE),
    after=("inchon_result", 7),
    decider="stalin",
    options=("invite_china", "wait"),
    labels={"invite_china": "ask Mao to send troops now", "wait": "wait (no Chinese troops yet)"},
    historical="wait",
    question="china_enters",
    stances={"invite_china": "enter", "wait": "stay_out"},
    when=inchon_succeeded,
    features=after_inchon_features,
    effect=_after_inchon,
    evidence=("shen.timing", "shen.stalin_suspicion"),
    narrative="The landing has cut the KPA; Seoul is about to fall back to the UN.",
)


NODES = (
    un_security_council,
    us_intervention,
    stalin_air_promise,
    china_offer_july,
    china_offer,
    inchon_landing,
    inchon_result,
    stalin_after_inchon,
)
