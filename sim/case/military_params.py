"""The military sub-model's uncertain quantities (``mil.*``): each world draws its own value from its range.

Rates span what the force figures of data.forces allow (e.g. US strength at
Pusan, about 1.1 million Communist troops in 1953); the sources describe
supply, bombing and attack costs in words only (the line "dangerously
extended", rail stations and bridges wrecked, casualties the US would not
accept against dug-in lines), so those ranges span a modest to a severe
effect. ``sim.case.military`` reads them every week.
"""

from __future__ import annotations

from sim.case.parameter import Param as _P

MILITARY_PARAMS = (
    _P(
        "mil.us_arrival_1950",
        4.5,
        7.5,
        "thousand men/week",
        "US and other UN combat troops landed per week in the first 12 weeks of US intervention",
        "essay.us_buildup",
    ),
    _P(
        "mil.rok_recruit",
        4.5,
        7.5,
        "thousand men/week",
        "ROK army recruits and returning men per week of war",
        "data.forces",
    ),
    _P(
        "mil.kpa_conscription",
        3.5,
        5.5,
        "thousand men/week",
        "KPA conscripts and replacements per week (KPA 90,000 in June 1950, 98,000 at Pusan after its losses)",
        "data.forces",
    ),
    _P(
        "mil.cpv_reinforce",
        10.0,
        16.0,
        "thousand men/week",
        "CPV reinforcements per week once China fights (to about 1.1 million Communist troops by July 1953)",
        "data.forces",
    ),
    _P(
        "mil.kpa_quality",
        0.9,
        1.1,
        "multiplier",
        "KPA combat power per man relative to the fitted value (Soviet tanks against a poorly armed ROK army)",
        "essay.rok_weak",
    ),
    _P(
        "mil.kpa_resupply",
        0.06,
        0.16,
        "fraction",
        "share of the KPA's supply shortfall made good per week at its base (less far from it)",
        "essay.pusan_inchon",
    ),
    _P(
        "mil.cpv_resupply",
        0.08,
        0.14,
        "fraction",
        "share of the CPV's supply shortfall made good per week at the Yalu (less far from it)",
        "shen.cpv_spent",
    ),
    _P(
        "mil.cpv_reach",
        4.7,
        7.6,
        "deg",
        "distance from the Yalu over which the CPV's combat power and resupply fall to about 40% (its supply "
        "line's reach). The war never tested the CPV south of 37N, and the front is fitted about equally well "
        "from 4.7 to 7.6 deg (calibrate front --fit 600, seeds 1-3): an army on foot, spent by each offensive",
        "shen.cpv_spent",
    ),
    _P(
        "mil.interdiction",
        0.2,
        0.6,
        "reduction",
        "share of Communist supply deliveries US air attack destroys on a long line at full air pressure",
        "shen.us_bombing_1950",
    ),
    _P(
        "mil.air_pressure_1950",
        0.3,
        0.5,
        "0-1",
        "intensity of US bombing of the North once US forces fight (1 = the most the US could mount)",
        "shen.us_bombing_1950",
    ),
    _P(
        "mil.attack_cost",
        1.5,
        3.0,
        "ratio",
        "losses of an attacker moving the line relative to a defender's, per unit of enemy power (open line)",
        "int000.dug_in",
    ),
    _P(
        "mil.civ_mobile",
        25.0,
        45.0,
        "thousand deaths/week",
        "Korean civilian deaths per week while the front sweeps through at full speed (0.3 deg/week or more)",
        "data.casualties",
    ),
    _P(
        "mil.civ_bombing",
        10.0,
        20.0,
        "thousand deaths/week",
        "civilian deaths per week in the North under US bombing at full air pressure",
        "essay.bombing",
    ),
)
