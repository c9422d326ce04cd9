"""Which assumptions matter: sensitivity indices, scenario discovery, attribution, convergence and ablation.

>>> from sim import api
>>> s = api.sensitivity("baseline", "china_entered", samples=64)
>>> print(s.text())
>>> d = api.discover("baseline", "final_outcome=rok_unifies")
>>> a = api.attribute("baseline", "dprk_survives", world=0)

Sensitivity and discovery need the optional analysis libraries (SALib,
ema_workbench): ``pip install 'korea-whatif[analysis]'``; without them they
raise :class:`UsageError` saying so in one line.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from sim.api.common import Progress, UsageError, check_where
from sim.api.common import load as _scenario
from sim.output.words import fold
from sim.scenario import Scenario

INSTALL = "pip install 'korea-whatif[analysis]'"
load = _scenario  # a scenario from its name or path (the command line checks it before planning)
MAX_WORLDS_PER_SAMPLE = 10_000
MAX_EVALUATIONS = 20_000_000  # samples x worlds: a run of hours at most, bounded memory (chunks)


def require(*modules: str, what: str = "this analysis") -> None:
    """Refuse, in one line, when an optional library is missing."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(
            f"{what} needs {' and '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed: {INSTALL}"
        )


def parse_outcome(outcome: str):
    from sim.analysis import measures

    try:
        return measures.parse(outcome)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _factors(setup, which):
    from sim.analysis import factors

    try:
        return factors.factors(setup, which)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def check_plot(out: str | Path | None, force: bool = False, option: str = "--plot") -> None:
    """Check a figure's destination (given with ``option``) before anything runs: a .png, .svg or .pdf in an
    existing folder (an existing file is replaced only with ``force``, and only if this tool wrote it)."""
    if out is None:
        return
    from sim.output.folders import check_file

    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise UsageError(f"{option} {out}: the figure's file name must end in .png, .svg or .pdf.")
    check_file(out, force, option)


def save_figure(fig, out: str | Path, force: bool, option: str = "--plot") -> str:
    import matplotlib as mpl

    from sim.output.figures.style import rc
    from sim.output.folders import atomic_file
    from sim.output.kinds import figure_metadata

    out = Path(out)
    fmt = out.suffix[1:].lower()
    if fmt not in ("png", "svg", "pdf"):
        raise UsageError(f"{option} {out}: the figure's file name must end in .png, .svg or .pdf.")
    try:
        with atomic_file(out, force, option) as tmp, mpl.rc_context(rc()):
            fig.savefig(tmp, format=fmt, dpi=150, metadata=figure_metadata(fmt))
    finally:
        fig.clear()
    return str(out)


@dataclass
class Sensitivity:
    """Sensitivity indices of an outcome: ``result`` (``sim.analysis.sensitivity.Result``), text, JSON, figure."""

    result: object

    def text(self, top: int = 15) -> str:
        from sim.output.assumptions import sensitivity_text

        return fold(sensitivity_text(self.result, top))

    @property
    def doc(self) -> dict:
        from sim.analysis.sensitivity import to_doc

        return to_doc(self.result)

    def figure(self, top: int = 20):
        from sim.output.figures.sensitivity import indices

        return indices(self.result, top)

    def save(self, out: str | Path, force: bool = False, option: str = "--plot") -> str:
        """Draw the bar chart to ``out`` (.png, .svg or .pdf; its folder must exist; errors name ``option``)."""
        return save_figure(self.figure(), out, force, option)


def check_sensitivity(method: str, samples: int, worlds: int, jobs: int, scheduler: str | None = None) -> None:
    """Refuse impossible designs before anything runs."""
    from sim.analysis import sensitivity

    if method not in sensitivity.METHODS:
        raise UsageError(f"unknown method {method!r}. Valid choices: {', '.join(sensitivity.METHODS)}.")
    if method == "sobol" and (samples < 2 or samples & (samples - 1)):
        raise UsageError(
            f"--samples {samples}: Sobol' samples must be a power of two (2, 4, 8, ..., 64, 128, 256, ...)."
        )
    if samples < 2:
        raise UsageError("--samples must be at least 2.")
    if not 1 <= worlds <= MAX_WORLDS_PER_SAMPLE:
        raise UsageError(f"--worlds must be from 1 to {MAX_WORLDS_PER_SAMPLE:,}.")
    check_where(jobs, scheduler)


def check_evaluations(settings: int, worlds: int) -> None:
    """Refuse a design of ``settings`` (:func:`sensitivity_plan`) x ``worlds`` too long to run."""
    total = settings * worlds
    if total > MAX_EVALUATIONS:
        raise UsageError(
            f"{total:,} simulated worlds (settings x --worlds) is more than {MAX_EVALUATIONS:,}; "
            "lower --samples or --worlds."
        )


def sensitivity_plan(scenario: Scenario | str, method: str = "sobol", samples: int = 256, factors: str = "all"):
    """How many factor settings a sensitivity run evaluates (before it runs)."""
    from sim.analysis import factors as fa
    from sim.analysis import sensitivity as se

    chosen = _factors(_scenario(scenario).setup(), factors)
    return se.design_size(method, samples, len(chosen), len(fa.groups(chosen)))


def sensitivity(
    scenario: Scenario | str,
    outcome: str,
    samples: int = 256,
    method: str = "sobol",
    factors: str = "all",
    worlds: int = 32,
    jobs: int = 1,
    seed: int | None = None,
    progress: Progress = None,
    scheduler: str | None = None,
) -> Sensitivity:
    """Sobol indices (first-order and total, with 95% intervals) or Morris screening of an outcome.

    Each of the design's factor settings is run over the same ``worlds`` dice
    worlds (0..worlds-1); ``factors`` is ``all``, ``leaders``, ``params``, a
    leader's key or comma-separated factor names. Results do not depend on
    ``jobs`` or ``scheduler`` (a Dask scheduler's address). ``progress(k)``
    is told the settings of each finished chunk.
    """
    require("SALib", what="whatif sensitivity")
    from sim.analysis import sensitivity as se

    sc = _scenario(scenario)
    check_sensitivity(method, samples, worlds, jobs, scheduler)
    measure = parse_outcome(outcome)
    setup = sc.setup()
    chosen = _factors(setup, factors)
    check_evaluations(sensitivity_plan(sc, method, samples, factors), worlds)
    seed = sc.seed if seed is None else seed
    return Sensitivity(
        se.run(setup, sc.name, measure, chosen, method, samples, worlds, seed, jobs, progress, scheduler)
    )


@dataclass
class Discovered:
    """Boxes of factor space where an outcome concentrates: ``result``, text, JSON, trade-off figure."""

    result: object

    def text(self) -> str:
        from sim.output.assumptions import discovery_text

        return fold(discovery_text(self.result))

    @property
    def doc(self) -> dict:
        r = self.result
        return {
            "scenario": r.scenario,
            "outcome": r.measure.text,
            "method": r.method,
            "runs": r.runs,
            "seed": r.seed,
            "base_rate": r.base_rate,
            "hits": r.hits,
            "boxes": [
                {
                    "limits": {k: list(v) for k, v in b.limits.items()},
                    "coverage": b.coverage,
                    "density": b.density,
                    "mass": b.mass,
                    "worlds": b.worlds,
                    "hits": b.hits,
                    "quasi_p": b.qp,
                }
                for b in r.boxes
            ],
            "trajectory": r.trajectory,
        }

    def figure(self):
        from sim.output.figures.assumptions import tradeoff

        return tradeoff(self.result)

    def save(self, out: str | Path, force: bool = False, option: str = "--plot") -> str:
        return save_figure(self.figure(), out, force, option)


def discover(
    scenario: Scenario | str,
    outcome: str,
    method: str = "prim",
    runs: int = 10_000,
    factors: str = "all",
    boxes: int = 1,
    seed: int | None = None,
    min_coverage: float = 0.5,
) -> Discovered:
    """PRIM (or CART) boxes of the weights and parameters where a yes/no outcome concentrates.

    PRIM reports the densest box on its peeling trajectory that keeps at least
    ``min_coverage`` of the outcome's worlds.
    """
    from sim.analysis import discovery
    from sim.output import budget

    if method not in discovery.METHODS:
        raise UsageError(f"unknown method {method!r}. Valid choices: {', '.join(discovery.METHODS)}.")
    require("ema_workbench", *(("sklearn",) if method == "cart" else ()), what="whatif discover")
    sc = _scenario(scenario)
    measure = parse_outcome(outcome)
    if not measure.binary:
        raise UsageError(
            f"discovery needs a yes/no outcome; {outcome!r} is a {measure.kind}: give a threshold, "
            f"e.g. {measure.column}>VALUE or {measure.column}<VALUE."
        )
    budget.check_runs(runs)
    if not 0 < min_coverage <= 1:
        raise UsageError("--min-coverage must be in (0, 1].")
    setup = sc.setup()
    seed = sc.seed if seed is None else seed
    chosen = _factors(setup, factors)
    return Discovered(discovery.discover(setup, sc.name, measure, chosen, method, runs, seed, boxes, min_coverage))


def world_factors(scenario: Scenario | str, runs: int = 1000, seed: int | None = None, factors: str = "all") -> dict:
    """The factor values each world of an ensemble ran with (the model's own draws): name -> array over worlds."""
    import numpy as np

    from sim.analysis.factors import world_values

    sc = _scenario(scenario)
    setup = sc.setup()
    return world_values(setup, sc.seed if seed is None else seed, np.arange(runs), _factors(setup, factors))
