"""Figure 4: how the worlds flow through the stages of the war, and how it ended."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from sim.case import outcomes
from sim.output.figures.common import check, legend_columns, legend_lines, legend_title, pct, percent_axis, titles
from sim.output.figures.style import ENDINGS, STAGES, label, scenario_colors, styled
from sim.output.runs import Run

GAP = 0.6  # extra space between the stages and the endings
LEGEND_LINE = 0.21  # inches per line of the legend: the figure grows with it, so the bars keep their height


def _stage_share(run: Run, key: str, stage_shares: dict | None) -> float | None:
    """The share of worlds that reached a stage (an override first), or None if unknown."""
    override = (stage_shares or {}).get(run.name, {})
    if key in override:
        return float(override[key])
    if key in run.columns:
        return float(np.count_nonzero(run.columns[key])) / run.n if run.n else 0.0
    return None


@styled
def paths(runs: Sequence[Run], stage_shares: dict[str, dict[str, float]] | None = None) -> Figure:
    """How worlds flow through the stages of the war, and how it ended: shares of all worlds.

    One bar group per stage (invasion, US intervention, UN crosses the 38th,
    China enters) and per ending, one bar per scenario. ``stage_shares``
    (scenario name -> stage key -> share) overrides or supplies a stage's
    share; "UN crosses the 38th" is shown when some run has a ``un_crossed_38th``
    column or an override for it, and left out otherwise.
    """
    runs = check(runs)
    k = len(runs)
    stages = [
        (key, text) for key, text in STAGES if any(_stage_share(run, key, stage_shares) is not None for run in runs)
    ]
    endings = [(name, ENDINGS.get(name, label(name))) for name in outcomes.FINAL]
    groups = len(stages) + len(endings)
    centres = np.concatenate([np.arange(len(stages)), np.arange(len(endings)) + len(stages) + GAP])
    names = [legend_title(title, k) for title in titles(runs)]
    height = 5.6 + LEGEND_LINE * (legend_lines(names, legend_columns(k)) - 1)

    fig = Figure(figsize=(max(10.0, 1.0 + groups * (0.55 + 0.22 * k)), height), layout="constrained")
    ax = fig.add_subplot()
    _bars(ax, runs, names, stages, len(endings), centres, stage_shares)
    ax.set_xticks(centres, [text for _, text in stages] + [text for _, text in endings])
    ax.tick_params(axis="x", length=0)
    ax.grid(axis="x", visible=False)
    ax.set_ylim(0, 118 if k > 1 else 110)
    ax.set_yticks(np.arange(0, 101, 20))
    percent_axis(ax.yaxis)
    ax.set_ylabel("share of all worlds (%)")
    split = len(stages) - 0.5 + GAP / 2
    ax.axvline(split, color="#999999", lw=1.0)
    ax.set_xlim(centres[0] - 0.6, centres[-1] + 0.6)
    trans = ax.get_xaxis_transform()
    ax.text(centres[0] - 0.5, 1.02, "Stages the worlds pass through  →", transform=trans, ha="left", va="bottom")
    ax.text(split + 0.1, 1.02, "How the war ended", transform=trans, ha="left", va="bottom")
    fig.legend(loc="outside lower center", ncols=legend_columns(k))
    fig.suptitle("Paths of the worlds: share reaching each stage of the war, and each ending")
    return fig


def _bars(ax, runs: list[Run], names: list[str], stages, endings: int, centres: np.ndarray, stage_shares) -> None:
    """One bar per group and scenario, labelled with its share ("n/a" when unknown)."""
    k = len(runs)
    width = 0.82 / k
    for j, (run, color, name) in enumerate(zip(runs, scenario_colors(k), names, strict=True)):
        shares = [_stage_share(run, key, stage_shares) for key, _ in stages]
        final = np.asarray(run.columns["final_outcome"])
        shares += [float(np.count_nonzero(final == i)) / run.n if run.n else 0.0 for i in range(endings)]
        x = centres + (j - (k - 1) / 2) * width
        heights = [100 * s if s is not None else 0.0 for s in shares]
        bars = ax.bar(x, heights, width=width * 0.92, color=color, label=name)
        for bar, s in zip(bars, shares, strict=True):
            ax.annotate(
                "n/a" if s is None else pct(s),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=10,
                rotation=90 if k > 1 else 0,
            )
