"""What the chosen base scenario already sets, as the page's settings: the controls start there and say so.

A library scenario may force or forbid a switch's decision
(``china_refuses_12_oct`` forces Mao's stop), remove it (``no_inchon``),
move or remove Stalin's death (``stalin_dies_1952``), pick a source
reading or set a leader's weight (``set: {param: mao.alliance_dependence,
value: 2}``). :func:`fixed` reads its whole chain; the page sets its
controls to it, writes into the YAML only what differs from it, and names
the scenario on each control it sets.
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
        params: every parameter the scenario sets (a leader's weight ``leader.term``, a model parameter or
            ``choice.temperature``) -> (low, high) each world draws it from (low == high: one value).
        changes: every force, forbid, move and remove of the scenario's chain, in its order: (what it does in
            words; the control that shows it: "switch", "death" or "" for none; the intervention as a scenario file
            writes it; the point or event it targets).
        origins: what a scenario of the chain sets (a point, an event, a dispute or a parameter) -> the (name,
            title) of the one that set it last, where that is one of its bases rather than the scenario itself.
    """

    name: str
    title: str
    switches: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()
    death: str | None = None
    variants: dict[str, str] = field(default_factory=dict)
    params: dict[str, tuple[float, float]] = field(default_factory=dict)
    changes: tuple[tuple[str, str, str, str], ...] = ()
    origins: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def weights(self) -> dict[str, tuple[float, float]]:
        """The leader weights the scenario sets, in its order: ``leader.term`` -> (low, high)."""
        known = classroom.weights()
        return {p: r for p, r in self.params.items() if p in known}

    def by(self, target: str | None = None) -> str:
        """How a control names the scenario: 'Set by the scenario "Its title" (its_name)', and the base of its
        chain that set ``target``, if one did: '..., through its base "Base title" (base_name)'."""
        said = f'Set by the scenario "{self.title}" ({self.name})'
        if target in self.origins:
            name, title = self.origins[target]
            said += f', through its base "{title}" ({name})'
        return said


def _span(data: dict) -> str:
    """When a force or forbid holds, in words."""
    if not data.get("from") and not data.get("until"):
        return "the first time the decision comes up"
    span = f"from {long_date(data['from'])}" if data.get("from") else ""
    return span + (f" until {long_date(data['until'])}" if data.get("until") else " on")


def _option(point: str, option: str) -> str:
    return classroom.labels()[point].get(option, option)


def change(kind: str, data: dict) -> str:
    """A force, forbid, move or remove in words: "Mao Zedong chooses 'accept' at "The UN's 'ceasefire first'
    proposal" the first time the decision comes up"."""
    target = data.get("point") or data.get("event")
    title = classroom.title(target)
    if kind in ("force", "forbid"):
        who = classroom.decided_by(target) or "the dice"
        verb = "chooses" if kind == "force" else "never chooses"
        if who == "chance":
            who, verb = "the dice", "give" if kind == "force" else "never give"
        return f"{who} {verb} '{_option(target, data['option'])}' at \"{title}\" {_span(data)}"
    if kind == "remove":
        return f'"{title}" never happens'
    history = classroom.event_date(target)
    was = f" (in history on {long_date(history)})" if history else ""
    return f'"{title}" happens on {long_date(data["date"])}{was}'


def _code(kind: str, data: dict) -> str:
    """The intervention as a scenario file writes it: "force: {point: mao_12oct, option: stop, from: 1950-10-12}"."""
    return f"{kind}: {{{', '.join(f'{k}: {v}' for k, v in data.items())}}}"


def version(name: str) -> str:
    """What a base scenario's results depend on, its chain expanded: a cache key that changes when the teacher
    edits one of their scenario files (or one of its bases) while the page runs."""
    return repr(api.load(name).resolved())


def fixed(name: str) -> Fixed:
    """What the base scenario ``name`` sets (its bases' interventions first, later ones winning): a library
    scenario, one of the user's found by name on the scenario path, or a path."""
    return _fixed(name, version(name))


@lru_cache(maxsize=64)
def _fixed(name: str, _version: str) -> Fixed:
    sc = api.load(name)
    points = {sw.point for sw in classroom.switches()}
    switches, dates, removed, death, variants, params, changes = {}, {}, set(), None, {}, {}, []
    origins: dict[str, tuple[str, str]] = {}
    for whose, item in ((s, i.to_data()) for s in sc.chain() for i in s.interventions):
        ((kind, data),) = item.items()
        target = data.get("point") or data.get("event") or data.get("dispute") or data.get("param")
        origins.pop(target, None)
        if whose.name != sc.name:
            origins[target] = (whose.name, whose.title)
        if kind in ("force", "forbid", "move", "remove"):
            shown = "switch" if target in points else "death" if target == classroom.DEATH else ""
            changes.append((change(kind, data), shown, _code(kind, data), target))
        if kind in ("force", "forbid") and target in points:
            switches[target], dates[target] = f"{kind}:{data['option']}", _span(data)
        elif kind in ("move", "remove") and target == classroom.DEATH:
            death = data.get("date", "never")
        elif kind == "remove" and target in points:
            removed.add(target)
        elif kind == "variant":
            variants[target] = data["reading"]
        elif kind == "set":  # a value, or a range each world draws from; a later set of the chain wins
            params.pop(data["param"], None)
            params[data["param"]] = tuple(data["range"]) if "range" in data else (data["value"], data["value"])
    fields = (switches, dates, frozenset(removed), death, variants, params, tuple(changes), origins)
    return Fixed(name, sc.title, *fields)


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
    return f"{given.by(point)}: {done}." if done else None


def drawn(low: float, high: float) -> str:
    """A weight's setting in words: "2.5 in every world", "drawn in each world from 0.2 to 0.4"."""
    return f"{low:g} in every world" if low == high else f"drawn in each world from {low:g} to {high:g}"


def weight_note(given: Fixed, term: str) -> str | None:
    """The line the weight control shows when the base sets ``term``."""
    if term not in given.weights:
        return None
    return f"{given.by(term)}: {classroom.meaning(term)} is {drawn(*given.weights[term])}."


def changed(given: Fixed) -> list[tuple[str, str]]:
    """Each force, forbid, move and remove the base makes that no control of the page shows (a switch or Stalin's
    death names its own), one line each in words ("Set by the scenario ...: Mao Zedong chooses 'accept a ceasefire
    first' at ...; no control on this page shows or changes it."), with its code for the small print."""
    return [
        (
            f"{given.by(target)}: {words[:1].upper()}{words[1:]}; no control on this page shows or changes it.",
            f"in a scenario file: {code}",
        )
        for words, shown, code, target in given.changes
        if not shown
    ]


def unshown(given: Fixed) -> list[str]:
    """What the base sets that no control of the page shows: each model parameter (or the choice temperature) it
    sets that is neither a leader's weight nor what a source reading sets, one line each."""
    readings = {p for d in classroom.disputes() for r in classroom.reading_params(d).values() for p in r}
    return [
        f"{given.by(p)}: {classroom.meaning(p)} is {drawn(*r)}; no control on this page changes it."
        for p, r in given.params.items()
        if p not in given.weights and p not in readings
    ]
