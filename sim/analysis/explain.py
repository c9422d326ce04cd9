"""Explaining one world: a dated narrative, and the same world under two scenarios.

A world's trace (``sim.analysis.simulate.trace_world``) records every node it reached:
the options with their probabilities, each term's contribution to each
option's utility, the dice where chance decided, and whether a scenario
forced or forbade the choice. Here it becomes plain words, each term with its
evidence id and source passage.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

from agents import LEADERS
from sim import case
from sim.analysis.simulate import run_scenario, trace_world
from sim.case import outcomes
from sim.case.evidence import REGISTRY
from sim.scenario import Scenario


def _leader_name(key: str | None) -> str:
    return LEADERS[key].name if key in LEADERS else "chance"


def _term_line(decider: str, term: str, values: list[float], options: list[str]) -> str:
    t = LEADERS[decider].term(term)
    ev = REGISTRY[t.evidence]
    parts = ", ".join(f"{o} {v:+.2f}" for o, v in zip(options, values, strict=True) if abs(v) > 5e-4)
    source = textwrap.fill(
        f"evidence {t.evidence}: {ev.label} - {ev.topic}", 100, initial_indent=" " * 8, subsequent_indent=" " * 10
    )
    return f"      {term} ({t.measures}): {parts}\n{source}"


def driving_terms(entry: dict) -> list[tuple[str, list[float]]]:
    """The entry's terms, largest spread between options first (what drove the choice)."""
    terms = [(k, v) for k, v in (entry.get("terms") or {}).items() if max(v) - min(v) > 5e-4]
    return sorted(terms, key=lambda kv: -(max(kv[1]) - min(kv[1])))


def describe_entry(entry: dict, terms: int = 4) -> str:
    """One node of a trace in words."""
    node = case.BY_ID[entry["node"]]
    head = f"{entry['date']}  {node.title} ({node.id})"
    lines = [head]
    if node.narrative:
        lines.append(f"    {node.narrative}  [front line {entry['front']:.2f} N]")
    if entry["kind"] == "event":
        lines.append("    event: it happens.")
        return "\n".join(lines)
    probs = "  ".join(f"{node.label(o)} {p:.0%}" for o, p in zip(entry["options"], entry["probabilities"], strict=True))
    who = "chance decides" if entry["kind"] == "chance" else f"{_leader_name(entry['decider'])} decides"
    lines.append(f"    {who}: {probs}")
    rule = entry.get("rule")
    if rule == "forced":
        lines.append(
            f"    -> {node.label(entry['choice'])}: forced by scenario (do(); the probabilities above are "
            "what the decider would have chosen)"
        )
    elif rule == "forbidden":
        lines.append(
            f"    -> {node.label(entry['choice'])} (an option was forbidden by the scenario; chosen among "
            f"the rest, dice {entry['draw']:.2f})"
        )
    else:
        lines.append(f"    -> {node.label(entry['choice'])} (dice {entry['draw']:.2f})")
    if entry["kind"] == "chance":
        lines.append("    sources: " + "; ".join(f"{e} ({REGISTRY[e].label})" for e in node.evidence))
    else:
        lines.append("    what drove it (each term's contribution to each option's utility, largest first):")
        for term, values in driving_terms(entry)[:terms]:
            lines.append(_term_line(entry["decider"], term, values, entry["options"]))
    return "\n".join(lines)


def narrative(trace: list[dict], title: str, world: int, terms: int = 4) -> str:
    """The dated narrative of one world."""
    decisions = sum(e["kind"] == "decision" for e in trace)
    lines = [
        f"World {world} of '{title}': {decisions} decisions, "
        f"{sum(e['kind'] == 'chance' for e in trace)} chance nodes, "
        f"{sum(e['kind'] == 'event' for e in trace)} events",
        "",
    ]
    lines += [describe_entry(e, terms) + "\n" for e in trace]
    return "\n".join(lines)


def outcome_line(scenario: Scenario, world: int) -> str:
    """How the world ended, from a one-world run."""
    c = run_scenario(scenario, runs=1, first_world=world).columns
    final = outcomes.FINAL[int(c["final_outcome"][0])]
    yes = [k for k in outcomes.BOOLEAN if c[k][0]]
    return f"outcome: {final}; " + ", ".join(yes)


PICK_HELP = "OUTCOME=VALUE, e.g. china_entered=false or final_outcome=rok_unifies"


def pick_world(scenario: Scenario, condition: str, search: int = 5000) -> int:
    """The first world (lowest index) of ``scenario`` whose outcome matches ``condition``."""
    key, sep, raw = condition.partition("=")
    key, raw = key.strip(), raw.strip().lower()
    if not sep or key not in (*outcomes.BOOLEAN, "final_outcome"):
        raise ValueError(f"--pick takes {PICK_HELP}; outcomes: {', '.join((*outcomes.BOOLEAN, 'final_outcome'))}.")
    c = run_scenario(scenario, runs=search).columns
    if key == "final_outcome":
        if raw not in outcomes.FINAL:
            raise ValueError(f"--pick final_outcome takes one of {', '.join(outcomes.FINAL)}, not {raw!r}.")
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


def _same(a: dict, b: dict) -> bool:
    return a["node"] == b["node"] and a["date"] == b["date"] and a["choice"] == b["choice"]


def diff(base: Scenario, other: Scenario, world: int) -> Diff:
    """Where and why world ``world`` differs between two scenarios."""
    a, b = trace_world(base, world), trace_world(other, world)
    k = 0
    while k < min(len(a), len(b)) and _same(a[k], b[k]) and a[k].get("rule") == b[k].get("rule"):
        k += 1
    if k == len(a) == len(b):
        return Diff(world, a, [], [], "the two scenarios give this world the same history")
    first = b[k] if k < len(b) else a[k]
    node = case.BY_ID[first["node"]]
    changed = other.setup().event_days
    moved = [e for e in (a[k : k + 1] + b[k : k + 1]) if e["node"] in changed]
    if moved:
        ev = moved[0]["node"]
        what = "removes" if changed[ev] is None else "moves"
        reason = f"the scenario {what} the event {ev} ({case.BY_ID[ev].title})"
    elif first.get("rule"):
        reason = f"the scenario's intervention at {node.id}: the choice is {first['rule']} there (do())"
    elif k < len(a) and k < len(b) and a[k]["node"] == b[k]["node"] and a[k]["date"] == b[k]["date"]:
        shift = [
            f"{o} {pa:.0%} -> {pb:.0%}"
            for o, pa, pb in zip(a[k]["options"], a[k]["probabilities"], b[k]["probabilities"], strict=True)
            if abs(pa - pb) > 5e-3
        ]
        why = (
            ("the probabilities moved (" + ", ".join(shift) + ") because the state upstream changed")
            if shift
            else "a changed state upstream"
        )
        reason = f"{node.id} came out differently: {why}; the dice were the same ({a[k]['draw']:.2f})"
    else:
        reason = (
            f"a changed state upstream: {node.id} happens in one history and not at that moment in the "
            "other (a different date, or a point reached in only one of them)"
        )
    return Diff(world, a[:k], a[k:], b[k:], reason)


def diff_text(d: Diff, base_title: str, other_title: str, width: int = 60) -> str:
    """Side by side from the first decision that differs."""
    lines = [f"World {d.world}: '{base_title}' vs '{other_title}'"]
    if d.common:
        lines.append(f"identical until {d.common[-1]['date']} ({len(d.common)} steps, last: {d.common[-1]['node']})")
    lines.append(f"first difference: {d.reason}")
    lines.append("")
    lines.append(f"{base_title[:width]:{width}s} | {other_title[:width]}")
    lines.append("-" * width + "-+-" + "-" * width)

    def cell(e: dict | None) -> str:
        if e is None:
            return ""
        mark = f" [{e['rule']}]" if e.get("rule") else ""
        return f"{e['date']} {e['node']}: {e['choice']}{mark}"[:width]

    for i in range(max(len(d.base), len(d.other))):
        left = d.base[i] if i < len(d.base) else None
        right = d.other[i] if i < len(d.other) else None
        lines.append(f"{cell(left):{width}s} | {cell(right)}")
    return "\n".join(lines)
