"""Results folders, written atomically.

A run's folder is assembled in a hidden sibling (``.<name>.partial-<pid>``)
and renamed into place in one step, so a reader never sees a half-written
folder: an interrupted run (Ctrl-C, SIGTERM) removes its partial folder; a
killed one leaves only a hidden partial that the next run clears away.

Layout (see ``results/README.md``): ``outcomes.csv`` (or ``outcomes.parquet``),
``front.npy``, ``front_months.npy``, ``summary.json``, ``manifest.json`` and,
with figures, ``figures/``.
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

from sim.case import outcomes
from sim.engine import dates
from sim.engine.ensemble import Ensemble

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


def table_text(columns: dict[str, np.ndarray]) -> str:
    """The outcome table as CSV text: one row per world, header = ``sim.outcomes.COLUMNS``."""
    cells = [_cell(name, columns[name]) for name in outcomes.COLUMNS]
    lines = [",".join(outcomes.COLUMNS)] + [",".join(row) for row in zip(*cells, strict=True)]
    return "\n".join(lines) + "\n"


def table_hash(columns: dict[str, np.ndarray]) -> str:
    """SHA-256 of the CSV rendering of the outcome table (whatever format was written)."""
    return hashlib.sha256(table_text(columns).encode()).hexdigest()


def write_parquet(path: Path, columns: dict[str, np.ndarray]) -> None:
    """The outcome table as Parquet (needs the optional pyarrow: pip install 'korea-whatif[parquet]')."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ResultsError(
            "writing Parquet needs pyarrow, which is not installed; pip install 'korea-whatif[parquet]', "
            "or leave out --table parquet to write outcomes.csv."
        ) from None
    data = {}
    for name in outcomes.COLUMNS:
        values = columns[name]
        if name in outcomes.DATES or name == "final_outcome":
            data[name] = pa.array([c or None for c in _cell(name, values)], type=pa.string())
        else:
            data[name] = pa.array(values)
    pq.write_table(pa.table(data), path)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


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


def manifest(scenario, ensemble: Ensemble, wall_seconds: float, digest: str, table: str) -> dict:
    """Where a run came from: enough to reproduce and check it (``whatif replay``)."""
    import mesa

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
        "mesa": mesa.__version__,
        "created_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "wall_seconds": round(wall_seconds, 3),
        "command": sys.argv,
        "table": table,
        "outcomes_sha256": digest,
    }


def write_run(
    final: Path,
    scenario,
    ensemble: Ensemble,
    summary: dict,
    wall_seconds: float,
    force: bool = False,
    table: str = "csv",
    figures: str | None = None,
) -> Path:
    """Write a complete results folder atomically; returns its path.

    ``table`` is "csv" or "parquet"; ``figures`` a figure format (png, svg,
    pdf) to draw the run's figures into ``figures/``, or None.
    """
    with atomic_dir(final, force) as tmp:
        write_data(tmp, scenario, ensemble, summary, wall_seconds, table)
        if figures:
            from sim.output import plots

            plots.make_all([plots.load_run(tmp)], tmp / "figures", figures)
    return final


def write_data(folder: Path, scenario, ensemble: Ensemble, summary: dict, wall_seconds: float, table: str) -> None:
    """The data files of a results folder (no figures)."""
    name = f"outcomes.{table}"
    if table == "parquet":
        write_parquet(folder / name, ensemble.columns)
    else:
        (folder / name).write_text(table_text(ensemble.columns), encoding="utf-8")
    np.save(folder / "front.npy", ensemble.front)
    np.save(folder / "front_months.npy", ensemble.months)
    (folder / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    meta = manifest(scenario, ensemble, wall_seconds, table_hash(ensemble.columns), name)
    (folder / "manifest.json").write_text(json.dumps(meta, indent=2) + "\n")


def replay(folder: Path, progress=None) -> tuple[bool, str]:
    """Re-run a results folder from its manifest; (reproduced?, a plain-words report)."""
    import yaml

    from sim.analysis.simulate import run_setup
    from sim.scenario import ScenarioError, parse

    folder = Path(folder)
    try:
        meta = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        resolved = meta["scenario_resolved"]
        doc = {
            "name": resolved["name"],
            "title": resolved["title"],
            "horizon": resolved["horizon"],
            "interventions": resolved["interventions"],
        }
        scenario = parse(yaml.safe_dump(doc), f"{folder}/manifest.json")
        seed, runs, first = int(meta["seed"]), int(meta["runs"]), int(meta.get("first_world", 0))
        expected = meta["outcomes_sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResultsError(f"{folder}: not a results folder with a readable manifest.json ({exc}).") from None
    except ScenarioError as exc:
        raise ResultsError(f"{folder}: the manifest's scenario no longer validates: {exc}") from None
    got = run_setup(scenario.setup(), seed, runs, first, progress=progress)
    digest = table_hash(got.columns)
    where = f"{runs:,} worlds of '{resolved['name']}', seed {seed}"
    versions = f"recorded with version {meta.get('package_version')} (commit {meta.get('git_commit')})"
    now = f"now version {package_version()} (commit {git_commit()})"
    if digest == expected:
        return True, f"reproduced: {where} give the same outcome table (SHA-256 {digest[:16]}...); {versions}, {now}."
    return False, (
        f"NOT reproduced: {where} give a different outcome table (SHA-256 {digest[:16]}... instead of "
        f"{expected[:16]}...). The model changed since the run: {versions}, {now}."
    )
