"""The United States: Truman (to January 1953), Eisenhower (after), MacArthur.

Truman read the invasion through the 1930s: aggression left unresisted
leads to another world war; he and his advisers sent US forces at once and,
with the Soviet seat empty, under a UN mandate, and held the line against
communism across Asia (essay.us_decision, essay.un_boycott,
essay.containment_asia). With the KPA disintegrating, UN forces crossed the
38th in pursuit (essay.cross_38th). Once the line was dug in, the US would
not pay the casualties an advance required (int000.dug_in), kept the Soviet
air war secret to avoid public pressure for war with the USSR
(essay.air_war), and made non-forced repatriation of prisoners a principle,
a substitute for victory (essay.pow).

Eisenhower kept that principle; the Chinese hoped his new administration
would offer better terms (essay.death_settle). MacArthur landed at Inchon
behind the KPA's overextended supply line (essay.pusan_inchon).
"""

from agents.base import Leader, Term
from agents.terms import POW_PRINCIPLE


class Truman(Leader):
    """President Harry S. Truman."""

    key = "truman"
    name = "Harry S. Truman"
    role = "US President"
    terms = (
        Term("munich_analogy", "unresisted aggression invites a third world war", "strong", "essay.us_decision"),
        Term("un_collective_security", "acting under a Security Council mandate", "moderate", "essay.un_boycott"),
        Term("containment_asia", "holding the line against communism in Asia", "moderate", "essay.containment_asia"),
        Term("limit_war", "risk of a wider war with China or the USSR", "moderate", "int000.dug_in"),
        Term("rollback", "how far the KPA has collapsed (a chance to unify Korea)", "strong", "essay.cross_38th"),
        Term("avoid_public_pressure", "keeping the Soviet air war from the public", "moderate", "essay.air_war"),
        POW_PRINCIPLE,
        Term("casualty_limit", "casualties the US would accept to move the line", "moderate", "int000.dug_in"),
    )
    decides = ("us_intervention", "un_cross_38th", "us_air_war_secrecy", "us_pow_policy")


class Eisenhower(Leader):
    """President Dwight D. Eisenhower (from 20 January 1953)."""

    key = "eisenhower"
    name = "Dwight D. Eisenhower"
    role = "US President"
    terms = (
        POW_PRINCIPLE,
        Term(
            "new_administration", "a new administration's room to offer different terms", "weak", "essay.death_settle"
        ),
    )
    decides = ("eisenhower_terms",)


class MacArthur(Leader):
    """General Douglas MacArthur, UN commander (to April 1951)."""

    key = "macarthur"
    name = "Douglas MacArthur"
    role = "UN commander"
    terms = (
        Term(
            "envelopment",
            "how overextended the KPA supply line is (0 at 38N, 1 at 35.5N)",
            "strong",
            "essay.pusan_inchon",
        ),
        Term("landing_risk", "the hazard of the Inchon tides and a distant landing", "moderate", "essay.pusan_inchon"),
    )
    decides = ("inchon_landing",)
