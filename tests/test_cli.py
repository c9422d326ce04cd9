"""CliRunner tests of every command: help, success, and the bad-input paths."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "cli.py"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # subprocesses run this source tree


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
    assert "armistice date (worlds with an armistice): median" in r.output
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
        "war_months_mean",
        "war_months_quartiles",
        "armistice_date_quartiles",
        "endings",
    }
    assert s["runs"] == 200 and s["seed"] == 3 and s["scenario"] == "baseline"
    assert set(s["final_outcome"]) == {"no_war", "dprk_unifies", "rok_unifies", "divided", "ongoing_at_horizon"}
    assert abs(sum(s["final_outcome"].values()) - 1) < 1e-9
    assert all(0 <= v <= 1 for v in s["shares"].values())
    assert json.loads((tmp_path / "j" / "summary.json").read_text()) == s


def test_a_run_without_war_has_no_war_length(runner, tmp_path):
    """No world at war: the war's length is undefined (null), not 0 months."""
    r = run(runner, "run", "stalin_refuses_jan_1950", "--runs", "5", "--json", "--out", str(tmp_path / "j"))
    s = json.loads(r.output)
    assert s["shares"]["war_started"] == 0
    assert s["war_months_median"] is None and s["war_months_mean"] is None and s["war_months_quartiles"] is None
    r = run(runner, "run", "stalin_refuses_jan_1950", "--runs", "5", "--out", str(tmp_path / "t"))
    assert "how long the war lasted: the war started in no world" in r.output and "0.0 months" not in r.output


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
    assert "Valid choices: air_cover_at_black_sea, baseline" in r.output
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
    # --force replaces only a results folder of this tool: a folder holding other files is kept
    r = runner.invoke(main, ["run", "baseline", "--runs", "50", "--out", str(out), "--force"])
    assert r.exit_code == 2 and "keep.txt" in r.output and "Traceback" not in r.output
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    (out / "keep.txt").unlink()
    out.rmdir()
    assert runner.invoke(main, ["run", "baseline", "--runs", "50", "--out", str(out)]).exit_code == 0
    first = (out / "manifest.json").read_text()
    r = runner.invoke(main, ["run", "baseline", "--runs", "60", "--out", str(out), "--force"])
    assert r.exit_code == 0
    assert (out / "manifest.json").read_text() != first and '"runs": 60' in (out / "manifest.json").read_text()


def test_python_cli_entry_point_runs(tmp_path):
    r = subprocess.run(
        [sys.executable, str(CLI), "run", "baseline", "--runs", "20", "--json", "--out", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["runs"] == 20


def test_output_closed_early_stops_quietly_with_141(runner, monkeypatch):
    """`whatif ... | head`: the reader goes away; no traceback and not exit 1 (an internal error)."""
    import click

    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(click, "echo", closed)
    r = runner.invoke(main, ["sources"])
    assert r.exit_code == 141 and not isinstance(r.exception, BrokenPipeError)


def test_fidelity_table_and_json(runner):
    r = run(runner, "fidelity", "--runs", "200")
    assert r.exit_code == 0
    assert "mao_12oct" in r.output and "most likely" in r.output
    assert "root mean square" in r.output and "deaths_kpa" in r.output
    r = run(runner, "fidelity", "--runs", "200", "--json")
    doc = json.loads(r.output)
    keys = {"choice_probability", "log_likelihood", "path_probability", "front_rmse_deg", "front_worst"}
    assert keys | {"armistice_median", "china_entry_median", "deaths"} <= set(doc)
    assert set(doc["front_worst"]) == {"date", "error_deg"}
    assert 0 < doc["choice_probability"]["stalin_evacuation"] <= 1
    assert doc["log_likelihood"] < 0 and 0 < doc["path_probability"] < 1


def test_audit_text_and_json(runner):
    r = run(runner, "audit", "--runs", "200")
    assert r.exit_code == 0, r.output
    assert "armistice_without_talks" in r.output and "un_cross_38th" in r.output
    r = run(runner, "audit", "no_inchon", "--runs", "200", "--json")
    doc = json.loads(r.output)
    assert doc["scenario"] == "no_inchon" and set(doc) >= {"points", "invariants"}
    assert {"min", "median", "max"} == set(doc["points"]["kim_request_1"]["p_hist"])
    r = run(runner, "audit", "no_such_scenario")
    assert r.exit_code == 2


def test_list_shows_the_library(runner):
    r = run(runner, "list")
    assert r.exit_code == 0
    assert "china_refuses_12_oct" in r.output and "Permanent Chinese refusal on 12 October 1950" in r.output
    assert len(r.output.strip().splitlines()) >= 13


def test_show_explains_interventions_in_words(runner):
    r = run(runner, "show", "china_refuses_12_oct")
    assert r.exit_code == 0
    assert "chain: baseline -> china_refuses_12_oct" in r.output
    assert "must always choose 'stop'" in r.output and "cpv_crossing -> wait" in r.output
    assert "the author expects:" in r.output
    assert "no interventions" in run(runner, "show", "baseline").output


def test_validate_accepts_good_files_and_reports_every_bad_one(runner, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("name: g\ntitle: G\ninterventions:\n  - force: {point: mao_12oct, option: enter}\n")
    bad1 = tmp_path / "bad1.yaml"
    bad1.write_text("name: b\ntitle: B\ninterventions:\n  - force: {point: mao_12oct, option: maybe}\n")
    bad2 = tmp_path / "bad2.yaml"
    bad2.write_text("name: c\ntitle: C\nseed: -3\n")
    r = runner.invoke(main, ["validate", str(good)])
    assert r.exit_code == 0 and "ok:" in r.output and "1 intervention)" in r.output
    r = runner.invoke(main, ["validate", str(good), str(bad1), str(bad2)])
    assert r.exit_code == 2
    assert "ok:" in r.output and "bad1.yaml, line 4" in r.output and "bad2.yaml, line 3, key 'seed'" in r.output
    assert "Traceback" not in r.output


def test_compare_table_and_json(runner, tmp_path):
    r = run(runner, "compare", "baseline", "china_refuses_12_oct", "--runs", "400")
    assert r.exit_code == 0
    assert "effect, points" in r.output and "first divergence at" in r.output
    r = run(runner, "compare", "baseline", "china_refuses_12_oct", "stalin_dies_1952", "--runs", "300", "--json")
    doc = json.loads(r.output)
    assert set(doc) == {"base", "runs", "seed", "base_summary", "scenarios"}
    assert doc["base"] == "baseline" and doc["runs"] == 300 and doc["seed"] == 1950
    own = json.loads(run(runner, "run", "baseline", "--runs", "300", "--json", "--out", str(tmp_path / "b")).output)
    assert doc["base_summary"] == {k: v for k, v in own.items() if k not in ("scenario", "runs", "seed")}
    s = doc["scenarios"]["china_refuses_12_oct"]
    assert set(s) == {
        "shares",
        "final_outcome",
        "armistice_date_median",
        "war_months_median",
        "war_months_mean",
        "war_months_quartiles",
        "armistice_date_quartiles",
        "endings",
        "effects",
        "diverged_share",
        "first_divergence",
    }
    e = s["effects"]["china_entered"]
    assert e["ci"][0] <= e["diff"] <= e["ci"][1] and e["diff"] < -0.5
    assert 0 < s["diverged_share"] <= 1 and s["first_divergence"]


def test_compare_warns_of_effects_smaller_than_their_interval(runner):
    """An effect not told apart from none, and compare says so on stderr, not in the table or the JSON; with many
    worlds and a large effect, no such warning for it. (Kim's asking Mao first changes a few worlds' war lengths,
    some longer and some shorter: a small effect whose interval spans zero.)"""
    r = runner.invoke(main, ["compare", "baseline", "kim_asks_china_first", "--runs", "200"])
    assert r.exit_code == 0 and "not distinguished from no effect" not in r.stdout
    assert "kim_asks_china_first: the effect on war length" in r.stderr
    assert "not distinguished from no effect" in r.stderr
    r = runner.invoke(main, ["compare", "baseline", "kim_asks_china_first", "--runs", "200", "--json"])
    assert r.exit_code == 0 and "warning" not in r.stderr and json.loads(r.stdout)
    r = runner.invoke(main, ["compare", "baseline", "china_refuses_12_oct", "--runs", "400"])
    assert "effect on China entered" not in r.stderr  # -50 points and more: far outside its interval


def test_compare_readings_runs_each_reading_of_a_dispute_side_by_side(runner, tmp_path):
    """--readings: one paired comparison per reading of a source dispute (the default first), the base and the
    scenario read alike; the POW concession's effect on the war's length depends on how far Stalin backed Beijing."""
    r = run(runner, "compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing", "--runs", "600")
    assert r.exit_code == 0
    header = next(line for line in r.output.splitlines() if line.startswith("effect (95% interval)"))
    assert header.split()[-3:] == ["both", "shen", "weathersby"]
    assert "depends on the reading (95% intervals apart) for: the war's length (pow_concession_1952)" in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 100
    doc = json.loads(run(runner, "compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing",
                         "--runs", "600", "--json").output)  # fmt: skip
    assert doc["dispute"] == "stalin_backing" and list(doc["readings"]) == ["both", "shen", "weathersby"]
    war = {r: d["comparison"]["scenarios"]["pow_concession_1952"]["effects"]["war_months"]["diff"]
           for r, d in doc["readings"].items()}  # fmt: skip
    assert war["shen"] < war["both"] < war["weathersby"] < 0
    few = run(runner, "compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing", "--runs", "20")
    assert "too rough to tell whether any effect depends on the reading" in few.output  # no verdict from 20 worlds
    plain = json.loads(run(runner, "compare", "baseline", "pow_concession_1952", "--runs", "600", "--json").output)
    assert doc["readings"]["both"]["comparison"]["scenarios"] == plain["scenarios"]  # the default is the model as is


@pytest.mark.parametrize(
    "args, says",
    [
        (["--readings", "cable"], "The disputes are evacuation_date, mao_cable_2oct, stalin_backing"),
        (["--readings", "stalin_backin"], "Did you mean 'stalin_backing'?"),
        (["--readings", "weathersby"], "'weathersby' is a reading of stalin_backing"),
        (["--readings", ""], "no source dispute ''"),
        (["--readings", "stalin_backing", "--plot"], "saves nothing, so it takes no --plot: leave it out"),
        (["--readings", "stalin_backing", "--wide"], "a column per reading, and saves nothing, so it takes no --wide"),
        (["--readings", "stalin_backing", "--out", "x"], "takes no --out: leave it out"),
        (["--readings", "stalin_backing", "--force"], "takes no --force: leave it out"),
        (["--readings", "stalin_backing", "--format", "svg"], "takes no --format: leave it out"),
        (["--readings", "stalin_backing", "--format", "png"], "takes no --format"),  # typed, though the default
        (["--readings", "stalin_backing", "--force", "--format", "pdf", "--wide"], "no --force, --format or --wide"),
    ],
)
def test_compare_readings_refuses_what_it_cannot_do(runner, args, says):
    r = runner.invoke(main, ["compare", "baseline", "pow_concession_1952", "--runs", "50", *args])
    assert r.exit_code == 2 and says in r.output and "Traceback" not in r.output
    assert r.output.startswith("Error: ") and len(r.output.strip().splitlines()) == 1  # one paragraph


def test_compare_readings_refusal_says_how_to_save_one_reading(runner):
    r = runner.invoke(main, ["compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing", "--force"])
    assert r.exit_code == 2
    assert "run compare without --readings" in r.output
    assert "(`variant: {dispute: stalin_backing, reading: weathersby}`)" in r.output


@pytest.mark.parametrize(
    "args, says",
    [
        (["baseline", "nosuch"], "nosuch: no scenario of that name"),
        (["nosuch", "baseline"], "nosuch: no scenario of that name"),
        (["baseline", "pow_concession_1952", "pow_concession_1952"], "scenarios must differ from each other"),
        (["baseline", "baseline"], "scenarios must differ from each other and from the base"),
    ],
)
def test_compare_readings_refuses_careless_scenarios(runner, args, says):
    r = runner.invoke(main, ["compare", *args, "--readings", "stalin_backing", "--runs", "50"])
    assert r.exit_code == 2 and says in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_compare_readings_refuses_zero_runs(runner):
    r = runner.invoke(main, ["compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing",
                             "--runs", "0"])  # fmt: skip
    assert r.exit_code == 2 and "Invalid value for '--runs': 0 is not in the range x>=1" in r.output


@pytest.fixture
def bars(monkeypatch):
    """The progress bars commands make, shown though stderr is no terminal (click then prints each label once)."""
    import click

    made, real = [], click.progressbar

    def shown(**kwargs):
        made.append(real(**{**kwargs, "hidden": False}))
        return made[-1]

    monkeypatch.setattr(click, "progressbar", shown)
    return made


@pytest.mark.parametrize(
    "args, writes",
    [
        (["compare", "baseline", "pow_concession_1952", "--readings", "stalin_backing"], False),
        (["compare", "baseline", "pow_concession_1952"], False),
        (["compare", "baseline", "pow_concession_1952", "--out", "{tmp}/c"], True),
        (["run", "baseline", "--out", "{tmp}/r"], True),
    ],
)
def test_progress_ends_full_on_what_was_done_last(runner, bars, tmp_path, args, writes):
    """The bar says "writing" only where something is written (--readings writes nothing), and ends at 100%."""
    r = runner.invoke(main, [a.format(tmp=tmp_path) for a in args] + ["--runs", "50"])
    assert r.exit_code == 0, r.output
    [bar] = bars
    assert bar.label.strip() == ("writing" if writes else "simulating")
    assert ("writing" in r.stderr) is writes and "simulating" in r.stderr
    assert bar.pos == bar.length


def test_compare_readings_refuses_a_scenario_that_settles_the_dispute_itself(runner, tmp_path):
    read = tmp_path / "read.yaml"
    read.write_text("name: read\ntitle: Read\ninterventions:\n  - variant: {dispute: stalin_backing, reading: shen}\n")
    r = runner.invoke(main, ["compare", "baseline", str(read), "--readings", "stalin_backing", "--runs", "50"])
    assert r.exit_code == 2 and "already reads the source dispute stalin_backing as 'shen'" in r.output
    weight = tmp_path / "weight.yaml"
    weight.write_text("name: weight\ntitle: W\ninterventions:\n  - set: {param: stalin.back_beijing, value: 0.9}\n")
    r = runner.invoke(main, ["compare", "baseline", str(weight), "--readings", "stalin_backing", "--runs", "50"])
    assert r.exit_code == 2 and "sets stalin.back_beijing, which the readings of stalin_backing set" in r.output


def test_compare_refuses_a_scenario_against_itself(runner):
    r = runner.invoke(main, ["compare", "baseline", "baseline"])
    assert r.exit_code == 2


@pytest.mark.parametrize(
    "args, says",
    [
        (["compare", "baseline", "baseline", "--runs", "20"], "scenarios must differ"),
        (["compare", "baseline", "no_inchon", "no_inchon", "--runs", "20"], "scenarios must differ"),
        (["compare", "baseline", "baseline", "--readings", "stalin_backing", "--runs", "20"], "scenarios must differ"),
        (["run", "baseline", "--runs", "20", "--out", "{tmp}/mine"], "exists already"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--out", "{tmp}/mine"], "exists already"),
        (["sensitivity", "baseline", "--outcome", "nonesuch", "--samples", "2"], "unknown outcome"),
        (["sensitivity", "baseline", "--outcome", "china_entered", "--samples", "1048576", "--worlds", "10000"],
         "lower --samples or --worlds"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_before_a_progress_bar_shows(runner, bars, tmp_path, args, says):
    """`compare baseline baseline` showed the bar at 0% before its error: the API checked the scenarios after
    the bar had started. Every check is now made before the bar (sim.api's prepare_run, prepare_comparison,
    prepare_readings), and no bar is made at all."""
    if args[0] == "sensitivity":
        pytest.importorskip("SALib")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    r = runner.invoke(main, [a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 2 and says in r.output and "Traceback" not in r.output, r.output
    assert bars == [] and "simulating" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


SCHEDULER = ["--jobs", "2", "--scheduler", "tcp://127.0.0.1:9"]  # refused before any scheduler is reached
QUICK_SENSITIVITY = ["sensitivity", "baseline", "--outcome", "china_entered", "--samples", "2", "--worlds", "1"]


@pytest.mark.parametrize(
    "args, says",
    [
        (["run", "baseline", "--runs", "20", "--format", "svg"],
         "--format sets the format of the figures, and figures are drawn only with --plot: add --plot, or leave out"),
        (["run", "baseline", "--runs", "20", "--out", "{tmp}/r", "--format", "png"],  # typed, though the default
         "figures are drawn only with --plot"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--format", "pdf"], "drawn only with --plot"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--out", "{tmp}/c", "--format", "svg"],
         "drawn only with --plot"),
        (["run", "baseline", "--runs", "20", "--force"],
         "--force replaces the folder given with --out if it exists; without --out the results go to a new folder"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--force"], "without --out the comparison is saved"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--plot", "--force"],
         "give --out DIR too, or leave out --force"),
        (["compare", "baseline", "no_inchon", "--runs", "20", "--json", "--wide"],
         "--wide lays out the printed table as one wide table; --json prints JSON, not a table: leave out --wide"),
        (["run", "baseline", "--runs", "20", *SCHEDULER], "leave out --jobs, or --scheduler to run on this machine"),
        (["compare", "baseline", "no_inchon", "--runs", "20", *SCHEDULER], "--jobs sets how many local processes"),
        (["compare", "baseline", "no_inchon", "--readings", "stalin_backing", "--runs", "20", *SCHEDULER],
         "--scheduler sends them to the Dask cluster"),
        (["cause", "--cause", "china_entered", "--outcome", "rok_unifies", "--runs", "10", *SCHEDULER],
         "leave out --jobs"),
        ([*QUICK_SENSITIVITY, *SCHEDULER], "leave out --jobs"),
        (["calibrate", "temperature", *SCHEDULER], "leave out --jobs"),
        (["graph", "--force"], "without --out the graph is printed as a listing, not drawn to a file"),
        (["explain", "baseline", "--json", "--terms", "2"],
         "--terms sets how many driving terms the narrative shows per decision; --json prints the whole trace"),
        ([*QUICK_SENSITIVITY, "--force"], "without --plot no figure is drawn: give --plot FILE too"),
        ([*QUICK_SENSITIVITY, "--json", "--top", "3"], "--json prints every row, as JSON: leave out --top or --json"),
        (["attribute", "baseline", "--outcome", "china_entered", "--json", "--top", "3"], "leave out --top or --json"),
        (["discover", "baseline", "--outcome", "china_entered", "--runs", "100", "--force"],
         "--force replaces the file given with --plot"),
        (["discover", "baseline", "--outcome", "china_entered", "--runs", "100", "--method", "cart",
          "--min-coverage", "0.5"], "use --method prim, or leave out --min-coverage"),
        (["converge", "baseline", "--outcome", "china_entered", "--runs", "20", "--force"],
         "without --out no figure is drawn: give --out FILE too"),
        (["calibrate", "front", "--jobs", "2"], "calibrate front is one sequential search in this process, so it"),
        (["calibrate", "front", "--scheduler", "tcp://127.0.0.1:9"], "takes no --scheduler"),
        (["calibrate", "temperature", "--fit", "5", "--seed", "3"], "takes no --fit or --seed"),
        (["calibrate", "front", "--fit", "0", "--seed", "3"], "add --fit N, or leave out --seed"),
        (["bench", "--command", "20", "--repeat", "1", "--sizes", "300", "--chunk", "100", "--reference", "3"],
         "takes no --sizes, --chunk or --reference"),
        (["bench", "--sizes", "300", "--repeat", "1", "--jobs", "2"], "add --command RUNS, or leave out --jobs"),
    ],
)  # fmt: skip
def test_an_option_that_would_do_nothing_is_refused(runner, tmp_path, monkeypatch, args, says):
    """A review found options silently ignored in some combinations (`run --format svg` without --plot drew
    nothing, `run --force` without --out replaced nothing, ...). Each is now refused as `compare --readings`
    refuses what it cannot honour: one paragraph naming the option and what to do, exit 2, before anything
    runs or is written."""
    if args[0] in ("sensitivity", "discover"):
        pytest.importorskip("SALib" if args[0] == "sensitivity" else "ema_workbench")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(main, [a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 2, r.output
    assert says in r.output and "Traceback" not in r.output, r.output
    assert len(r.output.strip().splitlines()) == 1 and r.output.startswith("Error: ")
    assert list(tmp_path.iterdir()) == []  # no results/, no --out


def test_options_left_to_their_defaults_are_not_refused(runner, tmp_path):
    """Only what the user typed is refused: --format, --terms, --jobs have defaults that ask for nothing."""
    assert run(runner, "explain", "baseline", "--json").exit_code == 0
    r = run(runner, "compare", "baseline", "no_inchon", "--runs", "20", "--json", "--out", str(tmp_path / "c"))
    assert r.exit_code == 0 and not (tmp_path / "c" / "figures").exists()
    r = run(runner, "run", "baseline", "--runs", "20", "--out", str(tmp_path / "r"), "--plot", "--format", "svg")
    drawn = {p.suffix for p in (tmp_path / "r" / "figures").iterdir()}
    assert r.exit_code == 0 and ".svg" in drawn and ".png" not in drawn


BAD_INPUT = {
    "unknown key": ("name: x\ntitle: X\nseeds: 3\n", "key 'seeds'", "seed"),
    "wrong type": ("name: x\ntitle: X\nruns: many\n", "key 'runs'", "whole number"),
    "date outside 1949-1956": (
        "name: x\ntitle: X\ninterventions:\n  - move: {event: stalin_death, date: 1960-01-01}\n",
        "interventions[0].move.date",
        "1949-01-01 to 1956-12-31",
    ),
    "impossible date": (
        "name: x\ntitle: X\ninterventions:\n  - move: {event: stalin_death, date: 1953-02-30}\n",
        "interventions[0].move.date",
        "not a calendar date",
    ),
    "unknown decision point": (
        "name: x\ntitle: X\ninterventions:\n  - force: {point: mao_13oct, option: stop}\n",
        "interventions[0].force.point",
        "mao_12oct",
    ),
    "option not at that point": (
        "name: x\ntitle: X\ninterventions:\n  - forbid: {point: black_sea, option: stop}\n",
        "interventions[0].forbid.option",
        "air_cover_later",
    ),
    "force and forbid contradict": (
        "name: x\ntitle: X\ninterventions:\n  - force: {point: black_sea, option: no_air_cover}\n"
        "  - forbid: {point: black_sea, option: no_air_cover}\n",
        "interventions[1]",
        "at the same time",
    ),
    "move before its causes": (
        "name: x\ntitle: X\ninterventions:\n  - move: {event: sino_soviet_treaty, date: 1949-06-01}\n",
        "interventions[0]",
        "before its cause prc_founded",
    ),
    "parameter out of range": (
        "name: x\ntitle: X\ninterventions:\n  - set: {param: chance.inchon_success, value: 2}\n",
        "interventions[0].set.value",
        "between 0 and 1",
    ),
    "unknown parameter": (
        "name: x\ntitle: X\ninterventions:\n  - set: {param: stalin.fear, value: 2}\n",
        "interventions[0].set.param",
        "stalin.avoid_us_war",
    ),
    "date outside the point's window": (
        "name: x\ntitle: X\ninterventions:\n  - force: {point: us_pow_policy, option: all_for_all, "
        "until: 1951-01-01}\n",
        "interventions[0].force.until",
        "date window is 1952-01-02 to 1956-12-31",
    ),
    "base loops": ("name: x\ntitle: X\nbase: x.yaml\n", "key 'base'", "own base"),
    "malformed yaml": ("name: x\ntitle: [X\n", "line", "not valid YAML"),
}


@pytest.mark.parametrize("case_", sorted(BAD_INPUT))
def test_every_class_of_bad_input_exits_2_naming_key_and_choices(runner, tmp_path, monkeypatch, case_):
    text, key, hint = BAD_INPUT[case_]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "x.yaml"
    path.write_text(text)
    for command in (["validate", str(path)], ["run", str(path)], ["compare", "baseline", str(path)]):
        r = runner.invoke(main, command)
        assert r.exit_code == 2, (command, r.output)
        assert "x.yaml" in r.output and key in r.output and hint in r.output, r.output
        assert "Traceback" not in r.output
    assert not (tmp_path / "results").exists()


# ------------------------------------------------------------------ the command line is thin
def test_the_command_line_calls_only_the_api():
    """cli.py and sim/cli/ import nothing from sim but the API (and their own modules)."""
    for path in [CLI, *sorted((ROOT / "sim" / "cli").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module if node.module != "sim" else f"sim.{a.name}" for a in node.names]
            bad = [n for n in names if n.startswith("sim") and not n.startswith(("sim.api", "sim.cli"))]
            assert bad == [], f"{path.name} imports {bad}"


def test_cli_py_is_short():
    assert len(CLI.read_text(encoding="utf-8").splitlines()) < 40


def test_start_up_does_not_load_the_model():
    """`whatif --help` and every command's --help load neither numpy nor the model (fast, and Ctrl-C safe)."""
    code = "import sys, cli; cli.main(['run', '--help'], standalone_mode=False); print(sorted(sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "numpy" not in r.stdout and "sim.api" not in r.stdout and "sim.case" not in r.stdout


# ------------------------------------------------------------------ graph, calibrate, bench
def test_graph_prints_the_listing_and_draws_to_a_file(runner, tmp_path):
    r = run(runner, "graph", "--scenario", "china_refuses_12_oct")
    assert r.exit_code == 0 and "mao_12oct" in r.output
    out = tmp_path / "g.svg"
    r = run(runner, "graph", "--out", str(out))
    assert r.exit_code == 0 and r.output.strip() == str(out) and b"<svg" in out.read_bytes()[:3000]
    r = runner.invoke(main, ["graph", "--out", str(out)])
    assert r.exit_code == 2 and "--force" in r.output
    assert run(runner, "graph", "--out", str(out), "--force").exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["g.svg"]  # no temporary file left


def test_graph_force_replaces_only_a_figure_this_tool_wrote(runner, tmp_path):
    """`graph --out notes.png --force` replaced any file; now only a figure whose metadata names this tool."""
    from matplotlib.figure import Figure

    Figure().savefig(tmp_path / "other.png")  # a PNG, but matplotlib's own metadata, not this tool's
    (tmp_path / "notes.png").write_text("my notes")
    (tmp_path / "thesis.pdf").write_text("my thesis draft")
    mine = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for name in mine:
        r = runner.invoke(main, ["graph", "--out", str(tmp_path / name), "--force"])
        assert r.exit_code == 2 and "Traceback" not in r.output, r.output
        assert "this tool did not write it" in r.output and "Choose another --out" in r.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == mine  # nothing replaced, nothing left
    for name in ("g.png", "g.svg", "g.pdf"):  # its own figures, in every format
        assert run(runner, "graph", "--out", str(tmp_path / name)).exit_code == 0
        assert run(runner, "graph", "--out", str(tmp_path / name), "--force").exit_code == 0


@pytest.mark.parametrize(
    "command, option, replaces",
    [
        ("run", "--out", "Replace --out if it exists and is a run's results folder this tool wrote"),
        ("compare", "--out", "Replace --out if it exists and is a comparison folder this tool wrote"),
        ("plot", "--out", "Replace the figures folder (--out, or FOLDER/figures) if it exists and holds only figures"),
        ("graph", "--out", "Replace the --out file if it exists and is a figure this tool wrote"),
        ("converge", "--out", "Replace the --out file if it exists and is a figure this tool wrote"),
        ("sensitivity", "--plot", "Replace the --plot file if it exists and is a figure this tool wrote"),
        ("discover", "--plot", "Replace the --plot file if it exists and is a figure this tool wrote"),
    ],
)
def test_force_help_says_what_each_command_replaces(runner, command, option, replaces):
    """Every --force said "Replace --out if it exists and is a folder this tool wrote", also where --out is a
    file and where the file is given with --plot."""
    r = run(runner, command, "--help")
    text = " ".join(r.output.split())
    assert r.exit_code == 0 and replaces in text and f" {option} " in text


def test_graph_refuses_a_missing_folder_and_a_bad_suffix(runner, tmp_path):
    """Issue 9: `whatif graph --out /nonexistent/dir/x.png` created /nonexistent/dir at the filesystem root."""
    target = Path("/nonexistent-whatif-test") / "dir" / "x.png"
    r = runner.invoke(main, ["graph", "--out", str(target)])
    assert r.exit_code == 2 and "does not exist" in r.output and "Traceback" not in r.output
    assert not target.parent.parent.exists()
    r = runner.invoke(main, ["graph", "--out", str(tmp_path / "x.gif")])
    assert r.exit_code == 2 and ".png, .svg or .pdf" in r.output
    assert not list(tmp_path.iterdir())


def test_calibrate_and_bench_have_help_and_refuse_bad_input(runner):
    for name in ("calibrate", "bench"):
        r = run(runner, name, "--help")
        assert r.exit_code == 0 and len(r.output) > 200
    assert runner.invoke(main, ["calibrate", "wind"]).exit_code == 2
    assert runner.invoke(main, ["bench", "--sizes", "0"]).exit_code == 2


def test_bench_prints_a_line_per_size(runner):
    r = run(runner, "bench", "--sizes", "300", "--repeat", "1")
    assert r.exit_code == 0
    header, line = r.output.strip().splitlines()
    assert "worlds/s" in header and line.split()[0] == "300"


def test_calibrate_front_prints_the_misfit(runner, monkeypatch):
    from sim.analysis import calibrate

    real = calibrate.run_historical
    monkeypatch.setattr(calibrate, "run_historical", lambda n=100, seed=1950: real(20, seed))
    r = run(runner, "calibrate", "front")
    assert r.exit_code == 0
    assert "front RMSE" in r.output and "deaths_us" in r.output and "1950-" in r.output
    assert "(target 0.24-0.36 thousand)" in r.output  # Soviet deaths: not rounded to "0-0"
    assert r.output.count("deaths_civilian") == 1


def test_explain_pick_and_world_together_is_bad_input(runner):
    r = runner.invoke(main, ["explain", "baseline", "--world", "1", "--pick", "china_entered=false"])
    assert r.exit_code == 2 and "not both" in r.output


def test_sources_refuses_an_unknown_id(runner):
    r = runner.invoke(main, ["sources", "no_such_id"])
    assert r.exit_code == 2 and "Valid choices" in r.output


def test_runs_beyond_memory_are_refused_before_anything_runs(runner, tmp_path, monkeypatch):
    """Issue 9: --runs 10,000,000 was accepted and exhausted memory (15.6 GB, then a traceback)."""
    from sim.output import budget

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(budget, "available_bytes", lambda: 600 * 2**20)  # a small machine
    r = runner.invoke(main, ["run", "baseline", "--runs", "5000000"])
    assert r.exit_code == 2 and "memory" in r.output and "per world" in r.output and "Run fewer worlds" in r.output
    r = runner.invoke(main, ["compare", "baseline", "no_inchon", "--runs", "2000000", "--plot"])
    assert r.exit_code == 2 and "memory" in r.output
    # beyond a scenario file's limit (runs: at most 10,000,000), whatever the memory
    r = runner.invoke(main, ["run", "baseline", "--runs", "10000001"])
    assert r.exit_code == 2 and "at most 10,000,000 worlds" in r.output
    assert not (tmp_path / "results").exists()


def test_bench_runs_the_one_world_per_model_reference_and_prints_the_ratio(runner):
    r = run(runner, "bench", "--sizes", "300", "--repeat", "1", "--reference", "3")
    assert r.exit_code == 0
    last = r.output.strip().splitlines()[-1]
    assert last.startswith("reference, one world per mesa.Model: 3 worlds") and "x faster per world" in last
    assert runner.invoke(main, ["bench", "--reference", "-1"]).exit_code == 2


def test_bench_times_the_command_end_to_end_in_fresh_processes(runner):
    r = run(runner, "bench", "--command", "20", "--repeat", "1")
    assert r.exit_code == 0, r.output
    timed, startup = r.output.strip().splitlines()
    assert timed.startswith("whatif run baseline --runs 20 --jobs 1: median ") and " MiB" in timed
    assert "Mesa's Model and Agent" in startup and "numba's first compiled call" in startup
    assert runner.invoke(main, ["bench", "--command", "1000", "--jobs", "0"]).exit_code == 2


@pytest.mark.parametrize("args", [["--command", "0"], ["--sizes", "x"], ["--repeat", "0"], ["--reference", "-1"]])
def test_python_m_sim_bench_refuses_bad_numbers_with_exit_2(monkeypatch, capsys, args):
    from sim import bench

    monkeypatch.setattr(sys, "argv", ["bench", *args])
    with pytest.raises(SystemExit) as stop:
        bench.main()
    assert stop.value.code == 2 and "error: argument" in capsys.readouterr().err
