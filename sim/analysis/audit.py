"""The audit: what each decision point reads, which options lack terms, how certain history is, and the invariants.

For a scenario and a number of worlds: per decision point, the state
variables its features read (found by running them, ``sim.analysis.graph``),
its options without any documented term, and the spread over worlds of the
probability of its historical choice where it fires (its first occurrence);
then each historical-logic invariant (``sim.analysis.invariants``) with the
number of worlds that break it.
"""

from __future__ import annotations

import numpy as np

from sim import case
from sim.analysis import invariants
from sim.analysis.graph.probe import probe, probe_model
from sim.analysis.simulate import as_scenario, model
from sim.engine.ensemble import CHUNK
from sim.scenario import Scenario


def point_reads() -> dict[str, list[str]]:
    """Decision point -> the state variables its features read."""
    m = probe_model()
    out = {}
    for node in case.DECISIONS:
        reads = probe(node, m).reads
        out[node.id] = sorted(name for name, where in reads.items() if "features" in where)
    return out


def options_without_terms() -> dict[str, list[str]]:
    """Decision point -> its options that carry no term (none may)."""
    m = probe_model()
    view = m.state.view(np.arange(m.n))
    out = {}
    for node in case.DECISIONS:
        view.day = np.full(m.n, node.start if node.start > 0 else 0)
        features = node.features(view)
        out[node.id] = [o for o in node.options if not features.get(o)]
    return out


def _run(sc: Scenario, runs: int, seed: int):
    """Per chunk: the finished model (with first-occurrence probabilities)."""
    for start in range(0, runs, CHUNK):
        worlds = np.arange(start, min(start + CHUNK, runs))
        yield model(worlds, seed, sc.setup(), record_probabilities=True).run()


def audit(scenario: Scenario | str = "baseline", runs: int = 10_000, seed: int | None = None) -> dict:
    """The ``whatif audit --json`` document."""
    sc = as_scenario(scenario)
    seed = sc.seed if seed is None else seed
    p_hist: dict[str, list[np.ndarray]] = {n.id: [] for n in case.DECISIONS}
    broken = {inv.name: 0 for inv in invariants.INVARIANTS}
    for m in _run(sc, runs, seed):
        for node in case.DECISIONS:
            table = m.first_p.get(node.id)
            if table is not None and node.historical:
                p = table[:, node.options.index(node.historical)]
                p_hist[node.id].append(p[~np.isnan(p)])
        for name, bad in invariants.check(m).items():
            broken[name] += int(bad.sum())
    reads, bare = point_reads(), options_without_terms()
    points = {}
    for node in case.DECISIONS:
        values = np.concatenate(p_hist[node.id]) if p_hist[node.id] else np.empty(0)
        spread = (
            {"min": float(values.min()), "median": float(np.median(values)), "max": float(values.max())}
            if values.size
            else None
        )
        points[node.id] = {"reads": reads[node.id], "options_without_terms": bare[node.id], "p_hist": spread}
    return {"scenario": sc.name, "runs": runs, "seed": seed, "points": points, "invariants": broken}


def certain_points(doc: dict, threshold: float = 0.99) -> list[str]:
    """Points whose historical choice has probability >= ``threshold`` in every world where they fire."""
    return [k for k, p in doc["points"].items() if p["p_hist"] and p["p_hist"]["min"] >= threshold]


def text(doc: dict) -> str:
    """The audit as a plain-text report."""
    lines = [f"Audit of '{doc['scenario']}': {doc['runs']:,} worlds, seed {doc['seed']}", ""]
    lines.append(f"{'decision point':28s} {'P(historical choice): min / median / max':42s} reads")
    for pid, p in doc["points"].items():
        spread = p["p_hist"]
        cell = (
            "no historical choice, or never reached"
            if spread is None
            else (f"{spread['min']:.2f} / {spread['median']:.2f} / {spread['max']:.2f}")
        )
        flag = " (certain in every world)" if spread and spread["min"] >= 0.99 else ""
        lines.append(f"{pid:28s} {cell + flag:42s} {', '.join(p['reads']) or '-'}")
        if p["options_without_terms"]:
            lines.append(f"{'':28s} ! options without terms: {', '.join(p['options_without_terms'])}")
    lines += ["", "invariants (worlds that break them):"]
    rules = {inv.name: inv.rule for inv in invariants.INVARIANTS}
    for name, count in doc["invariants"].items():
        lines.append(f"  {count:7,d}  {name}: {rules[name]}")
    return "\n".join(lines)
