"""The table of ``whatif compare --readings``: each scenario's paired effects under each reading of a dispute,
side by side within 100 columns, and which answers depend on the reading."""

from __future__ import annotations

from sim.output.words import LABELS, WIDTH, fit, month_year, plural, share_with_interval, wrap

LABEL = 30  # then one column per reading, as wide as the rest allows


def _effect(e: dict, scale: float) -> str:
    return f"{scale * e['diff']:+.1f} ({scale * e['ci'][0]:+.1f}, {scale * e['ci'][1]:+.1f})"


def _apart(effects: list[dict]) -> bool:
    """Whether two readings' 95% intervals do not overlap: the reading, not the dice, moves the effect."""
    return max(e["ci"][0] for e in effects) > min(e["ci"][1] for e in effects)


def readings_table(dispute: str, evidence: str, notes: dict, docs: dict, titles: dict) -> str:
    """Effects of each scenario against the base under each reading (``docs``: reading -> compare document)."""
    readings = list(docs)
    width = (WIDTH - LABEL) // len(readings)

    def row(label: str, cells: list[str]) -> str:
        return (f"{fit(label, LABEL - 1):{LABEL}s}" + "".join(f"{fit(c, width - 1):>{width}s}" for c in cells)).rstrip()

    first = docs[readings[0]]
    n, base = first["runs"], first["base"]
    lines = [
        wrap(
            f"Source dispute {dispute} ({evidence}), read each way in turn: the base and every scenario read "
            f"the same way, on the same {plural(n, 'world')} (seed {first['seed']}), so the effects differ "
            "only by the reading."
        )
    ]
    for k, r in enumerate(readings):
        lines.append(wrap(f"{r}{' (the default)' if k == 0 else ''}: {notes[r]}", "  "))
    depends: list[str] = []
    for name in first["scenarios"]:
        per = [docs[r]["scenarios"][name] for r in readings]
        lines += ["", "=" * WIDTH, wrap(f"{titles[name]} ({name}) against {titles[base]} ({base})"), ""]
        lines.append(row("effect, points (95% interval)", readings))
        moved = False
        for key in (*first["base_summary"]["shares"], *first["base_summary"]["final_outcome"]):
            effects = [d["effects"][key] for d in per]
            if all(e["ci"] == [0.0, 0.0] for e in effects):
                continue
            moved = True
            lines.append(row(LABELS[key], [_effect(e, 100.0) for e in effects]))
            if _apart(effects):
                depends.append(f"{LABELS[key]} ({name})")
        if not moved:
            lines.append(fit("  no share moves under any reading", WIDTH))
        war = [d["effects"]["war_months"] for d in per]
        lines.append(row("war length, mean, months", [_effect(e, 1.0) for e in war]))
        if _apart(war):
            depends.append(f"the war's length ({name})")
        medians = [
            (docs[r]["base_summary"]["armistice_date_median"], d["armistice_date_median"])
            for r, d in zip(readings, per, strict=True)
        ]
        dates = [f"{month_year(b)} -> {month_year(o)}" for b, o in medians]
        lines.append(row("armistice, median", dates))
        lines.append(row("worlds that diverge", [share_with_interval(d["diverged_share"], n) for d in per]))
    lines.append("")
    if depends:
        lines.append(wrap("The answer depends on the reading (95% intervals apart) for: " + "; ".join(depends) + "."))
    else:
        lines.append(wrap("No effect depends on the reading beyond the dice: the readings' 95% intervals overlap."))
    return "\n".join(lines)
