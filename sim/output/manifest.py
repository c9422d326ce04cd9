"""The manifest of a results folder: where a run came from, and the SHA-256 of every data file.

``build`` writes it; ``read`` validates one from disk (a manifest is input
like any other: it may be edited, truncated or written by someone else), so
that replay and plot never act on a malformed one. A figures folder has its
own record, ``figures.json`` (``record_figures``, ``figures_written``): the
SHA-256 of each figure this tool wrote there, what ``--force`` checks before
it replaces the folder.
"""

from __future__ import annotations

import datetime as _dt
import json
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from sim.output.errors import ResultsError
from sim.output.tables import file_sha256

TOOL = "korea-whatif"  # names this tool in its records and in the metadata of its figures
MANIFEST = "manifest.json"
FIGURES = "figures.json"  # in a figures folder: the figures this tool wrote there
TABLES = ("outcomes.csv", "outcomes.parquet")
DATA_FILES = ("front.npy", "front_months.npy", "summary.json")  # besides the table
RUN_ENTRIES = frozenset({*TABLES, *DATA_FILES, MANIFEST, "figures"})  # everything a run folder may hold
ENVIRONMENT = ("package_version", "git_commit", "python", "numpy", "mesa")
MAX_BYTES = 16 * 1024 * 1024  # a manifest is a few kB; refuse to read a huge one
MAX_SEED = 2**63 - 1
_SHA256 = re.compile(r"[0-9a-f]{64}")


UNKNOWN_COMMIT = "unknown (no git checkout now, and none recorded when the package was built)"


def _built() -> tuple[str | None, str | None]:
    """(version, commit) written into ``sim/_version.py`` by setuptools-scm when the package was built."""
    try:
        from sim import _version
    except ImportError:
        return None, None
    return getattr(_version, "__version__", None), getattr(_version, "__commit_id__", None)


def package_version(commit: str | None = None) -> str:
    """The installed package's version (from git at build time, setuptools-scm), or the built file's.

    In a source checkout that has moved on since it was installed (an editable
    install), the version names an older commit than the code that runs: it
    says so, and ``commit`` (the checkout's, :func:`git_commit`) is the one.
    """
    try:
        version = metadata.version("korea-whatif")
    except metadata.PackageNotFoundError:
        version = _built()[0] or "0+unknown"
    built = re.search(r"\+g([0-9a-f]{7,})", version)
    if commit and built and not commit.startswith("built from") and not commit.startswith(built.group(1)):
        return f"{version} (as installed; the code that ran is the checkout at git_commit)"
    return version


def git_commit() -> str:
    """Where the code came from: the source tree's git commit (with '-dirty' if modified); outside git,
    the commit recorded when the package was built ("built from g1a2b3c4"); else :data:`UNKNOWN_COMMIT`."""
    return _checkout_commit() or (f"built from {_built()[1]}" if _built()[1] else UNKNOWN_COMMIT)


def _checkout_commit() -> str | None:
    """The source tree's git commit (with '-dirty' if modified), or None outside a checkout of this project
    (an installed package inside someone else's git repository is not a checkout of it)."""
    here = Path(__file__).resolve().parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=here, capture_output=True, text=True, timeout=5, check=True
        ).stdout.strip()
        if Path(top).resolve() != here.parents[1]:
            return None
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


def environment() -> dict:
    """What the results may depend on besides the scenario and seed: versions and the git commit."""
    commit = git_commit()
    return {
        "package_version": package_version(commit),
        "git_commit": commit,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "mesa": metadata.version("mesa"),
    }


def build(scenario, ensemble, wall_seconds: float, digest: str, table: str, files: dict[str, str]) -> dict:
    """Where a run came from: enough to reproduce and check it (``whatif replay``).

    ``digest`` is the SHA-256 of the table's CSV rendering; ``files`` maps each
    data file's name to the SHA-256 of its bytes.
    """
    env = environment()
    return {
        "scenario": scenario.name,
        "title": scenario.title,
        "scenario_source": scenario.source,
        "scenario_hash": scenario.hash,
        "scenario_resolved": scenario.resolved(),
        "seed": ensemble.seed,
        "runs": ensemble.runs,
        "first_world": ensemble.first_world,
        **{key: env[key] for key in ("package_version", "git_commit", "python", "numpy", "mesa")},
        "created_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "wall_seconds": round(wall_seconds, 3),
        "command": sys.argv,
        "table": table,
        "outcomes_sha256": digest,
        "files": files,
    }


@dataclass(frozen=True)
class Manifest:
    """A validated manifest: the fields replay and plot rely on, and the raw mapping."""

    path: Path
    raw: dict
    scenario: str
    title: str
    resolved: dict
    seed: int
    runs: int
    first_world: int
    table: str
    outcomes_sha256: str
    files: dict[str, str] | None  # None: written before file hashes were recorded


def load_json(path: Path, what: str) -> object:
    """A JSON file of at most ``MAX_BYTES``; ResultsError (one paragraph) if it cannot be read."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES // 2**20} MiB")
        return json.loads(data.decode("utf-8"))
    except FileNotFoundError:
        raise ResultsError(f"{path.parent}: not a results folder of this tool (it has no {path.name}).") from None
    except (OSError, ValueError, RecursionError) as exc:
        raise ResultsError(f"{path}: the {what} cannot be read ({exc}).") from None


def _whole(raw: dict, key: str, lo: int, hi: int, default: int | None = None) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"'{key}' must be a whole number from {lo:,} to {hi:,}, not {value!r}")
    return value


def _text(raw: dict, key: str, pattern: re.Pattern | None = None) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value or (pattern and not pattern.fullmatch(value)):
        raise ValueError(f"'{key}' must be {'a SHA-256 digest' if pattern else 'a text'}, not {value!r}")
    return value


def _files(raw: dict, table: str) -> dict[str, str] | None:
    files = raw.get("files")
    if files is None:
        return None
    expected = {table, *DATA_FILES}
    if not isinstance(files, dict) or set(files) != expected:
        raise ValueError(f"'files' must map exactly {', '.join(sorted(expected))} to their SHA-256")
    for name in files:
        _text(files, name, _SHA256)
    return dict(files)


def _resolved(raw: dict) -> dict:
    resolved = raw.get("scenario_resolved")
    keys = {"name": str, "title": str, "horizon": str, "interventions": list}
    if not isinstance(resolved, dict) or any(not isinstance(resolved.get(k), t) for k, t in keys.items()):
        raise ValueError("'scenario_resolved' must be a mapping with name, title, horizon and interventions")
    return resolved


def read(folder: Path) -> Manifest:
    """The validated manifest of a run folder; ResultsError naming the key if it is malformed."""
    path = Path(folder) / MANIFEST
    raw = load_json(path, "manifest")
    try:
        if not isinstance(raw, dict):
            raise ValueError(f"it must be a JSON object (a mapping), not a {type(raw).__name__}")
        table = raw.get("table", "outcomes.csv")
        if table not in TABLES:
            raise ValueError(f"'table' must be one of {', '.join(TABLES)}, not {table!r}")
        resolved = _resolved(raw)
        return Manifest(
            path=path,
            raw=raw,
            scenario=_text(raw, "scenario"),
            title=raw["title"] if isinstance(raw.get("title"), str) else raw["scenario"],
            resolved=resolved,
            seed=_whole(raw, "seed", 0, MAX_SEED),
            runs=_whole(raw, "runs", 1, 10**12),
            first_world=_whole(raw, "first_world", 0, MAX_SEED, default=0),
            table=table,
            outcomes_sha256=_text(raw, "outcomes_sha256", _SHA256),
            files=_files(raw, table),
        )
    except ValueError as exc:
        raise ResultsError(
            f"{path}: malformed manifest: {exc}. It was not written by this tool or was edited since; "
            "run the scenario again to make a new results folder."
        ) from None


def is_ours(folder: Path) -> bool:
    """True if ``folder/manifest.json`` reads as a manifest this tool wrote (for ``--force``)."""
    try:
        raw = load_json(Path(folder) / MANIFEST, "manifest")
    except ResultsError:
        return False
    return isinstance(raw, dict) and {"scenario", "scenario_resolved", "outcomes_sha256"} <= set(raw)


def record_figures(folder: Path, paths: list[Path]) -> None:
    """Write ``folder/figures.json``: the SHA-256 of each figure in ``paths`` (files of ``folder``)."""
    doc = {"written_by": TOOL, "files": {p.name: file_sha256(p) for p in paths}}
    (Path(folder) / FIGURES).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def figures_written(folder: Path) -> dict[str, str] | None:
    """What ``folder/figures.json`` says this tool wrote there (name -> SHA-256); None if it is not such a record."""
    try:
        raw = load_json(Path(folder) / FIGURES, "figures record")
    except ResultsError:
        return None
    files = raw.get("files") if isinstance(raw, dict) and raw.get("written_by") == TOOL else None
    if not isinstance(files, dict) or not all(isinstance(v, str) and _SHA256.fullmatch(v) for v in files.values()):
        return None
    return files
