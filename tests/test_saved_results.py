"""Saved results and where they came from (issue 12): whatif results, plot/replay advice, the version from git."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from sim.output import manifest

ROOT = Path(__file__).resolve().parents[1]


def cli(*args, code: int = 0) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r.output


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("results")
    (root / "baseline").mkdir()
    (root / "compare").mkdir()
    cli("run", "baseline", "--runs", "50", "--seed", "3", "--out", root / "baseline" / "one")
    cli("compare", "baseline", "no_inchon", "--runs", "50", "--out", root / "compare" / "two")
    return root


def test_results_lists_runs_and_comparisons_with_scenario_time_worlds_seed_and_folder(saved):
    text = cli("results", saved)
    assert text.startswith(f"2 saved results under {saved}/")
    assert max(len(line) for line in text.splitlines()) <= 100
    run = next(i for i, line in enumerate(text.splitlines()) if re.search(r"  baseline  50 worlds, seed 3$", line))
    assert text.splitlines()[run + 1].strip() == str(saved / "baseline" / "one")
    assert re.search(r"comparison: baseline vs no_inchon  50 worlds, seed 1950", text)
    doc = json.loads(cli("results", saved, "--json"))
    assert {d["kind"] for d in doc} == {"run", "compare"}
    assert {"path", "scenario", "created_utc", "runs", "seed"} <= set(doc[0])


def test_results_in_an_empty_or_missing_folder(tmp_path):
    assert "no saved results" in cli("results", tmp_path)
    assert "no such folder" in cli("results", tmp_path / "nowhere", code=2)


def test_plot_and_replay_of_a_folder_of_results_say_what_to_pass(saved):
    for command in ("plot", "replay"):
        text = cli(command, saved, code=2)
        assert "not a results folder of this tool" in text and "pass one of them instead" in text
        assert str(saved / "compare" / "two") in text or str(saved / "baseline" / "one") in text
        assert "Errno" not in text


def test_plot_takes_a_comparison_folder_alone_or_among_run_folders(saved, tmp_path):
    assert "front_line.png" in cli("plot", saved / "compare" / "two", "--out", tmp_path / "a")
    text = cli("plot", saved / "compare" / "two", saved / "baseline" / "one", "--out", tmp_path / "b")
    assert "outcome_shares.png" in text


def test_replay_of_a_comparison_folder_replays_each_run(saved):
    text = cli("replay", saved / "compare" / "two")
    assert text.startswith("baseline: reproduced") and "no_inchon: reproduced" in text


# ------------------------------------------------------------------ provenance
def test_the_version_comes_from_git_at_build_time():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert any(r.startswith("setuptools-scm") for r in project["build-system"]["requires"])
    assert "version" in project["project"]["dynamic"] and "version" not in project["project"]
    scm = project["tool"]["setuptools_scm"]
    assert scm["version_file"] == "sim/_version.py" and scm["fallback_version"]
    assert "sim/_version.py" in (ROOT / ".gitignore").read_text()


def test_a_manifest_never_records_a_null_commit(monkeypatch):
    monkeypatch.setattr(manifest, "_checkout_commit", lambda: None)
    monkeypatch.setattr(manifest, "_built", lambda: ("0.1.1.dev3+g1234567", "g1234567"))
    assert manifest.git_commit() == "built from g1234567"
    monkeypatch.setattr(manifest, "_built", lambda: ("0.1.0", None))
    assert manifest.git_commit() == manifest.UNKNOWN_COMMIT and "unknown" in manifest.UNKNOWN_COMMIT
    assert manifest.environment()["git_commit"] is not None


def test_the_skipped_test_speaks_to_a_user():
    text = (ROOT / "tests" / "test_evidence.py").read_text()
    assert "the source texts are not available here; citation passages not checked" in text
    assert "seeds/ not beside the checkout" not in text
