"""The scenario library: ``whatif list``, ``whatif show`` and ``whatif validate``."""

from __future__ import annotations

import click

from sim.cli.options import BadInput, api, user_errors


@click.command(name="list")
def list_() -> None:
    """List the scenario library: name and title."""
    with user_errors():
        titles = api().library()
    width = max(map(len, titles))
    for name, title in titles.items():
        click.echo(f"{name:{width}s}  {title}")


@click.command()
@click.argument("scenario")
def show(scenario: str) -> None:
    """Print SCENARIO with its interventions explained in words."""
    with user_errors():
        click.echo(api().show(scenario))


@click.command()
@click.argument("files", nargs=-1, required=True)
def validate(files: tuple[str, ...]) -> None:
    """Check scenario FILES (or library names) without running them.

    Prints one line per valid file; exits with code 2 and every problem found
    if any file is invalid.
    """
    problems = []
    for name in files:
        try:
            click.echo(api().validate(name))
        except api().USER_ERRORS as exc:
            problems.append(str(exc))
    if problems:
        raise BadInput("\n".join(problems))
