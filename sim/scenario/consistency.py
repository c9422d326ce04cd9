"""Contradictions across a scenario's whole base chain.

Refused: changing the same thing twice in one file; removing a cause but not
its consequence; moving an event before its cause; two forces of different
options, or a force and a forbid of one option, on one point at overlapping
dates; forbidding every option of a point.
"""

from __future__ import annotations

from sim.scenario.document import Scenario
from sim.scenario.interventions import CHOICE_NODES, MOVABLE, Force, Move, Remove
from sim.scenario.reader import Document
from sim.scenario.setup import Rule


def check(scenario: Scenario, doc: Document) -> None:
    """Refuse contradictions across the whole chain: two forces, a force and a forbid, no options left."""
    items = scenario.all_interventions()
    offset = len(items) - len(scenario.interventions)

    def where(k: int):
        return ("interventions", k - offset) if k >= offset else ("base",)

    _twice(scenario, doc)
    _events(items, doc, where)
    _rules(items, doc, where, offset)


def _twice(scenario: Scenario, doc: Document) -> None:
    """A scenario may override its base, but not change a thing twice itself."""
    seen: dict[tuple, int] = {}
    for k, it in enumerate(scenario.interventions):
        target = getattr(it, "param", None) or getattr(it, "event", None) or getattr(it, "dispute", None)
        key = ("event" if isinstance(it, Move | Remove) else it.kind, target)
        if not isinstance(it, Force) and key in seen:
            doc.fail(f"{target!r} is changed twice (also by intervention {seen[key]}).", "interventions", k)
        seen[key] = k


def _events(items, doc: Document, where) -> None:
    removed = {i.event for i in items if isinstance(i, Remove)}
    for ev in MOVABLE.values():
        for cause in ev.after_events:
            if cause in removed and ev.id not in removed:
                k = next(k for k, i in enumerate(items) if isinstance(i, Remove) and i.event == cause)
                doc.fail(f"removing {cause} leaves {ev.id}, which it causes; remove {ev.id} too.", *where(k))
    moved = {i.event: i.date for i in items if isinstance(i, Move)}
    for ev in MOVABLE.values():
        own = moved.get(ev.id, ev.window[0])
        for cause in ev.after_events:
            if cause not in removed and moved.get(cause, MOVABLE[cause].window[0]) > own:
                k = next(k for k, i in enumerate(items) if isinstance(i, Move) and i.event in (ev.id, cause))
                doc.fail(
                    f"{ev.id} ({own}) would come before its cause {cause} "
                    f"({moved.get(cause, MOVABLE[cause].window[0])}).",
                    *where(k),
                )


def _rules(items, doc: Document, where, offset: int) -> None:
    rules: list[tuple[int, Rule]] = [(k, r) for k, it in enumerate(items) if isinstance(it, Force) for r in it.rules()]
    for a in range(len(rules)):
        ka, ra = rules[a]
        for b in range(a + 1, len(rules)):
            kb, rb = rules[b]
            if ra.node != rb.node or ra.start > rb.end or rb.start > ra.end:
                continue
            if ra.mode == rb.mode == "force" and ra.option != rb.option:
                doc.fail(
                    f"it forces {rb.option!r} at {rb.node} while intervention {ka - offset} forces "
                    f"{ra.option!r} there at the same time.",
                    *where(kb),
                )
            if {ra.mode, rb.mode} == {"force", "forbid"} and ra.option == rb.option:
                doc.fail(
                    f"it {rb.mode}s {rb.option!r} at {rb.node} while intervention {ka - offset} "
                    f"{ra.mode}s it at the same time.",
                    *where(kb),
                )
    for node_id in {r.node for _, r in rules}:
        forbidden = {r.option for _, r in rules if r.node == node_id and r.mode == "forbid"}
        if forbidden >= set(CHOICE_NODES[node_id].options):
            k = max(k for k, r in rules if r.node == node_id)
            doc.fail(
                f"it forbids every option at {node_id}; at least one must stay open.",
                *where(k),
                choices=list(CHOICE_NODES[node_id].options),
            )
