"""The decision graph as a figure: causal order left to right, one lane per decider, cut links in red.

Reads a graph built by :func:`sim.analysis.graph.build` (the output layer
draws what the analysis found; it never builds the graph itself).

>>> from sim.analysis import graph
>>> from sim.output.graph_figure import draw, save
>>> save(draw(graph.build("china_refuses_12_oct")), "/tmp/graph.png")
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from sim import case
from sim.analysis.graph import Link, case_nodes, context_variables, decider_name, links
from sim.engine import dates

# Deciders top to bottom: events, the Communist side, the UN side, chance.
LANE_ORDER = ("kim", "stalin", "soviet_collective", "mao", "politburo", "truman", "macarthur", "eisenhower", "rhee")
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


def _lanes(g: nx.DiGraph) -> list[tuple[str, str]]:
    """(lane key, lane label) top to bottom: events, deciders in LANE_ORDER, other deciders, chance."""
    present = {d["decider"] for _, d in case_nodes(g) if d["kind"] == "decision"}
    kinds = {d["kind"] for _, d in case_nodes(g)}
    keys = [k for k in LANE_ORDER if k in present] + sorted(present - set(LANE_ORDER))
    lanes = [("event", "Events")] if "event" in kinds else []
    lanes += [(k, decider_name(k)) for k in keys]
    if "chance" in kinds:
        lanes.append(("chance", "Chance"))
    return lanes


def _lane_of(attrs: dict) -> str:
    return attrs["decider"] if attrs["kind"] == "decision" else attrs["kind"]


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


class _Labels:
    """Greedy label placement: per lane, the first few slots above or below a node where its labels fit.

    A node's labels (its id, then an intervention note) go on one side, the id nearest the node.
    """

    NEAR, FAR = 0.2, 0.37

    def __init__(self, units_per_char: float) -> None:
        self.per_char = units_per_char
        self.taken: dict[tuple[float, float], list[tuple[float, float]]] = defaultdict(list)

    def _span(self, x: float, text: str) -> tuple[float, float]:
        half = 0.5 * self.per_char * len(text) + 0.1
        return x - half, x + half

    def place(self, x: float, y: float, texts: list[str]) -> list[float]:
        if len(texts) == 1:
            options = [(-self.NEAR,), (self.NEAR,), (-self.FAR,), (self.FAR,)]
        else:
            options = [(-self.NEAR, -self.FAR), (self.NEAR, self.FAR)]
        spans = [self._span(x, t) for t in texts]
        best, best_overlap = options[0], None
        for slots in options:
            overlap = sum(
                max(0.0, min(hi, b) - max(lo, a))
                for (lo, hi), dy in zip(spans, slots, strict=True)
                for a, b in self.taken[(y, dy)]
            )
            if overlap == 0:
                best = slots
                break
            if best_overlap is None or overlap < best_overlap:
                best, best_overlap = slots, overlap
        for span, dy in zip(spans, best, strict=True):
            self.taken[(y, dy)].append(span)
        return list(best)


def draw(g: nx.DiGraph, title: str | None = None, figsize: tuple[float, float] = (18, 9)) -> Figure:
    """The points, chance nodes and events as a directed graph: causal order left to right, one lane per decider.

    State variables are collapsed into links between points (see
    :func:`sim.analysis.graph.links`); links through the most common variables
    (:func:`sim.analysis.graph.context_variables`) are left out.
    """
    nodes = case_nodes(g)
    lanes = _lanes(g)
    lane_y = {key: len(lanes) - 1 - i for i, (key, _) in enumerate(lanes)}
    pos = {n: (float(d["order"]), float(lane_y[_lane_of(d)])) for n, d in nodes}
    xs = [p[0] for p in pos.values()] or [0.0]
    x_lo, x_hi = min(xs) - 1.0, max(xs) + 1.0

    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    for spine in ax.spines.values():
        spine.set_visible(False)
    for i, (key, _) in enumerate(lanes):
        if i % 2 == 0:
            ax.axhspan(lane_y[key] - 0.5, lane_y[key] + 0.5, color="#f2f2f2", zorder=0, lw=0)

    skip = context_variables(g)
    drawn = links(g, skip)
    _draw_links(ax, drawn, pos, dict(nodes))
    labels = _Labels(units_per_char=(x_hi - x_lo) / (figsize[0] * 0.84) * 7.5 * 0.6 / 72)
    _draw_nodes(ax, nodes, pos, labels)
    _axes(ax, nodes, lanes, lane_y, pos, (x_lo, x_hi))
    ax.set_title(_title(g, title), fontsize=13, fontweight="bold")  # centred: ax.get_title() returns it
    _legend(fig, lanes, drawn, nodes, skip)
    return fig


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
        bend = -0.3 if y1 == y2 else 0.1
        rad = 0.0 if link.cut and y1 != y2 else bend * (1 if x2 >= x1 else -1)
        ax.add_patch(
            FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                arrowstyle="-|>",
                mutation_scale=9,
                connectionstyle=f"arc3,rad={rad}",
                shrinkA=7,
                shrinkB=8,
                **_link_style(link, attrs),
            )
        )
        if link.cut:  # the marker sits on the link, near the intervened end
            t = 0.7 if rad == 0 else 0.5
            mx, my = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
            if rad:
                mx, my = mx + 0.5 * rad * (y2 - y1), my - 0.5 * rad * (x2 - x1)
            ax.plot(mx, my, marker="X", ms=8, color=CUT_COLOR, mec="white", mew=0.7, zorder=5)


def _draw_nodes(ax, nodes: list[tuple[str, dict]], pos: dict, labels: _Labels) -> None:
    """One marker per point in its decider's colour (white and crossed if removed), its id and intervention."""
    box = {"boxstyle": "round,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.75}
    for node_id, d in nodes:
        x, y = pos[node_id]
        what = d.get("intervention")
        removed = what == "removed"
        face = "white" if removed else _color(_lane_of(d))
        edge, width = (CUT_COLOR, 3.0) if what else ("black", 0.8)
        marker = MARKERS.get(d["kind"], "o")
        ax.scatter([x], [y], s=230, marker=marker, c=[face], edgecolors=edge, linewidths=width, zorder=6)
        if removed:
            ax.plot(x, y, marker="x", ms=9, color=CUT_COLOR, mew=2.0, zorder=7)
        texts = [node_id] + ([_short_intervention(what)] if what else [])
        for i, (text, dy) in enumerate(zip(texts, labels.place(x, y, texts), strict=True)):
            style = {"color": CUT_COLOR, "fontweight": "bold"} if i else {"color": "#111111"}
            va = "bottom" if dy > 0 else "top"
            ax.text(x, y + dy, text, ha="center", va=va, fontsize=7.5, zorder=8, bbox=box, **style)


def _axes(ax, nodes, lanes, lane_y: dict, pos: dict, xlim: tuple[float, float]) -> None:
    """Lanes as y ticks, the fixed dates of dated points as x ticks, axis labels."""
    ax.set_xlim(*xlim)
    ax.set_ylim(-0.55, len(lanes) - 0.45)
    ax.set_yticks([lane_y[k] for k, _ in lanes], [label for _, label in lanes])
    for tick in ax.get_yticklabels():
        tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0, labelsize=10)
    dated = [(pos[n][0], d["start"]) for n, d in nodes if d["start"] != case.EARLY and _days(d) <= 62]
    ax.set_xticks([x for x, _ in dated], [dates.date(dates.day(s)).strftime("%b\n'%y") for _, s in dated])
    ax.tick_params(axis="x", labelsize=8, length=3, colors="#555555")
    ax.set_xlabel(
        "causal order of the points (sim/case.py), earlier → later; dates under the axis are the fixed dates "
        "of dated points (most points have no fixed date: they follow from earlier ones)",
        fontsize=9,
    )
    ax.set_ylabel("who decides", fontsize=10)
    ax.grid(False)


def _title(g: nx.DiGraph, title: str | None) -> str:
    if title is not None:
        return title
    title = "How the decisions of the Korean War depend on one another: who decides, and what each choice follows"
    scenario = g.graph.get("scenario")
    if scenario:
        title += f"\nScenario '{scenario}': {g.graph.get('scenario_title') or ''}"
    return title


def _legend(fig: Figure, lanes, drawn: list[Link], nodes, skip) -> None:
    handles = [
        Line2D([], [], ls="", marker="o", ms=9, mfc=_color(k), mec="black", mew=0.6, label=label)
        for k, label in lanes
        if k not in ("event", "chance")
    ]
    handles += [
        Line2D([], [], ls="", marker="D", ms=8, mfc=CHANCE_COLOR, mec="black", mew=0.6, label="chance node"),
        Line2D([], [], ls="", marker="s", ms=8, mfc=EVENT_COLOR, mec="black", mew=0.6, label="event"),
        Line2D([], [], color="#444444", lw=1.2, label="runs after it, or asks what it chose"),
        Line2D([], [], color="#777777", lw=1.0, ls=(0, (1, 1.5)), label="reads a state it set last"),
    ]
    if any(link.cut for link in drawn) or any(d.get("intervention") for _, d in nodes):
        handles += [
            Line2D([], [], color=CUT_COLOR, lw=1.5, ls=(0, (4, 2)), marker="X", ms=7, label="link cut by do()"),
            Line2D([], [], ls="", marker="o", ms=9, mfc="white", mec=CUT_COLOR, mew=2.5, label="intervened point"),
        ]
    legend = fig.legend(handles=handles, loc="outside lower center", ncol=8, frameon=False, fontsize=9)
    if skip:
        note = "Not drawn as links (read almost everywhere, or moved every week by the military model): "
        legend.set_title(note + ", ".join(skip), prop={"size": 8.5})


def _days(attrs: dict) -> int:
    return dates.day(attrs["end"]) - dates.day(attrs["start"])


def save(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` to ``path`` (.png at 150 dpi, .svg or .pdf); the folder is created if needed."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise ValueError(f"{path}: unsupported figure format {path.suffix!r}; use .png, .svg or .pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=150, facecolor="white")
    return path
