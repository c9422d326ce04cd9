"""Writing figures: one file (``save``) or every figure of some runs and their record (``make_all``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from sim.output import manifest
from sim.output.figures.common import check
from sim.output.figures.fan import front_fan
from sim.output.figures.forest import effects as effects_figure
from sim.output.figures.shares import outcome_shares
from sim.output.figures.stages import paths
from sim.output.figures.style import FORMATS, rc, scenario_colors
from sim.output.figures.timeline import timing
from sim.output.kinds import figure_metadata
from sim.output.runs import Run

NAMES = ("outcome_shares", "front_line", "timing", "paths", "effects")  # file names, in drawing order


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format '{fmt}'. Valid choices: {', '.join(FORMATS)}.")


def save(fig: Figure, folder: str | Path, name: str, fmt: str = "png") -> Path:
    """Write ``<folder>/<name>.<fmt>`` (png at 150 dpi, svg or pdf; its metadata names this tool); returns the path."""
    _check_format(fmt)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.{fmt}"
    with mpl.rc_context(rc()):
        fig.savefig(path, format=fmt, dpi=150, metadata=figure_metadata(fmt))
    return path


def make_all(
    runs: Sequence[Run],
    folder: str | Path,
    fmt: str = "png",
    effects: dict[str, dict[str, dict]] | None = None,
    stage_shares: dict[str, dict[str, float]] | None = None,
) -> list[Path]:
    """Write every figure of ``runs`` to ``folder``; returns the paths written.

    Files: ``outcome_shares``, ``front_line``, ``timing``, ``paths`` and,
    when paired ``effects`` are given, ``effects``; then ``figures.json``, the
    SHA-256 of each (what lets ``--force`` replace the folder later).
    """
    runs = check(runs)
    _check_format(fmt)
    makers = [
        ("outcome_shares", lambda: outcome_shares(runs)),
        ("front_line", lambda: front_fan(runs)),
        ("timing", lambda: timing(runs)),
        ("paths", lambda: paths(runs, stage_shares)),
    ]
    if effects:
        titles = {run.name: run.title for run in runs}
        palette = dict(zip((run.name for run in runs), scenario_colors(len(runs)), strict=True))
        makers.append(("effects", lambda: effects_figure(effects, titles, palette)))
    written = []
    for name, make in makers:
        fig = make()
        try:
            written.append(save(fig, folder, name, fmt))
        finally:
            fig.clear()  # no pyplot: clearing and dropping the figure frees it
    manifest.record_figures(Path(folder), written)
    return written
