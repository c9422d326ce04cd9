"""Monte Carlo error: an estimate and its 95% interval against the number of worlds, and when it is too wide.

World ``i`` is the same world in any run, so the estimate from the first
``n`` worlds is what ``whatif run --runs n`` would print; the curve shows it
settling as ``n`` grows. Intervals: Wilson for a share, normal for a mean,
and for a median the distribution-free interval between two order statistics
(the ranks n/2 -+ 1.96 sqrt(n)/2). An interval's half-width shrinks as
1/sqrt(n): halving it takes four times the worlds.

:func:`precision_warnings` says when an interval is wider than the
difference it is used to claim (a rare outcome's share against zero, the most
common ending against the next one); :func:`effect_warnings` does the same
for paired effects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim.analysis.measures import Measure
from sim.analysis.summary import Z95, wilson


def interval(values: np.ndarray, measure: Measure) -> tuple[float, float, float]:
    """(estimate, low, high) of the measure over ``values`` (per-world values), 95%."""
    n = len(values)
    if measure.kind == "share":
        k = round(float(values.sum()))
        lo, hi = wilson(k, n)
        return k / n, float(lo), float(hi)
    if measure.kind == "date":
        s = np.sort(values)
        half = Z95 * math.sqrt(n) / 2
        lo, hi = max(0, math.floor(n / 2 - half)), min(n - 1, math.ceil(n / 2 + half) - 1)
        return float(np.median(s)), float(s[lo]), float(s[hi])
    mean = float(values.mean())
    half = Z95 * float(values.std(ddof=1)) / math.sqrt(n) if n > 1 else math.inf
    return mean, mean - half, mean + half


def sizes(runs: int, points: int = 24, smallest: int = 50) -> list[int]:
    """World counts from ``smallest`` to ``runs``, evenly spaced on a log scale."""
    lo = min(smallest, runs)
    return sorted({round(x) for x in np.geomspace(lo, runs, points)} | {runs})


def curve(values: np.ndarray, measure: Measure, counts: Sequence[int]) -> list[dict]:
    """The estimate and its interval from the first ``n`` worlds, for each ``n`` of ``counts``."""
    out = []
    for n in counts:
        est, lo, hi = interval(values[:n], measure)
        out.append({"n": int(n), "estimate": est, "low": lo, "high": hi})
    return out


def target_half_width(measure: Measure, estimate: float) -> float:
    """A default precision to aim at: 1 percentage point, 7 days, or 1% of a mean."""
    if measure.kind == "share":
        return 0.01
    if measure.kind == "date":
        return 7.0
    return max(abs(estimate) * 0.01, 1e-9)


def worlds_needed(point: dict, target: float) -> int | None:
    """Worlds for a half-width of ``target``, from the last point's half-width (which shrinks as 1/sqrt(n))."""
    half = (point["high"] - point["low"]) / 2
    if not half > 0:
        return None
    return math.ceil(point["n"] * (half / target) ** 2)


def _too_wide(p: float, n: int) -> tuple[float, float, int] | None:
    """(low, high, worlds needed) when a share's 95% interval is wider than its distance from 0 or 1."""
    k = round(p * n)
    if k == 0 or k == n:
        return None
    lo, hi = wilson(k, n)
    edge = min(p, 1 - p)
    if hi - lo <= edge:
        return None
    return lo, hi, math.ceil(n * ((hi - lo) / edge) ** 2)


def _shares_warning(labels: dict[str, str], shares: dict[str, float], n: int) -> str | None:
    wide = {k: (p, _too_wide(float(p), n)) for k, p in shares.items()}
    wide = {k: (p, w) for k, (p, w) in wide.items() if w}
    if not wide:
        return None
    parts = ", ".join(f"{labels.get(k, k)} {p:.2%} ({w[0]:.2%}-{w[1]:.2%})" for k, (p, w) in wide.items())
    need = max(w[2] for _, w in wide.values())
    return (
        f"at {n:,} worlds these shares are known only roughly, their 95% intervals being wider than their distance "
        f"from 0 or 100%: {parts}; about {need:,} worlds would narrow the intervals below that."
    )


def _ranking_warning(labels: dict[str, str], final: dict[str, float], n: int) -> str | None:
    ranked = sorted(final.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or ranked[1][1] == 0:
        return None
    (a, pa), (b, pb) = ranked[:2]
    gap = pa - pb
    half = Z95 * math.sqrt(max(pa + pb - gap**2, 0.0) / n)
    if gap > half:
        return None
    need = math.ceil(n * (half / gap) ** 2) if gap > 0 else None
    more = f"; about {need:,} worlds would separate them" if need else ""
    return (
        f"the two most common endings, {labels.get(a, a)} ({pa:.1%}) and {labels.get(b, b)} ({pb:.1%}), differ "
        f"by {gap:.1%}, less than the 95% interval of that difference (+-{half:.1%}): which is more common is not "
        f"established{more}."
    )


def precision_warnings(summary: dict, labels: dict[str, str] | None = None) -> list[str]:
    """Warnings for a ``run`` summary whose intervals are wider than the differences they would support."""
    labels = labels or {}
    n = int(summary["runs"])
    found = (
        _shares_warning(labels, {**summary["shares"], **summary["final_outcome"]}, n),
        _ranking_warning(labels, summary["final_outcome"], n),
    )
    return [w for w in found if w]


def effect_warnings(doc: dict, labels: dict[str, str] | None = None) -> list[str]:
    """Warnings for a ``compare`` document: non-zero paired effects whose interval includes zero."""
    labels = labels or {}
    out = []
    for name, d in doc["scenarios"].items():
        for key, e in d["effects"].items():
            lo, hi = e["ci"]
            if e["diff"] != 0 and lo < 0 < hi:
                scale, unit = (1.0, " months") if key == "war_months" else (100.0, " pp")
                diff, lo, hi = (f"{scale * x:+.1f}" for x in (e["diff"], lo, hi))
                out.append(
                    f"{name}: the effect on {labels.get(key, key)} ({diff}{unit}, 95% interval {lo} to {hi}{unit}) "
                    "is smaller than its interval: not distinguished from no effect."
                )
    return out


@dataclass
class Result:
    """An estimate against the number of worlds: the curve, and the worlds for a target half-width."""

    scenario: str
    measure: Measure
    seed: int
    curve: list[dict]
    target: float
    needed: int | None

    def to_doc(self) -> dict:
        return {
            "scenario": self.scenario,
            "outcome": self.measure.text,
            "kind": self.measure.kind,
            "seed": self.seed,
            "curve": self.curve,
            "target_half_width": self.target,
            "worlds_needed": self.needed,
        }


def converge(values: np.ndarray, measure: Measure, scenario: str, seed: int, target: float | None = None) -> Result:
    """The convergence curve of a measure from its per-world values (worlds 0..n-1 in order)."""
    points = curve(values, measure, sizes(len(values)))
    target = target if target is not None else target_half_width(measure, points[-1]["estimate"])
    return Result(scenario, measure, seed, points, target, worlds_needed(points[-1], target))
