"""Shared fixtures and the leader-test helper."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from sim import case
from sim.analysis.simulate import model as make_model
from sim.engine.state import WorldState
from sim.scenario import Setup


def choice_probability(
    point_id: str,
    option: str,
    state: dict | None = None,
    *,
    day: str | None = None,
    n: int = 4000,
    seed: int = 7,
    setup: Setup | None = None,
) -> float:
    """In state S at point P, the probability (over worlds' weights) that the decider takes O.

    ``state`` overrides the initial world state (variable -> value); the
    features of the point are evaluated in that state on ``day`` (default:
    the point's window start) and the decider's choice (``Leader.decide``)
    gives the mean probability of ``option`` over ``n`` worlds.
    """
    from sim.engine import dates

    node = case.BY_ID[point_id]
    model = make_model(np.arange(n), seed, setup or Setup())
    s: WorldState = model.state
    for name, value in (state or {}).items():
        getattr(s, name)[:] = value
    idx = np.arange(n)
    v = s.view(idx)
    v.day = np.full(n, dates.day(day) if day else node.start, np.int32)
    p, _, _ = model.leaders[node.decider].decide(node, v)
    return float(p[:, node.options.index(option)].mean())


@pytest.fixture
def prob():
    return choice_probability


@contextmanager
def _locked(path: Path):
    """An exclusive lock on ``path`` (POSIX ``flock``): one process at a time, across pytest-xdist workers."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock (and no sharing: see executed_notebook)
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def executed_notebook(tmp_path_factory):
    """``executed_notebook(path)``: the notebook run end to end (once a test run), saved to a shared folder.

    The notebook tests and the documentation site (``WHATIF_DOCS_NOTEBOOKS=<folder>``) read the same run.
    Under pytest-xdist the workers of one run share the folder, and a lock per notebook makes the first
    worker that needs it execute it while another waits and reads the result: no notebook runs twice.
    """
    import nbformat
    from nbclient import NotebookClient

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and os.name == "posix":
        base = base.parent  # the run's folder, shared by its workers (each has its own basetemp below it)
    folder = base / "executed-notebooks"
    folder.mkdir(exist_ok=True)
    root = Path(__file__).resolve().parents[1]

    def run(path: Path):
        done = folder / path.name
        with _locked(folder / f"{path.stem}.lock"):
            if not done.is_file():
                book = nbformat.read(path, as_version=4)
                NotebookClient(
                    book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(root)}}
                ).execute()
                partial = folder / f"{path.stem}.partial"
                nbformat.write(book, partial)
                partial.replace(done)
        return nbformat.read(done, as_version=4)

    run.folder = folder
    return run


# ------------------------------------------------------------------ running in parallel (pytest-xdist)
# pyproject's addopts run the suite in two processes with `--dist loadscope`: each module goes whole to one
# worker, so that its module-scoped fixtures are computed once. Two refinements (measured on 2 cores):
# - the documentation site reads the notebooks that the notebook tests execute, so both modules go to
#   one worker (else a worker could sit idle, waiting for the other to finish a notebook);
# - the slowest modules are handed out first, so that no worker is left alone with one at the end.
# Neither changes what a test checks; with `-n 0` (or another --dist) the hook below does nothing.
SAME_WORKER = {"tests/test_docs_site.py": "tests/test_notebooks.py"}
SLOWEST_FIRST = (  # seconds on one worker while the other is busy (2 cores, pytest --durations)
    "tests/test_notebooks.py",  # 53 with the documentation site: the five notebooks executed once, the site
    "tests/test_crash.py",  # 46: real processes killed and interrupted
    "tests/test_results.py",  # 31: figures
    "tests/test_web_e2e.py",  # 24: a server and a browser
    "tests/test_scenarios.py",  # 21
    "tests/test_jobs.py",  # 20: worker processes and a Dask cluster
    "tests/test_cli.py",  # 16
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    if not all(hasattr(LoadScopeScheduling, m) for m in ("_split_scope", "_assign_work_unit")):
        return None  # another pytest-xdist: its own loadscope

    def rank(scope: str) -> int:
        return SLOWEST_FIRST.index(scope) if scope in SLOWEST_FIRST else len(SLOWEST_FIRST)

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return SAME_WORKER.get(module, module)

        def _assign_work_unit(self, node) -> None:
            self.workqueue.move_to_end(min(self.workqueue, key=rank), last=False)  # the rest: xdist's order
            super()._assign_work_unit(node)

    return Scheduling(config, log)
