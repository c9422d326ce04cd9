"""The decision graph as text (``whatif graph``): node by node in causal order, labels with ids.

Each point is named by its title with its id in parentheses (the id is what
a scenario file writes), its decider by name; what it reads and writes are
the state variables of ``sim/case/state.py``.
"""

from __future__ import annotations

import textwrap

import networkx as nx

from sim.analysis.graph import case_nodes
from sim.engine import dates
from sim.output.words import WIDTH, leader_label, node_label, plural

HORIZON_ISO = dates.iso(dates.day(dates.HORIZON))
KINDS = {"decision": "decision", "chance": "chance node", "event": "event"}


def _window(attrs: dict) -> str:
    start, end = attrs["start"], attrs["end"]
    if start == end:
        return start
    return f"{start} on" if end >= HORIZON_ISO else f"{start} to {end}"


def _lag(lag) -> str:
    return f"+{lag}" if isinstance(lag, str) else f"+{lag} days"


def _fields(attrs: dict) -> list[str]:
    """What the node reads, what schedules it, whose choice it asks about, what it writes."""
    fields = []
    if attrs["reads"]:
        fields.append("reads: " + ", ".join(attrs["reads"]))
    if attrs["after"]:
        ref, lag = attrs["after"]
        fields.append(f"after: {node_label(ref)} {_lag(lag)}")
    if attrs["choice_of"]:
        fields.append("asks what was chosen at: " + ", ".join(node_label(n) for n in attrs["choice_of"]))
    if attrs["writes"]:
        fields.append("writes: " + ", ".join(attrs["writes"]))
    return fields


def _notes(attrs: dict) -> list[str]:
    """The scenario's mark on the node, parameter changes, and introspection failures."""
    notes = []
    what = attrs.get("intervention")
    if what == "removed":
        notes.append("removed by the scenario: edges in and out cut")
    elif what and what.startswith("moved"):
        notes.append(f"{what} by the scenario")
    elif what:
        mode, _, rest = what.partition(" ")
        word = {"force": "forced", "forbid": "forbidden"}.get(mode, mode)
        cut = "incoming edges cut" if attrs.get("cut_in") else "edges kept: the decider still chooses"
        notes.append(f"{word}: {rest}; {cut}")
    if attrs.get("param_changes"):
        notes.append("parameters set: " + ", ".join(attrs["param_changes"]))
    if attrs.get("errors"):
        notes.append("introspection incomplete: " + "; ".join(attrs["errors"]))
    return notes


def listing(g: nx.DiGraph, width: int = WIDTH) -> str:
    """The graph as text, node by node in causal order, wrapped to ``width`` columns."""
    head = [g.graph.get("title", "Decision graph")]
    if g.graph.get("scenario"):
        head.append(f"scenario: {g.graph.get('scenario_title', '')} ({g.graph['scenario']})")
    head.append(
        "reads: the state its condition or choice uses; after: what schedules it; writes: what its choice changes"
    )
    lines = [textwrap.fill(h, width, subsequent_indent="    ") for h in head] + [""]
    for node_id, attrs in case_nodes(g):
        who = f", {leader_label(attrs['decider'])}" if attrs.get("decider") else ""
        lines.append(
            textwrap.fill(
                f"{node_label(node_id)}  [{KINDS.get(attrs['kind'], attrs['kind'])}{who}, {_window(attrs)}]",
                width,
                subsequent_indent="    ",
            )
        )
        for text in _fields(attrs) + [f"({n})" for n in _notes(attrs)]:
            lines.append(
                textwrap.fill(text, width, initial_indent="    ", subsequent_indent="      ", break_on_hyphens=False)
            )
    n_state = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "state")
    n_cut = sum(1 for *_, d in g.edges(data=True) if d.get("cut"))
    tail = (
        f"{plural(len(g) - n_state, 'point and event', 'points and events')}, "
        f"{plural(n_state, 'state variable')}, {plural(g.number_of_edges(), 'edge')}"
    )
    lines += ["", tail + (f", {n_cut} cut by the scenario" if n_cut else "")]
    if g.graph.get("military_writes"):
        weekly = "also moved every week by the military sub-model (no node): " + ", ".join(g.graph["military_writes"])
        lines.append(textwrap.fill(weekly, width, subsequent_indent="    "))
    return "\n".join(lines)
