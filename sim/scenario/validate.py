"""Checking one intervention of a scenario file and turning it into its typed value.

:func:`intervention` checks the item's shape (one known kind, a mapping
with the kind's keys) and hands it to the kind's reader, which checks every
value against the case: points and their options, parameters and their
ranges, events, source disputes and their readings, dates and windows.
"""

from __future__ import annotations

from sim.case.params import VARIANTS
from sim.scenario import fields
from sim.scenario.errors import shown
from sim.scenario.grammar import INTERVENTION_KEYS
from sim.scenario.interventions import (
    CHOICE_NODES,
    MOVABLE,
    REMOVABLE,
    Forbid,
    Force,
    Intervention,
    Move,
    Remove,
    SetParam,
    Variant,
    settable,
)
from sim.scenario.reader import Document, keypath


def intervention(doc: Document, item, i: int) -> Intervention:
    """Item ``i`` of the file's ``interventions`` list, checked."""
    path = ("interventions", i)
    if not isinstance(item, dict) or len(item) != 1:
        doc.fail(
            "each intervention is a mapping with exactly one of the keys below.",
            *path,
            choices=sorted(INTERVENTION_KEYS),
        )
    kind, body = next(iter(item.items()))
    if kind not in INTERVENTION_KEYS:
        doc.fail(
            f"unknown intervention {shown(kind)}.",
            *path,
            key=keypath((*path, kind)),
            choices=sorted(INTERVENTION_KEYS),
            near=kind,
        )
    path = (*path, kind)
    _check_keys(doc, kind, body, path)
    return READERS[kind](doc, kind, body, path)


def _check_keys(doc: Document, kind: str, body, path: tuple) -> None:
    required, optional = INTERVENTION_KEYS[kind]
    allowed = sorted(required | optional)
    if not isinstance(body, dict):
        doc.fail(
            f"'{kind}' takes a mapping with the keys below, not {fields.kind(body)} {shown(body)}.",
            *path,
            choices=allowed,
        )
    for key in body:
        if key not in required | optional:
            doc.fail(f"unknown key {shown(key)} for '{kind}'.", *path, key, choices=allowed, near=key)
    for key in sorted(required):
        if key not in body:
            doc.fail(f"'{kind}' needs the key '{key}'.", *path, key=keypath((*path, key)), choices=allowed)


def _force(doc: Document, kind: str, body: dict, path: tuple) -> Force:
    point = fields.name(doc, body["point"], (*path, "point"), "a decision point")
    if point not in CHOICE_NODES:
        doc.fail(f"unknown decision point {shown(point)}.", *path, "point", choices=sorted(CHOICE_NODES), near=point)
    node = CHOICE_NODES[point]
    option = fields.name(doc, body["option"], (*path, "option"), f"an option at {point}", list(node.options))
    if option not in node.options:
        doc.fail(
            f"{shown(option)} is not an option at {point}.", *path, "option", choices=list(node.options), near=option
        )
    start = fields.date(doc, body["from"], (*path, "from")) if "from" in body else None
    end = fields.date(doc, body["until"], (*path, "until")) if "until" in body else None
    if start and end and start > end:
        doc.fail(f"'from' {start} is after 'until' {end}.", *path, "until")
    first, last = node.window
    if start and start > last:
        doc.fail(
            f"{start} is after the last day {point} can happen; its date window is {first} to {last}.",
            *path,
            "from",
        )
    if end and end < first:
        doc.fail(f"{end} is before {point} can happen; its date window is {first} to {last}.", *path, "until")
    cls = Force if kind == "force" else Forbid
    return cls(point, option, start, end)


def _set(doc: Document, kind: str, body: dict, path: tuple) -> SetParam:
    name = fields.name(doc, body["param"], (*path, "param"), "a parameter")
    table = settable()
    if name not in table:
        doc.fail(f"unknown parameter {shown(name)}.", *path, "param", choices=sorted(table), near=name)
    lo, hi, _ = table[name]
    if ("value" in body) == ("range" in body):
        doc.fail("'set' takes exactly one of 'value' or 'range'.", *path, choices=["value", "range"])
    if "value" in body:
        v = fields.number(doc, body["value"], (*path, "value"), lo, hi)
        return SetParam(name, v, v)
    rng = body["range"]
    if not isinstance(rng, list) or len(rng) != 2:
        doc.fail(f"must be a list of two numbers [low, high], not {fields.kind(rng)} {shown(rng)}.", *path, "range")
    a = fields.number(doc, rng[0], (*path, "range"), lo, hi)
    b = fields.number(doc, rng[1], (*path, "range"), lo, hi)
    if a > b:
        doc.fail(f"the range's low end {a:g} is above its high end {b:g}.", *path, "range")
    if name == "choice.temperature" and a != b:
        doc.fail("the temperature takes a single value, not a range.", *path, "range")
    return SetParam(name, a, b)


def _move(doc: Document, kind: str, body: dict, path: tuple) -> Move:
    event = fields.name(doc, body["event"], (*path, "event"), "an event", sorted(MOVABLE))
    if event not in MOVABLE:
        doc.fail(
            f"{shown(event)} is not a dated event that can be moved.",
            *path,
            "event",
            choices=sorted(MOVABLE),
            near=event,
        )
    return Move(event, fields.date(doc, body["date"], (*path, "date"), MOVABLE[event].not_before))


def _remove(doc: Document, kind: str, body: dict, path: tuple) -> Remove:
    event = fields.name(doc, body["event"], (*path, "event"), "an event", sorted(REMOVABLE))
    if event not in REMOVABLE:
        doc.fail(f"{shown(event)} cannot be removed.", *path, "event", choices=sorted(REMOVABLE), near=event)
    return Remove(event)


def _variant(doc: Document, kind: str, body: dict, path: tuple) -> Variant:
    dispute = fields.name(doc, body["dispute"], (*path, "dispute"), "a source dispute", sorted(VARIANTS))
    if dispute not in VARIANTS:
        doc.fail(f"unknown source dispute {shown(dispute)}.", *path, "dispute", choices=sorted(VARIANTS), near=dispute)
    readings = sorted(VARIANTS[dispute].readings)
    reading = fields.name(doc, body["reading"], (*path, "reading"), f"a reading of {dispute}", readings)
    if reading not in readings:
        doc.fail(f"unknown reading {shown(reading)} of {dispute}.", *path, "reading", choices=readings, near=reading)
    return Variant(dispute, reading)


READERS = {"force": _force, "forbid": _force, "set": _set, "move": _move, "remove": _remove, "variant": _variant}
