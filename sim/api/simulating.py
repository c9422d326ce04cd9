"""Simulate scenarios and save their results folders: ``run`` and the paired ``compare``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sim.analysis.simulate import run_scenario
from sim.analysis.summary import summarize
from sim.api.common import COMPARE_ROOT, Progress, UsageError, check_formats, check_where, runs_and_seed
from sim.api.common import load as _scenario
from sim.output import budget, predictions, report
from sim.output.folders import Slot, default_dir
from sim.scenario import Scenario, shipped


def _whose(sc: Scenario) -> str:
    """Whose predictions a scenario's are, as its report says: the library's are their author's."""
    return "the author's" if shipped(sc.source) else "your"


@dataclass
class RunResult:
    """A simulated scenario: its ensemble and summary, the results folder written (or None), wall time (s)."""

    scenario: Scenario
    ensemble: object
    summary: dict
    out: Path | None
    wall: float

    @property
    def verdicts(self) -> list:
        """The scenario's ``predict`` checked against this run (:mod:`sim.output.predictions`)."""
        return predictions.check(self.scenario.predict, self.summary, _whose(self.scenario))

    def text(self) -> str:
        """The human-readable summary, as ``whatif run`` prints it."""
        sc = self.scenario
        return report.summary_table(sc.title, self.summary, self.wall, self.out, sc.expect, self.verdicts)

    def prediction_lines(self) -> list[str]:
        """ "your prediction held / failed: ..." for each entry of the scenario's ``predict``."""
        return predictions.lines(self.verdicts)

    def json(self) -> dict:
        """The ``whatif run --json`` document: the summary, and ``predictions`` if the scenario makes any."""
        doc = dict(self.summary)
        if self.scenario.predict:
            doc["predictions"] = [v.as_json() for v in self.verdicts]
        return doc


def _run_drawer(fmt: str | None):
    """What draws a run's figures into its folder (None: no figures)."""
    if not fmt:
        return None
    from sim.output import figures
    from sim.output.runs import load_run

    def draw(folder: Path) -> None:
        figures.make_all([load_run(folder)], folder / "figures", fmt)

    return draw


@dataclass
class Prepared:
    """A run or comparison checked and ready: calling it (once) with ``progress`` simulates (and saves).

    Every check is made when it is prepared, so a command can start its
    progress bar after them: ``worlds`` is the number of worlds simulated,
    ``rows`` the table rows written after them (0 when nothing is saved);
    ``progress(n)`` is told of both, in that order.
    """

    worlds: int
    rows: int
    go: Callable[[Progress], object]
    done: bool = False

    def __call__(self, progress: Progress = None):
        if self.done:
            raise UsageError("a prepared run runs once (its checks held when it was prepared): prepare it again.")
        self.done = True
        return self.go(progress)


def prepare_run(
    scenario: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    out: str | Path | None = None,
    *,
    save: bool = True,
    force: bool = False,
    table: str = "csv",
    fmt: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Prepared:
    """:func:`run` checked and ready (the arguments are :func:`run`'s); calling it returns the :class:`RunResult`."""
    from sim.output.results import write_folder

    sc = _scenario(scenario)
    runs, seed = runs_and_seed(sc, runs, seed)
    budget.check_runs(runs)
    if not save and (out is not None or fmt is not None):
        raise UsageError("out and fmt say where and how a run is saved: give save=True too, or leave them out.")
    check_formats(table, fmt)
    check_where(jobs, scheduler)
    where = {"jobs": jobs, "scheduler": scheduler, "logs": False}
    slot = Slot(Path(out) if out else None, force, "run", default=default_dir(sc.name)) if save else None

    def go(progress: Progress) -> RunResult:
        started = time.perf_counter()
        if slot is None:
            ens = run_scenario(sc, runs, seed, progress=progress, **where)
            wall = time.perf_counter() - started
            return RunResult(sc, ens, summarize(ens.columns, sc.name, seed), None, wall)
        with slot.open() as tmp:
            ens = run_scenario(sc, runs, seed, progress=progress, **where)
            wall = time.perf_counter() - started
            summary_ = summarize(ens.columns, sc.name, seed)
            write_folder(tmp, sc, ens, summary_, wall, table, _run_drawer(fmt), progress)
        return RunResult(sc, ens, summary_, slot.final, wall)

    return Prepared(runs, runs if save else 0, go)


def run(
    scenario: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    out: str | Path | None = None,
    *,
    save: bool = True,
    force: bool = False,
    table: str = "csv",
    fmt: str | None = None,
    progress: Progress = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> RunResult:
    """Simulate a scenario and (with ``save``) write its results folder; ``fmt`` also draws its figures.

    Everything is checked before the simulation starts: the scenario, the
    number of worlds against memory, the destination (``out``, default
    ``results/<scenario>/<UTC time>/``; an existing one is replaced only with
    ``force`` and only if it is a results folder of this tool), ``jobs`` (local
    processes) and ``scheduler`` (a Dask scheduler's address). ``progress(n)``
    is told of worlds simulated, then (with ``save``) of table rows written.
    The decision logs are not kept: a run's summary and files do not use them.
    (:func:`prepare_run` makes the checks alone, for a caller that shows progress only after them.)
    """
    options = {"save": save, "force": force, "table": table, "fmt": fmt, "jobs": jobs, "scheduler": scheduler}
    return prepare_run(scenario, runs, seed, out, **options)(progress)


@dataclass
class Comparison:
    """Paired runs of a base and other scenarios: the ``compare --json`` document and what made it."""

    doc: dict
    base: Scenario
    others: list[Scenario]
    base_summary: dict
    out: Path | None
    figures: bool

    @property
    def verdicts(self) -> dict[str, list]:
        """Each scenario's ``predict`` (the base's too) checked against its run."""
        out = {}
        for sc in (self.base, *self.others):
            summary = self.base_summary if sc is self.base else self.doc["scenarios"][sc.name]
            if sc.predict:
                out[sc.name] = predictions.check(sc.predict, {**summary, "runs": self.doc["runs"]}, _whose(sc))
        return out

    def prediction_lines(self) -> list[str]:
        """ "your prediction held / failed: ..." for each scenario's ``predict``, each line naming its scenario."""
        return [f"{name}: {line}" for name, v in self.verdicts.items() for line in predictions.lines(v)]

    def json(self) -> dict:
        """The ``whatif compare --json`` document, with each scenario's checked ``predictions`` if it makes any."""
        doc = {**self.doc, "scenarios": {k: dict(v) for k, v in self.doc["scenarios"].items()}}
        for name, verdicts in self.verdicts.items():
            if name in doc["scenarios"]:
                doc["scenarios"][name]["predictions"] = [v.as_json() for v in verdicts]
        return doc

    def text(self, wide: bool = False) -> str:
        """The comparison table, as ``whatif compare`` prints it (``wide``: one wide table, ``--wide``)."""
        titles = {s.name: s.title for s in (self.base, *self.others)}
        expects = {s.name: s.expect for s in self.others}
        if wide:
            text = report.comparison_table_wide(self.doc, self.base_summary, titles, expects)
        else:
            text = report.comparison_table(self.doc, self.base_summary, titles, expects, self.verdicts)
        if self.out is not None:
            saved = ", figures/)" if self.figures else ")"
            text += f"\n\nresults: {self.out}/ (one folder per scenario, comparison.json{saved}"
        return text


def _drawer(fmt: str | None):
    """What draws a comparison's figures into its folder (None: no figures)."""
    if not fmt:
        return None
    from sim.output import figures
    from sim.output.runs import load_run

    def draw(folders: list[Path], effects: dict) -> None:
        figures.make_all([load_run(f) for f in folders], folders[0].parent / "figures", fmt, effects=effects)

    return draw


def prepare_comparison(
    base: Scenario | str,
    *scenarios: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    out: str | Path | None = None,
    save: bool = False,
    force: bool = False,
    fmt: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Prepared:
    """:func:`compare_runs` checked and ready (its arguments); calling it returns the :class:`Comparison`.

    Refused here: no scenario, a scenario given twice (or the base again),
    runs or a seed that are not whole numbers in range, more worlds than
    memory holds, an unknown figure format, unusable ``jobs`` or
    ``scheduler``, and (when saved) a destination that may not be written.
    """
    from sim.analysis.compare import compare as paired
    from sim.output.results import write_comparison

    b, others = _scenario(base), [_scenario(s) for s in scenarios]
    names = [s.name for s in others]
    if len(set(names)) != len(names) or b.name in names:
        raise UsageError(
            f"scenarios must differ from each other and from the base; got base {b.name} and {', '.join(names)}."
        )
    if not others:
        raise UsageError("a comparison needs at least one scenario beside the base.")
    runs, seed = runs_and_seed(b, runs, seed)
    budget.check_runs(runs, ensembles=1 + len(others))
    check_formats(fmt=fmt)
    check_where(jobs, scheduler)
    slot = None
    if out or save or fmt:
        default = default_dir("-vs-".join([b.name, *names])[:120], COMPARE_ROOT)
        slot = Slot(Path(out) if out else None, force, "compare", default=default)

    def simulate(folder: Path | None, progress: Progress, started: float) -> tuple[dict, dict]:
        where = {"progress": progress, "jobs": jobs, "scheduler": scheduler}
        ens = [(s, run_scenario(s, runs, seed, **where)) for s in (b, *others)]
        doc = paired(ens[0][1], {s.name: e for s, e in ens[1:]}, b.name)
        if folder is not None:
            write_comparison(folder, ens, doc, seed, time.perf_counter() - started, _drawer(fmt), progress)
        return doc, summarize(ens[0][1].columns, b.name, seed)

    def go(progress: Progress) -> Comparison:
        started = time.perf_counter()
        if slot is None:
            doc, base_summary = simulate(None, progress, started)
            return Comparison(doc, b, others, base_summary, None, False)
        with slot.open() as tmp:
            doc, base_summary = simulate(tmp, progress, started)
        return Comparison(doc, b, others, base_summary, slot.final, bool(fmt))

    worlds = runs * (1 + len(others))
    return Prepared(worlds, worlds if slot else 0, go)


def compare_runs(
    base: Scenario | str,
    *scenarios: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    out: str | Path | None = None,
    save: bool = False,
    force: bool = False,
    fmt: str | None = None,
    progress: Progress = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Comparison:
    """Run ``base`` and each scenario on the same worlds and seed; with ``out``, ``save`` or ``fmt``, save them.

    The saved folder (default ``results/compare/<names>/<UTC time>/``) holds a
    results folder per scenario, ``comparison.json`` and, with ``fmt``, the figures.
    ``jobs`` and ``scheduler``: where the worlds are simulated, as for :func:`run`;
    ``progress(n)``: worlds simulated, then (when saved) table rows written.
    Everything is checked before anything runs (:func:`prepare_comparison`).
    """
    options = {"out": out, "save": save, "force": force, "fmt": fmt, "jobs": jobs, "scheduler": scheduler}
    return prepare_comparison(base, *scenarios, runs=runs, seed=seed, **options)(progress)


def compare(
    base: Scenario | str,
    *scenarios: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> dict:
    """The ``whatif compare --json`` document: paired effects, divergence, first divergent points."""
    return compare_runs(base, *scenarios, runs=runs, seed=seed, jobs=jobs, scheduler=scheduler).doc
