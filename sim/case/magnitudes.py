"""Orders of magnitude of the war the model is held to: deaths and forces, each a range with its source.

The figures are those of the project brief's data table (``sim/case/data/README.md``,
evidence ids ``data.casualties`` and ``data.forces``). The literature gives
some as ranges and some as single figures; a single figure became a range by
these rules, so that the model is held to what the sources can support and
no more:

1. **A count given as one figure** (US, ROK, other UN, Soviet deaths; strength at the Pusan perimeter): from
   0.8 to 1.2 times the figure, the resolution of a weekly aggregate model;
   where the source gives a documented sub-count that the total cannot fall
   below (US battle deaths, 33,665, within 36,900 deaths in theatre), that
   sub-count is the lower bound.
2. **A range in the literature** (CPV, KPA deaths; strength in 1953): taken as
   given; an open end ("400,000+") is widened by 10 per cent.
3. **An order of magnitude** ("about 2 million or more" civilian deaths): from
   0.75 to 1.5 times the figure.

Units: thousands (men or deaths). ``check`` says which ranges a result falls
outside of; ``sim.analysis.calibrate`` fits the military constants to them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Magnitude:
    """A documented range: the quantity, its bounds (thousands), the literature's figure, source and rule."""

    name: str
    low: float
    high: float
    figure: str
    source: str
    rule: int
    evidence: str

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


_M = Magnitude
DEATHS: dict[str, Magnitude] = {
    m.name: m
    for m in (
        _M("deaths_us", 33.665, 44.3, "~36,900 in theatre (33,665 in battle)", "US DoD", 1, "data.casualties"),
        _M("deaths_rok", 110.4, 165.6, "~138,000", "ROK Ministry of National Defense", 1, "data.casualties"),
        _M("deaths_un_other", 2.48, 3.72, "~3,100", "US DoD table", 1, "data.casualties"),
        _M(
            "deaths_cpv",
            183.108,
            440.0,
            "183,108 official (2010); US estimates 400,000+",
            "Xinhua 2010; UN Command-era estimates",
            2,
            "data.casualties",
        ),
        _M("deaths_kpa", 215.0, 520.0, "~215,000-520,000", "various", 2, "data.casualties"),
        _M("deaths_soviet", 0.24, 0.36, "~300 (about 110-135 pilots)", "Russian sources", 1, "data.casualties"),
        _M(
            "deaths_civilian",
            1500.0,
            3000.0,
            "~2 million or more",
            "various (an order of magnitude)",
            3,
            "data.casualties",
        ),
    )
}

FORCES: dict[str, Magnitude] = {
    m.name: m
    for m in (
        _M("un_strength_pusan", 113.4, 170.2, "UN 141,808, Aug-Sep 1950", "Appleman", 1, "data.forces"),
        _M("kpa_strength_pusan", 78.4, 117.6, "KPA 98,000, Aug-Sep 1950", "Appleman", 1, "data.forces"),
        _M("un_strength_1953", 930.0, 1100.0, "UN ~0.93-1.1 million, July 1953", "UN Command", 2, "data.forces"),
        _M(
            "red_strength_1953",
            1060.0,
            1200.0,
            "Communist ~1.06-1.2 million, July 1953",
            "DVA",
            2,
            "data.forces",
        ),
    )
}

MAGNITUDES: dict[str, Magnitude] = {**DEATHS, **FORCES}


def check(values: dict[str, float]) -> dict[str, tuple[float, float, float]]:
    """The quantities of ``values`` outside their documented range: name -> (value, low, high)."""
    return {
        k: (v, MAGNITUDES[k].low, MAGNITUDES[k].high)
        for k, v in values.items()
        if k in MAGNITUDES and not MAGNITUDES[k].contains(v)
    }
