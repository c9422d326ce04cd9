"""The ``whatif`` group: every command, and how the process ends.

Exit codes: 0 ok; 1 an internal error (with its traceback) or a failed check
(``replay``); 2 bad input, one paragraph; 130 interrupted (Ctrl-C or SIGTERM),
one line, nothing partial left behind (results are staged and committed
atomically, see ``sim/output/folders.py``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

import click

from sim.cli import assumptions, library, model, running, saved, web, worlds
from sim.cli.options import Interrupted, signalled

INTERRUPTED = "interrupted; nothing partial was left (a results folder is complete or absent)."


def _interrupt(signum, frame):
    """Ctrl-C and SIGTERM: note it, then unwind (staged results are removed on the way out)."""
    signalled.append(signum)
    raise KeyboardInterrupt


def _unraisable(hook):
    """``sys.unraisablehook``, quiet about our own KeyboardInterrupt that a C callback swallowed (the command
    ends as interrupted all the same, with its one line)."""

    def quiet(unraisable) -> None:
        if not (signalled and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            hook(unraisable)

    return quiet


CLOSED_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE (128 + 13)


class Whatif(click.Group):
    """A group that turns an interruption anywhere in a command into exit 130 and one line.

    An interruption can surface as another exception (a library whose import
    was cut short raises a misleading AttributeError), so any exception after
    a signal counts as the interruption.
    """

    def main(self, *args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            return super().main(*args, **kwargs)
        signalled.clear()
        previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
        hook, sys.unraisablehook = sys.unraisablehook, _unraisable(sys.unraisablehook)
        try:
            return super().main(*args, **kwargs)
        finally:
            sys.unraisablehook = hook
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def make_context(self, *args, **kwargs):
        with _as_interruption():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        try:
            with _as_interruption():
                return super().invoke(ctx)
        except BrokenPipeError:  # the reader closed our output early (``| head``): stop quietly, as on SIGPIPE
            devnull = os.open(os.devnull, os.O_WRONLY)
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(devnull, stream.fileno())
            raise SystemExit(CLOSED_PIPE) from None


def process() -> None:
    """Run the command line as the whole process: the ``whatif`` script and ``python cli.py``.

    Two things only a whole process may do. A Ctrl-C that comes after the
    command has finished is ignored: its results are complete and there is
    nothing left to stop. An interrupted command ends with ``os._exit(130)``
    once its line is printed and its staged results are removed, skipping
    the interpreter's finalization: an interrupt that lands while a C
    extension is being imported can leave it half set up, and its clean-up
    at exit then aborts the process (seen with matplotlib 3.11's ft2font:
    SIGABRT, "PyThreadState_Get ... the GIL is released").
    """
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)  # what the command restores when it ends
    try:
        main.main()
    except SystemExit as done:
        if done.code != Interrupted.exit_code:
            raise
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe
                stream.flush()
        os._exit(Interrupted.exit_code)


class _as_interruption:
    """Turn KeyboardInterrupt, or any ending after a signal, into :class:`Interrupted`.

    Also an ending without an error: a C callback may swallow the signal's
    KeyboardInterrupt (llvmlite's, while numba loads its cached kernels).
    ``run`` and ``compare`` then stop at their next progress report
    (:func:`sim.cli.options.phases`); another command runs to its end and
    still ends as interrupted.
    """

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None and issubclass(kind, (click.exceptions.Exit, Interrupted)):
            return False
        if signalled or (kind is not None and issubclass(kind, KeyboardInterrupt)):
            raise Interrupted(INTERRUPTED) from None
        return False


@click.group(cls=Whatif, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="korea-whatif", message="%(prog)s %(version)s")
@click.option(
    "--scenario-path",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="DIR",
    help="A folder of your own scenario files, found by name (repeatable); searched before "
    "WHATIF_SCENARIO_PATH and ./scenarios/. A name already in the library is refused, never shadowed.",
)
def main(scenario_path: tuple[Path, ...]) -> None:
    """Decision-point counterfactual simulator of the Korean War, 1949-1953.

    Leaders choose at dated decision points from their documented preferences;
    thousands of simulated worlds give outcome distributions; scenario files
    change choices and show what follows, world by world.

    Your own scenarios are found by name in --scenario-path folders, in the
    folders of the environment variable WHATIF_SCENARIO_PATH (separated by
    ':'), and in ./scenarios/ when it exists; `whatif list` shows them all.
    """


for command in (
    running.run,
    running.compare,
    library.list_,
    library.show,
    library.validate,
    saved.plot,
    saved.replay,
    saved.results,
    worlds.explain,
    worlds.diff,
    worlds.cause,
    model.graph,
    model.sources,
    model.fidelity,
    model.audit,
    model.calibrate,
    model.bench,
    *(assumptions.sensitivity, assumptions.discover, assumptions.attribute, assumptions.converge, assumptions.ablate),
    web.serve,
):
    main.add_command(command)
