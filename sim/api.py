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


def compare(base: Scenario | str, *scenarios: Scenario | str, runs: int | None = None, seed: int | None = None) -> dict:
    """The ``whatif compare --json`` document: paired effects, divergence, first divergent points."""
    from sim.compare import compare as compare_runs

    b = _scenario(base)
    seed = b.seed if seed is None else seed
    runs = runs or b.runs
    others = [_scenario(s) for s in scenarios]
    ens = {s.name: run_scenario(s, runs, seed) for s in others}
    return compare_runs(run_scenario(b, runs, seed), ens, b.name)


def explain(scenario: Scenario | str, world: int, terms: int = 4) -> str:
    """One world's dated narrative, as ``whatif explain`` prints it."""
    from sim import explain as ex

    sc = _scenario(scenario)
    return ex.narrative(trace_world(sc, world), sc.title, world, terms) + "\n" + ex.outcome_line(sc, world)


def diff(base: Scenario | str, scenario: Scenario | str, world: int) -> str:
    """World ``world`` under two scenarios, side by side from the first difference."""
    from sim import explain as ex

    b, o = _scenario(base), _scenario(scenario)
    return ex.diff_text(ex.diff(b, o, world), b.title, o.title)


def cause(cause: str, outcome: str, scenario: str = "baseline", runs: int = 2000, seed: int | None = None) -> dict:
    """PN, PS and PNS of a cause for an outcome, with intervals and a plain-language reading."""
    from sim import causes

    return causes.measure(cause, outcome, scenario=scenario, runs=runs, seed=seed)


def scenario(text: str) -> Scenario:
    """A scenario from YAML text (validated; raises ScenarioError with a readable message)."""
    from sim.scenario import parse

    return parse(text, "<notebook>")


def figures(*ensembles_and_titles, effects: dict | None = None) -> list:
    """Figures for in-memory runs: pass (ensemble, name, title) triples; returns matplotlib Figures."""
    from sim import plots

    runs = [plots.Run.from_ensemble(e, n, t) for e, n, t in ensembles_and_titles]
    figs = [plots.outcome_shares(runs), plots.front_fan(runs), plots.timing(runs), plots.paths(runs)]
    if effects:
        figs.append(plots.effects(effects, {r.name: r.title for r in runs}))
    return figs
