"""Figure 1: the share of worlds with each outcome, per scenario, with 95% intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from sim.case import outcomes
from sim.output.figures.common import check, legend_columns, legend_title, pct, percent_axis, share, titles
from sim.output.figures.style import label, scenario_colors, styled
from sim.output.runs import Run

PANELS = (
    ("What happened (share of all worlds)", tuple(outcomes.BOOLEAN)),
    ("How the war ended (share of all worlds)", tuple(outcomes.FINAL)),
)


@styled
def outcome_shares(runs: Sequence[Run], values: bool | None = None) -> Figure:
    """Share of worlds with each outcome, per scenario, with 95% Wilson intervals.

    Top panel: the boolean outcomes (``sim.case.outcomes.BOOLEAN``); bottom
    panel: how the war ended (``sim.case.outcomes.FINAL``). Bars are grouped
    per outcome, one colour per scenario; the first run is the reference.
    ``values`` writes each share beside its bar (default: up to 3 scenarios).
    """
    runs = check(runs)
    k = len(runs)
    values = k <= 3 if values is None else values
    row = 0.24 + 0.2 * k  # inches per outcome row
    fig = Figure(figsize=(9.0, 1.6 + row * sum(len(keys) for _, keys in PANELS)), layout="constrained")
    grid = fig.add_gridspec(2, 1, height_ratios=[len(keys) for _, keys in PANELS])
    first = None
    for p, (panel_title, keys) in enumerate(PANELS):
        ax = fig.add_subplot(grid[p], sharex=first)
        first = first or ax
        _bars(ax, runs, p, keys, values)
        ax.set_yticks(np.arange(len(keys)), [label(key) for key in keys])
        ax.set_ylim(len(keys) - 0.5, -0.5)  # first outcome on top
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.set_title(panel_title)
        ax.set_xlim(0, 112 if values else 100)
        ax.set_xticks(np.arange(0, 101, 20))
        percent_axis(ax.xaxis)
    ax.set_xlabel("share of worlds (%); bars show 95% intervals")
    handles, labels = first.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=legend_columns(k))
    fig.suptitle("Outcomes of the simulated worlds" if k == 1 else "Outcomes of the simulated worlds, by scenario")
    return fig


def _counts(run: Run, panel: int, keys: Sequence[str]) -> list[int]:
    """Worlds with each boolean outcome (panel 0) or each final outcome (panel 1)."""
    if panel == 0:
        return [int(np.count_nonzero(run.columns[key])) for key in keys]
    final = run.columns["final_outcome"]
    return [int(np.count_nonzero(final == i)) for i in range(len(keys))]


def _bars(ax, runs: list[Run], panel: int, keys: Sequence[str], values: bool) -> None:
    """One bar per outcome and scenario, with its interval and (optionally) its value."""
    k, colors = len(runs), scenario_colors(len(runs))
    height = 0.8 / k
    for j, (run, color, title) in enumerate(zip(runs, colors, titles(runs), strict=True)):
        stats = np.array([share(c, run.n) for c in _counts(run, panel, keys)]) * 100
        y = np.arange(len(keys)) + (j - (k - 1) / 2) * height
        ax.barh(
            y,
            stats[:, 0],
            height=height * 0.9,
            color=color,
            label=legend_title(f"{title}, {run.n:,} worlds", k),
            xerr=np.clip([stats[:, 0] - stats[:, 1], stats[:, 2] - stats[:, 0]], 0, None),
            error_kw={"ecolor": "black", "elinewidth": 0.9, "capsize": 2.5, "capthick": 0.9},
        )
        if values:
            for yy, (value, _, hi) in zip(y, stats, strict=True):
                ax.text(hi + 1.2, yy, pct(value / 100), va="center", ha="left", fontsize=10, color="#222222")
