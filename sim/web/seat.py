"""Play a leader: the student decides at each of one leader's decision points; the model plays the rest.

The student's choices so far are forced, each on the day it was made
(``force: {point, option, from: DAY, until: DAY}``), on the base scenario;
world ``world`` is simulated with that scenario and its trace read for the
leader's next decision point that is not yet the student's. The world's
dice are keyed by (seed, point, world, occurrence), so the same world with
the same choices is the same history, and the scenario a student saves
replays exactly the world they played.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from sim import api
from sim.api import classroom


@dataclass(frozen=True)
class Pick:
    """One choice of the student: the point, its day, the option, and the model's probabilities there."""

    point: str
    date: str
    option: str
    title: str
    probabilities: tuple[tuple[str, float], ...]


def scenario_text(base: str, leader: str, world: int, picks: list[Pick] | tuple[Pick, ...]) -> str:
    """The student's choices as a scenario on ``base`` (YAML)."""
    name = classroom.leaders().get(leader, leader)
    doc = {
        "name": f"playing_{leader}",
        "title": f"Playing {name}: {len(picks)} choice{'s' * (len(picks) != 1)} in world {world}"[:200],
        "base": base,
        "description": f"{name}'s choices made by a student on the classroom page, world {world}.",
        "interventions": [
            {"force": {"point": p.point, "option": p.option, "from": p.date, "until": p.date}} for p in picks
        ],
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def step(base: str, leader: str, world: int, picks: list[Pick] | tuple[Pick, ...]) -> dict:
    """The world with the student's choices so far: ``next`` (the leader's next decision point's trace
    entry, or None at the end), ``before`` (the trace up to it) and ``trace``."""
    trace = api.trace_world(api.scenario(scenario_text(base, leader, world, picks)), world)
    made = {(p.point, p.date) for p in picks}
    for k, entry in enumerate(trace):
        mine = entry["decider"] == leader and entry["kind"] == "decision"
        if mine and (entry["node"], entry["date"]) not in made and entry.get("rule") != "forced":
            return {"next": entry, "before": trace[:k], "trace": trace}
    return {"next": None, "before": trace, "trace": trace}


def pick(entry: dict, option: str) -> Pick:
    """The student's choice of ``option`` at a trace entry."""
    probs = tuple(zip(entry["options"], entry["probabilities"], strict=True))
    return Pick(entry["node"], entry["date"], option, entry["title"], probs)


def considerations(leader: str, entry: dict) -> list[dict]:
    """The documented terms the leader weighs at this point: what each measures, its evidence and its
    contribution (utility units) to each option in this world, largest first."""
    known = classroom.weights()
    out = []
    for term, values in entry.get("terms", {}).items():
        info = known.get(f"{leader}.{term}", {})
        row = {"term": term, "measures": info.get("measures", term), "evidence": info.get("evidence", "")}
        row["values"] = dict(zip(entry["options"], values, strict=True))
        out.append(row)
    out.sort(key=lambda r: -max(abs(v) for v in r["values"].values()))
    return [r for r in out if any(abs(v) > 1e-9 for v in r["values"].values())]


def against_ensemble(base: str, picks: list[Pick] | tuple[Pick, ...], runs: int = 2000) -> list[dict]:
    """Each choice against the base's ensemble: the share of worlds reaching the point whose leader chose
    as the student did (at the point's first occurrence; a repeat is not compared, ``same`` None, ``repeat``
    True), and the model's most likely option in the student's world with its probability."""
    from sim.web.compute import ensemble, version

    ens = ensemble(base, runs, version(base))
    words = classroom.labels()
    out, seen = [], set()
    for p in picks:
        options = [o for o, _ in p.probabilities]
        first = p.point not in seen  # the ensemble logs each point's first choice: a repeat has nothing to meet
        seen.add(p.point)
        reached = ens.counts[p.point] > 0
        same = ens.choices[p.point][reached] == options.index(p.option)
        best, prob = max(p.probabilities, key=lambda x: x[1])
        out.append(
            {
                "pick": p,
                "label": words[p.point][p.option],
                "repeat": not first,
                "reached": int(reached.sum()),
                "same": float(same.mean()) if reached.any() and first else None,
                "model": words[p.point][best],
                "model_p": prob,
                "yours_p": dict(p.probabilities)[p.option],
            }
        )
    return out
