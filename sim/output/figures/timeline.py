"""Figure 3: when China entered and when the armistice was signed, as cumulative shares."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from sim.engine import dates
from sim.output.figures.common import as_dates, check, pct, titles, wrap
from sim.output.figures.style import HISTORICAL_ARMISTICE, HISTORICAL_ENTRY, HISTORY_COLOR, scenario_colors, styled
from sim.output.runs import Run

# (column, panel title, event in the legend, historical date, what a panel where it never happened says)
PANELS = (
    ("china_entry_date", "When Chinese troops entered Korea", "China entered", HISTORICAL_ENTRY, "China entered"),
    ("armistice_date", "When the armistice was signed", "armistice", HISTORICAL_ARMISTICE, "the armistice was signed"),
)
MIN_DAYS = 180  # the shortest date axis: months apart, so no two ticks read the same "%b %Y"


def _ecdf_points(days: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Step points of the cumulative share (in % of all ``n`` worlds) of the worlds where it happened by each day."""
    x = np.sort(days)
    y = np.arange(1, len(x) + 1) / n * 100
    return np.concatenate([x[:1], x]), np.concatenate([[0.0], y])


@styled
def timing(runs: Sequence[Run]) -> Figure:
    """When China entered and when the armistice was signed: cumulative shares of all worlds, per scenario.

    Each curve rises, day by day, to the share of all worlds where the event
    happened (a scenario where it happened in 7% of worlds ends at 7%, not at
    100%); the legend gives that share, and a panel where no world had the
    event says so. The historical dates are dashed vertical lines.
    """
    runs = check(runs)
    fig = Figure(figsize=(10.0, 8.4 + 0.5 * len(runs)), layout="constrained")
    axes = fig.subplots(2, 1)
    for ax, panel in zip(axes, PANELS, strict=True):
        _panel(ax, runs, *panel)
    fig.suptitle("When China entered and when the armistice was signed (share of all worlds, by date)")
    return fig


def _through(x: np.ndarray, y: np.ndarray, day: float, level: float) -> bool:
    """Whether an ECDF, where it is drawn, passes within 4 points of ``level`` on ``day``."""
    return bool(x[0] <= day <= x[-1]) and abs(float(y[np.searchsorted(x, day, side="right") - 1]) - level) < 4


def _curves(ax, runs: list[Run], column: str, event: str, historical: int) -> list[int]:
    """One ECDF per scenario; returns the first and last days drawn (for the axis range).

    Each curve's end carries its share, unless the label would sit on an earlier label, on another curve or on
    the historical date's line (within 4 points, across the label's width): the legend gives every share.
    """
    curves = []
    for run in runs:
        days = np.asarray(run.columns[column])
        days = days[days >= 0]
        curves.append((days, _ecdf_points(days, run.n) if days.size else None))
    ends = [int(d) for days, _ in curves if days.size for d in (days.min(), days.max())]
    reach = 0.08 * (max([*ends, historical]) - min([*ends, historical]) or 1)  # a label's width, in days
    spans, placed = [], []
    for i, (run, color, title) in enumerate(zip(runs, scenario_colors(len(runs)), titles(runs), strict=True)):
        # the reference is drawn thinner and on top, so a scenario identical to it shows both colours
        width, z = (1.6, 4) if i == 0 and len(runs) > 1 else (2.6, 3)
        days, points = curves[i]
        share = pct(days.size / run.n if run.n else 0)
        text = wrap(f"{title}: {event} in {share} of worlds ({days.size:,} of {run.n:,})", 115)  # one column
        if points is None:
            ax.plot([], [], color=color, lw=width, label=text)
            continue
        x, y = points
        ax.step(as_dates(x), y, where="post", color=color, lw=width, zorder=z, label=text)
        end, level = x[-1], y[-1]
        crowded = any(abs(level - py) < 4 and abs(end - px) < 120 for px, py in placed)
        crossed = any(  # another curve through the label (one ending at the same place is a twin: first wins)
            _through(*other, day, level)
            for j, (_, other) in enumerate(curves)
            if j != i and other is not None and not (abs(other[0][-1] - end) < 120 and abs(other[1][-1] - level) < 4)
            for day in (end, end + reach / 2, end + reach)
        )
        if not (crowded or crossed or end <= historical <= end + reach):
            placed.append((end, level))
            ax.annotate(
                pct(level / 100),
                xy=(as_dates(x[-1:])[0], level),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                color=color,
            )
        spans += [int(days.min()), int(days.max())]
    return spans


def _panel(ax, runs: list[Run], column: str, panel_title: str, event: str, historical: str, never: str) -> None:
    """The curves of one event (or a note that no world had it), its historical date and the axes."""
    h = dates.day(historical)
    drawn = _curves(ax, runs, column, event, h)
    if not drawn:
        _no_curve(ax, never)
    spans = [h, *drawn]
    ax.axvline(dates.date(h), color=HISTORY_COLOR, ls="--", lw=1.3, zorder=1)
    ax.text(
        dates.date(h),
        1.015,
        f"historical: {dates.date(h):%d %b %Y}",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="bottom",
        fontsize=10,
    )
    lo, hi = min(spans), max(spans)
    pad = max(0.06 * (hi - lo), 45, (MIN_DAYS - (hi - lo)) / 2)
    ax.set_xlim(dates.date(int(lo - pad)), dates.date(int(hi + pad)))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_title(panel_title, pad=22)
    ax.set_xlabel("date")
    ax.set_ylim(0, 102)
    ax.set_ylabel("share of all worlds\nwhere it had happened (%)")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.17), ncols=1)


def _no_curve(ax, never: str) -> None:
    """Say so in a panel where no world had the event (as the fan chart does where no war started)."""
    ax.text(
        0.5,
        0.5,
        f"No world where {never}: no curve to show.",
        transform=ax.transAxes,
        ha="center",
        va="center",
        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#999999"},
        zorder=5,
    )
