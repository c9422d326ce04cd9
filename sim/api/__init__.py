"""Python API: the operations of the command line as functions (for notebooks, the CLI and the web page).

>>> from sim import api
>>> ens = api.run_scenario("baseline", runs=1000)
>>> ens.columns["china_entered"].mean()
>>> api.trace_world("baseline", world=0)   # every decision of world 0
>>> api.compare("baseline", "china_refuses_12_oct", runs=2000)["scenarios"]

The one front door to ``sim``: the command line (``cli.py``, ``sim/cli/``),
notebooks and the web page call these functions, and nothing inside ``sim``
below this layer imports it. Functions that write (``run``, ``compare_runs``,
``plot``, ``graph``) check their destination before anything runs and write
atomically (``sim/output/folders.py``). Bad input raises one of
:data:`USER_ERRORS`, whose message is one readable paragraph (the command
line exits with code 2).

Modules: ``common`` (errors, scenarios, small read-only operations),
``simulating`` (run, compare), ``readings`` (a comparison under each reading
of a source dispute), ``saved`` (plot, replay, saved results, in-memory figures),
``worlds`` (explain, diff and its plain-words ``difference``, cause) and ``reference`` (fidelity, evidence,
graph, calibrate, bench). ``prepare_run``, ``prepare_comparison`` and
``prepare_readings`` make every check of ``run``, ``compare_runs`` and
``compare_readings`` and return what runs it, for a caller that shows
progress only once the checks pass.
"""

from __future__ import annotations

from sim.analysis.simulate import run_scenario, trace_world
from sim.api.assumptions import discover, sensitivity, world_factors
from sim.api.attributing import ablate, attribute, attribution, converge, effect_warnings, precision_warnings
from sim.api.common import (
    USER_ERRORS,
    UsageError,
    catalogue,
    library,
    load,
    scenario,
    show,
    summary,
    use_scenario_folders,
    validate,
)
from sim.api.readings import Readings, compare_readings, prepare_readings, readings_of
from sim.api.reference import (
    audit,
    audit_text,
    bench,
    calibrate,
    evidence,
    evidence_text,
    fidelity,
    fidelity_report,
    graph,
    sources,
)
from sim.api.saved import Plotted, figures, plot, replay, results, results_text
from sim.api.simulating import (
    Comparison,
    Prepared,
    RunResult,
    compare,
    compare_runs,
    prepare_comparison,
    prepare_run,
    run,
)
from sim.api.worlds import cause, cause_text, diff, difference, explain, explanation

__all__ = [
    "USER_ERRORS",
    "Comparison",
    "Plotted",
    "Prepared",
    "Readings",
    "RunResult",
    "UsageError",
    "ablate",
    "attribute",
    "attribution",
    "audit",
    "audit_text",
    "bench",
    "calibrate",
    "catalogue",
    "cause",
    "cause_text",
    "compare",
    "compare_readings",
    "compare_runs",
    "converge",
    "diff",
    "difference",
    "discover",
    "effect_warnings",
    "evidence",
    "evidence_text",
    "explain",
    "explanation",
    "fidelity",
    "fidelity_report",
    "figures",
    "graph",
    "library",
    "load",
    "plot",
    "precision_warnings",
    "prepare_comparison",
    "prepare_readings",
    "prepare_run",
    "readings_of",
    "replay",
    "results",
    "results_text",
    "run",
    "run_scenario",
    "scenario",
    "sensitivity",
    "show",
    "sources",
    "summary",
    "trace_world",
    "use_scenario_folders",
    "validate",
    "world_factors",
]
