"""Figure 5: paired effects against the baseline, a forest plot with 95% intervals."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure

from sim.output.figures.common import legend_columns, legend_title
from sim.output.figures.style import SHARE_OUTCOMES, label, scenario_colors, styled


@styled
def effects(
    effects: dict[str, dict[str, dict]],
    titles: dict[str, str],
    colors: dict[str, str] | None = None,
    rows: Sequence[str] | None = None,
) -> Figure:
    """Forest plot of paired effects against the baseline, with 95% intervals.

    ``effects`` maps scenario name -> outcome name -> ``{"diff": d, "ci": [lo, hi]}``
    with shares in [-1, 1] (drawn as percentage points); ``titles`` maps
    scenario names to titles. Colours default to the order of ``effects``
    after the reference grey, as when the runs are [baseline, *scenarios].

    ``rows`` chooses the outcomes (in order). By default: every share
    outcome present (booleans, ``un_crossed_38th``, final-outcome categories),
    leaving out outcomes that no scenario changed in any world (named in a
    note above the plot) and entries that are not shares (``war_months``).
    """
    names = list(effects)
    if not names:
        raise ValueError("no effects to plot.")
    default = scenario_colors(len(names) + 1)[1:]
    colors = {name: (colors or {}).get(name, default[i]) for i, name in enumerate(names)}
    unchanged: list[str] = []
    if rows is None:
        present = [o for o in SHARE_OUTCOMES if any(o in effects[name] for name in names)]
        unchanged = [o for o in present if all(_no_effect(effects[name].get(o)) for name in names)]
        rows = [o for o in present if o not in unchanged]
    rows = list(rows)
    k = len(names)

    fig = Figure(figsize=(9.0, 2.2 + max(len(rows), 1) * (0.3 + 0.1 * k) + 0.25 * k), layout="constrained")
    ax = fig.add_subplot()
    _notes(ax, unchanged, rows)
    lows, highs = _series(ax, effects, names, rows, colors, titles)
    ax.axvline(0, color="black", lw=1.0, zorder=2)
    ax.set_yticks(np.arange(len(rows)), [label(o) for o in rows])
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    span = max(max(highs) - min(lows), 2.0)
    ax.set_xlim(min(lows) - 0.06 * span, max(highs) + 0.06 * span)
    ax.xaxis.set_major_formatter(
        ticker.FuncFormatter(lambda v, _: f"{v:+g}".replace("-", "\u2212") if abs(v) > 1e-9 else "0")
    )
    ax.set_xlabel("paired effect vs. baseline (percentage points)")
    fig.legend(loc="outside lower center", ncols=legend_columns(k))
    fig.suptitle("Paired effects against the baseline, with 95% intervals")
    return fig


def _notes(ax, unchanged: list[str], rows: list[str]) -> None:
    """Name the outcomes left out; say so when nothing changed; shade every other row."""
    if unchanged:
        note = "Not shown (no world changed): " + ", ".join(label(o) for o in unchanged) + "."
        ax.set_title(textwrap.fill(note, 95), fontsize=10, color="#444444")
    if not rows:
        ax.text(
            0.5,
            0.5,
            "No share outcome changed in any world.",
            transform=ax.transAxes,
            ha="center",
            va="center",
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#999999"},
            zorder=5,
        )
    for r in range(0, len(rows), 2):
        ax.axhspan(r - 0.5, r + 0.5, color="#f2f2f2", lw=0, zorder=0)


def _series(ax, effects, names, rows, colors, titles) -> tuple[list[float], list[float]]:
    """One point-and-interval series per scenario; returns every low and high drawn (with 0)."""
    k = len(names)
    step = 0.7 / k if k > 1 else 0.0
    lows, highs = [0.0], [0.0]
    for j, name in enumerate(names):
        ys, xs, err = [], [], [[], []]
        for r, outcome in enumerate(rows):
            effect = effects[name].get(outcome)
            if effect is None:
                continue
            d = 100 * float(effect["diff"])
            lo, hi = (100 * float(v) for v in effect.get("ci", (effect["diff"], effect["diff"])))
            ys.append(r + (j - (k - 1) / 2) * step)
            xs.append(d)
            err[0].append(max(d - lo, 0.0))
            err[1].append(max(hi - d, 0.0))
            lows.append(lo)
            highs.append(hi)
        ax.errorbar(
            xs,
            ys,
            xerr=err,
            fmt="o",
            ms=6,
            color=colors[name],
            ecolor=colors[name],
            elinewidth=1.8,
            capsize=3,
            label=legend_title(titles.get(name, name), k),
            zorder=3,
        )
    return lows, highs


def _no_effect(effect: dict | None) -> bool:
    """True if an effect is absent or exactly zero with a zero-width interval (no world changed)."""
    if effect is None:
        return True
    values = [effect["diff"], *effect.get("ci", ())]
    return all(float(v) == 0.0 for v in values)
