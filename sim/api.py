"""Python API: the operations of the command line as functions (for notebooks).

>>> from sim.api import run_scenario, trace_world
>>> ens = run_scenario("baseline", runs=1000)
>>> ens.columns["china_entered"].mean()
>>> trace_world("baseline", world=0)   # every decision of world 0
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim import ensemble
from sim.model import WarModel
from sim.scenario import Scenario, load
from sim.summary import summarize


def _scenario(scenario: Scenario | str) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load(scenario)


def run_scenario(
    scenario: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    first_world: int = 0,
    progress: Callable[[float], None] | None = None,
) -> ensemble.Ensemble:
    """Simulate a scenario (object, library name or path); defaults from the scenario."""
    sc = _scenario(scenario)
    return ensemble.run(sc.setup(), sc.seed if seed is None else seed, runs or sc.runs, first_world, progress=progress)


def summary(scenario: Scenario | str, runs: int | None = None, seed: int | None = None) -> dict:
    """The ``whatif run --json`` summary of a scenario."""
    sc = _scenario(scenario)
    seed = sc.seed if seed is None else seed
    return summarize(run_scenario(sc, runs, seed).columns, sc.name, seed)


def trace_world(scenario: Scenario | str, world: int, seed: int | None = None) -> list[dict]:
    """One world's full trace: each node reached, options, utilities per term, probabilities, choice.

    The world is simulated alone; its dice are keyed by its index, so it is
    the same world as world ``world`` of any ensemble run with this seed.
    """
    sc = _scenario(scenario)
    model = WarModel(np.array([world]), sc.seed if seed is None else seed, sc.setup(), trace=True).run()
    return model.trace
