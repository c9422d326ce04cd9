"""The case: every decision point, chance node and event of the model, in causal order.

Each decision point names its decider, options, the historical choice and
date window, when it fires, the features of each option (term -> value; the
weights belong to the decider, ``agents/``), and what each option does to the
world. Features lie in about [-1, 1]; their definitions are the modelling
claims, stated in each function's docstring. Dates are the sources' dates
(``HISTORY.md``); points tied to the war's course are scheduled relative to
the day the war started or to the previous step, so a different history
moves them too.
"""

from __future__ import annotations

import numpy as np

from sim.case import military
from sim.case.outcomes import Final
from sim.engine import dates
from sim.engine.nodes import ChanceNode, DecisionPoint, Event, Firing, Node, always
from sim.engine.state import View, WorldState

D = dates.day
EARLY, LATE = "1949-01-01", "1956-12-31"


# ---------------------------------------------------------------- features
def border_threat(v: View) -> np.ndarray:
    """UN forces' nearness to the Yalu: 0 at 37.5N, 1 at 40.5N (Mao's border worry)."""
    return np.clip((v.front - 37.5) / 3.0, 0.0, 1.0)


def quick_win(v: View) -> np.ndarray:
    """Stalin's estimate that the KPA wins before the US can act (0-1).

    Rises as Soviet arms build the KPA up (March 1949 -> June 1950), with the
    PRC as a backstop of reinforcements, and falls while US troops are in the
    South (essay.kim_requests, essay.changed_situation).
    """
    ready = np.clip((v.day - D("1949-03-01")) / (D("1950-06-01") - D("1949-03-01")), 0.0, 1.0)
    return np.clip(0.15 + 0.5 * ready + 0.2 * v.prc - 0.3 * v.us_troops_south, 0.0, 1.0)


def kpa_losing(v: View) -> np.ndarray:
    """How badly the KPA is doing: 0 on the way to Pusan, 1 when routed north of the 38th."""
    return np.clip((v.front - 36.0) / 2.5, 0.0, 1.0)


def chinese_troops_now(v: View, need: np.ndarray) -> dict:
    """Stalin on letting Chinese troops in now: Chinese influence he distrusts vs the KPA's need.

    ``need`` is how much the KPA needs help (0 while it advances); a slight
    escalation risk counts against (shen.stalin_suspicion, shen.timing).
    """
    return {"distrust_ccp": -(1.0 - v.stalin_trust_ccp), "friendly_korea": need, "avoid_us_war": -0.1}


def moscow_line(v: View) -> np.ndarray:
    """Moscow's advice to Beijing after the Black Sea meeting: +0.5 go in, -1 retreat."""
    return np.where(v.air_cover >= 0.99, 0.5, -1.0)


def line_at_38th(v: View) -> np.ndarray:
    """How close the line is to the 38th parallel (1 on it, 0 at 1.5 deg away)."""
    return np.clip(1.0 - np.abs(v.front - 38.0) / 1.5, 0.0, 1.0)


def weariness(v: View) -> np.ndarray:
    """Weariness of casualties: 0 before mid-1952, 1 a year later (essay.war_weariness)."""
    return np.clip((v.day - D("1952-06-01")) / 365.0, 0.0, 1.0)


# ---------------------------------------------------------------- effects
def set_days(s: WorldState, name: str, idx: np.ndarray, days: np.ndarray) -> None:
    s.set_day(name, idx, np.broadcast_to(days, idx.shape).astype(np.int32))


def settle(fx: Firing, idx: np.ndarray, days: np.ndarray, holdout: bool = False) -> None:
    """Both sides accept terms: the armistice is signed after the negotiation delay."""
    s = fx.s
    delay = fx.param("delay.negotiation", idx) + holdout * fx.param("delay.china_holdout", idx)
    s.china_settle[idx] = True
    set_days(s, "china_settle_day", idx, days)
    set_days(s, "settle_due", idx, days + delay.astype(np.int32))


def _request(fx: Firing) -> None:
    s = fx.s
    s.kim_requests[fx.idx] += 1
    idx, days = fx.chose("approve")
    s.approved[idx] = True
    set_days(s, "approval_day", idx, days)


def _request_features(v: View):
    """Stalin on Kim's request: risk of a long war with the US vs a friendly Korea."""
    q = quick_win(v)
    return {
        "approve": {
            "avoid_us_war": -v.stalin_p_us * (1.0 - q),
            "friendly_korea": q,
            "kim_pressure": np.minimum((v.kim_requests + 1.0) / 3.0, 1.0),
        }
    }


def _not_approved(v: View):
    return ~v.approved & ~v.war


def kim_request(id_: str, title: str, window, historical, *, every=0, max_times=1) -> DecisionPoint:
    return DecisionPoint(
        id=id_,
        title=title,
        window=window,
        when=_not_approved,
        effect=_request,
        evidence=("essay.kim_requests", "essay.stalin_conditions", "blog.persuasion", "shen.approval_decisive"),
        every=every,
        max_times=max_times,
        decider="stalin",
        options=("approve", "refuse"),
        labels={"approve": "approve the invasion", "refuse": "refuse it"},
        historical=historical,
        features=_request_features,
        question="stalin_approves",
        stances={"approve": "approve", "refuse": "refuse"},
        narrative="Kim asks Stalin for permission to attack the South.",
        scope="all",
    )


def _event(id_, title, date, effect, evidence, narrative, when=None, **kw) -> Event:
    return Event(
        removable=True,
        **kw,
        id=id_,
        title=title,
        window=(date, date),
        when=when or always,
        effect=effect,
        evidence=evidence,
        narrative=narrative,
        scope="all",
    )


def _us_withdrawal(fx: Firing) -> None:
    fx.s.us_troops_south[fx.idx] = False
    fx.s.stalin_p_us[fx.idx] = fx.param("belief.p_us_after_withdrawal", fx.idx)


def _scale_belief(factor: str):
    def effect(fx: Firing) -> None:
        fx.s.stalin_p_us[fx.idx] *= fx.param(factor, fx.idx)

    return effect


def _prc(fx: Firing) -> None:
    fx.s.prc[fx.idx] = True
    fx.s.stalin_p_us[fx.idx] *= fx.param("belief.prc_factor", fx.idx)


def _treaty(fx: Firing) -> None:
    fx.s.stalin_p_us[fx.idx] *= fx.param("belief.treaty_factor", fx.idx)
    fx.s.alliance[fx.idx] = 0.5


def _mao_consent(fx: Firing) -> None:
    s = fx.s
    s.mao_ok[fx.chose("approve")[0]] = True
    refused = fx.chose("refuse")[0]
    s.approved[refused] = False


def _invasion(fx: Firing) -> None:
    idx, days = fx.chose("attack")
    fx.s.war[idx] = True
    set_days(fx.s, "war_start", idx, days)


def _unsc(fx: Firing) -> None:
    fx.s.un_sanctioned[fx.chose("boycott")[0]] = True


def _us_intervention(fx: Firing) -> None:
    idx, _ = fx.chose("intervene")
    fx.s.us_in[idx] = True
    fx.s.stalin_p_us[fx.idx] = np.where(fx.choice == 0, 1.0, 0.0)


def _air_promise(fx: Firing) -> None:
    fx.s.air_cover[fx.idx] = 0.7


def enter_china(fx: Firing, idx: np.ndarray, days: np.ndarray, strength: np.ndarray) -> None:
    """Chinese troops enter Korea: the CPV joins the fight with surprise on its side."""
    s = fx.s
    s.china_in[idx] = True
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "china_entry_day", idx, days)
    s.cpv[idx] = strength
    s.cpv_surprise[idx] = military.M.lure_weeks + military.M.surprise_weeks
    s.alliance[idx] = np.maximum(s.alliance[idx], 0.8)


def _july_offer(fx: Firing) -> None:
    idx, days = fx.chose("accept_troops")
    enter_china(fx, idx, days + 17, np.full(len(idx), 120.0))


def _after_inchon(fx: Firing) -> None:
    idx, days = fx.chose("invite_china")
    enter_china(fx, idx, days + 7, fx.param("force.cpv_first_crossing", idx))


def _landing(fx: Firing) -> None:
    fx.s.landed[fx.chose("land")[0]] = True


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


def _cross(fx: Firing) -> None:
    fx.s.halt_line[fx.chose("cross")[0]] = 99.0
    fx.s.halt_line[fx.chose("halt")[0]] = 38.3


def _kim_appeal(fx: Firing) -> None:
    idx, days = fx.chose("ask_beijing_first")
    ask_china(fx, idx, days)


def ask_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    """China is asked to send troops; Mao's October resolve is set (variant-dependent)."""
    set_days(fx.s, "china_asked_day", idx, days)
    fx.s.mao_resolve[idx] = fx.param("belief.mao_resolve_oct1950", idx)


def _stalin_reply(fx: Firing) -> None:
    s = fx.s
    sent, _ = fx.chose("send_troops")
    s.soviet_ground[sent] = True
    s.superpower_war[sent] = s.us_in[sent]
    idx, days = fx.chose("refer_to_china")
    ask_china(fx, idx, days)


def _cable(fx: Firing) -> None:
    idx, _ = fx.chose("agree")
    fx.s.mao_resolve[idx] = np.minimum(fx.s.mao_resolve[idx] + 0.1, 1.0)
    fx.s.stalin_trust_ccp[idx] += 0.05


def _politburo_5oct(fx: Firing) -> None:
    fx.s.china_committed[fx.chose("send")[0]] = True


def _black_sea(fx: Firing) -> None:
    fx.s.air_cover[fx.idx] = np.array([1.0, 0.5, 0.15])[fx.choice]


def commit_china(fx: Firing, idx: np.ndarray, days: np.ndarray) -> None:
    s = fx.s
    s.china_committed[idx] = True
    s.china_stop[idx] = False
    set_days(s, "committed_day", idx, days)


def _mao_12oct(fx: Firing) -> None:
    commit_china(fx, *fx.chose("enter"))
    stop, _ = fx.chose("stop")
    fx.s.china_stop[stop] = True
    fx.s.china_committed[stop] = False


def _evacuation(fx: Firing) -> None:
    idx, days = fx.chose("order_evacuation")
    fx.s.evac_ordered[idx] = True
    fx.s.evac_active[idx] = True
    set_days(fx.s, "evac_day", idx, days)


def _politburo_13oct(fx: Firing) -> None:
    idx, days = fx.chose("intervene")
    commit_china(fx, idx, days)
    fx.s.mao_resolve[idx] = np.minimum(fx.s.mao_resolve[idx] + 0.1, 1.0)


def _cancel(fx: Firing) -> None:
    fx.s.evac_active[fx.chose("cancel")[0]] = False


def _yalu(fx: Firing) -> None:
    fx.s.air_cover[fx.idx] = np.array([1.0, 0.5, 0.15])[fx.choice]


def _cpv_crossing(fx: Firing) -> None:
    idx, days = fx.chose("cross")
    enter_china(fx, idx, days, fx.param("force.cpv_first_crossing", idx))


def _reconsider(fx: Firing) -> None:
    commit_china(fx, *fx.chose("enter"))


def _engagement(fx: Firing) -> None:
    s = fx.s
    s.stalin_trust_ccp[fx.idx] = np.minimum(
        s.stalin_trust_ccp[fx.idx] + fx.param("belief.trust_after_engagement", fx.idx), 1.0
    )


def _air_entry(fx: Firing) -> None:
    idx, days = fx.chose("commit_air")
    fx.s.soviet_air[idx] = True
    set_days(fx.s, "soviet_air_day", idx, days)
    fx.s.alliance[idx] = np.minimum(fx.s.alliance[idx] + 0.1, 1.0)


def _secrecy(fx: Firing) -> None:
    fx.s.air_war_public[fx.chose("publicise")[0]] = True


def _escalation_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(open US-Soviet war | the air war made public): public pressure for war."""
    p = model.param("chance.escalation_if_public")[v.idx]
    return {"superpower_war": p, "contained": 1.0 - p}


def _escalation(fx: Firing) -> None:
    fx.s.superpower_war[fx.chose("superpower_war")[0]] = True


def _third(fx: Firing) -> None:
    s = fx.s
    idx, _ = fx.chose("attack_now")
    s.cpv_push[idx] = 4.0
    spent = 0.1 * s.cpv[idx]
    s.cpv[idx] -= spent
    s.deaths_cpv[idx] += 0.3 * spent


def _ceasefire_jan51(fx: Firing) -> None:
    s = fx.s
    idx, days = fx.chose("accept")
    s.talks[idx] = True
    set_days(s, "talks_day", idx, days)
    s.moscow_settle[idx] = True
    set_days(s, "moscow_settle_day", idx, days)
    settle(fx, idx, days)


def _peng_pause(fx: Firing) -> None:
    s = fx.s
    idx, _ = fx.chose("pursue")
    s.cpv_push[idx] = 4.0
    spent = 0.15 * s.cpv[idx]
    s.cpv[idx] -= spent
    s.deaths_cpv[idx] += 0.3 * spent


def _fifth_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(a spring offensive succeeds): the documented edge, scaled by the balance of forces."""
    ratio = (v.cpv + v.kpa) / np.maximum(v.us + v.rok, 1.0)
    p = np.clip(model.param("chance.fifth_campaign_edge")[v.idx] * ratio, 0.0, 0.9)
    return {"succeeds": p, "fails": 1.0 - p}


def _fifth(fx: Firing) -> None:
    s = fx.s
    ok, _ = fx.chose("succeeds")
    s.front[ok] -= 0.8
    s.cpv_push[ok] = 3.0
    bad, _ = fx.chose("fails")
    lost = 0.12 * s.cpv[bad]
    s.cpv[bad] -= lost
    s.deaths_cpv[bad] += 0.5 * lost


def _talks(fx: Firing) -> None:
    idx, days = fx.chose("open_talks")
    fx.s.talks[idx] = True
    set_days(fx.s, "talks_day", idx, days)


def _dprk_ceasefire(fx: Firing) -> None:
    s = fx.s
    idx, days = fx.chose("seek_ceasefire")
    s.talks[idx] = True
    set_days(s, "talks_day", idx, days)
    s.moscow_settle[idx] = True
    set_days(s, "moscow_settle_day", idx, days)
    settle(fx, idx, days)


def _pow_policy(fx: Firing) -> None:
    fx.s.pow_issue[fx.chose("no_forced_repatriation")[0]] = True


def _moscow_settles(option: str):
    def effect(fx: Firing) -> None:
        idx, days = fx.chose(option)
        fx.s.moscow_settle[idx] = True
        set_days(fx.s, "moscow_settle_day", idx, days)

    return effect


def _pow_deadlock(fx: Firing) -> None:
    idx, days = fx.chose("concede")
    fx.s.china_settle[idx] = True
    set_days(fx.s, "china_settle_day", idx, days)


def _stalin_death(fx: Firing) -> None:
    fx.s.stalin_alive[fx.idx] = False
    set_days(fx.s, "stalin_death_day", fx.idx, fx.day)


def _inauguration(fx: Firing) -> None:
    fx.s.eisenhower[fx.idx] = True


def _holdout(fx: Firing) -> None:
    settle(fx, *fx.chose("accept_terms"))
    settle(fx, *fx.chose("hold_out"), holdout=True)


def _eisenhower_terms(fx: Firing) -> None:
    idx, days = fx.chose("offer_more")
    s = fx.s
    sooner = np.minimum(s.settle_due[idx], days + fx.param("delay.negotiation", idx).astype(np.int32))
    set_days(s, "settle_due", idx, sooner)


def _rhee(fx: Firing) -> None:
    idx, _ = fx.chose("obstruct")
    s = fx.s
    set_days(s, "settle_due", idx, s.settle_due[idx] + fx.param("delay.rhee_obstruction", idx).astype(np.int32))


def _armistice(fx: Firing) -> None:
    s = fx.s
    s.war[fx.idx] = False
    set_days(s, "armistice_day", fx.idx, fx.day)
    set_days(s, "war_end", fx.idx, fx.day)
    s.outcome[fx.idx] = Final.DIVIDED


NO_WAR, DPRK_UNIFIES, ROK_UNIFIES, DIVIDED, ONGOING = Final  # the old names of the codes


def end_by_conquest(s: WorldState, day: int) -> None:
    """End the war where one side's state has collapsed.

    The South falls when the line reaches Pusan (35.25N); the North falls when
    UN forces stand near the Yalu (40.4N) with no Chinese army in Korea, or
    when Kim has been under an evacuation order for four weeks without
    Chinese help (essay.pusan_inchon, int001.evacuation, shen.conclusion).
    """
    front, at_war, no_china = s.front, s.war, ~s.china_in
    south = (front <= 35.25) & at_war
    north = ((front >= 40.4) & no_china) | (front >= 41.2) | (s.evac_active & (day >= s.evac_day + 28) & no_china)
    for mask, code in ((south, Final.DPRK_UNIFIES), (north & ~south & at_war, Final.ROK_UNIFIES)):
        done = np.flatnonzero(mask)
        s.war[done] = False
        s.war_end[done] = day
        s.outcome[done] = code


def china_can_enter(v: View) -> np.ndarray:
    return v.war & ~v.china_in


NODES: tuple[Node, ...] = (
    kim_request("kim_request_1", "Kim's first request (Moscow, March 1949)", ("1949-03-05", "1949-03-31"), "refuse"),
    _event(
        "us_withdrawal",
        "US occupation troops leave the South",
        "1949-06-29",
        _us_withdrawal,
        ("essay.kim_requests",),
        "The last US combat troops leave South Korea.",
    ),
    kim_request("kim_request_2", "Kim's second request (August 1949)", ("1949-08-12", "1949-09-30"), "refuse"),
    _event(
        "soviet_bomb",
        "Soviet atomic bomb test",
        "1949-08-29",
        _scale_belief("belief.bomb_factor"),
        ("essay.changed_situation",),
        "The USSR tests its first atomic bomb.",
    ),
    _event(
        "prc_founded",
        "People's Republic of China founded",
        "1949-10-01",
        _prc,
        ("essay.changed_situation",),
        "Mao proclaims the People's Republic; the US did not fight for China.",
    ),
    kim_request("kim_request_3", "Kim's third request (January 1950)", ("1950-01-30", "1950-02-28"), "approve"),
    _event(
        "sino_soviet_treaty",
        "Sino-Soviet treaty of alliance",
        "1950-02-14",
        _treaty,
        ("essay.changed_situation",),
        "Moscow and Beijing sign a treaty of alliance.",
        after_events=("prc_founded",),
    ),
    kim_request("kim_request_renewed", "Kim asks again", ("1950-04-01", "1952-12-31"), None, every=91, max_times=8),
    DecisionPoint(
        id="mao_consent",
        title="Mao's consent to the invasion",
        window=("1949-06-01", "1953-06-30"),
        when=lambda v: v.approved & ~v.mao_ok & ~v.war,
        after=("approval_day", 105),
        every=91,
        max_times=4,
        effect=_mao_consent,
        evidence=("essay.mao_no_choice", "shen.us_entry"),
        decider="mao",
        options=("approve", "ask_delay", "refuse"),
        historical="approve",
        labels={"approve": "approve the plan", "ask_delay": "ask to wait until after Taiwan", "refuse": "refuse"},
        features=lambda v: {
            "approve": {"alliance_dependence": 1.0, "taiwan_first": -0.5},
            "ask_delay": {"alliance_dependence": -0.3, "taiwan_first": 0.5},
            "refuse": {"alliance_dependence": -1.0},
        },
        narrative="Stalin makes Mao's approval a condition; Kim goes to Beijing.",
    ),
    DecisionPoint(
        id="invasion",
        title="The invasion of the South",
        window=("1949-06-01", "1953-06-30"),
        when=lambda v: v.approved & v.mao_ok & ~v.war & (v.war_start < 0),
        after=("approval_day", 146),
        every=28,
        max_times=6,
        effect=_invasion,
        evidence=("essay.kim_requests", "blog.swift_war"),
        decider="kim",
        options=("attack", "hold"),
        historical="attack",
        labels={"attack": "attack across the 38th", "hold": "hold back"},
        features=lambda v: {"attack": {"reunify_by_force": 1.0, "fear_of_failure": -(1.0 - quick_win(v))}},
        narrative="With Stalin's plan and Mao's consent, Kim decides whether to attack.",
    ),
    DecisionPoint(
        id="un_security_council",
        title="The Security Council votes",
        window=(EARLY, LATE),
        when=lambda v: v.war,
        after=("war_start", 0),
        effect=_unsc,
        evidence=("essay.un_boycott",),
        decider="stalin",
        options=("boycott", "return_and_veto"),
        historical="boycott",
        labels={"boycott": "keep boycotting the UN", "return_and_veto": "return and veto"},
        features=lambda v: {
            "boycott": {"prc_seat_protest": 1.0},
            "return_and_veto": {"avoid_us_war": 0.3 * v.stalin_p_us},
        },
        narrative="The Security Council meets on the invasion; the Soviet seat is empty over the PRC's exclusion.",
    ),
    DecisionPoint(
        id="us_intervention",
        title="Truman's decision to fight",
        window=(EARLY, LATE),
        when=lambda v: v.war,
        after=("war_start", 2),
        effect=_us_intervention,
        evidence=("essay.us_decision", "shen.us_entry", "essay.counterfactual_no_us"),
        decider="truman",
        options=("intervene", "stay_out"),
        historical="intervene",
        labels={"intervene": "send US forces", "stay_out": "stay out"},
        features=lambda v: {
            "intervene": {
                "munich_analogy": 1.0,
                "un_collective_security": v.un_sanctioned * 1.0,
                "containment_asia": 1.0,
                "limit_war": -0.5,
            },
        },
        narrative="Truman decides whether to defend the South.",
    ),
    Event(
        id="stalin_air_promise",
        title="Stalin promises air cover for Chinese volunteers",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.us_in,
        after=("war_start", 10),
        effect=_air_promise,
        evidence=("shen.july_offer",),
        narrative="Stalin wires that he will try to give Chinese volunteers air cover.",
        movable=False,
    ),
    DecisionPoint(
        id="china_offer_july",
        title="China's July offer of troops",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.us_in & ~v.china_in,
        after=("war_start", 24),
        effect=_july_offer,
        evidence=("shen.july_offer", "shen.stalin_suspicion"),
        decider="stalin",
        options=("accept_troops", "stop_replying"),
        historical="stop_replying",
        labels={"accept_troops": "take up Mao's offer of troops now", "stop_replying": "stop replying"},
        features=lambda v: {"accept_troops": chinese_troops_now(v, 1.0 - np.clip((38.0 - v.front) / 2.8, 0.0, 1.0))},
        question="china_enters",
        stances={"accept_troops": "enter", "stop_replying": "stay_out"},
        narrative="Mao offers 320,000 men; the KPA is still advancing.",
    ),
    DecisionPoint(
        id="inchon_landing",
        removable=True,
        title="MacArthur's landing at Inchon",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.us_in & (v.front < 37.2),
        after=("war_start", 82),
        effect=_landing,
        evidence=("essay.pusan_inchon",),
        decider="macarthur",
        options=("land", "no_landing"),
        historical="land",
        labels={"land": "land at Inchon", "no_landing": "fight it out at Pusan"},
        features=lambda v: {"land": {"envelopment": np.clip((38.0 - v.front) / 2.5, 0.0, 1.0), "landing_risk": -0.5}},
        narrative="The UN holds the Pusan perimeter; the KPA's supply line runs the length of Korea.",
    ),
    ChanceNode(
        id="inchon_result",
        title="Does the landing cut the KPA?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.landed,
        after=("inchon_landing", 0),
        effect=_inchon_result,
        evidence=("essay.pusan_inchon", "shen.timing"),
        options=("success", "failure"),
        historical="success",
        probabilities=_inchon_probs,
        narrative="The landing force goes ashore behind the KPA's lines.",
    ),
    DecisionPoint(
        id="stalin_after_inchon",
        title="Stalin and Chinese troops after Inchon",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.us_in & ~v.china_in & v.chose("inchon_result", "success"),
        after=("inchon_result", 7),
        effect=_after_inchon,
        evidence=("shen.timing", "shen.stalin_suspicion"),
        decider="stalin",
        options=("invite_china", "wait"),
        historical="wait",
        labels={"invite_china": "ask Mao to send troops now", "wait": "wait (no Chinese troops yet)"},
        features=lambda v: {"invite_china": chinese_troops_now(v, kpa_losing(v))},
        question="china_enters",
        stances={"invite_china": "enter", "wait": "stay_out"},
        narrative="The landing has cut the KPA; Seoul is about to fall back to the UN.",
    ),
    DecisionPoint(
        id="un_cross_38th",
        title="The UN crosses the 38th parallel",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.us_in & (v.front >= 37.7) & (v.front_min < 37.0) & (v.front < 38.3),
        effect=_cross,
        evidence=("essay.cross_38th", "int000.dug_in"),
        decider="truman",
        options=("cross", "halt"),
        historical="cross",
        labels={"cross": "cross in pursuit", "halt": "halt at the parallel"},
        features=lambda v: {
            "cross": {
                "rollback": np.clip(1.0 - v.kpa / 60.0, 0.0, 1.0),
                "containment_asia": 0.5,
                "limit_war": -(0.3 + 0.7 * v.china_in),
            },
        },
        narrative="The KPA is routed and UN forces reach the 38th parallel.",
    ),
    DecisionPoint(
        id="kim_appeal",
        title="Kim's appeal for help",
        window=(EARLY, LATE),
        when=lambda v: v.war & (v.front >= 38.05) & (v.halt_line > 50) & ~v.china_in & (v.china_asked_day < 0),
        effect=_kim_appeal,
        evidence=("int001.kim_asks_moscow", "essay.kim_fears_china", "shen.kim_appeal"),
        decider="kim",
        options=("ask_moscow_first", "ask_beijing_first"),
        historical="ask_moscow_first",
        labels={"ask_moscow_first": "ask Stalin for Soviet troops", "ask_beijing_first": "ask Mao directly"},
        features=lambda v: {"ask_beijing_first": {"fear_chinese_hegemony": -1.0, "stalin_stipulation": 0.5}},
        narrative="UN forces cross the 38th; the North's regime faces collapse.",
    ),
    DecisionPoint(
        id="stalin_reply",
        title="Stalin's reply to Kim",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.chose("kim_appeal", "ask_moscow_first") & ~v.china_in,
        after=("kim_appeal", 1),
        effect=_stalin_reply,
        evidence=("int001.stalin_terrified", "essay.avoid_war_unprepared", "shen.kim_appeal"),
        decider="stalin",
        options=("send_troops", "refer_to_china"),
        historical="refer_to_china",
        labels={"send_troops": "send Soviet troops", "refer_to_china": "tell Mao to send volunteers"},
        features=lambda v: {
            "send_troops": {"avoid_us_war": -1.0, "friendly_korea": 1.0},
            "refer_to_china": {"friendly_korea": 0.6, "distrust_ccp": -0.3 * (1.0 - v.stalin_trust_ccp)},
        },
        narrative="Kim asks Stalin for direct military help.",
    ),
    DecisionPoint(
        id="mao_cable_2oct",
        title="Mao's 2 October cable",
        window=(EARLY, LATE),
        when=china_can_enter,
        after=("china_asked_day", 1),
        effect=_cable,
        evidence=("shen.cable_2oct", "shen.politburo_5oct"),
        decider="mao",
        options=("agree", "withhold"),
        historical="agree",
        labels={"agree": "tentatively agree to send troops", "withhold": "withhold troops"},
        features=lambda v: {
            "agree": {
                "border_security": border_threat(v),
                "revolutionary_resolve": v.mao_resolve,
                "air_force_condition": -(1.0 - v.air_cover),
                "taiwan_first": -0.5,
            },
        },
        question="china_enters",
        stances={"agree": "enter", "withhold": "stay_out"},
        narrative="Stalin asks Mao to send volunteers; Mao drafts his reply.",
    ),
    DecisionPoint(
        id="politburo_5oct",
        title="The Politburo meets (5 October)",
        window=(EARLY, LATE),
        when=china_can_enter,
        after=("china_asked_day", 4),
        effect=_politburo_5oct,
        evidence=("shen.politburo_5oct", "int001.beijing_resistance", "essay.chinese_reluctance"),
        decider="politburo",
        options=("send", "hold_back"),
        historical="send",
        labels={"send": "resolve to send troops", "hold_back": "hold back"},
        features=lambda v: {
            "send": {
                "domestic_reconstruction": -1.0,
                "mao_advocacy": v.mao_resolve,
                "peng_advocacy": 1.0,
                "border_security": border_threat(v),
                "fear_of_escalation": -(1.0 - v.air_cover),
            },
        },
        question="china_enters",
        stances={"send": "enter", "hold_back": "stay_out"},
        narrative="An enlarged Politburo meeting debates intervention; Mao and Peng argue for it.",
    ),
    DecisionPoint(
        id="black_sea",
        title="Stalin and Zhou at the Black Sea",
        window=(EARLY, LATE),
        when=china_can_enter,
        after=("china_asked_day", 10),
        effect=_black_sea,
        evidence=("shen.black_sea", "shen.stalin_suspicion", "shen.conclusion"),
        decider="stalin",
        options=("air_cover_now", "air_cover_later", "no_air_cover"),
        historical="air_cover_later",
        labels={
            "air_cover_now": "give air cover at once",
            "air_cover_later": "air force in 2-2.5 months",
            "no_air_cover": "no air cover",
        },
        features=lambda v: {
            "air_cover_now": {
                "avoid_us_war": -0.35,
                "distrust_ccp": -0.5 * (1.0 - v.stalin_trust_ccp),
                "friendly_korea": 1.0,
            },
            "air_cover_later": {
                "avoid_us_war": -0.1,
                "distrust_ccp": -0.2 * (1.0 - v.stalin_trust_ccp),
                "friendly_korea": 0.6,
            },
            "no_air_cover": {"friendly_korea": 0.2, "alliance_credibility": -1.0},
        },
        narrative="Zhou Enlai tells Stalin that China's entry depends on Soviet air cover.",
    ),
    DecisionPoint(
        id="mao_12oct",
        title="Mao's decision of 12 October",
        window=(EARLY, LATE),
        when=china_can_enter,
        after=("black_sea", 1),
        effect=_mao_12oct,
        evidence=("shen.mao_12oct", "shen.black_sea", "essay.mao_reasons"),
        decider="mao",
        options=("enter", "stop"),
        historical="stop",
        labels={"enter": "go ahead with the entry", "stop": "stop the entry plan"},
        features=lambda v: {
            "enter": {
                "revolutionary_resolve": v.mao_resolve,
                "border_security": border_threat(v),
                "air_force_condition": -(1.0 - v.air_cover),
                "taiwan_first": -0.5,
                "camp_standing": 0.5,
                "alliance_dependence": moscow_line(v),
            },
        },
        question="china_enters",
        stances={"enter": "enter", "stop": "stay_out"},
        narrative="The Stalin-Zhou telegram reaches Mao: no air cover for two months, Kim should retreat.",
    ),
    DecisionPoint(
        id="stalin_evacuation",
        title="Stalin orders the North evacuated?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.china_stop & ~v.china_in,
        after=("mao_12oct", "delay.evacuation_lag"),
        effect=_evacuation,
        evidence=("int001.evacuation", "essay.evacuation"),
        decider="stalin",
        options=("order_evacuation", "hold_on"),
        historical="order_evacuation",
        labels={
            "order_evacuation": "order Kim to evacuate to Manchuria and the USSR",
            "hold_on": "tell Kim to hold on",
        },
        features=lambda v: {
            "order_evacuation": {"friendly_korea": -0.8},
            "hold_on": {"avoid_us_war": -0.5},
        },
        narrative="Word reaches Stalin that China will not send troops.",
    ),
    DecisionPoint(
        id="politburo_13oct",
        title="The Politburo reconsiders (13 October)",
        window=(EARLY, LATE),
        when=lambda v: china_can_enter(v) & v.china_stop,
        after=("mao_12oct", 1),
        effect=_politburo_13oct,
        evidence=("shen.politburo_13oct", "int001.beijing_resistance"),
        decider="politburo",
        options=("intervene", "stay_out"),
        historical="intervene",
        labels={"intervene": "intervene after all", "stay_out": "stay out"},
        features=lambda v: {
            "intervene": {
                "domestic_reconstruction": -1.0,
                "mao_advocacy": v.mao_resolve,
                "peng_advocacy": 1.0,
                "border_security": border_threat(v),
                "fear_of_escalation": -(1.0 - v.air_cover),
            },
        },
        question="china_enters",
        stances={"intervene": "enter", "stay_out": "stay_out"},
        narrative="Mao has told Peng only to suspend the plan; the Politburo meets again.",
    ),
    DecisionPoint(
        id="stalin_cancel",
        title="Stalin cancels the evacuation?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.evac_active & v.china_committed,
        after=("politburo_13oct", 1),
        effect=_cancel,
        evidence=("int001.evacuation", "essay.evacuation"),
        decider="stalin",
        options=("cancel", "keep_order"),
        historical="cancel",
        labels={"cancel": "cancel the evacuation", "keep_order": "let it stand"},
        features=lambda v: {"cancel": {"friendly_korea": 1.0}},
        narrative="Beijing tells Moscow it will send troops after all.",
    ),
    DecisionPoint(
        id="stalin_yalu_limit",
        title="Where Soviet aircraft may fly",
        window=(EARLY, LATE),
        when=lambda v: china_can_enter(v) & v.china_committed & (v.air_cover < 0.99),
        after=("committed_day", 2),
        effect=_yalu,
        evidence=("shen.yalu_limit", "shen.stalin_suspicion"),
        decider="stalin",
        options=("over_korea", "north_of_yalu", "no_air_cover"),
        historical="north_of_yalu",
        labels={
            "over_korea": "cover the CPV over Korea",
            "north_of_yalu": "only north of the Yalu",
            "no_air_cover": "no air cover",
        },
        features=lambda v: {
            "over_korea": {
                "avoid_us_war": -0.35,
                "distrust_ccp": -0.5 * (1.0 - v.stalin_trust_ccp),
                "friendly_korea": 0.8,
            },
            "north_of_yalu": {
                "avoid_us_war": -0.05,
                "distrust_ccp": -0.1 * (1.0 - v.stalin_trust_ccp),
                "friendly_korea": 0.4,
            },
            "no_air_cover": {"alliance_credibility": -1.0},
        },
        narrative="Zhou presses Moscow for a Soviet volunteer air force.",
    ),
    DecisionPoint(
        id="cpv_crossing",
        title="The CPV crosses the Yalu?",
        window=(EARLY, LATE),
        when=lambda v: china_can_enter(v) & v.china_committed,
        after=("committed_day", 6),
        every=7,
        max_times=8,
        effect=_cpv_crossing,
        evidence=("shen.yalu_limit", "essay.mao_reasons"),
        decider="mao",
        options=("cross", "wait"),
        historical="cross",
        labels={"cross": "send the CPV across the Yalu", "wait": "postpone"},
        features=lambda v: {
            "cross": {
                "border_security": border_threat(v),
                "revolutionary_resolve": v.mao_resolve,
                "air_force_condition": -(1.0 - v.air_cover),
                "taiwan_first": -0.5,
            },
        },
        question="china_enters",
        stances={"cross": "enter", "wait": "stay_out"},
        narrative="The CPV stands ready on the Yalu.",
    ),
    DecisionPoint(
        id="china_reconsiders",
        title="China reconsiders as the UN nears the Yalu",
        window=(EARLY, LATE),
        when=lambda v: (
            china_can_enter(v) & ~v.china_committed & (v.china_asked_day >= 0) & (v.front >= 39.0) & (v.halt_line > 50)
        ),
        after=("china_asked_day", 14),
        every=14,
        max_times=4,
        effect=_reconsider,
        evidence=("essay.mao_reasons", "shen.conclusion"),
        decider="mao",
        options=("enter", "stay_out"),
        historical=None,
        labels={"enter": "enter after all", "stay_out": "stay out"},
        features=lambda v: {
            "enter": {
                "border_security": border_threat(v),
                "revolutionary_resolve": v.mao_resolve,
                "air_force_condition": -(1.0 - v.air_cover),
                "taiwan_first": -0.5,
                "camp_standing": 0.5,
            },
        },
        question="china_enters",
        stances={"enter": "enter", "stay_out": "stay_out"},
        narrative="UN forces drive toward the Chinese border.",
    ),
    Event(
        id="first_engagement",
        title="First CPV engagement",
        window=(EARLY, LATE),
        when=lambda v: v.china_in,
        after=("china_entry_day", 6),
        effect=_engagement,
        evidence=("shen.air_entry",),
        narrative="The CPV's first battle convinces Stalin the CCP is loyal.",
        movable=False,
    ),
    DecisionPoint(
        id="soviet_air_entry",
        title="Stalin commits the Soviet air force?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.china_in & ~v.soviet_air,
        after=("china_entry_day", 13),
        every=30,
        max_times=12,
        effect=_air_entry,
        evidence=("shen.air_entry", "essay.air_war"),
        decider="stalin",
        options=("commit_air", "withhold_air"),
        historical="commit_air",
        labels={"commit_air": "send MiG-15s over the Yalu, disguised", "withhold_air": "withhold them"},
        features=lambda v: {
            "commit_air": {
                "avoid_us_war": -0.1,
                "friendly_korea": 1.0,
                "alliance_credibility": 0.5,
                "distrust_ccp": -0.5 * (1.0 - v.stalin_trust_ccp),
            },
        },
        narrative="Chinese troops are fighting in Korea without air cover.",
    ),
    DecisionPoint(
        id="us_air_war_secrecy",
        title="Truman keeps the air war secret?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.soviet_air & v.us_in,
        after=("soviet_air_day", 30),
        effect=_secrecy,
        evidence=("essay.air_war",),
        decider="truman",
        options=("keep_secret", "publicise"),
        historical="keep_secret",
        labels={"keep_secret": "keep it secret", "publicise": "make it public"},
        features=lambda v: {"publicise": {"avoid_public_pressure": -1.0, "limit_war": -0.5, "containment_asia": 0.3}},
        narrative="US pilots meet Soviet pilots in disguise over the Yalu.",
    ),
    ChanceNode(
        id="escalation",
        title="Public pressure for war with the USSR",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.air_war_public,
        after=("us_air_war_secrecy", 14),
        effect=_escalation,
        evidence=("essay.air_war",),
        options=("superpower_war", "contained"),
        historical=None,
        probabilities=_escalation_probs,
        narrative="The US public learns Soviet pilots are fighting.",
    ),
    DecisionPoint(
        id="third_campaign",
        title="The third campaign",
        window=(EARLY, LATE),
        when=lambda v: (
            v.war & v.china_in & (v.front <= 38.5) & (v.front_max >= 39.0) & (v.day >= v.china_entry_day + 42)
        ),
        effect=_third,
        evidence=("shen.third_campaign",),
        decider="mao",
        options=("attack_now", "rest"),
        historical="attack_now",
        labels={"attack_now": "attack across the 38th now", "rest": "rest two months first"},
        features=lambda v: {"attack_now": {"strike_while_hot": 1.0, "peng_counsel": -1.0, "camp_standing": 0.5}},
        narrative="The CPV has driven the UN back to the 38th; Peng asks for rest.",
    ),
    DecisionPoint(
        id="un_ceasefire_jan51",
        title="The UN's 'ceasefire first' proposal",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.china_in & ~v.talks,
        after=("china_entry_day", 84),
        effect=_ceasefire_jan51,
        evidence=("shen.ceasefire_jan51",),
        decider="mao",
        options=("accept", "reject"),
        historical="reject",
        labels={"accept": "accept a ceasefire first", "reject": "reject it"},
        features=lambda v: {
            "accept": {"un_seat_and_taiwan": 1.0},
            "reject": {
                "military_momentum": np.clip((38.2 - v.front) / 1.0, 0.0, 1.0),
                "alliance_dependence": v.stalin_alive * 1.0,
            },
        },
        narrative="The UN General Assembly offers a ceasefire, then a conference on Korea and Taiwan.",
    ),
    DecisionPoint(
        id="peng_pause",
        title="Stalin arbitrates: pursue or pause?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.chose("third_campaign", "attack_now"),
        after=("third_campaign", 21),
        effect=_peng_pause,
        evidence=("shen.peng_pause",),
        decider="stalin",
        options=("pursue", "pause"),
        historical="pause",
        labels={"pursue": "pursue south", "pause": "rest and reorganise"},
        features=lambda v: {"pursue": {"kim_and_advisers": 1.0}, "pause": {"commander_judgement": 1.0}},
        narrative="Kim and the Soviet advisers protest Peng's halt to Stalin.",
    ),
    ChanceNode(
        id="fifth_campaign",
        title="The spring offensive",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.china_in & ~v.talks,
        after=("china_entry_day", 185),
        effect=_fifth,
        evidence=("shen.fifth_campaign",),
        options=("succeeds", "fails"),
        historical="fails",
        probabilities=_fifth_probs,
        narrative="The CPV launches its largest offensive.",
    ),
    DecisionPoint(
        id="ceasefire_talks",
        title="Open armistice talks?",
        window=(EARLY, LATE),
        when=lambda v: (
            v.war & v.china_in & ~v.talks & (v.day >= v.china_entry_day + 200) & (np.abs(v.front - 38.1) < 1.0)
        ),
        every=42,
        max_times=20,
        effect=_talks,
        evidence=("shen.talks", "essay.talks_dug_in"),
        decider="mao",
        options=("open_talks", "fight_on"),
        historical="open_talks",
        labels={"open_talks": "open talks, fight while negotiating", "fight_on": "fight on for a decision"},
        features=lambda v: {
            "open_talks": {"status_quo_acceptable": line_at_38th(v), "alliance_dependence": 0.5, "taiwan_first": 0.5},
            "fight_on": {"revolutionary_resolve": 0.5 * v.mao_resolve},
        },
        narrative="The front has settled near the 38th parallel.",
    ),
    DecisionPoint(
        id="dprk_ceasefire",
        title="Stalin seeks a ceasefire for the North",
        window=(EARLY, LATE),
        when=lambda v: v.war & ~v.china_in & ~v.talks & v.chose("un_cross_38th", "halt") & (v.front >= 37.5),
        every=42,
        max_times=20,
        effect=_dprk_ceasefire,
        evidence=("shen.talks", "essay.buffer_aim"),
        decider="stalin",
        options=("seek_ceasefire", "fight_on"),
        historical=None,
        labels={"seek_ceasefire": "seek a ceasefire on the line", "fight_on": "fight on"},
        features=lambda v: {"seek_ceasefire": {"friendly_korea": 1.0}, "fight_on": {"avoid_us_war": -0.2}},
        narrative="The UN has halted at the 38th and the Chinese stayed out.",
    ),
    DecisionPoint(
        id="us_pow_policy",
        title="The US position on prisoners",
        window=("1952-01-02", LATE),
        when=lambda v: v.war & v.talks & v.us_in,
        effect=_pow_policy,
        evidence=("essay.pow",),
        decider="truman",
        options=("no_forced_repatriation", "all_for_all"),
        historical="no_forced_repatriation",
        labels={
            "no_forced_repatriation": "no prisoner returned against his will",
            "all_for_all": "exchange all prisoners",
        },
        features=lambda v: {"no_forced_repatriation": {"pow_principle": 1.0}, "all_for_all": {"casualty_limit": 0.5}},
        narrative="Prisoner repatriation comes up at Panmunjom.",
    ),
    DecisionPoint(
        id="stalin_hardline",
        title="Stalin: settle or prolong?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.talks & v.stalin_alive & ~v.moscow_settle,
        after=("talks_day", 90),
        every=91,
        max_times=24,
        effect=_moscow_settles("settle"),
        evidence=("int000.stalin_stalemate", "essay.stalin_prolong", "blog.intelligence"),
        decider="stalin",
        options=("settle", "prolong"),
        historical="prolong",
        labels={"settle": "tell Beijing and Pyongyang to settle", "prolong": "keep a hard line"},
        features=lambda v: {
            "settle": {"back_beijing": v.china_settle * 1.0},
            "prolong": {"prolong_benefits": 1.0, "friendly_korea": line_at_38th(v), "avoid_us_war": -0.05},
        },
        narrative="The war is a stalemate; the talks drag on.",
    ),
    DecisionPoint(
        id="pow_deadlock",
        title="Mao and the prisoner deadlock",
        window=("1952-05-01", LATE),
        when=lambda v: v.war & v.talks & v.pow_issue & ~v.china_settle & v.stalin_alive & v.china_in,
        every=91,
        max_times=8,
        effect=_pow_deadlock,
        evidence=("shen.pow", "essay.pow"),
        decider="mao",
        options=("concede", "hold"),
        historical="hold",
        labels={"concede": "concede on repatriation, as Kim asks", "hold": "hold firm"},
        features=lambda v: {
            "concede": {"war_weariness": weariness(v)},
            "hold": {"pow_face": 1.0, "alliance_dependence": np.where(v.moscow_settle, -1.0, 1.0)},
        },
        narrative="Kim urges concessions on prisoners so the bombing will stop.",
    ),
    _event(
        "eisenhower_inauguration",
        "Eisenhower takes office",
        "1953-01-20",
        _inauguration,
        ("essay.death_settle",),
        "Dwight Eisenhower becomes President.",
        not_before="1952-11-04",  # the 1952 election
    ),
    _event(
        "stalin_death",
        "Stalin dies",
        "1953-03-05",
        _stalin_death,
        ("int000.post_stalin", "essay.death_settle"),
        "Stalin dies.",
    ),
    DecisionPoint(
        id="post_stalin_settle",
        title="Moscow's new leaders decide",
        window=(EARLY, LATE),
        when=lambda v: v.war & ~v.stalin_alive & ~v.moscow_settle,
        after=("stalin_death_day", 14),
        every=60,
        max_times=10,
        effect=_moscow_settles("accept_us_position"),
        evidence=("int000.post_stalin",),
        decider="soviet_collective",
        options=("accept_us_position", "hold"),
        historical="accept_us_position",
        labels={"accept_us_position": "tell the allies to accept the US position", "hold": "keep fighting"},
        features=lambda v: {"accept_us_position": {"domestic_instability": 1.0}, "hold": {"prolong_benefits": 1.0}},
        narrative="Stalin is dead; his successors fear unrest at home and one another.",
    ),
    DecisionPoint(
        id="china_holdout",
        title="Beijing accepts the terms?",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.moscow_settle & (v.settle_due < 0) & v.china_in,
        after=("moscow_settle_day", 14),
        effect=_holdout,
        evidence=("essay.death_settle", "shen.pow"),
        decider="mao",
        options=("accept_terms", "hold_out"),
        historical="hold_out",
        labels={"accept_terms": "accept the terms now", "hold_out": "hold out for better terms"},
        features=lambda v: {
            "accept_terms": {"alliance_dependence": 1.0, "war_weariness": weariness(v)},
            "hold_out": {"pow_face": v.pow_issue * 1.0, "eisenhower_hope": v.eisenhower * 1.0},
        },
        narrative="Moscow tells Beijing and Pyongyang to settle.",
    ),
    DecisionPoint(
        id="eisenhower_terms",
        title="Eisenhower's terms",
        window=(EARLY, LATE),
        when=lambda v: v.war & v.eisenhower & v.chose("china_holdout", "hold_out"),
        after=("china_settle_day", 21),
        effect=_eisenhower_terms,
        evidence=("essay.death_settle", "essay.pow"),
        decider="eisenhower",
        options=("hold_terms", "offer_more"),
        historical="hold_terms",
        labels={"hold_terms": "hold to the US terms", "offer_more": "offer better terms"},
        features=lambda v: {
            "hold_terms": {"pow_principle": v.pow_issue * 1.0},
            "offer_more": {"new_administration": 1.0},
        },
        narrative="China waits to see whether the new administration offers more.",
    ),
    DecisionPoint(
        id="rhee_obstruction",
        title="Rhee and the armistice",
        window=(EARLY, LATE),
        when=lambda v: v.war & (v.settle_due >= 0) & v.us_in,
        after=("china_settle_day", 30),
        effect=_rhee,
        evidence=("int000.post_stalin",),
        decider="rhee",
        options=("obstruct", "comply"),
        historical="obstruct",
        labels={"obstruct": "obstruct the settlement", "comply": "go along"},
        features=lambda v: {"obstruct": {"reunify_under_south": 1.0}},
        narrative="An armistice that leaves Korea divided is in sight.",
    ),
    Event(
        id="armistice",
        title="Armistice signed",
        window=(EARLY, LATE),
        when=lambda v: v.war & (v.settle_due >= 0),
        after=("settle_due", 0),
        effect=_armistice,
        evidence=("essay.death_settle",),
        narrative="The armistice is signed on the line of contact.",
        movable=False,
    ),
)

BY_ID: dict[str, Node] = {n.id: n for n in NODES}
DECISIONS: tuple[DecisionPoint, ...] = tuple(n for n in NODES if isinstance(n, DecisionPoint))


def weekly(s: WorldState, t0: int, t1: int) -> None:
    """One week of war after the week's decisions: the military step, the UN's crossing, conquests."""
    military.step(s, t0)
    np.minimum(s.front_min, s.front, out=s.front_min)
    np.maximum(s.front_max, s.front, out=s.front_max)
    crossed = (s.front > 38.05) & (s.un_crossed_day < 0) & s.us_in & (s.front_min < 37.0) & s.war
    s.un_crossed_day[crossed] = t1
    end_by_conquest(s, t1)


def init(model) -> None:
    """Initial state drawn from parameters: Stalin's trust in the CCP in 1950."""
    model.state.stalin_trust_ccp[:] = model.param("belief.trust_ccp_1950")


def check_citations(leaders) -> None:
    """Refuse a leader term whose evidence id is not in the registry (every weight cites a passage)."""
    from sim.case.evidence import REGISTRY

    for cls in leaders.values():
        for t in cls.terms:
            if t.evidence not in REGISTRY:
                raise ValueError(f"term {cls.key}.{t.name}: evidence id {t.evidence!r} is not registered")


def _spec():
    from agents import LEADERS
    from sim.case import outcomes
    from sim.case.params import PARAMS
    from sim.case.state import SCHEMA
    from sim.engine.spec import CaseSpec

    check_citations(LEADERS)
    return CaseSpec(
        nodes=NODES,
        schema=SCHEMA,
        leaders=LEADERS,
        params=PARAMS,
        weekly=weekly,
        init=init,
        series="front",
        outcomes=outcomes.collect,
    )


KOREA = _spec()
