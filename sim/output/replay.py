"""Replay: check a results folder against its manifest, then re-run it and compare.

Two different findings, reported separately:

1. **The folder changed**: every file the manifest lists is hashed and
   compared with the SHA-256 recorded when it was written; each missing or
   changed file is named. Its results cannot be trusted, so it is not re-run.
   A changed file that cannot even be read as results (an empty or
   header-only table, a misshapen ``front.npy``) makes the folder damaged:
   ResultsError, one paragraph (the command line exits 2).
2. **The model now gives different results**: the files are intact, but
   re-running the manifest's scenario, seed and worlds gives different data;
   the report names the files that differ and what changed since (package
   version, git commit, Python, numpy, mesa).

A comparison folder (``whatif compare --out``) is replayed run by run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sim.analysis.summary import summarize
from sim.output import budget, kinds, manifest
from sim.output.errors import ResultsError
from sim.output.tables import file_sha256, npy_sha256, table_hash, text_sha256


@dataclass
class Replay:
    """The outcome of a replay: ``ok`` if reproduced; ``text`` says what was found in plain words."""

    ok: bool
    text: str


def changed_files(folder: Path, meta: manifest.Manifest) -> list[str]:
    """Each file the manifest lists that is missing or no longer has its recorded SHA-256, in words."""
    expected: dict[str, set[str]] = {}
    for name, digest in (meta.files or {}).items():
        expected.setdefault(name, set()).add(digest)
    if meta.table == "outcomes.csv":  # the CSV's bytes are its rendering: the table's hash must match too
        expected.setdefault(meta.table, set()).add(meta.outcomes_sha256)
    problems = []
    for name, digests in expected.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        try:
            actual = file_sha256(path)
        except OSError as exc:
            problems.append(f"{name} cannot be read ({exc.strerror})")
            continue
        wrong = sorted(d for d in digests if d != actual)
        if wrong:
            problems.append(f"{name} differs from the manifest (SHA-256 {actual[:12]}..., recorded {wrong[0][:12]}...)")
    return problems


def _scenario(meta: manifest.Manifest):
    import yaml

    from sim.scenario import ScenarioError, parse

    r = meta.resolved
    doc = {k: r[k] for k in ("name", "title", "horizon", "interventions")}
    try:
        return parse(yaml.safe_dump(doc), str(meta.path))
    except (ScenarioError, ValueError, TypeError, yaml.YAMLError) as exc:
        raise ResultsError(f"{meta.path}: the manifest's scenario does not validate: {exc}") from None


def _rerun_differences(meta: manifest.Manifest, progress=None) -> list[str]:
    """The data files whose re-run content differs from what the manifest recorded."""
    from sim.analysis.simulate import run_setup

    scenario = _scenario(meta)
    budget.check_runs(
        meta.runs,
        what=f"{meta.path}: its runs:",
        advice="This machine cannot replay it; was the manifest edited?",
    )
    ens = run_setup(scenario.setup(), meta.seed, meta.runs, meta.first_world, progress=progress)
    summary = json.dumps(summarize(ens.columns, scenario.name, meta.seed), indent=2) + "\n"
    now = {
        meta.table: table_hash(ens.columns),  # the table's CSV rendering, whatever format was written
        "front.npy": npy_sha256(ens.front),
        "front_months.npy": npy_sha256(ens.months),
        "summary.json": text_sha256(summary),
    }
    recorded = {**(meta.files or {}), meta.table: meta.outcomes_sha256}
    return [name for name, digest in now.items() if name in recorded and recorded[name] != digest]


def _what_changed(meta: manifest.Manifest) -> str:
    now = manifest.environment()
    changed = [
        f"{k} {meta.raw.get(k) or 'not recorded'} -> {now[k]}"
        for k in manifest.ENVIRONMENT
        if meta.raw.get(k) != now[k]
    ]
    if changed:
        return "Since the run: " + "; ".join(changed) + "."
    return (
        "The package version, git commit, Python, numpy and mesa are all as recorded, so no code change explains "
        "it: the manifest's scenario, seed or worlds may have been edited."
    )


def _damaged(folder: Path, meta: manifest.Manifest, changed: list[str]) -> None:
    """Refuse (exit 2) a folder whose changed files cannot even be read as results (empty, misshapen)."""
    from sim.output.runs import damage

    names = [c.split(" ", 1)[0] for c in changed]
    reasons = [r for r in (damage(folder, meta, n) for n in names if (folder / n).is_file()) if r]
    if reasons:
        raise ResultsError(
            f"{folder}: damaged results folder: " + "; ".join(changed) + ". " + " ".join(reasons) + " "
            "Its results cannot be trusted; it was not re-run. Run the scenario again to make a new folder."
        )


def replay_run(folder: Path, progress=None) -> Replay:
    """Check one run's results folder and re-run it (see the module doc)."""
    meta = manifest.read(folder)
    where = f"{meta.runs:,} worlds of '{meta.resolved['name']}', seed {meta.seed}"
    changed = changed_files(folder, meta)
    if changed:
        _damaged(folder, meta, changed)
        return Replay(
            False,
            f"NOT intact: {folder} no longer holds what was written: " + "; ".join(changed) + ". "
            "Its results cannot be trusted; it was not re-run.",
        )
    differ = _rerun_differences(meta, progress)
    if not differ:
        return Replay(
            True,
            f"reproduced: {where} give the same outcome table (SHA-256 {meta.outcomes_sha256[:16]}...), "
            "front lines and summary; every file matches its manifest.",
        )
    return Replay(
        False,
        f"NOT reproduced: the files are intact, but {where} now give different {', '.join(differ)}. "
        + _what_changed(meta),
    )


def replay(folder: Path, progress=None) -> Replay:
    """Replay a run's results folder, or each run of a comparison folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ResultsError(f"{folder}: no such folder; give a results folder written by `whatif run`.")
    if not (folder / manifest.MANIFEST).exists() and not (folder / kinds.COMPARISON).exists():
        from sim.output.runs import not_results_error

        raise not_results_error(folder)
    if (folder / manifest.MANIFEST).exists():
        return replay_run(folder, progress)
    reports = [(name, replay_run(folder / name, progress)) for name in kinds.comparison_names(folder)]
    text = "\n".join(f"{name}: {r.text}" for name, r in reports)
    return Replay(all(r.ok for _, r in reports), text)
