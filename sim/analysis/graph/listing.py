"""The decision graph as text: node by node in causal order, what each reads, follows and writes."""

from __future__ import annotations

import textwrap

import networkx as nx

from sim.analysis.graph.build import case_nodes
from sim.engine import dates

HORIZON_ISO = dates.iso(dates.day(dates.HORIZON))


def _window_text(attrs: dict) -> str:
    start, end = attrs["start"], attrs["end"]
    if start == end:
        return start
    return f"{start}.." if end >= HORIZON_ISO else f"{start}..{end}"


def _lag_text(lag) -> str:
    return f"+{lag}" if isinstance(lag, str) else f"+{lag}d"


def listing(g: nx.DiGraph, width: int = 100) -> str:
    """The graph as text, node by node in causal order, wrapped to ``width`` columns."""
    head = [g.graph.get("title", "Decision graph")]
    if g.graph.get("scenario"):
        head.append(f"scenario: {g.graph['scenario']} ({g.graph.get('scenario_title', '')})")
    head.append("reads: state the node's condition or features use; after: what schedules it; writes: its effect")
    lines = [textwrap.fill(h, width, subsequent_indent="    ") for h in head] + [""]
    for node_id, attrs in case_nodes(g):
        text = f"{node_id}  [{', '.join(_tags(attrs))}]  " + "; ".join(_fields(attrs)) + _notes(attrs)
        lines.append(textwrap.fill(text, width, subsequent_indent="      ", break_on_hyphens=False))
    n_state = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "state")
    n_cut = sum(1 for *_, d in g.edges(data=True) if d.get("cut"))
    tail = f"{len(g) - n_state} points and events, {n_state} state variables, {g.number_of_edges()} edges"
    lines += ["", tail + (f", {n_cut} cut by the scenario" if n_cut else "")]
    if g.graph.get("military_writes"):
        weekly = "also moved every week by the military sub-model (no node): " + ", ".join(g.graph["military_writes"])
        lines.append(textwrap.fill(weekly, width, subsequent_indent="    "))
    return "\n".join(lines)


def _tags(attrs: dict) -> list[str]:
    """Kind, decider and date window."""
    tags = [attrs["kind"]]
    if attrs.get("decider_name"):
        tags.append(attrs["decider_name"])
    return [*tags, _window_text(attrs)]


def _fields(attrs: dict) -> list[str]:
    """What the node reads, what schedules it, whose choice it asks about, what it writes."""
    fields = []
    if attrs["reads"]:
        fields.append("reads: " + ", ".join(attrs["reads"]))
    if attrs["after"]:
        fields.append(f"after: {attrs['after'][0]} {_lag_text(attrs['after'][1])}")
    if attrs["choice_of"]:
        fields.append("choice at: " + ", ".join(attrs["choice_of"]))
    if attrs["writes"]:
        fields.append("writes: " + ", ".join(attrs["writes"]))
    return fields


def _notes(attrs: dict) -> str:
    """The scenario's mark on the node, parameter changes, and introspection failures."""
    text = ""
    what = attrs.get("intervention")
    if what == "removed":
        text += "  (removed: edges in and out cut)"
    elif what and what.startswith("moved"):
        text += f"  ({what})"
    elif what:
        mode, _, rest = what.partition(" ")
        label = {"force": "forced", "forbid": "forbidden"}.get(mode, mode)
        cut = "incoming edges cut" if attrs.get("cut_in") else "edges kept: the decider still chooses"
        text += f"  ({label}: {rest}; {cut})"
    if attrs.get("param_changes"):
        text += "  (parameters set: " + ", ".join(attrs["param_changes"]) + ")"
    if attrs.get("errors"):
        text += "  [introspection incomplete: " + "; ".join(attrs["errors"]) + "]"
    return text
