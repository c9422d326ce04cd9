"""Which worlds are still at war in each month, and the bands of the front line over them.

A world's front line stops meaning anything once its war is over (an
armistice freezes it, a conquest pins it to the Yalu or to Pusan), so the fan
chart draws its bands only over the worlds still at war that month, fading
them with the share of worlds still at war and stopping them when too few
are left (:data:`MIN_SHARE`). The strip under each panel shows that share
month by month, with the median day the wars ended.
"""

from __future__ import annotations

import warnings

import numpy as np
from matplotlib import colors as mcolors
from matplotlib import dates as mdates
from matplotlib.collections import PolyCollection

from sim.output.figures.common import as_dates
from sim.output.runs import Run

MIN_SHARE = 0.03  # bands stop when fewer than 3% of the worlds where the war started are still at war
MIN_ALPHA = 0.25  # a faded band keeps this share of its full opacity at MIN_SHARE


def at_war(run: Run, months: np.ndarray) -> np.ndarray:
    """(worlds, months) bool: the war had started by the month's first day and had not yet ended."""
    c = run.columns
    started = np.asarray(c["war_started"], dtype=bool)
    start = np.asarray(c.get("war_start_date", np.zeros(run.n, np.int32)))
    end = np.asarray(c.get("war_end_date", np.full(run.n, -1, np.int32)))
    m = np.asarray(months)[None, :]
    began = started[:, None] & (start[:, None] <= m)
    over = (end[:, None] >= 0) & (end[:, None] <= m)
    return began & ~over


def share_at_war(run: Run, months: np.ndarray) -> np.ndarray:
    """Share of the worlds where the war started that are still at war on each month's first day."""
    started = int(np.count_nonzero(run.columns["war_started"]))
    return at_war(run, months).sum(axis=0) / started if started else np.zeros(len(months))


def percentiles(run: Run, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(5 quantiles x months over the worlds at war, share at war per month), or None if no war started."""
    months = np.asarray(run.months)[keep]
    if not np.any(run.columns["war_started"]):
        return None
    live = at_war(run, months)
    front = np.where(live, np.asarray(run.front, dtype=float)[:, keep], np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # months with no world at war stay NaN
        q = np.nanpercentile(front, [5, 25, 50, 75, 95], axis=0)
    share = share_at_war(run, months)
    q[:, share < MIN_SHARE] = np.nan
    return q, share


def alphas(share: np.ndarray, full: float) -> np.ndarray:
    """Opacity per month: ``full`` while most worlds are at war, fading towards MIN_ALPHA x full."""
    return full * np.clip(MIN_ALPHA + (1 - MIN_ALPHA) * share, MIN_ALPHA, 1.0)


def band(x, lo: np.ndarray, hi: np.ndarray, color: str, alpha: np.ndarray, zorder: int) -> PolyCollection:
    """A band between ``lo`` and ``hi`` as one quadrilateral per month, each with its own opacity;
    months with no value (NaN) are left out, so the band stops where the wars end."""
    xs = mdates.date2num(list(x))
    verts, faces = [], []
    rgb = mcolors.to_rgb(color)
    for i in range(len(xs) - 1):
        if np.isnan(lo[i : i + 2]).any() or np.isnan(hi[i : i + 2]).any():
            continue
        verts.append([(xs[i], lo[i]), (xs[i + 1], lo[i + 1]), (xs[i + 1], hi[i + 1]), (xs[i], hi[i])])
        faces.append((*rgb, float(alpha[i])))
    return PolyCollection(verts, facecolors=faces, edgecolors="none", zorder=zorder)


def last_month(runs: list[Run], lo_day: int) -> int | None:
    """The last month (day number) in which some run has at least MIN_SHARE of its wars going on."""
    last = None
    for run in runs:
        months = np.asarray(run.months)
        share = share_at_war(run, months)
        going = months[(share >= MIN_SHARE) & (months >= lo_day)]
        if going.size:
            last = int(going.max()) if last is None else max(last, int(going.max()))
    return last


def war_end_quartiles(run: Run) -> list[int] | None:
    """Quartiles (day numbers) of the day the war ended, over the worlds where it started and ended."""
    c = run.columns
    end = np.asarray(c.get("war_end_date", c["armistice_date"]))
    ended = end[np.asarray(c["war_started"], dtype=bool) & (end >= 0)]
    return [int(d) for d in np.percentile(ended, [25, 50, 75])] if ended.size else None


def strip(ax, run: Run, color: str, x, share: np.ndarray, reference=None) -> None:
    """The share of worlds still at war, month by month, and the median day the wars ended."""
    ax.fill_between(x, 100 * share, color=color, alpha=0.35, lw=0, step="post")
    ax.step(x, 100 * share, where="post", color=color, lw=1.4)
    if reference is not None:
        ax.step(*reference, where="post", color="#404040", lw=0.9, alpha=0.8)
    q = war_end_quartiles(run)
    if q:
        lo, mid, hi = as_dates(q)
        ax.axvspan(lo, hi, ymin=0.0, ymax=1.0, color=color, alpha=0.12, lw=0)
        ax.axvline(mid, color=color, lw=1.6, ls="-")
        ax.annotate(
            f"half the wars over by {mid:%b %Y}",
            xy=(mid, 100),
            xytext=(5, -3),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=9,
            color="#111111",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=6,
        )
    ax.set_ylim(0, 105)
    ax.set_yticks([0, 50, 100])
    ax.set_ylabel("still at\nwar (%)", fontsize=9)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", which="major", visible=True)
