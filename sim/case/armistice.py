"""1953: Eisenhower, Stalin's death, Moscow settles, Beijing holds out, Rhee obstructs, the armistice.

Stalin's death freed the Communist side to settle: within two weeks the
new leaders, fearing unrest at home and one another, told their allies to
accept the US position (int000.post_stalin, essay.death_settle). China held
out a few months hoping Eisenhower would offer better terms, Rhee's
obstinacy delayed the end further, and the armistice was signed on
27 July 1953 on the line of contact. A war can also end by conquest
(``end_by_conquest``: essay.pusan_inchon, int001.evacuation, shen.conclusion).
"""

from __future__ import annotations

import numpy as np

from sim.case.effects import moscow_settles_on, set_days, settle
from sim.case.features import weariness
from sim.case.outcomes import Final
from sim.case.timeline import EARLY, LATE, dated_event
from sim.engine.nodes import DecisionPoint, Event, Features, Firing, Mask
from sim.engine.state import View, WorldState


# ---------------------------------------------------------------- Eisenhower, Stalin's death, Moscow settles
def _inauguration(fx: Firing) -> None:
    fx.s.eisenhower[fx.idx] = True


def _stalin_death(fx: Firing) -> None:
    fx.s.stalin_alive[fx.idx] = False
    set_days(fx.s, "stalin_death_day", fx.idx, fx.day)


eisenhower_inauguration = dated_event(
    "eisenhower_inauguration",
    "Eisenhower takes office",
    "1953-01-20",
    _inauguration,
    ("essay.death_settle",),
    "Dwight Eisenhower becomes President.",
    not_before="1952-11-04",  # the 1952 election
)
stalin_death = dated_event(
    "stalin_death",
    "Stalin dies",
    "1953-03-05",
    _stalin_death,
    ("int000.post_stalin", "essay.death_settle"),
    "Stalin dies.",
)


def successors_at_war(v: View) -> Mask:
    """Stalin is dead and Moscow has not told its allies to settle."""
    return v.war & ~v.stalin_alive & ~v.moscow_settle


def post_stalin_features(v: View) -> Features:
    """The new leaders: danger at home vs Stalin's reasons to prolong, as inherited (int000.post_stalin)."""
    return {"accept_us_position": {"domestic_instability": 1.0}, "hold": {"prolong_benefits": 1.0}}


post_stalin_settle = DecisionPoint(
    id="post_stalin_settle",
    title="Moscow's new leaders decide",
    window=(EARLY, LATE),
    after=("stalin_death_day", 14),
    every=60,
    max_times=10,
    decider="soviet_collective",
    options=("accept_us_position", "hold"),
    labels={"accept_us_position": "tell the allies to accept the US position", "hold": "keep fighting"},
    historical="accept_us_position",
    when=successors_at_war,
    features=post_stalin_features,
    effect=moscow_settles_on("accept_us_position"),
    evidence=("int000.post_stalin",),
    narrative="Stalin is dead; his successors fear unrest at home and one another.",
)


# ---------------------------------------------------------------- Beijing holds out; Eisenhower's terms; Rhee
def terms_on_the_table(v: View) -> Mask:
    """Moscow has told its allies to settle, no armistice date is agreed, and Chinese troops fight."""
    return v.war & v.moscow_settle & (v.settle_due < 0) & v.china_in


def holdout_features(v: View) -> Features:
    """Mao on Moscow's instruction to settle (essay.death_settle, shen.pow).

    Accept: following Moscow (1) and weariness (0-1). Hold out: face on the
    prisoners (1 if the US insists on its terms, else 0) and the hope that
    Eisenhower offers more (1 once he is President, else 0).
    """
    return {
        "accept_terms": {"alliance_dependence": 1.0, "war_weariness": weariness(v)},
        "hold_out": {"pow_face": v.pow_issue * 1.0, "eisenhower_hope": v.eisenhower * 1.0},
    }


def _holdout(fx: Firing) -> None:
    settle(fx, *fx.chose("accept_terms"))
    settle(fx, *fx.chose("hold_out"), holdout=True)


china_holdout = DecisionPoint(
    id="china_holdout",
    title="Beijing accepts the terms?",
    window=(EARLY, LATE),
    after=("moscow_settle_day", 14),
    decider="mao",
    options=("accept_terms", "hold_out"),
    labels={"accept_terms": "accept the terms now", "hold_out": "hold out for better terms"},
    historical="hold_out",
    when=terms_on_the_table,
    features=holdout_features,
    effect=_holdout,
    evidence=("essay.death_settle", "shen.pow"),
    narrative="Moscow tells Beijing and Pyongyang to settle.",
)


def china_waits_on_eisenhower(v: View) -> Mask:
    """Eisenhower is President and Beijing chose to hold out for better terms."""
    return v.war & v.eisenhower & v.chose("china_holdout", "hold_out")


def eisenhower_features(v: View) -> Features:
    """Eisenhower on China's holdout (essay.pow, essay.death_settle).

    Hold: the prisoner principle (1 if the US insists on its terms, else 0);
    offer more: a new administration's room to change course (1).
    """
    return {
        "hold_terms": {"pow_principle": v.pow_issue * 1.0},
        "offer_more": {"new_administration": 1.0},
    }


def _eisenhower_terms(fx: Firing) -> None:
    idx, days = fx.chose("offer_more")
    s = fx.s
    sooner = np.minimum(s.settle_due[idx], days + fx.param("delay.negotiation", idx).astype(np.int32))
    set_days(s, "settle_due", idx, sooner)


eisenhower_terms = DecisionPoint(
    id="eisenhower_terms",
    title="Eisenhower's terms",
    window=(EARLY, LATE),
    after=("china_settle_day", 21),
    decider="eisenhower",
    options=("hold_terms", "offer_more"),
    labels={"hold_terms": "hold to the US terms", "offer_more": "offer better terms"},
    historical="hold_terms",
    when=china_waits_on_eisenhower,
    features=eisenhower_features,
    effect=_eisenhower_terms,
    evidence=("essay.death_settle", "essay.pow"),
    narrative="China waits to see whether the new administration offers more.",
)


def armistice_agreed(v: View) -> Mask:
    """Both sides have agreed terms: an armistice date is set."""
    return v.war & (v.settle_due >= 0)


def armistice_in_sight(v: View) -> Mask:
    """An armistice date is set and US forces fight."""
    return v.war & (v.settle_due >= 0) & v.us_in


def rhee_features(v: View) -> Features:
    """Rhee on the armistice: reunify under the South rather than accept division (int000.post_stalin)."""
    return {"obstruct": {"reunify_under_south": 1.0}}


def _rhee(fx: Firing) -> None:
    idx, _ = fx.chose("obstruct")
    s = fx.s
    set_days(s, "settle_due", idx, s.settle_due[idx] + fx.param("delay.rhee_obstruction", idx).astype(np.int32))


rhee_obstruction = DecisionPoint(
    id="rhee_obstruction",
    title="Rhee and the armistice",
    window=(EARLY, LATE),
    after=("china_settle_day", 30),
    decider="rhee",
    options=("obstruct", "comply"),
    labels={"obstruct": "obstruct the settlement", "comply": "go along"},
    historical="obstruct",
    when=armistice_in_sight,
    features=rhee_features,
    effect=_rhee,
    evidence=("int000.post_stalin",),
    narrative="An armistice that leaves Korea divided is in sight.",
)


# ---------------------------------------------------------------- the end of the war
def _armistice(fx: Firing) -> None:
    s = fx.s
    s.war[fx.idx] = False
    set_days(s, "armistice_day", fx.idx, fx.day)
    set_days(s, "war_end", fx.idx, fx.day)
    s.outcome[fx.idx] = Final.DIVIDED


armistice = Event(
    id="armistice",
    title="Armistice signed",
    window=(EARLY, LATE),
    after=("settle_due", 0),
    when=armistice_agreed,
    effect=_armistice,
    evidence=("essay.death_settle",),
    narrative="The armistice is signed on the line of contact.",
    movable=False,
)


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


NODES = (
    eisenhower_inauguration,
    stalin_death,
    post_stalin_settle,
    china_holdout,
    eisenhower_terms,
    rhee_obstruction,
    armistice,
)
