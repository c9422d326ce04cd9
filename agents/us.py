"""The United States: Truman (to January 1953), Eisenhower (after), and the UN commander.

Truman read the invasion through the 1930s: aggression left unresisted
leads to another world war; he and his advisers sent US forces at once and,
with the Soviet seat empty, under a UN mandate; the allies' alarm made the
defence a test of American credibility, and he held the line against
communism across Asia (essay.us_decision, essay.un_boycott,
essay.allies_alarm, essay.containment_asia), although Korea had stood low
among US priorities (essay.korea_priority). With the KPA disintegrating, UN
forces crossed the 38th in pursuit (essay.cross_38th). Once the line was dug
in, the US would not pay the casualties an advance required
(int000.dug_in), kept the Soviet air war secret to avoid public pressure for
war with the USSR (essay.air_war), turned to bombing the North for a sense
of victory (essay.bombing), and made non-forced repatriation of prisoners a
principle, a substitute for victory (essay.pow), at a cost in casualties and
in strain with its allies (essay.stalin_prolong).

Eisenhower kept the prisoner principle; the sources describe no different
preference of his own, only the Chinese hope that he would offer more
(essay.death_settle), so he weighs the same costs as Truman and shares the
Western leaders' reading of aggression (essay.us_decision). The UN
commander (MacArthur until April 1951) landed at Inchon behind the KPA's
overextended supply line and drove toward the Chinese border
(essay.pusan_inchon, essay.cross_38th), though China viewed the advance with
alarm (int001.china_alarm); after the winter retreat Ridgway rallied the UN
and pushed the line back to about the 38th (essay.winter_spring), an advance
the US would not pay for against a dug-in enemy (int000.dug_in).
"""

from agents.base import Leader, Term
from agents.terms import ALLIED_STRAIN, MUNICH_ANALOGY, POW_PRINCIPLE, SUBSTITUTE_FOR_VICTORY, WAR_COST, limit_war


class Truman(Leader):
    """President Harry S. Truman."""

    key = "truman"
    name = "Harry S. Truman"
    role = "US President"
    office = "~eisenhower"
    terms = (
        MUNICH_ANALOGY,
        Term("un_collective_security", "acting under a Security Council mandate", "moderate", "essay.un_boycott"),
        Term(
            "allied_credibility",
            "showing alarmed allies that the US defends them",
            "moderate",
            "essay.allies_alarm",
        ),
        Term("containment_asia", "holding the line against communism in Asia", "moderate", "essay.containment_asia"),
        Term("korea_low_priority", "Korea's low place in US strategic priorities", "moderate", "essay.korea_priority"),
        limit_war("strong"),
        Term("rollback", "how far the KPA has collapsed (a chance to unify Korea)", "strong", "essay.cross_38th"),
        Term(
            "un_mandate",
            "the UN mandate to repel the attack and restore peace, met at the parallel",
            "weak",
            "essay.un_boycott",
        ),
        Term("avoid_public_pressure", "keeping the Soviet air war from the public", "moderate", "essay.air_war"),
        POW_PRINCIPLE,
        WAR_COST,
        ALLIED_STRAIN,
        SUBSTITUTE_FOR_VICTORY,
    )
    decides = (
        "us_intervention",
        "un_cross_38th",
        "us_air_war_secrecy",
        "us_accepts_talks_truman",
        "us_pow_policy",
        "us_terms_truman",
        "us_pressure_truman",
    )


class Eisenhower(Leader):
    """President Dwight D. Eisenhower (from 20 January 1953)."""

    key = "eisenhower"
    name = "Dwight D. Eisenhower"
    role = "US President"
    office = "eisenhower"
    terms = (POW_PRINCIPLE, WAR_COST, ALLIED_STRAIN, SUBSTITUTE_FOR_VICTORY, limit_war("strong"), MUNICH_ANALOGY)
    decides = ("us_accepts_talks_eisenhower", "us_terms_eisenhower", "us_pressure_eisenhower")


class UNCommand(Leader):
    """The UN commander in Korea: General Douglas MacArthur until April 1951, then Matthew Ridgway."""

    key = "un_command"
    name = "UN commander (MacArthur, then Ridgway)"
    role = "UN commander"
    terms = (
        Term(
            "envelopment",
            "how overextended the KPA supply line is (0 at 38N, 1 at 35.5N)",
            "strong",
            "essay.pusan_inchon",
        ),
        Term("landing_risk", "the hazard of the Inchon tides and a distant landing", "moderate", "essay.pusan_inchon"),
        Term(
            "drive_to_yalu",
            "finishing the routed KPA by advancing to the Chinese border (KPA collapse, 0-1)",
            "strong",
            "essay.cross_38th",
        ),
        Term(
            "restore_line",
            "rallying the UN to drive the enemy back toward the 38th (how far south of it the line stands, 0-1)",
            "strong",
            "essay.winter_spring",
        ),
        Term(
            "preserve_forces",
            "sparing the casualties of attacking a dug-in enemy (its entrenchment, 0-1)",
            "moderate",
            "int000.dug_in",
        ),
        Term(
            "china_warning",
            "China's alarm at UN forces heading for its border",
            "weak",
            "int001.china_alarm",
        ),
    )
    decides = ("inchon_landing", "un_advance", "un_counteroffensive")
