"""The decision graph as a figure: phases of the war left to right, one lane per decider, cut links in red.

Reads a graph built by :func:`sim.analysis.graph.build` (the output layer
draws what the analysis found; it never builds the graph itself). Points are
laid out by phase and time (:mod:`sim.output.graph_layout`) and labelled by
their titles, with the id a scenario file uses in small grey type beneath;
save it as SVG to zoom in without losing sharpness.

>>> from sim.analysis import graph
>>> from sim.output.graph_figure import draw, save
>>> save(draw(graph.build("china_refuses_12_oct")), "/tmp/graph.svg")
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from sim.analysis.graph import Link, case_nodes, context_variables, links, typical_days
from sim.output.graph_layout import label, lane_of, layout
from sim.output.kinds import figure_metadata

COLUMN_INCHES, LANE_INCHES = 1.05, 0.92  # room for a point and its label
# Paul Tol's "muted" scheme: nine colours distinct for the common colour blindnesses.
DECIDER_COLORS = {
    "kim": "#AA4499",
    "stalin": "#882255",
    "soviet_collective": "#CC6677",
    "mao": "#999933",
    "politburo": "#DDCC77",
    "truman": "#332288",
    "macarthur": "#88CCEE",
    "eisenhower": "#44AA99",
    "rhee": "#117733",
}
EXTRA_COLORS = ("#6699CC", "#EE8866", "#BBCC33")  # deciders added later, before a colour is chosen
CHANCE_COLOR, EVENT_COLOR = "#BBBBBB", "#777777"
CUT_COLOR = "#D00000"
MARKERS = {"decision": "o", "chance": "D", "event": "s"}


def _lane_of(attrs: dict) -> str:
    return lane_of(attrs)


def _color(key: str) -> str:
    if key in DECIDER_COLORS:
        return DECIDER_COLORS[key]
    if key == "chance":
        return CHANCE_COLOR
    if key == "event":
        return EVENT_COLOR
    return EXTRA_COLORS[sum(map(ord, key)) % len(EXTRA_COLORS)]


def _short_intervention(what: str) -> str:
    if what == "removed" or what.startswith("moved"):
        return what
    parts = []
    for rule in what.split("; "):
        mode, _, rest = rule.partition(" ")
        option = rest.split(" ")[0]
        parts.append(f"{ {'force': 'forced', 'forbid': 'forbidden'}.get(mode, mode) }: {option}")
    return ", ".join(dict.fromkeys(parts))


def draw(
    g: nx.DiGraph, title: str | None = None, figsize: tuple[float, float] | None = None, detail: bool = False
) -> Figure:
    """The points, chance nodes and events as a directed graph: phases and time left to right, one lane per decider.

    Links show what runs after what, or asks what was chosen (solid grey);
    with ``detail``, also which point last set a state another reads (dotted;
    the most common variables, :func:`sim.analysis.graph.context_variables`,
    are left out). A scenario's cut links are red and dashed. Text is never read as mathtext (a scenario's
    title may hold "$").
    """
    with mpl.rc_context({"text.parse_math": False}):
        return _draw(g, title, figsize, detail)


def _draw(g: nx.DiGraph, title: str | None, figsize: tuple[float, float] | None, detail: bool) -> Figure:
    pos, phases, lanes = layout(g, typical_days())
    nodes = case_nodes(g)
    x_hi = max(p.x1 for p in phases)
    if figsize is None:
        figsize = (2.2 + COLUMN_INCHES * (x_hi + 1), 2.6 + LANE_INCHES * len(lanes))
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    for spine in ax.spines.values():
        spine.set_visible(False)
    lane_y = {key: len(lanes) - 1 - i for i, (key, _) in enumerate(lanes)}
    for i, (key, _) in enumerate(lanes):
        if i % 2 == 0:
            ax.axhspan(lane_y[key] - 0.5, lane_y[key] + 0.5, color="#f4f4f4", zorder=0, lw=0)
    _phases(ax, phases, len(lanes))
    skip = context_variables(g)
    drawn = [k for k in links(g, skip) if detail or k.style == "schedule" or k.cut]
    _draw_links(ax, drawn, pos, dict(nodes))
    _draw_nodes(ax, nodes, pos)
    ax.set_xlim(phases[0].x0 - 0.1, x_hi + 0.1)
    ax.set_ylim(-0.62, len(lanes) - 0.1)
    ax.set_yticks([lane_y[k] for k, _ in lanes], [name for _, name in lanes])
    for tick in ax.get_yticklabels():
        tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0, labelsize=10)
    ax.set_xticks([])
    ax.set_xlabel(
        "time, phase by phase, left to right; within a phase the points come in the order they usually happen, "
        "and points stacked in one column happen at about the same time",
        fontsize=9,
    )
    ax.set_ylabel("who decides", fontsize=10)
    ax.grid(False)
    ax.set_title(_title(g, title), fontsize=13, fontweight="bold")  # centred: ax.get_title() returns it
    _legend(fig, lanes, drawn, nodes, detail)
    return fig


def _phases(ax, phases, n_lanes: int) -> None:
    """Phase headings above the lanes and thin separators between phases."""
    for k, p in enumerate(phases):
        ax.text(
            (p.x0 + p.x1) / 2,
            n_lanes - 0.45,
            f"{k + 1}. {p.heading}\n{p.span}",
            ha="center",
            va="bottom",
            fontsize=9.5,
            fontweight="bold",
            color="#222222",
        )
        if k:
            ax.axvline(p.x0 - 0.25, color="#bbbbbb", lw=1.0, ls=(0, (2, 2)), zorder=1)


def _link_style(link: Link, attrs: dict) -> dict:
    if link.cut:
        return {"color": CUT_COLOR, "lw": 1.5, "alpha": 0.9, "linestyle": (0, (4, 2)), "zorder": 4}
    if link.style == "schedule":
        return {"color": "#444444", "lw": 1.0, "alpha": 0.7, "linestyle": "-", "zorder": 3}
    color = _color(_lane_of(attrs[link.source]))
    return {"color": color, "lw": 0.9, "alpha": 0.45, "linestyle": (0, (1, 1.5)), "zorder": 2}


def _draw_links(ax, drawn: list[Link], pos: dict, attrs: dict) -> None:
    """Arrows between points; a cut link is red and dashed, with an X near the intervened end."""
    for link in sorted(drawn, key=lambda k: (k.cut, k.style == "schedule")):
        (x1, y1), (x2, y2) = pos[link.source], pos[link.target]
        rad = (-0.25 if y1 == y2 else 0.12) * (1 if x2 >= x1 else -1)
        if link.cut and y1 != y2:
            rad = 0.0
        ax.add_patch(
            FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                arrowstyle="-|>",
                mutation_scale=9,
                connectionstyle=f"arc3,rad={rad}",
                shrinkA=8,
                shrinkB=9,
                **_link_style(link, attrs),
            )
        )
        if link.cut:  # the marker sits on the link, near the intervened end
            t = 0.7 if rad == 0 else 0.5
            mx, my = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
            if rad:
                mx, my = mx + 0.5 * rad * (y2 - y1), my - 0.5 * rad * (x2 - x1)
            ax.plot(mx, my, marker="X", ms=8, color=CUT_COLOR, mec="white", mew=0.7, zorder=5)


def _draw_nodes(ax, nodes: list[tuple[str, dict]], pos: dict) -> None:
    """One marker per point in its decider's colour (white and crossed if removed); its title below, its id
    in small grey type, and a scenario's intervention in red above."""
    box = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8}
    small = {"boxstyle": "round,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.7}
    for node_id, d in nodes:
        x, y = pos[node_id]
        what = d.get("intervention")
        removed = what == "removed"
        face = "white" if removed else _color(_lane_of(d))
        edge, width = (CUT_COLOR, 3.0) if what else ("black", 0.8)
        ax.scatter(
            [x], [y], s=200, marker=MARKERS.get(d["kind"], "o"), c=[face], edgecolors=edge, linewidths=width, zorder=6
        )
        if removed:
            ax.plot(x, y, marker="x", ms=9, color=CUT_COLOR, mew=2.0, zorder=7)
        text = ax.text(x, y - 0.13, label(d), ha="center", va="top", fontsize=7.2, zorder=8, bbox=box, color="#111111")
        ax.annotate(
            node_id,
            xy=(0.5, 0.0),
            xycoords=text,
            xytext=(0, -1),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=5.5,
            color="#777777",
            zorder=8,
            bbox=small,
        )
        if what:
            ax.text(
                x,
                y + 0.14,
                _short_intervention(what),
                ha="center",
                va="bottom",
                fontsize=7.2,
                color=CUT_COLOR,
                fontweight="bold",
                zorder=8,
                bbox=box,
            )


def _title(g: nx.DiGraph, title: str | None) -> str:
    if title is not None:
        return title
    title = "How the decisions of the Korean War depend on one another: who decides, and what each choice follows"
    scenario = g.graph.get("scenario")
    if scenario:
        title += f"\nScenario '{scenario}': {g.graph.get('scenario_title') or ''}"
    return title


def _legend(fig: Figure, lanes, drawn: list[Link], nodes, detail: bool) -> None:
    handles = [
        Line2D([], [], ls="", marker="o", ms=9, mfc=_color(k), mec="black", mew=0.6, label=name)
        for k, name in lanes
        if k not in ("event", "chance")
    ]
    handles += [
        Line2D([], [], ls="", marker="D", ms=8, mfc=CHANCE_COLOR, mec="black", mew=0.6, label="chance node"),
        Line2D([], [], ls="", marker="s", ms=8, mfc=EVENT_COLOR, mec="black", mew=0.6, label="event"),
        Line2D([], [], color="#444444", lw=1.2, label="runs after it, or asks what it chose"),
    ]
    if detail:
        handles.append(Line2D([], [], color="#777777", lw=1.0, ls=(0, (1, 1.5)), label="reads a state it set last"))
    if any(link.cut for link in drawn) or any(d.get("intervention") for _, d in nodes):
        handles += [
            Line2D([], [], color=CUT_COLOR, lw=1.5, ls=(0, (4, 2)), marker="X", ms=7, label="link cut by do()"),
            Line2D([], [], ls="", marker="o", ms=9, mfc="white", mec=CUT_COLOR, mew=2.5, label="intervened point"),
        ]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 8), frameon=False, fontsize=9)


def save(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` to ``path`` (.png at 150 dpi, .svg or .pdf; its metadata names this tool); the folder
    is created if needed."""
    path = Path(path)
    fmt = path.suffix[1:].lower()
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"{path}: unsupported figure format {path.suffix!r}; use .png, .svg or .pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    with mpl.rc_context({"svg.fonttype": "none"}):  # SVG text stays text: sharp and searchable when zoomed
        fig.savefig(path, format=fmt, dpi=150, facecolor="white", metadata=figure_metadata(fmt))
    return path
