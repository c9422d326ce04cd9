"""The page's settings as a scenario: the YAML a student downloads and runs with ``whatif run FILE``.

Every setting maps to one intervention of the scenario language
(``scenarios/README.md``): a switch to a ``force``/``forbid``, Stalin's death
date to a ``move`` (or a ``remove`` past the horizon), a source reading to a
``variant``, a leader weight to a ``set``; the student's prediction becomes
``predict``, checked after the run as ``whatif run`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import yaml

from sim.api import classroom
from sim.output.words import long_date
from sim.web import words
from sim.web.fixed import drawn, fixed, weight_note

NAME = "classroom_what_if"
PREDICTIONS = {"likely": "> 0.5", "unlikely": "< 0.5"}


@dataclass(frozen=True)
class Choices:
    """What a student set on the page.

    Attributes:
        base: the base scenario (a library name).
        switches: decision point -> ``free``, ``force:OPTION`` or ``forbid:OPTION`` (a point not given: ``free``).
        death: Stalin's death date (``YYYY-MM-DD``), None for the base's, ``never`` for past the horizon.

    A setting equal to the base scenario's own (``sim.web.fixed``) adds nothing to the scenario.
        variants: source dispute -> the reading chosen (the default reading adds nothing).
        weight: (``leader.term``, value) or None: the student's value, in every world, in place of the documented
            range, a source reading's range or the base's own setting of that weight.
        runs: number of worlds.
        china: the prediction for China's entry: ``likely``, ``unlikely`` or None.
    """

    base: str = "baseline"
    switches: dict[str, str] = field(default_factory=dict)
    death: str | None = None
    variants: dict[str, str] = field(default_factory=dict)
    weight: tuple[str, float] | None = None
    runs: int = 2000
    china: str | None = None

    def interventions(self) -> list[dict]:
        """The scenario interventions, in the page's order: each setting that differs from the base's own."""
        given = fixed(self.base)
        out = []
        for sw in classroom.switches():
            setting = self.switches.get(sw.point, "free")
            if setting != given.switches.get(sw.point, "free"):
                out += [item for item in [sw.intervention(setting)] if item]
        if self.death and self.death != (given.death or classroom.death_window()[0]):
            event = {"event": classroom.DEATH}
            out.append({"remove": event} if self.death == "never" else {"move": {**event, "date": self.death}})
        defaults = {k: given.variants.get(k, next(iter(r))) for k, r in classroom.disputes().items()}
        for dispute, reading in sorted(self.variants.items()):
            if reading != defaults.get(dispute):
                out.append({"variant": {"dispute": dispute, "reading": reading}})
        if self.weight:
            param, value = self.weight[0], round(float(self.weight[1]), 3)
            if given.params.get(param) != (value, value):
                out.append({"set": {"param": param, "value": value}})
        return out

    def reading(self, dispute: str) -> str:
        """The reading of a source dispute this run uses: the page's, else the base's, else the default."""
        default = next(iter(classroom.disputes()[dispute]))
        return self.variants.get(dispute, fixed(self.base).variants.get(dispute, default))

    def draw(self, param: str) -> tuple[str, tuple[float, float]]:
        """Where the worlds of this run take a weight (or a parameter a source reading sets) from, and its
        (low, high): ``yours`` (the student's weight), ``scenario`` (the base sets it), ``reading:DISPUTE`` (a
        source reading picked on the page or by the base sets it) or ``documented`` (a weight's documented
        range). As the scenario language resolves them: the readings first, then the base's sets, then the
        student's."""
        if self.weight and self.weight[0] == param:
            value = round(float(self.weight[1]), 3)
            return "yours", (value, value)
        given = fixed(self.base)
        if param in given.params:
            return "scenario", given.params[param]
        for dispute in classroom.disputes():
            ranges = classroom.reading_params(dispute)[self.reading(dispute)]
            if param in ranges:
                return f"reading:{dispute}", ranges[param]
        return "documented", tuple(classroom.weights()[param]["range"])

    def title(self) -> str:
        """A one-line title naming what changed, in words (the charts' legends show it)."""
        return f"Classroom: {'; '.join(_said(item) for item in self.interventions()) or 'no change'}"[:200]

    def document(self) -> dict:
        """The scenario as YAML data."""
        doc = {
            "name": NAME,
            "title": self.title(),
            "base": self.base,
            "description": "Written by the classroom page (whatif serve); run it with: whatif run FILE",
            "runs": int(self.runs),
            "interventions": self.interventions(),
        }
        if self.china in PREDICTIONS:
            doc["predict"] = {"china_entered": PREDICTIONS[self.china]}
        return doc

    def yaml(self) -> str:
        """The scenario YAML text (loads with ``sim.api.scenario`` and runs with ``whatif run``)."""
        return yaml.safe_dump(self.document(), sort_keys=False, allow_unicode=True, width=100)


def _said(item: dict) -> str:
    """One intervention of the page in words ("Mao's decision of 12 October: force 'stop the entry plan'")."""
    ((kind, data),) = item.items()
    if kind in ("force", "forbid"):
        sw = next(sw for sw in classroom.switches() if sw.point == data["point"])
        return f"{sw.title}: {kind} '{dict(sw.options)[data['option']]}'"
    if kind in ("move", "remove"):
        return f"Stalin dies on {long_date(data['date'])}" if kind == "move" else "Stalin lives past 1956"
    if kind == "variant":
        note = classroom.disputes()[data["dispute"]][data["reading"]]
        return f"{classroom.dispute_title(data['dispute'])}: {words.reading(note)}"
    info = classroom.weights()[data["param"]]  # what the weight measures, short: "following Moscow's line"
    return f"{info['leader']}'s weight on {info['measures'].split(' (')[0]} = {data['value']:g}"


def weight_lines(choices: Choices, term: str) -> tuple[str, list[str]]:
    """What the weight control says of ``term``: where each world's value comes from now (a sentence), and its
    "set by the scenario" notes (this weight's, then each other weight the base sets)."""
    given, mine = fixed(choices.base), bool(choices.weight) and choices.weight[0] == term
    source, (low, high) = replace(choices, weight=None).draw(term)
    notes = []
    if source == "scenario":
        then = "Your value below replaces it in this run." if mine else "Tick the box to use your own value instead."
        notes.append(f"{weight_note(given, term)} {then}")
        said = (
            "You set it: every world takes your value below in place of the scenario's."
            if mine
            else "Without the scenario each world would draw it from this range."
        )
    elif source.startswith("reading:"):
        dispute = source.split(":", 1)[1]
        reading = f'the source reading "{words.reading(classroom.disputes()[dispute][choices.reading(dispute)])}"'
        where = f'chosen above under "The sources disagree: {classroom.dispute_title(dispute)}"'
        said = (
            f"You set it: every world takes your value below in place of {reading} ({drawn(low, high)}), {where}."
            if mine
            else f"Each world draws it from {low:g} to {high:g}, the range of {reading} {where}, unless you set it."
        )
    else:
        said = (
            "You set it: every world takes your value below in place of this range."
            if mine
            else "Each world draws its weight from this range unless you set it."
        )
    notes += [f"{weight_note(given, t)} Choose it above to see or change it." for t in given.weights if t != term]
    return said, notes


def reading_notes(choices: Choices, dispute: str) -> list[str]:
    """A source dispute's notes when what its reading sets is set over it, by the base or by the student's weight:
    the reading then does not change it."""
    given, out = fixed(choices.base), []
    for param in classroom.reading_params(dispute)[choices.reading(dispute)]:
        source, (low, high) = choices.draw(param)
        if source == "scenario":
            out.append(
                f"{given.by(param)}: {classroom.meaning(param)} is {drawn(low, high)}, whichever reading you choose."
            )
        elif source == "yours":
            out.append(
                f'You set {classroom.meaning(param)} to {low:g} in every world (under "A leader\'s weight" below): '
                "the reading does not change it while you do."
            )
    return out
