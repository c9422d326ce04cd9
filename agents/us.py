"""The United States: Truman (to January 1953), Eisenhower (after), MacArthur."""

from agents.base import Leader, Term


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
        Term("pow_principle", "no forced repatriation of prisoners (a substitute for victory)", "strong", "essay.pow"),
        Term("casualty_limit", "casualties the US would accept to move the line", "moderate", "int000.dug_in"),
    )


class Eisenhower(Leader):
    """President Dwight D. Eisenhower (from 20 January 1953)."""

    key = "eisenhower"
    name = "Dwight D. Eisenhower"
    role = "US President"
    terms = (
        Term("pow_principle", "no forced repatriation of prisoners", "strong", "essay.pow"),
        Term(
            "new_administration", "a new administration's room to offer different terms", "weak", "essay.death_settle"
        ),
    )


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
