"""Monte Carlo error (convergence, precision warnings) and the leader ablation: properties and commands."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from cli import main
from sim.analysis import ablation, convergence, measures, rows
from sim.analysis.summary import wilson


def test_intervals_by_kind():
    share = measures.parse("china_entered")
    values = np.array([1.0] * 30 + [0.0] * 70)
    est, lo, hi = convergence.interval(values, share)
    assert est == 0.3 and (lo, hi) == pytest.approx(wilson(30, 100))
    mean = measures.parse("war_months")
    est, lo, hi = convergence.interval(np.arange(100.0), mean)
    assert lo < est == 49.5 < hi and hi - est == pytest.approx(est - lo)
    date = measures.parse("armistice_date")
    est, lo, hi = convergence.interval(np.arange(1001.0), date)
    assert est == 500 and lo < 500 < hi and hi - lo < 100


def test_the_interval_narrows_as_worlds_grow_and_the_needed_worlds_follow():
    values = (np.random.default_rng(1).uniform(size=20_000) < 0.2).astype(float)
    res = convergence.converge(values, measures.parse("china_entered"), "x", 1)
    widths = [p["high"] - p["low"] for p in res.curve]
    assert widths[-1] < widths[0] / 10 and [p["n"] for p in res.curve] == sorted(p["n"] for p in res.curve)
    assert res.curve[-1]["n"] == 20_000 and res.target == 0.01
    assert 5_000 < res.needed < 8_000  # a half-width of 1 pp at p = 0.2 needs about 6,150 worlds


def test_precision_warnings_say_when_an_interval_is_wider_than_its_claim():
    shares = {"china_entered": 0.5}
    final = {"divided": 0.6, "rok_unifies": 0.39, "dprk_unifies": 0.01}
    few = convergence.precision_warnings({"runs": 100, "shares": shares, "final_outcome": final})
    assert any("dprk_unifies" in w for w in few)  # 1 world in 100: the interval dwarfs the share
    many = convergence.precision_warnings({"runs": 100_000, "shares": shares, "final_outcome": final})
    assert many == []
    tie = {"divided": 0.5, "rok_unifies": 0.49, "no_war": 0.01}
    assert any(
        "not established" in w
        for w in convergence.precision_warnings({"runs": 1000, "shares": {}, "final_outcome": tie})
    )
    doc = {
        "scenarios": {
            "s": {"effects": {"x": {"diff": 0.01, "ci": [-0.01, 0.03]}, "y": {"diff": 0.2, "ci": [0.1, 0.3]}}}
        }
    }
    assert convergence.effect_warnings(doc) == [
        "s: the effect on x (+1.0 pp, 95% interval -1.0 to +3.0 pp) is smaller than its interval: "
        "not distinguished from no effect."
    ]
    doc["scenarios"]["s"]["effects"] = {"war_months": {"diff": 0.4, "ci": [-0.2, 1.0]}}
    assert "(+0.4 months, 95% interval -0.2 to +1.0 months)" in convergence.effect_warnings(doc)[0]


def test_the_convergence_figure_labels_worlds_as_plain_numbers(tmp_path):
    """The log axis says 1,000, not mathtext (figures never parse "$": a scenario's title may hold one)."""
    from sim.output.figures import assumptions, save

    values = (np.random.default_rng(1).uniform(size=5_000) < 0.2).astype(float)
    fig = assumptions.convergence(convergence.converge(values, measures.parse("china_entered"), "x", 1))
    save(fig, tmp_path, "converge")
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels(which="both") if t.get_text()]
    assert "1,000" in labels and not any("$" in text for text in labels)


def test_a_long_scenario_name_is_wrapped_in_the_convergence_title(tmp_path):
    """A scenario name may have 64 characters; the figure keeps its width."""
    from sim.output.figures import assumptions, save

    values = (np.random.default_rng(1).uniform(size=500) < 0.2).astype(float)
    widths = []
    for name in ("baseline", "a_scenario_with_a_long_name_" + "x" * 36):
        fig = assumptions.convergence(convergence.converge(values, measures.parse("china_entered"), name, 1))
        widths.append(int.from_bytes(save(fig, tmp_path, name).read_bytes()[16:20], "big"))
    assert widths[1] <= widths[0]


def test_converge_command_prints_the_curve_and_draws_it(tmp_path):
    out = tmp_path / "converge.svg"
    args = ["converge", "baseline", "--outcome", "war_months", "--runs", "400"]
    r = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "Convergence of" in r.output and "400" in r.output and out.exists()
    doc = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)
    assert doc["curve"][-1]["n"] == 400 and doc["kind"] == "mean"
    again = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert again.exit_code == 2 and "choose another --out or pass --force" in again.output
    assert "--plot" not in again.output  # the option given, not another command's
    wrong = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "converge.txt")])
    assert wrong.exit_code == 2 and "--out" in wrong.output and "--plot" not in wrong.output
    assert CliRunner().invoke(main, [*args, "--out", str(out), "--force"]).exit_code == 0


def test_converge_force_never_replaces_a_file_this_tool_did_not_write(tmp_path, monkeypatch):
    """`converge --out thesis.pdf --force` replaced the user's file; now refused before anything runs."""
    thesis = tmp_path / "thesis.pdf"
    thesis.write_text("my thesis draft")
    monkeypatch.setattr("sim.api.converge", lambda *a, **k: pytest.fail("ran although refused"))
    args = ["converge", "baseline", "--outcome", "china_entered", "--runs", "100", "--out", str(thesis), "--force"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and "this tool did not write it" in r.output and "Traceback" not in r.output
    assert thesis.read_text() == "my thesis draft" and [p.name for p in tmp_path.iterdir()] == ["thesis.pdf"]


def test_trivial_policies_change_fidelity_only_at_the_ablated_leaders_points():
    leader = "rhee"  # the last decider on the historical path: no later point meets a changed state
    chosen = ablation.variants([leader])
    fid = ablation.fidelity(chosen, runs=60, seed=1)
    documented = fid[0]
    for (key, policy), f in zip(chosen[1:], fid[1:], strict=True):
        assert key == leader and policy in rows.POLICIES
        own = set(ablation.Ablation(chosen, fid, {}, 60, 0, 1).own_points(leader))
        for point, p in f.p_historical.items():
            if point not in own:
                assert p == documented.p_historical[point], point
            elif policy == "historical":
                assert p == 1.0
            elif policy == "uniform":
                assert p < 1.0
    assert fid[3].log_likelihood() >= fid[0].log_likelihood() - 1e-9  # knowing the answer is a ceiling


def test_ablate_command(tmp_path):
    r = CliRunner().invoke(main, ["ablate", "--runs", "40", "--library-runs", "20", "--leaders", "kim", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert [(v["leader"], v["policy"]) for v in doc["variants"]] == [
        ("(documented)", None),
        ("kim", "first"),
        ("kim", "uniform"),
        ("kim", "historical"),
    ]
    changes = doc["variants"][0]["effect_changes"]
    assert changes and all(v == 0 for c in changes.values() for v in c.values())  # the documented model vs itself
    text = CliRunner().invoke(main, ["ablate", "--runs", "40", "--library-runs", "20", "--leaders", "kim"])
    assert text.exit_code == 0 and "log-lik" in text.output
    bad = CliRunner().invoke(main, ["ablate", "--leaders", "nobody"])
    assert bad.exit_code == 2 and "unknown leader" in bad.output
