"""The comparison table (one block per scenario, at most 100 columns, or ``--wide``) and the statistics
of a run's war length and armistice date, each labelled (median, mean, quartiles, by ending)."""

from __future__ import annotations

import datetime as _dt

from sim.output import predictions
from sim.output.words import LABELS, WIDTH, fit, interval, month_year, node_label, plural, share_with_interval, wrap

WIDE_HALF = 0.02  # a share's 95% half-interval above this (2 points) is too wide: the note says so
TWO_PEAKS = 6.0  # months between the medians of two endings that make a two-peaked war length
COLS = (31, 20, 20, 24)  # label, base, scenario, effect


def _months(q: list[float] | None) -> str:
    return f"{q[1]:.1f} ({q[0]:.1f}-{q[2]:.1f})" if q else "-"


def _number(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _dates(q: list[str] | None) -> str:
    return f"{month_year(q[0])}-{month_year(q[2])}" if q else "-"


def _peaks(summary: dict) -> list[tuple[str, dict]]:
    """The endings of wars that make up at least 5% of worlds, when their median lengths differ widely."""
    big = [(k, e) for k, e in summary.get("endings", {}).items() if e["share"] >= 0.05]
    lengths = [e["war_months_median"] for _, e in big]
    return big if len(big) > 1 and max(lengths) - min(lengths) > TWO_PEAKS else []


SPREAD_DAYS = 365  # armistice dates whose middle half spans more than this: the median alone misleads
SPREAD_NOTE = (
    "the middle half spans more than a year: in different worlds the armistice comes in different years, and "
    "the median can jump from one to another; read the middle half too."
)


def spread_wide(q: list[str] | None) -> bool:
    """Whether armistice dates' middle half spans more than :data:`SPREAD_DAYS`."""
    return bool(q) and (_dt.date.fromisoformat(q[2]) - _dt.date.fromisoformat(q[0])).days > SPREAD_DAYS


def statistics(summary: dict) -> list[str]:
    """The war's length and the armistice date of one run, each statistic named, modes by ending."""
    n = summary["runs"]
    at_war = round(summary["shares"]["war_started"] * n)
    q = summary.get("war_months_quartiles")
    lines = [f"how long the war lasted ({plural(at_war, 'world')} where it started):"]
    if q:
        lines.append(
            f"  median {q[1]:.1f} months (half the wars were shorter); middle half {q[0]:.1f}-{q[2]:.1f} months; "
            f"mean {summary['war_months_mean']:.1f} months"
        )
    else:
        lines[-1] = "how long the war lasted: the war started in no world"
    peaks = _peaks(summary)
    if peaks:
        lines.append("  two or more peaks, one per ending (read these, not the overall median):")
        for key, e in peaks:
            lines.append(
                f"    {LABELS[key]:24s} {100 * e['share']:5.1f}% of worlds, median {e['war_months_median']:.1f} months"
            )
    dq = summary.get("armistice_date_quartiles")
    median = summary["armistice_date_median"]
    if median:
        spread = f"; middle half {dq[0]} to {dq[2]}" if dq else ""
        lines.append(f"armistice date (worlds with an armistice): median {median}{spread}")
        if spread_wide(dq):
            lines.append(wrap(SPREAD_NOTE, "  "))
    else:
        lines.append("armistice date: no armistice in any world")
    return lines


def _widest(shares: list[float], n: int) -> float:
    return max((max(p - interval(p, n)[0], interval(p, n)[1] - p) for p in shares), default=0.0)


def interval_note(summary: dict) -> str:
    """A note when a share's 95% interval is wider than +-2 points for this number of worlds, else ""."""
    n = summary["runs"]
    widest = _widest([*summary["shares"].values(), *summary["final_outcome"].values()], n)
    if widest <= WIDE_HALF:
        return ""
    return (
        f"note: with {plural(n, 'world')} a share is known only to within +-{100 * widest:.1f} points "
        f"(95% interval); about 10,000 worlds (--runs 10000) narrow that to +-1 point."
    )


def _row(label: str, *cells: str) -> str:
    text = f"{fit(label, COLS[0] - 1):{COLS[0]}s}" + "".join(
        f"{c:>{w}s}" for c, w in zip(cells, COLS[1:], strict=False)
    )
    return text.rstrip()


def effect_text(e: dict, scale: float = 100.0, digits: int = 1) -> str:
    """A paired effect with its 95% interval: "+1.2 (+0.4, +2.0)" (``scale`` 100: points; 1: as measured)."""
    f = f"{{:+.{digits}f}}"
    return f"{f.format(scale * e['diff'])} ({f.format(scale * e['ci'][0])}, {f.format(scale * e['ci'][1])})"


def _ending(e: dict | None) -> str:
    """An ending's median war length and its share of worlds: "35.9 (85%)"."""
    return f"{e['war_months_median']:.1f} ({100 * e['share']:.0f}%)" if e else "-"


def _block_rows(base: dict, d: dict, n: int) -> list[str]:
    rows = [
        (" " * COLS[0] + f"{'share of worlds (95% interval)':^{COLS[1] + COLS[2]}s}{'effect, points':>{COLS[3]}s}"),
        _row("outcome", "base", "this scenario", "(paired, 95% interval)"),
    ]
    for where in ("shares", "final_outcome"):
        for key in base[where]:
            rows.append(
                _row(
                    LABELS[key],
                    share_with_interval(base[where][key], n),
                    share_with_interval(d[where][key], n),
                    effect_text(d["effects"][key]),
                )
            )
    rows.append(_row("war length, months (at war):", "", "", "effect (no war: 0)"))
    rows.append(
        _row(
            "  median (middle half)", _months(base.get("war_months_quartiles")), _months(d.get("war_months_quartiles"))
        )
    )
    rows.append(
        _row(
            "  mean",
            _number(base.get("war_months_mean")),
            _number(d.get("war_months_mean")),
            effect_text(d["effects"]["war_months"], 1.0),
        )
    )
    for key in dict.fromkeys([k for k, _ in _peaks(base) + _peaks(d)]):
        b, o = base["endings"].get(key), d["endings"].get(key)
        rows.append(_row(f"  median, {LABELS[key]}", _ending(b), _ending(o)))
    rows.append(_row("armistice date (if signed):", "", "", ""))
    rows.append(_row("  median", base["armistice_date_median"] or "-", d["armistice_date_median"] or "-"))
    rows.append(
        _row("  middle half", _dates(base.get("armistice_date_quartiles")), _dates(d.get("armistice_date_quartiles")))
    )
    if spread_wide(base.get("armistice_date_quartiles")) or spread_wide(d.get("armistice_date_quartiles")):
        rows.append(wrap(SPREAD_NOTE, "  "))
    return rows


def _divergence(name: str, d: dict, n: int) -> list[str]:
    lines = [f"{share_with_interval(d['diverged_share'], n)} of worlds diverge from the base; first divergence at:"]
    for point, share in d["first_divergence"].items():
        what = node_label(point) if not point.startswith("(") else "no decision differs, only outcomes"
        lines.append(fit(f"  {share_with_interval(share, n):>18s}  {what}", WIDTH))
    return lines


def comparison_table(
    doc: dict,
    base_doc: dict,
    titles: dict[str, str],
    expects: dict[str, str] | None = None,
    verdicts: dict[str, list] | None = None,
) -> str:
    """A paired comparison, one block per scenario, at most 100 columns wide."""
    n, base = doc["runs"], doc["base"]
    lines = [
        wrap(
            f"Paired comparison on {plural(n, 'world')}, seed {doc['seed']}: world i has the same dice under "
            "every scenario, so each effect is a mean of per-world differences."
        ),
        wrap(f"base: {titles[base]} ({base})"),
    ]
    for k, (name, d) in enumerate(doc["scenarios"].items(), 1):
        lines += ["", "=" * WIDTH, wrap(f"{k}. {titles[name]} ({name})"), ""]
        if expects and expects.get(name):
            lines += [wrap(f"the author expects: {expects[name]}", "   "), ""]
        if verdicts and verdicts.get(name):
            lines += [wrap(line, "   ") for line in predictions.lines(verdicts[name])] + [""]
        lines += [*_block_rows(base_doc, d, n), "", *_divergence(name, d, n)]
    note = interval_note(base_doc)
    if note:
        lines += ["", wrap(note)]
    return "\n".join(lines)


def comparison_table_wide(doc: dict, base_doc: dict, titles: dict[str, str], expects: dict | None = None) -> str:
    """The comparison as one wide table: a column group per scenario (``whatif compare --wide``)."""
    names, base = list(doc["scenarios"]), doc["base"]
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
    for where in ("shares", "final_outcome"):
        for key in base_doc[where]:
            row = f"{LABELS[key]:26s} {base_doc[where][key]:14.1%}"
            for name in names:
                d = doc["scenarios"][name]
                row += f" | {d[where][key]:22.1%}  {effect_text(d['effects'][key]):>24s}"
            lines.append(row)
    row = f"{'war months, median':26s} {_number(base_doc['war_months_median']):>14s}"
    for name in names:
        d = doc["scenarios"][name]
        row += f" | {_number(d['war_months_median']):>22s}  {effect_text(d['effects']['war_months'], 1) + ' mean':>24s}"
    lines.append(row)
    row = f"{'armistice date, median':26s} {base_doc['armistice_date_median'] or '-':>14s}"
    for name in names:
        row += f" | {doc['scenarios'][name]['armistice_date_median'] or '-':>22s}  {'':>24s}"
    lines.append(row)
    for name in names:
        lines += ["", f"{name}:", *_divergence(name, doc["scenarios"][name], doc["runs"])]
    return "\n".join(lines)
