"""Saved results: figures drawn from results folders (or from runs in memory), and replay."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sim.api.common import COMPARE_ROOT, Progress, UsageError, check_formats
from sim.output.folders import Slot, default_dir, reserve_dir
from sim.output.replay import Replay


@dataclass
class Plotted:
    """Figures drawn from saved results: the files written, and whether paired effects were drawn."""

    written: list[Path]
    paired: bool
    several: bool


def plot(
    folders: Iterable[str | Path], out: str | Path | None = None, fmt: str = "png", force: bool = False
) -> Plotted:
    """Draw the figures of saved results folders (a run's, several runs', or a comparison folder).

    The first run is the reference; if all share seed and worlds, the paired
    effects against it are drawn too. ``out`` (default ``FOLDER/figures`` for
    one folder, ``results/compare/<names>/<UTC time>/figures`` for several)
    is written atomically; an existing one is replaced only with ``force``.
    """
    from sim.analysis.compare import effects
    from sim.output import figures
    from sim.output.runs import load_runs

    check_formats(fmt=fmt)
    folders = [Path(f) for f in folders]
    seen: dict[Path, Path] = {}
    for f in folders:
        first = seen.get(f.resolve())
        if first is not None:
            twice = f"{f} is given twice" if first == f else f"{first} and {f} are the same folder"
            raise UsageError(f"{twice}; give each results folder once.")
        seen[f.resolve()] = f
    loaded, own = load_runs(folders)
    key = [(r.manifest.get("seed"), r.manifest.get("runs"), r.manifest.get("first_world", 0)) for r in loaded]
    paired = len(loaded) > 1 and len(set(key)) == 1
    reserved = None
    if out is None and own is None:
        reserved = reserve_dir(default_dir("-vs-".join(r.name for r in loaded)[:120], COMPARE_ROOT))
    try:
        target = Path(out) if out is not None else (own or reserved / "figures")
        slot = Slot(target, force, "figures")
        with slot.open() as tmp:
            written = figures.make_all(
                loaded, tmp, fmt, effects={r.name: effects(loaded[0], r) for r in loaded[1:]} if paired else None
            )
    except BaseException:
        if reserved is not None:
            reserved.rmdir()
        raise
    return Plotted([slot.final / p.name for p in written], paired, len(loaded) > 1)


def results(root: str | Path = "results") -> list[dict]:
    """Every saved run and comparison under ``root`` (default ``results/``), newest first: path, kind
    (run or compare), scenario, created_utc, runs and seed (``whatif results``)."""
    from sim.output import saved

    return [s.as_json() for s in saved.find(Path(root))]


def results_text(root: str | Path = "results") -> str:
    """The saved runs under ``root`` as ``whatif results`` prints them."""
    from sim.output import saved

    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder (results are saved under results/ unless --out says otherwise).")
    return saved.listing(saved.find(root), root)


def replay(folder: str | Path, progress: Progress = None) -> Replay:
    """Check a results folder's files against its manifest, re-run it and compare (``whatif replay``)."""
    from sim.output.replay import replay as replay_folder

    return replay_folder(Path(folder), progress)


FIGURES = ("outcome_shares", "front_fan", "timing", "paths")


def figures(*ensembles_and_titles, effects: dict | None = None, which: tuple[str, ...] = FIGURES) -> list:
    """Figures for in-memory runs: pass (ensemble, name, title) triples; returns matplotlib Figures
    (``which``: a selection of :data:`FIGURES`, in that order; the web page draws the first three)."""
    from sim.output import figures as figs
    from sim.output.runs import Run

    runs = [Run.from_ensemble(e, n, t) for e, n, t in ensembles_and_titles]
    out = [getattr(figs, name)(runs) for name in FIGURES if name in which]
    if effects:
        out.append(figs.effects(effects, {r.name: r.title for r in runs}))
    return out
