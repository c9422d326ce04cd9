"""Command line: ``whatif`` (or ``python cli.py``).

Each command parses its arguments, calls the library in ``sim/`` and prints.
Bad input exits with code 2 and one paragraph naming the file, key and valid
choices; nothing is written to ``results/`` then.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from sim.api import run_scenario
from sim.results import ResultsError, default_dir, write_run
from sim.scenario import ScenarioError, load
from sim.summary import summarize, wilson

LABELS = {
    "war_started": "war started",
    "us_intervened": "US intervened",
    "un_sanctioned": "UN sanctioned the war",
    "china_entered": "China entered",
    "soviet_air_war": "Soviet air war",
    "soviet_ground_troops": "Soviet ground troops",
    "superpower_war": "open US-Soviet war",
    "evacuation_ordered": "Stalin ordered evacuation",
    "dprk_survives": "North Korea survives",
    "no_war": "no war",
    "dprk_unifies": "North unifies Korea",
    "rok_unifies": "South unifies Korea",
    "divided": "divided (armistice)",
    "ongoing_at_horizon": "still at war end-1956",
}


class BadInput(click.ClickException):
    """A user error: exit code 2, message only."""

    exit_code = 2


def _bad_input(exc: Exception) -> BadInput:
    return BadInput(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="korea-whatif", message="%(prog)s %(version)s")
def main() -> None:
    """Decision-point counterfactual simulator of the Korean War, 1949-1953.

    Leaders choose at dated decision points from their documented preferences;
    thousands of simulated worlds give outcome distributions; scenario files
    change choices and show what follows.
    """


@main.command()
@click.argument("scenario")
@click.option("--runs", type=click.IntRange(1, 10_000_000), help="Number of worlds [default: the scenario's, 10000].")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), help="Seed [default: the scenario's].")
@click.option("--out", type=click.Path(path_type=Path), help="Results folder [default: results/<scenario>/<time>/].")
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout instead of a table.")
def run(scenario: str, runs: int | None, seed: int | None, out: Path | None, force: bool, as_json: bool) -> None:
    """Simulate SCENARIO (a library name, see scenarios/, or a YAML path).

    Prints outcome shares with 95% intervals, the median armistice date and
    the median war length, and writes outcomes.csv, front.npy, summary.json
    and manifest.json to the results folder.
    """
    try:
        sc = load(scenario)
    except ScenarioError as exc:
        raise _bad_input(exc) from None
    runs = runs or sc.runs
    seed = sc.seed if seed is None else seed
    out = out or default_dir(sc.name)
    if out.exists() and not force:
        raise BadInput(f"{out} exists already; choose another --out or pass --force to replace it.")
    show_bar = not as_json and sys.stderr.isatty()
    started = time.perf_counter()
    with click.progressbar(length=runs, label="simulating", file=sys.stderr, hidden=not show_bar) as bar:
        ens = run_scenario(sc, runs=runs, seed=seed, progress=bar.update)
    wall = time.perf_counter() - started
    summary = summarize(ens.columns, sc.name, seed)
    try:
        write_run(out, sc, ens, summary, wall, force=force)
    except ResultsError as exc:
        raise _bad_input(exc) from None
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    else:
        click.echo(format_summary(sc.title, summary, wall, out))


@main.command()
@click.option(
    "--runs",
    type=click.IntRange(10, 1_000_000),
    default=2000,
    show_default=True,
    help="Worlds to average over (weights differ per world).",
)
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=1950, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
def fidelity(runs: int, seed: int, as_json: bool) -> None:
    """How likely the model finds each historical choice, on the historical path.

    Forces every historical choice, records the model's own probabilities at
    each decision point first, and prints P(historical option) and whether it
    is the most likely option.
    """
    from sim import fidelity as fid

    rows = fid.table(runs, seed)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "point": r.node,
                        "date": r.date,
                        "decider": r.decider,
                        "historical": r.historical,
                        "probabilities": r.probabilities,
                        "in_history_table": r.in_history_table,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
    else:
        click.echo(fid.format_table(rows))


def format_summary(title: str, summary: dict, wall: float, out: Path | None = None) -> str:
    """The human-readable summary table."""
    n = summary["runs"]
    lines = [
        f"{title}  ({summary['scenario']})",
        f"{n:,} worlds, seed {summary['seed']}, {wall:.1f} s",
        "",
        f"{'outcome':28s} {'share':>7s}   95% interval",
    ]
    for key, share in summary["shares"].items():
        lo, hi = wilson(round(share * n), n)
        lines.append(f"{LABELS[key]:28s} {share:7.1%}   {lo:6.1%} - {hi:6.1%}")
    lines += ["", f"{'final outcome':28s} {'share':>7s}   95% interval"]
    for key, share in summary["final_outcome"].items():
        lo, hi = wilson(round(share * n), n)
        lines.append(f"{LABELS[key]:28s} {share:7.1%}   {lo:6.1%} - {hi:6.1%}")
    lines.append("")
    lines.append(f"median armistice date: {summary['armistice_date_median'] or 'no armistice in any world'}")
    lines.append(f"median war length: {summary['war_months_median']:.1f} months (worlds at war)")
    if out is not None:
        lines.append(f"results: {out}/")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
