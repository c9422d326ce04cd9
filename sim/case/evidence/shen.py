"""Passages of Shen Zhihua's chapter on Sino-Soviet differences and cooperation (``shen2020``)."""

from __future__ import annotations

from sim.case.evidence.registry import SHEN, e

PASSAGES = [
    e(
        "shen.us_entry",
        SHEN,
        "Mao's Eagerness: Stalin and Kim were confident the US would stay out; the US intervened "
        "within days and sent the 7th Fleet; Mao put Taiwan and Tibet before Korea",
    ),
    e(
        "shen.july_offer",
        SHEN,
        "Mao's Eagerness: Zhou's 2 July offer of volunteers if the US crossed the 38th; Stalin's "
        "5 July promise to try to give air cover and 13 July offer of a 124-jet division",
    ),
    e(
        "shen.stalin_suspicion",
        SHEN,
        "Mao's Eagerness: with the KPA advancing Stalin judged Chinese troops unnecessary, stopped "
        "replying to Mao's 320,000-man offer, and suspected China of seeking influence in Korea",
    ),
    e(
        "shen.kim_appeal",
        SHEN,
        "Mao's Eagerness: 30 September, Kim's letter asking Stalin for direct military aid or an "
        "international volunteer army; 1 October Stalin tells Mao to send volunteers",
    ),
    e(
        "shen.cable_2oct",
        SHEN,
        "Footnote 4: the Chinese text of Mao's 2 October cable tentatively agrees, the Russian text "
        "withholds troops; Shen reads it as tactics, not a change of goals",
    ),
    e(
        "shen.politburo_5oct",
        SHEN,
        "Mao's Eagerness: 5 October Politburo resolution after Mao and Peng's advocacy, continued "
        "hesitation; Mao fears a third world war and lacks modern arms; 6 October 'must have an air force'",
    ),
    e(
        "shen.entry_plan",
        SHEN,
        "Mao's Eagerness: after the 5 October resolution the CPV command was set up and the army made its "
        "last preparations; on 8 October Mao told Kim and Stalin the CPV would go in about 15 October",
    ),
    e(
        "shen.timing",
        SHEN,
        "Mao's Eagerness: troops before Inchon would have held the KPA's rear; right after Inchon a "
        "line on the 38th; by October the moment was lost",
    ),
    e(
        "shen.black_sea",
        SHEN,
        "Stalin's Refusal: 11 October Black Sea meeting - equipment yes, air force not ready for two "
        "to two and a half months; joint telegram that helping Korea is pointless, awaiting Mao",
    ),
    e(
        "shen.mao_12oct",
        SHEN,
        "Stalin's Refusal: 12 October Mao agrees at 15:30, orders the plan stopped at 22:22, but tells "
        "Peng only to suspend it temporarily",
    ),
    e(
        "shen.politburo_13oct",
        SHEN,
        "Stalin's Refusal: 13 October Politburo endorses intervention: fight the ROK army first, the "
        "Americans only after Soviet air volunteers and weapons arrive; weapons on credit",
    ),
    e(
        "shen.yalu_limit",
        SHEN,
        "Stalin's Refusal: Stalin will let Soviet aircraft operate only north of the Yalu; Mao "
        "postpones on 17 October and decides on 18 October to cross on the 19th",
    ),
    e(
        "shen.air_entry",
        SHEN,
        "Stalin's Refusal: after the first CPV engagement on 25 October Stalin trusts the CCP; air "
        "defence of Andong from 29 October; MiG-15s in battle over the Yalu on 1 November",
    ),
    e(
        "shen.air_wavering",
        SHEN,
        "Abstract: Russian military archives show Stalin hesitated to send his air force for fear of a direct "
        "clash with US/UN forces; he let it cover the CPV only 12 days after Chinese troops entered",
    ),
    e(
        "shen.no_air_summer",
        SHEN,
        "Mao's Eagerness: from early July 1950 Stalin looked for ways to aid the North that would not come "
        "directly from Moscow; an August report noted North Korean resentment that no Soviet air force "
        "had come in time to stop the US bombing",
    ),
    e(
        "shen.third_campaign",
        SHEN,
        "Coordination: Peng and Nie advise two months' rest; Mao, with Moscow 'striking while the "
        "iron is hot', launches the third campaign; limited success, CPV spent",
    ),
    e(
        "shen.ceasefire_jan51",
        SHEN,
        "Coordination: January 1951 UN 'ceasefire first' principles with a conference on Taiwan and "
        "the UN seat; rejected on Stalin's instruction with a seven-power counter-proposal",
    ),
    e(
        "shen.peng_pause",
        SHEN,
        "Coordination: Kim and Soviet advisers demand pursuit; Stalin sides with Peng's pause",
    ),
    e(
        "shen.fifth_campaign",
        SHEN,
        "Coordination: the failed fifth campaign of spring 1951 shows the CPV cannot push the UN off the peninsula",
    ),
    e(
        "shen.talks",
        SHEN,
        "Coordination: June 1951 - a line near the 38th acceptable in Beijing; Stalin thinks a "
        "ceasefire a good idea; Malik's speech; Ridgway's proposal; fight while negotiating",
    ),
    e(
        "shen.pow",
        SHEN,
        "Coordination: 1952 POW deadlock - Kim urges concessions, Mao refuses to sign under duress, "
        "Stalin calls Mao's position completely correct",
    ),
    e(
        "shen.conclusion",
        SHEN,
        "Conclusion: without Chinese entry Korea would have been occupied by US troops, China's "
        "security threatened and the alliance nominal; China's entry was the precondition of Soviet air "
        "cover and turned the alliance into a real one",
    ),
    e(
        "shen.approval_decisive",
        SHEN,
        "Conclusion: had Stalin not changed his mind in early 1950, Kim could not have launched the war",
    ),
    e(
        "shen.revolution_principle",
        SHEN,
        "Mao's Eagerness: Mao was not opposed in principle to unification by military means and saw Kim "
        "following China's example, though Chinese unification (Taiwan, Tibet) came first",
    ),
    e(
        "shen.stalin_wants_china_in",
        SHEN,
        "Conclusion: Stalin wanted Mao to commit everything at the critical moment; China's entry turned "
        "the alliance from a superficial one into a real one and was the precondition for Soviet air units",
    ),
    e(
        "shen.mao_strategy",
        SHEN,
        "Coordination: in 1952 Mao told Kim that the war kept US forces bogged down in the East with heavy "
        "losses while socialist construction grew, postponing a new world war; yielding under pressure "
        "would equal signing under duress",
    ),
    e(
        "shen.us_bombing_1950",
        SHEN,
        "Mao's Eagerness: in July 1950 US air raids wrecked North Korean railway stations and bridges",
    ),
    e(
        "shen.cpv_spent",
        SHEN,
        "Coordination: the CPV worn out after two campaigns, its supply lines unsecured, short of winter "
        "clothing, ammunition, food and medicine",
    ),
]
