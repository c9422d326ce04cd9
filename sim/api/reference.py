"""The model itself: fidelity, evidence, the decision graph, calibration and the benchmark."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sim.api.common import UsageError, check_where
from sim.api.common import load as _scenario
from sim.output import budget, report
from sim.output.words import fold
from sim.scenario import Scenario


def fidelity(runs: int = 2000, seed: int = 1950) -> str:
    """The fidelity report in words: P(historical choice) at each point on the historical path, the front
    line, the dates and the deaths against the record, as ``whatif fidelity`` prints it."""
    from sim.analysis import fidelity as fid
    from sim.output.calibration import fidelity_record_text, fidelity_text

    rows = fid.table(runs, seed)
    return fidelity_text(rows) + "\n\n" + fidelity_record_text(fid.report(runs, seed, rows))


def fidelity_report(runs: int = 2000, seed: int = 1950) -> dict:
    """The fidelity report as ``whatif fidelity --json`` prints it."""
    from sim.analysis import fidelity as fid

    return fid.report(runs, seed)


def audit(scenario: Scenario | str = "baseline", runs: int = 10_000, seed: int | None = None) -> dict:
    """The audit of the decision points and the invariants, as ``whatif audit --json`` prints it."""
    from sim.analysis import audit as aud

    return aud.audit(_scenario(scenario), runs, seed)


def audit_text(doc: dict) -> str:
    """An audit document in words."""
    from sim.analysis import audit as aud

    return fold(aud.text(doc))


def sources() -> str:
    """Every evidence id with its source and what cites it, as ``whatif sources`` prints it."""
    from sim.analysis import sources as src
    from sim.case.evidence import REGISTRY

    return fold(report.sources_text(src.uses(), REGISTRY))


def evidence(evidence_id: str) -> dict:
    """One evidence id: its source, the passage's topic, what cites it and the decision points it moves."""
    from sim.analysis import sources
    from sim.case.evidence import REGISTRY

    if evidence_id not in REGISTRY:
        from sim.scenario import suggest

        hint = suggest(evidence_id, REGISTRY)
        raise UsageError(f"unknown evidence id {evidence_id!r}.{hint} Valid choices: {', '.join(sorted(REGISTRY))}.")
    ev = REGISTRY[evidence_id]
    return {
        "id": evidence_id,
        "source": ev.label,
        "topic": ev.topic,
        "cited_by": sources.uses()[evidence_id],
        "moves": sources.moves(evidence_id),
    }


def evidence_text(evidence_id: str) -> str:
    """One evidence id, as ``whatif sources ID`` prints it."""
    from sim.case.evidence import REGISTRY

    doc = evidence(evidence_id)
    return report.evidence_text(doc, REGISTRY[evidence_id].source)


def graph(scenario: Scenario | str | None = None, out: str | Path | None = None, force: bool = False) -> str:
    """The decision graph: its listing, or (with ``out``, a .png, .svg or .pdf) the path of its drawing.

    ``out``'s folder must exist; an existing file is replaced only with ``force``, and only if this tool
    wrote it (a figure whose metadata names it).
    """
    from sim.analysis import graph as graphs
    from sim.output.folders import atomic_file
    from sim.output.graph_figure import draw, save
    from sim.output.graph_text import listing

    sc = _scenario(scenario) if scenario else None
    if out is None:
        return listing(graphs.build(sc))
    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise UsageError(f"{out}: the figure's file name must end in .png, .svg or .pdf.")
    with atomic_file(out, force) as tmp:
        save(draw(graphs.build(sc)), tmp)
    return str(out)


def calibrate(what: str, fit: int = 0, seed: int = 1, jobs: int = 1, scheduler: str | None = None) -> str:
    """``front``: the historical path's front line, forces and deaths against the sources (``fit`` > 0
    first searches the military constants with that many evaluations); ``temperature``: the likelihood
    of the historical choices per temperature. See ``sim/analysis/calibrate.py``.

    ``jobs`` and ``scheduler`` spread the temperatures over local processes or a Dask cluster; ``front``
    (a sequential search over 100 worlds) runs in this process.
    """
    from sim.analysis import calibrate as cal
    from sim.case.params import TEMPERATURE
    from sim.output import calibration

    check_where(jobs, scheduler)
    if what == "front":
        best = f"{cal.fit(fit, seed)}\n" if fit else ""
        return best + calibration.front_text(cal.run_historical())
    if what == "temperature":
        import numpy as np

        grid = np.round(np.arange(0.05, 0.3001, 0.0125), 4)
        rows = cal.temperature_likelihood(grid, jobs=jobs, scheduler=scheduler)
        return calibration.temperature_text(rows, TEMPERATURE)
    raise UsageError(f"unknown calibration {what!r}. Valid choices: front, temperature.")


def bench(
    sizes: Sequence[int] | None = None,
    repeat: int | None = None,
    chunk: int | None = None,
    reference: int = 0,
    command: int | None = None,
    jobs: int = 1,
) -> Iterator[str]:
    """The benchmark's report line by line (``whatif bench``; see ``sim/bench.py``); with ``command``, the
    timing of ``whatif run baseline --runs COMMAND --jobs JOBS`` end to end instead."""
    from sim import bench as b
    from sim.engine import ensemble

    if command:
        budget.check_runs(command, what="--command")
        check_where(jobs)
        return b.command_lines(command, jobs, repeat or b.REPEAT)
    sizes = tuple(sizes or b.SIZES)
    budget.check_runs(max(sizes), what="--sizes")
    return b.lines(sizes, repeat or b.REPEAT, chunk or ensemble.CHUNK, reference)
