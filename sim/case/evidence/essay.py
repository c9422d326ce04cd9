"""Passages of the Weathersby essay, "The US, the USSR, and the Korean War" (``weathersby-essay``)."""

from __future__ import annotations

from sim.case.evidence.registry import W_ESSAY, e

PASSAGES = [
    e(
        "essay.kim_requests",
        W_ESSAY,
        "Russian and Chinese Evidence: Kim's requests of March and August 1949 refused "
        "(US troops still in the South; KPA too weak for a quick win, US would have time to intervene)",
    ),
    e(
        "essay.stalin_conditions",
        W_ESSAY,
        "Russian and Chinese Evidence: January 1950 consent on condition the war is quick "
        "and low-risk, no Soviet troops, Kim must rely on China for reinforcements",
    ),
    e(
        "essay.changed_situation",
        W_ESSAY,
        "Russian and Chinese Evidence: April 1950 reasons - PRC victory freed Chinese troops and "
        "showed Western weakness, the Sino-Soviet treaty and the Soviet bomb made the US hesitant; "
        "intelligence said the mood in Washington was not to interfere",
    ),
    e(
        "essay.buffer_aim",
        W_ESSAY,
        "Russian and Chinese Evidence: Stalin's aim was a 'friendly' Korea so Japan could not again "
        "use it against the Soviet Far East; he acted only because he expected no US intervention",
    ),
    e(
        "essay.avoid_war_unprepared",
        W_ESSAY,
        "Russian and Chinese Evidence: the USSR, devastated by the war, desperately wanted to avoid "
        "war with America until prepared; no Soviet troops under any circumstances",
    ),
    e(
        "essay.mao_no_choice",
        W_ESSAY,
        "Russian and Chinese Evidence: Mao approved in May after checking with Stalin, with no real "
        "choice given his dependence on the new alliance, though he preferred delay until after Taiwan",
    ),
    e(
        "essay.us_decision",
        W_ESSAY,
        "Attack on South Korea: Truman read the attack through the 1930s (unresisted aggression led "
        "to world war), advisers unanimous to send forces, UN collective security",
    ),
    e(
        "essay.un_boycott",
        W_ESSAY,
        "Attack on South Korea: the Soviet boycott of the UN over the PRC's exclusion let the Security "
        "Council resolution pass; the intervention became a UN action",
    ),
    e(
        "essay.containment_asia",
        W_ESSAY,
        "Attack on South Korea: 7th Fleet to the Taiwan Strait, support for the French in Indochina, "
        "separate peace with Japan - containment in Asia",
    ),
    e(
        "essay.pusan_inchon",
        W_ESSAY,
        "Events on the Ground: KPA drives the UN into the Pusan pocket, its supply line overextended; "
        "the Inchon landing on 15 September cuts it and the KPA disintegrates",
    ),
    e(
        "essay.cross_38th",
        W_ESSAY,
        "Events on the Ground: UN forces cross the 38th parallel on 30 September in pursuit of the "
        "disintegrating KPA and advance almost to the Chinese border",
    ),
    e(
        "essay.kim_fears_china",
        W_ESSAY,
        "Events on the Ground: facing defeat Kim asks Stalin for troops first, turning to Mao only "
        "reluctantly for fear Chinese troops would undermine his hold on power",
    ),
    e(
        "essay.chinese_reluctance",
        W_ESSAY,
        "Events on the Ground: many Chinese leaders were reluctant, needing domestic reconstruction",
    ),
    e(
        "essay.evacuation",
        W_ESSAY,
        "Events on the Ground: told China would not send troops, Stalin ordered Kim to evacuate "
        "rather than send his own troops; cancelled next day when China decided to intervene",
    ),
    e(
        "essay.mao_reasons",
        W_ESSAY,
        "Events on the Ground: Mao persuaded his comrades that American 'arrogance' must be answered, "
        "that war would renew revolutionary spirit and protect the border",
    ),
    e(
        "essay.winter_spring",
        W_ESSAY,
        "Events on the Ground: Chinese night infiltration surrounds overextended UN forces; UN driven "
        "from the North over the winter; Ridgway pushes back to about the 38th in spring",
    ),
    e(
        "essay.talks_dug_in",
        W_ESSAY,
        "Events on the Ground: after the last campaign failed, China opened talks with Soviet approval "
        "to buy time; by August both sides were dug in and neither could advance",
    ),
    e(
        "essay.pow",
        W_ESSAY,
        "POW repatriation delayed the talks: for the US non-forced repatriation became a substitute "
        "for victory; for China and North Korea a question of face",
    ),
    e(
        "essay.air_war",
        W_ESSAY,
        "Soviet air units guarded the Yalu disguised as Chinese, barred from flying over enemy-held "
        "territory; Truman's administration kept it secret to avoid public pressure for war with the USSR",
    ),
    e(
        "essay.stalin_prolong",
        W_ESSAY,
        "Once stalemated Stalin urged a firm line: the war tied down US forces, gave intelligence, "
        "drained US resources and strained the Western alliance",
    ),
    e(
        "essay.war_weariness",
        W_ESSAY,
        "The DPRK wanted the war ended by early 1952 because of the bombing; by late 1952 Mao too "
        "seems weary of casualties",
    ),
    e(
        "essay.death_settle",
        W_ESSAY,
        "Stalin's death in March 1953 freed the Communist side to settle; China held on a few months "
        "hoping Eisenhower would offer better terms; armistice 27 July 1953",
    ),
    e(
        "essay.counterfactual_no_us",
        W_ESSAY,
        "Russian and Chinese Evidence: had the US not resisted, Stalin would likely have drawn the "
        "same conclusion about opportunities elsewhere",
    ),
    e(
        "essay.rok_weak",
        W_ESSAY,
        "Events on the Ground: with inferior weapons and training the ROK army could not stop the "
        "Soviet-built tanks; first US detachments from occupation duty also failed",
    ),
    e(
        "essay.korea_priority",
        W_ESSAY,
        "Attack on South Korea: Korea was not a central concern of either superpower; neither side "
        "placed it very high on its list of priorities before June 1950",
    ),
    e(
        "essay.allies_alarm",
        W_ESSAY,
        "Attack on South Korea: Truman and every allied Western government reacted with intense alarm, "
        "fearing Soviet moves elsewhere; NATO became a real military alliance",
    ),
    e(
        "essay.dprk_dependence",
        W_ESSAY,
        "Russian and Chinese Evidence: the DPRK was economically, politically and militarily dependent "
        "on the USSR, so the decision to attack could only be made in Moscow",
    ),
    e(
        "essay.counterattack_only",
        W_ESSAY,
        "Russian and Chinese Evidence: in March 1949 Kim was allowed only to counterattack, since an "
        "invasion from the South, whose leaders also wished to reunify the country, was a real possibility",
    ),
    e(
        "essay.bombing",
        W_ESSAY,
        "Events on the Ground: as the stalemate dragged on the US turned increasingly to bombing the North "
        "for a sense of victory; the destruction brought disease and rallied Communist propaganda",
    ),
    e(
        "essay.rok_backed",
        W_ESSAY,
        "Attack on South Korea: the Republic of Korea was American-backed; the war to defend it was "
        "fought under a UN Command that Americans staffed",
    ),
    e(
        "essay.us_buildup",
        W_ESSAY,
        "Events on the Ground: the first US units were rushed from occupation duty in Japan, "
        "ill-trained and ill-supplied",
    ),
]
