"""Figure 2: the front line over time, a fan of simulated worlds against the historical line."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from sim.engine import dates
from sim.output.figures.common import as_dates, check, historical_events, titles
from sim.output.figures.style import HISTORY_COLOR, KEY_EVENTS, PLACES, REFERENCE_COLOR, scenario_colors, styled
from sim.output.runs import Run

# label offsets in points (dx, dy) and alignment, chosen to stay off the bands
OFFSETS = {
    "1950-08-04": ((30, -30), "left"),
    "1950-11-21": ((26, 26), "left"),
    "1951-01-04": ((22, -34), "left"),
    "1953-07-27": ((0, 34), "center"),
}


def _front_percentiles(run: Run, war_only: bool, keep: np.ndarray) -> np.ndarray | None:
    """(5 quantiles, months) of the front over worlds, or None if no world qualifies."""
    front = np.asarray(run.front, dtype=float)[:, keep]
    if war_only and "war_started" in run.columns:
        front = front[np.asarray(run.columns["war_started"], dtype=bool)]
    if front.shape[0] == 0:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN months stay NaN
        return np.nanpercentile(front, [5, 25, 50, 75, 95], axis=0)


@styled
def front_fan(
    runs: Sequence[Run],
    start: str = "1950-06-01",
    end: str = "1954-12-31",
    war_only: bool = True,
    annotate: bool = True,
) -> Figure:
    """The front line over time: median and middle 50% / 90% of worlds, one panel per scenario.

    Each panel shows one scenario (the first is the reference; its median is
    repeated as a thin grey line in the other panels for comparison) and the
    historical front line (dashed black, dated points as markers). With
    ``war_only`` the bands are over the worlds where the war started.
    Key historical points are annotated in the first panel only.
    """
    runs = check(runs)
    k, colors, names = len(runs), scenario_colors(len(runs)), titles(runs)
    lo_day, hi_day = dates.day(start), dates.day(end)
    h_days, h_lats, _ = historical_events()
    h_keep = (h_days >= lo_day) & (h_days <= hi_day)
    history = (as_dates(h_days[h_keep]), h_lats[h_keep])

    fig = Figure(figsize=(10.0, 1.5 + 3.3 * k), layout="constrained")
    axes = fig.subplots(k, 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    reference = None
    for i, (ax, run, color, title) in enumerate(zip(axes, runs, colors, names, strict=True)):
        median = _panel(ax, run, color, title, (lo_day, hi_day), war_only, history, reference if i > 0 else None)
        if i == 0:
            reference = median
        if i == 0 and annotate:
            _annotate_history(ax)
    ax = axes[-1]
    ax.set_ylim(34.6, 41.8)
    ax.set_xlim(dates.date(lo_day), dates.date(hi_day))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    _legend(fig, colors, names)
    fig.suptitle("Front line over time: simulated worlds against the historical line")
    return fig


def _panel(ax, run: Run, color: str, title: str, span, war_only: bool, history, reference):
    """One scenario's panel; returns its (dates, median) or None if no world qualifies."""
    lo_day, hi_day = span
    months = np.asarray(run.months)
    keep = (months >= lo_day - 31) & (months <= hi_day + 31)
    x = as_dates(months[keep])
    q = _front_percentiles(run, war_only, keep)
    worlds = int(np.count_nonzero(run.columns["war_started"])) if war_only and "war_started" in run.columns else run.n
    ax.axhline(38.0, color="#888888", lw=1.0, ls=(0, (6, 3)), zorder=1)
    median = None
    if q is not None:
        ax.fill_between(x, q[0], q[4], color=color, alpha=0.18, lw=0, zorder=2)
        ax.fill_between(x, q[1], q[3], color=color, alpha=0.38, lw=0, zorder=3)
        ax.plot(x, q[2], color=color, lw=2.4, zorder=5, label=f"{title}: median")
        median = (x, q[2])
    else:
        ax.text(
            0.5,
            0.12,
            "No world where the war started: no front line to show.",
            transform=ax.transAxes,
            ha="center",
            va="center",
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": color},
        )
    if reference is not None:
        ax.plot(*reference, color=REFERENCE_COLOR, lw=1.2, alpha=0.9, zorder=4)
    ax.plot(*history, color=HISTORY_COLOR, ls="--", lw=1.3, marker="o", ms=3.5, zorder=6)
    which = "worlds where the war started" if war_only else "worlds"
    ax.set_title(f"{title}  ({worlds:,} {which})", color="#111111")
    ax.set_ylabel("front line (degrees north)")
    places = ax.secondary_yaxis("right")
    places.set_yticks(list(PLACES.values()), list(PLACES))
    places.tick_params(axis="y", length=3, labelsize=10, colors="#444444")
    ax.grid(axis="x", which="major", visible=True)
    return median


def _legend(fig: Figure, colors: list[str], names: list[str]) -> None:
    """Scenario medians, the two bands, the historical line and the 38th parallel."""
    handles = [Line2D([], [], color=c, lw=2.4) for c in colors]
    labels = [f"{t}: median of worlds" for t in names]
    if len(names) > 1:
        labels[0] += " (thin line in the other panels)"
    handles += [
        Patch(color=REFERENCE_COLOR, alpha=0.38 + 0.18 * (1 - 0.38), lw=0),
        Patch(color=REFERENCE_COLOR, alpha=0.18, lw=0),
        Line2D([], [], color=HISTORY_COLOR, ls="--", lw=1.3, marker="o", ms=3.5),
        Line2D([], [], color="#888888", lw=1.0, ls=(0, (6, 3))),
    ]
    labels += [
        "middle 50% of worlds (darker band)",
        "middle 90% of worlds (lighter band)",
        "historical front line (dated points)",
        "38th parallel",
    ]
    fig.legend(handles, labels, loc="outside lower center", ncols=2)


def _annotate_history(ax) -> None:
    """Label a few points of the historical line, with short leader lines into clear space."""
    h_days, h_lats, _ = historical_events()
    for iso_date, text in KEY_EVENTS.items():
        at = np.flatnonzero(h_days == dates.day(iso_date))
        if not at.size:
            continue
        (dx, dy), ha = OFFSETS[iso_date]
        ax.annotate(
            text,
            xy=(dates.date(int(h_days[at[0]])), float(h_lats[at[0]])),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=10,
            color="#111111",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": "#111111", "lw": 0.8, "shrinkA": 0, "shrinkB": 3},
            zorder=8,
        )
