"""Summaries of an ensemble: shares with 95% intervals, median dates and lengths."""

from __future__ import annotations

import numpy as np

from sim.case import outcomes
from sim.engine import dates

Z95 = 1.959963984540054


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial share (Wilson 1927); (0, 1) when n = 0."""
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def median_day(days: np.ndarray) -> int | None:
    """Median of the day numbers that are set (>= 0), or None if none is."""
    set_ = days[days >= 0]
    return int(np.median(set_)) if set_.size else None


def summarize(columns: dict[str, np.ndarray], scenario: str, seed: int) -> dict:
    """The ``--json`` summary of one ensemble (shape documented in the README)."""
    n = len(columns["world"])
    final = columns["final_outcome"]
    war = columns["war_started"]
    return {
        "scenario": scenario,
        "runs": n,
        "seed": seed,
        "shares": {k: float(columns[k].mean()) for k in outcomes.BOOLEAN},
        "final_outcome": {name: float((final == i).mean()) for i, name in enumerate(outcomes.FINAL)},
        "armistice_date_median": dates.iso(median_day(columns["armistice_date"])),
        "war_months_median": float(np.median(columns["war_months"][war])) if war.any() else 0.0,
    }
