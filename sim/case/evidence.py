"""Evidence registry: every preference term, belief and probability cites one id.

An id resolves to a source file and the passage (section or paragraph topic)
that supports the number. Seed files are the five source documents of the
project brief (W-int = Weathersby interview, W-essay = Weathersby essay,
Shen = Shen Zhihua's chapter, Blog = the 2010 blog post); ``data/`` rows are
the shipped calibration table (``sim/case/data``); the sources themselves are
in ``sim.case.bibliography``. Topics are paraphrases.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.case.bibliography import (
    BLOG,
    DATA_FRONT,
    DATA_README,
    SHEN,
    SOURCE_LABELS,
    W_ESSAY,
    W_INT_SAVING,
    W_INT_STALEMATE,
)


@dataclass(frozen=True)
class Evidence:
    """One cited passage: source file and what the passage says (paraphrased)."""

    id: str
    source: str
    topic: str

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self.source]


def _e(id_: str, source: str, topic: str) -> tuple[str, Evidence]:
    return id_, Evidence(id_, source, topic)


REGISTRY: dict[str, Evidence] = dict(
    [
        # --- Weathersby essay (002) ---
        _e(
            "essay.kim_requests",
            W_ESSAY,
            "Russian and Chinese Evidence: Kim's requests of March and August 1949 refused "
            "(US troops still in the South; KPA too weak for a quick win, US would have time to intervene)",
        ),
        _e(
            "essay.stalin_conditions",
            W_ESSAY,
            "Russian and Chinese Evidence: January 1950 consent on condition the war is quick "
            "and low-risk, no Soviet troops, Kim must rely on China for reinforcements",
        ),
        _e(
            "essay.changed_situation",
            W_ESSAY,
            "Russian and Chinese Evidence: April 1950 reasons - PRC victory freed Chinese troops and "
            "showed Western weakness, the Sino-Soviet treaty and the Soviet bomb made the US hesitant; "
            "intelligence said the mood in Washington was not to interfere",
        ),
        _e(
            "essay.buffer_aim",
            W_ESSAY,
            "Russian and Chinese Evidence: Stalin's aim was a 'friendly' Korea so Japan could not again "
            "use it against the Soviet Far East; he acted only because he expected no US intervention",
        ),
        _e(
            "essay.avoid_war_unprepared",
            W_ESSAY,
            "Russian and Chinese Evidence: the USSR, devastated by the war, desperately wanted to avoid "
            "war with America until prepared; no Soviet troops under any circumstances",
        ),
        _e(
            "essay.mao_no_choice",
            W_ESSAY,
            "Russian and Chinese Evidence: Mao approved in May after checking with Stalin, with no real "
            "choice given his dependence on the new alliance, though he preferred delay until after Taiwan",
        ),
        _e(
            "essay.us_decision",
            W_ESSAY,
            "Attack on South Korea: Truman read the attack through the 1930s (unresisted aggression led "
            "to world war), advisers unanimous to send forces, UN collective security",
        ),
        _e(
            "essay.un_boycott",
            W_ESSAY,
            "Attack on South Korea: the Soviet boycott of the UN over the PRC's exclusion let the Security "
            "Council resolution pass; the intervention became a UN action",
        ),
        _e(
            "essay.containment_asia",
            W_ESSAY,
            "Attack on South Korea: 7th Fleet to the Taiwan Strait, support for the French in Indochina, "
            "separate peace with Japan - containment in Asia",
        ),
        _e(
            "essay.pusan_inchon",
            W_ESSAY,
            "Events on the Ground: KPA drives the UN into the Pusan pocket, its supply line overextended; "
            "the Inchon landing on 15 September cuts it and the KPA disintegrates",
        ),
        _e(
            "essay.cross_38th",
            W_ESSAY,
            "Events on the Ground: UN forces cross the 38th parallel on 30 September in pursuit of the "
            "disintegrating KPA and advance almost to the Chinese border",
        ),
        _e(
            "essay.kim_fears_china",
            W_ESSAY,
            "Events on the Ground: facing defeat Kim asks Stalin for troops first, turning to Mao only "
            "reluctantly for fear Chinese troops would undermine his hold on power",
        ),
        _e(
            "essay.chinese_reluctance",
            W_ESSAY,
            "Events on the Ground: many Chinese leaders were reluctant, needing domestic reconstruction",
        ),
        _e(
            "essay.evacuation",
            W_ESSAY,
            "Events on the Ground: told China would not send troops, Stalin ordered Kim to evacuate "
            "rather than send his own troops; cancelled next day when China decided to intervene",
        ),
        _e(
            "essay.mao_reasons",
            W_ESSAY,
            "Events on the Ground: Mao persuaded his comrades that American 'arrogance' must be answered, "
            "that war would renew revolutionary spirit and protect the border",
        ),
        _e(
            "essay.winter_spring",
            W_ESSAY,
            "Events on the Ground: Chinese night infiltration surrounds overextended UN forces; UN driven "
            "from the North over the winter; Ridgway pushes back to about the 38th in spring",
        ),
        _e(
            "essay.talks_dug_in",
            W_ESSAY,
            "Events on the Ground: after the last campaign failed, China opened talks with Soviet approval "
            "to buy time; by August both sides were dug in and neither could advance",
        ),
        _e(
            "essay.pow",
            W_ESSAY,
            "POW repatriation delayed the talks: for the US non-forced repatriation became a substitute "
            "for victory; for China and North Korea a question of face",
        ),
        _e(
            "essay.air_war",
            W_ESSAY,
            "Soviet air units guarded the Yalu disguised as Chinese, barred from flying over enemy-held "
            "territory; Truman's administration kept it secret to avoid public pressure for war with the USSR",
        ),
        _e(
            "essay.stalin_prolong",
            W_ESSAY,
            "Once stalemated Stalin urged a firm line: the war tied down US forces, gave intelligence, "
            "drained US resources and strained the Western alliance",
        ),
        _e(
            "essay.war_weariness",
            W_ESSAY,
            "The DPRK wanted the war ended by early 1952 because of the bombing; by late 1952 Mao too "
            "seems weary of casualties",
        ),
        _e(
            "essay.death_settle",
            W_ESSAY,
            "Stalin's death in March 1953 freed the Communist side to settle; China held on a few months "
            "hoping Eisenhower would offer better terms; armistice 27 July 1953",
        ),
        _e(
            "essay.counterfactual_no_us",
            W_ESSAY,
            "Russian and Chinese Evidence: had the US not resisted, Stalin would likely have drawn the "
            "same conclusion about opportunities elsewhere",
        ),
        _e(
            "essay.rok_weak",
            W_ESSAY,
            "Events on the Ground: with inferior weapons and training the ROK army could not stop the "
            "Soviet-built tanks; first US detachments from occupation duty also failed",
        ),
        # --- Weathersby interview, Saving North Korea (001) ---
        _e(
            "int001.stalin_terrified",
            W_INT_SAVING,
            "Stalin still terrified of war with the US in autumn 1950, aware how unprepared he was; in "
            "April he had told Kim intervention 'would not be convenient' and to turn to China",
        ),
        _e(
            "int001.kim_asks_moscow",
            W_INT_SAVING,
            "Kim turned first to Stalin, not China, on 1 October, out of fear of Chinese hegemony",
        ),
        _e(
            "int001.beijing_resistance",
            W_INT_SAVING,
            "Two weeks of hesitation in Beijing: a new, very poor regime with every reason not to fight "
            "the US; much resistance in the leadership",
        ),
        _e(
            "int001.evacuation",
            W_INT_SAVING,
            "On 13 October, told Beijing would not intervene, Stalin ordered Kim to evacuate to Manchuria "
            "and the USSR - losing the North rather than fight the Americans; reversed next day",
        ),
        # --- Weathersby interview, The Stalemate (000) ---
        _e(
            "int000.dug_in",
            W_INT_STALEMATE,
            "Summer 1951: both sides dug in; the Americans would not accept the casualties needed to "
            "advance against entrenched positions",
        ),
        _e(
            "int000.stalin_stalemate",
            W_INT_STALEMATE,
            "By autumn 1951 Stalin judged the war a safe stalemate: buffer kept, US drained, allies "
            "strained, intelligence from downed F-86s and POW interrogations; he urged a hard line",
        ),
        _e(
            "int000.post_stalin",
            W_INT_STALEMATE,
            "After Stalin's death the new leadership, fearing unrest and each other, decided within two "
            "weeks to end the war; the POW question and ROK obstinacy stretched it to July",
        ),
        # --- Shen (003) ---
        _e(
            "shen.us_entry",
            SHEN,
            "Mao's Eagerness: Stalin and Kim were confident the US would stay out; the US intervened "
            "within days and sent the 7th Fleet; Mao put Taiwan and Tibet before Korea",
        ),
        _e(
            "shen.july_offer",
            SHEN,
            "Mao's Eagerness: Zhou's 2 July offer of volunteers if the US crossed the 38th; Stalin's "
            "5 July promise to try to give air cover and 13 July offer of a 124-jet division",
        ),
        _e(
            "shen.stalin_suspicion",
            SHEN,
            "Mao's Eagerness: with the KPA advancing Stalin judged Chinese troops unnecessary, stopped "
            "replying to Mao's 320,000-man offer, and suspected China of seeking influence in Korea",
        ),
        _e(
            "shen.kim_appeal",
            SHEN,
            "Mao's Eagerness: 30 September, Kim's letter asking Stalin for direct military aid or an "
            "international volunteer army; 1 October Stalin tells Mao to send volunteers",
        ),
        _e(
            "shen.cable_2oct",
            SHEN,
            "Footnote 4: the Chinese text of Mao's 2 October cable tentatively agrees, the Russian text "
            "withholds troops; Shen reads it as tactics, not a change of goals",
        ),
        _e(
            "shen.politburo_5oct",
            SHEN,
            "Mao's Eagerness: 5 October Politburo resolution after Mao and Peng's advocacy, continued "
            "hesitation; Mao fears a third world war and lacks modern arms; 6 October 'must have an air force'",
        ),
        _e(
            "shen.timing",
            SHEN,
            "Mao's Eagerness: troops before Inchon would have held the KPA's rear; right after Inchon a "
            "line on the 38th; by October the moment was lost",
        ),
        _e(
            "shen.black_sea",
            SHEN,
            "Stalin's Refusal: 11 October Black Sea meeting - equipment yes, air force not ready for two "
            "to two and a half months; joint telegram that helping Korea is pointless, awaiting Mao",
        ),
        _e(
            "shen.mao_12oct",
            SHEN,
            "Stalin's Refusal: 12 October Mao agrees at 15:30, orders the plan stopped at 22:22, but tells "
            "Peng only to suspend it temporarily",
        ),
        _e(
            "shen.politburo_13oct",
            SHEN,
            "Stalin's Refusal: 13 October Politburo endorses intervention: fight the ROK army first, the "
            "Americans only after Soviet air volunteers and weapons arrive; weapons on credit",
        ),
        _e(
            "shen.yalu_limit",
            SHEN,
            "Stalin's Refusal: Stalin will let Soviet aircraft operate only north of the Yalu; Mao "
            "postpones on 17 October and decides on 18 October to cross on the 19th",
        ),
        _e(
            "shen.air_entry",
            SHEN,
            "Stalin's Refusal: after the first CPV engagement on 25 October Stalin trusts the CCP; air "
            "defence of Andong from 29 October; MiG-15s in battle over the Yalu on 1 November",
        ),
        _e(
            "shen.third_campaign",
            SHEN,
            "Coordination: Peng and Nie advise two months' rest; Mao, with Moscow 'striking while the "
            "iron is hot', launches the third campaign; limited success, CPV spent",
        ),
        _e(
            "shen.ceasefire_jan51",
            SHEN,
            "Coordination: January 1951 UN 'ceasefire first' principles with a conference on Taiwan and "
            "the UN seat; rejected on Stalin's instruction with a seven-power counter-proposal",
        ),
        _e(
            "shen.peng_pause",
            SHEN,
            "Coordination: Kim and Soviet advisers demand pursuit; Stalin sides with Peng's pause",
        ),
        _e(
            "shen.fifth_campaign",
            SHEN,
            "Coordination: the failed fifth campaign of spring 1951 shows the CPV cannot push the UN off the peninsula",
        ),
        _e(
            "shen.talks",
            SHEN,
            "Coordination: June 1951 - a line near the 38th acceptable in Beijing; Stalin thinks a "
            "ceasefire a good idea; Malik's speech; Ridgway's proposal; fight while negotiating",
        ),
        _e(
            "shen.pow",
            SHEN,
            "Coordination: 1952 POW deadlock - Kim urges concessions, Mao refuses to sign under duress, "
            "Stalin calls Mao's position completely correct",
        ),
        _e(
            "shen.conclusion",
            SHEN,
            "Conclusion: without Chinese entry Korea would have been occupied by US troops, China's "
            "security threatened and the alliance nominal; China's entry was the precondition of Soviet air "
            "cover and turned the alliance into a real one",
        ),
        _e(
            "shen.approval_decisive",
            SHEN,
            "Conclusion: had Stalin not changed his mind in early 1950, Kim could not have launched the war",
        ),
        # --- Blog (004) ---
        _e(
            "blog.persuasion",
            BLOG,
            "Kim asked for nearly a year before Stalin approved in January 1950; continuous North Korean "
            "persuasion; war was not possible without Stalin's approval",
        ),
        _e(
            "blog.swift_war",
            BLOG,
            "Soviet preparation assumed a swift war leaving the US no time to intervene; avoiding a third "
            "world war was Stalin's top priority; involvement kept secret",
        ),
        _e(
            "blog.intelligence",
            BLOG,
            "The war let Stalin study US technology (F-86) and so dragged on; he could block an armistice "
            "until his death in March 1953",
        ),
        # --- shipped data tables ---
        _e("data.front_line", DATA_FRONT, "Dated mean latitude of the line of contact, June 1950 - July 1953"),
        _e(
            "data.forces",
            DATA_README,
            "Force orders of magnitude: KPA ~90,000 in June 1950; Pusan UN 141,808 vs KPA 98,000; CPV "
            "200-300,000 at first crossing; peak UN ~0.93-1.1 M and Communist ~1.06-1.2 M in July 1953",
        ),
        _e(
            "data.casualties",
            DATA_README,
            "Death tolls by side: US ~36,900; ROK ~138,000; other UN ~3,100; CPV 183,000-400,000+; "
            "KPA 215,000-520,000; Soviet ~300; Korean civilians ~2 million",
        ),
    ]
)


def cite(evidence_id: str) -> Evidence:
    """The evidence behind an id; raises KeyError naming the known ids."""
    try:
        return REGISTRY[evidence_id]
    except KeyError:
        raise KeyError(f"unknown evidence id {evidence_id!r}; known: {sorted(REGISTRY)}") from None
