"""Contradictions across a scenario's whole base chain, and interventions that could never act.

Refused: changing the same thing twice in one file; removing a cause but not
its consequence; moving an event before its cause; forcing or forbidding a
point that is removed; two forces of different options, or a force and a
forbid of one option, on one point at overlapping dates; forbidding every
option of a point; an intervention dated after the horizon, a move beyond
it, a force on a point that cannot happen before it.

Each base was checked when it was loaded, so only pairs that involve the
file's own interventions are checked again. A problem is reported at the
file's own intervention; the other one, if it comes from a base, is named
with its scenario ("intervention 0 of its base 'no_inchon'").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sim.scenario.document import Scenario
from sim.scenario.interventions import CHOICE_NODES, MOVABLE, REMOVABLE, Force, Intervention, Move, Remove
from sim.scenario.reader import Document


@dataclass(frozen=True)
class Entry:
    """One intervention of the chain, with the scenario that states it and its index there."""

    item: Intervention
    scenario: Scenario = field(compare=False)
    index: int
    own: bool
    order: int  # position in the chain, base first

    def path(self) -> tuple:
        """Where to report it in the file being checked."""
        return ("interventions", self.index) if self.own else ("base",)

    def label(self) -> str:
        """How a message names it."""
        if self.own:
            return f"intervention {self.index} of this file"
        return f"intervention {self.index} of the base '{self.scenario.name}' ({self.scenario.source})"


def check(scenario: Scenario, doc: Document, collect=None) -> None:
    """Refuse contradictions across the chain and interventions that can never take effect.

    With ``collect`` (a :class:`~sim.scenario.errors.Collector`), each kind of
    check reports its first problem there and the next kind still runs.
    """
    chain = [(s, i, item) for s in scenario.chain() for i, item in enumerate(s.interventions)]
    entries = [Entry(item, s, i, s is scenario, k) for k, (s, i, item) in enumerate(chain)]
    days = _event_days(entries)
    run = collect or (lambda check, *args: check(*args))
    run(_twice, scenario, doc)
    run(_events, entries, days, doc)
    run(_removed_points, entries, days, doc)
    run(_rules, entries, doc)
    run(_never_acts, scenario, entries, doc)


def _twice(scenario: Scenario, doc: Document) -> None:
    """A scenario may override its base, but not change a thing twice itself."""
    seen: dict[tuple, int] = {}
    for k, it in enumerate(scenario.interventions):
        target = getattr(it, "param", None) or getattr(it, "event", None) or getattr(it, "dispute", None)
        key = ("event" if isinstance(it, Move | Remove) else it.kind, target)
        if not isinstance(it, Force) and key in seen:
            doc.fail(f"{target!r} is changed twice (also by intervention {seen[key]}).", "interventions", k)
        seen[key] = k


def _event_days(entries: list[Entry]) -> dict[str, tuple[str | None, Entry]]:
    """Event -> (its date after the whole chain, None if removed; the last entry that set it)."""
    out: dict[str, tuple[str | None, Entry]] = {}
    for e in entries:
        if isinstance(e.item, Move):
            out[e.item.event] = (e.item.date, e)
        elif isinstance(e.item, Remove):
            out[e.item.event] = (None, e)
    return out


def _events(entries: list[Entry], days: dict, doc: Document) -> None:
    """Removing a cause but keeping its consequence; an event moved before its cause."""
    removed = {ev for ev, (day, _) in days.items() if day is None}

    def date(ev: str) -> str:
        return days[ev][0] if ev in days and days[ev][0] else MOVABLE[ev].window[0]

    for ev in MOVABLE.values():
        for cause in ev.after_events:
            if cause in removed and ev.id not in removed:
                e = days[cause][1]
                doc.fail(f"removing {cause} leaves {ev.id}, which it causes; remove {ev.id} too.", *e.path())
            if cause not in removed and ev.id not in removed and date(cause) > date(ev.id):
                e = max((days[x][1] for x in (ev.id, cause) if x in days), key=lambda x: x.order)
                doc.fail(f"{ev.id} ({date(ev.id)}) would come before its cause {cause} ({date(cause)}).", *e.path())


def _removed_points(entries: list[Entry], days: dict, doc: Document) -> None:
    """A force or forbid on a point that a remove takes out of the war (across the chain)."""
    for e in entries:
        if not isinstance(e.item, Force) or days.get(e.item.point, ("", None))[0] is not None:
            continue
        remover = days[e.item.point][1]
        if e.own or remover.own:
            doc.fail(
                f"{e.item.point} is removed by {remover.label()} and {e.item.kind}d by {e.label()}; "
                "a point that never happens cannot be forced or forbidden.",
                *max(e, remover, key=lambda x: x.order).path(),
            )


def _rules(entries: list[Entry], doc: Document) -> None:
    """Two forces of different options, or a force and a forbid of one option, at overlapping dates."""
    by_node = defaultdict(list)
    for e in entries:
        if isinstance(e.item, Force):
            for rule in e.item.rules():
                by_node[rule.node].append((e, rule))
    for node_id, rules in by_node.items():
        for b, (eb, rb) in enumerate(rules):
            if not eb.own:
                continue
            for ea, ra in rules[:b]:
                if ra.start > rb.end or rb.start > ra.end:
                    continue
                if ra.mode == rb.mode == "force" and ra.option != rb.option:
                    doc.fail(
                        f"it forces {rb.option!r} at {node_id} while {ea.label()} forces {ra.option!r} there "
                        f"at the same time.",
                        *eb.path(),
                    )
                if {ra.mode, rb.mode} == {"force", "forbid"} and ra.option == rb.option:
                    doc.fail(
                        f"it {rb.mode}s {rb.option!r} at {node_id} while {ea.label()} {ra.mode}s it at the same time.",
                        *eb.path(),
                    )
        forbidden = {r.option for _, r in rules if r.mode == "forbid"}
        own = [e for e, _ in rules if e.own]
        if own and forbidden >= set(CHOICE_NODES[node_id].options):
            doc.fail(
                f"it forbids every option at {node_id}; at least one must stay open.",
                *own[-1].path(),
                choices=list(CHOICE_NODES[node_id].options),
            )


def _never_acts(scenario: Scenario, entries: list[Entry], doc: Document) -> None:
    """The file's own interventions that could not take effect before the scenario's horizon."""
    horizon = f"the scenario's horizon ({scenario.horizon})"
    moved: dict[str, str | None] = {}
    for e in entries:
        it = e.item
        if isinstance(it, Force) and e.own:
            first = max(it.start or "", CHOICE_NODES[it.point].window[0])
            if first > scenario.horizon and first == it.start:
                doc.fail(
                    f"'from' {first} is after {horizon}, so it could never take effect.", *e.path(), it.kind, "from"
                )
            if first > scenario.horizon:
                doc.fail(
                    f"{it.point} can first happen on {first}, after {horizon}, so this could never take effect.",
                    *e.path(),
                    it.kind,
                    "point",
                )
        elif isinstance(it, Move):
            if e.own and it.date > scenario.horizon:
                doc.fail(
                    f"the new date {it.date} is after {horizon}, so it could never take effect; "
                    "to drop the event, remove it.",
                    *e.path(),
                    "move",
                    "date",
                )
            moved[it.event] = it.date
        elif isinstance(it, Remove):
            day = moved.get(it.event, REMOVABLE[it.event].window[0])
            if e.own and day is not None and day > scenario.horizon:
                doc.fail(
                    f"{it.event} happens on {day}, after {horizon}, so removing it changes nothing.",
                    *e.path(),
                    "remove",
                    "event",
                )
            moved[it.event] = None
