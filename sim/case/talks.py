"""June 1951 on: talks are proposed and accepted, Stalin's hard line, Beijing and the prisoner deadlock.

With the line near the 38th and the last offensive failed, Beijing proposed
talks with Moscow's approval (Malik's speech of 23 June 1951) and the UN
accepted within a week; both sides then fought while negotiating and dug in
(shen.talks, essay.talks_dug_in). Talks can open on any line that has held
still for some weeks, proposed by whichever side is ready and accepted or not
by the other. Stalin, judging the war a safe and useful stalemate, urged a
hard line (int000.stalin_stalemate, essay.stalin_prolong, blog.intelligence);
Mao refused to concede on prisoners under pressure (shen.pow,
shen.mao_strategy, essay.pow), while Kim, under the bombing, begged him to
(essay.war_weariness).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import china_settles, moscow_settles, moscow_settles_on, propose
from sim.case.features import (
    buffer_secure,
    cpv_weariness,
    escalation_risk,
    line_stable_days,
    safe_stalemate,
)
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- talks proposed
def line_has_held(v: View) -> Mask:
    """At war, no talks open or proposed, the line has held still as long as the sides wait (28-56 days)
    and has not just moved (a landing or an offensive this week)."""
    still = np.abs(v.front - v.front_ref) <= 0.3
    return v.war & v.us_in & ~v.talks & ~v.talks_proposed & still & (line_stable_days(v) >= v.talks_wait)


def beijing_can_propose(v: View) -> Mask:
    """The line has held, Chinese troops fight, and their spring offensive has been fought.

    Beijing sought talks, with Moscow's approval, once its last campaign had
    failed to push the UN off the peninsula (essay.talks_dug_in,
    shen.fifth_campaign): a proposal comes after that bid, not before.
    """
    offensive = v.offensive_day
    return line_has_held(v) & v.china_in & (offensive >= 0) & (v.day - offensive >= v.talks_wait)


def north_alone_can_propose(v: View) -> Mask:
    """The line has held and no Chinese troops fight (Moscow speaks for Pyongyang)."""
    return line_has_held(v) & ~v.china_in


def line_acceptable_east(v: View) -> np.ndarray:
    """How acceptable the line is to the Communist side: 1 at or south of 38.3N, 0 at 39.8N (shen.talks).

    Restoring the 38th, the status quo ante, was "easily acceptable to all
    quarters" in Beijing; a line deep in the North is a defeat.
    """
    return np.clip((39.8 - v.front) / 1.5, 0.0, 1.0)


def cpv_momentum(v: View) -> np.ndarray:
    """Success to exploit: how far south of 38.2N the CPV stands, 0-1 over one degree (shen.ceasefire_jan51)."""
    return np.clip((38.2 - v.front) / 1.0, 0.0, 1.0)


def propose_features(v: View) -> Features:
    """Mao on proposing talks (shen.talks, essay.talks_dug_in, shen.us_entry).

    Propose: a line acceptable as the status quo (0-1), Moscow's approval
    (0.5), turning to China's own unification (0.5). Fight on: his resolve
    (half of it) and success to exploit (0-1).
    """
    half = np.full(len(v), 0.5)
    return {
        "open_talks": {
            "status_quo_acceptable": line_acceptable_east(v),
            "alliance_dependence": half,
            "taiwan_first": half,
        },
        "fight_on": {"revolutionary_resolve": 0.5 * v.mao_resolve, "military_momentum": cpv_momentum(v)},
    }


def _propose_on(option: str):
    def effect(fx: Firing) -> None:
        propose(fx, *fx.chose(option))

    return effect


ceasefire_talks = DecisionPoint(
    id="ceasefire_talks",
    title="Beijing proposes armistice talks?",
    window=(EARLY, LATE),
    every=42,
    max_times=20,
    decider="mao",
    options=("open_talks", "fight_on"),
    labels={"open_talks": "propose talks, fight while negotiating", "fight_on": "fight on for a decision"},
    historical="open_talks",
    when=beijing_can_propose,
    features=propose_features,
    effect=_propose_on("open_talks"),
    evidence=("shen.talks", "essay.talks_dug_in"),
    narrative="The line has held for weeks; the last offensive has failed.",
)


def kpa_prospect(v: View) -> np.ndarray:
    """The KPA's prospect of winning all Korea: 0 with the line at 37.5N or north, 1 at 35.5N (shen.stalin_suspicion).

    Deep in the South, Moscow's estimates were optimistic (Stalin judged
    Chinese help unnecessary while the KPA advanced).
    """
    return np.clip((37.5 - v.front) / 2.0, 0.0, 1.0)


def dprk_ceasefire_features(v: View) -> Features:
    """Stalin on a ceasefire for the North alone (essay.buffer_aim, essay.avoid_war_unprepared).

    Seek it: keep the buffer while it is secure and the KPA cannot win
    (secure x (1 - prospect), 0-1) and end a war with US forces (0.1). Fight
    on: a friendly Korea, all of it, as far as the KPA can still win (twice
    its prospect, 0-2).
    """
    prospect = kpa_prospect(v)
    return {
        "seek_ceasefire": {"friendly_korea": buffer_secure(v) * (1.0 - prospect), "avoid_us_war": np.full(len(v), 0.1)},
        "fight_on": {"friendly_korea": 2.0 * prospect},
    }


def _dprk_ceasefire(fx: Firing) -> None:
    moscow_settles(fx, *fx.chose("seek_ceasefire"))


dprk_ceasefire = DecisionPoint(
    id="dprk_ceasefire",
    title="Stalin seeks a ceasefire for the North",
    window=(EARLY, LATE),
    every=42,
    max_times=20,
    decider="stalin",
    options=("seek_ceasefire", "fight_on"),
    labels={"seek_ceasefire": "seek a ceasefire on the line", "fight_on": "fight on"},
    historical=None,
    when=north_alone_can_propose,
    features=dprk_ceasefire_features,
    effect=_dprk_ceasefire,
    evidence=("shen.talks", "essay.buffer_aim"),
    narrative="The line has held for weeks; no Chinese troops fight.",
)


# ---------------------------------------------------------------- Stalin's hard line
def stalin_at_talks(v: View) -> Mask:
    """Talks are open, Stalin lives, and Moscow has not told its allies to settle."""
    return v.war & v.talks & v.stalin_alive & ~v.moscow_settle


def communist_losses(v: View) -> np.ndarray:
    """Communist deaths (KPA and CPV) in millions, at most 2 (essay.stalin_prolong)."""
    return np.minimum((v.deaths_kpa + v.deaths_cpv) / 1000.0, 2.0)


def hardline_features(v: View) -> Features:
    """Stalin on the talks (int000.stalin_stalemate, essay.stalin_prolong, shen.pow, essay.air_war).

    Settle: back Beijing once it wants to settle (1, else 0), avoid a war
    with the US as its risk rises (escalation risk, 0.1-1), and the costs he
    judged smaller than the gains (Communist deaths, millions). Prolong: the
    gains of a stalemate, as far as it is safe (0-1), and the buffer kept
    (0-1).
    """
    return {
        "settle": {
            "back_beijing": v.china_settle * 1.0,
            "avoid_us_war": escalation_risk(v),
            "war_costs": communist_losses(v),
        },
        "prolong": {"prolong_benefits": safe_stalemate(v), "friendly_korea": buffer_secure(v)},
    }


stalin_hardline = DecisionPoint(
    id="stalin_hardline",
    title="Stalin: settle or prolong?",
    window=(EARLY, LATE),
    after=("talks_day", 90),
    every=91,
    max_times=24,
    decider="stalin",
    options=("settle", "prolong"),
    labels={"settle": "tell Beijing and Pyongyang to settle", "prolong": "keep a hard line"},
    historical="prolong",
    when=stalin_at_talks,
    features=hardline_features,
    effect=moscow_settles_on("settle"),
    evidence=("int000.stalin_stalemate", "essay.stalin_prolong", "blog.intelligence"),
    narrative="The war is a stalemate; the talks drag on.",
)


# ---------------------------------------------------------------- Beijing and the prisoners
def beijing_at_talks(v: View) -> Mask:
    """Chinese troops fight, talks are open, and neither Beijing nor Moscow has settled."""
    return v.war & v.talks & v.china_in & ~v.china_settle & ~v.moscow_settle


def pow_deadlock_features(v: View) -> Features:
    """Mao on conceding the prisoner question to reach an armistice (shen.pow, shen.mao_strategy, essay.pow).

    Concede: weariness of casualties (CPV deaths / 400 thousand, 0-2) and
    Kim's pleas, as strong as the bombing (0-1). Hold: face, while the US
    insists on non-forced repatriation (1, else 0), and keeping the US bogged
    down while the line holds (0-1).
    """
    return {
        "concede": {"war_weariness": cpv_weariness(v), "kim_pleas": v.air_pressure},
        "hold": {"pow_face": v.pow_issue * 1.0, "bog_down_us": buffer_secure(v)},
    }


def _pow_deadlock(fx: Firing) -> None:
    china_settles(fx, *fx.chose("concede"))


pow_deadlock = DecisionPoint(
    id="pow_deadlock",
    title="Beijing and the prisoner deadlock",
    window=("1952-05-01", LATE),
    every=91,
    max_times=20,
    decider="mao",
    options=("concede", "hold"),
    labels={"concede": "concede on repatriation and settle, as Kim asks", "hold": "hold firm"},
    historical="hold",
    when=beijing_at_talks,
    features=pow_deadlock_features,
    effect=_pow_deadlock,
    evidence=("shen.pow", "shen.mao_strategy", "essay.pow", "essay.war_weariness"),
    narrative="The talks are deadlocked over prisoners; Kim urges concessions so the bombing will stop.",
)


NODES = (ceasefire_talks, dprk_ceasefire, stalin_hardline, pow_deadlock)
