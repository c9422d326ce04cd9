"""Which assumptions matter: ``whatif sensitivity``, ``discover``, ``attribute``, ``converge`` and ``ablate``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sim.cli.options import (
    BadInput,
    api,
    force_file_option,
    force_needs,
    jobs_option,
    json_option,
    local_or_cluster,
    not_with_json,
    progress,
    scheduler_option,
    seed_option,
    unused,
    user_errors,
)


def tools():
    """:mod:`sim.api.assumptions`: the checks a command makes before it runs, imported on first use."""
    from sim.api import assumptions

    return assumptions


OUTCOME_HELP = (
    "What to measure: a yes/no outcome (china_entered, china_entered=false), a final outcome "
    "(final_outcome=rok_unifies), a date (armistice_date: median), a number (war_months, deaths: mean), "
    "or a threshold (war_months>36, armistice_date<1952-07-01)."
)
outcome_option = click.option("--outcome", required=True, help=OUTCOME_HELP)
factors_option = click.option(
    "--factors",
    default="all",
    show_default=True,
    help="all, leaders (the weights), params, a leader (stalin, mao, ...) or comma-separated factor names.",
)
plot_file_option = click.option(
    "--plot",
    "plot",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also draw the figure to this file (.png, .svg or .pdf); its folder must exist.",
)


NO_FIGURE = "no figure is drawn"


def _top_not_with_json(as_json: bool) -> None:
    not_with_json("top", "sets how many rows the printed table shows", "every row, as JSON", as_json)


def _finish(result, as_json: bool, plot: Path | None, force: bool, text: str, option: str = "--plot") -> None:
    saved = result.save(plot, force, option) if plot else None
    click.echo(json.dumps(result.doc, indent=2) if as_json else text)
    if saved and not as_json:
        click.echo(f"\nfigure: {saved}")


@click.command()
@click.argument("scenario")
@outcome_option
@click.option(
    "--samples",
    type=click.IntRange(min=2),
    default=256,
    show_default=True,
    help="Sobol: base samples N, a power of two (N x (factors + 2) settings); Morris: trajectories.",
)
@click.option("--method", type=click.Choice(["sobol", "morris"]), default="sobol", show_default=True)
@factors_option
@click.option(
    "--worlds",
    type=click.IntRange(1, 10_000),
    default=32,
    show_default=True,
    help="Dice worlds per setting: the outcome of a setting is its mean over worlds 0..N-1 (the same for all).",
)
@jobs_option
@scheduler_option
@seed_option
@json_option
@plot_file_option
@force_file_option("--plot")
@click.option("--top", type=click.IntRange(min=0), default=15, show_default=True, help="Rows shown (0: all).")
def sensitivity(
    scenario, outcome, samples, method, factors, worlds, jobs, scheduler, seed, as_json, plot, force, top
) -> None:
    """Which documented weights and parameters drive an OUTCOME of SCENARIO: Sobol indices or Morris screening.

    Samples the factors (every leader's term weight and every model parameter
    drawn from a range) with SALib's Saltelli/Sobol' (or Morris) design; each
    setting is simulated over the same dice worlds. Prints the factors ranked
    by total index with first-order and total indices and 95% intervals, and
    the same per leader (a grouped design). The same seed gives the same
    indices, for any --jobs or --scheduler. Needs: pip install 'korea-whatif[analysis]'.
    """
    force_needs("--plot", plot, NO_FIGURE)
    local_or_cluster(scheduler)
    _top_not_with_json(as_json)
    with user_errors():
        t = tools()
        t.require("SALib", what="whatif sensitivity")
        sc = t.load(scenario)
        t.check_plot(plot, force)
        t.check_sensitivity(method, samples, worlds, jobs, scheduler)
        t.parse_outcome(outcome)
        settings = t.sensitivity_plan(sc, method, samples, factors)
        t.check_evaluations(settings, worlds)
        with progress(settings, as_json) as bar:
            result = api().sensitivity(
                sc, outcome, samples, method, factors, worlds, jobs, seed, progress=bar.update, scheduler=scheduler
            )
        _finish(result, as_json, plot, force, result.text(top))


@click.command()
@click.argument("scenario")
@outcome_option
@click.option("--method", type=click.Choice(["prim", "cart"]), default="prim", show_default=True)
@click.option("--runs", type=click.IntRange(min=100), default=10_000, show_default=True, help="Worlds simulated.")
@factors_option
@click.option("--boxes", type=click.IntRange(1, 10), default=1, show_default=True, help="Boxes to report.")
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.5,
    show_default=True,
    help="PRIM: report the densest box keeping at least this share of the outcome's worlds.",
)
@seed_option
@json_option
@plot_file_option
@force_file_option("--plot")
def discover(scenario, outcome, method, runs, factors, boxes, min_coverage, seed, as_json, plot, force) -> None:
    """In which region of the weights and parameters does a yes/no OUTCOME of SCENARIO happen?

    Simulates an ensemble, takes each world's own draws of the factors, and
    finds boxes where the outcome concentrates (PRIM, or CART): printed in
    words with their coverage (share of the outcome's worlds inside) and
    density (share of the box's worlds with the outcome); --plot draws the
    coverage/density trade-off. Needs: pip install 'korea-whatif[analysis]'.
    """
    force_needs("--plot", plot, NO_FIGURE)
    unused(
        "min_coverage",
        "--min-coverage picks the box on PRIM's peeling trajectory, and CART (--method cart) has no such "
        "trajectory: use --method prim, or leave out --min-coverage.",
        when=method == "cart",
    )
    with user_errors():
        tools().require("ema_workbench", what="whatif discover")
        tools().check_plot(plot, force)
        result = api().discover(scenario, outcome, method, runs, factors, boxes, seed, min_coverage)
        _finish(result, as_json, plot, force, result.text())


@click.command()
@click.argument("scenario")
@outcome_option
@click.option("--world", type=click.IntRange(min=0), default=0, show_default=True, help="The world to explain.")
@click.option("--worlds", type=click.IntRange(1, 1000), help="Instead: worlds 0..K-1, summarised per decision point.")
@click.option(
    "--points", help="Comma-separated decision points to attribute among [default: every choice on the path]."
)
@click.option(
    "--permutations",
    type=click.IntRange(2, 10_000),
    default=200,
    show_default=True,
    help="Random orders when more than 10 choices are attributed (up to 10: exact).",
)
@seed_option
@json_option
@click.option("--top", type=click.IntRange(min=0), default=12, show_default=True, help="Rows shown (0: all).")
def attribute(scenario, outcome, world, worlds, points, permutations, seed, as_json, top) -> None:
    """Which choices on a world's path made its OUTCOME: Shapley values and but-for tests.

    Each choice on the path is played as 'its actual option' against 'its
    alternative' (the option the model found next most likely there), forced
    as the scenario language's force would, on the same dice; the Shapley
    values share the difference between this world and the world where every
    choice went the other way. The but-for test switches one choice alone and
    lets the rest follow; when none changes a yes/no outcome, pairs are tried.
    """
    source = click.get_current_context().get_parameter_source("world")
    if worlds and source is click.core.ParameterSource.COMMANDLINE:
        raise BadInput(f"give --world {world} (one world) or --worlds {worlds} (worlds 0..{worlds - 1}), not both.")
    _top_not_with_json(as_json)
    with user_errors():
        result = api().attribute(scenario, outcome, world, worlds, points, permutations, seed)
    click.echo(json.dumps(result.doc, indent=2) if as_json else result.text(top))


@click.command()
@click.argument("scenario")
@outcome_option
@click.option("--runs", type=click.IntRange(min=10), help="Worlds [default: the scenario's, 10000].")
@seed_option
@click.option("--target", type=float, help="Half-width to aim at [default: 1 pp for a share, 7 days, 1% of a mean].")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Draw the estimate and its interval against the number of worlds to this file (.png, .svg or .pdf).",
)
@force_file_option("--out")
@json_option
def converge(scenario, outcome, runs, seed, target, out, force, as_json) -> None:
    """Are enough worlds run? OUTCOME's estimate and 95% interval from the first n worlds, as n grows.

    World i is the same in any run, so the estimate at n is what `whatif run
    --runs n` prints. Also says how many worlds a target precision needs.
    """
    force_needs("--out", out, NO_FIGURE)
    with user_errors():
        tools().check_plot(out, force, "--out")
        result = api().converge(scenario, outcome, runs, seed, target)
        _finish(result, as_json, out, force, result.text(), "--out")


@click.command()
@click.option("--runs", type=click.IntRange(10, 100_000), default=1000, show_default=True, help="Worlds for fidelity.")
@click.option(
    "--library-runs",
    type=click.IntRange(10, 100_000),
    default=300,
    show_default=True,
    help="Worlds per scenario and variant for the library's answers.",
)
@click.option("--leaders", help="Comma-separated leaders to ablate [default: every one].")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=1950, show_default=True)
@jobs_option
@json_option
def ablate(runs, library_runs, leaders, seed, jobs, as_json) -> None:
    """What the documented preferences add: each leader in turn follows a policy that knows nothing.

    Policies: always the first option, uniform at random, always the
    historical choice (a ceiling: it knows the answer). For each, the change
    in fidelity (the likelihood of the historical choices on the historical
    path) and in the library scenarios' effects against the baseline.
    """
    with user_errors():
        result = api().ablate(runs, library_runs, seed, leaders, jobs)
    click.echo(json.dumps(result.doc, indent=2) if as_json else result.text())
