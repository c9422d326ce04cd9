"""Figures of one or more runs: outcome shares, the front line, timing, paths and paired effects.

Figures read results (:class:`sim.output.runs.Run`, from a results folder or
an ensemble in memory), never the reverse. Every function takes plain data
and returns a :class:`matplotlib.figure.Figure`; nothing touches ``pyplot``
or the global backend, so importing this package is safe in a notebook (the
figures display there as usual) and in a headless script (``save`` renders
PNG with Agg, SVG and PDF with their own renderers).

>>> from sim.api import run_scenario
>>> from sim.output import figures
>>> from sim.output.runs import Run, load_run
>>> base = Run.from_ensemble(run_scenario("baseline", runs=2000), "baseline", "The historical baseline")
>>> fig = figures.front_fan([base])
>>> figures.save(fig, "figures", "front_line")            # figures/front_line.png
>>> figures.make_all([base, load_run("results/other/20250101T000000Z")], "figures", fmt="svg")

Modules: ``style`` (style sheet, colours, labels), ``common`` (shared
helpers), one module per figure (``shares``, ``fan``, ``timeline``,
``stages``, ``forest``) and ``files`` (``save``, ``make_all``).
"""

from __future__ import annotations

from sim.output.figures.common import historical_events
from sim.output.figures.fan import front_fan
from sim.output.figures.files import FORMATS, NAMES, make_all, save
from sim.output.figures.forest import effects
from sim.output.figures.shares import outcome_shares
from sim.output.figures.stages import paths
from sim.output.figures.style import LABELS, PALETTE, REFERENCE_COLOR, STAGES, STYLE, label, scenario_colors
from sim.output.figures.timeline import timing

__all__ = [
    "FORMATS",
    "LABELS",
    "NAMES",
    "PALETTE",
    "REFERENCE_COLOR",
    "STAGES",
    "STYLE",
    "effects",
    "front_fan",
    "historical_events",
    "label",
    "make_all",
    "outcome_shares",
    "paths",
    "save",
    "scenario_colors",
    "timing",
]
