"""Run N worlds of one setup and seed, in chunks, and gather their outcomes.

World ``i`` is the same world in any run: its dice are keyed by its index,
so results do not depend on ``runs``, on the chunk size, or on how chunks are
spread over processes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sim.engine.memory import keep_freed_memory
from sim.engine.model import WarModel
from sim.engine.spec import CaseSpec, SetupLike

CHUNK = 50_000  # worlds per model; bounds memory, does not change results


@dataclass
class Ensemble:
    """Outcomes of ``runs`` worlds: columns, monthly front lines and decision logs.

    Attributes:
        columns: outcome name -> array over worlds (the case's outcomes).
        front: (runs, months) float32, front latitude on the 1st of each month.
        months: day numbers of those months.
        choices: node id -> first option index taken per world (-1 = not reached).
        choice_days: node id -> day of that first firing (-1 = not reached).
        counts: node id -> how many times the node fired per world.
        last_choices: node id -> last option index taken per world (-1 = not reached).
        last_days: node id -> day of that last firing (-1 = not reached).
    """

    seed: int
    runs: int
    first_world: int
    columns: dict[str, np.ndarray]
    front: np.ndarray
    months: np.ndarray
    choices: dict[str, np.ndarray]
    choice_days: dict[str, np.ndarray]
    counts: dict[str, np.ndarray]
    last_choices: dict[str, np.ndarray]
    last_days: dict[str, np.ndarray]


def _scaled(progress, worlds: int):
    return (lambda fraction: progress(fraction * worlds)) if progress else None


def run(
    case: CaseSpec,
    setup: SetupLike,
    seed: int,
    runs: int,
    first_world: int = 0,
    chunk: int = CHUNK,
    progress: Callable[[float], None] | None = None,
) -> Ensemble:
    """Simulate worlds ``first_world .. first_world + runs - 1``."""
    keep_freed_memory()
    parts = []
    for start in range(first_world, first_world + runs, chunk):
        worlds = np.arange(start, min(start + chunk, first_world + runs))
        model = WarModel(case, worlds, seed, setup).run(on_tick=_scaled(progress, len(worlds)))
        parts.append((case.outcomes(model), model.monthly, model.log, model.months))
    months = parts[0][3]
    names = [n.id for n in case.nodes]
    return Ensemble(
        seed=seed,
        runs=runs,
        first_world=first_world,
        columns={k: np.concatenate([p[0][k] for p in parts]) for k in parts[0][0]},
        front=np.concatenate([p[1] for p in parts]),
        months=months,
        choices={n: np.concatenate([p[2].first_choice[n] for p in parts]) for n in names},
        choice_days={n: np.concatenate([p[2].first_day[n] for p in parts]) for n in names},
        counts={n: np.concatenate([p[2].count[n] for p in parts]) for n in names},
        last_choices={n: np.concatenate([p[2].last_choice[n] for p in parts]) for n in names},
        last_days={n: np.concatenate([p[2].last_day[n] for p in parts]) for n in names},
    )
