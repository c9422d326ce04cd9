"""Scenario discovery: PRIM and CART recover a known box; the command runs on the real model (structure only)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from cli import main
from sim.analysis import discovery, measures
from sim.output.assumptions import NO_BOX
from sim.output.figures.assumptions import tradeoff

pytest.importorskip("ema_workbench")

NAMES = ["a", "b", "c", "d", "e"]


@pytest.fixture(scope="module")
def synthetic():
    """Five uniform factors; the outcome happens when a > 0.6 and c < 0.3 (with 3% label noise)."""
    gen = np.random.default_rng(42)
    x = gen.uniform(size=(4000, 5))
    y = (x[:, 0] > 0.6) & (x[:, 2] < 0.3)
    flip = gen.uniform(size=len(y)) < 0.03
    return x, np.where(flip, ~y, y)


def test_prim_recovers_a_known_box(synthetic):
    x, y = synthetic
    boxes, trajectory, chosen = discovery.prim_boxes(x, y, NAMES, n_boxes=1, min_coverage=0.8)
    box = boxes[0]
    assert set(box.limits) == {"a", "c"}
    assert box.limits["a"][0] == pytest.approx(0.6, abs=0.05)
    assert box.limits["c"][1] == pytest.approx(0.3, abs=0.05)
    assert box.density > 0.8 and box.coverage > 0.8
    assert all(q < 0.05 for q in box.qp.values())
    assert len(trajectory) > 5 and 0 <= chosen < len(trajectory)
    densities = [t["density"] for t in trajectory]
    assert densities[chosen] > densities[0]


def test_a_common_outcome_can_still_have_a_box():
    """An outcome in 82% of worlds, 97% where a > 0.4: its share can never be 1.5 times the base rate, its odds can."""
    gen = np.random.default_rng(7)
    x = gen.uniform(size=(4000, 5))
    y = np.where(x[:, 0] > 0.4, gen.uniform(size=4000) < 0.97, gen.uniform(size=4000) < 0.6)
    boxes, _, _ = discovery.prim_boxes(x, y, NAMES, n_boxes=1, min_coverage=0.5)
    assert y.mean() > 1 / discovery.LIFT and boxes and set(boxes[0].limits) == {"a"}
    assert discovery.concentrated(0.97, 0.82) and not discovery.concentrated(0.83, 0.82)
    assert not discovery.concentrated(1.0, 1.0) and discovery.concentrated(1.0, 0.5)


def test_cart_recovers_a_known_box(synthetic):
    x, y = synthetic
    boxes, _, _ = discovery.cart_boxes(x, y, NAMES, seed=1)
    dense = [b for b in boxes if b.density > 0.8]
    assert dense and sum(b.coverage for b in dense) > 0.8  # CART splits the box into leaves; together they cover it
    for box in dense:
        assert {"a", "c"} <= set(box.limits)
        assert box.limits["a"][0] == pytest.approx(0.6, abs=0.05)
        assert box.limits["c"][1] == pytest.approx(0.3, abs=0.05)


def test_box_statistics_are_shares_of_worlds(synthetic):
    x, y = synthetic
    box = discovery.stats({"a": (0.6, 1.0)}, x, y, NAMES)
    inside = x[:, 0] >= 0.6
    assert box.worlds == inside.sum() and box.hits == (y & inside).sum()
    assert box.coverage == pytest.approx(box.hits / y.sum())
    assert box.density == pytest.approx(box.hits / box.worlds)
    assert box.mass == pytest.approx(box.worlds / len(y))


def figure_texts(x, y) -> list[str]:
    """The legend of the trade-off figure of PRIM on (x, y), each entry on one line."""
    boxes, trajectory, chosen = discovery.prim_boxes(x, y, NAMES, min_coverage=0.8)
    found = discovery.Discovery(
        "s", measures.parse("china_entered"), "prim", len(y), 1, [], y.mean(), int(y.sum()), boxes, trajectory, chosen
    )
    return [" ".join(t.get_text().split()) for t in tradeoff(found).axes[0].get_legend().get_texts()]


def test_the_figure_circles_the_box_reported_and_says_when_there_is_none(synthetic):
    """The figure agrees with the text: a circle for the box reported; none and the text's reason without one."""
    x, y = synthetic
    assert figure_texts(x, y) == ["box reported (before dropping non-significant restrictions)"]
    noise = np.random.default_rng(3).uniform(size=len(y)) < 0.5  # the outcome depends on no factor
    boxes, trajectory, chosen = discovery.prim_boxes(x, noise, NAMES, min_coverage=0.8)
    assert boxes == [] and trajectory and chosen is None
    assert figure_texts(x, noise) == [f"No box reported: {NO_BOX}."]


@pytest.mark.parametrize("method", ["prim", "cart"])
def test_discover_command_on_the_real_model(tmp_path, method):
    plot = tmp_path / "tradeoff.png"
    args = ["discover", "baseline", "--outcome", "final_outcome=rok_unifies", "--runs", "1500", "--method", method]
    r = CliRunner().invoke(main, [*args, "--json", "--plot", str(plot)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["runs"] == 1500 and 0 <= doc["base_rate"] <= 1 and doc["method"] == method
    for box in doc["boxes"]:
        assert 0 <= box["coverage"] <= 1 and 0 <= box["density"] <= 1 and box["limits"]
    assert plot.stat().st_size > 1000
    text = CliRunner().invoke(main, args)
    assert text.exit_code == 0 and "Scenario discovery" in text.output
    assert ("box 1: when" in text.output) or ("no box" in text.output) or ("same in every world" in text.output)


def test_discover_honours_min_coverage():
    """--min-coverage never reached PRIM (the API dropped it): every run picked the box for 0.5. The box
    reported is now the densest point of the trajectory that keeps at least that share of the outcome's worlds."""
    args = ["discover", "baseline", "--outcome", "war_months>36", "--runs", "1000", "--json"]
    docs = {c: json.loads(CliRunner().invoke(main, [*args, "--min-coverage", c]).output) for c in ("0.1", "0.3")}
    assert docs["0.1"]["boxes"] != docs["0.3"]["boxes"]
    for c, doc in docs.items():
        assert doc["boxes"] and doc["boxes"][0]["coverage"] >= float(c)


def test_discover_plot_force_never_replaces_a_file_this_tool_did_not_write(tmp_path):
    thesis = tmp_path / "thesis.pdf"
    thesis.write_text("my thesis draft")
    args = ["discover", "baseline", "--outcome", "final_outcome=rok_unifies", "--plot", str(thesis), "--force"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and "this tool did not write it" in r.output and "Traceback" not in r.output
    assert thesis.read_text() == "my thesis draft"


def test_discover_needs_a_yes_no_outcome():
    r = CliRunner().invoke(main, ["discover", "baseline", "--outcome", "war_months", "--runs", "200"])
    assert r.exit_code == 2 and "war_months>VALUE" in r.output
