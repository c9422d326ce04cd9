"""Shared fixtures and the leader-test helper."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def executed_notebook(tmp_path_factory):
    """``executed_notebook(path)``: the notebook run end to end (once a session), saved to a shared folder.

    The notebook tests and the documentation site (``WHATIF_DOCS_NOTEBOOKS=<folder>``) read the same run.
    """
    import nbformat
    from nbclient import NotebookClient

    folder = tmp_path_factory.mktemp("executed-notebooks")
    root = Path(__file__).resolve().parents[1]

    def run(path: Path):
        done = folder / path.name
        if not done.is_file():
            book = nbformat.read(path, as_version=4)
            NotebookClient(
                book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(root)}}
            ).execute()
            nbformat.write(book, done)
        return nbformat.read(done, as_version=4)

    run.folder = folder
    return run
