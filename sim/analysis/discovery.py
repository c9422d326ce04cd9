"""Scenario discovery: in which region of the documented weights and parameters does an outcome happen?

One ensemble gives both sides: each world's factor values are the model's own
keyed draws (``factors.world_values``) and its outcome is simulated. PRIM
(Friedman & Fisher 1999, as in ``ema_workbench.analysis.prim``; Bryant &
Lempert 2010) peels the factor space towards a box where the outcome is
concentrated; CART (``ema_workbench.analysis.cart``, a seeded scikit-learn
tree) splits it into leaves. Each box is reported with

- coverage: the share of the outcome's worlds that fall in the box;
- density: the share of the box's worlds that have the outcome;
- mass: the share of all worlds in the box;

and, for PRIM, the quasi-p-value of each restriction (a one-sided binomial
test of whether the restriction adds density). The peeling trajectory shows
the trade-off between coverage and density; the box reported is the densest
one that keeps at least ``min_coverage`` of the outcome's worlds, without the
restrictions that are not significant (quasi-p > 0.05), its coverage and
density recomputed on all the worlds; a box where the outcome's odds are then
less than 1.5 times its odds over all worlds is not reported (the outcome is
not concentrated there). Odds, not shares: a share 1.5 times the base rate is
out of reach for an outcome of more than two thirds of the worlds, odds are
not. Further boxes (``boxes``) cover the worlds the earlier boxes left out.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from sim.analysis.factors import Factor, world_values
from sim.analysis.measures import Measure
from sim.analysis.simulate import run_setup
from sim.scenario import Setup

METHODS = ("prim", "cart")
ALPHA = 0.05  # PRIM restrictions with a larger quasi-p-value are dropped from the reported box
LIFT = 1.5  # a box is reported only if the outcome's odds in it are at least this many times its odds overall


@dataclass
class Box:
    """A region of factor space: restricted factors' limits and how the outcome concentrates there."""

    limits: dict[str, tuple[float, float]]
    coverage: float
    density: float
    mass: float
    worlds: int
    hits: int
    qp: dict[str, float] = field(default_factory=dict)
    sides: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)  # PRIM: (lower, upper) quasi-p
    full: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)  # PRIM: each factor's range


@dataclass
class Discovery:
    """Boxes found for an outcome, and (PRIM) the first box's peeling trajectory."""

    scenario: str
    measure: Measure
    method: str
    runs: int
    seed: int
    factors: list[Factor]
    base_rate: float
    hits: int
    boxes: list[Box]
    trajectory: list[dict]
    chosen: int | None  # the trajectory's point reported as box 1, or None if that box was not reported


def ensemble(setup: Setup, seed: int, runs: int, chosen: Sequence[Factor], measure: Measure):
    """Per-world factor values (the model's draws) as a (runs, D) array, and the outcome per world (0/1)."""
    ens = run_setup(setup, seed, runs)
    worlds = np.arange(runs)
    values = world_values(setup, seed, worlds, chosen)
    x = np.column_stack([values[f.name] for f in chosen])
    return x, measure.per_world(ens.columns, setup.horizon)


def prim_boxes(x: np.ndarray, y: np.ndarray, names: Sequence[str], n_boxes: int = 1, min_coverage: float = 0.5):
    """PRIM boxes (ema_workbench) for a yes/no ``y``; returns (boxes, first trajectory, chosen index).

    The chosen index is the first box's point on its trajectory, or None when that box is not reported.
    """
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger("EMA").setLevel(logging.WARNING)
        from ema_workbench.analysis import prim

        df = pd.DataFrame(x, columns=list(names))
        base = float(np.mean(y))
        finder = prim.Prim(df, y.astype(float), threshold=base, peel_alpha=0.05, mass_min=0.05)
        boxes, trajectory, chosen = [], [], None
        for k in range(n_boxes):
            box = finder.find_box()
            if box is None or box.res_dim == 0:
                break
            traj = box.peeling_trajectory
            ok = np.flatnonzero(traj["coverage"].to_numpy() >= min_coverage)
            i = int(ok[-1]) if ok.size else 0
            box.select(i)
            found = _significant(_prim_box(box, i, finder.box_init), x, y, names)
            reported = bool(found.limits) and concentrated(found.density, base)
            if k == 0:
                trajectory = traj[["coverage", "density", "mass", "res_dim"]].to_dict("records")
                chosen = i if reported else None
            if reported:
                boxes.append(found)
    return boxes, trajectory, chosen


def concentrated(density: float, base: float) -> bool:
    """Whether the outcome's odds at ``density`` are at least ``LIFT`` times its odds at the base rate."""
    if not 0 < base < 1:
        return False
    return density >= 1 or density / (1 - density) >= LIFT * base / (1 - base)


def stats(limits: dict[str, tuple[float, float]], x: np.ndarray, y: np.ndarray, names: Sequence[str], qp=None) -> Box:
    """A box's coverage, density and mass over all the worlds."""
    inside = np.ones(len(y), bool)
    for name, (lo, hi) in limits.items():
        col = x[:, list(names).index(name)]
        inside &= (col >= lo) & (col <= hi)
    hits, total = int(y[inside].sum()), int(y.sum())
    n = int(inside.sum())
    return Box(dict(limits), hits / max(total, 1), hits / max(n, 1), n / len(y), n, hits, dict(qp or {}))


def _significant(box: Box, x, y, names, alpha: float = ALPHA) -> Box:
    """The box without its bounds whose quasi-p-value exceeds ``alpha``, its statistics recomputed.

    A restriction has two bounds, each with its own test: an insignificant
    upper bound is widened back to the factor's range while a significant
    lower bound stays, and a restriction goes only when neither bound is
    significant. ``box.qp`` then holds the larger quasi-p of the bounds kept.
    """
    keep, qp = {}, {}
    for name, (lo, hi) in box.limits.items():
        q_lo, q_hi = box.sides.get(name, (-1.0, -1.0))
        lo_kept, hi_kept = 0 <= q_lo <= alpha, 0 <= q_hi <= alpha
        if lo_kept or hi_kept:
            full_lo, full_hi = box.full.get(name, (lo, hi))
            keep[name] = (lo if lo_kept else full_lo, hi if hi_kept else full_hi)
            qp[name] = max(q for q, kept in ((q_lo, lo_kept), (q_hi, hi_kept)) if kept)
    if keep == box.limits and qp == box.qp:
        return box
    return stats(keep, x, y, names, qp)


def _prim_box(box, i: int, init) -> Box:
    lims = box.box_lims[i]
    row = box.peeling_trajectory.iloc[i]
    restricted = [c for c in lims.columns if not np.all(lims[c].to_numpy() == init[c].to_numpy())]
    sides = {name: _sides(box.qp[i].get(name, ())) for name in restricted}
    found = Box(
        limits={c: (float(lims[c].iloc[0]), float(lims[c].iloc[1])) for c in restricted},
        coverage=float(row["coverage"]),
        density=float(row["density"]),
        mass=float(row["mass"]),
        worlds=int(row["n"]),
        hits=int(row["k"]),
        qp={name: max(q) for name, q in sides.items()},
    )
    found.sides = sides
    found.full = {c: (float(init[c].iloc[0]), float(init[c].iloc[1])) for c in restricted}
    return found


def _sides(values) -> tuple[float, float]:
    """A restriction's (lower, upper) quasi-p-values; -1 marks a bound that is not restricted or not tested."""
    lo, hi = [*[float(v) if v is not None and np.isfinite(v) and v >= 0 else -1.0 for v in values], -1.0, -1.0][:2]
    return lo, hi


def cart_boxes(x: np.ndarray, y: np.ndarray, names: Sequence[str], seed: int, mass_min: float = 0.05):
    """CART leaves (ema_workbench's CART on a seeded tree) where the outcome is concentrated, densest first."""
    import pandas as pd
    from sklearn import tree

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ema_workbench.analysis import cart

        df = pd.DataFrame(x, columns=list(names))
        model = cart.CART(df, y.astype(bool), mass_min=mass_min)
        leaf = max(1, int(mass_min * len(y)))
        model.clf = tree.DecisionTreeClassifier(min_samples_leaf=leaf, random_state=seed % 2**32).fit(x, y)
        init = df.agg(["min", "max"]).reset_index(drop=True)
        out = []
        for lims in model.boxes:
            restricted = [c for c in lims.columns if not np.all(lims[c].to_numpy() == init[c].to_numpy())]
            out.append(stats({c: (float(lims[c].iloc[0]), float(lims[c].iloc[1])) for c in restricted}, x, y, names))
    base = float(np.mean(y))
    out = sorted((b for b in out if concentrated(b.density, base)), key=lambda b: (-b.density, -b.coverage))
    trajectory = [{"coverage": b.coverage, "density": b.density, "mass": b.mass, "res_dim": len(b.limits)} for b in out]
    return out, trajectory, 0 if out else None


def discover(
    setup: Setup,
    scenario: str,
    measure: Measure,
    chosen: Sequence[Factor],
    method: str = "prim",
    runs: int = 20_000,
    seed: int = 1950,
    boxes: int = 1,
    min_coverage: float = 0.5,
) -> Discovery:
    """Boxes of factor space where a yes/no outcome concentrates (the worlds' own draws and outcomes)."""
    if not measure.binary:
        raise ValueError(f"discovery needs a yes/no outcome; give a threshold, e.g. {measure.column}>VALUE.")
    chosen = list(chosen)
    x, y = ensemble(setup, seed, runs, chosen, measure)
    hits = int(y.sum())
    found, trajectory, pick = [], [], None
    if 0 < hits < runs:
        names = [f.name for f in chosen]
        if method == "prim":
            found, trajectory, pick = prim_boxes(x, y, names, boxes, min_coverage)
        else:
            found, trajectory, pick = cart_boxes(x, y, names, seed)
            found = found[:boxes]
    return Discovery(scenario, measure, method, runs, seed, chosen, hits / runs, hits, found, trajectory, pick)
