"""June 1951 - 1952: the talks open, the prisoner question, Stalin's hard line, the deadlock.

With the line near the 38th, Beijing accepted talks with Moscow's approval
and fought while negotiating; both sides dug in (shen.talks,
essay.talks_dug_in). The US made non-forced repatriation of prisoners a
principle, a substitute for victory; China held firm as a matter of face
while Kim urged concessions (essay.pow, shen.pow). Stalin, judging the war a
safe and useful stalemate, urged a hard line (int000.stalin_stalemate,
essay.stalin_prolong, blog.intelligence).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import ceasefire_on, moscow_settles_on, open_talks, set_days
from sim.case.features import line_at_38th, weariness
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- talks open
def stalemate_near_38th(v: View) -> Mask:
    """200 days after China's entry, with no talks open, the line is within a degree of 38.1N."""
    return v.war & v.china_in & ~v.talks & (v.day >= v.china_entry_day + 200) & (np.abs(v.front - 38.1) < 1.0)


def talks_features(v: View) -> Features:
    """Mao on talks (shen.talks, essay.talks_dug_in).

    Open talks: a line near the 38th is acceptable (0-1), Moscow approves
    (0.5), Taiwan can come first (0.5). Fight on: half his resolve (0-0.5).
    """
    return {
        "open_talks": {"status_quo_acceptable": line_at_38th(v), "alliance_dependence": 0.5, "taiwan_first": 0.5},
        "fight_on": {"revolutionary_resolve": 0.5 * v.mao_resolve},
    }


def _talks(fx: Firing) -> None:
    open_talks(fx, *fx.chose("open_talks"))


ceasefire_talks = DecisionPoint(
    id="ceasefire_talks",
    title="Open armistice talks?",
    window=(EARLY, LATE),
    every=42,
    max_times=20,
    decider="mao",
    options=("open_talks", "fight_on"),
    labels={"open_talks": "open talks, fight while negotiating", "fight_on": "fight on for a decision"},
    historical="open_talks",
    when=stalemate_near_38th,
    features=talks_features,
    effect=_talks,
    evidence=("shen.talks", "essay.talks_dug_in"),
    narrative="The front has settled near the 38th parallel.",
)


def north_alone_at_38th(v: View) -> Mask:
    """The UN halted at the 38th, China stayed out, no talks are open, and the line holds north of 37.5N."""
    return v.war & ~v.china_in & ~v.talks & v.chose("un_cross_38th", "halt") & (v.front >= 37.5)


def dprk_ceasefire_features(v: View) -> Features:
    """Stalin on a ceasefire for the North: keep the buffer vs a slight war risk fighting on (essay.buffer_aim)."""
    return {"seek_ceasefire": {"friendly_korea": 1.0}, "fight_on": {"avoid_us_war": -0.2}}


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
    when=north_alone_at_38th,
    features=dprk_ceasefire_features,
    effect=ceasefire_on("seek_ceasefire"),
    evidence=("shen.talks", "essay.buffer_aim"),
    narrative="The UN has halted at the 38th and the Chinese stayed out.",
)


# ---------------------------------------------------------------- prisoners and Stalin's hard line
def us_at_talks(v: View) -> Mask:
    """US forces fight while talks are open."""
    return v.war & v.talks & v.us_in


def pow_policy_features(v: View) -> Features:
    """Truman on prisoners: the principle of no forced repatriation vs fewer casualties (essay.pow)."""
    return {"no_forced_repatriation": {"pow_principle": 1.0}, "all_for_all": {"casualty_limit": 0.5}}


def _pow_policy(fx: Firing) -> None:
    fx.s.pow_issue[fx.chose("no_forced_repatriation")[0]] = True


us_pow_policy = DecisionPoint(
    id="us_pow_policy",
    title="The US position on prisoners",
    window=("1952-01-02", LATE),
    decider="truman",
    options=("no_forced_repatriation", "all_for_all"),
    labels={
        "no_forced_repatriation": "no prisoner returned against his will",
        "all_for_all": "exchange all prisoners",
    },
    historical="no_forced_repatriation",
    when=us_at_talks,
    features=pow_policy_features,
    effect=_pow_policy,
    evidence=("essay.pow",),
    narrative="Prisoner repatriation comes up at Panmunjom.",
)


def stalin_at_talks(v: View) -> Mask:
    """Talks are open, Stalin lives, and Moscow has not told its allies to settle."""
    return v.war & v.talks & v.stalin_alive & ~v.moscow_settle


def hardline_features(v: View) -> Features:
    """Stalin on the talks (int000.stalin_stalemate, essay.stalin_prolong, shen.pow).

    Settle: back Beijing (1 if it has settled, else 0). Prolong: the gains of
    a safe stalemate (1), a buffer kept while the line holds near the 38th
    (0-1), and a slight war risk (-0.05).
    """
    return {
        "settle": {"back_beijing": v.china_settle * 1.0},
        "prolong": {"prolong_benefits": 1.0, "friendly_korea": line_at_38th(v), "avoid_us_war": -0.05},
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


def prisoner_deadlock(v: View) -> Mask:
    """Chinese troops fight, talks are open on the US prisoner terms, Stalin lives, Beijing has not settled."""
    return v.war & v.talks & v.pow_issue & ~v.china_settle & v.stalin_alive & v.china_in


def moscow_backs_holding(v: View) -> np.ndarray:
    """+1 while Moscow backs holding firm, -1 once it tells its allies to settle (shen.pow)."""
    return np.where(v.moscow_settle, -1.0, 1.0)


def pow_deadlock_features(v: View) -> Features:
    """Mao on the prisoners (shen.pow, essay.pow, essay.war_weariness).

    Concede: weariness of casualties (0-1). Hold: face (1) and Moscow's line
    (+1 while it backs holding, -1 once it settles).
    """
    return {
        "concede": {"war_weariness": weariness(v)},
        "hold": {"pow_face": 1.0, "alliance_dependence": moscow_backs_holding(v)},
    }


def _pow_deadlock(fx: Firing) -> None:
    idx, days = fx.chose("concede")
    fx.s.china_settle[idx] = True
    set_days(fx.s, "china_settle_day", idx, days)


pow_deadlock = DecisionPoint(
    id="pow_deadlock",
    title="Mao and the prisoner deadlock",
    window=("1952-05-01", LATE),
    every=91,
    max_times=8,
    decider="mao",
    options=("concede", "hold"),
    labels={"concede": "concede on repatriation, as Kim asks", "hold": "hold firm"},
    historical="hold",
    when=prisoner_deadlock,
    features=pow_deadlock_features,
    effect=_pow_deadlock,
    evidence=("shen.pow", "essay.pow"),
    narrative="Kim urges concessions on prisoners so the bombing will stop.",
)


NODES = (ceasefire_talks, dprk_ceasefire, us_pow_policy, stalin_hardline, pow_deadlock)
