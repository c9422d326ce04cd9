"""The decision graph as a :class:`networkx.DiGraph`, and a scenario's interventions marked on it.

One node per decision point, chance node and event, and one per state
variable (``sim/case/state.py``) that some node reads or writes. Edges:

- node -> variable it writes (``kinds`` contains ``"writes"``);
- variable -> node that reads it in ``when``, ``features`` or
  ``probabilities`` (``"reads"``);
- node -> node for ``after`` references to a node (``"after"``) and for
  conditions on another node's choice, ``v.chose(node, option)`` (``"choice"``);
- date variable -> node for ``after`` references to a variable (``"after"``).

With a scenario, the interventions are marked: a forced point (or one whose
forbidden options leave a single choice) is cut off from its causes, every
edge into it gets ``cut=True`` (Pearl's do()); a removed event has its edges
in and out cut; a moved event is marked with its new date.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from agents import LEADERS
from sim import case
from sim.analysis.graph.probe import Probe, military_writes, probe, probe_model
from sim.case.state import SCHEMA
from sim.engine import dates
from sim.scenario.setup import FOREVER

if TYPE_CHECKING:
    from sim.scenario import Scenario


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


def decider_name(key: str | None) -> str | None:
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
    model = probe_model()
    g = nx.DiGraph(title="Decision graph of the Korean War case", scenario=None, military_writes=())
    for order, node in enumerate(case.NODES):
        _add_case_node(g, node, order)
    for node in case.NODES:
        _add_found(g, node, probe(node, model))
        _add_after(g, node)
    weekly = military_writes(model)
    g.graph["military_writes"] = tuple(sorted(weekly))
    for name in weekly & set(g):
        g.nodes[name]["military"] = True
    if scenario is not None:
        mark(g, scenario)
    return g


def _add_case_node(g: nx.DiGraph, node, order: int) -> None:
    decider = getattr(node, "decider", None) or None
    g.add_node(
        node.id,
        kind=node.kind,
        title=node.title,
        order=order,
        decider=decider,
        decider_name=decider_name(decider),
        options=tuple(node.options),
        historical=node.historical,
        start=node.window[0],
        end=node.window[1],
        after=node.after,
        question=getattr(node, "question", None),
        intervention=None,
    )


def _add_found(g: nx.DiGraph, node, found: Probe) -> None:
    """What the probe found: the node's attributes, and its read, write and choice edges."""
    g.nodes[node.id].update(
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


def _add_after(g: nx.DiGraph, node) -> None:
    """The edge from what schedules the node (another node, or a date variable)."""
    if not node.after:
        return
    ref, lag = node.after
    if ref in case.BY_ID:
        _link(g, ref, node.id, "after", lag=lag)
    elif ref in SCHEMA:
        _add_state(g, ref)
        _link(g, ref, node.id, "after", lag=lag)
    else:
        g.nodes[node.id]["errors"] += (f"after: unknown reference {ref!r}",)


def _rule_text(rule) -> str:
    text = f"{rule.mode} {rule.option}"
    if rule.once:
        text += " (first time)"
    if rule.start > 0:
        text += f" from {dates.iso(rule.start)}"
    if rule.end < FOREVER:
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
    _mark_rules(g, setup.rules, setup.horizon)
    _mark_events(g, setup.event_days)
    _mark_params(g, setup.params)
    return g


def _mark_rules(g: nx.DiGraph, rules, horizon: int) -> None:
    """Forced and forbidden points: do() cuts a forced choice off from its causes.

    A rule acts on a point that fires on the rule's dates, so it marks every point whose date window (up to
    the horizon) meets them, even if the point usually fires before (a rule on a question from 12 October
    binds the Politburo of 5 October wherever it meets later).
    """
    by_node = defaultdict(list)
    for rule in rules:
        node = case.BY_ID[rule.node]
        if node.start <= min(rule.end, horizon) and rule.start <= node.end:
            by_node[rule.node].append(rule)
    for node_id, node_rules in by_node.items():
        if node_id not in g:
            continue
        attrs = g.nodes[node_id]
        forbidden = {r.option for r in node_rules if r.mode == "forbid"}
        left = set(attrs["options"]) - forbidden
        # do(): a forced choice no longer listens to its causes; a forbid that leaves one option is a force.
        severed = any(r.mode == "force" for r in node_rules) or len(left) <= 1
        attrs["intervention"] = "; ".join(_rule_text(r) for r in node_rules)
        attrs["cut_in"] = severed
        if severed:
            _cut(g, list(g.in_edges(node_id)), node_id)


def _mark_events(g: nx.DiGraph, event_days: dict) -> None:
    """Removed events lose their edges in and out; moved events note their new date."""
    for node_id, day in event_days.items():
        if node_id not in g:
            continue
        attrs = g.nodes[node_id]
        if day is None:
            attrs["intervention"] = "removed"
            attrs["cut_in"] = attrs["cut_out"] = True
            _cut(g, [*g.in_edges(node_id), *g.out_edges(node_id)], node_id)
        else:
            attrs["intervention"] = f"moved to {dates.iso(day)}"


def _mark_params(g: nx.DiGraph, params: dict) -> None:
    """Each point that uses a changed parameter or weight notes the change."""
    for name, (lo, hi) in params.items():
        value = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
        for _, attrs in case_nodes(g):
            uses = name in attrs["params"] or (
                attrs["decider"] and name.startswith(attrs["decider"] + ".") and name.split(".", 1)[1] in attrs["terms"]
            )
            if uses:
                attrs.setdefault("param_changes", []).append(f"{name} = {value}")


def case_nodes(g: nx.DiGraph) -> list[tuple[str, dict]]:
    """The decision points, chance nodes and events of ``g``, in causal order."""
    found = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") != "state"]
    return sorted(found, key=lambda item: item[1].get("order", 0))
