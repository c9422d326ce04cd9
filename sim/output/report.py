"""Plain-text reports for the command line: summaries, comparisons, scenarios.

Every table fits :data:`~sim.output.words.WIDTH` (100) columns, names each
statistic (median, mean, quartiles) and gives every share its 95% Monte Carlo
interval; a note says when the intervals are too wide for the question.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from sim.output import predictions
from sim.output.compare_text import comparison_table, comparison_table_wide, interval_note, statistics
from sim.output.words import LABELS, WIDTH, plural, share_with_interval, wrap

__all__ = [
    "LABELS",
    "WIDTH",
    "cause_text",
    "comparison_table",
    "comparison_table_wide",
    "evidence_text",
    "scenario_text",
    "sources_text",
    "summary_table",
]


def summary_table(
    title: str,
    summary: dict,
    wall: float,
    out: Path | None = None,
    expect: str = "",
    verdicts: list | None = None,
) -> str:
    """The human-readable summary of one run (at most 100 columns)."""
    n = summary["runs"]
    lines = [wrap(f"{title}  ({summary['scenario']})"), f"{plural(n, 'world')}, seed {summary['seed']}, {wall:.1f} s"]
    lines.append("")
    if expect:
        lines += [wrap(f"the author expects: {expect}", ""), ""]
    if verdicts:
        lines += [wrap(line) for line in predictions.lines(verdicts)] + [""]
    for header, shares in (("outcome", summary["shares"]), ("how the war ended", summary["final_outcome"])):
        lines.append(f"{header:30s} {'share of worlds (95% interval)':>32s}")
        lines += [f"{LABELS[key]:30s} {share_with_interval(share, n):>32s}" for key, share in shares.items()]
        lines.append("")
    lines += statistics(summary)
    note = interval_note(summary)
    if note:
        lines += ["", wrap(note)]
    if out is not None:
        lines += ["", f"results: {out}/"]
    return "\n".join(lines)


def scenario_text(sc, origin: str | None = None) -> str:
    """A scenario with its interventions explained in words; ``origin`` says where it comes from
    ("library scenario NAME", "user scenario ..."; default its file)."""
    lines = [wrap(f"{sc.title}  ({sc.name})"), origin or f"file: {sc.source}"]
    chain = " -> ".join(s.name for s in sc.chain())
    lines.append(f"chain: {chain}")
    lines.append(f"runs {sc.runs:,}, seed {sc.seed}, horizon {sc.horizon}")
    if sc.description:
        lines += ["", wrap(sc.description)]
    items = sc.all_interventions()
    lines += [
        "",
        "interventions (each is a do(): the choice is cut off from its causes):"
        if items
        else "no interventions: the model as the sources describe it.",
    ]
    for k, it in enumerate(items, 1):
        lines.append(textwrap.fill(f"  {k}. {it.describe()}", WIDTH, subsequent_indent="     "))
    if sc.expect:
        lines += ["", wrap(f"the author expects: {sc.expect}")]
    if sc.predict:
        lines += ["", "the author predicts (checked by `whatif run` and `whatif compare`):"]
        lines += [f"  {LABELS.get(p.key, p.key)} ({p.key}): {p.text}" for p in sc.predict]
    return "\n".join(lines)


def cause_text(result: dict, description: str) -> str:
    """PN, PS and PNS of a cause for an outcome, with their intervals and the plain-language reading."""
    lines = [
        f"cause: {result['cause']} ({description})",
        f"outcome: {result['outcome']}; factual world: {result['scenario']}; "
        f"{result['runs']:,} paired worlds, seed {result['seed']}",
        "",
    ]
    for key, label in (("pn", "necessity"), ("ps", "sufficiency"), ("pns", "necessity and sufficiency")):
        m = result[key]
        value = (
            "undefined (no such worlds)"
            if m["value"] is None
            else (f"{m['value']:.3f}  (95% CI {m['ci'][0]:.3f}-{m['ci'][1]:.3f}; {m['n']:,} worlds)")
        )
        lines.append(f"  {key.upper():4s} probability of {label:27s} {value}")
    return "\n".join([*lines, "", result["reading"]])


def sources_text(uses: dict[str, list[str]], registry: dict) -> str:
    """Every evidence id with its source, the passage's topic and what cites it."""
    lines = []
    for key, used in uses.items():
        ev = registry[key]
        lines += [key, f"  {ev.label} ({ev.source})", f"  {ev.topic}", *(f"  - {u}" for u in used)]
    return "\n".join(lines)


def evidence_text(doc: dict, source_file: str) -> str:
    """One evidence id (``sim.api.evidence``): its source, what cites it and the points it moves."""
    lines = [f"{doc['id']}: {doc['source']} ({source_file})", doc["topic"], "", "cited by:"]
    lines += [f"  - {u}" for u in doc["cited_by"]]
    lines += ["", "moves these decision points:", *(f"  - {p}" for p in doc["moves"])]
    return "\n".join(lines)
