"""Leader ablation: what the documented preferences add over policies that know nothing.

Each leader in turn gives up its documented preferences for a trivial policy
(``rows.POLICIES``: always the first option, uniform at random, or always
the historical choice), injected through the case's leaders mapping (a
``decide`` override; the leaders' files are untouched); every other leader
keeps its preferences. Two things are measured against the documented model:

- **fidelity**: the probability the model gives each historical choice on the
  forced historical path (as ``whatif fidelity``): the log-likelihood of the
  history summed over the decision points, the points where the historical
  choice is more likely than any other (a tie, as under the uniform policy, is
  no hit), and the mean probability at the ablated leader's own points.
  "Always historical" is a ceiling, not a model: it knows the answer.
- **the library's answers**: each library scenario's effect against the
  baseline (paired worlds) on a few headline outcomes; the change of those
  effects under the ablation, in percentage points.

Every variant is a block of rows of one vectorised model (``rows``), on the
same worlds, so a difference between variants is the policy's, not the dice's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim import case
from sim.analysis import rows
from sim.analysis.calibrate import historical_setup
from sim.case import KOREA, outcomes
from sim.engine import executors
from sim.engine.nodes import DecisionPoint
from sim.scenario import load

HEADLINE = ("china_entered", "dprk_survives", "rok_unifies", "divided")
DOCUMENTED = ("(documented)", "")


def variants(leaders: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(leader, policy) pairs: the documented model first, then each leader under each policy."""
    keys = list(leaders or KOREA.leaders)
    return [DOCUMENTED] + [(k, p) for k in keys for p in rows.POLICIES]


def _policy_rows(chosen: Sequence[tuple[str, str]], runs: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """World indices (0..runs-1 for every variant) and each leader's policy code per row."""
    worlds = np.tile(np.arange(runs, dtype=np.int64), len(chosen))
    codes = {k: np.zeros(len(worlds), np.int64) for k in KOREA.leaders}
    for v, (leader, policy) in enumerate(chosen):
        if policy:
            codes[leader][v * runs : (v + 1) * runs] = rows.POLICY_CODES[policy]
    return worlds, {k: c for k, c in codes.items() if c.any()}


@dataclass
class Fidelity:
    """One variant on the historical path: P(historical) per decision point, and summaries."""

    p_historical: dict[str, float]
    most_likely: dict[str, bool]

    def log_likelihood(self) -> float:
        return float(sum(np.log(max(p, 1e-12)) for p in self.p_historical.values()))

    def hits(self) -> int:
        return sum(self.most_likely.values())


def fidelity(chosen: Sequence[tuple[str, str]], runs: int = 1000, seed: int = 1950) -> list[Fidelity]:
    """Each variant's fidelity on the forced historical path (its own probabilities, recorded before the force)."""
    worlds, codes = _policy_rows(chosen, runs)
    model = rows.RowsModel(rows.rows_case(KOREA), worlds, seed, historical_setup(), policies=codes, record=True)
    model.run()
    out = []
    for v in range(len(chosen)):
        p_hist, likely = {}, {}
        for node in case.DECISIONS:
            table = model.recorded.get(node.id)
            if node.historical is None or table is None or len(node.options) < 2:
                continue
            block = table[v * runs : (v + 1) * runs]
            block = block[~np.isnan(block).any(axis=1)]
            if not len(block):
                continue
            mean = block.mean(axis=0)
            j = node.options.index(node.historical)
            p_hist[node.id] = float(mean[j])
            likely[node.id] = bool(mean[j] > np.delete(mean, j).max() + 1e-12)  # a tie is no hit
        out.append(Fidelity(p_hist, likely))
    return out


def _shares(columns: dict[str, np.ndarray], n_variants: int, runs: int) -> np.ndarray:
    """(variants, headline outcomes) shares."""
    out = np.zeros((n_variants, len(HEADLINE)))
    final = np.asarray(columns["final_outcome"])
    for j, name in enumerate(HEADLINE):
        col = final == outcomes.FINAL.index(name) if name in outcomes.FINAL else np.asarray(columns[name], bool)
        out[:, j] = col.reshape(n_variants, runs).mean(axis=1)
    return out


@dataclass(frozen=True)
class LibraryTask:
    scenario: str
    chosen: tuple[tuple[str, str], ...]
    runs: int
    seed: int


def library_shares(task: LibraryTask) -> np.ndarray:
    """One scenario under every variant: (variants, headline outcomes) shares on the same worlds."""
    worlds, codes = _policy_rows(task.chosen, task.runs)
    cols = rows.run_rows(load(task.scenario).setup(), task.seed, worlds, policies=codes)
    return _shares(cols, len(task.chosen), task.runs)


def library(
    chosen: Sequence[tuple[str, str]], scenarios: Sequence[str], runs: int = 500, seed: int = 1950, jobs: int = 1
) -> dict[str, np.ndarray]:
    """Scenario -> (variants, headline outcomes) shares; the first scenario is the reference (the baseline)."""
    tasks = [LibraryTask(name, tuple(chosen), runs, seed) for name in scenarios]
    return dict(zip(scenarios, executors.map_chunks(library_shares, tasks, jobs), strict=True))


def answer_changes(shares: dict[str, np.ndarray], base: str = "baseline") -> dict[str, np.ndarray]:
    """Per scenario (not the base): (variants, outcomes) change of its effect against the base, vs the documented."""
    out = {}
    for name, s in shares.items():
        if name == base:
            continue
        effect = s - shares[base]
        out[name] = effect - effect[0]
    return out


@dataclass
class Ablation:
    """Fidelity and library answers of every variant (the documented model first)."""

    chosen: list[tuple[str, str]]
    fidelity: list[Fidelity]
    shares: dict[str, np.ndarray]
    runs: int
    library_runs: int
    seed: int

    def changes(self) -> dict[str, np.ndarray]:
        return answer_changes(self.shares)

    def to_doc(self) -> dict:
        return to_doc(self)

    def own_points(self, leader: str) -> list[str]:
        """The decision points of ``leader`` on the historical path."""
        return [n.id for n in case.DECISIONS if isinstance(n, DecisionPoint) and n.decider == leader]


def ablate(
    leaders: Sequence[str] | None = None,
    runs: int = 1000,
    library_runs: int = 300,
    seed: int = 1950,
    scenarios: Sequence[str] | None = None,
    jobs: int = 1,
) -> Ablation:
    """Fidelity and the library's answers with each leader's preferences replaced by each trivial policy."""
    from sim.scenario import library as files

    chosen = variants(leaders)
    names = list(scenarios or ["baseline", *sorted(n for n in files() if n != "baseline")])
    if names[0] != "baseline":
        names = ["baseline", *[n for n in names if n != "baseline"]]
    return Ablation(
        chosen, fidelity(chosen, runs, seed), library(chosen, names, library_runs, seed, jobs), runs, library_runs, seed
    )


def to_doc(res: Ablation) -> dict:
    """The ``whatif ablate --json`` document."""
    changes = res.changes()
    out = {"runs": res.runs, "library_runs": res.library_runs, "seed": res.seed, "outcomes": list(HEADLINE)}
    out["variants"] = [
        {
            "leader": leader,
            "policy": policy or None,
            "log_likelihood": fid.log_likelihood(),
            "hits": fid.hits(),
            "p_historical": fid.p_historical,
            "effect_changes": {name: dict(zip(HEADLINE, c[v].tolist(), strict=True)) for name, c in changes.items()},
        }
        for v, ((leader, policy), fid) in enumerate(zip(res.chosen, res.fidelity, strict=True))
    ]
    return out
