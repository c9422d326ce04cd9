"""Summaries of an ensemble: shares with 95% intervals, median dates and lengths.

Besides the shares and medians, a summary gives the quartiles of the war's
length and of the armistice date and, for each way the war ended, the share
of worlds and their median length: a two-peaked distribution (short wars of
conquest, long wars ending in an armistice) is read from those, never from
one median.
"""

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


def quartiles(values: np.ndarray) -> list[float] | None:
    """[25th, 50th, 75th percentile] of ``values``, or None if there are none."""
    return [float(q) for q in np.percentile(values, [25, 50, 75])] if values.size else None


def day_quartiles(days: np.ndarray) -> list[str] | None:
    """Quartiles of the day numbers that are set (>= 0), as ISO dates; None if none is."""
    q = quartiles(days[days >= 0].astype(float))
    return [dates.iso(round(d)) for d in q] if q else None


def endings(columns: dict[str, np.ndarray]) -> dict[str, dict]:
    """For each way the war ended in some world: its share of all worlds, and the median length and
    end date of those wars (the modes of a two-peaked war length)."""
    final, war, months = columns["final_outcome"], columns["war_started"], columns["war_months"]
    end = columns.get("war_end_date", columns["armistice_date"])
    out = {}
    for i, name in enumerate(outcomes.FINAL):
        these = (final == i) & war
        if these.any():
            out[name] = {
                "share": float((final == i).mean()),
                "war_months_median": float(np.median(months[these])),
                "end_date_median": dates.iso(median_day(end[these])),
            }
    return out


def summarize(columns: dict[str, np.ndarray], scenario: str, seed: int) -> dict:
    """The ``--json`` summary of one ensemble (shape documented in the README).

    ``war_months_*`` are over the worlds where the war started (None if it started in none); the armistice
    date's over the worlds with an armistice; ``endings`` as :func:`endings`.
    """
    n = len(columns["world"])
    final = columns["final_outcome"]
    war = columns["war_started"]
    months = columns["war_months"][war]
    return {
        "scenario": scenario,
        "runs": n,
        "seed": seed,
        "shares": {k: float(columns[k].mean()) for k in outcomes.BOOLEAN},
        "final_outcome": {name: float((final == i).mean()) for i, name in enumerate(outcomes.FINAL)},
        "armistice_date_median": dates.iso(median_day(columns["armistice_date"])),
        "war_months_median": float(np.median(months)) if war.any() else None,
        "war_months_mean": float(months.mean()) if war.any() else None,
        "war_months_quartiles": quartiles(months),
        "armistice_date_quartiles": day_quartiles(columns["armistice_date"]),
        "endings": endings(columns),
    }
