"""Figure 2: the front line over time, a fan of the worlds still at war against the historical line.

Bands and medians are over the worlds whose war is still going on that
month (:mod:`sim.output.figures.atwar`): they fade as wars end and stop when
almost none is left, and a strip under each panel shows the share of worlds
still at war, so a scenario whose wars end earlier looks it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from sim.engine import dates
from sim.output.figures import atwar
from sim.output.figures.common import as_dates, check, historical_events, titles, wrap
from sim.output.figures.style import HISTORY_COLOR, KEY_EVENTS, PLACES, REFERENCE_COLOR, scenario_colors, styled
from sim.output.runs import Run

PAIRED_CHARS = 85  # the longest legend entry that fits beside the column of bands and lines

# label offsets in points (dx, dy) and alignment, chosen to stay off the bands
OFFSETS = {
    "1950-08-04": ((30, -30), "left"),
    "1950-11-21": ((26, 26), "left"),
    "1951-01-04": ((22, -34), "left"),
    "1953-07-27": ((0, 34), "center"),
}


@styled
def front_fan(
    runs: Sequence[Run],
    start: str = "1950-06-01",
    end: str | None = None,
    war_only: bool = True,
    annotate: bool = True,
) -> Figure:
    """The front line over time: median and middle 50% / 90% of the worlds still at war, one panel per scenario.

    Each panel shows one scenario (the first is the reference; its median is
    repeated as a thin grey line in the other panels) and the historical front
    line (dashed black, dated points as markers). The bands are over the
    worlds still at war that month: they fade as wars end and stop when fewer
    than 3% are left, so an earlier armistice shows as an earlier end. Under
    each panel a strip gives the share of worlds still at war and the median
    day the wars ended. ``end`` defaults to a few months after the last war
    still going in any scenario (at least the end of 1953). ``war_only`` is
    kept for compatibility: the bands are always over worlds at war.
    """
    runs = check(runs)
    k, colors, names = len(runs), scenario_colors(len(runs)), titles(runs)
    lo_day = dates.day(start)
    hi_day = dates.day(end) if end else _default_end(runs, lo_day)
    h_days, h_lats, _ = historical_events()
    h_keep = (h_days >= lo_day) & (h_days <= hi_day)
    history = (as_dates(h_days[h_keep]), h_lats[h_keep])

    fig = Figure(figsize=(10.0, 1.9 + 4.1 * k), layout="constrained")
    grid = fig.add_gridspec(2 * k, 1, height_ratios=[4.2, 1.0] * k)
    main = fig.add_subplot(grid[0])
    axes = [main] + [fig.add_subplot(grid[2 * i], sharex=main, sharey=main) for i in range(1, k)]
    strips = [fig.add_subplot(grid[2 * i + 1], sharex=main) for i in range(k)]
    reference = None
    for i, (ax, sx, run, color, title) in enumerate(zip(axes, strips, runs, colors, names, strict=True)):
        drawn = _panel(ax, sx, run, color, title, (lo_day, hi_day), history, reference if i > 0 else None)
        if i == 0:
            reference = drawn
        if i == 0 and annotate:
            _annotate_history(ax)
    main.set_ylim(34.6, 41.8)
    main.set_xlim(dates.date(lo_day), dates.date(hi_day))
    for ax in [*axes, *strips]:
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    _legend(fig, colors, names)
    fig.suptitle("Front line over time, in the worlds still at war, against the historical line")
    return fig


def _default_end(runs: list[Run], lo_day: int) -> int:
    """A few months past the last month some scenario still has wars going on; at least the end of 1953."""
    last = atwar.last_month(runs, lo_day)
    floor = dates.day("1953-12-31")
    return max(floor, (last or floor) + 92)


def _panel(ax, sx, run: Run, color: str, title: str, span, history, reference):
    """One scenario's panel and strip; returns (median line, strip curve) of the reference, or None."""
    lo_day, hi_day = span
    months = np.asarray(run.months)
    keep = (months >= lo_day - 31) & (months <= hi_day + 31)
    x = as_dates(months[keep])
    found = atwar.percentiles(run, keep)
    worlds = int(np.count_nonzero(run.columns["war_started"]))
    ax.axhline(38.0, color="#888888", lw=1.0, ls=(0, (6, 3)), zorder=1)
    for lat in PLACES.values():  # faint guides from the place names on the right into the panel
        ax.axhline(lat, color="#e6e6e6", lw=0.8, zorder=0)
    drawn = None
    if found is not None:
        q, share = found
        ax.add_collection(atwar.band(x, q[0], q[4], color, atwar.alphas(share, 0.22), zorder=2))
        ax.add_collection(atwar.band(x, q[1], q[3], color, atwar.alphas(share, 0.55), zorder=3))
        for edge in (q[1], q[3]):  # the middle half stays visible even where it is thin
            ax.plot(x, edge, color=color, lw=0.7, alpha=0.9, zorder=4)
        ax.plot(x, q[2], color=color, lw=2.4, zorder=5, label=f"{title}: median")
        atwar.strip(sx, run, color, x, share, reference[1] if reference else None)
        drawn = ((x, q[2]), (x, 100 * share))
    else:
        _no_war(ax, color)
        sx.set_ylim(0, 105)
        sx.set_yticks([0, 50, 100])
    if reference is not None:
        ax.plot(*reference[0], color=REFERENCE_COLOR, lw=1.2, alpha=0.9, zorder=4)
    ax.plot(*history, color=HISTORY_COLOR, ls="--", lw=1.3, marker="o", ms=3.5, zorder=6)
    ax.set_title(wrap(f"{title}  ({worlds:,} worlds where the war started)", 90), color="#111111")
    ax.set_ylabel("front line (degrees north)")
    places = ax.secondary_yaxis("right")
    places.set_yticks(list(PLACES.values()), list(PLACES))
    places.tick_params(axis="y", length=3, labelsize=10, colors="#444444")
    ax.grid(axis="x", which="major", visible=True)
    ax.tick_params(axis="x", labelbottom=False)
    return drawn


def _no_war(ax, color: str) -> None:
    ax.text(
        0.5,
        0.12,
        "No world where the war started: no front line to show.",
        transform=ax.transAxes,
        ha="center",
        va="center",
        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": color},
    )


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
        "middle 50% of the worlds still at war (darker band)",
        "middle 90% of them (lighter band; both fade as wars end)",
        "historical front line (dated points)",
        "38th parallel",
    ]
    wide = any(len(text) > PAIRED_CHARS for text in labels)  # then one column, long titles wrapped
    fig.legend(handles, [wrap(text) for text in labels], loc="outside lower center", ncols=1 if wide else 2)


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
