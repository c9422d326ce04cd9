"""One world and its causes: a world's narrative, two worlds side by side, and PN/PS/PNS of a cause."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sim.analysis.simulate import trace_world
from sim.api.common import UsageError, check_where
from sim.api.common import load as _scenario
from sim.output import budget, report
from sim.output.words import fold
from sim.scenario import Scenario, catalogue


def explanation(
    scenario: Scenario | str, world: int | None = None, pick: str | None = None, seed: int | None = None, terms: int = 4
) -> dict:
    """One world (``world``, or the first matching ``pick`` such as "china_entered=false") explained.

    Returns scenario, seed, world, its full trace, and ``text``: the dated
    narrative and the world's outcome, as ``whatif explain`` prints them.
    """
    from sim.analysis import explain as ex
    from sim.output import narrative

    sc = _scenario(scenario)
    if seed is not None:
        sc = dataclasses.replace(sc, seed=seed)
    if pick and world is not None:
        raise UsageError("give --world or --pick, not both.")
    if pick:
        try:
            world = ex.pick_world(sc, pick)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    world = world or 0
    trace = trace_world(sc, world)
    outcome = ex.world_outcome(sc, world)
    text = narrative.narrative(trace, sc.title, world, terms) + "\n" + narrative.ending(outcome)
    return {"scenario": sc.name, "seed": sc.seed, "world": world, "trace": trace, "outcome": outcome, "text": text}


def explain(scenario: Scenario | str, world: int, terms: int = 4) -> str:
    """One world's dated narrative, as ``whatif explain`` prints it."""
    return explanation(scenario, world, terms=terms)["text"]


def diff(base: Scenario | str, scenario: Scenario | str, world: int, outcomes: bool = False) -> str:
    """World ``world`` under two scenarios (on the base's seed), side by side from the first difference.

    With ``outcomes``, each scenario's outcome for that world follows, as ``whatif diff`` prints it.
    """
    from sim.analysis import explain as ex
    from sim.output import narrative

    b, o = _scenario(base), _scenario(scenario)
    if b.seed != o.seed:
        o = dataclasses.replace(o, seed=b.seed)
    text = narrative.diff_text(ex.diff(b, o, world), b.title, o.title)
    if outcomes:
        for sc in (b, o):
            text += f"\n\nUnder '{sc.title}' ({sc.name}):\n" + narrative.ending(ex.world_outcome(sc, world))
    return text


def _by_name(sc: Scenario) -> bool:
    """Whether the command line finds ``sc`` by its name: a library scenario, or the user's on the scenario path."""
    found = catalogue().get(sc.name, [])
    return len(found) == 1 and not sc.source.startswith("<") and Path(sc.source).resolve() == found[0].path.resolve()


def difference(base: Scenario | str, scenario: Scenario | str, world: int) -> dict:
    """World ``world`` under two scenarios (on the base's seed) in plain words, for the classroom page: ``diff``'s
    content as data (``sim.output.narrative.parted``'s keys), with ``base`` and ``other``: each scenario's
    ``name``, ``title`` and how the world ended there (``ending``: paragraphs in words, ``outcome``: its columns);
    ``code``: the command that prints it (a scenario not in the library as its file, ``NAME.yaml``).
    """
    from sim.analysis import explain as ex
    from sim.output import narrative

    b, o = _scenario(base), _scenario(scenario)
    if b.seed != o.seed:
        o = dataclasses.replace(o, seed=b.seed)
    out = narrative.parted(ex.diff(b, o, world))
    names = [sc.name if _by_name(sc) else f"{sc.name}.yaml" for sc in (b, o)]
    out["code"] = f"whatif diff {names[0]} {names[1]} --world {world}"
    for key, sc in (("base", b), ("other", o)):
        outcome = ex.world_outcome(sc, world)
        out[key] = {
            "name": sc.name,
            "title": sc.title,
            "ending": narrative.ending_lines(outcome, ids=False),
            "outcome": outcome,
        }
    return out


def cause(
    cause: str,
    outcome: str,
    scenario: str = "baseline",
    runs: int = 2000,
    seed: int | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> dict:
    """PN, PS and PNS of a cause for an outcome, with intervals and a plain-language reading.

    ``jobs`` (local processes) and ``scheduler`` (a Dask scheduler's address) change only how fast.
    """
    from sim.analysis import causes
    from sim.scenario import suggest

    _scenario(scenario)
    if cause not in causes.CAUSES:
        raise UsageError(
            f"unknown cause {cause!r}.{suggest(cause, causes.CAUSES)} Valid causes: {', '.join(causes.CAUSES)}."
        )
    outcomes = causes.outcome_names()
    if outcome not in outcomes:
        raise UsageError(
            f"unknown outcome {outcome!r}.{suggest(outcome, outcomes)} Valid outcomes: {', '.join(outcomes)}."
        )
    budget.check_runs(runs, ensembles=3)
    check_where(jobs, scheduler)
    try:
        return causes.measure(cause, outcome, scenario=scenario, runs=runs, seed=seed, jobs=jobs, scheduler=scheduler)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cause_text(result: dict) -> str:
    """A ``cause`` result as ``whatif cause`` prints it."""
    from sim.analysis import causes

    return fold(report.cause_text(result, causes.CAUSES[result["cause"]].description))
