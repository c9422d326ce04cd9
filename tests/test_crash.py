"""Crash consistency and interruptions, with real `python cli.py` processes.

A SIGKILL at any point of writing or replacing a results folder leaves the
old complete folder or the new complete one, never a mix and never nothing;
the hidden partial a killed run leaves is removed by the next run. Ctrl-C
and SIGTERM at any moment (start-up included) exit 130 with one line and
leave nothing partial. Processes run side by side to keep the test short.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim.output import folders, kinds, manifest
from sim.output.replay import changed_files

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "cli.py"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
DATA = {"outcomes.csv", "front.npy", "front_months.npy", "summary.json", "manifest.json"}
OLD, NEW = 20, 30  # worlds in the old folder and in the run that replaces it
POINTS = (  # named points of writing and replacing (sim/output/results.py, folders.py), in order
    "after-table",
    "after-front",
    "after-manifest",
    "after-figures",
    "before-commit",
    "after-exchange",
    "before-remove-old",
)


def start(out: Path, *args, env=None, runs=NEW) -> subprocess.Popen:
    command = [sys.executable, str(CLI), "run", "baseline", "--runs", str(runs), "--out", str(out), *args]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV, cwd=out.parent, text=True
    )


def complete_runs(folder: Path, figures: bool = True) -> int:
    """The number of worlds of a complete results folder (asserting that it is one)."""
    assert {p.name for p in folder.iterdir()} == DATA | ({"figures"} if figures else set())
    if figures:
        assert len(list((folder / "figures").iterdir())) == 5 and not kinds.stray_figures(folder / "figures")
    meta = manifest.read(folder)
    assert changed_files(folder, meta) == []
    return meta.runs


def partials(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(folders.PARTIAL)]


@pytest.fixture(scope="module")
def old(tmp_path_factory) -> Path:
    """A complete results folder of OLD worlds with figures, to be replaced."""
    out = tmp_path_factory.mktemp("old") / "run"
    r = subprocess.run(
        [sys.executable, str(CLI), "run", "baseline", "--runs", str(OLD), "--plot", "--out", str(out)],
        capture_output=True,
        env=ENV,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return out


def test_sigkill_at_each_point_of_writing_and_replacing(old, tmp_path):
    procs = {}
    for point in POINTS:
        parent = tmp_path / point
        parent.mkdir()
        shutil.copytree(old, parent / "run")
        procs[point] = start(parent / "run", "--plot", "--force", env={**ENV, folders.KILL_AT: point})
    for point, proc in procs.items():
        proc.wait(timeout=120)
        assert proc.returncode == -signal.SIGKILL, (point, proc.stderr.read())
        worlds = complete_runs(tmp_path / point / "run")
        replaced = POINTS.index(point) >= POINTS.index("after-exchange")
        assert worlds == (NEW if replaced else OLD), point
    # the next write in each folder clears the partial the killed run left (its process is gone)
    for point in POINTS:
        with folders.Slot(tmp_path / point / "next").open() as staging:
            assert partials(tmp_path / point) == [staging.name], point
        assert partials(tmp_path / point) == [], point
        assert complete_runs(tmp_path / point / "run") in (OLD, NEW)


def test_sigkill_at_random_moments_leaves_the_old_or_the_new_folder(old, tmp_path):
    began = time.perf_counter()
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copytree(old, probe / "run")
    assert start(probe / "run", "--plot", "--force").wait(timeout=120) == 0
    duration = time.perf_counter() - began
    rng = random.Random(9)
    delays = sorted(rng.uniform(0.3 * duration, 1.1 * duration) for _ in range(3))
    procs = []
    for k, delay in enumerate(delays):
        parent = tmp_path / f"k{k}"
        parent.mkdir()
        shutil.copytree(old, parent / "run")
        procs.append((parent, delay, start(parent / "run", "--plot", "--force")))
    t0 = time.perf_counter()
    for _, delay, proc in procs:
        time.sleep(max(0.0, t0 + delay - time.perf_counter()))
        proc.send_signal(signal.SIGKILL)
    seen = set()
    for parent, _, proc in procs:
        proc.wait(timeout=120)
        seen.add(complete_runs(parent / "run"))
    assert seen <= {OLD, NEW}


def handles_signals(pid: int) -> bool:
    """True once the command line has installed its signal handlers (Linux: SIGTERM is caught)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_at_any_moment_exits_130_with_one_line_and_nothing_partial(tmp_path, sig):
    """Issue 9: Ctrl-C during start-up printed a KeyboardInterrupt traceback.

    From the moment the command line is up (its first lines run before any
    library loads), an interrupt while loading the libraries, simulating or
    writing exits 130 with one line.
    """
    delays = (0.0, 0.3, 0.8, 1.4, 2.0, 2.8)  # seconds after the handlers are up: loading, simulating, writing
    procs = []
    for k, delay in enumerate(delays):
        parent = tmp_path / f"i{k}"
        parent.mkdir()
        procs.append((parent, delay, start(parent / "run", "--plot", runs=20000)))
    up = []  # when each process was seen with its handlers installed
    for _, _, proc in procs:
        deadline = time.perf_counter() + 60
        while not handles_signals(proc.pid) and time.perf_counter() < deadline:
            time.sleep(0.005)
        up.append(time.perf_counter())
    for at, (_, delay, proc) in sorted(zip(up, procs, strict=True), key=lambda x: x[0] + x[1][1]):
        time.sleep(max(0.0, at + delay - time.perf_counter()))
        proc.send_signal(sig)
    codes = []
    for parent, delay, proc in procs:
        _, err = proc.communicate(timeout=120)
        codes.append(proc.returncode)
        assert proc.returncode in (0, 130), (delay, err)
        assert "Traceback" not in err
        assert partials(parent) == []
        if proc.returncode == 130:
            assert err.count("\n") == 1 and err.startswith("whatif: interrupted"), err
            if (parent / "run").exists():  # the interrupt was swallowed by a C callback: the run ran to its end
                complete_runs(parent / "run")
        else:
            complete_runs(parent / "run")
    assert codes[0] == 130 and 130 in codes[1:]


# A C-level exit handler that aborts, standing in for an extension left half set up by an interrupted
# import (matplotlib 3.11's ft2font aborted at exit that way: SIGABRT after the line was printed).
ABORT_AT_EXIT = (
    "import ctypes; libc = ctypes.CDLL(None); libc.__cxa_atexit(ctypes.cast(libc.abort, ctypes.c_void_p), None, None); "
)


def test_an_interrupted_process_ends_without_the_interpreters_finalization(tmp_path):
    """CI, stop 17: one process in sixty, interrupted ~1.5 s in under load, aborted at exit (-6)."""
    code = ABORT_AT_EXIT + "import cli; cli.process()"
    command = [sys.executable, "-c", code, "run", "baseline", "--runs", "200000", "--out", str(tmp_path / "run")]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, text=True)
    deadline = time.perf_counter() + 60
    while not handles_signals(proc.pid) and proc.poll() is None and time.perf_counter() < deadline:
        time.sleep(0.005)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.startswith("whatif: interrupted") and err.count("\n") == 1, err
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("command", ["prepare_run", "explanation"])  # what `run` and `explain` call in sim.api
def test_an_interrupt_a_c_callback_swallowed_still_ends_the_command_as_interrupted(tmp_path, command):
    """CI: Ctrl-C while numba loaded its cached kernels was swallowed by llvmlite's ctypes callback; the
    run went on, printed "Exception ignored ... KeyboardInterrupt" with a traceback, and exited 0. Now
    a run stops at its next progress report; a command without one (explain) ends as interrupted."""
    swallow = (
        f"import ctypes, signal, sim.api; real = sim.api.{command}; "
        "callback = ctypes.CFUNCTYPE(None)(lambda: signal.raise_signal(signal.SIGINT)); "
        f"sim.api.{command} = lambda *a, **k: (callback(), real(*a, **k))[1]; "
    )
    out = tmp_path / "run"
    run = ["run", "baseline", "--runs", "20", "--out", str(out)]
    args = run if command == "prepare_run" else ["explain", "baseline"]
    code = swallow + "import cli; cli.process()"
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=ENV, text=True, timeout=120)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.startswith("whatif: interrupted") and proc.stderr.count("\n") == 1, proc.stderr
    assert not out.exists() and partials(tmp_path) == []  # a run stopped at its first progress, before writing


def test_a_signal_after_the_command_has_finished_is_ignored():
    """CI: a SIGINT that came after the results were complete killed the exiting process (-2)."""
    late = "import atexit, os, signal; atexit.register(lambda: os.kill(os.getpid(), signal.SIGTERM)); "
    proc = subprocess.run(
        [sys.executable, "-c", late + "import cli; cli.process()", "list"], capture_output=True, env=ENV, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "baseline" in proc.stdout


def test_two_runs_into_one_folder_at_once_never_replace_each_other(tmp_path):
    """Issue 9: both exited 0 and printed the folder; one had silently replaced the other."""
    out = tmp_path / "run"
    procs = [start(out, runs=runs) for runs in (300, 301)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert sorted(code for code, _ in results) == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    # the loser found the folder taken at its check (if it started late) or at its commit
    assert ("created by another run" in loser or "exists already" in loser) and "Traceback" not in loser
    winner = procs[[code for code, _ in results].index(0)]
    assert json.loads((out / "manifest.json").read_text())["runs"] == (300 if winner is procs[0] else 301)
    assert complete_runs(out, figures=False) in (300, 301) and partials(tmp_path) == []
