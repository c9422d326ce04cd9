"""Fuzzing saved results: random edits of a results folder never make `plot` or `replay` crash.

Whatever is done to the manifest (a key removed, a value replaced by any JSON
value) or to a data file (truncated, emptied, another file's bytes), `replay`
exits 0, 1 or 2 and `plot` 0 or 2, with no traceback; on exit 2 nothing is
written.
"""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import main

KEYS = [
    "scenario",
    "title",
    "scenario_resolved",
    "seed",
    "runs",
    "first_world",
    "table",
    "outcomes_sha256",
    "files",
    "numpy",
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
FILES = ["outcomes.csv", "front.npy", "front_months.npy", "summary.json"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("fuzz") / "run"
    assert CliRunner().invoke(main, ["run", "no_inchon", "--runs", "40", "--out", str(out)]).exit_code == 0
    return out


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """What is fuzzed is the checking: a replay that passes every check re-runs at most 40 worlds, and
    a plot that passes them writes one empty file instead of drawing."""
    from sim.analysis import simulate
    from sim.output import figures

    real = simulate.run_setup
    monkeypatch.setattr(simulate, "run_setup", lambda setup, seed, n, *a, **k: real(setup, seed, min(n, 40), *a, **k))
    monkeypatch.setattr(figures, "make_all", lambda runs, folder, *a, **k: [_touch(Path(folder) / "drawn.png", runs)])


def _touch(path: Path, runs) -> Path:
    assert all(run.n > 0 and run.front.shape[0] == run.n for run in runs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def check(copy: Path) -> None:
    before = sorted(p.name for p in copy.iterdir())
    for command, codes in (("replay", (0, 1, 2)), ("plot", (0, 2))):
        r = CliRunner().invoke(main, [command, str(copy), "--force"] if command == "plot" else [command, str(copy)])
        assert r.exit_code in codes, (command, r.output, r.exception)
        assert r.exception is None or isinstance(r.exception, SystemExit), (command, r.exception)
        assert "Traceback" not in r.output
        if r.exit_code == 2 and command == "plot":
            assert sorted(p.name for p in copy.iterdir()) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(KEYS), value=JSON, delete=st.booleans())
def test_an_edited_manifest_never_crashes_replay_or_plot(folder, key, value, delete):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "run"
        shutil.copytree(folder, copy)
        meta = json.loads((copy / "manifest.json").read_text())
        if delete:
            meta.pop(key, None)
        else:
            meta[key] = value
        (copy / "manifest.json").write_text(json.dumps(meta))
        check(copy)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES), cut=st.floats(0, 1), other=st.sampled_from([None, *FILES]))
def test_a_damaged_data_file_never_crashes_replay_or_plot(folder, name, cut, other):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "run"
        shutil.copytree(folder, copy)
        path = copy / name
        data = (copy / other).read_bytes() if other else path.read_bytes()
        path.write_bytes(data[: int(len(data) * cut)])
        check(copy)
