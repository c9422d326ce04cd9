"""Plain-text reports for the command line: summaries, comparisons, scenarios."""

from __future__ import annotations

from pathlib import Path

from sim import case
from sim.analysis.summary import wilson

LABELS = {
    "war_started": "war started",
    "us_intervened": "US intervened",
    "un_sanctioned": "UN sanctioned the war",
    "un_crossed_38th": "UN crossed the 38th",
    "china_entered": "China entered",
    "soviet_air_war": "Soviet air war",
    "soviet_ground_troops": "Soviet ground troops",
    "superpower_war": "open US-Soviet war",
    "evacuation_ordered": "Stalin ordered evacuation",
    "dprk_survives": "North Korea survives",
    "no_war": "no war",
    "dprk_unifies": "North unifies Korea",
    "rok_unifies": "South unifies Korea",
    "divided": "divided (armistice)",
    "ongoing_at_horizon": "still at war end-1956",
    "war_months": "war length (months)",
}


def summary_table(title: str, summary: dict, wall: float, out: Path | None = None, expect: str = "") -> str:
    """The human-readable summary of one run."""
    n = summary["runs"]
    lines = [f"{title}  ({summary['scenario']})", f"{n:,} worlds, seed {summary['seed']}, {wall:.1f} s", ""]
    if expect:
        lines += [f"the author expects: {expect}", ""]
    for header, shares in (("outcome", summary["shares"]), ("final outcome", summary["final_outcome"])):
        lines.append(f"{header:28s} {'share':>7s}   95% interval")
        for key, share in shares.items():
            lo, hi = wilson(round(share * n), n)
            lines.append(f"{LABELS[key]:28s} {share:7.1%}   {lo:6.1%} - {hi:6.1%}")
        lines.append("")
    lines.append(f"median armistice date: {summary['armistice_date_median'] or 'no armistice in any world'}")
    lines.append(f"median war length: {summary['war_months_median']:.1f} months (worlds at war)")
    if out is not None:
        lines.append(f"results: {out}/")
    return "\n".join(lines)


def _pp(x: float) -> str:
    return f"{100 * x:+.1f}"


def comparison_table(doc: dict, base_doc: dict, titles: dict[str, str], expects: dict[str, str] | None = None) -> str:
    """Per outcome: the value under the base and each scenario, and the paired effect with its interval."""
    names = list(doc["scenarios"])
    base = doc["base"]
    lines = [f"Paired comparison on {doc['runs']:,} worlds, seed {doc['seed']} (world i shares its dice everywhere)"]
    lines.append(f"base: {titles[base]} ({base})")
    for name in names:
        lines.append(f"  vs: {titles[name]} ({name})")
        if expects and expects.get(name):
            lines.append(f"      the author expects: {expects[name]}")
    lines.append("")
    head = f"{'outcome':26s} {base[:14]:>14s}"
    for name in names:
        head += f" | {name[:22]:>22s}  {'effect, pp (95% CI)':>24s}"
    lines.append(head)
    keys = list(base_doc["shares"]) + list(base_doc["final_outcome"])
    for key in keys:
        where = "shares" if key in base_doc["shares"] else "final_outcome"
        row = f"{LABELS[key]:26s} {base_doc[where][key]:14.1%}"
        for name in names:
            d = doc["scenarios"][name]
            e = d["effects"][key]
            ci = f"{_pp(e['diff'])} ({_pp(e['ci'][0])}, {_pp(e['ci'][1])})"
            row += f" | {d[where][key]:22.1%}  {ci:>24s}"
        lines.append(row)
    row = f"{'median war (months)':26s} {base_doc['war_months_median']:14.1f}"
    for name in names:
        d = doc["scenarios"][name]
        e = d["effects"]["war_months"]
        ci = f"{e['diff']:+.1f} ({e['ci'][0]:+.1f}, {e['ci'][1]:+.1f}) mean"
        row += f" | {d['war_months_median']:22.1f}  {ci:>24s}"
    lines.append(row)
    row = f"{'median armistice':26s} {base_doc['armistice_date_median'] or '-':>14s}"
    for name in names:
        row += f" | {doc['scenarios'][name]['armistice_date_median'] or '-':>22s}  {'':>24s}"
    lines.append(row)
    for name in names:
        d = doc["scenarios"][name]
        lines.append("")
        lines.append(f"{name}: {d['diverged_share']:.1%} of worlds diverge from the base; first divergence at:")
        for point, share in d["first_divergence"].items():
            title = case.BY_ID[point].title if point in case.BY_ID else "no decision differs, only outcomes"
            lines.append(f"  {point:24s} {share:6.1%}  {title}")
    return "\n".join(lines)


def scenario_text(sc) -> str:
    """A scenario with its interventions explained in words."""
    lines = [f"{sc.title}  ({sc.name})", f"file: {sc.source}"]
    chain = " -> ".join(s.name for s in sc.chain())
    lines.append(f"chain: {chain}")
    lines.append(f"runs {sc.runs:,}, seed {sc.seed}, horizon {sc.horizon}")
    if sc.description:
        lines += ["", sc.description]
    items = sc.all_interventions()
    lines += [
        "",
        "interventions (each is a do(): the choice is cut off from its causes):"
        if items
        else "no interventions: the model as the sources describe it.",
    ]
    for k, it in enumerate(items, 1):
        lines.append(f"  {k}. {it.describe()}")
    if sc.expect:
        lines += ["", f"the author expects: {sc.expect}"]
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
