"""Sensitivity figures: factor indices as bars with 95% intervals, and the same per leader (grouped design)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from sim.output.figures.common import wrap
from sim.output.figures.style import PALETTE, REFERENCE_COLOR, styled


def _bars(ax, labels, first, first_half, total, total_half, names: tuple[str, str]) -> None:
    y = np.arange(len(labels))
    h = 0.38
    if first is not None:
        ax.barh(y - h / 2, first, h, xerr=first_half, color=PALETTE[0], label=names[0], error_kw={"lw": 0.8})
        ax.barh(y + h / 2, total, h, xerr=total_half, color=PALETTE[1], label=names[1], error_kw={"lw": 0.8})
    else:
        ax.barh(y, total, 2 * h, xerr=total_half, color=PALETTE[1], label=names[1], error_kw={"lw": 0.8})
    ax.set_yticks(y, labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.axvline(0, color=REFERENCE_COLOR, lw=0.8)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)


@styled
def indices(res, top: int = 20) -> Figure:
    """Bars of the top factors' indices (first-order and total, or mu*) and of each group's.

    ``res`` is a :class:`sim.analysis.sensitivity.Result`.
    """
    order = res.ranking()[: top if top > 0 else None]
    groups = list(np.argsort(-res.group_indices[res.key], kind="stable"))
    height = 1.6 + 0.28 * (len(order) + len(groups))
    fig = Figure(figsize=(9.0, height), layout="constrained")
    rows = [max(len(order), 1), len(groups)] if groups else [1]  # one group: no grouped design
    axes = fig.subplots(len(rows), 1, height_ratios=rows, squeeze=False)[:, 0]
    sobol = res.method == "sobol"
    names = ("first-order", "total") if sobol else ("", "mu* (Morris)")
    panels = [(axes[0], res.indices, [res.factors[i].name for i in order], order)]
    if groups:
        panels.append((axes[1], res.group_indices, [res.group_names[i] for i in groups], groups))
    for ax, idx, labels, pick in panels:
        if sobol:
            _bars(
                ax,
                labels,
                idx["S1"][pick],
                idx["S1_conf"][pick],
                idx["ST"][pick],
                idx["ST_conf"][pick],
                names,
            )
        else:
            _bars(ax, labels, None, None, idx["mu_star"][pick], idx["mu_star_conf"][pick], names)
    axes[0].set_title(f"Factors, most influential first (top {len(order)} of {len(res.factors)})")
    if groups:
        axes[1].set_title("By leader and kind of parameter (grouped design)")
    axes[0].legend(loc="lower right")
    unit = "share of variance" if sobol else f"mean |effect| ({res.measure.scale_unit})"
    axes[-1].set_xlabel(unit)
    method = "Sobol indices" if sobol else "Morris screening"
    title = f"{method} of {res.measure.text} ({res.scenario}; {res.samples} samples x {res.worlds} worlds)"
    fig.suptitle(wrap(title, 75))
    return fig
