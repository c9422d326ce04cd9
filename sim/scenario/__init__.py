"""Scenario files: strict YAML -> frozen, typed scenarios -> the model's Setup.

The language is documented in ``scenarios/README.md``. In short::

    name: china_refuses_12_oct
    title: Permanent Chinese refusal on 12 October 1950
    base: baseline                 # default; chains allowed, cycles refused
    description: ...               # cite the source
    expect: ...                    # what the author predicts (shown beside results)
    predict: {china_entered: "< 0.2", final_outcome: rok_unifies}   # checked by run and compare
    runs: 10000
    seed: 1950
    horizon: 1956-12-31
    interventions:
      - force: {point: mao_12oct, option: stop, from: 1950-10-12}
      - forbid: {point: black_sea, option: no_air_cover}
      - set: {param: stalin.avoid_us_war, value: 2.4}        # or range: [lo, hi]
      - move: {event: stalin_death, date: 1952-03-05}
      - remove: {event: inchon_landing}
      - variant: {dispute: mao_cable_2oct, reading: russian}

Each intervention is Pearl's do(): a forced or forbidden option cuts the
choice off from its causes; upstream is untouched, downstream re-simulated.
Everything is checked before anything runs; each problem raises a
:class:`ScenarioError` naming the file, the line, the key, the bad value and
the valid choices.

A scenario argument is a path only when it has a folder separator or ends in
``.yaml``/``.yml``; anything else is a name, found in the library or in the
user's scenario folders (``--scenario-path``, ``WHATIF_SCENARIO_PATH``,
``./scenarios/``); a user scenario never silently shadows a library one.
Independent problems of one file are all reported at once
(:class:`ScenarioProblems`), with a "did you mean" for a misspelt name.

The modules, one idea each: ``grammar`` (keys, defaults, and limits such as
:data:`MAX_RUNS` that the command line shares), ``errors``
(:class:`ScenarioError`), ``interventions`` (the do() values), ``document``
(:class:`Scenario`), ``setup`` (the model's :class:`Setup`), ``reader``
(strict YAML with line numbers: no aliases, tags or duplicate keys),
``fields`` and ``validate`` (values and interventions), ``consistency``
(contradictions across the chain, interventions that could never act),
``predict`` (machine-checked predictions), ``library`` (finding files) and
``loader`` (:func:`load`, :func:`parse`).
"""

from sim.scenario.document import Scenario
from sim.scenario.errors import ScenarioError, ScenarioProblems, suggest
from sim.scenario.grammar import (
    DEFAULT_RUNS,
    DEFAULT_SEED,
    FIRST_DATE,
    INTERVENTION_KEYS,
    KEYS,
    LAST_DATE,
    MAX_RUNS,
    MAX_SEED,
    REQUIRED,
)
from sim.scenario.interventions import (
    CHOICE_NODES,
    MOVABLE,
    REMOVABLE,
    Forbid,
    Force,
    Intervention,
    Move,
    Remove,
    SetParam,
    Variant,
    settable,
)
from sim.scenario.library import ENV, Entry, catalogue, conflict, find, library, origin, shipped, use_folders
from sim.scenario.loader import load, parse
from sim.scenario.predict import Prediction
from sim.scenario.setup import Mode, Rule, Setup

__all__ = [
    "CHOICE_NODES",
    "DEFAULT_RUNS",
    "DEFAULT_SEED",
    "ENV",
    "FIRST_DATE",
    "INTERVENTION_KEYS",
    "KEYS",
    "LAST_DATE",
    "MAX_RUNS",
    "MAX_SEED",
    "MOVABLE",
    "REMOVABLE",
    "REQUIRED",
    "Entry",
    "Forbid",
    "Force",
    "Intervention",
    "Mode",
    "Move",
    "Prediction",
    "Remove",
    "Rule",
    "Scenario",
    "ScenarioError",
    "ScenarioProblems",
    "SetParam",
    "Setup",
    "Variant",
    "catalogue",
    "conflict",
    "find",
    "library",
    "load",
    "origin",
    "parse",
    "settable",
    "shipped",
    "suggest",
    "use_folders",
]
