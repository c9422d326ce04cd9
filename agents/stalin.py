"""Joseph Stalin: approves the war, polices China's role, prolongs the stalemate."""

from agents.base import Leader, Term


class Stalin(Leader):
    """Soviet leader until his death (5 March 1953 in the baseline)."""

    key = "stalin"
    name = "Joseph Stalin"
    role = "Soviet leader"
    terms = (
        Term(
            "avoid_us_war",
            "expected risk that the option draws the USSR into war with the US",
            "overriding",
            "essay.avoid_war_unprepared",
        ),
        Term(
            "friendly_korea",
            "chance the option keeps or wins a friendly Korea as a buffer",
            "moderate",
            "essay.buffer_aim",
        ),
        Term("kim_pressure", "how long Kim has kept asking (requests so far / 3)", "weak", "blog.persuasion"),
        Term("prc_seat_protest", "keeping up the UN boycott over the PRC's exclusion", "moderate", "essay.un_boycott"),
        Term(
            "distrust_ccp",
            "Chinese influence in Korea the option admits, times distrust of the CCP",
            "strong",
            "shen.stalin_suspicion",
        ),
        Term(
            "alliance_credibility",
            "whether the option keeps Stalin's air-cover promise to China",
            "weak",
            "shen.conclusion",
        ),
        Term(
            "commander_judgement", "siding with the field commander's military assessment", "strong", "shen.peng_pause"
        ),
        Term("kim_and_advisers", "the pursuit urged by Kim and the Soviet advisers", "weak", "shen.peng_pause"),
        Term(
            "prolong_benefits",
            "gains of a safe stalemate: intelligence, US drain, allied strain",
            "strong",
            "int000.stalin_stalemate",
        ),
        Term("back_beijing", "supporting the line Beijing has taken in the talks", "moderate", "shen.pow"),
    )
