"""Paired comparison: the same worlds under a base scenario and under others.

World i shares its dice under every scenario, so each outcome's effect is
the mean of the per-world paired differences, with a normal 95% interval on
those differences (n is in the thousands). A world has diverged when any
node differs (its first choice or day, number of occurrences or last choice)
or any outcome differs; its first divergence is the earliest node that
differs. For a repeating node whose first occurrence matches, the difference
is dated at the first occurrence that one run has and the other lacks
(shorter run's last day + the node's interval), or, with equal counts, at
its second occurrence: the log keeps first and last occurrences only.
"""

from __future__ import annotations

import numpy as np

from sim import case
from sim.analysis.summary import Z95, summarize
from sim.case import outcomes
from sim.engine.ensemble import Ensemble

NO_DECISION = "(outcome only)"


def paired_effect(diff: np.ndarray) -> dict:
    """Mean of paired differences with a 95% normal interval."""
    n = diff.size
    mean = float(diff.mean())
    half = Z95 * float(diff.std(ddof=1)) / np.sqrt(n) if n > 1 else 0.0
    return {"diff": mean, "ci": [mean - half, mean + half]}


def effects(base: Ensemble, other: Ensemble) -> dict[str, dict]:
    """Paired effect on every boolean outcome, final-outcome category and the war's length."""
    b, o = base.columns, other.columns
    out = {k: paired_effect(o[k].astype(float) - b[k].astype(float)) for k in outcomes.BOOLEAN}
    for i, name in enumerate(outcomes.FINAL):
        out[name] = paired_effect((o["final_outcome"] == i).astype(float) - (b["final_outcome"] == i).astype(float))
    out["war_months"] = paired_effect(o["war_months"] - b["war_months"])
    return out


def divergence(base: Ensemble, other: Ensemble) -> tuple[np.ndarray, np.ndarray]:
    """(diverged per world, first divergent point per world as an object array; '' if none)."""
    n = base.runs
    first_day = np.full(n, np.iinfo(np.int32).max, np.int64)
    first_point = np.full(n, "", dtype=object)
    for node in case.NODES:
        differs = (
            (base.choices[node.id] != other.choices[node.id])
            | (base.choice_days[node.id] != other.choice_days[node.id])
            | (base.counts[node.id] != other.counts[node.id])
            | (base.last_choices[node.id] != other.last_choices[node.id])
        )
        if not differs.any():
            continue
        never = np.iinfo(np.int32).max  # the logs keep days in int16: compare them as int64
        b_first, o_first = base.choice_days[node.id].astype(np.int64), other.choice_days[node.id].astype(np.int64)
        day = np.minimum(np.where(b_first >= 0, b_first, never), np.where(o_first >= 0, o_first, never))
        same_first = (base.choices[node.id] == other.choices[node.id]) & (b_first == o_first) & (b_first >= 0)
        if node.every:
            shorter_last = np.minimum(base.last_days[node.id], other.last_days[node.id])
            counts_differ = base.counts[node.id] != other.counts[node.id]
            later = np.where(counts_differ, shorter_last, b_first) + node.every
            day = np.where(same_first, later, day)
        earlier = differs & (day < first_day)
        first_day[earlier] = day[earlier]
        first_point[earlier] = node.id
    outcome_differs = np.zeros(n, bool)
    for k in outcomes.COLUMNS:
        outcome_differs |= base.columns[k] != other.columns[k]
    diverged = (first_point != "") | outcome_differs
    first_point[diverged & (first_point == "")] = NO_DECISION
    return diverged, first_point


def compare(base: Ensemble, others: dict[str, Ensemble], base_name: str, top: int = 5) -> dict:
    """The ``whatif compare --json`` document: the base's own summary, then each scenario's with its effects."""
    own = summarize(base.columns, base_name, base.seed)
    doc = {
        "base": base_name,
        "runs": base.runs,
        "seed": base.seed,
        "base_summary": {k: v for k, v in own.items() if k not in ("scenario", "runs", "seed")},
        "scenarios": {},
    }
    for name, ens in others.items():
        s = summarize(ens.columns, name, ens.seed)
        diverged, first = divergence(base, ens)
        points, counts = np.unique(first[diverged].astype(str), return_counts=True)
        order = np.argsort(-counts, kind="stable")[:top]
        doc["scenarios"][name] = {
            **{k: v for k, v in s.items() if k not in ("scenario", "runs", "seed")},
            "effects": effects(base, ens),
            "diverged_share": float(diverged.mean()),
            "first_divergence": {str(points[i]): float(counts[i] / base.runs) for i in order},
        }
    return doc
