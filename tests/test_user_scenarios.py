"""Scenarios a user writes (issue 12): their own folders, every problem at once, machine-checked predictions."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from sim.output import predictions
from sim.scenario import ENV, ScenarioError, ScenarioProblems, library, parse, use_folders

MINE = """name: mine
title: My own refusal
interventions:
  - force: {point: mao_12oct, option: stop, from: 1950-10-12}
predict:
  china_entered: "< 0.5"
  final_outcome: rok_unifies
  war_months: "< 120"
  armistice_date: "> 1949-06-01"
"""


@pytest.fixture(autouse=True)
def no_user_folders(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    use_folders(())
    yield
    use_folders(())


def cli(*args, code: int = 0, env: dict | None = None) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)
    assert r.exit_code == code, r.output
    return r.output


@pytest.fixture
def folder(tmp_path) -> Path:
    mine = tmp_path / "mine_dir"
    mine.mkdir()
    (mine / "mine.yaml").write_text(MINE)
    return mine


# ------------------------------------------------------------------ the user scenario path
def test_a_scenario_path_finds_user_scenarios_by_name_and_list_says_where_they_come_from(folder, tmp_path):
    text = cli("--scenario-path", folder, "list")
    assert "scenarios from the library, shipped with the tool:" in text
    assert f"scenarios from {folder} (--scenario-path):" in text
    assert re.search(r"^  mine\s+My own refusal$", text, flags=re.M)
    out = cli("--scenario-path", folder, "run", "mine", "--runs", "200", "--out", tmp_path / "r")
    assert out.startswith("My own refusal  (mine)")
    cli("run", "mine", "--runs", "200", code=2)  # without the path it is not found


def test_the_environment_variable_and_a_local_scenarios_folder(folder, tmp_path, monkeypatch):
    assert "user scenario mine" in cli("show", "mine", env={ENV: str(folder)})
    work = tmp_path / "work"
    (work / "scenarios").mkdir(parents=True)
    shutil.copy(folder / "mine.yaml", work / "scenarios" / "mine.yaml")
    monkeypatch.chdir(work)
    assert "./scenarios/" in cli("list")
    assert "mine" in cli("validate", "mine")


def test_a_user_scenario_never_shadows_a_library_name(folder):
    (folder / "baseline.yaml").write_text("name: baseline\ntitle: Not the baseline\n")
    text = cli("--scenario-path", folder, "list", code=2)
    assert "baseline: is both the library scenario" in text and str(folder / "baseline.yaml") in text
    assert "rename the file" in text
    assert "does not validate" not in text and "(cannot load while the name conflict below stands)" in text
    cli("--scenario-path", folder, "run", "baseline", "--runs", "10", code=2)
    # an identical copy of the library's file is the library scenario, not a conflict
    shutil.copy(library()["baseline"], folder / "baseline.yaml")
    assert "baseline" in cli("--scenario-path", folder, "list")


def test_show_names_a_library_scenario_without_its_installed_path():
    text = cli("show", "baseline")
    assert text.splitlines()[1] == "library scenario baseline"
    assert "site-packages" not in text and str(library()["baseline"]) not in text


def test_a_missing_scenario_folder_is_refused(tmp_path):
    assert "is not a folder" in cli("run", "baseline", env={ENV: str(tmp_path / "nowhere")}, code=2)
    cli("--scenario-path", tmp_path / "nowhere", "list", code=2)


# ------------------------------------------------------------------ every problem at once
BROKEN = """name: broken
title: Four independent problems
runs: 0
colour: red
interventions:
  - force: {point: mao_12octt, option: stop}
  - set: {param: stalin.avoid_uswar, value: 1.5}
"""


def test_validate_reports_every_problem_of_a_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    text = cli("validate", path, code=2)
    assert f"{path}: 4 problems:" in text
    for where, hint in (
        ("line 3, key 'runs'", "whole number"),
        ("line 4, key 'colour'", "unknown key"),
        ("line 6, key 'interventions[0].force.point'", "Did you mean 'mao_12oct'"),
        ("line 7, key 'interventions[1].set.param'", "Did you mean 'stalin.avoid_us_war'"),
    ):
        line = next(ln for ln in text.splitlines() if where in ln)
        assert hint in line, line
    with pytest.raises(ScenarioProblems) as info:
        parse(BROKEN, "broken.yaml")
    assert len(info.value.problems) == 4


def test_one_problem_is_still_one_paragraph():
    with pytest.raises(ScenarioError) as info:
        parse("name: x\ntitle: X\ninterventions:\n  - forbid: {point: mao_12oct, option: stopp}\n", "x.yaml")
    assert not isinstance(info.value, ScenarioProblems)
    assert "\n" not in str(info.value) and "Did you mean 'stop'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("titel: X\n", "Did you mean 'title'"),
        ("interventions:\n  - forse: {point: mao_12oct, option: stop}\n", "Did you mean 'force'"),
        ("interventions:\n  - remove: {event: inchon_landng}\n", "Did you mean 'inchon_landing'"),
        ("interventions:\n  - variant: {dispute: mao_cable_2oct, reading: rusian}\n", "Did you mean 'russian'"),
    ],
)
def test_did_you_mean_for_keys_and_names_in_files(text, hint):
    head = "name: x\n" + ("" if text.startswith("titel") else "title: X\n")
    with pytest.raises(ScenarioError, match=re.escape(hint)):
        parse(head + text, "x.yaml")


# ------------------------------------------------------------------ predictions
@pytest.mark.parametrize(
    ("predict", "hint"),
    [
        ("{china_enterd: '< 0.2'}", "Did you mean 'china_entered'"),
        ("{china_entered: 0.2}", "comparison in quotes"),
        ("{china_entered: 'about 0.2'}", "is not a comparison"),
        ("{china_entered: '< 120%'}", "between 0 and 1"),
        ("{final_outcome: peace}", "most common ending"),
        ("{war_months: '< 2 years'}", "is not a number"),
        ("{armistice_date: '< 1953'}", "YYYY-MM-DD"),
        ("{armistice_date: '< 1953-02-30'}", "is not a calendar date"),
        ("{armistice_date: '< 1960-01-01'}", "outside the dates this model covers"),
        ("{war_months: '<< 3'}", "in '<< 3', '< 3' is not a number"),
        ("[china_entered]", "must be a mapping"),
    ],
)
def test_predictions_are_validated_strictly(predict, hint):
    with pytest.raises(ScenarioError, match=re.escape(hint)):
        parse(f"name: x\ntitle: X\npredict: {predict}\n", "x.yaml")


def test_predictions_round_trip_and_do_not_change_the_results_hash():
    sc = parse(MINE, "mine.yaml")
    assert [(p.key, p.op) for p in sc.predict] == [
        ("china_entered", "<"),
        ("final_outcome", "is"),
        ("war_months", "<"),
        ("armistice_date", ">"),
    ]
    import yaml

    assert parse(yaml.safe_dump(sc.to_data(), sort_keys=False), "again.yaml") == sc
    without = parse(MINE.split("predict:")[0], "mine.yaml")
    assert sc.hash == without.hash


def test_run_checks_the_predictions_against_its_own_summary(folder, tmp_path):
    out = tmp_path / "r"
    text = cli("--scenario-path", folder, "run", "mine", "--runs", "300", "--out", out)
    summary = json.loads((out / "summary.json").read_text())
    lines = [ln for ln in text.splitlines() if ln.startswith("your prediction")]
    assert len(lines) == 4
    share = summary["shares"]["china_entered"]
    held = "held" if share < 0.5 else "failed"
    assert lines[0].startswith(f"your prediction {held}: China entered: {100 * share:.1f}% of worlds")
    top = max(summary["final_outcome"], key=summary["final_outcome"].get)
    assert lines[1].startswith(f"your prediction {'held' if top == 'rok_unifies' else 'failed'}:")
    doc = json.loads(cli("--scenario-path", folder, "run", "mine", "--runs", "300", "--json", "--out", tmp_path / "j"))
    assert [p["key"] for p in doc["predictions"]] == ["china_entered", "final_outcome", "war_months", "armistice_date"]
    assert {p["status"] for p in doc["predictions"]} <= {"held", "failed", "too close to call"}


def test_compare_checks_each_scenarios_predictions(folder):
    text = cli("--scenario-path", folder, "compare", "baseline", "mine", "--runs", "300")
    assert len(re.findall(r"your prediction (held|failed|is too close to call)", text)) == 4
    doc = json.loads(cli("--scenario-path", folder, "compare", "baseline", "mine", "--runs", "300", "--json"))
    assert len(doc["scenarios"]["mine"]["predictions"]) == 4


def test_a_threshold_inside_the_interval_is_too_close_to_call():
    sc = parse("name: x\ntitle: X\npredict: {china_entered: '< 50%', rok_unifies: '> 0.9'}\n")
    summary = {"runs": 100, "shares": {"china_entered": 0.49}, "final_outcome": {"rok_unifies": 0.2}}
    close, failed = predictions.check(sc.predict, summary)
    assert close.status == predictions.CLOSE and "run more worlds" in close.text
    assert failed.status == predictions.FAILED and "not > 90.0%" in failed.text
    far = predictions.check(sc.predict, {**summary, "runs": 100_000})[0]
    assert far.status == predictions.HELD


def test_a_library_scenarios_predictions_are_its_authors(tmp_path):
    """Library predictions read "the author's prediction"; a user's own file's read "your prediction"."""
    from sim.api import run

    lib = run("no_inchon", runs=300, save=False).prediction_lines()
    assert lib and all(line.startswith("the author's prediction ") for line in lib)
    mine = tmp_path / "mine_own.yaml"
    mine.write_text("name: mine_own\ntitle: Mine\nbase: no_inchon\npredict: {china_entered: '< 90%'}\n")
    own = run(str(mine), runs=300, save=False).prediction_lines()
    assert own and all(line.startswith("your prediction ") for line in own)
