"""Explaining worlds: explain, diff, sources, cause (CliRunner), and the narrative's claims."""

import json
import re

import pytest
from click.testing import CliRunner

from cli import main
from sim import case
from sim.case.evidence import REGISTRY


def run(*args):
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return r


def test_explain_baseline_world_0_names_at_least_15_dated_decisions_each_with_a_source():
    r = run("explain", "baseline", "--world", "0")
    assert r.exit_code == 0
    blocks = [b for b in r.output.split("\n\n") if re.match(r"\d{4}-\d{2}-\d{2}  ", b)]
    decisions = [b for b in blocks if "decides:" in b and "chance decides" not in b]
    assert len(decisions) >= 15
    for b in decisions:
        assert re.search(r"evidence [a-z0-9_.]+: ", b), b[:200]
    assert "How it ended:" in r.output


def test_explain_refusal_shows_the_forced_choice_and_the_evacuation_with_its_reasons():
    r = run("explain", "china_refuses_12_oct", "--world", "0")
    assert r.exit_code == 0
    assert "stop the entry plan: forced by scenario" in r.output
    evac = r.output.split("(stalin_evacuation)")[1].split("\n\n")[0]
    assert "Joseph Stalin (stalin) decides" in evac and "avoid_us_war" in evac
    assert "evidence essay.avoid_war_unprepared" in evac


def test_a_dated_point_off_its_documented_day_says_so():
    """The Politburo's title says 5 October; in a world where it meets on the 12th the narrative says
    both, rather than "1950-10-12 The Politburo meets (5 October)" alone."""
    from sim.output.narrative import describe_entry, off_history

    node = case.BY_ID["politburo_5oct"]
    assert off_history(node, "1950-10-05") == "" and off_history(case.BY_ID["invasion"], "1950-07-01") == ""
    assert off_history(node, "1950-10-12") == "7 days later" and off_history(node, "1950-10-04") == "1 day earlier"
    entry = {"node": "politburo_5oct", "date": "1950-10-12", "front": 38.5, "kind": "decision",
             "options": ["send", "hold_back"], "probabilities": [0.9, 0.1], "decider": "politburo",
             "choice": "send", "draw": 0.5, "utilities": [1.0, 0.0], "terms": {}}  # fmt: skip
    assert "(in history on 5 October 1950; in this world 7 days later)" in describe_entry(entry)


def test_explain_json_is_the_trace():
    r = run("explain", "baseline", "--world", "2", "--json")  # a world where China is asked in October 1950
    doc = json.loads(r.output)
    assert doc["world"] == 2 and doc["scenario"] == "baseline"
    entry = next(e for e in doc["trace"] if e["node"] == "mao_12oct")
    assert set(entry) >= {"date", "decider", "options", "probabilities", "choice", "utilities", "terms", "forced"}
    assert entry["documented_date"] == "1950-10-12"  # this world's date may differ (the narrative says by how much)
    assert next(e for e in doc["trace"] if e["node"] == "invasion")["documented_date"] is None


def test_explain_pick_finds_a_world_with_the_outcome():
    r = run("explain", "baseline", "--pick", "china_entered=false", "--json")
    doc = json.loads(r.output)
    assert all(e["node"] != "cpv_crossing" or e["choice"] != "cross" for e in doc["trace"])
    r = run("explain", "baseline", "--pick", "final_outcome=rok_unifies")
    assert r.exit_code == 0 and "How it ended: the South unifies Korea (rok_unifies)" in r.output


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--pick", "china=false"], "OUTCOME=VALUE"),
        (["--pick", "final_outcome=peace"], "rok_unifies"),
        (["--pick", "china_entered=maybe"], "true or false"),
        (["--pick", "war_started=true", "--world", "1"], "not both"),
    ],
)
def test_explain_bad_pick_exits_2(args, hint):
    r = CliRunner().invoke(main, ["explain", "baseline", *args])
    assert r.exit_code == 2 and hint in r.output


def test_diff_shows_where_and_why():
    r = run("diff", "baseline", "china_refuses_12_oct", "--world", "0")
    assert r.exit_code == 0
    assert "identical until" in r.output and "first difference:" in r.output
    assert "[forced]" in r.output
    r = run("diff", "baseline", "kim_asks_china_first", "--world", "0")
    assert "kim_appeal" in r.output


def test_diff_names_an_upstream_change_when_no_rule_acts_first():
    from sim.analysis import explain
    from sim.scenario import load

    d = explain.diff(load("baseline"), load("stalin_dies_1952"), 0)
    assert "stalin_death" in d.reason or "upstream" in d.reason


def test_sources_lists_every_id_and_what_it_moves():
    r = run("sources")
    assert r.exit_code == 0
    for key in REGISTRY:
        assert key in r.output
    r = run("sources", "shen.politburo_5oct")
    assert "mao_12oct" in r.output and "politburo_5oct" in r.output and "term mao.air_force_condition" in r.output
    r = CliRunner().invoke(main, ["sources", "nope"])
    assert r.exit_code == 2 and "essay.pow" in r.output


def test_every_decision_point_is_moved_by_some_evidence():
    from sim.analysis import sources

    moved = {p for key in REGISTRY for p in sources.moves(key)}
    assert {n.id for n in case.NODES} <= moved


def test_cause_command_prints_pn_ps_pns_and_a_reading():
    r = run("cause", "--cause", "china_entered", "--outcome", "dprk_survives", "--runs", "400")
    assert r.exit_code == 0
    assert "PN " in r.output and "PS " in r.output and "PNS" in r.output and "not a historical verdict" in r.output
    r = run(
        "cause",
        "--cause",
        "stalin_death",
        "--outcome",
        "armistice",
        "--scenario",
        "stalin_lives_to_1956",
        "--runs",
        "300",
        "--json",
    )
    doc = json.loads(r.output)
    assert doc["pn"]["value"] is None and doc["ps"]["value"] is not None


def test_cause_bad_names_exit_2():
    r = CliRunner().invoke(main, ["cause", "--cause", "nope", "--outcome", "dprk_survives"])
    assert r.exit_code == 2 and "china_entered" in r.output
    r = CliRunner().invoke(main, ["cause", "--cause", "china_entered", "--outcome", "peace"])
    assert r.exit_code == 2 and "dprk_survives" in r.output


def test_graph_listing_figure_and_scenario_marks(tmp_path):
    r = run("graph")
    assert r.exit_code == 0
    for node in case.NODES:
        assert node.id in r.output
    r = run("graph", "--scenario", "china_refuses_12_oct")
    assert "forced: stop" in r.output and "incoming edges cut" in r.output
    for suffix in (".png", ".svg"):
        out = tmp_path / f"g{suffix}"
        assert run("graph", "--scenario", "stalin_lives_to_1956", "--out", out).exit_code == 0
        assert out.stat().st_size > 1000
    r = CliRunner().invoke(main, ["graph", "--out", str(tmp_path / "g.txt")])
    assert r.exit_code == 2 and ".png" in r.output
