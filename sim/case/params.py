"""Model parameters that are not leader weights: beliefs, chances, delays.

Each parameter has a documented range; each world draws its own value
uniformly from it (keyed by world index), like the leaders' weights. A
range with low == high is a fixed value. Variants encode passages where the
sources disagree: each reading sets parameters and names what the record
says happened, and a scenario picks one reading.
"""

from __future__ import annotations

from sim.case.military_params import MILITARY_PARAMS
from sim.case.parameter import UNIT_BOUNDS, Param
from sim.case.variants import VARIANTS, Reading, Variant

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
            "delay.cpv_preparation",
            4.0,
            10.0,
            "days",
            "days added before the CPV can cross where the Politburo held back on 5 October 1950, to form "
            "its command and prepare the entry: 10 after the resolution of 5 October, entry about 15 October; "
            "4 if 6 of them overlap the days a ready army took from commitment to crossing (13-19 October)",
            "shen.entry_plan",
        ),
        _P(
            "delay.evacuation_lag",
            0.0,
            0.0,
            "days",
            "days from Mao's stop order to Stalin's evacuation order (set by variant)",
            "int001.evacuation",
        ),
        *MILITARY_PARAMS,
    )
}

__all__ = [
    "PARAMS",
    "TEMPERATURE",
    "TEMPERATURE_BOUNDS",
    "UNIT_BOUNDS",
    "VARIANTS",
    "WEIGHT_BOUNDS",
    "Param",
    "Reading",
    "Variant",
]
