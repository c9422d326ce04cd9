"""The calibration reports as text (``whatif calibrate front`` and ``whatif calibrate temperature``)."""

from __future__ import annotations

import numpy as np

from sim.analysis import calibrate
from sim.engine import dates


def front_text(result: dict) -> str:
    """The modelled front line against the dated historical line, with forces and deaths against their targets."""
    days, lats = calibrate.historical_front()
    weeks = result["weeks"]
    lines = [f"{'date':12s} {'historical':>10s} {'model':>7s}"]
    for d, lat, model_lat in zip(days, lats, np.interp(days, weeks[:, 0], weeks[:, 1]), strict=False):
        lines.append(f"{dates.iso(d):12s} {lat:10.2f} {model_lat:7.2f}")
    rmse, total = calibrate.misfit(result)
    lines.append(f"front RMSE {rmse:.3f} deg; combined misfit {total:.3f}")
    for k, (lo, hi) in calibrate.TARGETS.items():
        lines.append(f"{k:18s} {result[k]:8.1f}  (target {lo:.0f}-{hi:.0f})")
    lines.append(f"{'deaths_civilian':18s} {result['deaths_civilian']:8.1f}  (order of 2,000)")
    return "\n".join(lines)


def temperature_text(rows: list[tuple[float, float, float]], in_use: float) -> str:
    """Expected and marginal log-likelihood of the historical choices per temperature, and the best."""
    lines = [f"{'T':>6s} {'expected LL':>12s} {'marginal LL':>12s}"]
    lines += [f"{t:6.4f} {expected:12.3f} {marginal:12.3f}" for t, expected, marginal in rows]
    best = max(rows, key=lambda r: r[1])[0]
    lines.append(f"maximum expected-likelihood temperature: {best:.4f} (in use: {in_use})")
    return "\n".join(lines)
