"""Joseph Stalin: approves the war, polices China's role, prolongs the stalemate.

Above almost all else Stalin wanted no war with the United States while the
USSR, devastated by the Second World War, was unprepared: no Soviet troops
under any circumstances, his pilots disguised as Chinese
(essay.avoid_war_unprepared, int001.stalin_terrified, blog.swift_war). What
he sought in Korea was a "friendly" government, a buffer against Japan
(essay.buffer_aim). In 1949 he allowed Kim only a counterattack
(essay.counterattack_only) and refused twice; he approved in January 1950,
after a year of Kim's pleading, once the PRC, the treaty and the bomb made a
quick war look safe (essay.kim_requests, essay.changed_situation,
blog.persuasion); he kept up the UN boycott over the PRC's seat
(essay.un_boycott).

Until Chinese troops fought in October 1950 he distrusted the CCP: he let
Mao's July offer lapse, put air cover off, kept his aircraft north of the
Yalu, and ordered the North evacuated rather than fight
(shen.stalin_suspicion, shen.black_sea, shen.yalu_limit, int001.evacuation);
yet at the critical moment he wanted China committed, which made the
alliance real (shen.stalin_wants_china_in), and his promise of air cover
bound him weakly (shen.conclusion). He wavered over his air force for fear of
a clash with the Americans (shen.air_wavering) and sent it once the CPV had
fought, with the North being lost (shen.air_entry); in the summer, with the
KPA winning, he had kept it out despite the US bombing (shen.no_air_summer).
He sided with Peng's pause over Kim's pursuit (shen.peng_pause). Once the war
was a safe stalemate he urged a hard line for what it gained him:
intelligence, a drained United States, a strained Western alliance
(int000.stalin_stalemate, essay.stalin_prolong, blog.intelligence), judging
its disadvantages smaller.

Historians weigh differently how far Beijing's own line bound him in the
talks: for Weathersby, Stalin set the hard line and his death freed the
Communist side (int000.stalin_stalemate, essay.death_settle); for Shen,
Beijing led the negotiations and Moscow backed it, Stalin calling Mao's
refusal to concede "completely correct" (shen.pow, shen.talks). The weight
on backing Beijing spans both readings.
"""

from agents.base import Leader, Term
from agents.terms import prolong_benefits


class Stalin(Leader):
    """Soviet leader until his death (5 March 1953 in the baseline)."""

    key = "stalin"
    name = "Joseph Stalin"
    role = "Soviet leader"
    office = "stalin_alive"
    terms = (
        Term(
            "avoid_us_war",
            "risk that the option draws the USSR into war with the US",
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
        Term(
            "defensive_posture",
            "keeping Kim to a counterattack while an attack might fail (1 - chance of a quick win)",
            "weak",
            "essay.counterattack_only",
        ),
        Term("prc_seat_protest", "keeping up the UN boycott over the PRC's exclusion", "moderate", "essay.un_boycott"),
        Term(
            "distrust_ccp",
            "Chinese influence in Korea the option admits, times distrust of the CCP",
            "strong",
            "shen.stalin_suspicion",
        ),
        Term(
            "bind_china",
            "committing China to the war at the critical moment, which binds it to Moscow",
            "moderate",
            "shen.stalin_wants_china_in",
        ),
        Term(
            "alliance_credibility",
            "whether the option keeps Stalin's air-cover promise to China",
            "weak",
            "shen.conclusion",
        ),
        Term(
            "commander_judgement",
            "siding with the field commander's judgement that his troops must rest (CPV fatigue, 0-1)",
            "strong",
            "shen.peng_pause",
        ),
        Term("kim_and_advisers", "the pursuit urged by Kim and the Soviet advisers", "weak", "shen.peng_pause"),
        prolong_benefits("strong"),
        Term(
            "war_costs",
            "the costs of prolonging that he judged smaller than its gains (Communist deaths / million)",
            "weak",
            "essay.stalin_prolong",
        ),
        Term(
            "back_beijing",
            "supporting the line Beijing has taken in the talks (1 once Beijing wants to settle)",
            "weak-strong",
            "shen.pow",
            note="Shen: Beijing led the talks and Moscow backed it (strong); Weathersby: Stalin set the hard "
            "line himself and his death freed the allies (weak); the variant stalin_backing picks one",
        ),
    )
    decides = (
        "kim_request_1",
        "kim_request_2",
        "kim_request_3",
        "kim_request_renewed",
        "un_security_council",
        "china_offer_july",
        "china_offer",
        "stalin_after_inchon",
        "stalin_reply",
        "stalin_air_terms",
        "black_sea",
        "stalin_evacuation",
        "stalin_cancel",
        "stalin_yalu_limit",
        "soviet_air_entry",
        "peng_pause",
        "dprk_ceasefire",
        "stalin_hardline",
    )
