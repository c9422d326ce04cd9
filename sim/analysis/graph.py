"""The decision graph: which points, chance nodes and events read and write which state.

:func:`build` turns the case (``sim/case.py``) into a :class:`networkx.DiGraph`
with one node per decision point, chance node and event, and one per state
variable (``sim/state.py``) that some node reads or writes. Edges:

- node -> variable it writes (``kinds`` contains ``"writes"``);
- variable -> node that reads it in ``when``, ``features`` or
  ``probabilities`` (``"reads"``);
- node -> node for ``after`` references to a node (``"after"``) and for
  conditions on another node's choice, ``v.chose(node, option)`` (``"choice"``);
- date variable -> node for ``after`` references to a variable (``"after"``).

Reads and writes are found by running the case's own functions, not from a
hand-written list: ``when``/``features``/``probabilities`` are evaluated on a
recording view of a real :class:`~sim.state.WorldState` of a few worlds, and
every ``effect`` runs once per option on a :class:`~sim.points.Firing` whose
state records each array it hands out and which of them get written.

With a scenario, the interventions are marked: a forced point (or one whose
forbidden options leave a single choice) is cut off from its causes, every
edge into it gets ``cut=True`` (Pearl's do()); a removed event has its edges
in and out cut; a moved event is marked with its new date.

>>> from sim import graph
>>> g = graph.build("china_refuses_12_oct")
>>> print(graph.listing(g))
>>> graph.save(graph.draw(g), "/tmp/graph.png")

``python -m sim.graph [SCENARIO] [--out FILE.png|.svg]`` prints the listing
and optionally writes the figure.
"""

from __future__ import annotations

import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from agents import LEADERS
from sim import case
from sim.case.state import SCHEMA
from sim.engine import dates
from sim.engine.nodes import ChanceNode, DecisionPoint, Firing, Node
from sim.engine.state import WorldState

if TYPE_CHECKING:
    from sim.scenario import Scenario

N_WORLDS = 4
PROBE_DAY = "1950-10-12"  # the day the probes pretend it is (any day inside the war works)
HORIZON_ISO = dates.iso(dates.day(dates.HORIZON))

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


# ------------------------------------------------------------------ recording probes
class _RecordingView:
    """Stands in for :class:`sim.state.View`: records every state variable and node choice asked for."""

    def __init__(self, state: WorldState, day: int) -> None:
        self._state = state
        self._reads: set[str] = set()
        self._chose: set[str] = set()
        self.idx = np.arange(state.n)
        self.day = np.full(state.n, day, np.int32)

    def __getattr__(self, name: str) -> np.ndarray:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._state, name)
        if name in SCHEMA:
            self._reads.add(name)
            return value[self.idx]
        return value

    def chose(self, node: str, option: str) -> np.ndarray:
        self._chose.add(node)
        return self._state.log.chose(node, option)[self.idx]

    def __len__(self) -> int:
        return self._state.n


class _Tracked(np.ndarray):
    """A view of a state array that tells its owner when it is written into."""

    def __setitem__(self, key, value) -> None:
        sink = getattr(self, "_sink", None)
        if sink is not None:
            sink.add(self._name)
        super().__setitem__(key, value)


class _RecordingState:
    """Stands in for :class:`sim.state.WorldState` inside an effect: records reads and writes."""

    def __init__(self, state: WorldState) -> None:
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_accessed", set())
        object.__setattr__(self, "_written", set())

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._state, name)
        if name in SCHEMA:
            self._accessed.add(name)
            tracked = value.view(_Tracked)
            tracked._name, tracked._sink = name, self._written
            return tracked
        return value

    def __setattr__(self, name: str, value) -> None:
        if name in SCHEMA:
            self._written.add(name)
        setattr(self._state, name, value)

    def set_day(self, name: str, idx: np.ndarray, days: np.ndarray) -> None:
        """Writes the date without telling the scheduler (the probe model never steps)."""
        self._written.add(name)
        getattr(self._state, name)[idx] = days


class _RecordingModel:
    """Stands in for :class:`sim.engine.model.WarModel`: hands out the recording state, records parameters."""

    def __init__(self, model, state: _RecordingState | None = None) -> None:
        self._model = model
        self.state = state if state is not None else model.state
        self.params_used: set[str] = set()

    def param(self, name: str) -> np.ndarray:
        self.params_used.add(name)
        return self._model.param(name)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._model, name)


@dataclass
class Probe:
    """What introspection found for one node."""

    reads: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # variable -> where read
    writes: set[str] = field(default_factory=set)
    set_days: set[str] = field(default_factory=set)
    effect_reads: set[str] = field(default_factory=set)  # read by the effect only (no edge)
    chose: set[str] = field(default_factory=set)
    params: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def military_writes(model=None) -> set[str]:
    """State the weekly military sub-model writes (``sim.military.step`` and ``case.end_by_conquest``)."""
    from sim.case import military

    model = model or _probe_model()
    state = model.state
    base = _snapshot(state)
    state.war[:] = True
    state.us_in[:] = True
    state.front[:] = np.linspace(35.0, 41.5, state.n)
    before = _snapshot(state)
    rec = _RecordingState(state)
    try:
        with np.errstate(all="ignore"):
            military.step(rec, dates.day(PROBE_DAY))
            case.end_by_conquest(rec, dates.day(PROBE_DAY))
    except Exception:  # no marks rather than no graph
        pass
    changed = {name for name in SCHEMA if not np.array_equal(getattr(state, name), before[name])}
    _restore(state, base)
    return rec._written | changed


def _probe_model():
    from sim.analysis.simulate import model

    return model(np.arange(N_WORLDS), seed=1)


def _snapshot(state: WorldState) -> dict[str, np.ndarray]:
    return {name: getattr(state, name).copy() for name in SCHEMA}


def _restore(state: WorldState, snap: dict[str, np.ndarray]) -> None:
    for name, value in snap.items():
        setattr(state, name, value.copy())


def _states(model) -> list[dict[str, np.ndarray]]:
    """Two probe states: the initial one, and one with every flag flipped and every date set.

    Case functions combine arrays with ``&``/``np.where`` so one state shows every
    read; the second one guards against a future ``if v.flag.any():`` hiding a branch.
    """
    first = _snapshot(model.state)
    second = {}
    for name, value in first.items():
        if value.dtype == np.bool_:
            second[name] = ~value
        elif name in ("outcome",):
            second[name] = value.copy()
        elif np.issubdtype(value.dtype, np.integer):
            second[name] = np.full_like(value, dates.day(PROBE_DAY) - 30)
        else:
            second[name] = value * 1.05 + 0.1
    return [first, second]


def probe(node: Node, model) -> Probe:
    """Reads, writes, choices and parameters of one node, found by running its functions."""
    out = Probe()
    day = dates.day(PROBE_DAY)
    state = model.state
    base = _snapshot(state)
    with np.errstate(all="ignore"):
        for values in _states(model):
            _restore(state, values)
            parts = [("when", node.when)]
            if isinstance(node, DecisionPoint) and node.features is not None:
                parts.append(("features", node.features))
            if isinstance(node, ChanceNode) and node.probabilities is not None:
                parts.append(("probabilities", node.probabilities))
            for where, func in parts:
                view = _RecordingView(state, day)
                rec_model = _RecordingModel(model)
                try:
                    result = func(view, rec_model) if where == "probabilities" else func(view)
                    if where == "features":
                        for terms in result.values():
                            out.terms.update(terms)
                except Exception as exc:  # a probe failure must not hide the other nodes
                    out.errors.append(f"{where}: {type(exc).__name__}: {exc}")
                for name in view._reads:
                    out.reads[name].add(where)
                out.chose |= view._chose
                out.params |= rec_model.params_used
        _restore(state, base)
        for k, option in enumerate(node.options):
            rec_state = _RecordingState(state)
            rec_model = _RecordingModel(model, rec_state)
            fx = Firing(
                rec_model,
                np.arange(N_WORLDS),
                np.full(N_WORLDS, day, np.int32),
                np.full(N_WORLDS, k, np.int8),
                node.options,
            )
            try:
                node.effect(fx)
            except Exception as exc:
                out.errors.append(f"effect ({option}): {type(exc).__name__}: {exc}")
            changed = {name for name in SCHEMA if not np.array_equal(getattr(state, name), base[name])}
            out.writes |= rec_state._written | changed
            out.effect_reads |= rec_state._accessed
            out.params |= rec_model.params_used
            out.set_days |= {n for n in rec_state._written if np.issubdtype(SCHEMA[n][0], np.integer)}
            _restore(state, base)
    out.effect_reads -= out.writes
    if node.after and isinstance(node.after[1], str):
        out.params.add(node.after[1])
    return out


# ------------------------------------------------------------------ the graph
def _link(g: nx.DiGraph, u: str, v: str, kind: str, **attrs) -> None:
    if g.has_edge(u, v):
        data = g[u][v]
        data["kinds"] = tuple(sorted({*data["kinds"], kind}))
        data.update(attrs)
    else:
        g.add_edge(u, v, kinds=(kind,), cut=False, **attrs)


def _add_state(g: nx.DiGraph, name: str) -> None:
    if name not in g:
        g.add_node(name, kind="state", title=SCHEMA[name][2], meaning=SCHEMA[name][2], decider=None, military=False)


def _decider_name(key: str | None) -> str | None:
    if not key:
        return None
    cls = LEADERS.get(key)
    return cls.name if cls is not None else key


def build(scenario: Scenario | str | None = None) -> nx.DiGraph:
    """The decision graph of the case, with a scenario's interventions marked (see the module doc).

    ``scenario`` is a :class:`sim.scenario.Scenario`, a library name or path, or None (no marks).
    """
    clash = set(case.BY_ID) & set(SCHEMA)
    if clash:
        raise ValueError(f"node ids that are also state variables: {sorted(clash)}")
    model = _probe_model()
    g = nx.DiGraph(title="Decision graph of the Korean War case", scenario=None, military_writes=())
    for order, node in enumerate(case.NODES):
        decider = getattr(node, "decider", None) or None
        g.add_node(
            node.id,
            kind=node.kind,
            title=node.title,
            order=order,
            decider=decider,
            decider_name=_decider_name(decider),
            options=tuple(node.options),
            historical=node.historical,
            start=node.window[0],
            end=node.window[1],
            after=node.after,
            question=getattr(node, "question", None),
            intervention=None,
        )
    for node in case.NODES:
        found = probe(node, model)
        attrs = g.nodes[node.id]
        attrs.update(
            reads=tuple(sorted(found.reads)),
            writes=tuple(sorted(found.writes)),
            effect_reads=tuple(sorted(found.effect_reads)),
            choice_of=tuple(sorted(found.chose)),
            params=tuple(sorted(found.params)),
            terms=tuple(sorted(found.terms)),
            errors=tuple(found.errors),
        )
        for name, where in found.reads.items():
            _add_state(g, name)
            _link(g, name, node.id, "reads", where=tuple(sorted(where)))
        for name in found.writes:
            _add_state(g, name)
            _link(g, node.id, name, "writes")
        for other in found.chose:
            if other != node.id and other in case.BY_ID:
                _link(g, other, node.id, "choice")
        if node.after:
            ref, lag = node.after
            if ref in case.BY_ID:
                _link(g, ref, node.id, "after", lag=lag)
            elif ref in SCHEMA:
                _add_state(g, ref)
                _link(g, ref, node.id, "after", lag=lag)
            else:
                attrs["errors"] += (f"after: unknown reference {ref!r}",)
    weekly = military_writes(model)
    g.graph["military_writes"] = tuple(sorted(weekly))
    for name in weekly & set(g):
        g.nodes[name]["military"] = True
    if scenario is not None:
        mark(g, scenario)
    return g


def _rule_text(rule) -> str:
    text = f"{rule.mode} {rule.option}"
    if rule.once:
        text += " (first time)"
    if rule.start > 0:
        text += f" from {dates.iso(rule.start)}"
    if rule.end < 10**6:
        text += f" until {dates.iso(rule.end)}"
    return text


def _cut(g: nx.DiGraph, edges, by: str) -> None:
    for u, v in edges:
        g[u][v]["cut"] = True
        g[u][v]["cut_by"] = by


@cache
def typical_days(runs: int = 400) -> dict[str, int]:
    """Median day each node first fires in the baseline (nodes that fire in some world)."""
    from sim.analysis.simulate import run_setup
    from sim.scenario import Setup

    ens = run_setup(Setup(), 1950, runs)
    out = {}
    for node_id, days in ens.choice_days.items():
        fired = days[days >= 0]
        if fired.size:
            out[node_id] = int(np.median(fired))
    return out


def mark(g: nx.DiGraph, scenario: Scenario | str) -> nx.DiGraph:
    """Mark a scenario's interventions on ``g`` in place (what :func:`build` does with a scenario)."""
    from sim import scenario as scenarios

    if isinstance(scenario, str):
        scenario = scenarios.load(scenario)
    setup = scenario.setup()
    g.graph.update(scenario=scenario.name, scenario_title=scenario.title)
    typical = typical_days()
    by_node = defaultdict(list)
    for rule in setup.rules:
        # a dated rule binds a point only when it fires on those dates: skip points that typically come earlier
        day = typical.get(rule.node)
        if rule.once or day is None or rule.start <= day <= rule.end:
            by_node[rule.node].append(rule)
    for node_id, rules in by_node.items():
        if node_id not in g:
            continue
        attrs = g.nodes[node_id]
        forbidden = {r.option for r in rules if r.mode == "forbid"}
        left = set(attrs["options"]) - forbidden
        # do(): a forced choice no longer listens to its causes; a forbid that leaves one option is a force.
        severed = any(r.mode == "force" for r in rules) or len(left) <= 1
        attrs["intervention"] = "; ".join(_rule_text(r) for r in rules)
        attrs["cut_in"] = severed
        if severed:
            _cut(g, list(g.in_edges(node_id)), node_id)
    for node_id, day in setup.event_days.items():
        if node_id not in g:
            continue
        attrs = g.nodes[node_id]
        if day is None:
            attrs["intervention"] = "removed"
            attrs["cut_in"] = attrs["cut_out"] = True
            _cut(g, [*g.in_edges(node_id), *g.out_edges(node_id)], node_id)
        else:
            attrs["intervention"] = f"moved to {dates.iso(day)}"
    for name, (lo, hi) in setup.params.items():
        value = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
        for _, attrs in case_nodes(g):
            uses = name in attrs["params"] or (
                attrs["decider"] and name.startswith(attrs["decider"] + ".") and name.split(".", 1)[1] in attrs["terms"]
            )
            if uses:
                attrs.setdefault("param_changes", []).append(f"{name} = {value}")
    return g


def case_nodes(g: nx.DiGraph) -> list[tuple[str, dict]]:
    """The decision points, chance nodes and events of ``g``, in causal order."""
    found = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") != "state"]
    return sorted(found, key=lambda item: item[1].get("order", 0))


# ------------------------------------------------------------------ listing
def _window_text(attrs: dict) -> str:
    start, end = attrs["start"], attrs["end"]
    if start == end:
        return start
    return f"{start}.." if end >= HORIZON_ISO else f"{start}..{end}"


def _lag_text(lag) -> str:
    return f"+{lag}" if isinstance(lag, str) else f"+{lag}d"


def listing(g: nx.DiGraph, width: int = 100) -> str:
    """The graph as text, node by node in causal order, wrapped to ``width`` columns."""
    title = g.graph.get("title", "Decision graph")
    head = [title]
    if g.graph.get("scenario"):
        head.append(f"scenario: {g.graph['scenario']} ({g.graph.get('scenario_title', '')})")
    head.append("reads: state the node's condition or features use; after: what schedules it; writes: its effect")
    lines = [textwrap.fill(h, width, subsequent_indent="    ") for h in head] + [""]
    for node_id, attrs in case_nodes(g):
        tags = [attrs["kind"]]
        if attrs.get("decider_name"):
            tags.append(attrs["decider_name"])
        tags.append(_window_text(attrs))
        fields = []
        if attrs["reads"]:
            fields.append("reads: " + ", ".join(attrs["reads"]))
        if attrs["after"]:
            fields.append(f"after: {attrs['after'][0]} {_lag_text(attrs['after'][1])}")
        if attrs["choice_of"]:
            fields.append("choice at: " + ", ".join(attrs["choice_of"]))
        if attrs["writes"]:
            fields.append("writes: " + ", ".join(attrs["writes"]))
        text = f"{node_id}  [{', '.join(tags)}]  " + "; ".join(fields)
        if attrs.get("intervention"):
            what = attrs["intervention"]
            if what == "removed":
                text += "  (removed: edges in and out cut)"
            elif what.startswith("moved"):
                text += f"  ({what})"
            else:
                mode, _, rest = what.partition(" ")
                label = {"force": "forced", "forbid": "forbidden"}.get(mode, mode)
                cut = "incoming edges cut" if attrs.get("cut_in") else "edges kept: the decider still chooses"
                text += f"  ({label}: {rest}; {cut})"
        if attrs.get("param_changes"):
            text += "  (parameters set: " + ", ".join(attrs["param_changes"]) + ")"
        if attrs.get("errors"):
            text += "  [introspection incomplete: " + "; ".join(attrs["errors"]) + "]"
        lines.append(textwrap.fill(text, width, subsequent_indent="      ", break_on_hyphens=False))
    n_state = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "state")
    n_cut = sum(1 for *_, d in g.edges(data=True) if d.get("cut"))
    tail = f"{len(g) - n_state} points and events, {n_state} state variables, {g.number_of_edges()} edges"
    lines += ["", tail + (f", {n_cut} cut by the scenario" if n_cut else "")]
    if g.graph.get("military_writes"):
        weekly = "also moved every week by the military sub-model (no node): " + ", ".join(g.graph["military_writes"])
        lines.append(textwrap.fill(weekly, width, subsequent_indent="    "))
    return "\n".join(lines)


# ------------------------------------------------------------------ the figure
@dataclass(frozen=True)
class Link:
    """A drawn edge between two case nodes: ``schedule`` (after / choice) or ``data`` (writes -> reads)."""

    source: str
    target: str
    style: str
    cut: bool
    via: tuple[str, ...] = ()


def context_variables(g: nx.DiGraph, share: float = 0.15) -> tuple[str, ...]:
    """Variables too common to draw as links: read by ``share`` of the points or more, or moved weekly
    by the military sub-model (their last writer is then usually the front, not a point)."""
    n = len(case_nodes(g))
    out = []
    for name, d in g.nodes(data=True):
        if d.get("kind") != "state":
            continue
        readers = sum(1 for b in g.successors(name) if "reads" in g[name][b]["kinds"])
        if readers and (readers >= share * n or d.get("military")):
            out.append(name)
    return tuple(sorted(out))


def links(g: nx.DiGraph, skip: tuple[str, ...] | set[str] = ()) -> list[Link]:
    """Edges between case nodes, with the state variables collapsed.

    A -> B when B runs after A (directly, or after a date A sets) or asks for
    A's choice (``schedule``), and when B reads a variable whose nearest
    earlier writer is A (``data``; when no earlier point writes it, the
    nearest later *dated* one whose window opens in time: feedback such as
    Stalin's death on the talks; other later writers are not drawn).
    Variables in ``skip`` give no ``data`` links.
    """
    order = {n: d["order"] for n, d in case_nodes(g)}
    found: dict[tuple[str, str], dict] = {}

    def add(a: str, b: str, style: str, cut: bool, via: str | None = None) -> None:
        item = found.setdefault((a, b), {"style": style, "cut": False, "via": set()})
        if style == "schedule":
            item["style"] = "schedule"
        item["cut"] |= cut
        if via:
            item["via"].add(via)

    for b in order:
        for p in g.predecessors(b):
            edge = g[p][b]
            if p in order:
                add(p, b, "schedule", edge["cut"])
                continue
            # a writer whose window opens after the reader's closes cannot reach it
            end = g.nodes[b]["end"]
            writers = [a for a in g.predecessors(p) if a in order and a != b and g.nodes[a]["start"] <= end]
            if "after" in edge["kinds"]:
                for a in writers:
                    add(a, b, "schedule", edge["cut"] or g[a][p]["cut"], p)
            if "reads" in edge["kinds"] and p not in skip:
                earlier = [a for a in writers if order[a] < order[b]]
                later = [a for a in writers if order[a] > order[b] and g.nodes[a]["start"] > case.EARLY]
                if earlier or later:
                    a = max(earlier, key=order.get) if earlier else min(later, key=order.get)
                    add(a, b, "data", edge["cut"] or g[a][p]["cut"], p)
    return [Link(a, b, d["style"], d["cut"], tuple(sorted(d["via"]))) for (a, b), d in found.items()]


def _lanes(g: nx.DiGraph) -> list[tuple[str, str]]:
    """(lane key, lane label) top to bottom: events, deciders in LANE_ORDER, other deciders, chance."""
    present = {d["decider"] for _, d in case_nodes(g) if d["kind"] == "decision"}
    kinds = {d["kind"] for _, d in case_nodes(g)}
    keys = [k for k in LANE_ORDER if k in present] + sorted(present - set(LANE_ORDER))
    lanes = [("event", "Events")] if "event" in kinds else []
    lanes += [(k, _decider_name(k)) for k in keys]
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

    State variables are collapsed into links between points (see :func:`links`);
    links through the most common variables (:func:`context_variables`) are left out.
    """
    nodes = case_nodes(g)
    lanes = _lanes(g)
    lane_y = {key: len(lanes) - 1 - i for i, (key, _) in enumerate(lanes)}
    pos = {n: (float(d["order"]), float(lane_y[_lane_of(d)])) for n, d in nodes}
    attrs = dict(nodes)
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
    for link in sorted(drawn, key=lambda k: (k.cut, k.style == "schedule")):
        (x1, y1), (x2, y2) = pos[link.source], pos[link.target]
        bend = -0.3 if y1 == y2 else 0.1
        rad = 0.0 if link.cut and y1 != y2 else bend * (1 if x2 >= x1 else -1)
        if link.cut:
            style = {"color": CUT_COLOR, "lw": 1.5, "alpha": 0.9, "linestyle": (0, (4, 2)), "zorder": 4}
        elif link.style == "schedule":
            style = {"color": "#444444", "lw": 1.0, "alpha": 0.7, "linestyle": "-", "zorder": 3}
        else:
            color = _color(_lane_of(attrs[link.source]))
            style = {"color": color, "lw": 0.9, "alpha": 0.45, "linestyle": (0, (1, 1.5)), "zorder": 2}
        ax.add_patch(
            FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                arrowstyle="-|>",
                mutation_scale=9,
                connectionstyle=f"arc3,rad={rad}",
                shrinkA=7,
                shrinkB=8,
                **style,
            )
        )
        if link.cut:  # the marker sits on the link, near the intervened end
            t = 0.7 if rad == 0 else 0.5
            mx, my = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
            if rad:
                mx, my = mx + 0.5 * rad * (y2 - y1), my - 0.5 * rad * (x2 - x1)
            ax.plot(mx, my, marker="X", ms=8, color=CUT_COLOR, mec="white", mew=0.7, zorder=5)

    axes_inches = figsize[0] * 0.84
    labels = _Labels(units_per_char=(x_hi - x_lo) / axes_inches * 7.5 * 0.6 / 72)
    for node_id, d in nodes:
        x, y = pos[node_id]
        key = _lane_of(d)
        what = d.get("intervention")
        removed = what == "removed"
        face = "white" if removed else _color(key)
        edge, width = (CUT_COLOR, 3.0) if what else ("black", 0.8)
        marker = MARKERS.get(d["kind"], "o")
        ax.scatter([x], [y], s=230, marker=marker, c=[face], edgecolors=edge, linewidths=width, zorder=6)
        if removed:
            ax.plot(x, y, marker="x", ms=9, color=CUT_COLOR, mew=2.0, zorder=7)
        texts = [node_id] + ([_short_intervention(what)] if what else [])
        box = {"boxstyle": "round,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.75}
        for i, (text, dy) in enumerate(zip(texts, labels.place(x, y, texts), strict=True)):
            style = {"color": CUT_COLOR, "fontweight": "bold"} if i else {"color": "#111111"}
            va = "bottom" if dy > 0 else "top"
            ax.text(x, y + dy, text, ha="center", va=va, fontsize=7.5, zorder=8, bbox=box, **style)

    ax.set_xlim(x_lo, x_hi)
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

    scenario = g.graph.get("scenario")
    if title is None:
        title = "How the decisions of the Korean War depend on one another: who decides, and what each choice follows"
        if scenario:
            title += f"\nScenario '{scenario}': {g.graph.get('scenario_title') or ''}"
    ax.set_title(title, fontsize=13, fontweight="bold")  # centred: ax.get_title() returns it

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
        note = "Not drawn as links (read almost everywhere, or moved every week by the military model): " + ", ".join(
            skip
        )
        legend.set_title(note, prop={"size": 8.5})
    return fig


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


def main(argv: list[str] | None = None) -> int:
    """``python -m sim.graph [SCENARIO] [--out FILE]``: print the listing, optionally save the figure."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = None
    if "--out" in args:
        i = args.index("--out")
        out = args[i + 1] if i + 1 < len(args) else None
        del args[i : i + 2]
        if out is None:
            print("--out needs a file name (.png or .svg)", file=sys.stderr)
            return 2
    g = build(args[0] if args else None)
    print(listing(g))
    if out:
        print(f"figure: {save(draw(g), out)}")
    return 0


__all__ = [
    "Link",
    "Probe",
    "build",
    "case_nodes",
    "context_variables",
    "draw",
    "links",
    "listing",
    "mark",
    "military_writes",
    "probe",
    "save",
]

if __name__ == "__main__":
    raise SystemExit(main())
