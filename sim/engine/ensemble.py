"""Run N worlds of one setup and seed, in chunks, and gather their outcomes.

World ``i`` is the same world in any run: its dice are keyed by its index,
so results do not depend on ``runs``, on the chunk size, or on where chunks
run (this process, ``jobs`` local processes or a Dask cluster, see
:mod:`sim.engine.executors`). Each chunk's results are copied into arrays
allocated once for all the worlds, and its model is released, so memory is
the results plus one chunk's model per process.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from sim.engine import executors
from sim.engine.memory import keep_freed_memory
from sim.engine.model import WarModel
from sim.engine.spec import CaseSpec, SetupLike

CHUNK = 100_000  # worlds per model; bounds memory, does not change results
LOGS = {  # Ensemble field -> the model's Log attribute it is gathered from
    "choices": "first_choice",
    "choice_days": "first_day",
    "counts": "count",
    "last_choices": "last_choice",
    "last_days": "last_day",
}


@dataclass
class Ensemble:
    """Outcomes of ``runs`` worlds: columns, monthly front lines and (if kept) decision logs.

    Attributes:
        columns: outcome name -> array over worlds (the case's outcomes).
        front: (runs, months) float32, front latitude on the 1st of each month.
        months: day numbers of those months.
        choices: node id -> first option index taken per world (-1 = not reached).
        choice_days: node id -> day of that first firing (-1 = not reached).
        counts: node id -> how many times the node fired per world.
        last_choices: node id -> last option index taken per world (-1 = not reached).
        last_days: node id -> day of that last firing (-1 = not reached).

    The five decision logs are empty when the run was made with ``logs=False``.
    """

    seed: int
    runs: int
    first_world: int
    columns: dict[str, np.ndarray]
    front: np.ndarray
    months: np.ndarray
    choices: dict[str, np.ndarray] = field(default_factory=dict)
    choice_days: dict[str, np.ndarray] = field(default_factory=dict)
    counts: dict[str, np.ndarray] = field(default_factory=dict)
    last_choices: dict[str, np.ndarray] = field(default_factory=dict)
    last_days: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    """One chunk's task: worlds ``start .. stop - 1`` of a case (a CaseSpec, or ``"module:attribute"`` naming
    one, which any process can import) under a setup and seed; ``logs``: also return the decision logs."""

    case: CaseSpec | str
    setup: SetupLike
    seed: int
    start: int
    stop: int
    logs: bool = True


def _own(values: np.ndarray) -> np.ndarray:
    """The array itself, or a copy if it is a view into the model's state (which would keep the model alive)."""
    return values if values.base is None else values.copy()


@cache
def _resolve(ref: str) -> CaseSpec:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def simulate_chunk(task: Chunk, on_tick: Callable[[float], None] | None = None) -> tuple[np.ndarray, dict]:
    """Simulate one chunk: (its months, {(field, name): array over its worlds}); its model is released."""
    keep_freed_memory()
    case = _resolve(task.case) if isinstance(task.case, str) else task.case
    gc.freeze()  # what existed before this chunk is left out of the collection that frees its model (fast)
    try:
        model = WarModel(case, np.arange(task.start, task.stop), task.seed, task.setup, logs=task.logs)
        model.run(on_tick=on_tick)
        part = {("columns", k): _own(v) for k, v in case.outcomes(model).items()}
        part["front", ""] = model.monthly
        if task.logs:
            for name, attr in LOGS.items():
                part.update({(name, node): _own(a) for node, a in getattr(model.log, attr).items()})
        months = model.months
        del model
        gc.collect()  # the model holds reference cycles (state <-> model): free it before the next chunk
    finally:
        gc.unfreeze()
    return months, part


def run(
    case: CaseSpec | str,
    setup: SetupLike,
    seed: int,
    runs: int,
    first_world: int = 0,
    chunk: int | None = None,
    progress: Callable[[float], None] | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    logs: bool = True,
) -> Ensemble:
    """Simulate worlds ``first_world .. first_world + runs - 1``, ``chunk`` worlds per model (default ``CHUNK``).

    ``progress(n)`` is told of ``n`` more worlds done (fractions of a chunk
    week by week when the chunks run here, whole chunks otherwise). ``jobs``
    and ``scheduler`` say where the chunks run (:mod:`sim.engine.executors`;
    in other processes ``case`` must be a ``"module:attribute"`` reference).
    ``logs=False`` leaves out the decision logs (490 of ~980 bytes a world).
    """
    executors.check_jobs(jobs)
    chunk = chunk or CHUNK
    end = first_world + runs
    tasks = [Chunk(case, setup, seed, s, min(s + chunk, end), logs) for s in range(first_world, end, chunk)]
    here = executors.in_process(jobs, scheduler, len(tasks))
    if not here and not isinstance(case, str):
        raise executors.ExecutorError("to run chunks in other processes, give the case as 'module:attribute'.")
    out: dict[tuple[str, str], np.ndarray] = {}
    months: list[np.ndarray] = []

    def place(i: int, result: tuple[np.ndarray, dict]) -> None:
        chunk_months, part = result
        offset, size = tasks[i].start - first_world, tasks[i].stop - tasks[i].start
        for key, values in part.items():
            if key not in out:
                out[key] = np.empty((runs, *values.shape[1:]), values.dtype)
            out[key][offset : offset + size] = values
        months[:] = [chunk_months]
        if progress and not here:
            progress(size)

    if here:
        for i, task in enumerate(tasks):
            place(i, simulate_chunk(task, _scaled(progress, task.stop - task.start)))
    else:
        executors.each_chunk(simulate_chunk, tasks, place, jobs, scheduler)
    return _ensemble(out, months[0], seed, runs, first_world)


def _scaled(progress, worlds: int):
    return (lambda fraction: progress(fraction * worlds)) if progress else None


def _ensemble(out: dict, months: np.ndarray, seed: int, runs: int, first_world: int) -> Ensemble:
    fields: dict[str, dict[str, np.ndarray]] = {"columns": {}, **{name: {} for name in LOGS}}
    for (name, key), values in out.items():
        if name != "front":
            fields[name][key] = values
    return Ensemble(seed=seed, runs=runs, first_world=first_world, front=out["front", ""], months=months, **fields)
