"""Simulate: ``whatif run`` and ``whatif compare``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from sim.cli.options import (
    api,
    force_needs,
    force_option,
    given,
    jobs_option,
    joined,
    json_option,
    local_or_cluster,
    not_with_json,
    out_option,
    phases,
    plot_format_option,
    plot_option,
    progress,
    runs_option,
    scheduler_option,
    seed_option,
    unused,
    user_errors,
)


@click.command()
@click.argument("scenario")
@runs_option
@seed_option
@out_option("Results folder [default: results/<scenario>/<time>/]; its parent folder must exist.")
@force_option("Replace --out if it exists and is a run's results folder this tool wrote, holding nothing else.")
@json_option
@plot_option
@plot_format_option
@click.option(
    "--table",
    type=click.Choice(["csv", "parquet"]),
    default="csv",
    show_default=True,
    help="Outcome table format (parquet needs the optional pyarrow: pip install 'korea-whatif[parquet]').",
)
@jobs_option
@scheduler_option
def run(scenario, runs, seed, out: Path | None, force, as_json, plot, fmt, table, jobs, scheduler) -> None:
    """Simulate SCENARIO (a library name, see `whatif list`, or a YAML path).

    Prints outcome shares with 95% intervals, the median armistice date and
    the median war length, and writes outcomes.csv, front.npy, summary.json
    and manifest.json to the results folder. The destination and the number
    of worlds are checked before anything runs; the folder appears complete
    or not at all. The progress bar covers the simulation, then the writing.
    """
    _figures_need_plot(plot)
    force_needs("--out", out, "the results go to a new folder, results/<scenario>/<time>/, replacing nothing", "DIR")
    local_or_cluster(scheduler)
    with user_errors():
        job = api().prepare_run(
            scenario, runs, seed, out, force=force, table=table, fmt=fmt if plot else None, jobs=jobs,
            scheduler=scheduler,
        )  # fmt: skip
        with progress(job.worlds, as_json, writing=job.rows) as bar:
            result = job(phases(bar, job.worlds))
    click.echo(json.dumps(result.json(), indent=2) if as_json else result.text())
    _warn([] if as_json else api().precision_warnings(result.summary))  # intervals too wide (issue 13)


def _figures_need_plot(plot: bool) -> None:
    """Refuse ``--format`` without ``--plot``: no figure is drawn, so its format would do nothing."""
    unused("fmt", "--format sets the format of the figures, and figures are drawn only with --plot: add --plot, "
           "or leave out --format.", when=not plot)  # fmt: skip


def _warn(warnings: list[str]) -> None:
    """Each warning as a paragraph on stderr (stdout stays the table, or the JSON)."""
    for warning in warnings:
        click.echo(textwrap.fill(f"warning: {warning}", 100, subsequent_indent="  "), err=True)


@click.command()
@click.argument("base")
@click.argument("scenarios", nargs=-1, required=True)
@runs_option
@seed_option
@json_option
@out_option(
    "Save every run and comparison.json here, and the figures with --plot [default with --plot: results/compare/...]."
)
@force_option("Replace --out if it exists and is a comparison folder this tool wrote, holding nothing else.")
@plot_option
@plot_format_option
@click.option("--wide", is_flag=True, help="One wide table, a column group per scenario (wider than 100 columns).")
@click.option(
    "--readings",
    metavar="DISPUTE",
    help="Compare under each reading of a source dispute (e.g. stalin_backing), side by side; saves nothing "
    "(so not with --out, --force, --plot, --format or --wide).",
)
@jobs_option
@scheduler_option
def compare(
    base, scenarios, runs, seed, as_json, out: Path | None, force, plot, fmt, wide, readings, jobs, scheduler
) -> None:
    """Run BASE and each of SCENARIOS on the same seed and worlds; show paired effects.

    For each outcome: its value under each scenario and the paired effect
    (mean of per-world differences) with a 95% interval; how many worlds
    diverged and at which decision point they first diverged. With --out or
    --plot, every run is saved (one results folder each, reusable by
    `whatif plot` and `whatif replay`) with comparison.json; with --plot,
    the figures too.
    With --readings DISPUTE, the comparison is run once per reading of a
    passage the sources disagree on (`whatif sources` lists them), and the
    effects are shown side by side: does the answer depend on which
    historian is right?
    """
    local_or_cluster(scheduler)
    if readings is not None:
        _compare_readings(base, scenarios, runs, seed, as_json, _unhonoured_by_readings(), readings, jobs, scheduler)
        return
    _figures_need_plot(plot)
    force_needs("--out", out, "the comparison is saved nowhere (with --plot, to a new folder under "
                "results/compare/), so nothing is replaced", "DIR")  # fmt: skip
    not_with_json("wide", "lays out the printed table as one wide table", "JSON, not a table", as_json)
    with user_errors():
        job = api().prepare_comparison(
            base, *scenarios, runs=runs, seed=seed, out=out, force=force, fmt=fmt if plot else None, jobs=jobs,
            scheduler=scheduler,
        )  # fmt: skip
        with progress(job.worlds, as_json, writing=job.rows) as bar:
            result = job(phases(bar, job.worlds))
    doc = result.json()
    click.echo(json.dumps(doc, indent=2) if as_json else result.text(wide))
    _warn([] if as_json else api().effect_warnings(doc))  # effects not distinguished from none (issue 13)


def _unhonoured_by_readings() -> list[str]:
    """The options of ``compare`` given that ``--readings`` cannot honour: it saves nothing and has its own table.

    ``--format`` counts as given when typed, even as its default (png).
    """
    return given("out", "force", "plot", "fmt", "wide")


def _refusal(unhonoured: list[str], dispute: str, order: list[str]) -> str:
    """Why ``--readings`` refuses ``unhonoured`` options, and how to save one reading's comparison instead."""
    names = joined(unhonoured)
    return (
        f"--readings prints its own table, a column per reading, and saves nothing, so it takes no {names}: "
        f"leave {'it' if len(unhonoured) == 1 else 'them'} out. To save the comparison under one reading, run "
        f"compare without --readings on a base and scenarios that each read the dispute that way "
        f"(`variant: {{dispute: {dispute}, reading: {order[-1]}}}`)."
    )


def _compare_readings(base, scenarios, runs, seed, as_json, unhonoured, dispute, jobs, scheduler) -> None:
    """``compare --readings``: the comparison under each reading of ``dispute``, printed side by side.

    The progress bar covers the simulation alone (nothing is written).
    """
    with user_errors():
        order = api().readings_of(dispute)
        if unhonoured:
            raise api().UsageError(_refusal(unhonoured, dispute, order))
        job = api().prepare_readings(base, *scenarios, dispute=dispute, runs=runs, seed=seed, jobs=jobs,
                                     scheduler=scheduler)  # fmt: skip
        with progress(job.worlds, as_json) as bar:
            result = job(phases(bar, job.worlds))
    click.echo(json.dumps(result.json(), indent=2) if as_json else result.text())
