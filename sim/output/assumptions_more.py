"""Plain-text reports of attribution, convergence and ablation (sensitivity and discovery: ``assumptions``)."""

from __future__ import annotations

import textwrap

import numpy as np

from agents import LEADERS
from sim import case
from sim.analysis.ablation import HEADLINE
from sim.output.words import WIDTH, long_date, plural

NOTE_SHAPLEY = (
    "Shapley value: how much keeping this choice (rather than its alternative) moves the outcome, averaged over "
    "every order in which the choices could be switched back; the values add up to the outcome of this world "
    "minus that of the world where every listed choice went the other way (the same dice). But-for: the "
    "outcome with that choice alone switched and everything after it free to follow."
)


def _who(key: str | None) -> str:
    return LEADERS[key].name if key in LEADERS else "chance"


def _value(measure, y: float) -> str:
    if measure.binary:
        return "yes" if y >= 0.5 else "no"
    return measure.format(y)


def _players_rows(w, measure, top: int) -> list[str]:
    order = np.argsort(-np.abs(w.shapley), kind="stable")
    shown = order if top <= 0 else order[:top]
    causes = set(w.but_for_causes())
    lines = [f"  {'Shapley':>9s} {'':7s}  {'date':10s}  {'point':22s} choice (kept) vs alternative; decider; but-for"]
    for j in shown:
        pl = w.players[j]
        se = f"+-{w.se[j]:.2f}" if w.se is not None else ""
        bf = f"-> {_value(measure, w.but_for[j])}" + (" (a but-for cause)" if j in causes else "")
        lines.append(
            f"  {w.shapley[j]:+9.3g} {se:7s}  {pl.date:10s}  {pl.point:22s} {pl.actual} vs {pl.alternative}; "
            f"{_who(pl.decider)}; {bf}"
        )
    if len(shown) < len(order):
        lines.append(f"  ... {len(order) - len(shown)} more choices (--top 0 shows all)")
    return lines


def _reading(w, measure) -> list[str]:
    causes = [w.players[j] for j in w.but_for_causes()]
    if causes:
        names = "; ".join(f"{p.title} ({p.point}: {p.actual}, not {p.alternative})" for p in causes)
        text = f"But for {names}, the outcome would have been different in this world."
    elif w.pairs:
        pairs = "; ".join(f"{w.players[a].point} with {w.players[b].point}" for a, b in w.pairs[:6])
        text = (
            "No single choice, switched alone, changes the outcome: it is overdetermined (another path leads to "
            f"the same end). Switched together, these pairs change it: {pairs}."
        )
    else:
        text = "No single choice (and, for a yes/no outcome, no pair) switched on its own changes the outcome."
    if abs(w.all_actual - w.all_alternative) < 1e-12:
        text += (
            " The world with every listed choice switched ends the same way, so the Shapley values add up to 0: "
            "they show choices that push in opposite directions, not a difference made."
        )
    return textwrap.wrap(text, WIDTH)


def attribution_text(res, top: int = 12) -> str:
    """One world (or the first of several) in words, or the ensemble summary for several worlds."""
    m = res.measure
    if len(res.worlds) > 1:
        return _ensemble_text(res, top)
    w = res.worlds[0]
    exact = "exact" if w.se is None else f"averaged over {res.permutations} random orders, +- standard error"
    lines = [
        f"Attribution of: {m.label} [{m.text}] in world {w.world} of {res.scenario} (seed {res.seed})",
        f"in this world: {_value(m, w.factual)}; with every one of the {len(w.players)} choices below switched to "
        f"its alternative: {_value(m, w.all_alternative)}.",
        f"Shapley values ({exact}), largest first:",
        *_players_rows(w, m, top),
        "",
        *_reading(w, m),
        "",
        *textwrap.wrap(NOTE_SHAPLEY, WIDTH),
    ]
    return "\n".join(lines)


def _ensemble_text(res, top: int) -> str:
    m = res.measure
    rows = res.summary()
    lines = [
        f"Attribution of: {m.label} [{m.text}] over worlds {res.worlds[0].world}-{res.worlds[-1].world} of "
        f"{res.scenario} (seed {res.seed}; {len(res.worlds)} worlds, each with its own path)",
        f"{'point':22s} {'mean Shapley':>12s} {'mean |Shapley|':>15s} {'on path':>8s} {'but-for':>8s}  decider",
    ]
    for r in rows[: top if top > 0 else None]:
        lines.append(
            f"{r['point']:22s} {r['shapley']:+12.3g} {r['abs_shapley']:15.3g} {r['on_path']:8.0%} {r['but_for']:8.0%}"
            f"  {_who(r['decider'])}"
        )
    lines.append("")
    lines += textwrap.wrap(
        "mean Shapley: over the worlds (0 where the point is not on a world's path); on path: share of worlds "
        "where it was a choice; but-for: share of worlds where switching it alone changes the outcome.",
        110,
    )
    return "\n".join(lines)


READING = (
    "How to read it: a choice's Shapley value is how much keeping it, rather than its alternative, moved the "
    "answer, shared out fairly among the choices (averaged over every order in which they could be switched back); "
    "+1 would mean it alone turned the answer from no to yes, -1 from yes to no, 0 that it made no difference. "
    "A but-for cause is a choice that, switched on its own (everything after it free to follow), changes the answer."
)


def _pushed(measure, value: float, se: str = "") -> str:
    """A Shapley value in words: "+0.16 (+-0.05), toward yes" (a yes/no outcome), else the value."""
    if abs(value) < 0.005:
        return f"0{se}, no difference"
    if measure.binary:
        return f"{value:+.2f}{se}, toward {'yes' if value > 0 else 'no'}"
    return f"{value:+.3g}{se}"


def attribution_told(res, world: int = 0, scenario: str | None = None) -> dict:
    """One world's attribution in plain words, its code names apart: the classroom page's "Which choices made
    China's entry?".

    Keys: ``question`` (the outcome in words), ``answer`` ("yes"/"no" or the value in this world), ``switched`` (the
    same with every listed choice switched), ``head`` (a sentence saying both), ``reading`` (what the but-for tests
    found), ``how_to_read`` (:data:`READING`), ``exact`` (a sentence on how the values were computed); ``choices``:
    the choices that moved the answer or are but-for causes, largest value first, each with ``date``, ``title``,
    ``who``, ``kept`` and ``instead`` (the options' labels), ``value`` (the Shapley value), ``contribution`` ("+0.16
    (+-0.05), toward yes"), ``but_for`` (the answer with it alone switched: "still no", "yes: a but-for cause"),
    ``cause`` (a but-for cause) and ``code`` ("un_advance, option drive_to_yalu (alternative hold_at_neck)");
    ``idle``: the titles and codes of the choices that made no difference; ``code`` (the command that prints it, the
    scenario as ``scenario`` if given).
    """
    m, w = res.measure, res.worlds[world]
    causes = set(w.but_for_causes())
    answer, switched = _value(m, w.factual), _value(m, w.all_alternative)
    n = len(w.players)
    out = {
        "question": m.label,
        "answer": answer,
        "switched": switched,
        "head": f'In world {w.world} the answer to "{m.label}" is {answer}; with all {plural(n, "choice")} on its '
        f"path switched to their alternative, it is {switched}.",
        "how_to_read": READING,
        "exact": "The values are exact."
        if w.se is None
        else f"With {n} choices the values are averaged over {res.permutations} random orders (the +- is the "
        "standard error).",
        "code": f"whatif attribute {scenario or res.scenario} --outcome {m.text} --world {w.world}"
        + ("" if w.se is None else f" --permutations {res.permutations}"),
        "choices": [],
        "idle": [],
    }
    order = np.argsort(-np.abs(w.shapley), kind="stable")
    for j in order:
        if abs(w.shapley[j]) < 0.005 and j not in causes:
            out["idle"].append({"title": w.players[j].title, "code": w.players[j].point})
        else:
            out["choices"].append(_choice_told(m, w, j, j in causes))
    out["reading"] = _reading_told(w, m)
    return out


def _choice_told(m, w, j: int, cause: bool) -> dict:
    """One choice of :func:`attribution_told`'s ``choices``."""
    pl = w.players[j]
    node = case.BY_ID[pl.point]
    alone = _value(m, w.but_for[j])
    se = "" if w.se is None else f" (+-{w.se[j]:.2f})"
    return {
        "date": long_date(pl.date),
        "title": pl.title,
        "who": _who(pl.decider),
        "kept": node.label(pl.actual),
        "instead": node.label(pl.alternative),
        "value": float(w.shapley[j]),
        "contribution": _pushed(m, float(w.shapley[j]), se),
        "but_for": f"{alone}: a but-for cause" if cause else f"still {alone}",
        "cause": cause,
        "code": f"{pl.point}, option {pl.actual} (alternative {pl.alternative})",
    }


def _reading_told(w, measure) -> str:
    """:func:`_reading` in plain words: the but-for causes by title and option, no code names."""

    def said(pl) -> str:
        node = case.BY_ID[pl.point]
        return (
            f'{pl.title}, where {_who(pl.decider)} chose "{node.label(pl.actual)}" over "{node.label(pl.alternative)}"'
        )

    causes = [w.players[j] for j in w.but_for_causes()]
    if causes:
        text = (
            f"Any one of these choices, switched on its own, changes the answer in this world: "
            f"{'; '.join(said(p) for p in causes)}."
        )
    elif w.pairs:
        pairs = "; ".join(f"{w.players[a].title} with {w.players[b].title}" for a, b in w.pairs[:6])
        text = (
            "No single choice, switched on its own, changes the answer: another path leads to the same end. "
            f"Switched together, these pairs change it: {pairs}."
        )
    else:
        text = "No single choice (and no pair of choices) switched on its own changes the answer."
    if abs(w.all_actual - w.all_alternative) < 1e-12:
        text += (
            " With every choice switched, the world ends the same way, so the values add up to 0: they show choices "
            "pushing in opposite directions, not a difference made."
        )
    return text


def convergence_text(res) -> str:
    """The estimate and its 95% interval at growing numbers of worlds, and what more worlds would buy."""
    m = res.measure
    lines = [
        f"Convergence of: {m.label} [{m.text}], scenario {res.scenario}, seed {res.seed}",
        f"{'worlds':>9s}  {'estimate':>12s}  {'95% interval':>27s}  {'half-width':>12s}",
    ]
    for p in res.curve:
        half = (p["high"] - p["low"]) / 2
        span = f"{m.format(p['low'])} - {m.format(p['high'])}"
        width = (
            f"+-{half:.2%}" if m.kind == "share" else (f"+-{half:.0f} days" if m.kind == "date" else f"+-{half:.3g}")
        )
        lines.append(f"{p['n']:9,d}  {m.format(p['estimate']):>12s}  {span:>27s}  {width:>12s}")
    last = res.curve[-1]
    need = res.needed
    target = f"+-{res.target:.3g}"
    if m.kind == "share":
        target = f"+-{res.target * 100:g} percentage point"
    elif m.kind == "date":
        target = f"+-{res.target:g} days"
    lines.append("")
    if need is None:
        lines.append("every world gives the same value: the interval is already a point.")
    else:
        met = "met" if need <= last["n"] else f"{need / last['n']:.1f} times the worlds run"
        lines.append(
            f"an interval of {target} needs about {need:,} worlds ({met}); the half-width shrinks as 1/sqrt(n)."
        )
    return "\n".join(lines)


def ablation_text(res) -> str:
    """Per leader and policy: the change in fidelity and in the library's answers."""
    base = res.fidelity[0]
    changes = res.changes()
    n_points = len(base.p_historical)
    lines = [
        "Ablation: each leader's documented preferences replaced in turn by a policy that knows nothing",
        f"fidelity on the historical path over {res.runs:,} worlds; the library's {len(changes)} scenarios against "
        f"the baseline over {res.library_runs:,} worlds each; seed {res.seed}",
        "",
        f"{'leader':18s} {'policy':11s} {'log-lik':>8s} {'change':>8s} {'hits':>7s} {'P at own points':>16s}"
        f" {'library change':>15s}  largest change of a scenario's effect",
    ]
    for v, ((leader, policy), fid) in enumerate(zip(res.chosen, res.fidelity, strict=True)):
        own = [fid.p_historical[q] for q in res.own_points(leader) if q in fid.p_historical] if policy else []
        own_text = f"{np.mean(own):.2f}" if own else "-"
        per = np.array([abs(c[v]) for c in changes.values()]) if changes else np.zeros((1, 1))
        worst = _largest(changes, v) if policy else ""
        ll = fid.log_likelihood()
        lines.append(
            f"{leader:18s} {policy or '-':11s} {ll:8.2f} {ll - base.log_likelihood():+8.2f}"
            f" {fid.hits():3d}/{n_points:<3d} {own_text:>16s} {per.mean() * 100:12.1f} pp  {worst}"
        )
    lines.append("")
    lines += textwrap.wrap(
        "log-lik: the log-likelihood of the historical choices summed over the decision points (higher is better; "
        "'change' against the documented model); hits: points where the historical choice is more likely than any "
        "other; library change: the mean absolute change, over the library's scenarios and the outcomes "
        f"{', '.join(HEADLINE)}, of each scenario's effect against the baseline. 'historical' knows the answer: "
        "it is a ceiling for fidelity, not a model.",
        110,
    )
    return "\n".join(lines)


def _largest(changes: dict[str, np.ndarray], v: int) -> str:
    best, where = 0.0, ""
    for name, c in changes.items():
        j = int(np.argmax(np.abs(c[v])))
        if abs(c[v, j]) > abs(best):
            best, where = float(c[v, j]), f"{name}: {HEADLINE[j]} {c[v, j] * 100:+.0f} pp"
    return where
