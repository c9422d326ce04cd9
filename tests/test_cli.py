"""CliRunner tests of every command: help, success, and the bad-input paths."""

import json

import pytest
from click.testing import CliRunner

from cli import main


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_help_lists_the_commands(runner):
    r = run(runner, "--help")
    assert r.exit_code == 0
    assert "run" in r.output


def test_every_command_has_help(runner):
    for name in main.commands:
        r = run(runner, name, "--help")
        assert r.exit_code == 0, name
        assert main.commands[name].help, f"{name} has no help text"


def test_run_prints_a_summary_table_and_writes_results(runner, tmp_path):
    out = tmp_path / "r"
    r = run(runner, "run", "baseline", "--runs", "300", "--out", str(out))
    assert r.exit_code == 0, r.output
    assert "China entered" in r.output and "95% interval" in r.output
    assert "median armistice date" in r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "front.npy",
        "front_months.npy",
        "manifest.json",
        "outcomes.csv",
        "summary.json",
    ]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["runs"] == 300 and manifest["seed"] == 1950 and manifest["scenario"] == "baseline"
    assert len(manifest["scenario_hash"]) == 64


def test_run_json_has_the_documented_shape(runner, tmp_path):
    r = run(runner, "run", "baseline", "--runs", "200", "--seed", "3", "--json", "--out", str(tmp_path / "j"))
    assert r.exit_code == 0
    s = json.loads(r.output)
    assert set(s) == {
        "scenario",
        "runs",
        "seed",
        "shares",
        "final_outcome",
        "armistice_date_median",
        "war_months_median",
    }
    assert s["runs"] == 200 and s["seed"] == 3 and s["scenario"] == "baseline"
    assert set(s["final_outcome"]) == {"no_war", "dprk_unifies", "rok_unifies", "divided", "ongoing_at_horizon"}
    assert abs(sum(s["final_outcome"].values()) - 1) < 1e-9
    assert all(0 <= v <= 1 for v in s["shares"].values())
    assert json.loads((tmp_path / "j" / "summary.json").read_text()) == s


def test_same_seed_same_bytes(runner, tmp_path):
    for name in ("a", "b"):
        assert run(runner, "run", "baseline", "--runs", "400", "--out", str(tmp_path / name)).exit_code == 0
    a, b = ((tmp_path / n / "outcomes.csv").read_bytes() for n in ("a", "b"))
    assert a == b


def test_missing_scenario_file_exits_2_without_traceback(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(main, ["run", "no/such/file.yaml"])
    assert r.exit_code == 2
    assert "no such scenario file" in r.output and "baseline" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "results").exists()


def test_unknown_scenario_name_lists_the_library(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(main, ["run", "basline"])
    assert r.exit_code == 2
    assert "Valid choices: baseline" in r.output
    assert not (tmp_path / "results").exists()


def test_malformed_scenario_names_file_line_and_key(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ntitle: X\nrunz: 10\n")
    r = runner.invoke(main, ["run", str(bad)])
    assert r.exit_code == 2
    assert "bad.yaml, line 3, key 'runz'" in r.output
    assert "Valid choices:" in r.output and "runs" in r.output
    assert not (tmp_path / "results").exists()


def test_out_of_range_option_exits_2(runner):
    r = runner.invoke(main, ["run", "baseline", "--runs", "0"])
    assert r.exit_code == 2
    assert "--runs" in r.output


def test_existing_out_is_not_overwritten_without_force(runner, tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    r = runner.invoke(main, ["run", "baseline", "--runs", "50", "--out", str(out)])
    assert r.exit_code == 2 and "--force" in r.output
    assert (out / "keep.txt").read_text() == "mine"
    r = runner.invoke(main, ["run", "baseline", "--runs", "50", "--out", str(out), "--force"])
    assert r.exit_code == 0
    assert not (out / "keep.txt").exists() and (out / "outcomes.csv").exists()


def test_python_cli_entry_point_runs(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    cli = Path(__file__).resolve().parents[1] / "cli.py"
    r = subprocess.run(
        [sys.executable, str(cli), "run", "baseline", "--runs", "20", "--json", "--out", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["runs"] == 20


def test_fidelity_table_and_json(runner):
    r = run(runner, "fidelity", "--runs", "200")
    assert r.exit_code == 0
    assert "mao_12oct" in r.output and "most likely" in r.output
    r = run(runner, "fidelity", "--runs", "200", "--json")
    rows = json.loads(r.output)
    assert {"point", "date", "decider", "historical", "probabilities"} <= set(rows[0])
    assert any(row["point"] == "stalin_evacuation" for row in rows)
