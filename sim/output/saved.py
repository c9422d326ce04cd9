"""Saved results on disk: finding them (``whatif results``) and saying what to pass to ``plot`` and ``replay``.

A results folder holds ``manifest.json`` (one run) or ``comparison.json``
(a ``compare --out`` folder: a run folder per scenario). Folders are found
by walking a few levels down from a root (by default ``results/``); hidden
partial folders of interrupted runs are skipped. Manifests are read
leniently here (a listing should not fail on one damaged folder);
``plot`` and ``replay`` check them strictly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sim.output import manifest
from sim.output.errors import ResultsError
from sim.output.kinds import COMPARISON, PARTIAL
from sim.output.words import WIDTH, fit, plural

DEPTH = 4  # results/compare/<names>/<time>/ is three levels below results/


@dataclass(frozen=True)
class Saved:
    """One saved run or comparison: its folder, kind (``run`` or ``compare``) and what its manifest says."""

    path: Path
    kind: str
    scenario: str
    created: str
    runs: int | None
    seed: int | None

    def as_json(self) -> dict:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "scenario": self.scenario,
            "created_utc": self.created,
            "runs": self.runs,
            "seed": self.seed,
        }


def _manifest(folder: Path) -> dict:
    try:
        raw = manifest.load_json(folder / manifest.MANIFEST, "manifest")
    except ResultsError:
        return {}
    return raw if isinstance(raw, dict) else {}


def _run(folder: Path) -> Saved:
    m = _manifest(folder)
    name = m.get("scenario") if isinstance(m.get("scenario"), str) else "(unreadable manifest)"
    runs, seed = m.get("runs"), m.get("seed")
    return Saved(
        folder,
        "run",
        name,
        str(m.get("created_utc") or "?"),
        runs if isinstance(runs, int) else None,
        seed if isinstance(seed, int) else None,
    )


def _comparison(folder: Path) -> Saved:
    try:
        doc = manifest.load_json(folder / COMPARISON, "comparison")
    except ResultsError:
        doc = {}
    doc = doc if isinstance(doc, dict) else {}
    others = list(doc.get("scenarios") or {}) if isinstance(doc.get("scenarios"), dict) else []
    base = doc.get("base") if isinstance(doc.get("base"), str) else "?"
    first = _run(folder / base) if base != "?" and (folder / base / manifest.MANIFEST).is_file() else None
    runs, seed = doc.get("runs"), doc.get("seed")
    return Saved(
        folder,
        "compare",
        f"{base} vs {', '.join(others) or '?'}",
        first.created if first else "?",
        runs if isinstance(runs, int) else None,
        seed if isinstance(seed, int) else None,
    )


def find(root: str | Path = "results", depth: int = DEPTH) -> list[Saved]:
    """Every saved run and comparison under ``root`` (``root`` itself included), newest first."""
    root = Path(root)
    found: list[Saved] = []
    todo = [(root, 0)]
    while todo:
        folder, level = todo.pop()
        if (folder / manifest.MANIFEST).is_file():
            found.append(_run(folder))
            continue
        if (folder / COMPARISON).is_file():
            found.append(_comparison(folder))
            continue
        if level >= depth:
            continue
        try:
            with os.scandir(folder) as it:
                subs = [Path(e.path) for e in it if e.is_dir(follow_symlinks=False) and not e.name.startswith(PARTIAL)]
        except OSError:
            continue
        todo += [(s, level + 1) for s in subs if s.name != "figures"]
    return sorted(found, key=lambda s: (s.created, str(s.path)), reverse=True)


def listing(saved: list[Saved], root: str | Path) -> str:
    """The saved runs as text, two lines each, at most 100 columns."""
    if not saved:
        return f"no saved results under {root}/ (write some with `whatif run` or `whatif compare --out`)."
    lines = [f"{plural(len(saved), 'saved result')} under {root}/, newest first:", ""]
    for s in saved:
        when = s.created.replace("T", " ")[:16] if s.created != "?" else "(time unknown)"
        worlds = f"{s.runs:,} worlds" if s.runs is not None else "? worlds"
        seed = f"seed {s.seed}" if s.seed is not None else "seed ?"
        what = "comparison: " + s.scenario if s.kind == "compare" else s.scenario
        tail = f"  {worlds}, {seed}"
        lines.append(f"{when:16s}  {fit(what, WIDTH - 18 - len(tail))}{tail}")
        lines.append(fit(f"    {s.path}", WIDTH))
    lines += ["", "Draw a folder's figures with `whatif plot FOLDER`; check it with `whatif replay FOLDER`."]
    return "\n".join(lines)


def what_to_pass(folder: Path) -> str:
    """For a folder that is not a results folder: the results folders inside it, as advice ("" if none)."""
    inside = find(folder)
    if not inside:
        return ""
    examples = ", ".join(str(s.path) for s in inside[:3])
    more = f" (and {len(inside) - 3} more; `whatif results {folder}` lists them all)" if len(inside) > 3 else ""
    return f" It holds {plural(len(inside), 'saved result')}: pass one of them instead, e.g. {examples}{more}."
