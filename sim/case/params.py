"""Model parameters that are not leader weights: beliefs, chances, delays.

Each parameter has a documented range; each world draws its own value
uniformly from it (keyed by world index), like the leaders' weights. A
range with low == high is a fixed value. Variants encode passages where the
sources disagree: each reading sets parameters and names what the record
says happened, and a scenario picks one reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.case.evidence import REGISTRY


@dataclass(frozen=True)
class Param:
    """A documented model parameter: name, range, unit, meaning, evidence id."""

    name: str
    low: float
    high: float
    unit: str
    meaning: str
    evidence: str

    @property
    def bounds(self) -> tuple[float, float]:
        """Values a scenario may set, by unit."""
        return UNIT_BOUNDS[self.unit]

    def __post_init__(self) -> None:
        if not self.low <= self.high:
            raise ValueError(f"param {self.name}: low {self.low} > high {self.high}")
        lo, hi = UNIT_BOUNDS[self.unit]
        if not lo <= self.low <= self.high <= hi:
            raise ValueError(f"param {self.name}: range outside its unit's bounds {lo}-{hi}")
        if self.evidence not in REGISTRY:
            raise ValueError(f"param {self.name}: evidence id {self.evidence!r} is not registered")


UNIT_BOUNDS: dict[str, tuple[float, float]] = {
    "probability": (0.0, 1.0),
    "0-1": (0.0, 1.0),
    "fraction": (0.0, 1.0),
    "reduction": (0.0, 1.0),
    "trust added": (0.0, 1.0),
    "multiplier": (0.0, 2.0),
    "days": (0.0, 1500.0),
    "thousand men": (0.0, 2000.0),
    "thousand men/week": (0.0, 100.0),
    "thousand deaths/week": (0.0, 200.0),
    "ratio": (1.0, 10.0),
}
WEIGHT_BOUNDS = (0.0, 10.0)  # leader weights a scenario may set (utility units per unit of feature)
TEMPERATURE = 0.1  # utility units; maximum expected likelihood, `whatif calibrate temperature`
TEMPERATURE_BOUNDS = (0.005, 5.0)

_P = Param
PARAMS: dict[str, Param] = {
    p.name: p
    for p in (
        # Stalin's belief that the US would fight for Korea, and what moved it
        _P(
            "belief.p_us_with_troops",
            0.8,
            0.95,
            "probability",
            "Stalin's belief the US would fight while US troops were in the South (to June 1949)",
            "essay.kim_requests",
        ),
        _P(
            "belief.p_us_after_withdrawal",
            0.5,
            0.7,
            "probability",
            "the same belief after US troops left the South (June 1949)",
            "essay.kim_requests",
        ),
        _P(
            "belief.bomb_factor",
            0.75,
            0.9,
            "multiplier",
            "effect of the Soviet atomic bomb (29 Aug 1949) on that belief",
            "essay.changed_situation",
        ),
        _P(
            "belief.prc_factor",
            0.6,
            0.8,
            "multiplier",
            "effect of the PRC's founding (1 Oct 1949): the US did not fight for China",
            "essay.changed_situation",
        ),
        _P(
            "belief.treaty_factor",
            0.75,
            0.9,
            "multiplier",
            "effect of the Sino-Soviet treaty (14 Feb 1950)",
            "essay.changed_situation",
        ),
        _P(
            "belief.trust_ccp_1950",
            0.2,
            0.4,
            "0-1",
            "Stalin's trust in the CCP before its troops fought (suspected nationalism)",
            "shen.stalin_suspicion",
        ),
        _P(
            "belief.trust_after_engagement",
            0.4,
            0.6,
            "trust added",
            "rise in Stalin's trust of the CCP after the first CPV engagement",
            "shen.air_entry",
        ),
        _P(
            "belief.mao_resolve_oct1950",
            0.6,
            0.9,
            "0-1",
            "Mao's resolve to fight in Korea in October 1950 (set by the 2 Oct cable reading)",
            "shen.cable_2oct",
        ),
        # chance nodes
        _P(
            "chance.inchon_success",
            0.75,
            0.9,
            "probability",
            "chance the Inchon landing cuts the KPA, with no Chinese troops holding its rear",
            "essay.pusan_inchon",
        ),
        _P(
            "chance.inchon_rear_held",
            0.5,
            0.8,
            "reduction",
            "how much Chinese troops in the KPA's rear cut the landing's chance",
            "shen.timing",
        ),
        _P(
            "chance.fifth_campaign_edge",
            0.1,
            0.3,
            "probability",
            "chance a spring 1951 offensive succeeds at an even balance of forces",
            "shen.fifth_campaign",
        ),
        _P(
            "chance.escalation_if_public",
            0.2,
            0.4,
            "probability",
            "chance that a publicised Soviet air war becomes an open US-Soviet war",
            "essay.air_war",
        ),
        # military quantities tied to decisions
        _P(
            "force.cpv_first_crossing",
            200.0,
            300.0,
            "thousand men",
            "CPV strength at its first crossing",
            "data.forces",
        ),
        _P(
            "force.inchon_kpa_loss",
            0.55,
            0.75,
            "fraction",
            "share of the KPA cut off and lost after a successful landing",
            "essay.pusan_inchon",
        ),
        # the military sub-model's uncertain quantities (sim.case.military reads them every week). Rates
        # span what the force figures of data.forces allow (e.g. US strength at Pusan, ~1.1 million
        # Communist troops in 1953); the sources describe supply, bombing and attack costs in words
        # only (the line "dangerously extended", rail stations and bridges wrecked, casualties the US
        # would not accept against dug-in lines), so those ranges span a modest to a severe effect.
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
            0.06,
            0.16,
            "fraction",
            "share of the CPV's supply shortfall made good per week at the Yalu (less far from it)",
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
        # negotiation delays (days)
        _P(
            "delay.negotiation",
            30.0,
            60.0,
            "days",
            "from both sides' decision to settle to a signed armistice, without obstruction",
            "int000.post_stalin",
        ),
        _P(
            "delay.rhee_obstruction",
            20.0,
            35.0,
            "days",
            "delay added by the ROK's obstruction of the settlement",
            "int000.post_stalin",
        ),
        # state that decisions move (issue 10: no hand-set constants)
        _P(
            "alliance.before_treaty",
            0.2,
            0.4,
            "0-1",
            "Sino-Soviet alliance before the treaty, while Stalin suspected the CCP's nationalism",
            "shen.stalin_suspicion",
        ),
        _P(
            "alliance.treaty",
            0.4,
            0.6,
            "0-1",
            "the alliance after the February 1950 treaty: superficial until China fought",
            "shen.conclusion",
        ),
        _P(
            "alliance.entry_gain",
            0.2,
            0.4,
            "0-1",
            "how much China's entry into the war made the alliance real",
            "shen.conclusion",
        ),
        _P(
            "alliance.air_gain",
            0.05,
            0.15,
            "0-1",
            "how much Soviet air units fighting beside the CPV added to the alliance",
            "shen.air_entry",
        ),
        _P(
            "air_cover.promise",
            0.6,
            0.8,
            "0-1",
            "China's expectation of Soviet air cover after Stalin's July 1950 promise to 'try our best'",
            "shen.july_offer",
        ),
        _P(
            "air_cover.now",
            0.9,
            1.0,
            "0-1",
            "China's expectation of air cover when Stalin promises it at once",
            "shen.black_sea",
        ),
        _P(
            "air_cover.later",
            0.4,
            0.6,
            "0-1",
            "China's expectation of air cover when Stalin puts it off two months, or keeps it north of the Yalu",
            "shen.black_sea",
        ),
        _P(
            "air_cover.none",
            0.05,
            0.25,
            "0-1",
            "China's expectation of air cover when Stalin refuses it",
            "shen.conclusion",
        ),
        _P(
            "delay.soviet_air_ready",
            60.0,
            75.0,
            "days",
            "days after the Black Sea meeting (11 October 1950) until the Soviet air force could cover the CPV",
            "shen.black_sea",
        ),
        _P(
            "delay.talks_stable",
            28.0,
            56.0,
            "days",
            "how long the line must hold before a side proposes talks (the last offensive failed in May 1951, "
            "Malik proposed talks on 23 June)",
            "shen.talks",
        ),
        _P(
            "pressure.bombing_step",
            0.15,
            0.35,
            "0-1",
            "rise in the intensity of US bombing of the North when Washington decides to step it up",
            "essay.bombing",
        ),
        _P(
            "chance.escalation_if_widened",
            0.1,
            0.3,
            "probability",
            "chance that carrying the war to China, Moscow's ally, brings open US-Soviet war",
            "essay.avoid_war_unprepared",
        ),
        _P(
            "delay.evacuation_lag",
            0.0,
            0.0,
            "days",
            "days from Mao's stop order to Stalin's evacuation order (set by variant)",
            "int001.evacuation",
        ),
    )
}


@dataclass(frozen=True)
class Reading:
    """One reading of a disputed passage: parameter settings and the recorded choice."""

    params: dict[str, tuple[float, float]] = field(default_factory=dict)
    historical: dict[str, str] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Variant:
    """A source dispute the model keeps open; a scenario picks one reading."""

    id: str
    evidence: str
    default: str
    readings: dict[str, Reading]


VARIANTS: dict[str, Variant] = {
    v.id: v
    for v in (
        Variant(
            "mao_cable_2oct",
            "shen.cable_2oct",
            "chinese",
            {
                "chinese": Reading(
                    {"belief.mao_resolve_oct1950": (0.6, 0.9)},
                    {"mao_cable_2oct": "agree"},
                    "Chinese text: Mao tentatively agrees to send troops",
                ),
                "russian": Reading(
                    {"belief.mao_resolve_oct1950": (0.35, 0.6)},
                    {"mao_cable_2oct": "withhold"},
                    "Russian text: Mao withholds troops, citing poor equipment",
                ),
            },
        ),
        Variant(
            "evacuation_date",
            "int001.evacuation",
            "shen_12oct",
            {
                "shen_12oct": Reading(
                    {"delay.evacuation_lag": (0.0, 0.0)},
                    {},
                    "Shen: ordered on 12 October, the night of Mao's stop order",
                ),
                "weathersby_13oct": Reading(
                    {"delay.evacuation_lag": (1.0, 1.0)}, {}, "Weathersby: ordered on 13 October"
                ),
            },
        ),
    )
}
