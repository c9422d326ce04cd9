"""The dated historical front line shipped with the case (``sim/case/data``)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import numpy as np

from sim.engine import dates


@cache
def front_line() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(day numbers, latitudes in deg N, event labels) of the historical front line, June 1950 - July 1953."""
    text = resources.files("sim.case").joinpath("data/historical_front_line.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    days = np.array([dates.day(r["date"]) for r in rows])
    lats = np.array([float(r["front_lat_proxy"]) for r in rows])
    return days, lats, tuple(r["event"] for r in rows)
