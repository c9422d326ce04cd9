"""Figures of scenario discovery (the coverage/density trade-off) and of convergence (estimate against worlds)."""

from __future__ import annotations

import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.engine import dates
from sim.output.assumptions import NO_BOX, SAME
from sim.output.figures.common import wrap
from sim.output.figures.style import PALETTE, REFERENCE_COLOR, styled


@styled
def tradeoff(found) -> Figure:
    """Coverage against density along the trajectory, coloured by the number of restricted factors.

    ``found`` is a :class:`sim.analysis.discovery.Discovery`; the box reported is circled, and when none
    is reported the figure says why, in the words of the text report.
    """
    fig = Figure(figsize=(7.5, 5.0), layout="constrained")
    ax = fig.add_subplot()
    traj = found.trajectory
    if traj:
        cov = np.array([t["coverage"] for t in traj])
        den = np.array([t["density"] for t in traj])
        dims = np.array([t["res_dim"] for t in traj])
        points = ax.scatter(cov, den, c=dims, cmap="viridis", s=22, zorder=3)
        fig.colorbar(points, ax=ax, label="restricted factors")
        if found.method == "prim":
            ax.plot(cov, den, color=REFERENCE_COLOR, lw=0.8, zorder=2)
        if found.chosen is not None:
            pick = found.chosen
            ax.scatter(
                [cov[pick]],
                [den[pick]],
                s=160,
                facecolors="none",
                edgecolors=PALETTE[1],
                lw=2,
                zorder=4,
                label="box reported (before dropping non-significant restrictions)",
            )
            ax.legend(loc="upper right")
    if not found.boxes:
        _no_box(ax, NO_BOX if 0 < found.hits < found.runs else SAME)
    ax.axhline(found.base_rate, color=REFERENCE_COLOR, ls="--", lw=1)
    ax.annotate("all worlds", (0.02, found.base_rate), xycoords=("axes fraction", "data"), va="bottom", fontsize=9)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, max(1e-3, *(t["density"] for t in traj)) * 1.1 if traj else 1)
    ax.set_xlabel("coverage (share of the outcome's worlds inside the box)")
    ax.set_ylabel("density (share of the box's worlds with the outcome)")
    method = "PRIM peeling trajectory" if found.method == "prim" else "CART leaves"
    ax.set_title(wrap(f"{method}: {found.measure.text} ({found.scenario}, {found.runs:,} worlds)", 70))
    return fig


def _no_box(ax, why: str) -> None:
    """The text report's reason for reporting no box, in a framed note where it hides the least of the plot."""
    note = wrap(f"No box reported: {why}.", 45)
    ax.legend([Line2D([], [], ls="none")], [note], loc="best", handlelength=0, handletextpad=0, frameon=True)


@styled
def convergence(res) -> Figure:
    """The estimate and its 95% interval against the number of worlds (log scale).

    ``res`` is a :class:`sim.analysis.convergence.Result`.
    """
    fig = Figure(figsize=(7.5, 4.5), layout="constrained")
    ax = fig.add_subplot()
    n = np.array([p["n"] for p in res.curve])
    est = np.array([p["estimate"] for p in res.curve])
    lo = np.array([p["low"] for p in res.curve])
    hi = np.array([p["high"] for p in res.curve])
    scale = 100.0 if res.measure.kind == "share" else 1.0
    ax.fill_between(n, lo * scale, hi * scale, color=PALETTE[0], alpha=0.25, lw=0, label="95% interval")
    ax.plot(n, est * scale, color=PALETTE[0], marker="o", ms=3, label="estimate from the first n worlds")
    ax.axhline(est[-1] * scale, color=REFERENCE_COLOR, ls="--", lw=0.8)
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))  # 1,000 as text, never 10^3 as mathtext
    ax.xaxis.set_minor_formatter(ticker.NullFormatter())
    ax.set_xlabel("worlds (n)")
    unit = {"share": "% of worlds", "date": "date"}
    ax.set_ylabel(unit.get(res.measure.kind, res.measure.unit or res.measure.text))
    if res.measure.kind == "date":
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: dates.iso(round(v)) or ""))
    ax.set_title(wrap(f"{res.measure.text} ({res.scenario}): estimate against the number of worlds", 70))
    ax.legend(loc="best")
    return fig
