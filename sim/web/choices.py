"""The page's settings as a scenario: the YAML a student downloads and runs with ``whatif run FILE``.

Every setting maps to one intervention of the scenario language
(``scenarios/README.md``): a switch to a ``force``/``forbid``, Stalin's death
date to a ``move`` (or a ``remove`` past the horizon), a source reading to a
``variant``, a leader weight to a ``set``; the student's prediction becomes
``predict``, checked after the run as ``whatif run`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from sim.api import classroom
from sim.output.words import long_date
from sim.web import words
from sim.web.fixed import fixed

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
        weight: (``leader.term``, value) or None.
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
            out.append({"set": {"param": self.weight[0], "value": round(float(self.weight[1]), 3)}})
        return out

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
    leader, term = classroom.weights()[data["param"]]["leader"], data["param"].split(".", 1)[1].replace("_", " ")
    return f"{leader}'s weight on {term} = {data['value']:g}"
