"""Results folders, written atomically.

A run's folder is assembled in a hidden sibling (``.<name>.partial-<pid>``)
and renamed into place in one step, so a reader never sees a half-written
folder: an interrupted run (Ctrl-C, SIGTERM) removes its partial folder; a
killed one leaves only a hidden partial that the next run clears away.

Layout (see ``results/README.md``): ``outcomes.csv``, ``front.npy``,
``front_months.npy``, ``summary.json``, ``manifest.json``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import numpy as np

from sim import dates, outcomes
from sim.ensemble import Ensemble

PARTIAL = ".partial-"


class ResultsError(Exception):
    """A results folder that cannot be written (exists, or not a folder)."""


def default_dir(scenario: str, root: Path = Path("results")) -> Path:
    """``results/<scenario>/<UTC timestamp>/``, with a suffix if that exists already."""
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out, k = root / scenario / stamp, 2
    while out.exists():
        out, k = root / scenario / f"{stamp}-{k}", k + 1
    return out


def package_version() -> str:
    try:
        return metadata.version("korea-whatif")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def git_commit() -> str | None:
    """The source tree's git commit (with '-dirty' if modified), or None outside git."""
    here = Path(__file__).resolve().parent
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True, timeout=5, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return sha + ("-dirty" if dirty else "")


def _cell(name: str, values: np.ndarray) -> list[str]:
    if name in outcomes.DATES:
        return [dates.iso(int(d)) or "" for d in values]
    if name == "final_outcome":
        return [outcomes.FINAL[int(v)] for v in values]
    if values.dtype == bool:
        return ["True" if v else "False" for v in values]
    if values.dtype.kind in "iu":
        return [str(int(v)) for v in values]
    return [f"{v:.6g}" for v in values]


def write_csv(path: Path, columns: dict[str, np.ndarray]) -> None:
    """The outcome table: one row per world, header = ``sim.outcomes.COLUMNS``."""
    cells = [_cell(name, columns[name]) for name in outcomes.COLUMNS]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(outcomes.COLUMNS) + "\n")
        for row in zip(*cells, strict=False):
            f.write(",".join(row) + "\n")


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clear_stale_partials(parent: Path) -> None:
    """Remove partial folders left by killed runs (their process is gone)."""
    if not parent.is_dir():
        return
    for p in parent.glob("." + "*" + PARTIAL + "*"):
        pid = p.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(p, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def atomic_dir(final: Path, force: bool = False):
    """Yield a hidden partial folder; rename it to ``final`` only if the block succeeds."""
    final = Path(final)
    if final.exists() and not force:
        raise ResultsError(f"{final} exists already; choose another --out or pass --force to replace it.")
    if final.exists() and not final.is_dir():
        raise ResultsError(f"{final} exists and is not a folder.")
    final.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_partials(final.parent)
    partial = final.parent / f".{final.name}{PARTIAL}{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        yield partial
        if final.exists():
            shutil.rmtree(final)
        os.rename(partial, final)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def manifest(scenario, ensemble: Ensemble, wall_seconds: float, table_hash: str) -> dict:
    """Where a run came from: enough to reproduce and check it."""
    return {
        "scenario": scenario.name,
        "title": scenario.title,
        "scenario_source": scenario.source,
        "scenario_hash": scenario.hash,
        "scenario_resolved": scenario.resolved(),
        "seed": ensemble.seed,
        "runs": ensemble.runs,
        "first_world": ensemble.first_world,
        "package_version": package_version(),
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "created_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "wall_seconds": round(wall_seconds, 3),
        "command": sys.argv,
        "outcomes_sha256": table_hash,
    }


def write_run(
    final: Path, scenario, ensemble: Ensemble, summary: dict, wall_seconds: float, force: bool = False
) -> Path:
    """Write a complete results folder atomically; returns its path."""
    with atomic_dir(final, force) as tmp:
        write_csv(tmp / "outcomes.csv", ensemble.columns)
        np.save(tmp / "front.npy", ensemble.front)
        np.save(tmp / "front_months.npy", ensemble.months)
        (tmp / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
        meta = manifest(scenario, ensemble, wall_seconds, file_hash(tmp / "outcomes.csv"))
        (tmp / "manifest.json").write_text(json.dumps(meta, indent=2) + "\n")
    return final
