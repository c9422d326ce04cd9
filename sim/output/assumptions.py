"""Plain-text reports of the assumption analyses: sensitivity and discovery (attribution, convergence and
ablation are in ``assumptions_more``)."""

from __future__ import annotations

import textwrap

import numpy as np

from sim.output.words import WIDTH

NOTE_SOBOL = (
    "first-order: the share of the outcome's variance across samples due to that factor alone; total: "
    "with all its interactions. A total near 0 means the factor could be fixed anywhere in its range without "
    "changing the outcome. Intervals are 95% bootstrap intervals; more --samples narrow them."
)
NOTE_MORRIS = (
    "mu*: the mean absolute change of the outcome when the factor moves across its range (elementary effects, "
    "Morris screening); sigma: their spread (large: the effect depends on the other factors, or is non-linear). "
    "Screening ranks; use --method sobol to apportion variance."
)
NO_BOX = "no significant restriction of the factors makes the outcome's odds at least 1.5 times its odds overall"
SAME = "the outcome is the same in every world: there is no region to find"


def _ci(value: float, half: float) -> str:
    return f"{value:5.2f} ({value - half:5.2f}, {value + half:5.2f})"


def _design_line(res) -> str:
    worlds = f"worlds 0-{res.worlds - 1}" if res.worlds > 1 else "world 0"
    proc = f"{res.jobs} process{'es' * (res.jobs > 1)}"
    what = "base samples" if res.method == "sobol" else "Morris trajectories"
    return (
        f"{res.samples} {what} -> {res.evaluations:,} factor settings (both designs), each over {worlds} "
        f"(the same dice for every setting); seed {res.seed}; {proc}; {res.wall:.1f} s"
    )


def sensitivity_text(res, top: int = 15) -> str:
    """The ranked table of indices, the grouped indices and how to read them."""
    m = res.measure
    title = "Sobol indices" if res.method == "sobol" else "Morris screening"
    lines = [
        f"{title} of: {m.label} [{m.text}] ({m.kind}), scenario {res.scenario}",
        f"outcome across the samples: mean {m.format(res.outcome_mean)}, "
        f"spread (sd) {res.outcome_std:.3g} {m.scale_unit}",
        _design_line(res),
        "",
    ]
    if not res.outcome_std > 0:
        return "\n".join([*lines, "the outcome is the same for every setting: no factor moves it here."])
    lines += [*_factor_rows(res, top), "", *_group_rows(res), ""]
    if res.method == "sobol":
        s1 = float(np.sum(res.indices["S1"]))
        lines.append(
            f"sum of first-order indices {s1:.2f}: about {max(0.0, 1 - s1):.0%} of the variance comes from "
            "interactions between factors (or from estimation error at this size)."
        )
    lines += textwrap.wrap(NOTE_SOBOL if res.method == "sobol" else NOTE_MORRIS, WIDTH)
    return "\n".join(lines)


def _factor_rows(res, top: int) -> list[str]:
    order = res.ranking()
    shown = order if top <= 0 else order[:top]
    if res.method == "sobol":
        head = f"{'#':>3s}  {'factor':38s} {'first-order (95% CI)':>22s} {'total (95% CI)':>22s}  what it is"
    else:
        head = f"{'#':>3s}  {'factor':38s} {'mu* (95% CI)':>22s} {'sigma':>8s}  what it is"
    out = [head]
    for rank, i in enumerate(shown, 1):
        f = res.factors[i]
        if res.method == "sobol":
            cells = f"{_ci(res.indices['S1'][i], res.indices['S1_conf'][i]):>22s} "
            cells += f"{_ci(res.indices['ST'][i], res.indices['ST_conf'][i]):>22s}"
        else:
            cells = f"{_ci(res.indices['mu_star'][i], res.indices['mu_star_conf'][i]):>22s} "
            cells += f"{res.indices['sigma'][i]:8.3f}"
        out.append(f"{rank:3d}  {f.name:38s} {cells}  {f.meaning} [{f.low:g}-{f.high:g}]")
    if len(shown) < len(order):
        out.append(f"     ... {len(order) - len(shown)} more factors (--top 0 shows all)")
    return out


def _group_rows(res) -> list[str]:
    if not res.group_names:
        return [f"one group ({res.factors[0].group}): no grouped design, the factors above are its parts"]
    key = res.key
    order = np.argsort(-res.group_indices[key], kind="stable")
    if res.method == "sobol":
        out = [f"by leader and kind of parameter (a grouped design): {'first-order':>14s} {'total':>22s}"]
    else:
        out = [f"by leader and kind of parameter (a grouped design): {'mu*':>14s} {'sigma':>22s}"]
    for i in order:
        g = res.group_names[i]
        if res.method == "sobol":
            cells = f"{_ci(res.group_indices['S1'][i], res.group_indices['S1_conf'][i]):>22s} "
            cells += f"{_ci(res.group_indices['ST'][i], res.group_indices['ST_conf'][i]):>22s}"
        else:
            cells = f"{_ci(res.group_indices['mu_star'][i], res.group_indices['mu_star_conf'][i]):>22s} "
            sigma = res.group_indices["sigma"][i]
            cells += f"{sigma:8.3f}" if np.isfinite(sigma) else f"{'-':>8s}"
        n = sum(f.group == g for f in res.factors)
        out.append(f"  {g:20s} ({n:2d} factors)      {cells}")
    return out


def _restriction(name: str, lo: float, hi: float, factor) -> str:
    """One restriction of a box in words, against the factor's range."""
    span = factor.high - factor.low
    low_open = lo <= factor.low + 0.005 * span  # PRIM's and CART's boxes end at the sample's extremes
    high_open = hi >= factor.high - 0.005 * span
    if low_open and not high_open:
        where = f"is below {hi:.3g}"
    elif high_open and not low_open:
        where = f"is above {lo:.3g}"
    else:
        where = f"is between {lo:.3g} and {hi:.3g}"
    return f"{factor.meaning} ({name}) {where} (range {factor.low:g}-{factor.high:g})"


def box_sentence(box, found, k: int) -> list[str]:
    """A box in words: when ..., the outcome happens in <density> of the worlds there, covering <coverage>."""
    by_name = {f.name: f for f in found.factors}
    lines = [f"box {k}: when"]
    for name, (lo, hi) in box.limits.items():
        qp = f"; quasi-p {box.qp[name]:.2g}" if name in box.qp else ""
        lines.append(f"  - {_restriction(name, lo, hi, by_name[name])}{qp}")
    m = found.measure
    lines += textwrap.wrap(
        f"then {m.label} in {box.density:.1%} of the worlds there ({box.hits:,} of {box.worlds:,}; density, "
        f"against {found.base_rate:.1%} overall), and the box holds {box.coverage:.1%} of all the worlds where it "
        f"happens (coverage); it is {box.mass:.1%} of all worlds (mass).",
        110,
        initial_indent="  ",
        subsequent_indent="  ",
    )
    return lines


def discovery_text(found) -> str:
    """The boxes of a scenario discovery, in words, with coverage and density."""
    m = found.measure
    method = "PRIM" if found.method == "prim" else "CART"
    lines = [
        f"Scenario discovery ({method}) for: {m.label} [{m.text}], scenario {found.scenario}",
        f"{found.runs:,} worlds, seed {found.seed}: the outcome happens in {found.hits:,} ({found.base_rate:.2%}); "
        f"{len(found.factors)} factors, at each world's own draws.",
        "",
    ]
    if found.hits == 0 or found.hits == found.runs:
        return "\n".join([*lines, f"{SAME}."])
    if not found.boxes:
        return "\n".join(
            [*lines, f"no box: {NO_BOX} ({found.hits} worlds of interest); try more --runs or --method cart."]
        )
    for k, box in enumerate(found.boxes, 1):
        lines += [*box_sentence(box, found, k), ""]
    note = (
        "PRIM peels the factor space towards the outcome; the box shown is the densest on the peeling trajectory "
        "that keeps at least --min-coverage of the outcome's worlds, without restrictions whose quasi-p-value "
        "exceeds 0.05."
        if found.method == "prim"
        else "CART leaves at least 1.5 times denser than the base rate, densest first."
    )
    return "\n".join(lines + textwrap.wrap(note, WIDTH))
