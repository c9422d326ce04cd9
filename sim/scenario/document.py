"""A scenario: the validated, frozen document, its base chain, and what it resolves to.

:meth:`Scenario.setup` turns the chain's interventions into the model's
:class:`~sim.scenario.setup.Setup`; :meth:`Scenario.resolved` and
:attr:`Scenario.hash` give the content the results depend on, recorded in
every results folder's manifest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sim.case.params import TEMPERATURE, VARIANTS
from sim.engine import dates
from sim.scenario.grammar import DEFAULT_RUNS, DEFAULT_SEED, LAST_DATE
from sim.scenario.interventions import Force, Intervention, Move, Remove, SetParam, Variant
from sim.scenario.predict import Prediction
from sim.scenario.setup import Rule, Setup


@dataclass(frozen=True)
class Scenario:
    """A validated scenario, with its base chain resolved."""

    name: str
    title: str
    description: str = ""
    expect: str = ""
    runs: int = DEFAULT_RUNS
    seed: int = DEFAULT_SEED
    horizon: str = LAST_DATE
    interventions: tuple[Intervention, ...] = ()
    base: Scenario | None = None
    base_ref: str | None = None
    source: str = field(default="<string>", compare=False)
    predict: tuple[Prediction, ...] = ()  # the author's machine-checked predictions (not inherited)

    def chain(self) -> list[Scenario]:
        """This scenario and its bases, base first."""
        return [*(self.base.chain() if self.base else []), self]

    def all_interventions(self) -> tuple[Intervention, ...]:
        return tuple(i for s in self.chain() for i in s.interventions)

    def setup(self) -> Setup:
        """The model setup: variants first, then sets, moves, removes and rules."""
        params: dict[str, tuple[float, float]] = {}
        temperature = TEMPERATURE
        rules: list[Rule] = []
        events: dict[str, int | None] = {}
        items = self.all_interventions()
        for it in items:
            if isinstance(it, Variant):
                params.update(VARIANTS[it.dispute].readings[it.reading].params)
        for it in items:
            if isinstance(it, SetParam):
                if it.param == "choice.temperature":
                    temperature = it.low
                else:
                    params[it.param] = (it.low, it.high)
            elif isinstance(it, Move):
                events[it.event] = dates.day(it.date)
            elif isinstance(it, Remove):
                events[it.event] = None
            elif isinstance(it, Force):
                rules.extend(it.rules())
        return Setup(
            params=params,
            rules=tuple(rules),
            event_days=events,
            horizon=dates.day(self.horizon),
            temperature=temperature,
        )

    def to_data(self) -> dict:
        """The scenario as plain data (parse(yaml.safe_dump(to_data())) gives it back)."""
        data = {"name": self.name, "title": self.title}
        if self.base_ref is not None:
            data["base"] = self.base_ref
        for key in ("description", "expect"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data.update(runs=self.runs, seed=self.seed, horizon=self.horizon)
        if self.interventions:
            data["interventions"] = [i.to_data() for i in self.interventions]
        if self.predict:
            data["predict"] = {p.key: p.text for p in self.predict}
        return data

    def resolved(self) -> dict:
        """Content the results depend on, with the base chain expanded (what the hash covers)."""
        return {
            "name": self.name,
            "title": self.title,
            "runs": self.runs,
            "seed": self.seed,
            "horizon": self.horizon,
            "chain": [s.name for s in self.chain()],
            "interventions": [i.to_data() for i in self.all_interventions()],
        }

    @property
    def hash(self) -> str:
        """SHA-256 of the resolved content (independent of comments, layout and base file names)."""
        text = json.dumps(self.resolved(), sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode()).hexdigest()
