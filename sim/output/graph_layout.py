"""Where the decision graph's figure puts each point: by phase and time left to right, by decider top to bottom.

The phases are the case's phase modules (``sim/case/approval.py`` ...
``armistice.py``), in the order of the war. A point on the record (an event,
or a choice the sources document) belongs to the phase of the module that
defines it; every other point (an alternative the record does not date, and
the points of ``pursuit.py`` and ``washington.py``, whose modules run across
phases) joins the phase whose dates lie nearest its own, so time runs left
to right across the phases. A point's date is the day it usually happens
first (its median first day in the baseline,
:func:`sim.analysis.graph.typical_days`) or, for a point the baseline never
reaches, the earliest day its condition can hold: once every state it
waits for has been set by the earliest point that sets it. A phase's
heading gives the span of the dates of its points on the record. Within a
phase, points are taken in date order and packed into columns: a point goes
one column right of the previous point of its decider, and never left of a
point that clearly comes before it (by more than :data:`SAME_TIME` days), so
points stacked in one column happen at about the same time. Each point has
its own column slot in its lane, so labels never overlap.
"""

from __future__ import annotations

import importlib
import textwrap
from dataclasses import dataclass

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


def point_days(g, typical: dict[str, int]) -> dict[str, int]:
    """Node id -> its date (day number): ``typical`` (its usual first day), else the earliest day it can happen."""
    return {n: typical[n] if n in typical else _earliest(g, n, typical) for n, _ in case_nodes(g)}


def _earliest(g, node_id: str, typical: dict[str, int]) -> int:
    """The first day every state the point waits for (its ``after`` reference, what its condition reads) has been
    set by the earliest point that sets it; the start of its window if nothing tells."""
    waits = []
    for source, _, edge in g.in_edges(node_id, data=True):
        if g.nodes[source]["kind"] != "state":  # it runs after that point, or asks what it chose
            waits += [typical[source]] if source in typical else []
        elif "after" in edge["kinds"] or "when" in edge.get("where", ()):
            set_by = [typical[w] for w, _ in g.in_edges(source) if w != node_id and w in typical]
            waits += [min(set_by)] if set_by else []
    return max(waits, default=dates.day(g.nodes[node_id]["start"]))


def on_record(attrs: dict) -> bool:
    """An event, or a point whose historical choice the sources document."""
    return attrs["kind"] == "event" or attrs["historical"] is not None


def phase_of(g, days: dict[str, int]) -> dict[str, str]:
    """Node id -> phase key: the module's phase for a point on the record, else the phase nearest its date."""
    home = {}
    for key, _ in PHASES:
        module = importlib.import_module(f"sim.case.{key}")
        home |= {node.id: key for node in (*getattr(module, "NODES", ()), *getattr(module, "EVENTS", ()))}
    where = {n: home[n] for n, d in case_nodes(g) if n in home and on_record(d)}
    spans = {key: (min(ds), max(ds)) for key, ds in _by_phase(where, days).items()}
    order = [key for key, _ in PHASES if key in spans]

    def nearest(day: int) -> str:  # a tie goes to the later phase: the one the point leads into
        return min(order, key=lambda k: (max(spans[k][0] - day, day - spans[k][1], 0), -order.index(k)))

    return {n: where[n] if n in where else nearest(days[n]) for n, _ in case_nodes(g)}


def _by_phase(where: dict[str, str], days: dict[str, int]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for node_id, key in where.items():
        out.setdefault(key, []).append(days[node_id])
    return out


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
    days = point_days(g, typical)
    phases = phase_of(g, days)
    pos: dict[str, tuple[float, float]] = {}
    out: list[Phase] = []
    x = 0.0
    for key, heading in PHASES:
        items = [(n, days[n], lane_of(d)) for n, d in nodes if phases[n] == key]
        if not items:
            continue
        items.sort(key=lambda it: (it[1], g.nodes[it[0]]["order"]))
        columns = _columns(items)
        for i, column in enumerate(columns):
            for node_id in column:
                pos[node_id] = (x + i, float(lane_y[lane_of(g.nodes[node_id])]))
        span = _span([day for n, day, _ in items if on_record(g.nodes[n])] or [day for _, day, _ in items])
        out.append(Phase(key, heading, span, x - 0.5, x + len(columns) - 0.5))
        x += len(columns) + PHASE_GAP
    return pos, out, lane_list
