"""Writing a run's results folder: the outcome table, front lines, summary and manifest.

The writer never draws: ``write_run`` takes an optional callable that draws
into the folder (the API wires the figures in), so figures read results and
results never import figures. See ``results/README.md`` for the layout and
:mod:`sim.output.folders` for how a folder is written atomically.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from sim.engine.ensemble import Ensemble
from sim.output import manifest, tables
from sim.output.errors import ResultsError
from sim.output.folders import PARTIAL, Slot, atomic_dir, checkpoint, clear_stale_partials, default_dir
from sim.output.kinds import COMPARISON
from sim.output.tables import file_sha256, table_hash, table_text

__all__ = [
    "PARTIAL",
    "ResultsError",
    "Slot",
    "atomic_dir",
    "clear_stale_partials",
    "default_dir",
    "file_sha256",
    "table_hash",
    "table_text",
    "write_data",
    "write_folder",
    "write_run",
]


def write_data(
    folder: Path,
    scenario,
    ensemble: Ensemble,
    summary: dict,
    wall_seconds: float,
    table: str,
    progress: Callable[[int], None] | None = None,
) -> None:
    """The data files of a run's results folder (no figures), the manifest last, with every file's SHA-256.

    The outcome table is rendered once (a CSV is hashed as it is written);
    ``progress(n)`` is told of each ``n`` rows rendered.
    """
    name = f"outcomes.{table}"
    if table == "parquet":
        try:
            tables.write_parquet(folder / name, ensemble.columns)
        except tables.TableError as exc:
            raise ResultsError(str(exc)) from None
        digest = table_hash(ensemble.columns, progress)  # the CSV rendering's, whatever format was written
        written = {}
    else:
        digest = tables.write_csv(folder / name, ensemble.columns, progress)
        written = {name: digest}
    checkpoint("after-table")
    np.save(folder / "front.npy", ensemble.front)
    np.save(folder / "front_months.npy", ensemble.months)
    checkpoint("after-front")
    (folder / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    files = {f: written.get(f) or file_sha256(folder / f) for f in (name, *manifest.DATA_FILES)}
    meta = manifest.build(scenario, ensemble, wall_seconds, digest, name, files)
    (folder / manifest.MANIFEST).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    checkpoint("after-manifest")


def write_folder(
    folder: Path,
    scenario,
    ensemble: Ensemble,
    summary: dict,
    wall_seconds: float,
    table: str = "csv",
    figures: Callable[[Path], object] | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Fill a staged run folder: its data files, then (if ``figures`` is given) whatever it draws into it."""
    write_data(folder, scenario, ensemble, summary, wall_seconds, table, progress)
    if figures is not None:
        figures(folder)
        checkpoint("after-figures")


def write_run(
    final: Path | Slot,
    scenario,
    ensemble: Ensemble,
    summary: dict,
    wall_seconds: float,
    force: bool = False,
    table: str = "csv",
    figures: Callable[[Path], object] | None = None,
) -> Path:
    """Write a complete results folder atomically; returns its path.

    ``final`` is a path (checked now) or a :class:`Slot` checked earlier;
    ``table`` is "csv" or "parquet"; ``figures``, if given, is called with
    the staged folder once its data files are written, to draw into it.
    """
    slot = final if isinstance(final, Slot) else Slot(Path(final), force)
    with slot.open() as tmp:
        write_folder(tmp, scenario, ensemble, summary, wall_seconds, table, figures)
    return slot.final


def write_comparison(
    folder: Path,
    runs: list,
    doc: dict,
    seed: int,
    wall_seconds: float,
    figures: Callable[[list[Path], dict], object] | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """A comparison folder's content: a results folder per (scenario, ensemble) of ``runs`` (the base
    first), ``comparison.json`` (``doc``) and, if ``figures`` is given, whatever it draws when called
    with the run folders and the paired effects; ``progress(n)``: ``n`` more table rows written."""
    from sim.analysis.summary import summarize

    for sc, ens in runs:
        (folder / sc.name).mkdir()
        write_data(folder / sc.name, sc, ens, summarize(ens.columns, sc.name, seed), wall_seconds, "csv", progress)
    (folder / COMPARISON).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    checkpoint("after-comparison")
    if figures is not None:
        figures([folder / sc.name for sc, _ in runs], {name: d["effects"] for name, d in doc["scenarios"].items()})
