"""Leaders' choices in documented situations, through the one shared helper.

Each case reads: in state S at point P, the decider chooses O with
probability about p (over the worlds' weight draws, at the model's
temperature). States are set from the sources' account of the moment.
"""

import pytest

from agents import LEADERS
from sim import case
from tests.conftest import choice_probability as prob

# state after the US withdrawal, the Soviet bomb and the PRC (Stalin's belief from the param midpoints)
JAN_1950 = {"stalin_p_us": 0.6 * 0.825 * 0.7, "prc": True, "us_troops_south": False, "kim_requests": 2}
OCT_1950 = {"war": True, "us_in": True, "front": 38.8, "mao_resolve": 0.85, "air_cover": 0.5, "kpa": 25.0}

CASES = [
    # Stalin
    ("kim_request_1", "refuse", {"stalin_p_us": 0.9}, "1949-03-05", 1.00, 0.02),
    (
        "kim_request_2",
        "refuse",
        {"stalin_p_us": 0.6, "us_troops_south": False, "kim_requests": 1},
        "1949-08-12",
        0.99,
        0.02,
    ),
    ("kim_request_3", "approve", JAN_1950, "1950-01-30", 0.90, 0.04),
    ("kim_request_3", "approve", {**JAN_1950, "stalin_p_us": 0.9, "us_troops_south": True}, "1950-01-30", 0.0, 0.02),
    ("stalin_reply", "refer_to_china", {**OCT_1950, "stalin_trust_ccp": 0.3}, None, 1.00, 0.01),
    ("black_sea", "air_cover_later", {**OCT_1950, "stalin_trust_ccp": 0.35}, None, 0.93, 0.05),
    ("stalin_evacuation", "order_evacuation", {**OCT_1950, "china_stop": True}, None, 1.00, 0.01),
    # the order follows the UN's march north, not a constant: a KPA that can hold, with the UN at the parallel
    (
        "stalin_evacuation",
        "hold_on",
        {**OCT_1950, "china_stop": True, "front": 37.6, "kpa": 120.0, "us": 80.0, "rok": 90.0},
        None,
        0.91,
        0.06,
    ),
    (
        "stalin_evacuation",
        "order_evacuation",
        {**OCT_1950, "china_stop": True, "front": 40.0, "kpa": 120.0, "us": 80.0, "rok": 90.0},
        None,
        1.00,
        0.01,
    ),
    ("stalin_cancel", "cancel", {**OCT_1950, "evac_active": True, "china_committed": True}, None, 1.0, 0.02),
    # the air force follows the stake, not a constant: the CPV fighting with the UN near the Yalu (1 November
    # 1950) and the CCP's loyalty proven, he commits; distrust still holds him back
    (
        "soviet_air_entry",
        "commit_air",
        {**OCT_1950, "front": 39.6, "china_in": True, "stalin_trust_ccp": 0.85},
        None,
        1.0,
        0.02,
    ),
    (
        "soviet_air_entry",
        "commit_air",
        {**OCT_1950, "front": 39.6, "china_in": True, "stalin_trust_ccp": 0.0},
        None,
        0.35,
        0.1,
    ),
    # the same trust with the KPA at Pusan (August 1950): the North is not at stake and he holds it back
    (
        "soviet_air_entry",
        "withhold_air",
        {**OCT_1950, "front": 35.7, "air_cover": 0.7, "china_in": True, "stalin_trust_ccp": 0.85},
        None,
        0.88,
        0.06,
    ),
    # and at the same critical moment, once the US has carried the war to China, the risk outweighs the stake
    (
        "soviet_air_entry",
        "withhold_air",
        {**OCT_1950, "front": 39.6, "china_in": True, "stalin_trust_ccp": 0.85, "us_widened": True},
        None,
        0.89,
        0.06,
    ),
    ("stalin_hardline", "prolong", {"war": True, "talks": True, "front": 38.2}, "1951-10-01", 1.0, 0.01),
    (
        "stalin_hardline",
        "settle",
        {"war": True, "talks": True, "front": 38.2, "china_settle": True},
        "1951-10-01",
        0.54,  # once Beijing wants to settle, Stalin backs it in about half the worlds (a disputed weight)
        0.1,
    ),
    # Mao and the Politburo
    ("mao_consent", "approve", {"approved": True, "prc": True, "alliance": 0.5}, "1950-05-15", 0.97, 0.03),
    ("mao_12oct", "stop", {**OCT_1950, "moscow_advice": -1.0}, None, 0.78, 0.08),
    ("mao_12oct", "enter", {**OCT_1950, "air_cover": 1.0, "moscow_advice": 1.0}, None, 1.0, 0.02),
    ("politburo_5oct", "send", {**OCT_1950, "front": 38.4, "air_cover": 0.7}, None, 0.85, 0.08),
    # 13 October: the Politburo stands by what it resolved on 5 October (the historical "send"), or by holding back
    ("politburo_13oct", "intervene", {**OCT_1950, "china_stop": True, "politburo_resolution": 1.0}, None, 0.93, 0.05),
    ("politburo_13oct", "intervene", {**OCT_1950, "china_stop": True, "politburo_resolution": -1.0}, None, 0.64, 0.08),
    (
        "pow_deadlock",
        "hold",
        {"war": True, "talks": True, "pow_issue": True, "china_in": True},
        "1952-10-01",
        1.0,
        0.01,
    ),
    (
        "pow_deadlock",
        "concede",
        # the US has dropped its prisoner terms; 600 thousand CPV dead, the North bombed flat
        {"war": True, "talks": True, "china_in": True, "deaths_cpv": 600.0, "air_pressure": 1.0, "front": 38.2},
        "1954-01-01",
        0.97,
        0.03,
    ),
    # Kim
    ("kim_appeal", "ask_moscow_first", OCT_1950, None, 0.98, 0.02),
    (
        "invasion",
        "attack",
        {"approved": True, "mao_ok": True, "prc": True, "us_troops_south": False},
        "1950-06-25",
        1.0,
        0.01,
    ),
    # the United States
    ("us_intervention", "intervene", {"war": True, "un_sanctioned": True}, "1950-06-27", 1.0, 0.01),
    ("un_cross_38th", "cross", {"war": True, "us_in": True, "front": 37.9, "kpa": 20.0}, None, 0.95, 0.03),
    (
        "un_cross_38th",
        "cross",
        {"war": True, "us_in": True, "front": 37.9, "kpa": 20.0, "china_in": True},
        None,
        0.20,  # with Chinese troops fighting, a wider war weighs against crossing again (int000.dug_in)
        0.08,
    ),
    ("us_air_war_secrecy", "keep_secret", {"war": True, "soviet_air": True, "us_in": True}, None, 1.0, 0.01),
    # after Stalin
    ("post_stalin_settle", "accept_us_position", {"war": True, "stalin_alive": False}, "1953-03-19", 1.0, 0.01),
    (
        "china_holdout",
        "hold_out",
        {"war": True, "moscow_settle": True, "pow_issue": True, "eisenhower": True, "china_in": True},
        "1953-04-02",
        0.5,
        0.15,
    ),
    (
        "china_holdout",
        "accept_terms",
        # six months on: the hope in Eisenhower has faded, 400 thousand CPV dead
        {
            "war": True,
            "moscow_settle": True,
            "pow_issue": True,
            "eisenhower": True,
            "eisenhower_day": 1480,
            "china_in": True,
            "deaths_cpv": 400.0,
        },
        "1953-09-01",
        0.92,
        0.05,
    ),
]


@pytest.mark.parametrize(
    ("point", "option", "state", "day", "p", "tol"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_leader_chooses(point, option, state, day, p, tol):
    assert prob(point, option, state, day=day) == pytest.approx(p, abs=tol)


@pytest.mark.parametrize("key", sorted(LEADERS))
def test_a_leader_lists_the_points_it_decides(key):
    assert LEADERS[key].decides == tuple(n.id for n in case.DECISIONS if n.decider == key)


def test_every_decider_is_a_leader():
    assert {n.decider for n in case.DECISIONS} <= set(LEADERS)


def test_a_term_several_leaders_hold_means_the_same_for_each():
    held: dict[str, set] = {}
    for cls in LEADERS.values():
        for t in cls.terms:
            held.setdefault(t.name, set()).add((t.measures, t.evidence))
    assert {name: meanings for name, meanings in held.items() if len(meanings) > 1} == {}


def test_the_13_october_politburo_stands_by_its_5_october_resolution():
    """The reversal of 13 October endorsed the decision of 5 October (shen.politburo_13oct, shen.entry_plan).

    The same meeting in the same state intervenes more often where the
    Politburo resolved to send troops on 5 October, and less often where it
    held back, than where it never met: a weighed term, not a gate.
    """
    stopped = {**OCT_1950, "china_stop": True}
    sent, unmet, held = (
        prob("politburo_13oct", "intervene", {**stopped, "politburo_resolution": r}) for r in (1.0, 0.0, -1.0)
    )
    assert sent > unmet + 0.05 and unmet > held + 0.1
    assert held > 0.4  # holding back on 5 October weighs against intervening, it does not forbid it
