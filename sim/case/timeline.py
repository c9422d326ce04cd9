"""The case's calendar bounds and its dated events.

``EARLY``..``LATE`` is the open window of points that fire on a trigger
rather than a date (dates are ISO strings; ``sim.engine.dates``).
"""

from __future__ import annotations

from collections.abc import Callable

from sim.engine.nodes import Event, Firing, Mask, always
from sim.engine.state import View

EARLY, LATE = "1949-01-01", "1956-12-31"


def dated_event(
    id_: str,
    title: str,
    date: str,
    effect: Callable[[Firing], None],
    evidence: tuple[str, ...],
    narrative: str,
    when: Callable[[View], Mask] | None = None,
    **kw,
) -> Event:
    """An event on a fixed date, in every world (at war or not); a scenario may move or remove it."""
    return Event(
        removable=True,
        **kw,
        id=id_,
        title=title,
        window=(date, date),
        when=when or always,
        effect=effect,
        evidence=evidence,
        narrative=narrative,
        scope="all",
    )
