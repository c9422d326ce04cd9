"""Source disputes the model keeps open: each reading sets parameters and names what the record says happened."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """One reading of a disputed passage: parameter settings and the recorded choice."""

    params: dict[str, tuple[float, float]] = field(default_factory=dict)
    historical: dict[str, str] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Variant:
    """A source dispute the model keeps open; a scenario picks one reading."""

    id: str
    evidence: str
    default: str
    readings: dict[str, Reading]
    title: str = ""  # what the dispute is about, in words (else the page words it from its point or parameter)


VARIANTS: dict[str, Variant] = {
    v.id: v
    for v in (
        Variant(
            "mao_cable_2oct",
            "shen.cable_2oct",
            "chinese",
            {
                "chinese": Reading(
                    {"belief.mao_resolve_oct1950": (0.6, 0.9)},
                    {"mao_cable_2oct": "agree"},
                    "Chinese text: Mao tentatively agrees to send troops",
                ),
                "russian": Reading(
                    {"belief.mao_resolve_oct1950": (0.35, 0.6)},
                    {"mao_cable_2oct": "withhold"},
                    "Russian text: Mao withholds troops, citing poor equipment",
                ),
            },
        ),
        Variant(
            "evacuation_date",
            "int001.evacuation",
            "shen_12oct",
            {
                "shen_12oct": Reading(
                    {"delay.evacuation_lag": (0.0, 0.0)},
                    {},
                    "Shen: ordered on 12 October, the night of Mao's stop order",
                ),
                "weathersby_13oct": Reading(
                    {"delay.evacuation_lag": (1.0, 1.0)}, {}, "Weathersby: ordered on 13 October"
                ),
            },
        ),
        Variant(  # the weight's two levels (agents/stalin.py, back_beijing); the default spans both
            "stalin_backing",
            "shen.pow",
            "both",
            {
                "both": Reading(
                    {"stalin.back_beijing": (0.05, 1.2)},
                    {},
                    "both readings: each world draws how far Stalin backs Beijing from weak to strong",
                ),
                "shen": Reading(
                    {"stalin.back_beijing": (0.6, 1.2)},
                    {},
                    "Shen: Beijing led the talks and Moscow backed its line (strong)",
                ),
                "weathersby": Reading(
                    {"stalin.back_beijing": (0.05, 0.3)},
                    {},
                    "Weathersby: Stalin set the hard line himself; only his death freed his allies (weak)",
                ),
            },
            "How far Stalin backed Beijing's line in the armistice talks",
        ),
    )
}
