"""The scenario library: ``whatif list``, ``whatif show`` and ``whatif validate``."""

from __future__ import annotations

import click

from sim.cli.options import BadInput, api, user_errors


@click.command(name="list")
def list_() -> None:
    """List the scenarios found by name: the library's, then yours, with where each comes from.

    Yours are the .yaml files in --scenario-path folders, in the folders of
    WHATIF_SCENARIO_PATH and in ./scenarios/. A user scenario with the name of
    a library scenario (or of another of yours) is an error: exit code 2.
    """
    with user_errors():
        rows, conflicts = api().catalogue()
    width = min(30, max(len(r["name"]) for r in rows)) if rows else 0
    origin = None
    for row in rows:
        if row["origin"] != origin:
            origin = row["origin"]
            where = "the library, shipped with the tool" if origin == "library" else origin
            click.echo(("" if row is rows[0] else "\n") + f"scenarios from {where}:")
        blocked = any(c.split(": ", 1)[1] in (row["problem"] or "") for c in conflicts)  # e.g. its base's name
        title = row["title"] or (
            "(cannot load while the name conflict below stands)"
            if blocked
            else f"(does not validate: whatif validate {row['path']})"
        )
        line = f"  {row['name']:{width}s}  {title}"
        click.echo(line if len(line) <= 100 else line[:97] + "...")
    if conflicts:
        raise BadInput("\n".join(conflicts))


@click.command()
@click.argument("scenario")
def show(scenario: str) -> None:
    """Print SCENARIO (a name, see `whatif list`, or a path) with its interventions explained in words."""
    with user_errors():
        click.echo(api().show(scenario))


@click.command()
@click.argument("files", nargs=-1, required=True)
def validate(files: tuple[str, ...]) -> None:
    """Check scenario FILES (or scenario names) without running them.

    Prints one line per valid file; exits with code 2 and every problem found
    if any file is invalid: each file's problems are all listed, not only its first.
    """
    problems = []
    for name in files:
        try:
            click.echo(api().validate(name))
        except api().USER_ERRORS as exc:
            problems.append(str(exc))
    if problems:
        raise BadInput("\n".join(problems))
