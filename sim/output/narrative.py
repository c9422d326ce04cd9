"""One world in words: the dated narrative of ``whatif explain``, the side-by-side ``whatif diff``,
and the closing sentence on how and when the war ended.

The analysis (:mod:`sim.analysis.explain`) finds the trace, the driving terms
and where two worlds part; this module turns them into text a reader who
has never seen the code can follow, at most 100 columns wide: labels rather
than ids (ids in parentheses), probabilities as "<1% (about 1 in 2,000)"
rather than "0%", and the dice explained.
"""

from __future__ import annotations

import datetime as _dt
import math
import textwrap

from agents import LEADERS
from sim import case
from sim.analysis.explain import Diff, driving_terms
from sim.case.evidence import REGISTRY
from sim.output.words import (
    WIDTH,
    chance,
    fit,
    label,
    leader_label,
    long_date,
    node_label,
    plural,
    wrap,
)

HOW_TO_READ = (
    "How to read it: at each decision the decider's options are listed with the probability that a "
    "leader with this world's weights takes each. The dice are this world's random number for that "
    "decision, between 0 and 1: each option owns a slice of 0-1 as wide as its probability, in the "
    "order listed, and the option whose slice holds the dice is taken. A world keeps its dice under "
    "every scenario, so a different choice means the probabilities moved."
)


ENDINGS = {
    "no_war": "no war",
    "dprk_unifies": "the North unifies Korea",
    "rok_unifies": "the South unifies Korea",
    "divided": "Korea stays divided",
    "ongoing_at_horizon": "still at war",
}


def _digits(width: float) -> int:
    """Decimals enough to tell a slice of this width apart (2 for ordinary slices, up to 6)."""
    return 2 if width >= 0.01 else min(6, max(2, math.ceil(-math.log10(max(width, 1e-9))) + 1))


def _slice(entry: dict) -> str:
    """ "dice 0.79, in its slice 0.00-1.00" for the chosen option."""
    k = entry["options"].index(entry["choice"])
    lo = sum(entry["probabilities"][:k])
    hi = lo + entry["probabilities"][k]
    d = _digits(hi - lo)
    return f"dice {entry['draw']:.{d}f}, in its slice {lo:.{d}f}-{hi:.{d}f}"


def _term_lines(decider: str, term: str, values: list[float], entry: dict) -> list[str]:
    node = case.BY_ID[entry["node"]]
    t = LEADERS[decider].term(term)
    ev = REGISTRY[t.evidence]
    parts = ", ".join(
        f"{node.label(o)} {v:+.2f}" for o, v in zip(entry["options"], values, strict=True) if abs(v) > 5e-4
    )
    head = textwrap.fill(f"{term} ({t.measures}): {parts}", WIDTH, initial_indent=" " * 6, subsequent_indent=" " * 8)
    source = textwrap.fill(
        f"evidence {t.evidence}: {ev.label} - {ev.topic}", WIDTH, initial_indent=" " * 8, subsequent_indent=" " * 10
    )
    return [head, source]


def _choice_line(entry: dict) -> str:
    chosen = case.BY_ID[entry["node"]].label(entry["choice"])
    rule = entry.get("rule")
    if rule == "forced":
        text = (
            f"-> {chosen}: forced by scenario (do(): the probabilities above are what the decider would "
            "have chosen; the dice do not count)"
        )
    elif rule == "forbidden":
        text = f"-> {chosen} (an option was forbidden by the scenario; chosen among the rest, {_slice(entry)})"
    else:
        text = f"-> {chosen} ({_slice(entry)})"
    return wrap(text, "    ")


def describe_entry(entry: dict, terms: int = 4) -> str:
    """One node of a trace in words."""
    node = case.BY_ID[entry["node"]]
    lines = [fit(f"{entry['date']}  {node.title} ({node.id})", WIDTH)]
    if offset := off_history(node, entry["date"]):
        lines.append(wrap(f"(in history on {long_date(node.dated)}; in this world {offset})", "    "))
    if node.narrative:
        lines.append(wrap(f"{node.narrative}  [front at {entry['front']:.2f}N]", "    "))
    if entry["kind"] == "event":
        lines.append("    event: it happens.")
        return "\n".join(lines)
    probs = "; ".join(
        f"{node.label(o)} {chance(p)}" for o, p in zip(entry["options"], entry["probabilities"], strict=True)
    )
    who = "chance decides" if entry["kind"] == "chance" else f"{leader_label(entry['decider'])} decides"
    lines.append(wrap(f"{who}: {probs}", "    "))
    lines.append(_choice_line(entry))
    if entry["kind"] == "chance":
        lines.append(wrap("sources: " + "; ".join(f"{e} ({REGISTRY[e].label})" for e in node.evidence), "    "))
    else:
        lines.append("    what drove it (each term's contribution to each option's utility, largest first):")
        for term, values in driving_terms(entry)[:terms]:
            lines += _term_lines(entry["decider"], term, values, entry)
    return "\n".join(lines)


def told(entry: dict, terms: int = 4) -> dict:
    """One node of a trace in plain words, its code names apart: the classroom page's story.

    The words name things by their titles, names and labels only; ``code``
    holds what a scenario file writes (the point, its options, the weights
    that drove it), for the page's small print. Keys: ``date`` ("5 March
    1949"), ``title``, ``when`` ("" or "in history on 5 October 1950; in this
    world 7 days later"), ``what`` (the node's narrative), ``front``
    (degrees north), ``who`` ("Joseph Stalin", "chance", "" for an event),
    ``odds`` ("approve the invasion <1% (...); refuse it >99%"), ``chosen``
    (the label), ``how`` ("dice 0.79, in its slice 0.00-1.00", or why the
    dice did not count), ``drove`` (what weighed most, largest first:
    ``measures``, ``pulls`` ("approve the invasion -1.44"), ``evidence`` id
    and ``source`` in words), ``sources`` (a chance node's: ``evidence``,
    ``source``) and ``code`` (``point``, ``options``, ``weights``).
    """
    node = case.BY_ID[entry["node"]]
    off = off_history(node, entry["date"])
    out = {
        "date": long_date(entry["date"]),
        "title": node.title,
        "when": f"in history on {long_date(node.dated)}; in this world {off}" if off else "",
        "what": node.narrative or "",
        "front": entry["front"],
        "who": "",
        "odds": "",
        "chosen": node.label(entry["choice"]),
        "how": "",
        "drove": [],
        "sources": [],
        "code": {
            "point": node.id,
            "options": [] if entry["kind"] == "event" else list(entry["options"]),
            "weights": [],
        },
    }
    if entry["kind"] == "event":
        return out
    decider = "chance" if entry["kind"] == "chance" else entry["decider"]
    out["who"] = "chance" if decider == "chance" else LEADERS[decider].name
    out["odds"] = "; ".join(
        f"{node.label(o)} {chance(p)}" for o, p in zip(entry["options"], entry["probabilities"], strict=True)
    )
    out["how"] = _how(entry, "chance would have given" if decider == "chance" else f"{out['who']} would have chosen")
    if entry["kind"] == "chance":
        out["sources"] = [{"evidence": e, "source": _source(e)} for e in node.evidence]
        return out
    for term, values in driving_terms(entry)[:terms]:
        t = LEADERS[decider].term(term)
        pulls = ", ".join(
            f"{node.label(o)} {v:+.2f}" for o, v in zip(entry["options"], values, strict=True) if abs(v) > 5e-4
        )
        out["drove"].append(
            {"measures": t.measures, "pulls": pulls, "evidence": t.evidence, "source": _source(t.evidence)}
        )
        out["code"]["weights"].append(f"{decider}.{term}")
    return out


def _how(entry: dict, would: str) -> str:
    """How the option was taken: the dice in its slice, or the scenario's force or forbid."""
    rule = entry.get("rule")
    if rule == "forced":
        return f"forced by the scenario: the probabilities are what {would}; the dice do not count"
    if rule == "forbidden":
        return f"an option was forbidden by the scenario; chosen among the rest, {_slice(entry)}"
    return _slice(entry)


def _source(evidence: str) -> str:
    """A passage of the evidence registry in words: its source, then what it says."""
    ev = REGISTRY[evidence]
    return f"{ev.label} - {ev.topic}"


def off_history(node, iso: str) -> str:
    """How far a point the title dates (``node.dated``) fell from its documented day in a world, in words;
    "" when on the day or undated. A dated point fires up to 45 days off, after the chain it waits for."""
    if not node.dated or iso == node.dated:
        return ""
    days = (_dt.date.fromisoformat(iso) - _dt.date.fromisoformat(node.dated)).days
    return f"{plural(abs(days), 'day')} {'later' if days > 0 else 'earlier'}"


def narrative(trace: list[dict], title: str, world: int, terms: int = 4) -> str:
    """The dated narrative of one world, opening with how to read it."""
    count = {kind: sum(e["kind"] == kind for e in trace) for kind in ("decision", "chance", "event")}
    head = (
        f"World {world} of '{title}': {plural(count['decision'], 'decision')}, "
        f"{plural(count['chance'], 'chance node')}, {plural(count['event'], 'event')}"
    )
    lines = [wrap(head), "", wrap(HOW_TO_READ), ""]
    lines += [describe_entry(e, terms) + "\n" for e in trace]
    return "\n".join(lines)


def _deaths(world: dict) -> str:
    total = sum(v for k, v in world.items() if k.startswith("deaths_")) * 1000  # columns are in thousands
    if total >= 1e6:
        return f"about {total / 1e6:.1f} million deaths, soldiers and civilians"
    return f"about {round(total, -3):,.0f} deaths, soldiers and civilians"


def ending(world: dict) -> str:
    """How and when one world's war ended, as a dated sentence and plain labels.

    ``world`` maps the outcome columns (``sim.case.outcomes``) to this world's
    values, dates as ISO text (or None) and ``final_outcome`` as its name.
    """
    return "\n".join(wrap(line) for line in ending_lines(world))


def ending_lines(world: dict, ids: bool = True) -> list[str]:
    """:func:`ending`'s paragraphs, unwrapped; ``ids``: the ending's name in parentheses after its words."""
    final, end = world["final_outcome"], long_date(world.get("war_end_date"))
    line = f"{world.get('final_front_latitude', 0):.1f}N"
    sentence = {
        "no_war": "There is no war: the invasion never takes place.",
        "dprk_unifies": f"The war ends on {end} when the North conquers the South; {_deaths(world)}.",
        "rok_unifies": f"The war ends on {end} when the North falls and Korea is unified under the South; "
        f"{_deaths(world)}.",
        "divided": f"The war ends on {end} with an armistice on a line near {line}; {_deaths(world)}.",
        "ongoing_at_horizon": f"The war is still going on at the end of the simulation, the line near {line}; "
        f"{_deaths(world)} so far.",
    }[final]
    happened = [label(k) for k in ("us_intervened", "un_crossed_38th", "china_entered") if world.get(k)]
    happened += [label(k) for k in ("soviet_air_war", "evacuation_ordered", "superpower_war") if world.get(k)]
    lines = [f"How it ended: {ENDINGS[final]}{f' ({final})' if ids else ''}. {sentence}"]
    if happened:
        lines.append("Along the way: " + "; ".join(happened) + ".")
    return lines


def _cell(e: dict | None, width: int) -> tuple[str, str]:
    """Two lines of one step: its date and point, then its id and what was chosen."""
    if e is None:
        return "", ""
    node = case.BY_ID[e["node"]]
    mark = f" [{e['rule']}]" if e.get("rule") else ""
    choice = "it happens" if e["kind"] == "event" else node.label(e["choice"])
    return fit(f"{e['date']} {node.title}", width), fit(f"  {node.id} -> {choice}{mark}", width)


def diff_text(d: Diff, base_title: str, other_title: str, width: int = (WIDTH - 3) // 2) -> str:
    """Side by side from the first decision that differs, at most 100 columns, labels with ids."""
    lines = [wrap(f"World {d.world}: '{base_title}' vs '{other_title}'")]
    if d.common:
        last = d.common[-1]
        lines.append(
            wrap(f"identical until {last['date']} ({plural(len(d.common), 'step')}, last: {node_label(last['node'])})")
        )
    lines += [wrap(f"first difference: {d.reason}"), ""]
    lines.append(f"{fit(base_title, width):{width}s} | {fit(other_title, width)}")
    lines.append("-" * width + "-+-" + "-" * width)
    for i in range(max(len(d.base), len(d.other))):
        left = _cell(d.base[i] if i < len(d.base) else None, width)
        right = _cell(d.other[i] if i < len(d.other) else None, width)
        lines += [f"{a:{width}s} | {b}".rstrip() for a, b in zip(left, right, strict=True)]
    return "\n".join(lines)


def _step(e: dict) -> dict:
    """One step of a history in plain words, its code apart: ``date`` ("12 October 1950"), ``title``, ``who``
    ("Mao Zedong", "chance", "" for an event), ``chosen`` (the option's label, "it happens" for an event), ``how``
    ("" or what the scenario did there), ``code`` ("politburo_5oct, option hold_back") and ``day`` (its date as
    ``YYYY-MM-DD``)."""
    node = case.BY_ID[e["node"]]
    event = e["kind"] == "event"
    who = "" if event else "chance" if e["kind"] == "chance" else LEADERS[e["decider"]].name
    how = {"forced": "forced by the scenario", "forbidden": "an option forbidden by the scenario"}.get(e.get("rule"))
    return {
        "date": long_date(e["date"]),
        "title": node.title,
        "who": who,
        "chosen": "it happens" if event else node.label(e["choice"]),
        "how": how or "",
        "code": node.id if event else f"{node.id}, option {e['choice']}",
        "day": e["date"],
    }


def _merged(base: list[dict], other: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Two histories in one order of dates: a point both reach on the same day side by side, others alone."""
    out, i, j = [], 0, 0
    while i < len(base) or j < len(other):
        a = base[i] if i < len(base) else None
        b = other[j] if j < len(other) else None
        if a is not None and b is not None and a["node"] == b["node"] and a["date"] == b["date"]:
            out.append((a, b))
            i, j = i + 1, j + 1
        elif b is None or (a is not None and a["date"] <= b["date"]):
            out.append((a, None))
            i += 1
        else:
            out.append((None, b))
            j += 1
    return out


def scenario_code(kind: str, data: dict) -> str:
    """An intervention as a scenario file writes it: ``force: {point: politburo_5oct, option: hold_back}``."""
    return f"{kind}: {{{', '.join(f'{k}: {v}' for k, v in data.items())}}}"


def _rule_code(point: str, why: dict) -> str:
    """A force or forbid at ``point`` in the scenario language; where the scenario binds the point through another
    decision on the same question, the intervention it writes too."""
    kind, by = "force" if why["rule"] == "forced" else "forbid", why.get("by")
    written = scenario_code(*next(iter(by.items()))) if by else ""
    if (why["named"] and by) or why.get("option") is None:  # the intervention as the scenario writes it
        return written or f"{kind}: {{point: {point}}}"
    code = scenario_code(kind, {"point": point, "option": why["option"]})
    return code + (f" (the scenario writes {written}, which binds it)" if by else "")


def _first(d: Diff) -> tuple[str, str]:
    """The first difference and why, in words; and its code names."""
    why = d.why
    node = case.BY_ID[why["node"]] if why.get("node") else None
    if why["kind"] == "same":
        return "The two scenarios give this world the same history.", ""
    if why["kind"] == "event":
        if why["removed"]:
            return f'The change removes the event "{node.title}": it never happens.', f"remove: {{event: {node.id}}}"
        code = scenario_code("move", {"event": node.id, "date": why.get("date")})
        return f'The change moves the event "{node.title}" to another date.', code
    if why["kind"] == "rule":
        step = next(e for e in d.other + d.base if e["node"] == node.id)
        if why["rule"] == "forced":
            text = (
                f'The change forces the choice at "{node.title}": "{node.label(step["choice"])}" is taken whatever '
                "the dice say (the scenario's intervention)."
            )
        else:
            text = (
                f'The change forbids an option at "{node.title}", so the decider chose among the others '
                "(the scenario's intervention)."
            )
        if not why["named"]:
            text += (
                " The change does not name this decision itself: it sets another decision on the same question from "
                "a date on, and that holds every decision on the question (all of China's entry decisions, for "
                "example)."
            )
        return text, _rule_code(node.id, why)
    if why["kind"] == "dice":
        moves = "; ".join(f'"{node.label(o)}" from {chance(pa)} to {chance(pb)}' for o, pa, pb in why["moves"])
        text = (
            f'"{node.title}" came out differently. Nothing forced it: what happened before it had changed, so the '
            f"odds moved ({moves or 'a little'}), while this world's dice were the same ({why['draw']:.2f}) and "
            "now fell on another option."
        )
        return text, node.id
    text = (
        f'What happened before had changed, so "{node.title}" happens in one history and not at that moment in '
        "the other (on another day, or never)."
    )
    return text, node.id


def parted(d: Diff) -> dict:
    """Where two histories of one world part and why, in plain words, their code names apart: the classroom
    page's "Why did this world differ?".

    Keys: ``world``; ``same`` ("" if they differ from the first step, else "The two histories are the same for 21
    steps, until 9 October 1950 (Mao's 2 October cable)."); ``first`` (the first difference and why, a sentence or
    three; "" if there is none) with ``first_code`` (its code names); ``rows``: the histories from the first
    difference on in one order of dates, each row a (base step, other step) pair, either None where only the other
    history has a step then (steps as ``_step`` gives them: ``date``, ``title``, ``who``, ``chosen``, ``how``,
    ``code``, ``day``).
    """
    same, (first, first_code) = "", _first(d)
    if d.common:
        last = d.common[-1]
        until = f"{long_date(last['date'])} ({case.BY_ID[last['node']].title})"
        same = f"The two histories are the same for {plural(len(d.common), 'step')}, until {until}."
        if d.why["kind"] == "same":
            same, first = f"The two histories are the same, all {plural(len(d.common), 'step')} to {until}.", ""
    rows = [(a and _step(a), b and _step(b)) for a, b in _merged(d.base, d.other)]
    return {"world": d.world, "same": same, "first": first, "first_code": first_code, "rows": rows}
