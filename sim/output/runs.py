"""Reading results: a results folder (or an ensemble in memory) as a :class:`Run`.

A results folder is input like any other, so everything read is checked
before use: the manifest (:func:`sim.output.manifest.read`), the table's
header, its number of rows against the manifest, each value, and the shapes
of the front-line arrays. A folder that fails a check raises ResultsError
with one paragraph; nothing is drawn from it.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sim.analysis.summary import summarize
from sim.case import outcomes
from sim.engine import dates
from sim.output import manifest
from sim.output.errors import ResultsError


@dataclass
class Run:
    """One scenario's results, as read from a results folder or built from an ensemble.

    Attributes:
        title: the scenario's one-line title (shown on figures).
        name: the scenario's short name.
        columns: outcome name -> array over worlds; booleans as bool, dates as
            day numbers (-1 = never), ``final_outcome`` as index into
            ``sim.case.outcomes.FINAL``.
        front: (worlds, months) float32, front latitude on the 1st of each month.
        months: day numbers of those months.
        summary: the ``whatif run --json`` summary.
        manifest: the run's manifest (from an ensemble: scenario, title, seed, runs).
    """

    title: str
    name: str
    columns: dict[str, np.ndarray]
    front: np.ndarray
    months: np.ndarray
    summary: dict = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        """Number of worlds."""
        if "world" in self.columns:
            return len(self.columns["world"])
        return int(self.front.shape[0])

    @classmethod
    def from_ensemble(cls, ensemble, name: str, title: str) -> Run:
        """A run from a ``sim.engine.ensemble.Ensemble`` in memory (nothing is written)."""
        return cls(
            title=title,
            name=name,
            columns=dict(ensemble.columns),
            front=np.asarray(ensemble.front, dtype=np.float32),
            months=np.asarray(ensemble.months),
            summary=summarize(ensemble.columns, name, ensemble.seed),
            manifest={
                "scenario": name,
                "title": title,
                "seed": ensemble.seed,
                "runs": ensemble.runs,
                "first_world": ensemble.first_world,
            },
        )


def _column(path: Path, name: str, values: list[str]) -> np.ndarray:
    """One column of ``outcomes.csv`` as a typed array."""
    try:
        if name in outcomes.DATES:
            return np.array([dates.day(v) if v else dates.NEVER for v in values], dtype=np.int32)
        if name == "final_outcome":
            return np.array([outcomes.FINAL.index(v) for v in values], dtype=np.int8)
        if name in outcomes.BOOLEAN or (values and set(values) <= {"True", "False"}):
            return np.array([{"True": True, "False": False}[v] for v in values], dtype=bool)
        if name in outcomes.NUMBERS:
            return np.array([float(v) if v else np.nan for v in values], dtype=float)
        try:
            return np.array([int(v) for v in values], dtype=np.int64)
        except ValueError:
            return np.array([float(v) if v else np.nan for v in values], dtype=float)
    except (KeyError, ValueError, OverflowError) as exc:
        raise ValueError(f"{path}: column '{name}' has a value that cannot be read ({exc}).") from None


def read_outcomes(path: str | Path, max_rows: int | None = None) -> dict[str, np.ndarray]:
    """The columns of an ``outcomes.csv`` (types as in :class:`Run`); ValueError if malformed.

    The header must name each column once; every row has one cell per column;
    with ``max_rows``, a table with more rows is refused before it is all read.
    """
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if not header:
            raise ValueError(f"{path}: the table is empty (no header line).")
        if len(set(header)) != len(header):
            raise ValueError(f"{path}: the header names a column twice.")
        rows = []
        for row in reader:
            if len(row) != len(header):
                raise ValueError(f"{path}, line {reader.line_num}: {len(row)} cells for {len(header)} columns.")
            rows.append(row)
            if max_rows is not None and len(rows) > max_rows:
                raise ValueError(f"{path}: more rows than the {max_rows:,} worlds of its manifest.")
    cells = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    return {name: _column(path, name, list(values)) for name, values in zip(header, cells, strict=True)}


def read_parquet(path: str | Path) -> dict[str, np.ndarray]:
    """The columns of an ``outcomes.parquet`` (needs pyarrow; types as in :class:`Run`)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ValueError(f"{path}: reading Parquet needs pyarrow: pip install 'korea-whatif[parquet]'.") from None
    path = Path(path)
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises its own error types for a corrupt file
        raise ValueError(f"{path}: not a readable Parquet table ({exc}).") from None
    out = {}
    for name in table.column_names:
        values = table.column(name).to_pylist()
        if name in outcomes.DATES or name == "final_outcome":
            out[name] = _column(path, name, [v or "" for v in values])
        else:
            out[name] = np.asarray(values)
    return out


def _table(folder: Path, meta: manifest.Manifest) -> dict[str, np.ndarray]:
    path = folder / meta.table
    if not path.is_file():
        raise ValueError(f"{path} is missing")
    columns = read_parquet(path) if meta.table.endswith(".parquet") else read_outcomes(path, meta.runs)
    missing = [c for c in outcomes.COLUMNS if c not in columns]
    if missing:
        raise ValueError(f"{path}: the table lacks the columns {', '.join(missing)}")
    n = len(columns["world"])
    if n != meta.runs:
        raise ValueError(f"{path}: {n:,} worlds where the manifest says {meta.runs:,}")
    if any(len(v) != n for v in columns.values()):
        raise ValueError(f"{path}: columns of different lengths")
    return columns


def _fronts(folder: Path, runs: int) -> tuple[np.ndarray, np.ndarray]:
    """``front.npy`` and ``front_months.npy``, their shapes checked before they are read whole."""
    front = np.load(folder / "front.npy", mmap_mode="r", allow_pickle=False)
    months = np.load(folder / "front_months.npy", allow_pickle=False)
    if front.ndim != 2 or front.shape[0] != runs or front.dtype.kind != "f":
        shape = f"{front.dtype} {front.shape}"
        raise ValueError(f"front.npy must be a float array of {runs:,} worlds x months, not {shape}")
    if months.ndim != 1 or months.dtype.kind not in "iu" or len(months) != front.shape[1]:
        raise ValueError(f"front_months.npy must hold one day number per month of front.npy ({front.shape[1]})")
    return np.asarray(front, dtype=np.float32), months


def _summary(folder: Path, columns: dict, meta: manifest.Manifest) -> dict:
    path = folder / "summary.json"
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        summary = None
    return summary if isinstance(summary, dict) else summarize(columns, meta.scenario, meta.seed)


def load_run(folder: str | Path) -> Run:
    """A run's results folder (``whatif run`` output, see results/README.md) as a checked :class:`Run`."""
    folder = Path(folder)
    meta = manifest.read(folder)
    try:
        columns = _table(folder, meta)
        front, months = _fronts(folder, meta.runs)
    except (OSError, ValueError, EOFError, csv.Error) as exc:
        raise ResultsError(
            f"{folder}: not a complete results folder ({exc}). Nothing was drawn; run the scenario again "
            "to make a new one."
        ) from None
    return Run(
        title=meta.title,
        name=meta.scenario,
        columns=columns,
        front=front,
        months=months,
        summary=_summary(folder, columns, meta),
        manifest=meta.raw,
    )


def not_results_error(folder: Path) -> ResultsError:
    from sim.output.saved import what_to_pass

    hint = what_to_pass(folder) or (
        " Give a folder written by `whatif run` (it holds manifest.json) or by `whatif compare --out` "
        "(it holds comparison.json); `whatif results` lists the saved ones."
    )
    return ResultsError(f"{folder}: not a results folder of this tool.{hint}")


def load_runs(folders: list[Path]) -> tuple[list[Run], Path | None]:
    """The runs of results folders, checked; a comparison folder stands for its runs (base first).

    Also returns where one folder's figures go by default (``FOLDER/figures``,
    or the comparison folder's ``figures``), or None for several folders.
    A folder that is neither (say ``results/``) is refused with the results
    folders found inside it.
    """
    from sim.output import kinds

    folders = [Path(f) for f in folders]
    runs: list[Run] = []
    for f in folders:
        if not f.is_dir():
            raise ResultsError(f"{f}: no such folder; give results folders written by `whatif run` or `compare --out`.")
        if (f / manifest.MANIFEST).exists():
            runs.append(load_run(f))
        elif (f / kinds.COMPARISON).is_file():
            runs += [load_run(f / name) for name in kinds.comparison_names(f)]
        else:
            raise not_results_error(f)
    one = folders[0]
    if len(folders) == 1:
        return runs, one / "figures"
    return runs, None


def damage(folder: Path, meta: manifest.Manifest, name: str) -> str | None:
    """Why data file ``name`` of a run folder cannot be read as what it should be, or None if it can."""
    try:
        if name == meta.table:
            _table(folder, meta)
        elif name in ("front.npy", "front_months.npy"):
            _fronts(folder, meta.runs)
        elif name == "summary.json" and not isinstance(json.loads((folder / name).read_text("utf-8")), dict):
            return "summary.json is not a JSON mapping"
    except (OSError, ValueError, EOFError, RecursionError, csv.Error) as exc:
        return str(exc)
    return None
