"""1949-1950: Kim asks, Stalin refuses twice, the world changes, Stalin approves, Mao consents, Kim attacks.

Kim asked Stalin to approve an invasion in March and August 1949; Stalin
refused while US troops were in the South and the KPA could not win
quickly. The US withdrawal, the Soviet bomb, the PRC and the Sino-Soviet
treaty lowered his estimate that the US would fight; in January 1950 he
approved on condition that the war be quick, with no Soviet troops, and that
Mao agree (essay.kim_requests, essay.stalin_conditions, essay.changed_situation,
blog.persuasion, shen.approval_decisive). Mao, dependent on the new alliance,
consented in May (essay.mao_no_choice); Kim attacked on 25 June 1950.
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import set_days
from sim.case.features import quick_win
from sim.case.timeline import dated_event
from sim.engine.nodes import DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


# ---------------------------------------------------------------- Kim's requests (Stalin decides)
def kim_pressure(v: View) -> np.ndarray:
    """How long Kim has kept asking: (requests so far + 1) / 3, at most 1 (blog.persuasion)."""
    return np.minimum((v.kim_requests + 1.0) / 3.0, 1.0)


def request_features(v: View) -> Features:
    """Stalin on Kim's request: risk of a long war with the US vs a friendly Korea.

    Approving risks war with the US: Stalin's belief that the US would fight
    times the chance the KPA does not win first (0-1, counted against); it
    wins a friendly Korea with the chance of a quick win (0-1); Kim's
    persistence (0-1) counts for it (essay.kim_requests, essay.buffer_aim,
    blog.persuasion). Refusing keeps Kim to a counterattack while the attack
    might fail (1 - quick win, essay.counterattack_only).
    """
    q = quick_win(v)
    return {
        "approve": {
            "avoid_us_war": -v.stalin_p_us * (1.0 - q),
            "friendly_korea": q,
            "kim_pressure": kim_pressure(v),
        },
        "refuse": {"defensive_posture": 1.0 - q},
    }


def not_approved(v: View) -> Mask:
    """Stalin has not approved the invasion and there is no war."""
    return ~v.approved & ~v.war


def _request(fx: Firing) -> None:
    s = fx.s
    s.kim_requests[fx.idx] += 1
    idx, days = fx.chose("approve")
    s.approved[idx] = True
    set_days(s, "approval_day", idx, days)


def kim_request(id_: str, title: str, window, historical, *, every=0, max_times=1) -> DecisionPoint:
    """One of Kim's requests to Stalin for permission to attack the South (dated unless it repeats)."""
    return DecisionPoint(
        id=id_,
        title=title,
        dated=None if every else window[0],
        window=window,
        every=every,
        max_times=max_times,
        decider="stalin",
        options=("approve", "refuse"),
        labels={"approve": "approve the invasion", "refuse": "refuse it"},
        historical=historical,
        question="stalin_approves",
        stances={"approve": "approve", "refuse": "refuse"},
        when=not_approved,
        features=request_features,
        effect=_request,
        evidence=("essay.kim_requests", "essay.stalin_conditions", "blog.persuasion", "shen.approval_decisive"),
        narrative="Kim asks Stalin for permission to attack the South.",
        scope="all",
    )


# ---------------------------------------------------------------- the changed situation (events)
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
    fx.s.alliance[fx.idx] = np.maximum(fx.s.alliance[fx.idx], fx.param("alliance.treaty", fx.idx))


us_withdrawal = dated_event(
    "us_withdrawal",
    "US occupation troops leave the South",
    "1949-06-29",
    _us_withdrawal,
    ("essay.kim_requests",),
    "The last US combat troops leave South Korea.",
)
soviet_bomb = dated_event(
    "soviet_bomb",
    "Soviet atomic bomb test",
    "1949-08-29",
    _scale_belief("belief.bomb_factor"),
    ("essay.changed_situation",),
    "The USSR tests its first atomic bomb.",
)
prc_founded = dated_event(
    "prc_founded",
    "People's Republic of China founded",
    "1949-10-01",
    _prc,
    ("essay.changed_situation",),
    "Mao proclaims the People's Republic; the US did not fight for China.",
)
sino_soviet_treaty = dated_event(
    "sino_soviet_treaty",
    "Sino-Soviet treaty of alliance",
    "1950-02-14",
    _treaty,
    ("essay.changed_situation",),
    "Moscow and Beijing sign a treaty of alliance.",
    after_events=("prc_founded",),
)


# ---------------------------------------------------------------- Mao's consent
PREPARATION_DAYS = 146  # Stalin's approval (30 Jan 1950) to the attack (25 Jun): arms, advisers, the plan
CONSENT_LEAD_DAYS = 30  # Mao's consent (mid-May 1950) came some six weeks before the attack


def awaiting_mao(v: View) -> Mask:
    """Stalin approved over 105 days ago (Kim went to Beijing in May), the PRC exists, Mao has not consented.

    Stalin made Mao's approval the condition because he counted on Chinese
    reinforcements (essay.mao_no_choice): only the People's Republic could
    give them.
    """
    return v.approved & ~v.mao_ok & ~v.war & v.prc & (v.day >= v.approval_day + 105)


def consent_features(v: View) -> Features:
    """Mao on Kim's plan (essay.mao_no_choice, shen.revolution_principle, shen.us_entry).

    Approve: following Moscow, as strong as the alliance he depends on (0-1),
    and backing unification by force (1). Ask a delay: Taiwan first (1).
    Refuse: Taiwan first (0.5) against the alliance (-alliance).
    """
    return {
        "approve": {"alliance_dependence": v.alliance, "support_revolution": np.ones(len(v))},
        "ask_delay": {"taiwan_first": np.ones(len(v))},
        "refuse": {"taiwan_first": np.full(len(v), 0.5), "alliance_dependence": -v.alliance},
    }


def _mao_consent(fx: Firing) -> None:
    s = fx.s
    idx, days = fx.chose("approve")
    s.mao_ok[idx] = True
    set_days(s, "consent_day", idx, days)
    ready = np.maximum(s.approval_day[idx] + PREPARATION_DAYS, days + CONSENT_LEAD_DAYS)
    set_days(s, "ready_day", idx, ready)
    refused = fx.chose("refuse")[0]
    s.approved[refused] = False


mao_consent = DecisionPoint(
    id="mao_consent",
    title="Mao's consent to the invasion",
    window=("1949-06-01", "1953-06-30"),
    every=91,
    max_times=4,
    decider="mao",
    options=("approve", "ask_delay", "refuse"),
    labels={"approve": "approve the plan", "ask_delay": "ask to wait until after Taiwan", "refuse": "refuse"},
    historical="approve",
    when=awaiting_mao,
    features=consent_features,
    effect=_mao_consent,
    evidence=("essay.mao_no_choice", "shen.us_entry", "shen.revolution_principle"),
    narrative="Stalin makes Mao's approval a condition; Kim goes to Beijing.",
    scope="all",
)


# ---------------------------------------------------------------- the invasion (Kim decides)
def invasion_ready(v: View) -> Mask:
    """Stalin and Mao have both agreed, the preparation is done, and the war has not begun."""
    return v.approved & v.mao_ok & ~v.war & (v.war_start < 0)


def invasion_features(v: View) -> Features:
    """Kim on attacking (essay.kim_requests, essay.dprk_dependence).

    Attack: reunification by force (1). Hold back: waiting until the
    Soviet-backed preparation promises a quick win (1 - quick_win, 0-1).
    """
    return {
        "attack": {"reunify_by_force": np.ones(len(v))},
        "hold": {"soviet_dependence": 1.0 - quick_win(v)},
    }


def _invasion(fx: Firing) -> None:
    idx, days = fx.chose("attack")
    fx.s.war[idx] = True
    set_days(fx.s, "war_start", idx, days)
    set_days(fx.s, "front_ref_day", idx, days)


invasion = DecisionPoint(
    id="invasion",
    title="The invasion of the South",
    window=("1949-06-01", "1952-12-31"),  # the model's US decisions are Truman's: the war starts on his watch
    after=("ready_day", 0),
    every=28,
    max_times=6,
    decider="kim",
    options=("attack", "hold"),
    labels={"attack": "attack across the 38th", "hold": "hold back"},
    historical="attack",
    when=invasion_ready,
    features=invasion_features,
    effect=_invasion,
    evidence=("essay.kim_requests", "blog.swift_war", "essay.dprk_dependence"),
    narrative="With Stalin's plan and Mao's consent, Kim decides whether to attack.",
)

NODES = (
    kim_request("kim_request_1", "Kim's first request (Moscow, March 1949)", ("1949-03-05", "1949-04-19"), "refuse"),
    us_withdrawal,
    kim_request("kim_request_2", "Kim's second request (August 1949)", ("1949-08-12", "1949-09-26"), "refuse"),
    soviet_bomb,
    prc_founded,
    kim_request("kim_request_3", "Kim's third request (January 1950)", ("1950-01-30", "1950-03-16"), "approve"),
    sino_soviet_treaty,
    kim_request("kim_request_renewed", "Kim asks again", ("1950-04-01", "1952-07-31"), None, every=91, max_times=8),
    mao_consent,
    invasion,
)
