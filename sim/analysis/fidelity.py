"""Fidelity: how likely the model finds each historical choice, on the historical path.

Every historical choice and chance outcome is forced (so every world walks
the historical path), and at each node the model's own probabilities are
recorded before the force applies, averaged over worlds (whose weights
differ). A node is a hit when its historical option is the most likely one.
``HISTORY_ROWS`` are the decision points of the project brief's table
(``HISTORY.md``), in the model's ids.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim import case
from sim.analysis.calibrate import historical_setup
from sim.analysis.simulate import model as make_model
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


@dataclass(frozen=True)
class Row:
    """One node on the historical path."""

    node: str
    date: str
    decider: str
    historical: str
    probabilities: dict[str, float]
    in_history_table: bool

    @property
    def p_historical(self) -> float:
        return self.probabilities[self.historical]

    @property
    def most_likely(self) -> bool:
        return self.p_historical >= max(self.probabilities.values()) - 1e-12


def table(n: int = 2000, seed: int = 1950) -> list[Row]:
    """The fidelity table over ``n`` worlds on the forced historical path."""
    model = make_model(np.arange(n), seed, historical_setup(), record_probabilities=True).run()
    rows = []
    for node in case.NODES:
        if node.historical is None or node.id not in model.probabilities or len(node.options) < 2:
            continue
        p = model.probabilities[node.id]
        first = model.log.first_day[node.id]
        rows.append(
            Row(
                node=node.id,
                date=dates.iso(int(np.median(first[first >= 0]))),
                decider=getattr(node, "decider", "") or "chance",
                historical=node.historical,
                probabilities={o: round(float(x), 3) for o, x in zip(node.options, p, strict=False)},
                in_history_table=node.id in HISTORY_ROWS,
            )
        )
    return rows


def format_table(rows: list[Row]) -> str:
    lines = [f"{'point':22s} {'date':10s} {'decider':18s} {'historical choice':24s} {'P':>5s}  most likely?"]
    for r in rows:
        mark = "yes" if r.most_likely else "no"
        lines.append(f"{r.node:22s} {r.date:10s} {r.decider:18s} {r.historical:24s} {r.p_historical:5.2f}  {mark}")
    hist = [r for r in rows if r.in_history_table]
    hits = sum(r.most_likely for r in hist)
    lines.append(
        f"\nHISTORY.md points: historical choice most likely at {hits}/{len(hist)} "
        f"({hits / len(hist):.0%}); lowest probability {min(r.p_historical for r in hist):.2f}"
    )
    return "\n".join(lines)
