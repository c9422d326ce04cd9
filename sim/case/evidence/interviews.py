"""Passages of the two Weathersby interviews (``weathersby2003saving``, ``weathersby2003stalemate``)."""

from __future__ import annotations

from sim.case.evidence.registry import W_INT_SAVING, W_INT_STALEMATE, e

PASSAGES = [
    e(
        "int001.china_alarm",
        W_INT_SAVING,
        "When UN forces crossed the 38th in pursuit, the Chinese viewed it with alarm: the advance was "
        "heading for their own border, and near Vladivostok for the Soviets",
    ),
    e(
        "int001.stalin_terrified",
        W_INT_SAVING,
        "Stalin still terrified of war with the US in autumn 1950, aware how unprepared he was; in "
        "April he had told Kim intervention 'would not be convenient' and to turn to China",
    ),
    e(
        "int001.kim_asks_moscow",
        W_INT_SAVING,
        "Kim turned first to Stalin, not China, on 1 October, out of fear of Chinese hegemony",
    ),
    e(
        "int001.beijing_resistance",
        W_INT_SAVING,
        "Two weeks of hesitation in Beijing: a new, very poor regime with every reason not to fight "
        "the US; much resistance in the leadership",
    ),
    e(
        "int001.evacuation",
        W_INT_SAVING,
        "On 13 October, told Beijing would not intervene, Stalin ordered Kim to evacuate to Manchuria "
        "and the USSR - losing the North rather than fight the Americans; reversed next day",
    ),
    e(
        "int000.dug_in",
        W_INT_STALEMATE,
        "Summer 1951: both sides dug in; the Americans would not accept the casualties needed to "
        "advance against entrenched positions",
    ),
    e(
        "int000.stalin_stalemate",
        W_INT_STALEMATE,
        "By autumn 1951 Stalin judged the war a safe stalemate: buffer kept, US drained, allies "
        "strained, intelligence from downed F-86s and POW interrogations; he urged a hard line",
    ),
    e(
        "int000.post_stalin",
        W_INT_STALEMATE,
        "After Stalin's death the new leadership, fearing unrest and each other, decided within two "
        "weeks to end the war; the POW question and ROK obstinacy stretched it to July",
    ),
]
