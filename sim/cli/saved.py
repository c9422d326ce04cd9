"""Saved results: ``whatif plot``, ``whatif replay`` and ``whatif results``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sim.cli.options import api, force_option, format_option, out_option, user_errors


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False))
@out_option(
    "Where to write the figures [default: FOLDER/figures for one folder, "
    "results/compare/<names>/<time>/figures for several].",
)
@force_option(
    "Replace the figures folder (--out, or FOLDER/figures) if it exists and holds only figures this tool "
    "wrote, unchanged (never a folder holding other files)."
)
@format_option
def plot(folders: tuple[Path, ...], out: Path | None, force: bool, fmt: str) -> None:
    """Draw the figures of saved results FOLDERS (from `whatif run`, or one `whatif compare --out` folder).

    With several folders the first is the reference; if they share seed and
    worlds, the paired effects against it are drawn too. Every folder is
    checked first; an existing figures folder is replaced only with --force,
    and the figures appear all together or not at all.
    """
    with user_errors():
        result = api().plot(folders, out, fmt, force)
    for path in result.written:
        click.echo(str(path))
    if result.several and not result.paired:
        click.echo("note: the folders differ in seed or worlds, so no paired effects were drawn.", err=True)


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def replay(folder: Path) -> None:
    """Check a results FOLDER against its manifest, re-run it and compare.

    First every file the manifest lists is hashed: a missing or changed file
    is named and the folder is not re-run (exit 1). Then the manifest's
    scenario, seed and worlds are re-run: different results name the files
    that differ and what changed since (version, commit, Python, numpy)
    (exit 1). A comparison folder is replayed run by run.
    """
    with user_errors():
        result = api().replay(folder)
    click.echo(result.text)
    if not result.ok:
        sys.exit(1)


@click.command()
@click.argument("folder", required=False, default="results", type=click.Path(path_type=Path, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout instead of a table.")
def results(folder: Path, as_json: bool) -> None:
    """List the saved runs and comparisons under FOLDER [default: results]: scenario, time, worlds, seed, folder.

    Newest first; each folder can be given to `whatif plot` and `whatif replay`.
    """
    import json

    with user_errors():
        text = json.dumps(api().results(folder), indent=2) if as_json else api().results_text(folder)
    click.echo(text)
