"""The Korean War world's state variables: name -> (dtype, initial value, meaning).

Units: latitudes in degrees north; forces and deaths in thousands of men;
dates as day numbers (``sim.engine.dates``; -1 = never). Beliefs and trust
in [0, 1].
"""

from __future__ import annotations

import numpy as np

from sim.engine.dates import NEVER

SCHEMA: dict[str, tuple[type, float, str]] = {
    # military
    "front": (np.float64, 38.0, "mean latitude of the main line of contact (deg N)"),
    "fort": (np.float64, 0.0, "entrenchment of the line, 0 (open) to 1 (dug in)"),
    "kpa": (np.float64, 90.0, "KPA combat strength (thousand men)"),
    "rok": (np.float64, 95.0, "ROK army combat strength (thousand men)"),
    "us": (np.float64, 0.0, "US and other UN combat strength in Korea (thousand men)"),
    "cpv": (np.float64, 0.0, "Chinese People's Volunteers in Korea (thousand men)"),
    "kpa_rout": (np.float64, 0.0, "weeks of disorganised KPA retreat left"),
    "cpv_surprise": (np.float64, 0.0, "weeks of CPV surprise advantage left"),
    "cpv_push": (np.float64, 0.0, "weeks of all-out CPV offensive left"),
    "un_push": (np.float64, 0.0, "weeks of UN counteroffensive left"),
    "halt_line": (np.float64, 38.1, "latitude the UN will not advance past (the 38th until it decides)"),
    "kpa_veterans": (np.float64, 90.0, "men of the KPA's pre-war army still in its ranks (thousand)"),
    "kpa_supply": (np.float64, 1.0, "KPA supply stock at the front, 0 (exhausted) to 1 (full; the pre-war stockpile)"),
    "cpv_supply": (np.float64, 1.0, "CPV supply stock at the front, 0 (exhausted) to 1 (full, as it crosses)"),
    "air_pressure": (
        np.float64,
        0.0,
        "intensity of US bombing of the North, 0-1 (set from mil.air_pressure_1950; acts once US forces fight)",
    ),
    "deaths_us": (np.float64, 0.0, "US military deaths (thousand)"),
    "deaths_rok": (np.float64, 0.0, "ROK military deaths (thousand)"),
    "deaths_un_other": (np.float64, 0.0, "other UN military deaths (thousand)"),
    "deaths_kpa": (np.float64, 0.0, "KPA military deaths (thousand)"),
    "deaths_cpv": (np.float64, 0.0, "CPV military deaths (thousand)"),
    "deaths_soviet": (np.float64, 0.0, "Soviet military deaths (thousand)"),
    "deaths_civilian": (np.float64, 0.0, "Korean civilian deaths (thousand)"),
    # beliefs and relations
    "stalin_p_us": (np.float64, 0.9, "Stalin's belief that the US would fight for Korea"),
    "stalin_trust_ccp": (np.float64, 0.3, "Stalin's trust in the CCP's loyalty (set from belief.trust_ccp_1950)"),
    "mao_resolve": (np.float64, 0.5, "Mao's personal resolve to fight in Korea"),
    "air_cover": (np.float64, 0.0, "Chinese expectation of Soviet air cover, 0-1"),
    "alliance": (np.float64, 0.3, "Sino-Soviet alliance: 0 none, 0.5 nominal, 1 real"),
    "kim_requests": (np.float64, 0.0, "requests Kim has made to Stalin"),
    "front_min": (np.float64, 38.0, "southernmost front line so far (deg N)"),
    "front_max": (np.float64, 38.0, "northernmost front line so far (deg N)"),
    # flags
    "us_troops_south": (np.bool_, True, "US occupation troops are still in the South"),
    "prc": (np.bool_, False, "the People's Republic of China exists"),
    "eisenhower": (np.bool_, False, "Eisenhower is President"),
    "landed": (np.bool_, False, "the UN has landed at Inchon"),
    "air_war_public": (np.bool_, False, "the US has made the Soviet air war public"),
    "pow_issue": (np.bool_, False, "the US insists on non-forced repatriation of prisoners"),
    "approved": (np.bool_, False, "Stalin has approved the invasion"),
    "mao_ok": (np.bool_, False, "Mao has consented to the invasion"),
    "war": (np.bool_, False, "the war is being fought"),
    "us_in": (np.bool_, False, "US forces are committed"),
    "un_sanctioned": (np.bool_, False, "the Security Council authorised UN action"),
    "china_committed": (np.bool_, False, "Beijing has decided to send troops"),
    "china_stop": (np.bool_, False, "Mao's order to stop the entry plan stands"),
    "china_in": (np.bool_, False, "Chinese troops fight in Korea"),
    "soviet_air": (np.bool_, False, "Soviet air units fight over Korea"),
    "soviet_ground": (np.bool_, False, "Soviet ground troops fight in Korea"),
    "superpower_war": (np.bool_, False, "open US-Soviet war"),
    "evac_ordered": (np.bool_, False, "Stalin ordered Kim to evacuate the North"),
    "evac_active": (np.bool_, False, "the evacuation order stands"),
    "talks": (np.bool_, False, "armistice talks are open"),
    "stalin_alive": (np.bool_, True, "Stalin is alive"),
    "moscow_settle": (np.bool_, False, "Moscow instructs its allies to settle"),
    "china_settle": (np.bool_, False, "Beijing is ready to accept the UN's terms"),
    "us_widened": (np.bool_, False, "the US has carried the war to China"),
    "talks_proposed": (np.bool_, False, "one side has proposed armistice talks, awaiting the other's answer"),
    "talks_wait": (np.float64, 42.0, "days the line must hold still before a side proposes talks (from a parameter)"),
    "moscow_advice": (
        np.float64,
        0.0,
        "Moscow's advice to Beijing: +1 go in, -1 stay out and let Kim retreat",
    ),
    "politburo_resolution": (
        np.float64,
        0.0,
        "the Politburo's resolution of 5 October 1950: +1 send troops (the CPV formed, the entry order out), "
        "-1 hold back, 0 no such meeting",
    ),
    "front_ref": (np.float64, 38.0, "the line when it last moved by more than 0.3 deg (deg N)"),
    "evac_with_cpv_weeks": (np.int16, 0, "audit: weeks an evacuation order stood while the KPA fought beside the CPV"),
    # dates (day numbers)
    "approval_day": (np.int32, NEVER, "day Stalin approved the invasion"),
    "war_start": (np.int32, NEVER, "day the war began"),
    "war_end": (np.int32, NEVER, "day the war ended (armistice or conquest)"),
    "armistice_day": (np.int32, NEVER, "day the armistice was signed"),
    "settle_due": (np.int32, NEVER, "day the armistice will be signed, once agreed"),
    "china_entry_day": (np.int32, NEVER, "day Chinese troops entered Korea"),
    "soviet_air_day": (np.int32, NEVER, "day the Soviet air war began"),
    "evac_day": (np.int32, NEVER, "day Stalin ordered the evacuation"),
    "talks_day": (np.int32, NEVER, "day armistice talks opened"),
    "un_crossed_day": (np.int32, NEVER, "day the UN crossed the 38th parallel"),
    "china_asked_day": (np.int32, NEVER, "day China was asked to send troops"),
    "committed_day": (np.int32, NEVER, "day Beijing (re)committed to send troops"),
    "cpv_ready_day": (
        np.int32,
        NEVER,
        "day the CPV is ready to cross: the commitment, plus its preparation where no command was formed",
    ),
    "moscow_settle_day": (np.int32, NEVER, "day Moscow decided to settle"),
    "china_settle_day": (np.int32, NEVER, "day Beijing accepted the terms"),
    "stalin_death_day": (np.int32, NEVER, "day Stalin died"),
    "china_refused_day": (np.int32, NEVER, "day Beijing decided not to send troops"),
    "soviet_air_ready_day": (np.int32, NEVER, "day the Soviet air force could cover the CPV (set from a parameter)"),
    "consent_day": (np.int32, NEVER, "day Mao consented to the invasion"),
    "ready_day": (np.int32, NEVER, "day the invasion is prepared: Soviet arms, the plan and Mao's consent in place"),
    "agreed_day": (np.int32, NEVER, "day both sides agreed terms (the armistice follows after the negotiation)"),
    "proposed_day": (np.int32, NEVER, "day talks were last proposed"),
    "offensive_day": (np.int32, NEVER, "day the CPV's spring offensive was launched"),
    "widened_day": (np.int32, NEVER, "day the US carried the war to China"),
    "eisenhower_day": (np.int32, NEVER, "day Eisenhower took office"),
    "front_ref_day": (np.int32, NEVER, "day the line last moved by more than 0.3 deg"),
    "outcome": (np.int8, -1, "final outcome code (sim.case.outcomes.Final)"),
}
