"""Fidelity: how likely the model finds history, choice by choice, and how close its war comes to the record.

Every historical choice and chance outcome is forced at its first occurrence
(so every world walks the historical path), and at each point the model's
own probabilities are recorded before the force applies, averaged over
worlds (whose weights differ). A point is a hit when its historical option
is the most likely one. The same run gives the front line against the dated
historical line and the deaths by side against the documented ranges; a
free baseline ensemble gives the median armistice and Chinese entry dates.
``HISTORY_ROWS`` are the decision points of the project brief's table
(``HISTORY.md``), in the model's ids.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim import case
from sim.analysis import calibrate
from sim.analysis.simulate import model as make_model
from sim.analysis.simulate import run_scenario
from sim.engine import dates

HISTORY_ROWS = (
    "kim_request_1",
    "kim_request_2",
    "kim_request_3",
    "mao_consent",
    "invasion",
    "un_security_council",
    "us_intervention",
    "china_offer_july",
    "inchon_landing",
    "inchon_result",
    "un_cross_38th",
    "kim_appeal",
    "stalin_reply",
    "mao_cable_2oct",
    "politburo_5oct",
    "black_sea",
    "mao_12oct",
    "stalin_evacuation",
    "politburo_13oct",
    "stalin_cancel",
    "stalin_yalu_limit",
    "cpv_crossing",
    "soviet_air_entry",
    "third_campaign",
    "un_ceasefire_jan51",
    "peng_pause",
    "fifth_campaign",
    "ceasefire_talks",
    "stalin_hardline",
    "pow_deadlock",
    "post_stalin_settle",
)
ARMISTICE, CHINA_ENTRY = "1953-07-27", "1950-10-19"


@dataclass(frozen=True)
class Row:
    """One node on the historical path."""

    node: str
    date: str
    dated: str | None  # the date its title names, if any
    decider: str
    historical: str
    probabilities: dict[str, float]
    mean_log_p: float  # mean over worlds of log P(historical choice)
    in_history_table: bool

    @property
    def p_historical(self) -> float:
        return self.probabilities[self.historical]

    @property
    def most_likely(self) -> bool:
        return self.p_historical >= max(self.probabilities.values()) - 1e-12


def _rows(m) -> list[Row]:
    rows = []
    logs = m.log_probabilities
    for node in case.NODES:
        if node.historical is None or node.id not in m.probabilities or len(node.options) < 2:
            continue
        p = m.probabilities[node.id]
        first = m.log.first_day[node.id]
        j = node.options.index(node.historical)
        rows.append(
            Row(
                node=node.id,
                date=dates.iso(int(np.median(first[first >= 0]))),
                dated=node.dated,
                decider=getattr(node, "decider", "") or "chance",
                historical=node.historical,
                probabilities={o: round(float(x), 3) for o, x in zip(node.options, p, strict=False)},
                mean_log_p=float(logs[node.id][j]),
                in_history_table=node.id in HISTORY_ROWS,
            )
        )
    return sorted(rows, key=lambda r: (r.date, case.NODES.index(case.BY_ID[r.node])))


def table(n: int = 2000, seed: int = 1950) -> list[Row]:
    """The fidelity table over ``n`` worlds on the forced historical path, in date order."""
    return _rows(make_model(np.arange(n), seed, calibrate.historical_setup(), record_probabilities=True).run())


def _median_date(days: np.ndarray) -> str | None:
    days = days[days >= 0]
    return dates.iso(int(np.median(days))) if days.size else None


def report(n: int = 2000, seed: int = 1950, rows: list[Row] | None = None) -> dict:
    """The ``whatif fidelity --json`` document (``rows``: the table, if already computed)."""
    rows = rows if rows is not None else table(n, seed)
    history = calibrate.run_historical(n, seed)
    hd, hl = calibrate.historical_front()
    weeks = history["weeks"]
    error = np.interp(hd, weeks[:, 0], weeks[:, 1]) - hl
    worst = int(np.argmax(np.abs(error)))
    base = run_scenario("baseline", runs=n, seed=seed).columns
    deaths = {
        k: {"value": round(history[k], 1), "range": list(calibrate.TARGETS[k]), "inside": lo <= history[k] <= hi}
        for k, (lo, hi) in calibrate.TARGETS.items()
        if k.startswith("deaths_")
    }
    log_likelihood = sum(r.mean_log_p for r in rows if r.decider != "chance")
    return {
        "runs": n,
        "seed": seed,
        "choice_probability": {r.node: r.p_historical for r in rows},
        "most_likely": {r.node: r.most_likely for r in rows},
        "dates": {r.node: {"fired": r.date, "documented": r.dated} for r in rows},
        "log_likelihood": round(log_likelihood, 4),
        "path_probability": float(np.exp(sum(np.log(max(r.p_historical, 1e-300)) for r in rows))),
        "front_rmse_deg": round(float(np.sqrt(np.mean(error**2))), 3),
        "front_worst": {"date": dates.iso(int(hd[worst])), "error_deg": round(float(error[worst]), 3)},
        "armistice_median": _median_date(base["armistice_date"]),
        "china_entry_median": _median_date(base["china_entry_date"]),
        "deaths": deaths,
    }
