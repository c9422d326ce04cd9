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
        "gains of a safe stalemate: intelligence, US drain, allied strain",
        level,
        "int000.stalin_stalemate",
    )


POW_PRINCIPLE = Term(
    "pow_principle", "no forced repatriation of prisoners (a substitute for victory)", "strong", "essay.pow"
)
"""The US position on prisoners, held by Truman and kept by Eisenhower."""
