"""Which choices made an outcome, whether enough worlds were run, and what the leaders' preferences add.

>>> from sim import api
>>> print(api.attribute("baseline", "dprk_survives", world=0).text())
>>> print(api.converge("baseline", "final_outcome=rok_unifies", runs=5000).text())
>>> print(api.ablate(leaders="kim").text())

(sensitivity and discovery: :mod:`sim.api.assumptions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.api.assumptions import parse_outcome, save_figure
from sim.api.common import UsageError, check_where, runs_and_seed
from sim.api.common import load as _scenario
from sim.output.words import fold
from sim.scenario import Scenario


@dataclass
class Report:
    """A result of an analysis with its text, JSON document and (optionally) figure."""

    result: object
    render: object
    draw: object = None

    def text(self, top: int = 12) -> str:
        return fold(self.render(self.result, top) if _takes_top(self.render) else self.render(self.result))

    @property
    def doc(self) -> dict:
        return self.result.to_doc()

    def figure(self):
        if self.draw is None:
            raise UsageError("this analysis has no figure.")
        return self.draw(self.result)

    def save(self, out: str | Path, force: bool = False, option: str = "--out") -> str:
        return save_figure(self.figure(), out, force, option)


def _takes_top(func) -> bool:
    import inspect

    return "top" in inspect.signature(func).parameters


def attribute(
    scenario: Scenario | str,
    outcome: str,
    world: int | None = 0,
    worlds: int | None = None,
    points: str | None = None,
    permutations: int = 200,
    seed: int | None = None,
) -> Report:
    """Attribute an outcome across the choices on a world's path (Shapley values and but-for tests).

    ``world``: one world; ``worlds``: worlds 0..K-1 and a summary per point.
    ``points``: comma-separated decision points to attribute among (default:
    every decision on the path).
    """
    from sim.analysis import attribution as at
    from sim.output.assumptions_more import attribution_text

    sc = _scenario(scenario)
    measure = parse_outcome(outcome)
    chosen = _points(points)
    if worlds is not None and not 1 <= worlds <= 1000:
        raise UsageError("--worlds must be from 1 to 1,000.")
    if not 2 <= permutations <= 10_000:
        raise UsageError("--permutations must be from 2 to 10,000.")
    seed = sc.seed if seed is None else seed
    indices = list(range(worlds)) if worlds else [int(world or 0)]
    done = at.attribute(
        sc.setup(), seed, indices, measure, points=chosen, permutations=permutations, pairs=worlds is None
    )
    return Report(at.Result(sc.name, measure, seed, permutations, done), attribution_text)


def attribution(scenario: Scenario | str, outcome: str, world: int = 0, permutations: int = 200) -> dict:
    """Which choices on world ``world``'s path made ``outcome``, in plain words with the code names apart (the
    classroom page's card): ``sim.output.assumptions_more.attribution_told``'s keys."""
    from sim.api.common import library
    from sim.output.assumptions_more import attribution_told

    sc = _scenario(scenario)
    report = attribute(sc, outcome, world=world, permutations=permutations)
    return attribution_told(report.result, scenario=sc.name if sc.name in library() else f"{sc.name}.yaml")


def _points(points: str | None) -> list[str] | None:
    from sim.scenario import CHOICE_NODES

    if not points:
        return None
    chosen = [p.strip() for p in points.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in CHOICE_NODES]
    if unknown:
        raise UsageError(f"unknown decision point(s) {', '.join(unknown)}. Valid choices: {', '.join(CHOICE_NODES)}.")
    return chosen


def converge(
    scenario: Scenario | str,
    outcome: str,
    runs: int | None = None,
    seed: int | None = None,
    target: float | None = None,
) -> Report:
    """The estimate of an outcome and its 95% interval against the number of worlds (the first n of ``runs``)."""
    from sim.analysis import convergence
    from sim.analysis.simulate import run_scenario
    from sim.output import budget
    from sim.output.assumptions_more import convergence_text
    from sim.output.figures.assumptions import convergence as draw

    sc = _scenario(scenario)
    measure = parse_outcome(outcome)
    runs, seed = runs_and_seed(sc, runs, seed)
    budget.check_runs(runs)
    if target is not None and not target > 0:
        raise UsageError("--target must be positive.")
    values = measure.per_world(run_scenario(sc, runs, seed).columns, sc.setup().horizon)
    return Report(convergence.converge(values, measure, sc.name, seed, target), convergence_text, draw)


def precision_warnings(summary: dict) -> list[str]:
    """Warnings for a ``run`` summary: intervals wider than the differences they would support (may be empty)."""
    from sim.analysis.convergence import precision_warnings as warnings_for
    from sim.output.report import LABELS

    return warnings_for(summary, LABELS)


def effect_warnings(doc: dict) -> list[str]:
    """Warnings for a ``compare`` document: effects smaller than their own interval."""
    from sim.analysis.convergence import effect_warnings as warnings_for
    from sim.output.report import LABELS

    return warnings_for(doc, LABELS)


def ablate(
    runs: int = 1000, library_runs: int = 300, seed: int = 1950, leaders: str | None = None, jobs: int = 1
) -> Report:
    """Each leader's preferences replaced in turn by trivial policies: the change in fidelity and library answers."""
    from agents import LEADERS
    from sim.analysis import ablation
    from sim.output.assumptions_more import ablation_text

    chosen = [k.strip() for k in leaders.split(",")] if leaders else None
    unknown = [k for k in chosen or () if k not in LEADERS]
    if unknown:
        raise UsageError(f"unknown leader(s) {', '.join(unknown)}. Valid choices: {', '.join(LEADERS)}.")
    check_where(jobs)
    return Report(ablation.ablate(chosen, runs, library_runs, seed, jobs=jobs), ablation_text)
