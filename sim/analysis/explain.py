"""Explaining one world: what drove each choice, how it ended, and the same world under two scenarios.

A world's trace (``sim.analysis.simulate.trace_world``) records every node it reached:
the options with their probabilities, each term's contribution to each
option's utility, the dice where chance decided, and whether a scenario
forced or forbade the choice. This module finds what a narrative needs (the
driving terms, a world with a given outcome, how a world ended, where two
scenarios part and why); :mod:`sim.output.narrative` puts it in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sim import case
from sim.analysis.simulate import run_scenario, trace_world
from sim.case import outcomes
from sim.engine import dates
from sim.scenario import Scenario, suggest


def driving_terms(entry: dict) -> list[tuple[str, list[float]]]:
    """The entry's terms, largest spread between options first (what drove the choice)."""
    terms = [(k, v) for k, v in (entry.get("terms") or {}).items() if max(v) - min(v) > 5e-4]
    return sorted(terms, key=lambda kv: -(max(kv[1]) - min(kv[1])))


def world_outcome(scenario: Scenario, world: int) -> dict:
    """How one world ended: its outcome columns as plain values (dates as ISO text or None, the
    final outcome by name), from a one-world run."""
    c = run_scenario(scenario, runs=1, first_world=world).columns
    out = {}
    for name in outcomes.COLUMNS:
        value = c[name][0]
        if name in outcomes.DATES:
            out[name] = dates.iso(int(value))
        elif name == "final_outcome":
            out[name] = outcomes.FINAL[int(value)]
        else:
            out[name] = value.item() if hasattr(value, "item") else value
    return out


PICK_HELP = "OUTCOME=VALUE, e.g. china_entered=false or final_outcome=rok_unifies"


def pick_world(scenario: Scenario, condition: str, search: int = 5000) -> int:
    """The first world (lowest index) of ``scenario`` whose outcome matches ``condition``."""
    key, sep, raw = condition.partition("=")
    key, raw = key.strip(), raw.strip().lower()
    if not sep or key not in (*outcomes.BOOLEAN, "final_outcome"):
        names = (*outcomes.BOOLEAN, "final_outcome")
        hint = suggest(key, names) if sep else ""
        raise ValueError(f"--pick takes {PICK_HELP}.{hint} Outcomes: {', '.join(names)}.")
    c = run_scenario(scenario, runs=search).columns
    if key == "final_outcome":
        if raw not in outcomes.FINAL:
            raise ValueError(
                f"--pick final_outcome takes one of {', '.join(outcomes.FINAL)}, not {raw!r}."
                + suggest(raw, outcomes.FINAL)
            )
        hits = np.flatnonzero(c["final_outcome"] == outcomes.FINAL.index(raw))
    else:
        if raw not in ("true", "false"):
            raise ValueError(f"--pick {key} takes true or false, not {raw!r}.")
        hits = np.flatnonzero(c[key] == (raw == "true"))
    if hits.size == 0:
        raise ValueError(f"no world among the first {search:,} of '{scenario.name}' has {key}={raw}.")
    return int(hits[0])


@dataclass
class Diff:
    """The same world under two scenarios, aligned node by node."""

    world: int
    common: list[dict]  # identical entries before the first difference
    base: list[dict]  # the base's entries from the first difference on
    other: list[dict]
    reason: str
    why: dict = field(default_factory=dict)  # ``reason`` as data, for a reader in plain words (see ``diff``)


def _pct(p: float) -> str:
    """A probability as a whole percentage, "<1%" or ">99%" rather than a misleading "0%" or "100%"."""
    if 0 < p < 0.005:
        return "<1%"
    if 0.995 < p < 1:
        return ">99%"
    return f"{p:.0%}"


def _same(a: dict, b: dict) -> bool:
    return a["node"] == b["node"] and a["date"] == b["date"] and a["choice"] == b["choice"]


def _binding(scenario: Scenario, point: str, mode: str, choice: str) -> dict:
    """The intervention of ``scenario``'s chain that forces (or forbids an option) at ``point``, the last one
    winning: ``option`` (the option forced or forbidden there) and ``by`` (the intervention as its file writes it,
    ``{"force": {"point": ..., "option": ...}}``); for a force, the option is the one chosen if none is found."""
    found = {"option": choice if mode == "force" else None, "by": None}
    for item in scenario.all_interventions():
        for rule in getattr(item, "rules", lambda: [])():
            if rule.node == point and rule.mode == mode and (mode == "forbid" or rule.option == choice):
                found = {"option": rule.option, "by": item.to_data()}
    return found


def diff(base: Scenario, other: Scenario, world: int) -> Diff:
    """Where and why world ``world`` differs between two scenarios.

    ``reason`` says why in a line of the command line's text; ``why`` holds the same as data: ``kind`` ("same";
    "event": ``other`` moves (to ``date``) or removes (``removed``) the event ``node``; "rule": ``other`` forces
    or forbids (``rule``: "forced" or "forbidden") the choice at ``node``, named in its interventions (``named``)
    or bound as a point on the same question, with the ``option`` forced or forbidden there and the intervention
    that does it (``by``, as a scenario file writes it; None if not found); "dice": ``node`` came out differently
    on the same dice ``draw``, its probabilities moved by a changed state upstream (``moves``: (option,
    probability in base, in other)); "upstream": ``node`` happens in one history and not at that moment in the
    other).
    """
    a, b = trace_world(base, world), trace_world(other, world)
    k = 0
    while k < min(len(a), len(b)) and _same(a[k], b[k]) and a[k].get("rule") == b[k].get("rule"):
        k += 1
    if k == len(a) == len(b):
        return Diff(world, a, [], [], "the two scenarios give this world the same history", {"kind": "same"})
    first = b[k] if k < len(b) else a[k]
    node = case.BY_ID[first["node"]]
    changed = other.setup().event_days
    moved = [e for e in (a[k : k + 1] + b[k : k + 1]) if e["node"] in changed]
    if moved:
        ev = moved[0]["node"]
        what = "removes" if changed[ev] is None else "moves"
        reason = f"the scenario {what} the event {case.BY_ID[ev].title} ({ev})"
        why = {"kind": "event", "node": ev, "removed": changed[ev] is None}
        why["date"] = None if changed[ev] is None else dates.iso(changed[ev])
    elif first.get("rule"):
        reason = f"the scenario's intervention at {node.title} ({node.id}): the choice is {first['rule']} there (do())"
        named = {next(iter(i.values())).get("point") for i in other.resolved()["interventions"]}
        why = {"kind": "rule", "node": node.id, "rule": first["rule"], "named": node.id in named}
        why.update(_binding(other, node.id, "force" if first["rule"] == "forced" else "forbid", first["choice"]))
    elif k < len(a) and k < len(b) and a[k]["node"] == b[k]["node"] and a[k]["date"] == b[k]["date"]:
        moves = [
            (o, pa, pb)
            for o, pa, pb in zip(a[k]["options"], a[k]["probabilities"], b[k]["probabilities"], strict=True)
            if abs(pa - pb) > 5e-3
        ]
        shift = [f"{node.label(o)} {_pct(pa)} -> {_pct(pb)}" for o, pa, pb in moves]
        because = (
            ("the probabilities moved (" + ", ".join(shift) + ") because the state upstream changed")
            if shift
            else "a changed state upstream"
        )
        reason = (
            f"{node.title} ({node.id}) came out differently: {because}; the dice were the same ({a[k]['draw']:.2f})"
        )
        why = {"kind": "dice", "node": node.id, "moves": moves, "draw": a[k]["draw"]}
    else:
        reason = (
            f"a changed state upstream: {node.title} ({node.id}) happens in one history and not at that moment in the "
            "other (a different date, or a point reached in only one of them)"
        )
        why = {"kind": "upstream", "node": node.id}
    return Diff(world, a[:k], a[k:], b[k:], reason, why)
