"""Sensitivity indices: SALib wiring checked on the Ishigami function, then the real model (structure only)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from cli import main
from sim.analysis import factors, measures
from sim.analysis import sensitivity as se
from sim.analysis.factors import Factor
from sim.scenario import Setup

pytest.importorskip("SALib")

LEADER = "politburo" if "politburo" in factors.KOREA.leaders else next(iter(factors.KOREA.leaders))

# Ishigami (a = 7, b = 0.1) on [-pi, pi]^3: analytic first-order and total indices (Ishigami & Homma 1990)
ISHIGAMI_S1 = [0.3139, 0.4424, 0.0]
ISHIGAMI_ST = [0.5576, 0.4424, 0.2437]


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])


def _factors(groups=("g1", "g2", "g1")) -> list[Factor]:
    return [Factor(f"x{i + 1}", g, -np.pi, np.pi, f"x{i + 1}", "-") for i, g in enumerate(groups)]


def test_sobol_indices_of_the_ishigami_function_match_their_known_values():
    chosen = _factors()
    prob = se.problem(chosen)
    x = se.design("sobol", prob, 2048, se.sub_seed(1, "design"))
    idx = se.analyze("sobol", prob, x, ishigami(x), se.sub_seed(1, "bootstrap"))
    assert np.allclose(idx["S1"], ISHIGAMI_S1, atol=0.04)
    assert np.allclose(idx["ST"], ISHIGAMI_ST, atol=0.04)
    assert (idx["S1_conf"] > 0).all() and (idx["ST_conf"] < 0.1).all()


def test_grouped_sobol_indices_of_the_ishigami_function():
    """Group {x1, x3}: closed first-order S1 + S3 + S13 = 1 - S2, total 1 - S2."""
    prob = se.problem(_factors(), grouped=True)
    x = se.design("sobol", prob, 2048, 7)
    idx = se.analyze("sobol", prob, x, ishigami(x), 11)
    assert np.allclose(idx["S1"], [1 - ISHIGAMI_S1[1], ISHIGAMI_S1[1]], atol=0.05)
    assert np.allclose(idx["ST"], [1 - ISHIGAMI_S1[1], ISHIGAMI_S1[1]], atol=0.05)


def test_morris_screening_of_the_ishigami_function_ranks_what_matters():
    prob = se.problem(_factors())
    x = se.design("morris", prob, 200, 5)
    idx = se.analyze("morris", prob, x, ishigami(x), 5)
    assert idx["mu_star"][0] > 0 and idx["mu_star"][1] > 0 and idx["mu_star"][2] > 0
    assert np.isfinite(idx["sigma"]).all()


def test_a_constant_outcome_has_zero_indices():
    prob = se.problem(_factors())
    x = se.design("sobol", prob, 8, 3)
    assert not se.analyze("sobol", prob, x, np.ones(len(x)), 3)["ST"].any()


def test_factors_follow_the_setup_and_refuse_unknown_names():
    every = factors.all_factors(Setup())
    assert all(f.high > f.low for f in every)
    assert {f.group for f in every if f.is_weight} <= set(factors.KOREA.leaders)
    fixed = factors.all_factors(Setup(params={"stalin.avoid_us_war": (2.0, 2.0)}))
    assert "stalin.avoid_us_war" not in {f.name for f in fixed}
    narrowed = {f.name: f for f in factors.all_factors(Setup(params={"belief.bomb_factor": (0.8, 0.85)}))}
    assert (narrowed["belief.bomb_factor"].low, narrowed["belief.bomb_factor"].high) == (0.8, 0.85)
    assert [f.group for f in factors.factors(Setup(), "kim")] == ["kim"] * len(factors.factors(Setup(), "kim"))
    with pytest.raises(ValueError, match="unknown factor"):
        factors.factors(Setup(), "stalin.no_such_term")


def _small(jobs: int, seed: int = 1950, chunk_rows: int = 24) -> np.ndarray:
    chosen = factors.factors(Setup(), LEADER)
    prob = se.problem(chosen)
    x = se.design("sobol", prob, 4, se.sub_seed(seed, "design"))
    names = [f.name for f in chosen]
    return se.evaluate_samples(Setup(), seed, 4, names, x, measures.parse("china_entered"), jobs, chunk_rows=chunk_rows)


def test_sample_outcomes_do_not_depend_on_jobs_or_chunks():
    one = _small(jobs=1, chunk_rows=10_000)
    assert np.array_equal(_small(jobs=1), one)
    assert np.array_equal(_small(jobs=2), one)


def test_indices_are_the_same_for_the_same_seed_and_any_jobs():
    def run(jobs, seed=1950):
        chosen = factors.factors(Setup(), f"{LEADER},params")
        return se.run(Setup(), "baseline", measures.parse("war_months"), chosen, "sobol", 4, 4, seed, jobs)

    a, b = run(1), run(2)
    for key in a.indices:
        assert np.array_equal(a.indices[key], b.indices[key]), key
        assert np.array_equal(a.group_indices[key], b.group_indices[key]), key
    assert a.evaluations == se.design_size("sobol", 4, len(a.factors), len(a.group_names))
    c = run(1, seed=7)
    assert not all(np.array_equal(a.indices[k], c.indices[k]) for k in a.indices)


def test_sensitivity_command_on_the_real_model(tmp_path):
    plot = tmp_path / "indices.png"
    args = ["sensitivity", "baseline", "--outcome", "china_entered", "--samples", "4", "--worlds", "4"]
    r = CliRunner().invoke(main, [*args, "--factors", f"{LEADER},params", "--json", "--plot", str(plot)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["method"] == "sobol" and doc["samples"] == 4 and doc["worlds"] == 4
    assert {f["group"] for f in doc["factors"]} - {LEADER} <= {
        f"params: {p.split('.')[0]}" for p in factors.KOREA.params
    }
    totals = [f["ST"] for f in doc["factors"]]
    assert totals == sorted(totals, reverse=True)
    assert {g["name"] for g in doc["groups"]} == {f["group"] for f in doc["factors"]}
    assert plot.stat().st_size > 1000
    text = CliRunner().invoke(main, [*args, "--factors", LEADER, "--method", "morris", "--outcome", "war_months"])
    assert text.exit_code == 0, text.output
    assert "Morris screening of" in text.output
    # one leader's weights: the factors are one group (no grouped design), unless no setting moves the outcome
    assert f"one group ({LEADER})" in text.output or "the same for every setting" in text.output


def test_sensitivity_refuses_bad_input_before_running(tmp_path):
    base = ["sensitivity", "baseline", "--outcome", "china_entered"]
    for extra, words in (
        (["--samples", "100"], "power of two"),
        (["--factors", "nobody"], "unknown factor"),
        (["--outcome", "peace"], "unknown outcome"),
        (["--plot", str(tmp_path / "x.txt")], "--plot"),
        (["--plot", str(tmp_path / "no" / "x.png")], "does not exist"),
        (["--plot", str(tmp_path / "thesis.pdf"), "--force"], "this tool did not write it"),
    ):
        (tmp_path / "thesis.pdf").write_text("my thesis draft")
        r = CliRunner().invoke(main, [*base, "--samples", "4", "--worlds", "2", *extra])
        assert r.exit_code == 2, (extra, r.output)
        assert words in r.output, (extra, r.output)
    assert (tmp_path / "thesis.pdf").read_text() == "my thesis draft"


def test_commands_without_the_analysis_extra_say_how_to_install_it(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name in ("SALib", "ema_workbench") else real(name, *a)
    )
    for args in (
        ["sensitivity", "baseline", "--outcome", "china_entered"],
        ["discover", "baseline", "--outcome", "rok_unifies"],
    ):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 2, r.output
        assert "pip install 'korea-whatif[analysis]'" in r.output
        assert len(r.output.strip().splitlines()) == 1


def test_a_single_group_has_no_grouped_design(tmp_path):
    """--factors naming one leader: Sobol over its terms alone (SALib's grouped design needs two groups).

    (The war's length: across Mao's weight ranges the share of worlds China enters hardly moves, sd under 0.01,
    and in 8 worlds not at all; when it enters, and so how long the war lasts, does.)"""
    args = ["sensitivity", "baseline", "--outcome", "war_months", "--samples", "4", "--worlds", "8"]
    r = CliRunner().invoke(main, [*args, "--factors", "mao", "--json", "--plot", str(tmp_path / "one.png")])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["groups"] == [] and {f["group"] for f in doc["factors"]} == {"mao"}
    assert doc["evaluations"] == se.design_size("sobol", 4, len(doc["factors"]), 1) == 4 * (len(doc["factors"]) + 2)
    assert doc["outcome_std"] > 0  # the case that failed: an outcome that varies
    text = CliRunner().invoke(main, [*args, "--factors", "mao"]).output
    assert "one group (mao): no grouped design" in text
