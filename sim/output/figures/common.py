"""Helpers shared by the figures: dates for matplotlib, shares with intervals, legend titles, wrapped text."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib import ticker

from sim.analysis.summary import wilson
from sim.case import history
from sim.engine import dates
from sim.output.runs import Run

LEGEND_CHARS = 100  # characters per line of a one-column legend at 10 pt across a 9-10 inch figure


def historical_events() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(day numbers, latitudes, event labels) of the shipped historical front line."""
    days, lats, events = history.front_line()
    return days, lats, list(events)


def as_dates(days) -> np.ndarray:
    """Day numbers -> an array of ``datetime.date`` (what matplotlib's date axis takes)."""
    return np.array([dates.date(int(d)) for d in np.atleast_1d(days)], dtype=object)


def share(successes: int, n: int) -> tuple[float, float, float]:
    """(share, low, high) of a binomial count, with its 95% Wilson interval."""
    lo, hi = wilson(int(successes), int(n))
    return (successes / n if n else 0.0), lo, hi


def pct(value: float) -> str:
    """A share (0-1) as a short percentage label."""
    p = 100 * value
    if p == 0 or p == 100:
        return f"{p:.0f}%"
    if p < 1:
        return "<1%"
    if p > 99:
        return ">99%"
    return f"{p:.0f}%"


def titles(runs: Sequence[Run]) -> list[str]:
    """Legend titles; the first run is marked as the reference when there are several."""
    return [r.title + (" (reference)" if i == 0 and len(runs) > 1 else "") for i, r in enumerate(runs)]


def wrap(text: str, width: int = LEGEND_CHARS) -> str:
    """``text`` on lines of at most ``width`` characters: a long title (up to 200) must not widen its figure."""
    return textwrap.fill(text, width, break_on_hyphens=False)


def legend_columns(k: int) -> int:
    """Columns of a legend of ``k`` scenarios: side by side up to two, then one column."""
    return 1 if k > 2 else k


def legend_title(title: str, k: int) -> str:
    """A scenario's title wrapped to fit its column of a legend of ``k`` scenarios."""
    return wrap(title, LEGEND_CHARS // legend_columns(k))


def legend_lines(labels: Sequence[str], ncols: int) -> int:
    """Lines of text in the tallest column of a legend (matplotlib fills its columns top to bottom)."""
    lines = [label.count("\n") + 1 for label in labels]
    rows = -(-len(lines) // ncols)
    return max(sum(lines[i : i + rows]) for i in range(0, len(lines), rows))


def check(runs: Sequence[Run]) -> list[Run]:
    """The runs as a list; at least one."""
    runs = list(runs)
    if not runs:
        raise ValueError("no runs to plot: give at least one Run.")
    return runs


def percent_axis(axis) -> None:
    """Tick labels of a 0-100 axis as whole numbers."""
    axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:.0f}"))
