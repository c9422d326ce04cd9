"""Simulate a scenario: many worlds as an ensemble, or one world with its full trace.

The one place the analyses turn a scenario into model runs of the Korean case.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.case import KOREA
from sim.engine import ensemble
from sim.engine.model import WarModel
from sim.scenario import Scenario, Setup, load


def as_scenario(scenario: Scenario | str) -> Scenario:
    """A scenario object from itself, a library name or a path."""
    return scenario if isinstance(scenario, Scenario) else load(scenario)


CASE = "sim.case:KOREA"  # the case by reference, so that other processes and machines can import it


def run_setup(setup: Setup, seed: int, runs: int, first_world: int = 0, **kwargs) -> ensemble.Ensemble:
    """Simulate worlds ``first_world ..`` of the Korean case under a setup (``kwargs``: see ``ensemble.run``)."""
    return ensemble.run(CASE, setup, seed, runs, first_world, **kwargs)


def run_scenario(
    scenario: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    first_world: int = 0,
    progress: Callable[[float], None] | None = None,
    **kwargs,
) -> ensemble.Ensemble:
    """Simulate a scenario (object, library name or path); defaults from the scenario.

    ``kwargs`` go to :func:`sim.engine.ensemble.run`: ``jobs``, ``scheduler``, ``logs``, ``chunk``.
    """
    sc = as_scenario(scenario)
    seed = sc.seed if seed is None else seed
    return run_setup(sc.setup(), seed, runs or sc.runs, first_world, progress=progress, **kwargs)


def model(worlds, seed: int, setup: Setup | None = None, **kwargs) -> WarModel:
    """A model of the Korean case for the given world indices (not yet run)."""
    return WarModel(KOREA, np.asarray(worlds), seed, setup or Setup(), **kwargs)


def trace_world(scenario: Scenario | str, world: int, seed: int | None = None) -> list[dict]:
    """One world's full trace: each node reached, options, utilities per term, probabilities, choice.

    The world is simulated alone; its dice are keyed by its index, so it is
    the same world as world ``world`` of any ensemble run with this seed.
    """
    sc = as_scenario(scenario)
    return model([world], sc.seed if seed is None else seed, sc.setup(), trace=True).run().trace
