"""Rows of one vectorised model with their own factor values, forced choices and policies (sim.analysis.rows).

Properties only (the model is being rewritten; no number is pinned): a row
given the model's own draws is the world itself; rows do not depend on their
chunking or order; a forced row is the scenario language's force; a policy
replaces a leader's probabilities at its points and nowhere else.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import case
from sim.analysis import factors, measures, rows
from sim.analysis.calibrate import historical_setup
from sim.analysis.simulate import run_setup
from sim.case import KOREA
from sim.scenario import Setup, parse

SEED = 1950


@pytest.fixture(scope="module")
def setup():
    return Setup()


def test_rows_with_the_models_own_draws_are_the_worlds_themselves(setup):
    worlds = np.arange(400)
    chosen = factors.all_factors(setup)
    draws = factors.world_values(setup, SEED, worlds, chosen)
    ens = run_setup(setup, SEED, len(worlds))
    cols = rows.run_rows(setup, SEED, worlds, values=draws)
    for name, col in ens.columns.items():
        assert np.array_equal(cols[name], col), name


def test_rows_do_not_depend_on_chunking_or_order(setup):
    worlds = np.arange(300)
    values = {"stalin.avoid_us_war": np.linspace(1.5, 2.5, 300), "belief.bomb_factor": np.linspace(0.9, 0.75, 300)}
    whole = rows.run_rows(setup, SEED, worlds, values=values)
    perm = np.random.default_rng(3).permutation(300)
    parts = rows.run_rows(setup, SEED, worlds[perm], values={k: v[perm] for k, v in values.items()}, chunk=37)
    for name in whole:
        assert np.array_equal(parts[name], whole[name][perm]), name


@pytest.mark.parametrize("k", [0, 10, 20])
def test_a_forced_row_is_the_scenario_languages_force(k):
    """Force the k-th decision point's non-historical option: per-row forcing equals a scenario's force (once)."""
    points = [n for n in case.DECISIONS if len(n.options) > 1 and n.historical]
    node = points[k % len(points)]
    option = next(o for o in node.options if o != node.historical)
    text = f"name: t\ntitle: t\ninterventions:\n  - force: {{point: {node.id}, option: {option}}}\n"
    worlds = np.arange(150)
    via_rules = run_setup(parse(text, "<test>").setup(), SEED, len(worlds)).columns
    forcing = {node.id: np.full(len(worlds), node.options.index(option))}
    via_rows = rows.run_rows(Setup(), SEED, worlds, forcing=forcing)
    for name, col in via_rules.items():
        assert np.array_equal(via_rows[name], col), (node.id, name)


def test_policies_replace_a_leaders_probabilities_at_its_points_only():
    runs = 200
    worlds = np.tile(np.arange(runs), 3)
    codes = np.repeat([0, rows.POLICY_CODES["uniform"], rows.POLICY_CODES["historical"]], runs)
    # Rhee decides last on the historical path, so another leader's points meet the same states under every
    # policy (a policy for an earlier decider changes the later path, and so later probabilities)
    model = rows.RowsModel(
        rows.rows_case(KOREA), worlds, SEED, historical_setup(), policies={"rhee": codes}, record=True
    ).run()
    by_id = {n.id: n for n in KOREA.nodes}
    checked = 0
    for point, table in model.recorded.items():
        node = by_id[point]
        own, doc, uni, hist = table[:runs], table[:runs], table[runs : 2 * runs], table[2 * runs :]
        reached = ~np.isnan(own).any(axis=1)
        if not reached.any():
            continue
        if node.decider == "rhee":
            assert np.allclose(uni[reached], 1 / len(node.options))
            assert np.allclose(hist[reached][:, node.options.index(node.historical)], 1.0)
            checked += 1
        else:
            assert np.array_equal(uni[reached], doc[reached]) and np.array_equal(hist[reached], doc[reached])
    assert checked > 0


def test_measures_parse_every_kind_and_refuse_nonsense():
    assert measures.parse("china_entered").kind == "share"
    assert measures.parse("china_entered=false").label.startswith("not")
    assert measures.parse("final_outcome=rok_unifies").category == measures.parse("rok_unifies").category
    assert measures.parse("armistice_date").kind == "date"
    assert measures.parse("deaths").kind == "mean" and measures.parse("deaths").unit == "thousand"
    assert measures.parse("war_months>36").binary
    assert measures.parse("armistice_date<1952-07-01").binary
    for bad in ("nothing", "final_outcome=peace", "china_entered>3", "war_months=3", "armistice_date<soon"):
        with pytest.raises(ValueError, match="Examples"):
            measures.parse(bad)
    cols = {"china_entered": np.array([True, False]), "armistice_date": np.array([100, -1])}
    assert measures.parse("china_entered=false").per_world(cols).tolist() == [0.0, 1.0]
    assert measures.parse("armistice_date").per_world(cols, horizon=999).tolist() == [100.0, 999.0]
