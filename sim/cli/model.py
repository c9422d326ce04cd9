"""The model itself: ``whatif graph``, ``sources``, ``fidelity``, ``calibrate`` and ``bench``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sim.cli.options import (
    api,
    force_file_option,
    force_needs,
    jobs_option,
    json_option,
    local_or_cluster,
    out_option,
    scheduler_option,
    unused,
    user_errors,
)


@click.command()
@click.option("--scenario", help="Mark this scenario's interventions (forced points, cut edges, moved events).")
@out_option(
    "Draw the graph to this file (.png, .svg or .pdf) instead of printing the listing; its folder must exist.",
    dir_okay=False,
)
@force_file_option("--out")
def graph(scenario: str | None, out: Path | None, force: bool) -> None:
    """The decision points as a directed graph: which points and state variables feed which.

    Prints a listing node by node (reads, runs after, writes); with --out,
    draws it coloured by decider. With --scenario, the intervened points are
    marked and the edges into them cut (do() cuts a choice off from its causes).
    """
    force_needs("--out", out, "the graph is printed as a listing, not drawn to a file")
    with user_errors():
        click.echo(api().graph(scenario, out, force))


@click.command()
@click.argument("evidence_id", required=False)
def sources(evidence_id: str | None) -> None:
    """List every evidence id with its source and what uses it; with an ID, the points it moves."""
    with user_errors():
        click.echo(api().sources() if evidence_id is None else api().evidence_text(evidence_id))


@click.command()
@click.option(
    "--runs",
    type=click.IntRange(10, 1_000_000),
    default=2000,
    show_default=True,
    help="Worlds to average over (weights differ per world).",
)
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=1950, show_default=True)
@json_option
def fidelity(runs: int, seed: int, as_json: bool) -> None:
    """How likely the model finds history, and how close its war comes to the record.

    Forces every historical choice at its first occurrence, records the
    model's own probabilities at each decision point first, and prints, in
    date order, P(historical option) and whether it is the most likely
    option; then the front line's error against the dated historical line,
    the baseline's median armistice and Chinese entry, and the deaths by
    side against the documented ranges.
    """
    with user_errors():
        text = json.dumps(api().fidelity_report(runs, seed), indent=2) if as_json else api().fidelity(runs, seed)
    click.echo(text)


@click.command()
@click.argument("scenario", default="baseline")
@click.option("--runs", type=click.IntRange(10, 1_000_000), default=10_000, show_default=True, help="Worlds to audit.")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), help="Seed [default: the scenario's].")
@json_option
def audit(scenario: str, runs: int, seed: int | None, as_json: bool) -> None:
    """Audit the decision points and the historical-logic invariants on SCENARIO (default baseline).

    Per decision point: the state variables its features read, its options
    without a documented term (there should be none), and the spread over
    worlds of the probability of its historical choice where it fires. Then
    each invariant (no armistice without talks, no dated point out of its
    time, ...) with the number of worlds that break it; exit code 1 if any does.
    """
    with user_errors():
        doc = api().audit(scenario, runs, seed)
    click.echo(json.dumps(doc, indent=2) if as_json else api().audit_text(doc))
    if any(doc["invariants"].values()):
        raise SystemExit(1)


@click.command()
@click.argument("what", type=click.Choice(["front", "temperature"]))
@click.option(
    "--fit",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="front: first search the military constants with N evaluations (prints the best).",
)
@click.option(
    "--seed", type=click.IntRange(0, 2**32 - 1), default=1, show_default=True, help="Seed of the --fit search."
)
@jobs_option
@scheduler_option
def calibrate(what: str, fit: int, seed: int, jobs: int, scheduler: str | None) -> None:
    """How the military constants and the choice temperature were set.

    front: the historical path's front line against the dated historical line,
    with forces and deaths against the orders of magnitude of the sources.
    temperature: the expected log-likelihood of the historical choices for a
    grid of temperatures; its maximum is the temperature in use. --jobs and
    --scheduler share the temperatures out (front is one sequential search).
    """
    _calibrate_takes(what, fit)
    local_or_cluster(scheduler)
    with user_errors():
        click.echo(api().calibrate(what, fit, seed, jobs, scheduler))


def _calibrate_takes(what: str, fit: int) -> None:
    """Refuse the options of ``calibrate`` that ``what`` does not use."""
    unused(
        ("jobs", "scheduler"),
        "calibrate front is one sequential search in this process, so it takes no {options} (only calibrate "
        "temperature shares its work out): leave {them} out.",
        when=what == "front",
    )
    unused(
        ("fit", "seed"),
        "calibrate temperature makes no search of the military constants, so it takes no {options} (calibrate "
        "front --fit N --seed S makes one): leave {them} out.",
        when=what == "temperature",
    )
    unused(
        "seed",
        "--seed seeds the search of the military constants, and there is none without --fit N (N > 0): add "
        "--fit N, or leave out --seed.",
        when=what == "front" and not fit,
    )


@click.command()
@click.option(
    "--sizes",
    type=click.IntRange(min=1),
    multiple=True,
    help="World counts, repeatable: --sizes 10000 --sizes 100000 [default: 10000 and 1000000].",
)
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True, help="Repeats per size.")
@click.option("--chunk", type=click.IntRange(min=1), help="Worlds per model chunk [default: the ensemble's].")
@click.option(
    "--reference",
    type=click.IntRange(0, 10_000),
    default=0,
    show_default=True,
    help="Also run this many worlds one per mesa.Model (the field's reference) and print the speed ratio.",
)
@click.option(
    "--command",
    type=click.IntRange(min=1),
    metavar="RUNS",
    help="Instead, time `whatif run baseline --runs RUNS` end to end in fresh processes, and their start-up.",
)
@jobs_option
def bench(sizes: tuple[int, ...], repeat: int, chunk: int | None, reference: int, command, jobs: int) -> None:
    """Worlds per second of the baseline at each size, and the peak memory (one process, one core).

    Prints one line per size as it is measured: median wall time, worlds per
    second and peak resident memory. With --command RUNS: the median wall
    time and peak memory of `whatif run baseline --runs RUNS --jobs N`, from
    the prompt to the printed summary, and what a fresh process spends before
    simulating.
    """
    unused(
        ("sizes", "chunk", "reference"),
        "--command times `whatif run baseline` end to end in fresh processes, so it takes no {options} (they "
        "set the benchmark in this process): leave {them} out.",
        when=command is not None,
    )
    unused(
        "jobs",
        "--jobs sets the processes of the `whatif run` that --command RUNS times; the benchmark without "
        "--command measures one process: add --command RUNS, or leave out --jobs.",
        when=command is None,
    )
    with user_errors():
        for line in api().bench(sizes or None, repeat, chunk, reference, command, jobs):
            click.echo(line)
