"""Where chunks run never changes results: chunk size, --jobs, a Dask cluster; and a clean interrupt.

World ``i``'s dice are keyed by its index and chunks are put back in chunk
order, so every outcome table, front line, decision log and summary must be
byte-identical however the worlds were cut and wherever they ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from sim.analysis.simulate import run_scenario
from sim.cli.main import main
from sim.engine import ensemble, executors
from sim.output.results import table_text
from sim.scenario import Setup

ROOT = Path(__file__).resolve().parent.parent
RUNS, SEED = 2000, 1950


def _fingerprint(ens: ensemble.Ensemble) -> str:
    digest = hashlib.sha256(table_text(ens.columns).encode())
    digest.update(ens.front.tobytes())
    for log in (ens.choices, ens.choice_days, ens.counts, ens.last_choices, ens.last_days):
        for node, values in log.items():
            digest.update(node.encode() + values.tobytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def reference() -> str:
    return _fingerprint(run_scenario("no_inchon", RUNS, SEED))


@pytest.mark.parametrize(("chunk", "jobs"), [(600, 1), (800, 2)])
def test_results_do_not_depend_on_chunk_size_or_jobs(reference, chunk, jobs):
    assert _fingerprint(run_scenario("no_inchon", RUNS, SEED, chunk=chunk, jobs=jobs)) == reference


def test_outcome_files_are_the_same_for_any_jobs(tmp_path, monkeypatch):
    monkeypatch.setattr(ensemble, "CHUNK", 800)
    files = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}"
        r = CliRunner().invoke(main, ["run", "baseline", "--runs", str(RUNS), "--jobs", str(jobs), "--out", str(out)])
        assert r.exit_code == 0, r.output
        summary = json.loads((out / "summary.json").read_text())
        files[jobs] = [(out / "outcomes.csv").read_bytes(), (out / "front.npy").read_bytes(), summary]
        meta = json.loads((out / "manifest.json").read_text())
        assert meta["outcomes_sha256"] == hashlib.sha256(files[jobs][0]).hexdigest()
    assert files[1] == files[2]


def test_a_dask_cluster_gives_the_same_results(reference):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as cluster:
        ens = run_scenario("no_inchon", RUNS, SEED, chunk=800, scheduler=cluster.scheduler_address)
        temps = executors.map_chunks(abs, [-1, -2, 3], scheduler=cluster.scheduler_address)
        samples = _sweep(scheduler=cluster.scheduler_address)  # a sensitivity sweep's chunks
    assert _fingerprint(ens) == reference
    assert temps == [1, 2, 3]
    assert np.array_equal(samples, _sweep())


def _sweep(scheduler: str | None = None) -> np.ndarray:
    """The outcomes of six settings of two weights, four dice worlds each, two settings a chunk."""
    from sim.analysis import measures
    from sim.analysis import sensitivity as se

    x = np.array([[lo, hi] for lo in (0.1, 0.6, 1.1) for hi in (0.2, 0.9)])
    names = ["mao.border_security", "truman.rollback"]
    return se.evaluate_samples(
        Setup(), SEED, 4, names, x, measures.parse("china_entered"), chunk_rows=8, scheduler=scheduler
    )


def test_logs_can_be_left_out_without_changing_outcomes():
    full, lean = run_scenario("baseline", 500, SEED), run_scenario("baseline", 500, SEED, logs=False)
    assert lean.choices == {} and full.choices
    assert table_text(lean.columns) == table_text(full.columns)
    assert np.array_equal(lean.front, full.front, equal_nan=True)


def _children(pid: int) -> set[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return {p.pid for p in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


def _running(psutil, pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_ctrl_c_stops_every_worker_and_leaves_nothing(tmp_path):
    psutil = pytest.importorskip("psutil")
    out = tmp_path / "run"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "cli", "run", "baseline", "--runs", "400000", "--jobs", "2", "--out", str(out)]
    err_file = tmp_path / "stderr.txt"
    with open(err_file, "w") as err:  # not a pipe: a stray worker would hold it open
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=err)
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers |= _children(proc.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    err = err_file.read_text()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".whatif")]
    deadline = time.monotonic() + 5  # the pool's resource tracker ends on its own once the parent is gone
    while [p for p in workers if _running(psutil, p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [p for p in workers if _running(psutil, p)]
    assert not alive, f"worker processes left running: {alive}"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["run", "baseline", "--jobs", "0"], "--jobs"),
        (["compare", "baseline", "no_inchon", "--jobs", "65"], "--jobs"),
        (["run", "baseline", "--scheduler", "tcp://a b"], "Dask scheduler address"),
        (["cause", "--cause", "china_entered", "--outcome", "rok_unifies", "--scheduler", " "], "scheduler"),
        (["sensitivity", "baseline", "--outcome", "china_entered", "--scheduler", "tcp://a b"], "Dask scheduler"),
    ],
)
def test_bad_jobs_or_scheduler_exit_2_with_one_paragraph(args, words):
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2, r.output
    assert words in r.output and r.output.strip().splitlines()[-1].startswith("Error:")


def test_scheduler_without_dask_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    for args in (["run", "baseline"], ["calibrate", "temperature"]):
        r = CliRunner().invoke(main, [*args, "--scheduler", "tcp://localhost:8786"])
        assert r.exit_code == 2, r.output
        assert "pip install 'korea-whatif[dask]'" in r.output and len(r.output.strip().splitlines()) == 1


def test_the_commands_have_jobs_and_scheduler():
    for command in ("run", "compare", "cause", "calibrate", "sensitivity"):
        text = CliRunner().invoke(main, [command, "--help"]).output
        assert "--jobs" in text and "--scheduler" in text, command


def test_an_unreachable_scheduler_is_refused_before_anything_runs(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 1)
    out = tmp_path / "r"
    r = CliRunner().invoke(
        main, ["run", "baseline", "--runs", "100", "--scheduler", "tcp://127.0.0.1:9", "--out", str(out)]
    )
    assert r.exit_code == 2 and "cannot reach the Dask scheduler" in r.output and "Traceback" not in r.output
    assert not out.exists()


def test_a_malformed_scheduler_address_leaves_no_traceback_at_exit():
    """A Client built on 'nonsense' failed, and its __del__ hung 20 s at exit, then printed a traceback; the
    address is now checked before any Client exists (only a separate process shows what happens at exit)."""
    pytest.importorskip("distributed")
    code = "import cli; cli.main(['run', 'baseline', '--runs', '10', '--scheduler', 'nonsense'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "missing port number" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_each_chunks_model_is_freed_when_its_chunk_is_done(monkeypatch):
    """Memory is the results plus one chunk's model: no finished model stays alive (Mesa 3.3's id registry
    and the model's own reference cycles would otherwise keep every one)."""
    import gc
    import weakref

    from sim.engine.model import WarModel

    models, init = [], WarModel.__init__

    def remember(self, *args, **kwargs):
        init(self, *args, **kwargs)
        models.append(weakref.ref(self))

    monkeypatch.setattr(WarModel, "__init__", remember)
    frozen = gc.get_freeze_count()
    ensemble.run("sim.case:KOREA", Setup(), SEED, 300, chunk=100)
    assert len(models) == 3 and all(ref() is None for ref in models)
    assert gc.get_freeze_count() == frozen  # the chunk's gc.freeze() is undone
