"""Preference terms that more than one leader holds, each defined once.

A leader's weight for a term is drawn per world from its own keyed stream
(``weight:{leader}.{term}``), so sharing the definition shares the name,
meaning and evidence, not the weight. Where the sources give the term a
different strength for different leaders, the level is an argument.
"""

from __future__ import annotations

from agents.base import Term


def border_security(level: str) -> Term:
    """China's worry about UN forces on the Yalu: Mao's strong reason, one the Politburo weighed less."""
    return Term(
        "border_security", "threat of UN forces on the Yalu: 0 at 37.5N, 1 at 40.5N", level, "essay.mao_reasons"
    )


def prolong_benefits(level: str) -> Term:
    """What a safe stalemate gained Moscow: Stalin's strong reason, inherited weakly by his successors."""
    return Term(
        "prolong_benefits",
        "gains of a safe stalemate (intelligence, US drain, allied strain), times how safe it is",
        level,
        "int000.stalin_stalemate",
    )


def limit_war(level: str) -> Term:
    """Washington's fear of a wider war with China or the USSR, and of the casualties of advancing."""
    return Term("limit_war", "risk that the option widens the war with China or the USSR", level, "essay.air_war")


POW_PRINCIPLE = Term(
    "pow_principle", "no forced repatriation of prisoners (a substitute for victory)", "strong", "essay.pow"
)
"""The US position on prisoners, held by Truman and kept by Eisenhower."""

WAR_COST = Term(
    "war_cost",
    "US casualties of fighting on for a line it will not pay to move (US deaths / 40 thousand)",
    "moderate",
    "int000.dug_in",
)
"""The casualties the US would not accept to advance against an entrenched line."""

ALLIED_STRAIN = Term(
    "allied_strain",
    "strain a long war puts on the Western alliance (years of talks, 0-1)",
    "weak",
    "essay.stalin_prolong",
)
"""The tension with allies that Stalin counted on; a cost to Washington of a long war."""

SUBSTITUTE_FOR_VICTORY = Term(
    "substitute_for_victory",
    "pressure on the enemy that gives a sense of victory where the ground war cannot (bombing the North)",
    "moderate",
    "essay.bombing",
)
"""The turn to bombing the North as the talks dragged on."""

MUNICH_ANALOGY = Term(
    "munich_analogy", "unresisted aggression invites a third world war", "strong", "essay.us_decision"
)
"""The lesson of the 1930s that Truman and the Western governments drew from the invasion."""
