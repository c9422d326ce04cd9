"""Links between case nodes with the state variables collapsed: what a drawing of the graph shows."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from sim import case
from sim.analysis.graph.build import case_nodes


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
