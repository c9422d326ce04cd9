"""Calendar: dates as integer day numbers and the simulation's weekly clock.

Day 0 is 1949-01-01. The clock ticks every 7 days from 1949-03-01 (Kim's
first request to Stalin) to the horizon, 1956-12-31, so a war longer than the
historical one stays visible.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

EPOCH = _dt.date(1949, 1, 1)
START = _dt.date(1949, 3, 1)
HORIZON = _dt.date(1956, 12, 31)
EARLIEST = _dt.date(1949, 1, 1)
LATEST = HORIZON
TICK_DAYS = 7
NEVER = -1  # day number meaning "did not happen"


def day(value: str | _dt.date) -> int:
    """Day number (days since 1949-01-01) of an ISO date string or a date."""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value)
    return (value - EPOCH).days


def date(day_number: int) -> _dt.date:
    """The calendar date of a day number."""
    return EPOCH + _dt.timedelta(days=int(day_number))


def iso(day_number: int | float | None) -> str | None:
    """ISO string of a day number, or None for NEVER / NaN / None."""
    if day_number is None or (isinstance(day_number, float) and np.isnan(day_number)):
        return None
    if int(day_number) < 0:
        return None
    return date(int(day_number)).isoformat()


def tick_days(horizon: _dt.date = HORIZON) -> np.ndarray:
    """Day numbers of the start of every weekly tick up to the horizon."""
    return np.arange(day(START), day(horizon) + 1, TICK_DAYS, dtype=np.int32)


def month_starts(horizon: _dt.date = HORIZON) -> np.ndarray:
    """Day numbers of the first of each month from 1949-03 to the horizon."""
    out, y, m = [], START.year, START.month
    while _dt.date(y, m, 1) <= horizon:
        out.append(day(_dt.date(y, m, 1)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return np.asarray(out, dtype=np.int32)
