"""What the commands share: the API accessor, bad-input errors, options given that would do nothing, progress
bars and option decorators."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import click


class Interrupted(click.ClickException):
    """Ctrl-C or SIGTERM: exit 130 with one line."""

    exit_code = 130

    def show(self, file=None) -> None:
        click.echo(f"whatif: {self.message}", err=True)


signalled: list[int] = []  # the signals (Ctrl-C, SIGTERM) received while a command runs (sim/cli/main.py)


class BadInput(click.ClickException):
    """A user error: exit code 2, message only."""

    exit_code = 2


def api():
    """The :mod:`sim.api` module, imported on first use (the heavy libraries load then, not at start-up).

    The group's ``--scenario-path`` folders are handed to it each time, so a
    scenario name is looked up there too.
    """
    from sim import api as front_door

    ctx = click.get_current_context(silent=True)
    folders = ctx.find_root().params.get("scenario_path") if ctx is not None else None
    front_door.use_scenario_folders(folders or ())
    return front_door


@contextmanager
def user_errors():
    """Turn the API's bad-input errors into exit code 2 with their one-paragraph message."""
    try:
        yield
    except api().USER_ERRORS as exc:
        raise BadInput(str(exc)) from None


DEFAULTED = (click.core.ParameterSource.DEFAULT, click.core.ParameterSource.DEFAULT_MAP, None)


def given(*names: str) -> list[str]:
    """The options among ``names`` (parameter names) that the user gave, spelled as typed (``fmt``: "--format").

    An option typed with its default value counts (it was asked for); one
    left to its default does not.
    """
    ctx = click.get_current_context()
    spelled = {p.name: max(p.opts, key=len) for p in ctx.command.params}
    return [spelled[name] for name in names if ctx.get_parameter_source(name) not in DEFAULTED]


def joined(options: Sequence[str]) -> str:
    """ "--a", "--a or --b", "--a, --b or --c"."""
    return options[-1] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"


def unused(names: str | Sequence[str], reason: str, when: bool = True) -> None:
    """Refuse (exit 2) the options ``names`` (parameter names) the user gave, if ``when``: there they would do
    nothing, and a silent no-op misleads.

    ``reason`` is the paragraph: why they would do nothing and what to do;
    ``{options}`` in it names the options given, ``{them}`` is "it" or "them".
    """
    typed = given(*([names] if isinstance(names, str) else names)) if when else []
    if typed:
        raise BadInput(reason.format(options=joined(typed), them="it" if len(typed) == 1 else "them"))


def force_needs(option: str, value, without: str, metavar: str = "FILE") -> None:
    """Refuse ``--force`` without ``option`` (``value`` None), the destination it would replace; ``without``:
    what the command does then."""
    kind = "folder" if metavar == "DIR" else "file"
    unused(
        "force",
        f"--force replaces the {kind} given with {option} if it exists; without {option} {without}: give "
        f"{option} {metavar} too, or leave out --force.",
        when=value is None,
    )


def not_with_json(name: str, shapes: str, gives: str, as_json: bool) -> None:
    """Refuse an option that shapes the printed text (``shapes``: how) with ``--json`` (``gives``: what it prints)."""
    unused(name, f"{{options}} {shapes}; --json prints {gives}: leave out {{options}} or --json.", when=as_json)


def local_or_cluster(scheduler: str | None) -> None:
    """Refuse ``--jobs`` with ``--scheduler``: the cluster's workers run the chunks, no local process does."""
    unused(
        "jobs",
        "--jobs sets how many local processes share the chunks of worlds, and --scheduler sends them to the Dask "
        "cluster instead (its workers set how many run at once): leave out --jobs, or --scheduler to run on "
        "this machine.",
        when=scheduler is not None,
    )


def progress(length: int, quiet: bool, writing: int = 0):
    """A progress bar on stderr when it is a terminal (and output is not JSON).

    With ``writing``, the bar also covers that many table rows written after
    the ``length`` worlds simulated; feed it through :func:`phases`.
    """
    show = not quiet and sys.stderr.isatty()
    return click.progressbar(length=length + writing, label=SIMULATING, file=sys.stderr, hidden=not show)


SIMULATING, WRITING = "simulating", "writing   "


def phases(bar, simulated: int):
    """``bar.update``, in whole worlds (then rows), its label turned to "writing" once ``simulated`` worlds are done.

    The label turns only on a bar that also covers writing (:func:`progress`'s
    ``writing``): a command that writes nothing ends on "simulating". The
    fractions of worlds the simulation reports are summed here and handed on
    whole, so the bar ends at 100% (click draws only steps of a whole world).
    """
    done = 0.0
    writes = bar.length > simulated

    def update(n: float) -> None:
        nonlocal done
        if signalled:  # an interrupt a C callback swallowed (numba loading its kernels): stop here, not at the end
            raise KeyboardInterrupt
        before, done = done, done + n
        if writes and done > simulated - 0.5:
            bar.label = WRITING
        steps = _whole(done) - _whole(before)
        if steps:
            bar.update(steps)

    return update


def _whole(done: float) -> int:
    """The whole worlds in ``done``; fractions that add up to a whole may fall short of it by a rounding error."""
    return int(done + 1e-6)


runs_option = click.option(
    "--runs",
    type=click.IntRange(min=1),
    help="Number of worlds [default: the scenario's, 10000]; refused, with the reason, if they cannot fit in memory.",
)
seed_option = click.option("--seed", type=click.IntRange(0, 2**63 - 1), help="Seed [default: the scenario's].")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout instead of a table.")
plot_option = click.option("--plot", is_flag=True, help="Also draw the figures into the results folder's figures/.")


def _figure_format(help_text: str):
    return click.option(
        "--format", "fmt", type=click.Choice(["png", "svg", "pdf"]), default="png", show_default=True, help=help_text
    )


format_option = _figure_format("Figure format.")
plot_format_option = _figure_format("Format of the --plot figures.")
jobs_option = click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Local processes to share the chunks of worlds (results do not change).",
)
scheduler_option = click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the chunks on the Dask cluster at ADDRESS, e.g. tcp://host:8786 (results do not change; "
    "needs pip install 'korea-whatif[dask]' here and on the workers).",
)


def force_option(help_text: str):
    """``--force``; ``help_text`` says what it replaces, and what never."""
    return click.option("--force", is_flag=True, help=help_text)


def force_file_option(option: str):
    """``--force`` of a command that draws one figure to the file given with ``option``."""
    return force_option(f"Replace the {option} file if it exists and is a figure this tool wrote (never another file).")


def out_option(help_text: str, dir_okay: bool = True):
    """``--out PATH``; its folder must exist (nothing is created above it)."""
    return click.option("--out", type=click.Path(path_type=Path, dir_okay=dir_okay), help=help_text)
