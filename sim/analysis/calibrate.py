"""Calibration: how the military constants and the choice temperature were set.

``python -m sim.analysis.calibrate front`` runs the historical path (every
historical choice and chance outcome forced) and prints the modelled front
line against the dated historical line, with deaths and forces against their
documented ranges (``sim.case.magnitudes``, each with its source). ``--fit N``
searches the military constants (random search with a shrinking step, N
trials) for the lowest combined misfit - the front's RMSE plus the squared
log-distance of each death toll and force level outside its range - and
prints them for ``sim/case/military.py``; ``--only a,b`` lets the search move
only those constants (a refit after a change that touches a few). The per-world military parameters
(``mil.*`` in ``sim.case.params``) keep their documented ranges: the fit
works on the median world.

``python -m sim.analysis.calibrate temperature`` computes, for a grid of temperatures,
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
from sim.case.magnitudes import MAGNITUDES
from sim.case.params import TEMPERATURE
from sim.engine import dates, executors
from sim.scenario import Rule, Setup

# documented ranges of deaths and forces (sim.case.magnitudes): (low, high), thousands
TARGETS = {k: (m.low, m.high) for k, m in MAGNITUDES.items()}
CROSSING_DECISION = ("1950-09-25", "1950-09-28")  # the UN at the parallel, Kim's appeal four days later
PENALTY = 20.0  # weight of the squared log-distance of a death toll or force level outside its range
FIT_BOUNDS = {
    "vmax": (0.3, 0.8),
    "defence": (1.1, 1.8),
    "fort_defence": (1.5, 6.0),
    "reach_kpa": (3.0, 10.0),
    "reach_un": (3.0, 12.0),
    "q_kpa": (1.0, 2.6),
    "q_kpa_new": (0.4, 1.5),
    "q_cpv": (0.3, 1.2),
    "q_rok_1950": (0.2, 0.7),
    "q_rok_1953": (0.5, 1.2),
    "q_us_1950": (0.6, 1.5),
    "q_us_1951": (1.0, 2.6),
    "air_us": (0.1, 0.6),
    "cpv_surprise": (1.0, 3.0),
    "lure_weeks": (2.0, 7.0),
    "surprise_weeks": (3.0, 8.0),
    "cpv_push": (0.2, 2.5),
    "un_push": (0.0, 1.5),
    "inchon_jump": (0.5, 1.5),
    "us_ramp_later": (1.5, 5.0),
    "stock_floor": (0.2, 0.8),
    "use": (0.01, 0.15),
    "air_attrition": (0.0, 0.01),
    "mig_cover": (0.0, 0.6),
    "kill": (0.005, 0.1),
    "i_static": (0.03, 0.4),
    "i_press": (0.3, 2.0),
    "v_rok": (1.0, 4.0),
    "v_cpv": (0.2, 2.0),
    "loss_mobile": (0.01, 0.2),
    "rout_loss": (0.0, 4.0),
    "death_share": (0.2, 0.5),
    "death_share_red": (0.3, 0.7),
    "civ_static": (0.0, 2.0),
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
    crossing = m.log.first_day["un_cross_38th"]
    out = {"weeks": w, "crossing_day": float(np.median(crossing[crossing >= 0])) if (crossing >= 0).any() else 0.0}
    for k in ("deaths_us", "deaths_rok", "deaths_un_other", "deaths_kpa", "deaths_cpv", "deaths_soviet"):
        out[k] = float(np.median(getattr(s, k)))
    out["deaths_civilian"] = float(np.median(s.deaths_civilian))
    at = np.searchsorted(w[:, 0], dates.day("1950-09-01"))
    out["un_strength_pusan"] = w[at, 3] + w[at, 4]
    out["kpa_strength_pusan"] = w[at, 2]
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
    for k, (lo, hi) in TARGETS.items():  # aim 5% inside each range, so that the median does not sit on an edge
        v = max(result[k], 1e-3)
        pen += max(np.log(1.05 * lo / v), 0.0, np.log(v / hi * 1.05)) ** 2
    # the UN reaches the parallel in time for Kim's appeal of 30 September (shen.kim_appeal): weeks off, squared
    lo, hi = CROSSING_DECISION
    late = max(dates.day(lo) - result["crossing_day"], 0.0, result["crossing_day"] - dates.day(hi)) / 7.0
    return rmse, rmse + PENALTY * pen + late**2


def fit(evals: int, seed: int, only: tuple[str, ...] = ()) -> military.Military:
    """Random search of the military constants (``only`` these, if given) from their current values, with a
    shrinking step.

    Each trial moves one to four constants (within ``FIT_BOUNDS``) and keeps the
    move if the combined misfit (front RMSE + log-distance of deaths and forces
    to their documented ranges) falls.
    """
    gen = np.random.default_rng(seed)
    best = military.M
    best_score = misfit(run_historical(40))[1]
    names = list(only or FIT_BOUNDS)
    for i in range(evals):
        scale = 1.0 - 0.9 * i / max(evals - 1, 1)
        trial = {}
        for name in gen.choice(names, size=int(gen.integers(1, 5)), replace=False):
            lo, hi = FIT_BOUNDS[name]
            step = scale * (hi - lo) * gen.normal(0, 0.3)
            trial[name] = float(np.round(np.clip(getattr(best, name) + step, lo, hi), 4))
        candidate = dataclasses.replace(best, **trial)
        military.M = candidate
        score = misfit(run_historical(40))[1]
        if score < best_score:
            best, best_score = candidate, score
            print(f"{i:4d} misfit {score:.3f} {trial}", flush=True)
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
    for k, m in MAGNITUDES.items():
        flag = "" if m.contains(result[k]) else "  OUT OF RANGE"
        print(f"{k:18s} {result[k]:8.1f}  (range {m.low:g}-{m.high:g}: {m.figure}, {m.source}){flag}")


def likelihood(task: tuple[float, int, int]) -> tuple[float, float, float]:
    """(T, expected log-likelihood, marginal log-likelihood) of the historical choices for ``(T, n, seed)``."""
    t, n, seed = task
    m = make_model(np.arange(n), seed, historical_setup(temperature=float(t)), record_probabilities=True).run()
    expected = marginal = 0.0
    for node in case.DECISIONS:
        if node.historical and node.id in m.probabilities:
            j = node.options.index(node.historical)
            expected += float(m.log_probabilities[node.id][j])
            marginal += float(np.log(max(m.probabilities[node.id][j], 1e-12)))
    return float(t), expected, marginal


def temperature_likelihood(
    temperatures, n: int = 2000, seed: int = 1950, jobs: int = 1, scheduler: str | None = None
) -> list[tuple[float, float, float]]:
    """(T, expected log-likelihood, marginal log-likelihood) of the historical choices, per temperature.

    Each temperature is one task, so ``jobs`` processes (or a Dask ``scheduler``) share the grid; the
    numbers do not depend on where they ran.
    """
    tasks = [(float(t), n, seed) for t in temperatures]
    return executors.map_chunks(likelihood, tasks, jobs, scheduler=scheduler)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("front", "temperature"))
    ap.add_argument("--fit", type=int, default=0, help="search the military constants with N evaluations")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated constants the fit may move (default: all)")
    args = ap.parse_args()
    if args.only and not (args.what == "front" and args.fit):
        ap.error("--only says which constants a --fit may move: give front --fit N too, or leave out --only")
    if args.what == "front":
        if args.fit:
            only = tuple(n for n in args.only.split(",") if n)
            unknown = sorted(set(only) - set(FIT_BOUNDS))
            if unknown:
                ap.error(f"--only: unknown constants {unknown}; choose from {', '.join(FIT_BOUNDS)}")
            best = fit(args.fit, args.seed, only)
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
