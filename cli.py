"""Command line: ``whatif`` (or ``python cli.py``).

Each command parses its arguments, calls the library in ``sim/`` and prints.
Bad input exits with code 2 and one paragraph naming the file, key and valid
choices; nothing is written to ``results/`` then.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import sys
import time
from pathlib import Path

import click

from sim.analysis.summary import summarize
from sim.api import run_scenario
from sim.output import report
from sim.output.results import ResultsError, atomic_dir, default_dir, replay, write_data, write_run
from sim.scenario import ScenarioError, library, load


class BadInput(click.ClickException):
    """A user error: exit code 2, message only."""

    exit_code = 2


def _load(name: str):
    try:
        return load(name)
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None


def _bar(length: int, quiet: bool):
    show = not quiet and sys.stderr.isatty()
    return click.progressbar(length=length, label="simulating", file=sys.stderr, hidden=not show)


runs_option = click.option(
    "--runs", type=click.IntRange(1, 10_000_000), help="Number of worlds [default: the scenario's, 10000]."
)
seed_option = click.option("--seed", type=click.IntRange(0, 2**63 - 1), help="Seed [default: the scenario's].")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout instead of a table.")
plot_option = click.option("--plot", is_flag=True, help="Also draw the figures into the results folder's figures/.")
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["png", "svg", "pdf"]),
    default="png",
    show_default=True,
    help="Figure format.",
)
force_option = click.option("--force", is_flag=True, help="Replace --out if it exists.")


def _terminate(signum, frame):  # SIGTERM behaves like Ctrl-C: partial results folders are removed
    raise KeyboardInterrupt


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="korea-whatif", message="%(prog)s %(version)s")
def main() -> None:
    """Decision-point counterfactual simulator of the Korean War, 1949-1953.

    Leaders choose at dated decision points from their documented preferences;
    thousands of simulated worlds give outcome distributions; scenario files
    change choices and show what follows, world by world.
    """
    signal.signal(signal.SIGTERM, _terminate)


@main.command()
@click.argument("scenario")
@runs_option
@seed_option
@click.option("--out", type=click.Path(path_type=Path), help="Results folder [default: results/<scenario>/<time>/].")
@force_option
@json_option
@plot_option
@format_option
@click.option(
    "--table",
    type=click.Choice(["csv", "parquet"]),
    default="csv",
    show_default=True,
    help="Outcome table format (parquet needs the optional pyarrow: pip install 'korea-whatif[parquet]').",
)
def run(
    scenario: str,
    runs: int | None,
    seed: int | None,
    out: Path | None,
    force: bool,
    as_json: bool,
    plot: bool,
    fmt: str,
    table: str,
) -> None:
    """Simulate SCENARIO (a library name, see `whatif list`, or a YAML path).

    Prints outcome shares with 95% intervals, the median armistice date and
    the median war length, and writes outcomes.csv, front.npy, summary.json
    and manifest.json to the results folder.
    """
    sc = _load(scenario)
    runs = runs or sc.runs
    seed = sc.seed if seed is None else seed
    out = out or default_dir(sc.name)
    if out.exists() and not force:
        raise BadInput(f"{out} exists already; choose another --out or pass --force to replace it.")
    started = time.perf_counter()
    with _bar(runs, as_json) as bar:
        ens = run_scenario(sc, runs=runs, seed=seed, progress=bar.update)
    wall = time.perf_counter() - started
    summary = summarize(ens.columns, sc.name, seed)
    try:
        write_run(out, sc, ens, summary, wall, force=force, table=table, figures=fmt if plot else None)
    except ResultsError as exc:
        raise BadInput(str(exc)) from None
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    else:
        click.echo(report.summary_table(sc.title, summary, wall, out, sc.expect))


@main.command()
@click.argument("base")
@click.argument("scenarios", nargs=-1, required=True)
@runs_option
@seed_option
@json_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Save every run, comparison.json and figures here [default with --plot: results/compare/...].",
)
@force_option
@plot_option
@format_option
def compare(
    base: str,
    scenarios: tuple[str, ...],
    runs: int | None,
    seed: int | None,
    as_json: bool,
    out: Path | None,
    force: bool,
    plot: bool,
    fmt: str,
) -> None:
    """Run BASE and each of SCENARIOS on the same seed and worlds; show paired effects.

    For each outcome: its value under each scenario and the paired effect
    (mean of per-world differences) with a 95% interval; how many worlds
    diverged and at which decision point they first diverged. With --out or
    --plot, every run is saved (one results folder each, reusable by
    `whatif plot`) with comparison.json and the figures.
    """
    from sim.analysis.compare import compare as compare_runs

    base_sc = _load(base)
    others = [_load(name) for name in scenarios]
    names = [s.name for s in others]
    if len(set(names)) != len(names) or base_sc.name in names:
        raise BadInput(f"scenarios must differ from each other and from the base; got {base_sc.name}, {names}.")
    runs = runs or base_sc.runs
    seed = base_sc.seed if seed is None else seed
    if plot and out is None:
        out = default_dir("-vs-".join([base_sc.name, *names])[:120], Path("results") / "compare")
    if out is not None and out.exists() and not force:
        raise BadInput(f"{out} exists already; choose another --out or pass --force to replace it.")
    started = time.perf_counter()
    with _bar(runs * (1 + len(others)), as_json) as bar:
        base_ens = run_scenario(base_sc, runs=runs, seed=seed, progress=bar.update)
        ens = {s.name: run_scenario(s, runs=runs, seed=seed, progress=bar.update) for s in others}
    doc = compare_runs(base_ens, ens, base_sc.name)
    if out is not None:
        wall = time.perf_counter() - started
        _save_comparison(
            out,
            force,
            [(base_sc, base_ens), *((s, ens[s.name]) for s in others)],
            doc,
            seed,
            wall,
            fmt if plot else None,
        )
    if as_json:
        click.echo(json.dumps(doc, indent=2))
        return
    titles = {s.name: s.title for s in (base_sc, *others)}
    base_summary = summarize(base_ens.columns, base_sc.name, seed)
    click.echo(report.comparison_table(doc, base_summary, titles, {s.name: s.expect for s in others}))
    if out is not None:
        click.echo(f"\nresults: {out}/ (one folder per scenario, comparison.json" + (", figures/)" if plot else ")"))


def _save_comparison(out: Path, force: bool, runs, doc: dict, seed: int, wall: float, fmt: str | None) -> None:
    """One atomic folder: a results folder per scenario, comparison.json and (optionally) figures/."""
    from sim.output import plots

    try:
        with atomic_dir(out, force) as tmp:
            for sc, ens in runs:
                (tmp / sc.name).mkdir()
                write_data(tmp / sc.name, sc, ens, summarize(ens.columns, sc.name, seed), wall, "csv")
            (tmp / "comparison.json").write_text(json.dumps(doc, indent=2) + "\n")
            if fmt:
                loaded = [plots.load_run(tmp / sc.name) for sc, _ in runs]
                plots.make_all(loaded, tmp / "figures", fmt, effects=_effects(doc))
    except ResultsError as exc:
        raise BadInput(str(exc)) from None


def _effects(doc: dict) -> dict:
    return {name: d["effects"] for name, d in doc["scenarios"].items()}


@main.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where to write the figures [default: FOLDER/figures for one folder, "
    "results/compare/<names>/<time>/figures for several].",
)
@format_option
def plot(folders: tuple[Path, ...], out: Path | None, fmt: str) -> None:
    """Draw the figures of saved results FOLDERS (from `whatif run` or `whatif compare --out`).

    With several folders the first is the reference; if they share seed and
    worlds, the paired effects against it are drawn too.
    """
    from sim.analysis.compare import effects
    from sim.output import plots

    loaded = []
    for folder in folders:
        try:
            loaded.append(plots.load_run(folder))
        except (OSError, ValueError, KeyError) as exc:
            raise BadInput(f"{folder}: not a readable results folder ({exc}).") from None
    paired = None
    first = loaded[0].manifest
    same = all(
        (r.manifest.get("seed"), r.manifest.get("runs"), r.manifest.get("first_world"))
        == (first.get("seed"), first.get("runs"), first.get("first_world"))
        for r in loaded
    )
    if len(loaded) > 1 and same:
        paired = {r.name: effects(loaded[0], r) for r in loaded[1:]}
    if out is None:
        names = "-vs-".join(r.name for r in loaded)[:120]
        out = (
            folders[0] / "figures" if len(loaded) == 1 else default_dir(names, Path("results") / "compare") / "figures"
        )
    written = plots.make_all(loaded, out, fmt, effects=paired)
    for path in written:
        click.echo(str(path))
    if len(loaded) > 1 and not same:
        click.echo("note: the folders differ in seed or worlds, so no paired effects were drawn.", err=True)


@main.command(name="replay")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def replay_(folder: Path) -> None:
    """Re-run a results FOLDER from its manifest and check it reproduces the same outcome table."""
    try:
        ok, message = replay(folder)
    except ResultsError as exc:
        raise BadInput(str(exc)) from None
    click.echo(message)
    if not ok:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True)
def validate(files: tuple[str, ...]) -> None:
    """Check scenario FILES (or library names) without running them.

    Prints one line per valid file; exits with code 2 and every problem found
    if any file is invalid.
    """
    problems = []
    for name in files:
        try:
            sc = load(name)
        except ScenarioError as exc:
            problems.append(str(exc))
            continue
        n = len(sc.all_interventions())
        click.echo(f"ok: {sc.source} ({sc.name}: {sc.title}; {n} intervention{'s' * (n != 1)})")
    if problems:
        raise BadInput("\n".join(problems))


@main.command(name="list")
def list_() -> None:
    """List the scenario library: name and title."""
    lib = library()
    width = max(map(len, lib))
    for name in sorted(lib):
        click.echo(f"{name:{width}s}  {_load(name).title}")


@main.command()
@click.argument("scenario")
def show(scenario: str) -> None:
    """Print SCENARIO with its interventions explained in words."""
    click.echo(report.scenario_text(_load(scenario)))


@main.command()
@click.option(
    "--runs",
    type=click.IntRange(10, 1_000_000),
    default=2000,
    show_default=True,
    help="Worlds to average over (weights differ per world).",
)
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=1950, show_default=True)
@json_option
def fidelity(runs: int, seed: int, as_json: bool) -> None:
    """How likely the model finds each historical choice, on the historical path.

    Forces every historical choice, records the model's own probabilities at
    each decision point first, and prints P(historical option) and whether it
    is the most likely option.
    """
    from sim.analysis import fidelity as fid

    rows = fid.table(runs, seed)
    if as_json:
        data = [
            {
                "point": r.node,
                "date": r.date,
                "decider": r.decider,
                "historical": r.historical,
                "probabilities": r.probabilities,
                "in_history_table": r.in_history_table,
            }
            for r in rows
        ]
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(fid.format_table(rows))


@main.command()
@click.argument("scenario")
@click.option("--world", type=click.IntRange(0, 10_000_000 - 1), help="World index [default 0, or --pick].")
@click.option(
    "--pick",
    metavar="OUTCOME=VALUE",
    help="Explain the first world with this outcome, e.g. china_entered=false or final_outcome=rok_unifies.",
)
@seed_option
@click.option(
    "--terms",
    type=click.IntRange(1, 20),
    default=4,
    show_default=True,
    help="How many driving terms to show per decision.",
)
@json_option
def explain(scenario: str, world: int | None, pick: str | None, seed: int | None, terms: int, as_json: bool) -> None:
    """Tell one world's history as a dated narrative: who decided what, and why.

    Each decision shows its options with probabilities, the terms that drove
    it (each term's contribution to the utility, with its evidence id and
    source passage), the dice, and whether the scenario forced or forbade it.
    """
    from sim.analysis import explain as ex
    from sim.api import trace_world

    sc = _load(scenario)
    if seed is not None:
        sc = dataclasses.replace(sc, seed=seed)
    if pick and world is not None:
        raise BadInput("give --world or --pick, not both.")
    if pick:
        try:
            world = ex.pick_world(sc, pick)
        except ValueError as exc:
            raise BadInput(str(exc)) from None
    world = world or 0
    trace = trace_world(sc, world)
    if as_json:
        click.echo(json.dumps({"scenario": sc.name, "seed": sc.seed, "world": world, "trace": trace}, indent=2))
        return
    click.echo(ex.narrative(trace, sc.title, world, terms))
    click.echo(ex.outcome_line(sc, world))


@main.command()
@click.argument("base")
@click.argument("scenario")
@click.option("--world", type=click.IntRange(0, 10_000_000 - 1), default=0, show_default=True)
def diff(base: str, scenario: str, world: int) -> None:
    """Show world N under BASE and SCENARIO side by side, from the first decision that differs, and why."""
    from sim.analysis import explain as ex

    b, o = _load(base), _load(scenario)
    if b.seed != o.seed:
        o = dataclasses.replace(o, seed=b.seed)
    d = ex.diff(b, o, world)
    click.echo(ex.diff_text(d, b.title, o.title))
    click.echo("")
    click.echo(f"{b.name}: " + ex.outcome_line(b, world))
    click.echo(f"{o.name}: " + ex.outcome_line(o, world))


@main.command()
@click.argument("evidence_id", required=False)
def sources(evidence_id: str | None) -> None:
    """List every evidence id with its source and what uses it; with an ID, the points it moves."""
    from sim.analysis import sources as src
    from sim.case.evidence import REGISTRY

    if evidence_id is None:
        for key, used in src.uses().items():
            ev = REGISTRY[key]
            click.echo(f"{key}\n  {ev.label} ({ev.source})\n  {ev.topic}")
            for u in used:
                click.echo(f"  - {u}")
        return
    if evidence_id not in REGISTRY:
        raise BadInput(f"unknown evidence id {evidence_id!r}. Valid choices: {', '.join(sorted(REGISTRY))}.")
    ev = REGISTRY[evidence_id]
    click.echo(f"{evidence_id}: {ev.label} ({ev.source})\n{ev.topic}\n\ncited by:")
    for u in src.uses()[evidence_id]:
        click.echo(f"  - {u}")
    click.echo("\nmoves these decision points:")
    for point in src.moves(evidence_id):
        click.echo(f"  - {point}")


@main.command()
@click.option("--cause", "cause_", required=True, help="Cause (see the error for the list), e.g. china_entered.")
@click.option("--outcome", required=True, help="Outcome: a boolean outcome, a final-outcome category or armistice.")
@click.option("--scenario", default="baseline", show_default=True, help="The factual world the measures refer to.")
@click.option("--runs", type=click.IntRange(10, 1_000_000), default=5000, show_default=True)
@seed_option
@json_option
def cause(cause_: str, outcome: str, scenario: str, runs: int, seed: int | None, as_json: bool) -> None:
    """Probabilities of necessity (PN), sufficiency (PS) and both (PNS) of a cause for an outcome.

    Runs the factual scenario and the same worlds under do(cause) and
    do(not cause); PN, PS and PNS are shares of paired worlds (Pearl), with
    95% intervals and a plain-language reading.
    """
    from sim.analysis import causes

    _load(scenario)
    try:
        result = causes.measure(cause_, outcome, scenario=scenario, runs=runs, seed=seed)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"cause: {cause_} ({causes.CAUSES[cause_].description})")
    click.echo(f"outcome: {outcome}; factual world: {scenario}; {runs:,} paired worlds, seed {result['seed']}\n")
    for key, label in (("pn", "necessity"), ("ps", "sufficiency"), ("pns", "necessity and sufficiency")):
        m = result[key]
        value = (
            "undefined (no such worlds)"
            if m["value"] is None
            else (f"{m['value']:.3f}  (95% CI {m['ci'][0]:.3f}-{m['ci'][1]:.3f}; {m['n']:,} worlds)")
        )
        click.echo(f"  {key.upper():4s} probability of {label:27s} {value}")
    click.echo("")
    click.echo(result["reading"])


@main.command()
@click.option("--scenario", help="Mark this scenario's interventions (forced points, cut edges, moved events).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Draw the graph to this file (.png, .svg or .pdf) instead of printing the listing.",
)
def graph(scenario: str | None, out: Path | None) -> None:
    """The decision points as a directed graph: which points and state variables feed which.

    Prints a listing node by node (reads, runs after, writes); with --out,
    draws it coloured by decider. With --scenario, the intervened points are
    marked and the edges into them cut (do() cuts a choice off from its causes).
    """
    from sim.analysis import graph as graphs

    sc = _load(scenario) if scenario else None
    g = graphs.build(sc)
    if out is None:
        click.echo(graphs.listing(g))
        return
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise BadInput(f"{out}: the figure's file name must end in .png, .svg or .pdf.")
    from sim.output.graph_figure import draw, save

    save(draw(g), out)
    click.echo(str(out))


if __name__ == "__main__":
    main()
