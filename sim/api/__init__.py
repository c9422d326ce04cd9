"""Python API: the operations of the command line as functions (for notebooks).

>>> from sim.api import run_scenario, trace_world
>>> ens = run_scenario("baseline", runs=1000)
>>> ens.columns["china_entered"].mean()
>>> trace_world("baseline", world=0)   # every decision of world 0
"""

from __future__ import annotations

from sim.analysis.simulate import as_scenario as _scenario
from sim.analysis.simulate import run_scenario, trace_world
from sim.analysis.summary import summarize
from sim.scenario import Scenario

__all__ = [
    "cause",
    "compare",
    "diff",
    "evidence",
    "explain",
    "fidelity",
    "figures",
    "run_scenario",
    "scenario",
    "show",
    "summary",
    "trace_world",
]


def summary(scenario: Scenario | str, runs: int | None = None, seed: int | None = None) -> dict:
    """The ``whatif run --json`` summary of a scenario."""
    sc = _scenario(scenario)
    seed = sc.seed if seed is None else seed
    return summarize(run_scenario(sc, runs, seed).columns, sc.name, seed)


def compare(base: Scenario | str, *scenarios: Scenario | str, runs: int | None = None, seed: int | None = None) -> dict:
    """The ``whatif compare --json`` document: paired effects, divergence, first divergent points."""
    from sim.analysis.compare import compare as compare_runs

    b = _scenario(base)
    seed = b.seed if seed is None else seed
    runs = runs or b.runs
    others = [_scenario(s) for s in scenarios]
    ens = {s.name: run_scenario(s, runs, seed) for s in others}
    return compare_runs(run_scenario(b, runs, seed), ens, b.name)


def explain(scenario: Scenario | str, world: int, terms: int = 4) -> str:
    """One world's dated narrative, as ``whatif explain`` prints it."""
    from sim.analysis import explain as ex

    sc = _scenario(scenario)
    return ex.narrative(trace_world(sc, world), sc.title, world, terms) + "\n" + ex.outcome_line(sc, world)


def diff(base: Scenario | str, scenario: Scenario | str, world: int) -> str:
    """World ``world`` under two scenarios, side by side from the first difference."""
    from sim.analysis import explain as ex

    b, o = _scenario(base), _scenario(scenario)
    return ex.diff_text(ex.diff(b, o, world), b.title, o.title)


def cause(cause: str, outcome: str, scenario: str = "baseline", runs: int = 2000, seed: int | None = None) -> dict:
    """PN, PS and PNS of a cause for an outcome, with intervals and a plain-language reading."""
    from sim.analysis import causes

    return causes.measure(cause, outcome, scenario=scenario, runs=runs, seed=seed)


def scenario(text: str) -> Scenario:
    """A scenario from YAML text (validated; raises ScenarioError with a readable message)."""
    from sim.scenario import parse

    return parse(text, "<notebook>")


def figures(*ensembles_and_titles, effects: dict | None = None) -> list:
    """Figures for in-memory runs: pass (ensemble, name, title) triples; returns matplotlib Figures."""
    from sim.output import plots

    runs = [plots.Run.from_ensemble(e, n, t) for e, n, t in ensembles_and_titles]
    figs = [plots.outcome_shares(runs), plots.front_fan(runs), plots.timing(runs), plots.paths(runs)]
    if effects:
        figs.append(plots.effects(effects, {r.name: r.title for r in runs}))
    return figs


def show(scenario: Scenario | str) -> str:
    """A scenario with its interventions explained in words, as ``whatif show`` prints it."""
    from sim.output.report import scenario_text

    return scenario_text(_scenario(scenario))


def fidelity(runs: int = 2000, seed: int = 1950) -> str:
    """The fidelity table: P(historical choice) at each point on the historical path, as ``whatif fidelity``."""
    from sim.analysis import fidelity as fid

    return fid.format_table(fid.table(runs, seed))


def evidence(evidence_id: str) -> dict:
    """One evidence id: its source, the passage's topic, what cites it and the decision points it moves."""
    from sim.analysis import sources
    from sim.case.evidence import REGISTRY

    ev = REGISTRY[evidence_id]
    return {
        "id": evidence_id,
        "source": ev.label,
        "topic": ev.topic,
        "cited_by": sources.uses()[evidence_id],
        "moves": sources.moves(evidence_id),
    }
