"""What every part of the API shares: its errors, scenarios by name, and small read-only operations."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from pathlib import Path

from sim.analysis.simulate import as_scenario as _scenario
from sim.analysis.simulate import run_scenario
from sim.analysis.summary import summarize
from sim.output import report
from sim.output.errors import ResultsError
from sim.scenario import Scenario, ScenarioError

Progress = Callable[[float], None] | None
COMPARE_ROOT = Path("results") / "compare"


class UsageError(ValueError):
    """Options that do not fit together or name nothing known (one readable paragraph)."""


USER_ERRORS = (ScenarioError, ResultsError, UsageError)  # bad input, not a fault of the tool


def load(scenario: Scenario | str) -> Scenario:
    """A validated scenario from a library name or a path (or itself)."""
    return _scenario(scenario)


def library() -> dict[str, str]:
    """The shipped scenario library: name -> title, sorted by name."""
    from sim.scenario import library as files

    return {name: load(name).title for name in sorted(files())}


def use_scenario_folders(folders) -> None:
    """Search these folders for scenarios by name too (the command line's ``--scenario-path``), before
    ``WHATIF_SCENARIO_PATH`` and ``./scenarios/``; see :mod:`sim.scenario.library`."""
    from sim.scenario import use_folders

    use_folders(folders)


def catalogue() -> tuple[list[dict], list[str]]:
    """Every scenario found by name, library first, then the user's folders: name, title, origin
    ("library" or the folder and how it was given), path and, for a file that does not validate,
    its problem; and the name conflicts (a user scenario with a library name), as messages."""
    from sim.scenario import catalogue as found
    from sim.scenario import conflict

    rows, conflicts = [], []
    for name, entries in sorted(found().items()):
        if len(entries) > 1:
            conflicts.append(str(conflict(name, entries)))
            continue
        e = entries[0]
        row = {"name": name, "title": "", "origin": e.origin, "path": str(e.path), "problem": None}
        try:
            row["title"] = load(str(e.path)).title
        except ScenarioError as exc:
            row["problem"] = str(exc).split("\n")[0]
        rows.append(row)
    rows.sort(key=lambda r: (r["origin"] != "library", r["origin"], r["name"]))
    return rows, conflicts


def validate(name: str) -> str:
    """One line saying a scenario file is valid (raises ScenarioError with every problem if not)."""
    sc = load(name)
    n = len(sc.all_interventions())
    return f"ok: {sc.source} ({sc.name}: {sc.title}; {n} intervention{'s' * (n != 1)})"


def summary(scenario: Scenario | str, runs: int | None = None, seed: int | None = None) -> dict:
    """The ``whatif run --json`` summary of a scenario."""
    sc = _scenario(scenario)
    seed = sc.seed if seed is None else seed
    return summarize(run_scenario(sc, runs, seed).columns, sc.name, seed)


def scenario(text: str) -> Scenario:
    """A scenario from YAML text (validated; raises ScenarioError with a readable message)."""
    from sim.scenario import parse

    return parse(text, "<notebook>")


def show(scenario: Scenario | str) -> str:
    """A scenario with its interventions explained in words, as ``whatif show`` prints it."""
    from sim.scenario import origin

    sc = _scenario(scenario)
    return report.scenario_text(sc, origin(sc.source))


def check_where(jobs: int = 1, scheduler: str | None = None) -> None:
    """Refuse, before anything runs, a ``jobs`` or ``scheduler`` that cannot be used (see ``sim.engine.executors``)."""
    from sim.engine import executors

    try:
        executors.check_jobs(jobs)
        executors.check_scheduler(scheduler)
    except executors.ExecutorError as exc:
        raise UsageError(str(exc)) from None


MAX_SEED = 2**63 - 1  # the largest seed a run records (as the command line's --seed)


def runs_and_seed(sc: Scenario, runs, seed) -> tuple[int, int]:
    """A run's worlds and seed: the scenario's where None; refused unless whole numbers, runs from 1 and a seed
    from 0 to ``MAX_SEED`` (0 worlds is not "the scenario's number")."""
    runs = sc.runs if runs is None else runs
    seed = sc.seed if seed is None else seed
    if not _whole(runs) or runs < 1:
        raise UsageError(f"runs must be a whole number of worlds, 1 or more; got {runs!r}.")
    if not _whole(seed) or not 0 <= seed <= MAX_SEED:
        raise UsageError(f"seed must be a whole number from 0 to {MAX_SEED}; got {seed!r}.")
    return int(runs), int(seed)


def _whole(x) -> bool:
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def check_formats(table: str = "csv", fmt: str | None = None) -> None:
    if table not in ("csv", "parquet"):
        raise UsageError(f"unknown table format '{table}'. Valid choices: csv, parquet.")
    if fmt is not None and fmt not in _figure_formats():
        raise UsageError(f"unknown figure format '{fmt}'. Valid choices: {', '.join(_figure_formats())}.")
    if table == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError(
                "writing Parquet needs pyarrow, which is not installed; pip install 'korea-whatif[parquet]', "
                "or leave out --table parquet to write outcomes.csv."
            ) from None


def _figure_formats() -> tuple[str, ...]:
    """The figure formats (imports matplotlib, so only when a figure format was asked for)."""
    from sim.output.figures import FORMATS

    return tuple(FORMATS)
