"""Mao Zedong and the CCP Politburo: consent, entry, the campaigns, the talks.

Mao was not opposed in principle to unifying Korea by force, though China's
own unification came first (shen.revolution_principle, shen.us_entry); he
consented to Kim's invasion in May 1950 with little real choice, given his
dependence on the new alliance (essay.mao_no_choice). In October 1950 he
argued for entry: American "arrogance" had to be answered, war would renew
the revolution's spirit, and the border had to be protected
(essay.mao_reasons); but China "must have an air force", a war might drag
in the Soviets and become a third world war, and he stopped the entry plan
on 12 October when Stalin put air cover off (shen.politburo_5oct,
shen.mao_12oct). Standing aside would have left the alliance nominal and
China's standing low (shen.conclusion). In the campaigns he weighed Moscow's
urging to strike against Peng and Nie's counsel to rest
(shen.third_campaign), and rejected the UN's January 1951 ceasefire despite
what it offered on Taiwan and the UN seat (shen.ceasefire_jan51). A line
near the 38th was acceptable by June 1951 (shen.talks). On prisoners he
would not concede under pressure: it was a question of face, and the war
kept the Americans bogged down in the East (essay.pow, shen.mao_strategy),
against Kim's pleas and a weariness of casualties that grew from 1952
(shen.pow, essay.war_weariness) and, after Stalin's death, a hope that
Eisenhower would offer more (essay.death_settle).

The Politburo is its own decider: its resistance (a new, poor regime
needing reconstruction) is a documented force that Mao and Peng Dehuai had
to overcome on 5 and 13 October 1950 (int001.beijing_resistance,
essay.chinese_reluctance, shen.politburo_5oct, shen.politburo_13oct). The
meeting of 13 October did not start afresh: it endorsed the decision to
intervene taken on 5 October, on which the CPV had been formed and the
entry order issued, and which Mao's stop of 12 October had only suspended
(shen.entry_plan, shen.mao_12oct, shen.politburo_13oct). A Politburo that had
held back on 5 October would have had no such decision to stand by.
"""

from agents.base import Leader, Term
from agents.terms import border_security


class Mao(Leader):
    """Chairman of the CCP and the PRC."""

    key = "mao"
    name = "Mao Zedong"
    role = "Chairman of the CCP"
    terms = (
        Term(
            "alliance_dependence",
            "following Moscow's line (its advice or instruction, -1 to 1, or the alliance's strength)",
            "strong",
            "essay.mao_no_choice",
        ),
        Term(
            "support_revolution",
            "backing unification by force, as China had done",
            "moderate",
            "shen.revolution_principle",
        ),
        Term("taiwan_first", "keeping Chinese unification (Taiwan, Tibet) ahead of Korea", "moderate", "shen.us_entry"),
        border_security("strong"),
        Term(
            "revolutionary_resolve",
            "answering American 'arrogance' and renewing revolutionary spirit",
            "strong",
            "essay.mao_reasons",
        ),
        Term(
            "air_force_condition", "shortfall of Soviet air cover (1 - expected cover)", "strong", "shen.politburo_5oct"
        ),
        Term(
            "fear_world_war",
            "risk that Chinese entry drags the Soviets in and becomes a third world war",
            "moderate",
            "shen.politburo_5oct",
        ),
        Term(
            "camp_standing",
            "standing in the socialist camp; alliance nominal if China stands aside",
            "moderate",
            "shen.conclusion",
        ),
        Term("strike_while_hot", "Moscow's urging to exploit success at once", "moderate", "shen.third_campaign"),
        Term("peng_counsel", "Peng and Nie's advice to rest the exhausted CPV", "moderate", "shen.third_campaign"),
        Term(
            "un_seat_and_taiwan",
            "gains offered by a conference on Taiwan and the UN seat",
            "moderate",
            "shen.ceasefire_jan51",
        ),
        Term(
            "military_momentum", "how far south the CPV stands (success to exploit)", "moderate", "shen.ceasefire_jan51"
        ),
        Term(
            "status_quo_acceptable",
            "how acceptable the line is as a return to the status quo (near or south of the 38th)",
            "strong",
            "shen.talks",
        ),
        Term("pow_face", "loss of face if prisoners refuse to come home", "strong", "essay.pow"),
        Term(
            "bog_down_us",
            "keeping US forces bogged down in the East while socialism grows (Mao's 1952 case for holding)",
            "moderate",
            "shen.mao_strategy",
        ),
        Term("kim_pleas", "Kim's pleas to concede so the bombing stops", "weak", "shen.pow"),
        Term(
            "war_weariness",
            "weariness of heavy casualties (CPV deaths / 400 thousand)",
            "moderate",
            "essay.war_weariness",
        ),
        Term("eisenhower_hope", "hope the new US administration offers better terms", "moderate", "essay.death_settle"),
    )
    decides = (
        "mao_consent",
        "mao_cable_2oct",
        "mao_12oct",
        "beijing_answers",
        "cpv_crossing",
        "china_reconsiders",
        "third_campaign",
        "un_ceasefire_jan51",
        "ceasefire_talks",
        "pow_deadlock",
        "china_holdout",
    )


class Politburo(Leader):
    """The CCP Politburo (with Zhou Enlai, Lin Biao, Peng Dehuai) deciding collectively."""

    key = "politburo"
    name = "CCP Politburo"
    role = "collective leadership in Beijing"
    terms = (
        Term(
            "domestic_reconstruction",
            "cost of war to a new, poor regime rebuilding at home",
            "strong",
            "int001.beijing_resistance",
        ),
        Term("mao_advocacy", "Mao's resolve to fight, pressed on his colleagues", "strong", "shen.politburo_5oct"),
        Term("peng_advocacy", "Peng Dehuai's advocacy of intervention", "moderate", "shen.politburo_5oct"),
        border_security("moderate"),
        Term(
            "fear_of_escalation",
            "risk of a wider war without Soviet air cover (1 - expected cover)",
            "moderate",
            "shen.politburo_5oct",
        ),
        Term(
            "own_resolution",
            "standing by its own 5 October resolution (+1 it resolved to send troops, -1 it held back)",
            "weak",
            "shen.politburo_13oct",
        ),
    )
    decides = ("politburo_5oct", "politburo_13oct")
