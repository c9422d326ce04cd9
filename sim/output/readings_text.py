"""The table of ``whatif compare --readings``: each scenario's paired effects under each reading of a dispute,
side by side within 100 columns, and which answers depend on the reading."""

from __future__ import annotations

from sim.output.compare_text import SPREAD_NOTE, effect_text, interval_note, spread_wide
from sim.output.words import LABELS, WIDTH, fit, month_year, plural, share_with_interval, wrap

LABEL = 26  # then one column per reading, as wide as the rest allows
FEW = 100  # fewer worlds than this: no verdict on what depends on the reading


def _apart(effects: list[dict]) -> bool:
    """Whether two readings' 95% intervals do not overlap: the reading, not the dice, moves the effect."""
    return max(e["ci"][0] for e in effects) > min(e["ci"][1] for e in effects)


def _month(iso: str | None) -> str:
    return month_year(iso) if iso else "none"


def _verdict(depends: list[str], n: int) -> str:
    if n < FEW:
        return (
            f"At {plural(n, 'world')} the intervals are too rough to tell whether any effect depends on the "
            f"reading; run {FEW:,} worlds or more (--runs)."
        )
    if depends:
        return "The answer depends on the reading (95% intervals apart) for: " + "; ".join(depends) + "."
    return (
        f"At {plural(n, 'world')} no effect can be told apart between the readings (their 95% intervals "
        "overlap); more worlds may separate smaller differences."
    )


def _row(label: str, cells: list[str]) -> str:
    """A label, then one right-aligned cell per reading."""
    width = (WIDTH - LABEL) // max(len(cells), 1)
    return (f"{fit(label, LABEL - 1):{LABEL}s}" + "".join(f"{fit(c, width - 1):>{width}s}" for c in cells)).rstrip()


def _block(name: str, readings: list[str], docs: dict, depends: list[str]) -> list[str]:
    """One scenario's rows: every effect that moves, per reading; what depends on the reading goes to ``depends``."""
    first = docs[readings[0]]
    per = [docs[r]["scenarios"][name] for r in readings]
    lines, moved = [_row("effect (95% interval)", readings)], False
    for key in (*first["base_summary"]["shares"], *first["base_summary"]["final_outcome"]):
        effects = [d["effects"][key] for d in per]
        if all(e["ci"] == [0.0, 0.0] for e in effects):
            continue
        moved = True
        lines.append(_row(LABELS[key], [effect_text(e, 100.0) for e in effects]))
        if _apart(effects):
            depends.append(f"{LABELS[key]} ({name})")
    if not moved:
        lines.append(fit("  no share moves under any reading", WIDTH))
    war = [d["effects"]["war_months"] for d in per]
    lines.append(_row("war length, mean (months)", [effect_text(e, 1.0) for e in war]))
    if _apart(war):
        depends.append(f"the war's length ({name})")
    pairs = [(docs[r]["base_summary"], d) for r, d in zip(readings, per, strict=True)]
    medians = [f"{_month(b['armistice_date_median'])} -> {_month(o['armistice_date_median'])}" for b, o in pairs]
    lines.append(_row("armistice, median", medians))
    if any(spread_wide(s.get("armistice_date_quartiles")) for pair in pairs for s in pair):
        lines.append(wrap(SPREAD_NOTE, "  "))
    lines.append(_row("worlds that diverge", [share_with_interval(d["diverged_share"], first["runs"]) for d in per]))
    return lines


def readings_table(
    dispute: str, evidence: str, notes: dict, docs: dict, titles: dict, unchecked: tuple[str, ...] = ()
) -> str:
    """Effects of each scenario against the base under each reading (``docs``: reading -> compare document);
    ``unchecked``: scenarios whose predictions this table does not check."""
    readings = list(docs)
    first = docs[readings[0]]
    n, base = first["runs"], first["base"]
    lines = [
        wrap(
            f"Source dispute {dispute} (evidence {evidence}), read each way in turn: the base and every scenario "
            f"read the same way, on the same {plural(n, 'world')} (seed {first['seed']}), so the effects differ "
            "only by the reading. Effects on shares are in percentage points of worlds, on the war's length in "
            "months (a world without war counts 0 months)."
        )
    ]
    lines += [wrap(f"{r}{' (the default)' if k == 0 else ''}: {notes[r]}", "  ") for k, r in enumerate(readings)]
    depends: list[str] = []
    for name in first["scenarios"]:
        lines += ["", "=" * WIDTH, wrap(f"{titles[name]} ({name}) against {titles[base]} ({base})"), ""]
        lines += _block(name, readings, docs, depends)
    lines += ["", wrap(_verdict(depends, n))]
    note = interval_note({**first["base_summary"], "runs": n})
    if note:
        lines.append(wrap(note))
    if unchecked:
        unchecked_names = ", ".join(unchecked)
        lines.append(
            wrap(f"Predictions ({unchecked_names}) are not checked under --readings; compare without it to check them.")
        )
    return "\n".join(lines)
