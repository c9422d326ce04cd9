"""Probabilities of causation: closed forms on a toy model, the cause registry, end-to-end measures."""

from __future__ import annotations

import numpy as np
import pytest

from sim import case
from sim.analysis.causes import (
    CAUSES,
    build_scenarios,
    measure,
    outcome_names,
    probabilities_of_causation,
    reading,
)
from sim.engine import dates
from sim.scenario import Force, parse

N = 200_000


def _toy(a: float, b: float, p: float, seed: int = 20240611):
    """Y1 = U1 | U2, Y0 = U2, X independent of both: PN, PS and PNS have closed forms."""
    rng = np.random.default_rng(seed)
    u1, u2, x = rng.random(N) < a, rng.random(N) < b, rng.random(N) < p
    y1, y0 = u1 | u2, u2
    return x, np.where(x, y1, y0), y1, y0


def _close(measure_: dict, truth: float) -> None:
    value, (lo, hi) = measure_["value"], measure_["ci"]
    assert lo <= value <= hi
    assert abs(value - truth) < 0.01
    half = max(hi - lo, 1e-9)  # the 95% interval, widened to about four standard errors
    assert lo - half / 2 <= truth <= hi + half / 2


@pytest.mark.parametrize(("a", "b", "p"), [(0.3, 0.2, 0.5), (0.6, 0.5, 0.3), (0.15, 0.7, 0.8)])
def test_closed_form_toy_model(a, b, p):
    got = probabilities_of_causation(*_toy(a, b, p))
    _close(got["pn"], a * (1 - b) / (a + b - a * b))
    _close(got["ps"], a)
    _close(got["pns"], a * (1 - b))
    assert got["pns"]["n"] == N
    assert 0 < got["pn"]["n"] < N and 0 < got["ps"]["n"] < N


def test_monotone_deterministic_cause():
    """Y = X: the cause is necessary and sufficient in every world (Y1 = 1, Y0 = 0)."""
    x = np.random.default_rng(3).random(N) < 0.4
    got = probabilities_of_causation(x, x, np.ones(N, bool), np.zeros(N, bool))
    for key in ("pn", "ps", "pns"):
        assert got[key]["value"] == 1.0
        assert got[key]["ci"][0] <= 1.0 <= got[key]["ci"][1]
    assert got["pn"]["n"] == x.sum() and got["ps"]["n"] == (~x).sum()


def test_empty_conditioning_sets():
    ones, zeros = np.ones(50, bool), np.zeros(50, bool)
    got = probabilities_of_causation(ones, ones, ones, zeros)  # the cause everywhere: no X = 0, Y = 0 world
    assert got["ps"] == {"value": None, "ci": None, "n": 0}
    assert got["pn"]["value"] == 1.0
    got = probabilities_of_causation(zeros, zeros, ones, zeros)  # never the cause: no X = 1, Y = 1 world
    assert got["pn"] == {"value": None, "ci": None, "n": 0}
    assert got["ps"]["value"] == 1.0
    with pytest.raises(ValueError, match="one length"):
        probabilities_of_causation(ones, ones[:3], ones, zeros)


# ------------------------------------------------------------------ the registry
def _rules(scenario):
    return {(r.node, r.option) for r in scenario.setup().rules}


CHINA_POINTS = [d for d in case.DECISIONS if d.question == "china_enters"]


def test_china_force_binds_every_entry_decision():
    spec = CAUSES["china_entered"].do_true[0]["force"]
    bound = Force(spec["point"], spec["option"], spec["from"]).rules()
    assert {r.node for r in bound} == {d.id for d in CHINA_POINTS}
    assert all(r.start == 0 and not r.once for r in bound)  # from the model's first day, every occurrence


@pytest.mark.parametrize("scenario", ["baseline", "stalin_lives_to_1956"])
def test_every_cause_builds_valid_scenarios(scenario):
    for name, cause in CAUSES.items():
        assert cause.description and cause.noun
        factual, on, off = build_scenarios(name, scenario)
        assert factual.name == scenario
        assert on.base is not None and on.base.name == scenario and off.base.name == scenario
        assert on.runs == factual.runs and on.seed == factual.seed and on.horizon == factual.horizon


def test_in_memory_scenario_is_extended():
    mine = parse("name: mine\ntitle: Mine\nbase: stalin_lives_to_1956\n")
    _, on, off = build_scenarios("stalin_death", mine)
    assert [s.name for s in on.chain()] == ["baseline", "stalin_lives_to_1956", "mine__do_stalin_death_1"]
    assert on.setup().event_days == {"stalin_death": dates.day("1953-03-05")}
    assert off.setup().event_days == {"stalin_death": None}


def test_a_long_factual_name_still_gives_valid_do_scenarios():
    mine = parse("name: " + "m" * 64 + "\ntitle: Mine\n")
    _, on, off = build_scenarios("soviet_air_cover", mine)
    assert len(on.name) <= 64 and on.name.endswith("__do_soviet_air_cover_1") and off.name.endswith("_0")


def test_interventions_bind_the_intended_points():
    _, on, off = build_scenarios("china_entered")
    assert _rules(on) == {(d.id, o) for d in CHINA_POINTS for o, st in d.stances.items() if st == "enter"}
    assert _rules(off) == {(d.id, o) for d in CHINA_POINTS for o, st in d.stances.items() if st == "stay_out"}

    _, on, off = build_scenarios("soviet_air_cover")
    assert _rules(on) == {("black_sea", "air_cover_now"), ("stalin_yalu_limit", "over_korea")}
    assert _rules(off) == {("black_sea", "no_air_cover"), ("stalin_yalu_limit", "no_air_cover")}

    _, on, off = build_scenarios("us_intervened")
    assert _rules(on) == {("us_intervention", "intervene")}
    assert _rules(off) == {("us_intervention", "stay_out")}

    death = dates.day("1953-03-05")
    _, on, off = build_scenarios("stalin_death")
    assert on.setup().event_days == {"stalin_death": death} and not on.setup().rules
    assert off.setup().event_days == {"stalin_death": None}
    _, on, off = build_scenarios("stalin_death", "stalin_lives_to_1956")  # do(1) restores the removed death
    assert on.setup().event_days == {"stalin_death": death}
    assert off.setup().event_days == {"stalin_death": None}


def test_bad_names_and_conflicts():
    with pytest.raises(ValueError, match="Valid causes: china_entered"):
        measure("mao_sneezed", "dprk_survives")
    with pytest.raises(ValueError, match=r"Valid outcomes:.*armistice"):
        measure("china_entered", "victory")
    assert {"dprk_survives", "divided", "armistice"} <= set(outcome_names())
    with pytest.raises(ValueError, match="cannot be applied on scenario 'china_refuses_12_oct'"):
        build_scenarios("china_entered", "china_refuses_12_oct")


# ------------------------------------------------------------------ end to end
def _check_measures(r: dict) -> None:
    for key in ("pn", "ps", "pns"):
        m = r[key]
        if m["value"] is None:
            assert m["ci"] is None and m["n"] == 0
            continue
        assert 0.0 <= m["value"] <= 1.0 and 0 < m["n"] <= r["runs"]
        assert m["ci"][0] <= m["value"] <= m["ci"][1]
    inter = r["interventional"]
    assert r["pns"]["value"] <= inter["p_outcome_do_true"] + 1e-12  # PNS <= P(Y1 = 1)
    assert r["pns"]["value"] <= 1 - inter["p_outcome_do_false"] + 1e-12  # PNS <= P(Y0 = 0)
    assert "None" not in r["reading"] and "nan" not in r["reading"]


def test_measure_china_entry_and_north_korean_survival():
    r = measure("china_entered", "dprk_survives", runs=1500)
    assert (r["cause"], r["outcome"], r["scenario"], r["runs"], r["seed"]) == (
        "china_entered",
        "dprk_survives",
        "baseline",
        1500,
        1950,
    )
    _check_measures(r)
    assert r["pn"]["value"] is not None and r["ps"]["value"] is not None
    assert r["checks"]["p_cause_do_false"] == 0.0  # ruling out the entry rules it out in every world
    text = r["reading"]
    assert "China" in text and "North Korea" in text and "survive" in text
    assert "not a historical verdict" in text


def test_measure_the_uns_crossing_and_chinese_entry():
    """The crossing is a cause only now that the outcome follows Truman's decision: halting rules it out."""
    r = measure("un_crossed_38th", "china_entered", runs=1500)
    _check_measures(r)
    checks, inter = r["checks"], r["interventional"]
    assert checks["p_cause_do_false"] == 0.0  # a UN held at the parallel never goes north of it
    assert checks["p_cause_do_true"] > 0.95  # ordered across, it crosses wherever it stood at the parallel
    assert 0.2 < r["factual"]["p_cause"] < 0.9  # Truman's choice: neither always nor never
    assert inter["p_outcome_do_true"] > inter["p_outcome_do_false"]
    assert "crossed the 38th parallel" in r["reading"] and "Chinese troops" in r["reading"]


def test_measure_the_drive_to_the_yalu_and_chinese_entry():
    r = measure("un_drove_to_yalu", "china_entered", runs=1500)
    _check_measures(r)
    assert r["checks"]["p_cause_do_false"] == 0.0  # held at the neck, nobody drives on
    assert r["interventional"]["p_outcome_do_true"] >= r["interventional"]["p_outcome_do_false"]
    assert "drive to the Yalu" in r["reading"]


def test_measure_stalin_death_when_he_lives():
    r = measure("stalin_death", "armistice", scenario="stalin_lives_to_1956", runs=1500)
    _check_measures(r)
    assert r["factual"]["p_cause"] == 0.0
    assert r["pn"]["value"] is None and r["ps"]["value"] is not None
    assert r["checks"]["p_cause_do_true"] == 1.0  # do(1) restores the March 1953 death
    assert "Stalin" in r["reading"] and "armistice" in r["reading"]
    assert "necessity cannot be measured" in r["reading"]


def test_reading_handles_empty_sets_and_extremes():
    base = {
        "cause": "us_intervened",
        "outcome": "no_war",
        "runs": 10,
        "factual": {"p_cause": 1.0, "p_outcome": 0.0},
        "interventional": {"p_outcome_do_true": 0.0, "p_outcome_do_false": 0.0},
        "pn": {"value": None, "ci": None, "n": 0},
        "ps": {"value": None, "ci": None, "n": 0},
        "pns": {"value": 0.0, "ci": [0.0, 0.28], "n": 10},
    }
    text = reading(base)
    assert "necessity cannot be measured" in text and "sufficiency cannot be measured" in text
    base["pn"] = {"value": 0.9996, "ci": [0.999, 1.0], "n": 8}
    text = reading(base)
    assert "over 99.9%" in text and "rough" in text and "None" not in text
