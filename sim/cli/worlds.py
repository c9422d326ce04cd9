"""One world and its causes: ``whatif explain``, ``whatif diff`` and ``whatif cause``."""

from __future__ import annotations

import json

import click

from sim.cli.options import (
    api,
    jobs_option,
    json_option,
    local_or_cluster,
    not_with_json,
    scheduler_option,
    seed_option,
    user_errors,
)

WORLDS = click.IntRange(0, 10_000_000 - 1)


@click.command()
@click.argument("scenario")
@click.option("--world", type=WORLDS, help="World index [default 0, or --pick].")
@click.option(
    "--pick",
    metavar="OUTCOME=VALUE",
    help="Explain the first world with this outcome, e.g. china_entered=false or final_outcome=rok_unifies.",
)
@seed_option
@click.option(
    "--terms",
    type=click.IntRange(1, 20),
    default=4,
    show_default=True,
    help="How many driving terms to show per decision.",
)
@json_option
def explain(scenario: str, world: int | None, pick: str | None, seed: int | None, terms: int, as_json: bool) -> None:
    """Tell one world's history as a dated narrative: who decided what, and why.

    Each decision shows its options with probabilities, the terms that drove
    it (each term's contribution to the utility, with its evidence id and
    source passage), the dice, and whether the scenario forced or forbade it.
    """
    not_with_json(
        "terms", "sets how many driving terms the narrative shows per decision",
        "the whole trace, every term of every decision", as_json,
    )  # fmt: skip
    with user_errors():
        doc = api().explanation(scenario, world, pick, seed, terms)
    if as_json:
        click.echo(json.dumps({k: doc[k] for k in ("scenario", "seed", "world", "trace")}, indent=2))
    else:
        click.echo(doc["text"])


@click.command()
@click.argument("base")
@click.argument("scenario")
@click.option("--world", type=WORLDS, default=0, show_default=True)
def diff(base: str, scenario: str, world: int) -> None:
    """Show world N under BASE and SCENARIO side by side, from the first decision that differs, and why."""
    with user_errors():
        click.echo(api().diff(base, scenario, world, outcomes=True))


@click.command()
@click.option("--cause", "cause_", required=True, help="Cause (see the error for the list), e.g. china_entered.")
@click.option("--outcome", required=True, help="Outcome: a boolean outcome, a final-outcome category or armistice.")
@click.option("--scenario", default="baseline", show_default=True, help="The factual world the measures refer to.")
@click.option("--runs", type=click.IntRange(10, 1_000_000), default=5000, show_default=True)
@seed_option
@json_option
@jobs_option
@scheduler_option
def cause(
    cause_: str, outcome: str, scenario: str, runs: int, seed: int | None, as_json: bool, jobs: int, scheduler
) -> None:
    """Probabilities of necessity (PN), sufficiency (PS) and both (PNS) of a cause for an outcome.

    Runs the factual scenario and the same worlds under do(cause) and
    do(not cause); PN, PS and PNS are shares of paired worlds (Pearl), with
    95% intervals and a plain-language reading.
    """
    local_or_cluster(scheduler)
    with user_errors():
        result = api().cause(cause_, outcome, scenario=scenario, runs=runs, seed=seed, jobs=jobs, scheduler=scheduler)
    click.echo(json.dumps(result, indent=2) if as_json else api().cause_text(result))
