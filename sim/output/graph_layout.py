"""Where the decision graph's figure puts each point: by phase and time left to right, by decider top to bottom.

The phases are the case's phase modules (``sim/case/approval.py`` ...
``armistice.py``), in the order of the war. Within a phase, points are taken
in the order they usually happen (their median first day in the baseline,
:func:`sim.analysis.graph.typical_days`) and packed into columns: a point
goes one column right of the previous point of its decider, and never left
of a point that clearly comes before it (by more than :data:`SAME_TIME`
days), so time runs left to right and points stacked in one column happen
at about the same time. Each point
has its own column slot in its lane, so labels never overlap.
"""

from __future__ import annotations

import importlib
import textwrap
from dataclasses import dataclass

from sim import case
from sim.analysis.graph import case_nodes, decider_name
from sim.engine import dates

SAME_TIME = 45  # days: points this close share a column (when their lanes differ)
PHASE_GAP = 0.5  # columns of space between two phases
# (module of sim/case, heading): the phases of the war in order
PHASES = (
    ("approval", "Stalin's approval"),
    ("intervention", "The UN intervenes"),
    ("october", "October 1950: the crisis"),
    ("entry", "China enters"),
    ("campaigns", "The Chinese offensives"),
    ("talks", "Talks and stalemate"),
    ("armistice", "Towards the armistice"),
)
# Deciders top to bottom: events, the Communist side, the UN side, chance.
LANE_ORDER = ("kim", "stalin", "soviet_collective", "mao", "politburo", "truman", "macarthur", "eisenhower", "rhee")
LABEL_CHARS = 17  # characters per line of a point's label
LABEL_LINES = 3


@dataclass(frozen=True)
class Phase:
    """A phase of the war on the figure: its heading, date span and the x range of its columns."""

    key: str
    heading: str
    span: str
    x0: float
    x1: float


def phase_of() -> dict[str, str]:
    """Node id -> the phase module it is defined in (``other`` if none of :data:`PHASES`)."""
    out = {}
    for key, _ in PHASES:
        try:
            module = importlib.import_module(f"sim.case.{key}")
        except ImportError:
            continue
        for node in getattr(module, "NODES", ()):
            out.setdefault(node.id, key)
    return {n.id: out.get(n.id, "other") for n in case.NODES}


def lanes(nodes: list[tuple[str, dict]]) -> list[tuple[str, str]]:
    """(lane key, lane label) top to bottom: events, deciders in LANE_ORDER, other deciders, chance."""
    present = {d["decider"] for _, d in nodes if d["kind"] == "decision"}
    kinds = {d["kind"] for _, d in nodes}
    keys = [k for k in LANE_ORDER if k in present] + sorted(present - set(LANE_ORDER))
    out = [("event", "Events")] if "event" in kinds else []
    out += [(k, decider_name(k)) for k in keys]
    if "chance" in kinds:
        out.append(("chance", "Chance"))
    return out


def lane_of(attrs: dict) -> str:
    return attrs["decider"] if attrs["kind"] == "decision" else attrs["kind"]


def label(attrs: dict) -> str:
    """A point's title wrapped to LABEL_CHARS columns and at most LABEL_LINES lines."""
    lines = textwrap.wrap(attrs["title"], LABEL_CHARS, break_on_hyphens=False)
    if len(lines) > LABEL_LINES:
        lines = [
            *lines[: LABEL_LINES - 1],
            textwrap.shorten(" ".join(lines[LABEL_LINES - 1 :]), LABEL_CHARS, placeholder="..."),
        ]
    return "\n".join(lines)


def _columns(items: list[tuple[str, int, str]]) -> list[list[str]]:
    """Pack (id, day, lane) items, in time order, into as few columns as keep time running left to right.

    A point goes one column right of the last point of its lane, and never
    left of a point that clearly comes before it (more than SAME_TIME days).
    """
    col: dict[str, int] = {}
    last_in_lane: dict[str, int] = {}
    placed: list[tuple[int, str]] = []
    for node_id, day, lane in items:
        floor = max((col[m] for d, m in placed if day - d > SAME_TIME), default=0)
        col[node_id] = max(last_in_lane.get(lane, -1) + 1, floor)
        last_in_lane[lane] = col[node_id]
        placed.append((day, node_id))
    columns: list[list[str]] = [[] for _ in range(max(col.values()) + 1)]
    for node_id, _, _ in items:
        columns[col[node_id]].append(node_id)
    return columns


def _span(days: list[int]) -> str:
    lo, hi = dates.date(min(days)), dates.date(max(days))
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo:%b %Y}"
    if lo.year == hi.year:
        return f"{lo:%b}-{hi:%b %Y}"
    return f"{lo:%b %Y}-{hi:%b %Y}"


def layout(g, typical: dict[str, int]) -> tuple[dict[str, tuple[float, float]], list[Phase], list[tuple[str, str]]]:
    """Positions of the points (x by phase and time, y by lane), the phases and the lanes."""
    nodes = case_nodes(g)
    lane_list = lanes(nodes)
    lane_y = {key: len(lane_list) - 1 - i for i, (key, _) in enumerate(lane_list)}
    phases = phase_of()
    order = [key for key, _ in PHASES] + ["other"]
    headings = dict(PHASES) | {"other": "Other"}
    pos: dict[str, tuple[float, float]] = {}
    out: list[Phase] = []
    x = 0.0
    for key in order:
        items = [
            (n, typical.get(n, dates.day(d["start"])), lane_of(d)) for n, d in nodes if phases.get(n, "other") == key
        ]
        if not items:
            continue
        items.sort(key=lambda it: (it[1], g.nodes[it[0]]["order"]))
        columns = _columns(items)
        for i, column in enumerate(columns):
            for node_id in column:
                pos[node_id] = (x + i, float(lane_y[lane_of(g.nodes[node_id])]))
        out.append(Phase(key, headings[key], _span([d for _, d, _ in items]), x - 0.5, x + len(columns) - 0.5))
        x += len(columns) + PHASE_GAP
    return pos, out, lane_list
