"""Global sensitivity: which documented weights and parameters drive an outcome (Sobol indices, Morris screening).

The design. A sample is a setting of every studied factor (a point of the
factor space, from SALib's Saltelli/Sobol' or Morris design); its outcome is
the outcome's mean (a share, a mean, or a median date, ``measures``) over the
same ``worlds`` dice worlds 0..M-1 for every sample (common random numbers:
what differs between two samples is the factors only, not the dice). Factors
not studied keep their per-world draws, so they average out with the dice.

Rather than one ensemble per sample (one model per sample would cost a
tenth of a second each in fixed overhead), every sample x world pair is a
row of one vectorised model with its own factor values (``rows``), so N x
(D + 2) samples x M worlds cost about what an ensemble of that many worlds
costs. Rows are cut into chunks of whole samples by a fixed size, and each
chunk is evaluated on its own (``sim.engine.executors.map_chunks``), so the outcomes, hence
the indices, are identical for any ``jobs``.

The outcome of a sample is the mean over M worlds, a deterministic function
of the factors for a given seed; its Sobol indices approach those of the
expected outcome as M grows (a share's granularity is 1/M). The same seed
gives the same design, dice, bootstrap and indices.

Grouped indices (one per leader, and per kind of parameter) come from a second,
grouped design (SALib's ``groups``), not from sums of single indices.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from sim.analysis import rows
from sim.analysis.factors import Factor, groups
from sim.analysis.measures import Measure
from sim.engine import executors, rng
from sim.scenario import Setup

METHODS = ("sobol", "morris")
RESAMPLES = 200  # bootstrap resamples of the confidence intervals
LEVELS = 4  # Morris grid levels


@dataclass(frozen=True)
class Task:
    """One chunk of samples: evaluated by :func:`evaluate` in any process."""

    setup: Setup
    seed: int
    worlds: np.ndarray
    names: tuple[str, ...]
    x: np.ndarray
    measure: Measure


def evaluate(task: Task) -> np.ndarray:
    """The outcome of each sample of a chunk: the measure over the dice worlds, with the sample's factor values."""
    s, m = task.x.shape[0], len(task.worlds)
    values = {name: np.repeat(task.x[:, j], m) for j, name in enumerate(task.names)}
    cols = rows.run_rows(task.setup, task.seed, np.tile(task.worlds, s), values)
    y = task.measure.per_world(cols, task.setup.horizon).reshape(s, m)
    return task.measure.aggregate(y, axis=1)


def evaluate_samples(
    setup: Setup,
    seed: int,
    worlds: int,
    names: Sequence[str],
    x: np.ndarray,
    measure: Measure,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    chunk_rows: int = rows.CHUNK_ROWS,
    scheduler: str | None = None,
) -> np.ndarray:
    """The outcome of every sample (row of ``x``), in chunks of whole samples, here, over ``jobs`` local
    processes or on the Dask cluster at ``scheduler``: identical wherever they run.

    ``progress(k)`` is told the number of samples of each finished chunk.
    """
    dice = np.arange(worlds, dtype=np.int64)
    per = max(1, chunk_rows // worlds)
    tasks = [Task(setup, seed, dice, tuple(names), x[i : i + per], measure) for i in range(0, len(x), per)]
    done = (lambda i: progress(len(tasks[i].x))) if progress else None
    return np.concatenate(executors.map_chunks(evaluate, tasks, jobs, done, scheduler)) if tasks else np.zeros(0)


def sub_seed(seed: int, purpose: str) -> int:
    """A non-zero 63-bit seed for one use (SALib treats seed 0 as 'use the global generator')."""
    return int(rng.stream_key(seed, f"sensitivity:{purpose}")) >> 1 | 1


def problem(chosen: Sequence[Factor], grouped: bool = False) -> dict:
    """The SALib problem of the factors (bounds = the ranges each world draws from)."""
    doc = {
        "num_vars": len(chosen),
        "names": [f.name for f in chosen],
        "bounds": [[f.low, f.high] for f in chosen],
    }
    if grouped:
        doc["groups"] = [f.group for f in chosen]
    return doc


def design(method: str, prob: dict, samples: int, seed: int) -> np.ndarray:
    """The sample matrix: Saltelli/Sobol' (N x (D + 2) rows) or Morris (N trajectories x (G + 1))."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "sobol":
            from SALib.sample import sobol as sobol_sample

            return sobol_sample.sample(prob, samples, calc_second_order=False, scramble=True, seed=seed)
        from SALib.sample import morris as morris_sample

        return morris_sample.sample(prob, samples, num_levels=LEVELS, seed=seed)


def analyze(method: str, prob: dict, x: np.ndarray, y: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    """SALib's indices: Sobol ``S1``, ``S1_conf``, ``ST``, ``ST_conf``; Morris ``mu_star``, ``mu_star_conf``,
    ``sigma``, ``mu``. Confidence half-widths are 95% bootstrap ones. All zero if the outcome never varies."""
    keys = ("S1", "S1_conf", "ST", "ST_conf") if method == "sobol" else ("mu_star", "mu_star_conf", "sigma", "mu")
    size = len(set(prob.get("groups") or prob["names"]))
    if not np.ptp(y) > 0:
        return {k: np.zeros(size) for k in keys}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "sobol":
            from SALib.analyze import sobol

            res = sobol.analyze(prob, y, calc_second_order=False, num_resamples=RESAMPLES, seed=seed)
        else:
            from SALib.analyze import morris

            res = morris.analyze(prob, x, y, num_resamples=RESAMPLES, num_levels=LEVELS, seed=seed)
    return {k: np.asarray(res[k], dtype=float) for k in keys}


@dataclass
class Result:
    """Indices of one outcome with respect to some factors.

    ``factors`` and ``indices`` are in the factors' order; ``group_names`` and
    ``group_indices`` are the grouped design's (one per leader or kind of parameter).
    """

    scenario: str
    measure: Measure
    method: str
    samples: int
    worlds: int
    seed: int
    factors: list[Factor]
    indices: dict[str, np.ndarray]
    group_names: list[str]
    group_indices: dict[str, np.ndarray]
    evaluations: int
    outcome_mean: float
    outcome_std: float
    wall: float = 0.0
    jobs: int = 1
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The index that ranks: total order (Sobol) or mu* (Morris)."""
        return "ST" if self.method == "sobol" else "mu_star"

    def ranking(self) -> list[int]:
        """Factor positions, most influential first (ties keep the factors' order)."""
        return list(np.argsort(-self.indices[self.key], kind="stable"))


def run(
    setup: Setup,
    scenario: str,
    measure: Measure,
    chosen: Sequence[Factor],
    method: str = "sobol",
    samples: int = 256,
    worlds: int = 32,
    seed: int = 1950,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
) -> Result:
    """Sobol indices (or Morris screening) of ``measure`` with respect to ``chosen``, and per group."""
    started = time.perf_counter()
    chosen = list(chosen)
    prob, gprob = problem(chosen), problem(chosen, grouped=True)
    grouped = len(groups(chosen)) > 1  # one group: the grouped design would be the factors all at once
    x = design(method, prob, samples, sub_seed(seed, "design"))
    gx = design(method, gprob, samples, sub_seed(seed, "grouped design")) if grouped else x[:0]
    names = [f.name for f in chosen]
    y = evaluate_samples(setup, seed, worlds, names, np.vstack([x, gx]), measure, jobs, progress, scheduler=scheduler)
    y, gy = y[: len(x)], y[len(x) :]
    boot = sub_seed(seed, "bootstrap")
    return Result(
        scenario=scenario,
        measure=measure,
        method=method,
        samples=samples,
        worlds=worlds,
        seed=seed,
        factors=chosen,
        indices=analyze(method, prob, x, y, boot),
        group_names=groups(chosen) if grouped else [],
        group_indices=analyze(method, gprob, gx, gy, boot) if grouped else _none(method),
        evaluations=len(x) + len(gx),
        outcome_mean=float(np.mean(y)),
        outcome_std=float(np.std(y)) if np.ptp(y) > 0 else 0.0,  # equal values: no rounding noise from the mean
        wall=time.perf_counter() - started,
        jobs=jobs,
    )


def design_size(method: str, samples: int, n_factors: int, n_groups: int) -> int:
    """Samples of both designs (no grouped one for a single group): what a run evaluates, each over the worlds."""
    extra = 2 if method == "sobol" else 1
    return samples * (n_factors + extra) + (samples * (n_groups + extra) if n_groups > 1 else 0)


def _none(method: str) -> dict[str, np.ndarray]:
    """Indices of no group (a single group has no grouped design)."""
    keys = ("S1", "S1_conf", "ST", "ST_conf") if method == "sobol" else ("mu_star", "mu_star_conf", "sigma", "mu")
    return {k: np.zeros(0) for k in keys}


def to_doc(res: Result) -> dict:
    """The ``--json`` document: design, outcome spread, and the indices per factor (ranked) and per group."""

    def entries(names, idx, order, meanings=None) -> list[dict]:
        out = []
        for i in order:
            row = {"name": names[i], **{k: float(v[i]) for k, v in idx.items()}}
            if meanings:
                row.update(meanings[i])
            out.append(row)
        return out

    meanings = [{"group": f.group, "low": f.low, "high": f.high, "meaning": f.meaning} for f in res.factors]
    group_key = res.group_indices[res.key]
    return {
        "scenario": res.scenario,
        "outcome": res.measure.text,
        "kind": res.measure.kind,
        "method": res.method,
        "samples": res.samples,
        "worlds": res.worlds,
        "seed": res.seed,
        "evaluations": res.evaluations,
        "outcome_mean": res.outcome_mean,
        "outcome_std": res.outcome_std,
        "factors": entries([f.name for f in res.factors], res.indices, res.ranking(), meanings),
        "groups": entries(res.group_names, res.group_indices, list(np.argsort(-group_key, kind="stable"))),
    }
