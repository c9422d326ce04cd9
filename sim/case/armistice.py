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

from sim.case.effects import china_settles, moscow_settles_on, set_days
from sim.case.entry import cpv_crossing
from sim.case.features import cpv_weariness, safe_stalemate
from sim.case.outcomes import Final
from sim.case.timeline import EARLY, LATE, dated_event
from sim.engine.nodes import DecisionPoint, Event, Features, Firing, Mask
from sim.engine.state import View, WorldState


# ---------------------------------------------------------------- Eisenhower, Stalin's death, Moscow settles
def _inauguration(fx: Firing) -> None:
    fx.s.eisenhower[fx.idx] = True
    set_days(fx.s, "eisenhower_day", fx.idx, fx.day)


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
    """The new leaders (int000.post_stalin, int000.stalin_stalemate).

    Accept the US position: the danger at home and among themselves of
    keeping the war going (1). Hold: Stalin's gains of a safe stalemate, as
    inherited, as far as it is safe (0-1). Their decision did not depend on
    the state of the war: they adopted it within two weeks (int000.post_stalin).
    """
    return {
        "accept_us_position": {"domestic_instability": np.ones(len(v))},
        "hold": {"prolong_benefits": safe_stalemate(v)},
    }


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


# ---------------------------------------------------------------- Beijing holds out; Rhee
def terms_on_the_table(v: View) -> Mask:
    """Moscow has told its allies to settle, Beijing has not yet accepted, and Chinese troops fight."""
    return v.war & v.moscow_settle & ~v.china_settle & v.china_in


def eisenhower_hope(v: View) -> np.ndarray:
    """Hope that the new administration offers better terms: 1 as Eisenhower takes office, gone after
    six months of his holding to the same terms; 0 before (essay.death_settle)."""
    months = (v.day - v.eisenhower_day) / 182.0
    return np.clip(1.0 - months, 0.0, 1.0) * v.eisenhower


def holdout_features(v: View) -> Features:
    """Mao on Moscow's instruction to settle (int000.post_stalin, essay.death_settle, essay.pow).

    Accept: Moscow's instruction (1) and weariness of casualties (CPV deaths /
    400 thousand). Hold out: national pride on the prisoners (1 while the US
    insists on its terms) and the hope that Eisenhower offers more (1 fading
    to 0 over six months).
    """
    return {
        "accept_terms": {"alliance_dependence": np.ones(len(v)), "war_weariness": cpv_weariness(v)},
        "hold_out": {"pow_face": v.pow_issue * 1.0, "eisenhower_hope": eisenhower_hope(v)},
    }


def _holdout(fx: Firing) -> None:
    china_settles(fx, *fx.chose("accept_terms"))


china_holdout = DecisionPoint(
    id="china_holdout",
    title="Beijing accepts the terms?",
    window=(EARLY, LATE),
    after=("moscow_settle_day", 14),
    every=30,
    max_times=24,
    decider="mao",
    options=("accept_terms", "hold_out"),
    labels={"accept_terms": "accept the terms now", "hold_out": "hold out for better terms"},
    historical="hold_out",
    when=terms_on_the_table,
    features=holdout_features,
    effect=_holdout,
    evidence=("essay.death_settle", "int000.post_stalin", "shen.pow"),
    narrative="Moscow tells Beijing and Pyongyang to settle.",
)


def armistice_agreed(v: View) -> Mask:
    """Both sides have agreed terms: an armistice date is set."""
    return v.war & (v.settle_due >= 0)


def armistice_in_sight(v: View) -> Mask:
    """An armistice date is set and US forces fight."""
    return v.war & (v.settle_due >= 0) & v.us_in


def rhee_features(v: View) -> Features:
    """Rhee on the armistice (essay.counterattack_only, int000.post_stalin, essay.rok_backed).

    Obstruct: reunify under the South rather than accept division (1).
    Go along: his dependence on the US (1).
    """
    return {"obstruct": {"reunify_under_south": np.ones(len(v))}, "comply": {"us_dependence": np.ones(len(v))}}


def _rhee(fx: Firing) -> None:
    idx, _ = fx.chose("obstruct")
    s = fx.s
    set_days(s, "settle_due", idx, s.settle_due[idx] + fx.param("delay.rhee_obstruction", idx).astype(np.int32))


rhee_obstruction = DecisionPoint(
    id="rhee_obstruction",
    title="Rhee and the armistice",
    window=(EARLY, LATE),
    after=("agreed_day", 10),
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


EVACUATED_KPA = 5.0  # thousand men: below this the KPA has left Korea under an evacuation order
NO_CPV = 10.0  # thousand men: below this no Chinese army holds ground in Korea
AT_THE_YALU = 40.4  # deg N: UN forces this far north stand near the Chinese border
# days from the CPV's readiness to Mao's last chance to cross (the crossing's first date and its weekly retries)
CROSSING_WINDOW = cpv_crossing.after[1] + cpv_crossing.every * (cpv_crossing.max_times - 1)


def end_by_conquest(s: WorldState, day: int, war: np.ndarray | None = None) -> None:
    """End the war where one side's state has collapsed.

    The South falls when the line reaches Pusan (35.25N). The North falls
    when UN forces stand near the Yalu (40.4N) with no Chinese army holding
    ground in Korea, or when the KPA has carried out an evacuation order and
    left Korea, with no Chinese army to hold it (essay.pusan_inchon,
    int001.evacuation, shen.conclusion). A Chinese army that Beijing has
    committed and that stands ready at the Yalu, within its days to cross,
    counts as one: UN forces nearing the border are what it waited for
    (shen.yalu_limit). One still preparing (``cpv_ready_day`` ahead) does not.
    ``war``: indices of the worlds at war, if known (None: every world is tested).
    """
    w = slice(None) if war is None else war
    ready = s.cpv_ready_day[w]
    crossing = s.china_committed[w] & ~s.china_in[w] & (ready >= 0) & (ready <= day) & (day <= ready + CROSSING_WINDOW)
    front, at_war, no_china = s.front[w], s.war[w], (s.cpv[w] < NO_CPV) & ~crossing
    south = (front <= 35.25) & at_war
    north = ((front >= AT_THE_YALU) & no_china) | (s.evac_active[w] & (s.kpa[w] < EVACUATED_KPA) & no_china)
    for mask, code in ((south, Final.DPRK_UNIFIES), (north & ~south & at_war, Final.ROK_UNIFIES)):
        done = np.flatnonzero(mask) if war is None else war[mask]
        s.war[done] = False
        s.war_end[done] = day
        s.outcome[done] = code


EVENTS = (eisenhower_inauguration, stalin_death)  # dated: assembled before the week's decisions (sim.case)
NODES = (
    post_stalin_settle,
    china_holdout,
    rhee_obstruction,
    armistice,
)
