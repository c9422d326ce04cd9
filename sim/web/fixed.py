"""What the chosen base scenario already sets, as the page's settings: the controls start there and say so.

A library scenario may force or forbid a switch's decision
(``china_refuses_12_oct`` forces Mao's stop), remove it (``no_inchon``),
move or remove Stalin's death (``stalin_dies_1952``) or pick a source
reading. :func:`fixed` reads its whole chain; the page sets its controls to
it, writes into the YAML only what differs from it, and names the scenario
on each control it sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sim import api
from sim.api import classroom
from sim.output.words import long_date


@dataclass(frozen=True)
class Fixed:
    """A base scenario's own settings of the page's controls.

    Attributes:
        name, title: the scenario.
        switches: switch point -> ``force:OPTION`` or ``forbid:OPTION``, as the scenario sets it.
        dates: switch point -> when that holds, in words ("from 12 October 1950 on").
        removed: switch points the scenario removes (they never happen).
        death: Stalin's death date (``YYYY-MM-DD``), ``never`` if removed, None if the scenario leaves it.
        variants: source dispute -> the reading the scenario picks.
    """

    name: str
    title: str
    switches: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()
    death: str | None = None
    variants: dict[str, str] = field(default_factory=dict)

    def by(self) -> str:
        """How a control names the scenario: 'Set by the scenario "Its title" (its_name)'."""
        return f'Set by the scenario "{self.title}" ({self.name})'


def _span(data: dict) -> str:
    """When a force or forbid holds, in words."""
    if not data.get("from") and not data.get("until"):
        return "the first time the decision comes up"
    span = f"from {long_date(data['from'])}" if data.get("from") else ""
    return span + (f" until {long_date(data['until'])}" if data.get("until") else " on")


@lru_cache(maxsize=64)
def fixed(name: str) -> Fixed:
    """What the library scenario ``name`` sets (its bases' interventions first, later ones winning)."""
    sc = api.load(name)
    points = {sw.point for sw in classroom.switches()}
    switches, dates, removed, death, variants = {}, {}, set(), None, {}
    for item in sc.resolved()["interventions"]:
        ((kind, data),) = item.items()
        target = data.get("point") or data.get("event") or data.get("dispute")
        if kind in ("force", "forbid") and target in points:
            switches[target], dates[target] = f"{kind}:{data['option']}", _span(data)
        elif kind in ("move", "remove") and target == classroom.DEATH:
            death = data.get("date", "never")
        elif kind == "remove" and target in points:
            removed.add(target)
        elif kind == "variant":
            variants[target] = data["reading"]
    return Fixed(name, sc.title, switches, dates, frozenset(removed), death, variants)


def switch(point: str) -> classroom.Switch:
    """The page's switch at ``point``."""
    return next(sw for sw in classroom.switches() if sw.point == point)


def what(given: Fixed, point: str) -> str | None:
    """What the base does at a switch, in words, or None if it leaves it to the model."""
    if point in given.removed:
        return "this decision never happens"
    if point not in given.switches:
        return None
    sw = switch(point)
    mode, _, option = given.switches[point].partition(":")
    who = classroom.deciders().get(sw.decider, "the decider")
    verb = "chooses" if mode == "force" else "never chooses"
    return f"{who} {verb} '{dict(sw.options)[option]}' {given.dates[point]}"


def note(given: Fixed, point: str) -> str | None:
    """The line a switch shows when the base sets it."""
    done = what(given, point)
    return f"{given.by()}: {done}." if done else None
