"""Attribution: Shapley values of games with known answers, a toy case run by the engine, and the real model.

The toy case is three decision points of one leader, each taking "yes"
almost surely; its outcome is a function of their choices that the test
chooses (a AND b, or a OR b), so the Shapley values and but-for causes are
known: for AND, a and b share the outcome (1/2 each), each is a but-for
cause, c gets nothing; for OR, the outcome is overdetermined: 1/2 each, no
single but-for cause, and (a, b) is a joint cause.
"""

from __future__ import annotations

import json
from typing import ClassVar

import numpy as np
import pytest
from click.testing import CliRunner

from agents.base import Leader, Term
from cli import main
from sim.analysis import attribution as at
from sim.analysis import measures
from sim.engine.nodes import DecisionPoint, always
from sim.engine.spec import CaseSpec
from sim.scenario import Setup


# ------------------------------------------------------------------ games with known Shapley values
def test_exact_shapley_of_known_games():
    additive = at.shapley_exact(3, lambda c: c @ np.array([1.0, 2.0, 3.0]))
    assert np.allclose(additive, [1, 2, 3])
    both = at.shapley_exact(3, lambda c: (c[:, 0] & c[:, 1]).astype(float))
    assert np.allclose(both, [0.5, 0.5, 0])
    # the glove game: player 0 holds a left glove, players 1 and 2 a right glove each; a pair is worth 1
    glove = at.shapley_exact(3, lambda c: (c[:, 0] & (c[:, 1] | c[:, 2])).astype(float))
    assert np.allclose(glove, [2 / 3, 1 / 6, 1 / 6])


def test_sampled_shapley_agrees_with_exact():
    def game(c):
        return (c[:, 0] & (c[:, 1] | c[:, 2])).astype(float) + 0.5 * c[:, 3]

    exact = at.shapley_exact(4, game)
    sampled, se = at.shapley_sampled(4, game, 4000, np.random.default_rng(0))
    assert np.allclose(sampled, exact, atol=4 * se.max() + 1e-9)
    assert sampled.sum() == pytest.approx(game(np.ones((1, 4), bool))[0] - game(np.zeros((1, 4), bool))[0])


# ------------------------------------------------------------------ a toy case run by the engine
class Toy(Leader):
    key = "toy"
    name = "A toy leader"
    role = "test"
    terms: ClassVar = (Term("pref", "a strong taste for yes", "overriding", "-"),)
    decides = ("a", "b", "c")


def _set(flag: str):
    def effect(fx) -> None:
        idx, _ = fx.chose("yes")
        getattr(fx.s, flag)[idx] = True

    return effect


def _point(pid: str) -> DecisionPoint:
    return DecisionPoint(
        id=pid,
        title=f"point {pid}",
        window=("1949-02-01", "1949-03-01"),
        when=always,
        effect=_set(pid),
        evidence=("-",),
        options=("yes", "no"),
        historical="yes",
        scope="all",
        decider="toy",
        features=lambda v: {"yes": {"pref": 10.0}, "no": {}},
    )


def _toy(rule) -> CaseSpec:
    schema = {
        "war": (bool, False, "at war"),
        "front": (np.float64, 38.0, "front"),
        **{k: (bool, False, k) for k in "abc"},
    }

    def outcomes(model):
        s = model.state
        return {"world": model.worlds.astype(np.int64), "y": rule(s.a, s.b, s.c)}

    return CaseSpec(
        nodes=tuple(_point(p) for p in "abc"),
        schema=schema,
        leaders={"toy": Toy},
        params={},
        weekly=lambda *args: None,
        init=lambda model: None,
        series="front",
        outcomes=outcomes,
    )


Y = measures.Measure("y", "share", "the toy outcome", column="y")


def test_attribution_of_a_toy_case_with_a_known_answer():
    case = _toy(lambda a, b, c: a & b)
    (w,) = at.attribute(Setup(), 1, [0], Y, case=case)
    assert [p.point for p in w.players] == ["a", "b", "c"]
    assert [(p.actual, p.alternative) for p in w.players] == [("yes", "no")] * 3
    assert w.se is None  # three players: exact
    assert np.allclose(w.shapley, [0.5, 0.5, 0.0])
    assert (w.factual, w.all_alternative) == (1.0, 0.0)
    assert w.but_for_causes() == [0, 1] and w.pairs == []


def test_an_overdetermined_toy_outcome_has_no_single_but_for_cause():
    case = _toy(lambda a, b, c: a | b)
    (w,) = at.attribute(Setup(), 1, [0], Y, case=case)
    assert np.allclose(w.shapley, [0.5, 0.5, 0.0])
    assert w.but_for_causes() == [] and w.pairs == [(0, 1)]
    (only,) = at.attribute(Setup(), 1, [0], Y, case=case, points=["a", "c"])
    assert [p.point for p in only.players] == ["a", "c"] and np.allclose(only.shapley, [0.0, 0.0])


# ------------------------------------------------------------------ the real model
def test_attribution_on_the_real_model_is_efficient_and_matches_the_world():
    from sim.analysis.simulate import run_setup

    m = measures.parse("dprk_survives")
    (w,) = at.attribute(Setup(), 1950, [3], m, permutations=40)
    assert len(w.players) > EXACT_LIMIT
    assert w.factual == float(run_setup(Setup(), 1950, 1, first_world=3).columns["dprk_survives"][0])
    assert w.all_actual == w.factual  # keeping every actual choice is the world itself
    assert w.shapley.sum() == pytest.approx(w.all_actual - w.all_alternative)
    assert w.se is not None and (w.se >= 0).all()


EXACT_LIMIT = at.EXACT_MAX


def test_attribute_command_one_world_and_an_ensemble():
    args = ["attribute", "baseline", "--outcome", "dprk_survives"]
    one = CliRunner().invoke(main, [*args, "--world", "0", "--permutations", "20"])
    assert one.exit_code == 0, one.output
    assert "Shapley" in one.output and "world 0" in one.output
    doc = json.loads(CliRunner().invoke(main, [*args, "--worlds", "3", "--permutations", "10", "--json"]).output)
    assert len(doc["worlds"]) == 3 and doc["summary"]
    assert {"point", "shapley", "on_path", "but_for"} <= set(doc["summary"][0])
    bad = CliRunner().invoke(main, [*args, "--points", "no_such_point"])
    assert bad.exit_code == 2 and "unknown decision point" in bad.output
    both = CliRunner().invoke(main, [*args, "--world", "3", "--worlds", "5"])
    assert both.exit_code == 2 and "not both" in both.output  # --world was ignored silently
