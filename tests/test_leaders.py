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
    ("kim_request_3", "approve", JAN_1950, "1950-01-30", 0.97, 0.04),
    ("kim_request_3", "approve", {**JAN_1950, "stalin_p_us": 0.9, "us_troops_south": True}, "1950-01-30", 0.0, 0.02),
    ("stalin_reply", "refer_to_china", {**OCT_1950, "stalin_trust_ccp": 0.3}, None, 1.00, 0.01),
    ("black_sea", "air_cover_later", {**OCT_1950, "stalin_trust_ccp": 0.35}, None, 0.56, 0.1),
    ("stalin_evacuation", "order_evacuation", {**OCT_1950, "china_stop": True}, None, 1.00, 0.01),
    ("stalin_cancel", "cancel", {**OCT_1950, "evac_active": True, "china_committed": True}, None, 1.0, 0.02),
    ("soviet_air_entry", "commit_air", {**OCT_1950, "china_in": True, "stalin_trust_ccp": 0.85}, None, 0.93, 0.05),
    ("soviet_air_entry", "commit_air", {**OCT_1950, "china_in": True, "stalin_trust_ccp": 0.0}, None, 0.29, 0.1),
    ("stalin_hardline", "prolong", {"war": True, "talks": True, "front": 38.2}, "1951-10-01", 1.0, 0.01),
    (
        "stalin_hardline",
        "settle",
        {"war": True, "talks": True, "front": 38.2, "china_settle": True},
        "1951-10-01",
        0.02,
        0.03,
    ),
    # Mao and the Politburo
    ("mao_consent", "approve", {"approved": True}, "1950-05-15", 1.0, 0.01),
    ("mao_12oct", "stop", OCT_1950, None, 0.73, 0.08),
    ("mao_12oct", "enter", {**OCT_1950, "air_cover": 1.0}, None, 1.0, 0.02),
    ("politburo_5oct", "send", {**OCT_1950, "front": 38.4, "air_cover": 0.7}, None, 0.85, 0.08),
    ("politburo_13oct", "intervene", {**OCT_1950, "china_stop": True}, None, 0.84, 0.08),
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
        {"war": True, "talks": True, "pow_issue": True, "china_in": True, "moscow_settle": True},
        "1953-03-01",
        0.86,
        0.08,
    ),
    # Kim
    ("kim_appeal", "ask_moscow_first", OCT_1950, None, 1.0, 0.01),
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
    ("un_cross_38th", "cross", {"war": True, "us_in": True, "front": 37.9, "kpa": 20.0}, None, 1.0, 0.02),
    (
        "un_cross_38th",
        "cross",
        {"war": True, "us_in": True, "front": 37.9, "kpa": 20.0, "china_in": True},
        None,
        0.96,
        0.04,
    ),
    ("us_air_war_secrecy", "keep_secret", {"war": True, "soviet_air": True, "us_in": True}, None, 1.0, 0.01),
    # after Stalin
    ("post_stalin_settle", "accept_us_position", {"war": True, "stalin_alive": False}, "1953-03-19", 1.0, 0.01),
    (
        "china_holdout",
        "hold_out",
        {"war": True, "moscow_settle": True, "pow_issue": True, "eisenhower": True, "china_in": True},
        "1953-04-02",
        0.6,
        0.15,
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
