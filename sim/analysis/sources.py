"""Which terms, parameters and decision points each piece of evidence supports.

``uses()`` maps every evidence id to what cites it; ``moves(id)`` lists the
decision points whose choice it moves: points citing it directly, points
whose decider weighs a term citing it, and nodes drawing on a parameter or
military constant citing it.
"""

from __future__ import annotations

import dataclasses
import inspect
from functools import cache

import numpy as np

from agents import LEADERS
from sim import case
from sim.case import military
from sim.case.evidence import REGISTRY
from sim.case.params import PARAMS, VARIANTS
from sim.engine.nodes import DecisionPoint


@cache
def point_terms() -> dict[str, frozenset[str]]:
    """Decision point -> the terms (``leader.term``) its features use, found by evaluating them."""
    from sim.analysis.simulate import model as make_model

    model = make_model(np.arange(2), 1)
    out = {}
    for node in case.DECISIONS:
        v = model.state.view(np.arange(2))
        v.day = np.full(2, node.start)
        terms = {t for feats in node.features(v).values() for t in feats}
        out[node.id] = frozenset(f"{node.decider}.{t}" for t in terms)
    return out


@cache
def node_params() -> dict[str, frozenset[str]]:
    """Node -> the model parameters its functions draw on (by name, from their source)."""
    out = {}
    for node in case.NODES:
        text = ""
        for fn in (node.when, node.effect, getattr(node, "features", None), getattr(node, "probabilities", None)):
            if fn is not None:
                try:
                    text += inspect.getsource(fn)
                except (OSError, TypeError):
                    continue
        lag = node.after[1] if node.after else None
        out[node.id] = frozenset(p for p in PARAMS if f'"{p}"' in text or p == lag)
    return out


def uses() -> dict[str, list[str]]:
    """Evidence id -> what cites it, in words."""
    out: dict[str, list[str]] = {k: [] for k in REGISTRY}
    for cls in LEADERS.values():
        for t in cls.terms:
            out[t.evidence].append(f"term {cls.key}.{t.name} ({t.level}: {t.measures})")
    for p in PARAMS.values():
        out[p.evidence].append(f"parameter {p.name} ({p.low:g}-{p.high:g} {p.unit}: {p.meaning})")
    for v in VARIANTS.values():
        out[v.evidence].append(f"variant {v.id} (readings: {', '.join(v.readings)})")
    for f in dataclasses.fields(military.Military):
        out[military.EVIDENCE[f.name]].append(f"military constant {f.name} = {getattr(military.M, f.name):g}")
    for node in case.NODES:
        for e in node.evidence:
            out[e].append(f"{node.kind} {node.id} ({node.title})")
    return out


def moves(evidence_id: str) -> list[str]:
    """The decision points (and chance nodes) whose outcome this evidence moves, in causal order."""
    if evidence_id not in REGISTRY:
        raise KeyError(evidence_id)
    terms = {f"{cls.key}.{t.name}" for cls in LEADERS.values() for t in cls.terms if t.evidence == evidence_id}
    params = {p.name for p in PARAMS.values() if p.evidence == evidence_id}
    params |= {p for v in VARIANTS.values() if v.evidence == evidence_id for r in v.readings.values() for p in r.params}
    constants = [f.name for f in dataclasses.fields(military.Military) if military.EVIDENCE[f.name] == evidence_id]
    hit = []
    for node in case.NODES:
        if (
            evidence_id in node.evidence
            or (isinstance(node, DecisionPoint) and point_terms()[node.id] & terms)
            or node_params()[node.id] & params
        ):
            hit.append(node.id)
    if constants:
        hit.append("the military sub-model (front line, forces and deaths every week): " + ", ".join(constants))
    return hit
