"""Mao Zedong and the CCP Politburo: consent, entry, the campaigns, the talks.

The Politburo is its own decider: its resistance (a new, poor regime needing
reconstruction) is a documented force that Mao and Peng Dehuai had to
overcome on 5 and 13 October 1950.
"""

from agents.base import Leader, Term


class Mao(Leader):
    """Chairman of the CCP and the PRC."""

    key = "mao"
    name = "Mao Zedong"
    role = "Chairman of the CCP"
    terms = (
        Term(
            "alliance_dependence",
            "following Moscow's line (+1 when Moscow asks, -1 when it advises against)",
            "strong",
            "essay.mao_no_choice",
        ),
        Term("taiwan_first", "keeping Chinese unification (Taiwan, Tibet) ahead of Korea", "moderate", "shen.us_entry"),
        Term(
            "border_security", "threat of UN forces on the Yalu: 0 at 37.5N, 1 at 40.5N", "strong", "essay.mao_reasons"
        ),
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
            "how close the line is to the 38th (restoring it is acceptable)",
            "strong",
            "shen.talks",
        ),
        Term("pow_face", "loss of face if prisoners refuse to come home", "strong", "essay.pow"),
        Term(
            "war_weariness", "weariness of heavy casualties, growing from mid-1952", "moderate", "essay.war_weariness"
        ),
        Term("eisenhower_hope", "hope the new US administration offers better terms", "moderate", "essay.death_settle"),
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
        Term(
            "border_security",
            "threat of UN forces on the Yalu: 0 at 37.5N, 1 at 40.5N",
            "moderate",
            "essay.mao_reasons",
        ),
        Term(
            "fear_of_escalation",
            "risk of a wider war without Soviet air cover (1 - expected cover)",
            "moderate",
            "shen.politburo_5oct",
        ),
    )
