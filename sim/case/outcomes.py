"""Outcomes per world, from a finished model: the columns of ``outcomes.csv``.

Dates are kept as day numbers (``sim.engine.dates``; -1 = never) in memory and
written as ISO dates; deaths are in thousands; latitudes in degrees north.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from sim.engine import dates

if TYPE_CHECKING:
    from sim.engine.model import WarModel


class Final(IntEnum):
    """How a world's war ended: the code kept in the state (``outcome``) and in ``final_outcome``."""

    NO_WAR = 0  # the invasion never took place
    DPRK_UNIFIES = 1  # the South fell (the line reached Pusan)
    ROK_UNIFIES = 2  # the North fell (UN forces on the Yalu, or Kim evacuated)
    DIVIDED = 3  # an armistice on the line of contact
    ONGOING = 4  # still fighting at the horizon

    @property
    def label(self) -> str:
        """The name written in ``outcomes.csv``."""
        return "ongoing_at_horizon" if self is Final.ONGOING else self.name.lower()


FINAL = tuple(f.label for f in Final)  # the outcome names, indexed by code

BOOLEAN = (
    "war_started",
    "us_intervened",
    "un_sanctioned",
    "un_crossed_38th",
    "china_entered",
    "soviet_air_war",
    "soviet_ground_troops",
    "superpower_war",
    "evacuation_ordered",
    "dprk_survives",
)
DATES = ("war_start_date", "china_entry_date", "soviet_air_war_date", "armistice_date", "war_end_date")
NUMBERS = (
    "war_months",
    "final_front_latitude",
    "sino_soviet_alliance",
    "deaths_us",
    "deaths_rok",
    "deaths_un_other",
    "deaths_kpa",
    "deaths_cpv",
    "deaths_soviet",
    "deaths_civilian",
)
COLUMNS = ("world", *BOOLEAN, "final_outcome", *DATES, *NUMBERS)
DESCRIPTIONS = {
    "world": "world index (the key of its dice: the same world under every scenario)",
    "war_started": "the invasion took place",
    "us_intervened": "US forces were committed",
    "un_sanctioned": "the Security Council authorised UN action",
    "un_crossed_38th": "UN forces went north of the 38th parallel, past the line a UN halting there holds (38.3N)",
    "china_entered": "Chinese troops fought in Korea",
    "soviet_air_war": "Soviet air units fought (the secret air war)",
    "soviet_ground_troops": "Soviet ground troops were sent",
    "superpower_war": "open US-Soviet war",
    "evacuation_ordered": "Stalin ordered Kim to evacuate the North",
    "dprk_survives": "the North Korean state exists at the horizon",
    "final_outcome": "one of " + ", ".join(FINAL),
    "war_start_date": "date the war began",
    "china_entry_date": "date Chinese troops entered Korea",
    "soviet_air_war_date": "date the Soviet air war began",
    "armistice_date": "date the armistice was signed",
    "war_end_date": "date the war ended (armistice or conquest)",
    "war_months": "length of the war in months (to the horizon if still going)",
    "final_front_latitude": "line of contact at the end (deg N)",
    "sino_soviet_alliance": "Sino-Soviet alliance, 0 none, 0.5 nominal, 1 real",
    "deaths_us": "US military deaths (thousand)",
    "deaths_rok": "ROK military deaths (thousand)",
    "deaths_un_other": "other UN military deaths (thousand)",
    "deaths_kpa": "KPA military deaths (thousand)",
    "deaths_cpv": "CPV military deaths (thousand)",
    "deaths_soviet": "Soviet military deaths (thousand)",
    "deaths_civilian": "Korean civilian deaths (thousand)",
}


def collect(model: WarModel) -> dict[str, np.ndarray]:
    """The outcome columns of every world of a finished model."""
    s = model.state
    horizon = model.setup.horizon
    started = s.war_start >= 0
    final = np.where(s.outcome >= 0, s.outcome, np.where(started, Final.ONGOING, Final.NO_WAR)).astype(np.int8)
    end = np.where(s.war_end >= 0, s.war_end, horizon)
    months = np.where(started, (end - s.war_start) / (365.25 / 12), 0.0)
    return {
        "world": model.worlds.astype(np.int64),
        "war_started": started,
        "us_intervened": s.us_in.copy(),
        "un_sanctioned": s.un_sanctioned.copy(),
        "un_crossed_38th": s.un_crossed_day >= 0,
        "china_entered": s.china_in.copy(),
        "soviet_air_war": s.soviet_air.copy(),
        "soviet_ground_troops": s.soviet_ground.copy(),
        "superpower_war": s.superpower_war.copy(),
        "evacuation_ordered": s.evac_ordered.copy(),
        "dprk_survives": final != Final.ROK_UNIFIES,
        "final_outcome": final,
        "war_start_date": s.war_start.copy(),
        "china_entry_date": s.china_entry_day.copy(),
        "soviet_air_war_date": s.soviet_air_day.copy(),
        "armistice_date": s.armistice_day.copy(),
        "war_end_date": np.where(started, s.war_end, dates.NEVER).astype(np.int32),
        "war_months": np.round(months, 2),
        "final_front_latitude": np.round(s.front, 3),
        "sino_soviet_alliance": np.round(s.alliance, 3),
        **{name: np.round(getattr(s, name), 3) for name in NUMBERS if name.startswith("deaths_")},
    }
