"""November 1950 - spring 1951: the CPV's campaigns, the secret air war, the January ceasefire offer.

The CPV's first battle convinced Stalin that the CCP was loyal, and Soviet
MiG-15s went into action over the Yalu, disguised as Chinese; Truman's
administration kept it secret (shen.air_entry, essay.air_war). Mao, urged by
Moscow, launched the third campaign against Peng's advice to rest, rejected
the UN's "ceasefire first" proposal, and Stalin backed Peng's pause
(shen.third_campaign, shen.ceasefire_jan51, shen.peng_pause). The failed
spring offensive showed the CPV could not push the UN off the peninsula
(shen.fifth_campaign).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.case.effects import ceasefire_on, set_days
from sim.case.features import buffer_secure, escalation_risk, stalin_distrust
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import ChanceNode, DecisionPoint, Event, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- the first engagement and the Soviet air force
def chinese_in_korea(v: View) -> Mask:
    """Chinese troops have entered Korea."""
    return v.china_in


def _engagement(fx: Firing) -> None:
    s = fx.s
    s.stalin_trust_ccp[fx.idx] = np.minimum(
        s.stalin_trust_ccp[fx.idx] + fx.param("belief.trust_after_engagement", fx.idx), 1.0
    )


first_engagement = Event(
    id="first_engagement",
    title="First CPV engagement",
    window=(EARLY, LATE),
    after=("china_entry_day", 6),
    when=chinese_in_korea,
    effect=_engagement,
    evidence=("shen.air_entry",),
    narrative="The CPV's first battle convinces Stalin the CCP is loyal.",
    movable=False,
)


def no_soviet_air(v: View) -> Mask:
    """Chinese troops fight without Soviet air units."""
    return v.war & v.china_in & ~v.soviet_air


def air_entry_features(v: View) -> Features:
    """Stalin on committing his air force (shen.air_entry, shen.stalin_wants_china_in, essay.air_war).

    Commit: Korea and the alliance with a China now fighting, each as far as
    the North is being lost (1 - ``buffer_secure``: 0 with the line at 38N or
    south, 1 at 39.5N or north), and his air-cover promise, as strong as what
    his answers led Beijing to expect (China's expected cover, 0-1). He
    promised cover for volunteers fighting in the North once the enemy crossed
    the 38th (shen.july_offer) and sent it at that critical moment; while the
    KPA was winning he kept it out despite the US bombing (shen.no_air_summer).
    Withhold: the risk his pilots are exposed and draw the USSR into war
    (escalation risk, 0.1-1), for which he wavered (shen.air_wavering), and his
    distrust of the CCP (0-1).
    """
    stake = 1.0 - buffer_secure(v)
    return {
        "commit_air": {"friendly_korea": stake, "bind_china": stake, "alliance_credibility": v.air_cover},
        "withhold_air": {"avoid_us_war": escalation_risk(v), "distrust_ccp": stalin_distrust(v)},
    }


def _air_entry(fx: Firing) -> None:
    idx, days = fx.chose("commit_air")
    fx.s.soviet_air[idx] = True
    set_days(fx.s, "soviet_air_day", idx, days)
    fx.s.alliance[idx] = np.minimum(fx.s.alliance[idx] + fx.param("alliance.air_gain", idx), 1.0)


soviet_air_entry = DecisionPoint(
    id="soviet_air_entry",
    title="Stalin commits the Soviet air force?",
    window=(EARLY, LATE),
    after=("china_entry_day", 13),
    every=30,
    max_times=12,
    decider="stalin",
    options=("commit_air", "withhold_air"),
    labels={"commit_air": "send MiG-15s over the Yalu, disguised", "withhold_air": "withhold them"},
    historical="commit_air",
    when=no_soviet_air,
    features=air_entry_features,
    effect=_air_entry,
    evidence=("shen.air_entry", "essay.air_war", "shen.air_wavering", "shen.no_air_summer", "shen.july_offer"),
    narrative="Chinese troops are fighting in Korea without air cover.",
)


# ---------------------------------------------------------------- secrecy and escalation
def soviet_air_war(v: View) -> Mask:
    """Soviet pilots fight US forces."""
    return v.war & v.soviet_air & v.us_in


def secrecy_features(v: View) -> Features:
    """Truman on publicising the air war (essay.air_war, essay.containment_asia).

    Keep it secret: no public pressure for war with the USSR (1) and no wider
    war (0.5). Publicise: containment, exposing Soviet aggression (0.3).
    The administration's stance did not depend on circumstances: it joined
    Moscow in keeping the secret throughout (essay.air_war).
    """
    ones = np.ones(len(v))
    return {
        "keep_secret": {"avoid_public_pressure": ones, "limit_war": 0.5 * ones},
        "publicise": {"containment_asia": 0.3 * ones},
    }


def _secrecy(fx: Firing) -> None:
    fx.s.air_war_public[fx.chose("publicise")[0]] = True


us_air_war_secrecy = DecisionPoint(
    id="us_air_war_secrecy",
    title="Truman keeps the air war secret?",
    window=(EARLY, LATE),
    after=("soviet_air_day", 30),
    decider="truman",
    options=("keep_secret", "publicise"),
    labels={"keep_secret": "keep it secret", "publicise": "make it public"},
    historical="keep_secret",
    when=soviet_air_war,
    features=secrecy_features,
    effect=_secrecy,
    evidence=("essay.air_war",),
    narrative="US pilots meet Soviet pilots in disguise over the Yalu.",
)


def air_war_public(v: View) -> Mask:
    """The US public knows Soviet pilots are fighting."""
    return v.war & v.air_war_public


def _escalation_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(open US-Soviet war | the air war made public): public pressure for war."""
    p = model.param("chance.escalation_if_public")[v.idx]
    return {"superpower_war": p, "contained": 1.0 - p}


def _escalation(fx: Firing) -> None:
    fx.s.superpower_war[fx.chose("superpower_war")[0]] = True


escalation = ChanceNode(
    id="escalation",
    title="Public pressure for war with the USSR",
    window=(EARLY, LATE),
    after=("us_air_war_secrecy", 14),
    options=("superpower_war", "contained"),
    historical=None,
    when=air_war_public,
    probabilities=_escalation_probs,
    effect=_escalation,
    evidence=("essay.air_war",),
    narrative="The US public learns Soviet pilots are fighting.",
)


# ---------------------------------------------------------------- the third campaign, the ceasefire offer, Peng's pause
def _offensive(option: str, cost: float) -> Callable[[Firing], None]:
    """Effect: where ``option`` was taken, an all-out CPV push (4 weeks) that spends ``cost`` of the CPV."""

    def effect(fx: Firing) -> None:
        s = fx.s
        idx, _ = fx.chose(option)
        s.cpv_push[idx] = 4.0
        spent = cost * s.cpv[idx]
        s.cpv[idx] -= spent
        s.deaths_cpv[idx] += 0.3 * spent

    return effect


def back_at_the_38th(v: View) -> Mask:
    """Six weeks after entering, the CPV has driven the UN from north of 39N back to the 38th (38.5N or south)."""
    return v.war & v.china_in & (v.front <= 38.5) & (v.front_max >= 39.0) & (v.day >= v.china_entry_day + 42)


def cpv_fatigue(v: View) -> np.ndarray:
    """How worn the CPV is: weeks of campaigning since it entered / 10, at most 1 (shen.third_campaign).

    Peng reported the troops exhausted, short of winter clothing, ammunition,
    food and medicine, with insecure supply lines, after two campaigns.
    """
    return np.clip((v.day - v.china_entry_day) / 70.0, 0.0, 1.0)


def third_campaign_features(v: View) -> Features:
    """Mao on attacking now (shen.third_campaign).

    Attack: Moscow's urging to strike while the UN reels (1) and his standing
    in the camp (0.5). Rest: Peng and Nie's counsel, as strong as the CPV is
    worn (0-1).
    """
    ones = np.ones(len(v))
    return {
        "attack_now": {"strike_while_hot": ones, "camp_standing": 0.5 * ones},
        "rest": {"peng_counsel": cpv_fatigue(v)},
    }


third_campaign = DecisionPoint(
    id="third_campaign",
    title="The third campaign",
    window=(EARLY, LATE),
    decider="mao",
    options=("attack_now", "rest"),
    labels={"attack_now": "attack across the 38th now", "rest": "rest two months first"},
    historical="attack_now",
    when=back_at_the_38th,
    features=third_campaign_features,
    effect=_offensive("attack_now", 0.1),
    evidence=("shen.third_campaign",),
    narrative="The CPV has driven the UN back to the 38th; Peng asks for rest.",
)


def no_talks_yet(v: View) -> Mask:
    """Chinese troops fight and no talks are open."""
    return v.war & v.china_in & ~v.talks


def cpv_momentum(v: View) -> np.ndarray:
    """Success to exploit: how far south of 38.2N the CPV stands, 0-1 over one degree (shen.ceasefire_jan51)."""
    return np.clip((38.2 - v.front) / 1.0, 0.0, 1.0)


def ceasefire_jan51_features(v: View) -> Features:
    """Mao on the UN's offer (shen.ceasefire_jan51).

    Accept: a conference on Taiwan and the UN seat (1). Reject: success to
    exploit (0-1) and following Stalin's instruction (1 while he lives, else 0).
    """
    return {
        "accept": {"un_seat_and_taiwan": np.ones(len(v))},
        "reject": {
            "military_momentum": cpv_momentum(v),
            "alliance_dependence": v.stalin_alive * 1.0,
        },
    }


un_ceasefire_jan51 = DecisionPoint(
    id="un_ceasefire_jan51",
    title="The UN's 'ceasefire first' proposal",
    dated="1951-01-11",
    window=("1950-11-30", "1951-02-28"),
    after=("china_entry_day", 84),
    decider="mao",
    options=("accept", "reject"),
    labels={"accept": "accept a ceasefire first", "reject": "reject it"},
    historical="reject",
    when=no_talks_yet,
    features=ceasefire_jan51_features,
    effect=ceasefire_on("accept"),
    evidence=("shen.ceasefire_jan51",),
    narrative="The UN General Assembly offers a ceasefire, then a conference on Korea and Taiwan.",
)


def pursuit_urged(v: View) -> Mask:
    """The war goes on after Mao launched the third campaign."""
    return v.war & v.chose("third_campaign", "attack_now")


def peng_pause_features(v: View) -> Features:
    """Stalin arbitrating (shen.peng_pause): Kim and the advisers' pursuit (1) vs Peng's judgement that the
    worn CPV must rest (its fatigue, 0-1)."""
    return {"pursue": {"kim_and_advisers": np.ones(len(v))}, "pause": {"commander_judgement": cpv_fatigue(v)}}


peng_pause = DecisionPoint(
    id="peng_pause",
    title="Stalin arbitrates: pursue or pause?",
    window=(EARLY, LATE),
    after=("third_campaign", 21),
    decider="stalin",
    options=("pursue", "pause"),
    labels={"pursue": "pursue south", "pause": "rest and reorganise"},
    historical="pause",
    when=pursuit_urged,
    features=peng_pause_features,
    effect=_offensive("pursue", 0.15),
    evidence=("shen.peng_pause",),
    narrative="Kim and the Soviet advisers protest Peng's halt to Stalin.",
)


# ---------------------------------------------------------------- the UN counteroffensive (the UN commander decides)
def line_to_retake(v: View) -> Mask:
    """Chinese troops have fought six weeks, no talks are open, the line stands south of 37.9N, and neither side
    is on the offensive: the situation Ridgway found in January 1951 (essay.winter_spring)."""
    quiet = (v.cpv_push <= 0) & (v.cpv_surprise <= 0) & (v.un_push <= 0)
    return v.war & v.us_in & v.china_in & ~v.talks & (v.front < 37.9) & quiet & (v.day >= v.china_entry_day + 42)


def counteroffensive_features(v: View) -> Features:
    """The UN commander south of the 38th (essay.winter_spring, int000.dug_in).

    Counterattack: drive the enemy back toward the 38th, as far as the line
    stands south of it (0 at 37.9N, 1 at 36.9N and south). Hold: spare the
    casualties of attacking an entrenched enemy (its entrenchment, 0-1).
    """
    return {
        "counterattack": {"restore_line": np.clip((37.9 - v.front) / 1.0, 0.0, 1.0)},
        "hold_line": {"preserve_forces": v.fort},
    }


def _counteroffensive(fx: Firing) -> None:
    fx.s.un_push[fx.chose("counterattack")[0]] = 6.0  # weeks, as Ridgway's successive offensives of 1951


un_counteroffensive = DecisionPoint(
    id="un_counteroffensive",
    title="The UN counteroffensive?",
    window=(EARLY, LATE),
    every=42,
    max_times=20,
    decider="un_command",
    options=("counterattack", "hold_line"),
    labels={"counterattack": "counterattack toward the 38th", "hold_line": "hold the line"},
    historical="counterattack",
    when=line_to_retake,
    features=counteroffensive_features,
    effect=_counteroffensive,
    evidence=("essay.winter_spring", "int000.dug_in"),
    narrative="The enemy's offensive is spent, with the line south of the 38th.",
)


# ---------------------------------------------------------------- the spring offensive (chance decides)
def _fifth_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(a spring offensive succeeds): the documented edge, scaled by the balance of forces."""
    ratio = (v.cpv + v.kpa) / np.maximum(v.us + v.rok, 1.0)
    p = np.clip(model.param("chance.fifth_campaign_edge")[v.idx] * ratio, 0.0, 0.9)
    return {"succeeds": p, "fails": 1.0 - p}


def _fifth(fx: Firing) -> None:
    s = fx.s
    set_days(s, "offensive_day", fx.idx, fx.day)
    ok, _ = fx.chose("succeeds")
    s.front[ok] -= 0.8
    s.cpv_push[ok] = 3.0
    bad, _ = fx.chose("fails")
    lost = 0.12 * s.cpv[bad]
    s.cpv[bad] -= lost
    s.deaths_cpv[bad] += 0.5 * lost


fifth_campaign = ChanceNode(
    id="fifth_campaign",
    title="The spring offensive",
    window=(EARLY, LATE),
    after=("china_entry_day", 185),
    options=("succeeds", "fails"),
    historical="fails",
    when=no_talks_yet,
    probabilities=_fifth_probs,
    effect=_fifth,
    evidence=("shen.fifth_campaign",),
    narrative="The CPV launches its largest offensive.",
)

NODES = (
    first_engagement,
    soviet_air_entry,
    us_air_war_secrecy,
    escalation,
    third_campaign,
    un_ceasefire_jan51,
    peng_pause,
    un_counteroffensive,
    fifth_campaign,
)
