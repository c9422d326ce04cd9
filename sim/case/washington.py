"""Washington in the talks: answering a call for talks, the prisoners, pressure, escalation, terms.

The US accepted talks within a week of Malik's speech (shen.talks). It made
non-forced repatriation of prisoners a principle, a substitute for victory
(essay.pow); it would not pay the casualties an advance against the dug-in
line required (int000.dug_in), so as the talks dragged on it turned
increasingly to bombing the North (essay.bombing), kept the war limited and
the Soviet air war secret (essay.air_war), and bore the strain a long war
put on its alliances (essay.stalin_prolong). Each presidential decision is
Truman's until Eisenhower takes office and Eisenhower's after: two points
with one definition.
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import agree, open_talks, set_days
from sim.case.features import talks_years, us_war_cost
from sim.case.timeline import EARLY, LATE
from sim.engine.nodes import ChanceNode, DecisionPoint, Features, Firing, Mask
from sim.engine.state import View


def presidential(id_: str, when, **fields) -> tuple[DecisionPoint, DecisionPoint]:
    """The same decision as Truman's (``{id}_truman``) and, once in office, Eisenhower's (``{id}_eisenhower``)."""

    def truman_in_office(v: View) -> Mask:
        return when(v) & ~v.eisenhower

    def eisenhower_in_office(v: View) -> Mask:
        return when(v) & v.eisenhower

    truman_in_office.__doc__ = f"{when.__doc__} Truman is President."
    eisenhower_in_office.__doc__ = f"{when.__doc__} Eisenhower is President."
    return (
        DecisionPoint(id=f"{id_}_truman", decider="truman", when=truman_in_office, **fields),
        DecisionPoint(
            id=f"{id_}_eisenhower",
            decider="eisenhower",
            when=eisenhower_in_office,
            **{**fields, "historical": None},
        ),
    )


# ---------------------------------------------------------------- answering a call for talks
def proposal_pending(v: View) -> Mask:
    """Talks have been proposed and not yet answered, and US forces fight."""
    return v.war & v.us_in & v.talks_proposed & ~v.talks


def line_unacceptable_west(v: View) -> np.ndarray:
    """How unacceptable the line is to the UN: 0 with the attack repelled to the 38th, 1 at 37.4N and south,
    with Seoul (37.57N) on the front (essay.un_boycott: the UN was to repel the attack)."""
    return np.clip((38.0 - v.front) / 0.6, 0.0, 1.0)


def answer_features(v: View) -> Features:
    """Washington on a proposal of talks (int000.dug_in, essay.air_war, essay.us_decision, essay.bombing).

    Accept: the casualties of fighting on (US deaths / 40 thousand) and the
    risk of a wider war (0.5). Reject, as far as the enemy holds the South
    (0-1): aggression must not be rewarded (Truman's lesson of the 1930s), and
    a settlement short of restoring the South is no victory.
    """
    unacceptable = line_unacceptable_west(v)
    return {
        "accept": {"war_cost": us_war_cost(v), "limit_war": np.full(len(v), 0.5)},
        "reject": {"munich_analogy": unacceptable, "substitute_for_victory": unacceptable},
    }


def _answer(fx: Firing) -> None:
    idx, days = fx.chose("accept")
    open_talks(fx, idx, days)
    agree(fx, idx, days)
    rejected, _ = fx.chose("reject")
    fx.s.talks_proposed[rejected] = False


us_accepts_talks_truman, us_accepts_talks_eisenhower = presidential(
    "us_accepts_talks",
    proposal_pending,
    title="Washington answers the call for talks",
    window=(EARLY, LATE),
    after=("proposed_day", 7),
    max_times=20,
    options=("accept", "reject"),
    labels={"accept": "accept talks on the line", "reject": "fight on"},
    historical="accept",
    features=answer_features,
    effect=_answer,
    evidence=("shen.talks", "int000.dug_in"),
    narrative="The other side proposes a ceasefire and armistice talks.",
)


# ---------------------------------------------------------------- the prisoners
def us_at_talks(v: View) -> Mask:
    """US forces fight while talks are open."""
    return v.war & v.talks & v.us_in


def truman_at_talks(v: View) -> Mask:
    """US forces fight while talks are open, and Truman is President."""
    return us_at_talks(v) & ~v.eisenhower


def pow_policy_features(v: View) -> Features:
    """Truman on prisoners (essay.pow, int000.dug_in, essay.stalin_prolong).

    No forced repatriation: the principle (1). Exchange all: the casualties
    of a longer war (US deaths / 40 thousand) and the strain on the alliance
    (years of talks).
    """
    return {
        "no_forced_repatriation": {"pow_principle": np.ones(len(v))},
        "all_for_all": {"war_cost": us_war_cost(v), "allied_strain": talks_years(v)},
    }


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
    when=truman_at_talks,
    features=pow_policy_features,
    effect=_pow_policy,
    evidence=("essay.pow",),
    narrative="Prisoner repatriation comes up at Panmunjom.",
)


def deadlocked_on_prisoners(v: View) -> Mask:
    """Talks are open, US forces fight, and the US insists on non-forced repatriation."""
    return us_at_talks(v) & v.pow_issue


def terms_features(v: View) -> Features:
    """The President on the prisoner terms (essay.pow, int000.dug_in, essay.stalin_prolong).

    Hold: the principle (1), the more a substitute for victory the more the
    line is dug in and cannot be broken (entrenchment, 0-1). Compromise
    (return all prisoners): the casualties of fighting on (US deaths / 40
    thousand) and the strain on the alliance (years of talks, 0-2).
    """
    return {
        "hold_terms": {"pow_principle": np.ones(len(v)), "substitute_for_victory": v.fort},
        "compromise": {"war_cost": us_war_cost(v), "allied_strain": talks_years(v)},
    }


def _terms(fx: Firing) -> None:
    fx.s.pow_issue[fx.chose("compromise")[0]] = False


us_terms_truman, us_terms_eisenhower = presidential(
    "us_terms",
    deadlocked_on_prisoners,
    title="Washington's terms on prisoners",
    window=(EARLY, LATE),
    after=("talks_day", 365),
    every=91,
    max_times=20,
    options=("hold_terms", "compromise"),
    labels={"hold_terms": "hold to non-forced repatriation", "compromise": "drop it and exchange all prisoners"},
    historical="hold_terms",
    features=terms_features,
    effect=_terms,
    evidence=("essay.pow", "int000.dug_in", "essay.death_settle"),
    narrative="The talks are deadlocked over prisoners; the war goes on.",
)


# ---------------------------------------------------------------- pressure and escalation
def pressure_features(v: View) -> Features:
    """The President on pressing the enemy (essay.bombing, essay.air_war, int000.dug_in).

    Step up the bombing: a sense of victory where the ground war cannot give
    one, the less the more the North is already bombed (1 - intensity).
    Hold: no wider war (0.3). Carry the war to China: a sense of victory (1)
    at twice the risk of a wider war with China and the USSR (-2).
    """
    room = 1.0 - v.air_pressure
    return {
        "intensify_bombing": {"substitute_for_victory": room},
        "hold": {"limit_war": np.full(len(v), 0.3)},
        "widen_war": {"substitute_for_victory": np.ones(len(v)), "limit_war": np.full(len(v), -2.0)},
    }


def _pressure(fx: Firing) -> None:
    s = fx.s
    idx, _ = fx.chose("intensify_bombing")
    s.air_pressure[idx] = np.minimum(s.air_pressure[idx] + fx.param("pressure.bombing_step", idx), 1.0)
    idx, days = fx.chose("widen_war")
    s.us_widened[idx] = True
    set_days(s, "widened_day", idx, days)


us_pressure_truman, us_pressure_eisenhower = presidential(
    "us_pressure",
    us_at_talks,
    title="Washington presses the enemy",
    window=(EARLY, LATE),
    after=("talks_day", 120),
    every=91,
    max_times=20,
    options=("intensify_bombing", "hold", "widen_war"),
    labels={
        "intensify_bombing": "step up the bombing of the North",
        "hold": "hold the pressure where it is",
        "widen_war": "carry the war to China",
    },
    historical="intensify_bombing",
    features=pressure_features,
    effect=_pressure,
    evidence=("essay.bombing", "essay.air_war", "int000.dug_in"),
    narrative="The talks drag on; the ground war cannot move the line.",
)


def widened(v: View) -> Mask:
    """The US has carried the war to China."""
    return v.war & v.us_widened


def _widening_probs(v: View, model) -> dict[str, np.ndarray]:
    """P(open US-Soviet war | the US strikes China, Moscow's ally): the escalation parameter."""
    p = model.param("chance.escalation_if_widened")[v.idx]
    return {"superpower_war": p, "contained": 1.0 - p}


def _widening(fx: Firing) -> None:
    fx.s.superpower_war[fx.chose("superpower_war")[0]] = True


escalation_widened = ChanceNode(
    id="escalation_widened",
    title="A war carried to China draws in the USSR?",
    window=(EARLY, LATE),
    after=("widened_day", 14),
    options=("superpower_war", "contained"),
    historical=None,
    when=widened,
    probabilities=_widening_probs,
    effect=_widening,
    evidence=("essay.avoid_war_unprepared", "essay.air_war"),
    narrative="US aircraft strike Chinese bases across the Yalu.",
)

NODES = (
    us_accepts_talks_truman,
    us_accepts_talks_eisenhower,
    us_pow_policy,
    us_terms_truman,
    us_terms_eisenhower,
    us_pressure_truman,
    us_pressure_eisenhower,
    escalation_widened,
)
