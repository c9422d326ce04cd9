"""Run N worlds of one setup and seed, in chunks, and gather their outcomes.

World ``i`` is the same world in any run: its dice are keyed by its index,
so results do not depend on ``runs``, on the chunk size, or on how chunks are
spread over processes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sim import case, outcomes
from sim.memory import keep_freed_memory
from sim.model import Setup, WarModel

CHUNK = 50_000  # worlds per model; bounds memory, does not change results


@dataclass
class Ensemble:
    """Outcomes of ``runs`` worlds: columns, monthly front lines and decision logs.

    Attributes:
        columns: outcome name -> array over worlds (``sim.outcomes.COLUMNS``).
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
    setup: Setup,
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
        model = WarModel(worlds, seed, setup).run(on_tick=_scaled(progress, len(worlds)))
        parts.append((outcomes.collect(model), model.front_monthly, model.log, model.months))
    months = parts[0][3]
    return Ensemble(
        seed=seed,
        runs=runs,
        first_world=first_world,
        columns={k: np.concatenate([p[0][k] for p in parts]) for k in outcomes.COLUMNS},
        front=np.concatenate([p[1] for p in parts]),
        months=months,
        choices={n.id: np.concatenate([p[2].first_choice[n.id] for p in parts]) for n in case.NODES},
        choice_days={n.id: np.concatenate([p[2].first_day[n.id] for p in parts]) for n in case.NODES},
        counts={n.id: np.concatenate([p[2].count[n.id] for p in parts]) for n in case.NODES},
        last_choices={n.id: np.concatenate([p[2].last_choice[n.id] for p in parts]) for n in case.NODES},
        last_days={n.id: np.concatenate([p[2].last_day[n.id] for p in parts]) for n in case.NODES},
    )
