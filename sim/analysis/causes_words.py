"""The plain-language reading of a probability-of-causation result, for students.

:func:`read` turns a :func:`sim.analysis.causes.measure` result into one
paragraph: how often the cause was necessary and sufficient for the outcome
in this model's worlds, in words ("usually", "rarely") and in numbers with
their 95% intervals, what forcing it on or off did, and a reminder that these
are shares of simulated worlds, not a historical verdict. :data:`OUTCOME_WORDS`
says each outcome four ways (it happened, it did not, it would have, it would
not have).
"""

from __future__ import annotations

from typing import NamedTuple

from sim.case import outcomes


class Words(NamedTuple):
    """How the reading says an outcome: it happened, it did not, it would have, it would not have."""

    did: str
    did_not: str
    would: str
    would_not: str


OUTCOME_WORDS: dict[str, Words] = {
    "war_started": Words(
        "the war began", "the war did not begin", "the war would have begun", "the war would not have begun"
    ),
    "us_intervened": Words(
        "US forces fought", "US forces did not fight", "US forces would have fought", "US forces would not have fought"
    ),
    "un_sanctioned": Words(
        "the Security Council authorised UN action",
        "the Security Council did not authorise UN action",
        "the Security Council would have authorised UN action",
        "the Security Council would not have authorised UN action",
    ),
    "un_crossed_38th": Words(
        "UN forces crossed the 38th parallel",
        "UN forces did not cross the 38th parallel",
        "UN forces would have crossed the 38th parallel",
        "UN forces would not have crossed the 38th parallel",
    ),
    "china_entered": Words(
        "Chinese troops fought in Korea",
        "Chinese troops did not fight in Korea",
        "Chinese troops would have fought in Korea",
        "Chinese troops would not have fought in Korea",
    ),
    "soviet_air_war": Words(
        "Soviet air units fought",
        "Soviet air units did not fight",
        "Soviet air units would have fought",
        "Soviet air units would not have fought",
    ),
    "soviet_ground_troops": Words(
        "Soviet ground troops were sent",
        "no Soviet ground troops were sent",
        "Soviet ground troops would have been sent",
        "no Soviet ground troops would have been sent",
    ),
    "superpower_war": Words(
        "the US and the USSR went to open war",
        "the US and the USSR did not go to open war",
        "the US and the USSR would have gone to open war",
        "the US and the USSR would not have gone to open war",
    ),
    "evacuation_ordered": Words(
        "Stalin ordered the North evacuated",
        "Stalin did not order the North evacuated",
        "Stalin would have ordered the North evacuated",
        "Stalin would not have ordered the North evacuated",
    ),
    "dprk_survives": Words(
        "North Korea survived",
        "North Korea did not survive",
        "North Korea would have survived",
        "North Korea would not have survived",
    ),
    "armistice": Words(
        "an armistice was signed",
        "no armistice was signed",
        "an armistice would have been signed",
        "no armistice would have been signed",
    ),
    "no_war": Words(
        "there was no war", "there was a war", "there would have been no war", "there would have been a war"
    ),
    "dprk_unifies": Words(
        "Korea was unified under the North",
        "Korea was not unified under the North",
        "Korea would have been unified under the North",
        "Korea would not have been unified under the North",
    ),
    "rok_unifies": Words(
        "Korea was unified under the South",
        "Korea was not unified under the South",
        "Korea would have been unified under the South",
        "Korea would not have been unified under the South",
    ),
    "divided": Words(
        "Korea ended divided",
        "Korea did not end divided",
        "Korea would have ended divided",
        "Korea would not have ended divided",
    ),
    "ongoing_at_horizon": Words(
        "the war was still going at the horizon",
        "the war was not still going at the horizon",
        "the war would still have been going at the horizon",
        "the war would not still have been going at the horizon",
    ),
}


def outcome_words(outcome: str) -> Words:
    """The reading's words for an outcome (generic words from its column description if it has none)."""
    if outcome in OUTCOME_WORDS:
        return OUTCOME_WORDS[outcome]
    what = outcomes.DESCRIPTIONS.get(outcome, outcome.replace("_", " "))
    return Words(
        f"'{what}' held", f"'{what}' did not hold", f"'{what}' would have held", f"'{what}' would not have held"
    )


def _num(v: float) -> str:
    """A share as a percentage number: whole percent, one decimal within 1% of 0 or 1 ("99.4")."""
    x = 100 * v
    text = f"{x:.1f}" if (0 < x < 1 or 99 < x < 100) else f"{x:.0f}"
    return text.removesuffix(".0")


def _pct(v: float) -> str:
    if 0 < v < 0.0005:
        return "under 0.1%"
    if 0.9995 <= v < 1:
        return "over 99.9%"
    return f"{_num(v)}%"


def _interval(ci: list[float]) -> str:
    lo, hi = ci
    return f"95% interval {_num(lo)}-{_num(hi)}%"


def _degree(v: float) -> str:
    if v >= 0.95:
        return "almost always"
    if v >= 0.75:
        return "usually"
    if v >= 0.5:
        return "more often than not"
    if v >= 0.25:
        return "sometimes"
    if v >= 0.05:
        return "rarely"
    return "almost never"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _few(n: int) -> str:
    return f"; only {n:,} worlds, so this share is rough" if n < 30 else ""


def read(result: dict, did: str, did_not: str, noun: str) -> str:
    """One plain-language paragraph reading a measure result.

    ``did``/``did_not`` say that the cause happened or not ("China entered the
    war"), ``noun`` names it ("China's entry").
    """
    w = outcome_words(result["outcome"])
    parts = [
        _necessity(result, did, noun, w),
        _sufficiency(result, did, did_not, noun, w),
        _overall(result, noun, w),
        _interventional(result, noun, w),
        "These are shares of the model's simulated worlds under its assumptions and the stated definitions "
        "of the intervention, not a historical verdict on what caused what.",
    ]
    return " ".join(p for p in parts if p)


def _necessity(result: dict, did: str, noun: str, w: Words) -> str:
    runs, pn = result["runs"], result["pn"]
    p_cause, p_outcome = result["factual"]["p_cause"], result["factual"]["p_outcome"]
    if pn["value"] is not None:
        v = pn["value"]
        return (
            f"In the worlds where {did} and {w.did} ({pn['n']:,} of {runs:,}), {w.would_not} without {noun} "
            f"in {_pct(v)} of them ({_interval(pn['ci'])}{_few(pn['n'])}): by this model {noun} was "
            f"{_degree(v)} necessary for it."
        )
    if p_cause == 0:
        return f"{_cap(did)} in none of the {runs:,} worlds of this scenario, so necessity cannot be measured here."
    if p_outcome == 0:
        return f"It never happened in this scenario that {w.did}, so necessity cannot be measured here."
    return f"No world had both ({did} and {w.did}), so necessity cannot be measured here."


def _sufficiency(result: dict, did: str, did_not: str, noun: str, w: Words) -> str:
    runs, ps = result["runs"], result["ps"]
    p_cause, p_outcome = result["factual"]["p_cause"], result["factual"]["p_outcome"]
    if ps["value"] is not None:
        v = ps["value"]
        return (
            f"In the worlds where neither happened ({did_not} and {w.did_not}: {ps['n']:,} of {runs:,}), "
            f"{w.would} with {noun} in {_pct(v)} of them ({_interval(ps['ci'])}{_few(ps['n'])}): "
            f"{noun} was {_degree(v)} sufficient to bring it about."
        )
    if p_cause == 1:
        return (
            f"{_cap(did)} in every one of the {runs:,} worlds of this scenario, so sufficiency cannot be "
            "measured here (no world lacked the cause)."
        )
    if p_outcome == 1:
        return (
            f"In every world of this scenario {w.did}, so sufficiency cannot be measured here "
            "(no world lacked the outcome)."
        )
    return "No world lacked both the cause and the outcome, so sufficiency cannot be measured here."


def _overall(result: dict, noun: str, w: Words) -> str:
    pns = result["pns"]
    return (
        f"Overall, {noun} made the difference in {_pct(pns['value'])} of all worlds ({_interval(pns['ci'])}): in "
        f"those, {w.would} with it and not without it (the probability of necessity and sufficiency, PNS)."
    )


def _interventional(result: dict, noun: str, w: Words) -> str:
    inter, checks = result.get("interventional"), result.get("checks") or {}
    if not inter:
        return ""
    took = checks.get("p_cause_do_true")
    note = (
        f" (it took hold in {_pct(took)} of them; in the rest the decision never came up)"
        if took is not None and took < 0.99
        else ""
    )
    left = checks.get("p_cause_do_false")
    note0 = f" (it still held in {_pct(left)} of them)" if left is not None and left > 0.01 else ""
    return (
        f"Had {noun} been forced in every world{note}, {w.would} in {_pct(inter['p_outcome_do_true'])} of "
        f"them; had it been ruled out{note0}, in {_pct(inter['p_outcome_do_false'])}."
    )
