"""The calibration reports as text (``whatif calibrate front`` and ``whatif calibrate temperature``)."""

from __future__ import annotations

import numpy as np

from sim.analysis import calibrate
from sim.engine import dates


def front_text(result: dict) -> str:
    """The modelled front line against the dated historical line, with forces and deaths (thousands of men)
    against their documented ranges."""
    days, lats = calibrate.historical_front()
    weeks = result["weeks"]
    lines = [f"{'date':12s} {'historical':>10s} {'model':>7s}"]
    for d, lat, model_lat in zip(days, lats, np.interp(days, weeks[:, 0], weeks[:, 1]), strict=False):
        lines.append(f"{dates.iso(d):12s} {lat:10.2f} {model_lat:7.2f}")
    rmse, total = calibrate.misfit(result)
    lines.append(f"front RMSE {rmse:.3f} deg; combined misfit {total:.3f}")
    for k, (lo, hi) in calibrate.TARGETS.items():
        lines.append(f"{k:18s} {result[k]:8.2f}  (target {_sig(lo)}-{_sig(hi)} thousand)")
    return "\n".join(lines)


def _sig(x: float) -> str:
    """``x`` to four significant digits, without an exponent (44.3, 183.1, 1500, 0.24)."""
    return f"{float(f'{x:.4g}'):g}"


def temperature_text(rows: list[tuple[float, float, float]], in_use: float) -> str:
    """Expected and marginal log-likelihood of the historical choices per temperature, and the best."""
    lines = [f"{'T':>6s} {'expected LL':>12s} {'marginal LL':>12s}"]
    lines += [f"{t:6.4f} {expected:12.3f} {marginal:12.3f}" for t, expected, marginal in rows]
    best = max(rows, key=lambda r: r[1])[0]
    lines.append(f"maximum expected-likelihood temperature: {best:.4f} (in use: {in_use})")
    return "\n".join(lines)


def fidelity_text(rows) -> str:
    """The fidelity table (``whatif fidelity``): each point by its title (id), who decided, the historical
    choice and its probability on the historical path; at most 100 columns, two lines per point."""
    from sim.output.words import fit, leader_label, node_label, option_label

    lines = [
        "On the historical path (every historical choice forced), the model's own probability of each",
        "historical choice, averaged over worlds; 'most likely' when no other option is likelier.",
        "",
        f"{'date':10s}  {'decision point (id)':66s} {'P':>5s}  {'most likely?':>12s}",
    ]
    for r in rows:
        p = r.probabilities[r.historical]
        mark = "yes" if p >= max(r.probabilities.values()) - 1e-12 else "no"
        lines.append(f"{r.date:10s}  {fit(node_label(r.node), 66):66s} {p:5.2f}  {mark:>12s}")
        who = "by chance" if r.decider in ("", None, "chance") else f"decided by {leader_label(r.decider)}"
        lines.append(fit(f"{'':12s}historical choice: {option_label(r.node, r.historical)}, {who}", 100))
    decisions = [r for r in rows if r.decider not in ("", None, "chance")]
    if decisions:
        hits = sum(r.most_likely for r in decisions)
        low = min(r.p_historical for r in decisions)
        lines.append(
            f"\nThe historical choice is the most likely one at {hits} of the {len(decisions)} decision points "
            f"({hits / len(decisions):.0%});\n"
            f"the lowest probability of a historical choice is {low:.2f}."
        )
    return "\n".join(lines)


def fidelity_record_text(doc: dict) -> str:
    """The rest of the fidelity report: likelihood, the front line, the dates and the deaths against the record."""
    worst = doc["front_worst"]
    lines = [
        f"Expected log-likelihood of the historical choices {doc['log_likelihood']:.2f}.",
        f"Front line on the historical path: {doc['front_rmse_deg']:.2f} degrees from the dated historical line",
        f"  on average (root mean square); worst {worst['error_deg']:+.2f} degrees on {worst['date']}.",
        f"Baseline: median armistice {doc['armistice_median']} (history 1953-07-27); median Chinese entry",
        f"  {doc['china_entry_median']} (history 1950-10-19).",
        "Deaths on the historical path against the documented ranges (thousands):",
    ]
    for k, d in doc["deaths"].items():
        lo, hi = d["range"]
        mark = "inside" if d["inside"] else "OUTSIDE"
        lines.append(f"  {k:18s} {d['value']:8.1f}   documented {_sig(lo)}-{_sig(hi)}: {mark}")
    return "\n".join(lines)
