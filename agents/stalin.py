"""Joseph Stalin: approves the war, polices China's role, prolongs the stalemate.

Above almost all else Stalin wanted no war with the United States while the
USSR, devastated by the Second World War, was unprepared: no Soviet troops
under any circumstances, his pilots disguised as Chinese
(essay.avoid_war_unprepared, int001.stalin_terrified, blog.swift_war). What
he sought in Korea was a "friendly" government, a buffer against Japan
(essay.buffer_aim). He refused Kim in 1949 and approved in January 1950,
after a year of Kim's pleading, once the PRC, the treaty and the bomb made a
quick war look safe (essay.kim_requests, essay.changed_situation,
blog.persuasion); he kept up the UN boycott over the PRC's seat
(essay.un_boycott).

Until Chinese troops fought in October 1950 he distrusted the CCP: he let
Mao's July offer lapse, put air cover off, kept his aircraft north of the
Yalu, and ordered the North evacuated rather than fight
(shen.stalin_suspicion, shen.black_sea, shen.yalu_limit, int001.evacuation);
his promise of air cover bound him only weakly (shen.conclusion). He sided
with Peng's pause over Kim's pursuit (shen.peng_pause). Once the war was a
safe stalemate he urged a hard line for what it gained him: intelligence, a
drained United States, a strained Western alliance (int000.stalin_stalemate,
essay.stalin_prolong, blog.intelligence), backing Beijing on prisoners
(shen.pow).
"""

from agents.base import Leader, Term
from agents.terms import prolong_benefits


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
        prolong_benefits("strong"),
        Term("back_beijing", "supporting the line Beijing has taken in the talks", "moderate", "shen.pow"),
    )
    decides = (
        "kim_request_1",
        "kim_request_2",
        "kim_request_3",
        "kim_request_renewed",
        "un_security_council",
        "china_offer_july",
        "stalin_after_inchon",
        "stalin_reply",
        "black_sea",
        "stalin_evacuation",
        "stalin_cancel",
        "stalin_yalu_limit",
        "soviet_air_entry",
        "peng_pause",
        "dprk_ceasefire",
        "stalin_hardline",
    )
