"""Calibration: how the military constants and the choice temperature were set.

``python -m sim.calibrate front`` runs the historical path (every historical
choice and chance outcome forced) and prints the modelled front line against
the dated historical line, with forces and deaths against the orders of
magnitude of ``sim/data/README.md``. ``--fit`` searches the military
constants (random search, then coordinate refinement) for the lowest
combined misfit and prints them for ``sim/military.py``.

``python -m sim.calibrate temperature`` computes, for a grid of temperatures,
the expected log-likelihood of the historical choices along the historical
path: for each world (weights drawn from their documented ranges) the log
probability of every historical choice, summed over the decision points and
averaged over worlds. Its maximum is the temperature in ``sim/case/params.py``.
(The marginal likelihood - the log of the probability averaged over worlds -
is also printed; it rises without bound as T -> 0, because for the luckiest
weights every choice is certain, so it cannot set T.)
"""

from __future__ import annotations

import argparse
import dataclasses

import numpy as np

from sim import case
from sim.analysis.simulate import model as make_model
from sim.case import history, military
from sim.case.params import TEMPERATURE
from sim.engine import dates
from sim.scenario import Rule, Setup

# orders of magnitude (sim/data/README.md): (low, high), thousands
TARGETS = {
    "deaths_us": (33.0, 40.0),
    "deaths_rok": (110.0, 160.0),
    "deaths_kpa": (215.0, 520.0),
    "deaths_cpv": (183.0, 400.0),
    "un_strength_1953": (930.0, 1100.0),
    "red_strength_1953": (1060.0, 1200.0),
}
FIT_BOUNDS = {
    "vmax": (0.3, 0.8),
    "defence": (1.1, 1.8),
    "reach_kpa": (3.0, 10.0),
    "reach_cpv": (2.0, 8.0),
    "reach_un": (3.0, 12.0),
    "q_kpa": (1.0, 2.2),
    "q_cpv": (0.3, 1.2),
    "q_rok_1950": (0.25, 0.7),
    "q_us_1950": (0.6, 1.3),
    "q_us_1951": (1.0, 2.0),
    "air_us": (0.1, 0.6),
    "cpv_surprise": (1.0, 3.0),
    "lure_weeks": (2.0, 7.0),
    "surprise_weeks": (3.0, 8.0),
    "cpv_push": (0.2, 2.5),
    "loss_static": (0.002, 0.008),
    "loss_mobile": (0.03, 0.2),
    "cpv_recruit": (6.0, 24.0),
    "us_ramp_later": (2.0, 5.0),
    "rok_recruit": (2.0, 6.0),
    "kpa_recruit": (1.0, 3.0),
    "inchon_jump": (0.5, 1.5),
    "death_share": (0.15, 0.4),
}


def historical_front() -> tuple[np.ndarray, np.ndarray]:
    """(day numbers, latitudes) of the shipped historical front line."""
    days, lats, _ = history.front_line()
    return days, lats


def historical_setup(**kwargs) -> Setup:
    """The setup that forces every historical choice and chance outcome."""
    rules = tuple(
        Rule(n.id, n.historical, "force", once=True) for n in case.NODES if n.historical and len(n.options) > 1
    )
    return Setup(rules=rules, **kwargs)


def run_historical(n: int = 100, seed: int = 1950) -> dict:
    """Weekly medians over ``n`` worlds on the historical path, and final deaths."""
    m = make_model(np.arange(n), seed, historical_setup())
    s, weeks = m.state, []
    while m.tick < len(m.ticks):
        m.step()
        weeks.append(
            (
                int(m.ticks[m.tick - 1]) + dates.TICK_DAYS,
                np.median(s.front),
                np.median(s.kpa),
                np.median(s.rok),
                np.median(s.us),
                np.median(s.cpv),
            )
        )
    w = np.array(weeks)
    out = {"weeks": w}
    for k in ("deaths_us", "deaths_rok", "deaths_kpa", "deaths_cpv", "deaths_civilian", "deaths_soviet"):
        out[k] = float(np.median(getattr(s, k)))
    at = np.searchsorted(w[:, 0], dates.day("1953-07-20"))
    out["un_strength_1953"] = w[at, 3] + w[at, 4]
    out["red_strength_1953"] = w[at, 2] + w[at, 5]
    return out


def misfit(result: dict) -> tuple[float, float]:
    """(front RMSE in degrees, combined misfit with log-distance to the magnitudes)."""
    hd, hl = historical_front()
    w = result["weeks"]
    rmse = float(np.sqrt(np.mean((np.interp(hd, w[:, 0], w[:, 1]) - hl) ** 2)))
    pen = 0.0
    for k, (lo, hi) in TARGETS.items():
        v = max(result[k], 1e-3)
        pen += max(np.log(lo / v), 0.0, np.log(v / hi)) ** 2
    return rmse, rmse + 1.0 * pen


def fit(evals: int, seed: int) -> military.Military:
    """Random search then coordinate refinement of the military constants."""
    gen = np.random.default_rng(seed)
    best = military.M
    best_score = misfit(run_historical(40))[1]
    names = list(FIT_BOUNDS)
    for i in range(evals):
        scale = 1.0 if i < evals // 2 else 0.25
        trial = {}
        for name in gen.choice(names, size=4, replace=False):
            lo, hi = FIT_BOUNDS[name]
            cur = getattr(best, name)
            trial[name] = float(np.clip(cur + scale * (hi - lo) * gen.normal(0, 0.3), lo, hi))
        candidate = dataclasses.replace(best, **trial)
        military.M = candidate
        score = misfit(run_historical(40))[1]
        if score < best_score:
            best, best_score = candidate, score
            print(f"{i:4d} misfit {score:.3f} {trial}")
        military.M = best
    return best


def report(result: dict) -> None:
    hd, hl = historical_front()
    w = result["weeks"]
    print(f"{'date':12s} {'historical':>10s} {'model':>7s}")
    for d, lat, model_lat in zip(hd, hl, np.interp(hd, w[:, 0], w[:, 1]), strict=False):
        print(f"{dates.iso(d):12s} {lat:10.2f} {model_lat:7.2f}")
    rmse, total = misfit(result)
    print(f"front RMSE {rmse:.3f} deg; combined misfit {total:.3f}")
    for k, (lo, hi) in TARGETS.items():
        print(f"{k:18s} {result[k]:8.1f}  (target {lo:.0f}-{hi:.0f})")
    print(f"{'deaths_civilian':18s} {result['deaths_civilian']:8.1f}  (order of 2,000)")


def temperature_likelihood(temperatures, n: int = 2000, seed: int = 1950) -> list[tuple[float, float, float]]:
    """(T, expected log-likelihood, marginal log-likelihood) of the historical choices, per temperature."""
    out = []
    for t in temperatures:
        m = make_model(np.arange(n), seed, historical_setup(temperature=float(t)), record_probabilities=True).run()
        expected = marginal = 0.0
        for node in case.DECISIONS:
            if node.historical and node.id in m.probabilities:
                j = node.options.index(node.historical)
                expected += float(m.log_probabilities[node.id][j])
                marginal += float(np.log(max(m.probabilities[node.id][j], 1e-12)))
        out.append((float(t), expected, marginal))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("front", "temperature"))
    ap.add_argument("--fit", type=int, default=0, help="search the military constants with N evaluations")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.what == "front":
        if args.fit:
            best = fit(args.fit, args.seed)
            print(best)
        report(run_historical())
    else:
        grid = np.round(np.arange(0.05, 0.3001, 0.0125), 4)
        rows = temperature_likelihood(grid)
        print(f"{'T':>6s} {'expected LL':>12s} {'marginal LL':>12s}")
        for t, expected, marginal in rows:
            print(f"{t:6.4f} {expected:12.3f} {marginal:12.3f}")
        best = max(rows, key=lambda r: r[1])[0]
        print(f"maximum expected-likelihood temperature: {best:.4f} (in use: {TEMPERATURE})")


if __name__ == "__main__":
    main()
