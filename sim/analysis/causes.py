"""Probabilities of causation from paired worlds: was a cause necessary, sufficient, or both?

World *i* shares all its dice under every scenario, so running the same worlds
under do(cause) and do(not cause) gives, per world, both potential outcomes:
``Y1`` (the outcome under do(X = 1)) and ``Y0`` (under do(X = 0)). The factual
scenario (the baseline, or one the user names) gives the observed cause ``X``
and outcome ``Y``. From these, Pearl's probabilities of causation are plain
shares of worlds (no identification bounds are needed, because both potential
outcomes are simulated):

- PN, necessity: P(Y0 = 0 | X = 1, Y = 1), among the worlds where the cause and
  the outcome both happened, the share where the outcome would not have
  happened without the cause;
- PS, sufficiency: P(Y1 = 1 | X = 0, Y = 0), among the worlds where neither
  happened, the share where the cause would have brought the outcome;
- PNS, necessity and sufficiency: P(Y1 = 1, Y0 = 0) over all worlds.

Each comes with a 95% Wilson interval and the number of worlds it is computed
on; it is ``None`` when that set of worlds is empty.

>>> from sim.analysis.causes import measure
>>> r = measure("china_entered", "dprk_survives", runs=2000)
>>> r["pn"], r["reading"]

A cause is defined by two interventions written in the scenario language
(``scenarios/README.md``) and by how its factual value is read off an ensemble;
see :data:`CAUSES`. The numbers are shares of the model's worlds under those
definitions, not a historical verdict. The plain-language reading is in
:mod:`sim.analysis.causes_words`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from sim.analysis import causes_words
from sim.analysis.causes_words import OUTCOME_WORDS, Words, outcome_words
from sim.analysis.simulate import run_scenario
from sim.analysis.summary import wilson
from sim.case import outcomes
from sim.engine.ensemble import Ensemble
from sim.scenario import CHOICE_NODES, Scenario, ScenarioError, load, parse
from sim.scenario.grammar import MAX_NAME

ENTRY_FROM = (
    "1949-01-01"  # the first date the model covers: binds every China-entry decision, even where the war starts early
)
STALIN_DEATH = "1953-03-05"

__all__ = [
    "CAUSES",
    "OUTCOME_WORDS",
    "Cause",
    "Words",
    "build_scenarios",
    "do_scenario",
    "measure",
    "outcome_names",
    "outcome_values",
    "outcome_words",
    "probabilities_of_causation",
    "reading",
]


# ------------------------------------------------------------------ the measures
def _share(successes: int, n: int) -> dict:
    if n == 0:
        return {"value": None, "ci": None, "n": 0}
    lo, hi = wilson(successes, n)
    # at 0 or n successes the Wilson bound is exactly 0 or 1; round-off must not leave the value outside
    lo, hi = (0.0 if successes == 0 else float(lo)), (1.0 if successes == n else float(hi))
    return {"value": successes / n, "ci": [lo, hi], "n": int(n)}


def probabilities_of_causation(x: np.ndarray, y: np.ndarray, y1: np.ndarray, y0: np.ndarray) -> dict:
    """PN, PS and PNS from per-world factual cause/outcome and potential outcomes.

    ``x`` and ``y`` are the factual cause and outcome, ``y1`` and ``y0`` the
    outcomes of the same worlds under do(X = 1) and do(X = 0); all boolean
    arrays of one length. Each measure is ``{"value", "ci": [lo, hi], "n"}``
    (95% Wilson interval; ``n`` the worlds it is computed on), with value and
    ci ``None`` when ``n`` is 0.
    """
    x, y, y1, y0 = (np.asarray(a, dtype=bool).ravel() for a in (x, y, y1, y0))
    if not x.size == y.size == y1.size == y0.size:
        raise ValueError(f"x, y, y1 and y0 must have one length, not {x.size}, {y.size}, {y1.size}, {y0.size}.")
    both = x & y
    neither = ~x & ~y
    return {
        "pn": _share(int((both & ~y0).sum()), int(both.sum())),
        "ps": _share(int((neither & y1).sum()), int(neither.sum())),
        "pns": _share(int((y1 & ~y0).sum()), int(x.size)),
    }


def outcome_names() -> tuple[str, ...]:
    """Every outcome ``measure`` accepts: boolean columns, final-outcome categories, ``armistice``."""
    return (*outcomes.BOOLEAN, *outcomes.FINAL, "armistice")


def _check_outcome(outcome: str) -> None:
    if outcome not in outcome_names():
        raise ValueError(f"unknown outcome {outcome!r}. Valid outcomes: {', '.join(outcome_names())}.")


def outcome_values(ens: Ensemble, outcome: str) -> np.ndarray:
    """Y per world: a boolean column, final_outcome == that category, or armistice_date >= 0 (``armistice``)."""
    _check_outcome(outcome)
    if outcome == "armistice":
        return np.asarray(ens.columns["armistice_date"]) >= 0
    if outcome in outcomes.FINAL:
        return np.asarray(ens.columns["final_outcome"]) == outcomes.FINAL.index(outcome)
    return np.asarray(ens.columns[outcome], dtype=bool)


# ------------------------------------------------------------------ causes
@dataclass(frozen=True)
class Cause:
    """A cause X: how to force it on (do_true), how to force it off (do_false), and its factual value.

    ``do_true`` and ``do_false`` are interventions as in a scenario file's
    ``interventions:`` list (one dict per item); they are applied on top of the
    factual scenario. ``factual`` reads X per world off an ensemble. ``did``,
    ``did_not`` and ``noun`` are the words of the reading.
    """

    name: str
    description: str
    do_true: Sequence[dict]
    do_false: Sequence[dict]
    factual: Callable[[Ensemble], np.ndarray]
    did: str
    did_not: str
    noun: str


def _china_entered(ens: Ensemble) -> np.ndarray:
    return np.asarray(ens.columns["china_entered"], dtype=bool)


def _air_cover_offered(ens: Ensemble) -> np.ndarray:
    options = CHOICE_NODES["black_sea"].options
    taken = ens.choices["black_sea"]
    return (taken == options.index("air_cover_now")) | (taken == options.index("air_cover_later"))


def _stalin_died(ens: Ensemble) -> np.ndarray:
    return ens.choice_days["stalin_death"] >= 0


def _us_intervened(ens: Ensemble) -> np.ndarray:
    return np.asarray(ens.columns["us_intervened"], dtype=bool)


def _un_crossed(ens: Ensemble) -> np.ndarray:
    return np.asarray(ens.columns["un_crossed_38th"], dtype=bool)


def _drove_to_yalu(ens: Ensemble) -> np.ndarray:
    return ens.choices["un_advance"] == CHOICE_NODES["un_advance"].options.index("drive_to_yalu")


CAUSES: dict[str, Cause] = {
    c.name: c
    for c in (
        Cause(
            name="china_entered",
            description=(
                "China enters the war. do(1): every Chinese entry decision (the July offer, Stalin's call after "
                "Inchon, Mao's 2 October cable, the Politburo of 5 and 13 October, Mao's 12 October decision, the "
                "Yalu crossing and later reconsiderations) comes out 'enter', on every date (one 'force' on "
                "mao_12oct from the model's first day, 1949-01-01, binds the whole question, also in the few "
                "worlds where the war starts before 25 June 1950), so China enters at its first chance, often "
                "earlier than it did; where the question never arises (no war, no US intervention) nothing "
                "changes. do(0): every one of them comes out 'stay out'. Factual: Chinese troops fought in Korea."
            ),
            do_true=({"force": {"point": "mao_12oct", "option": "enter", "from": ENTRY_FROM}},),
            do_false=({"force": {"point": "mao_12oct", "option": "stop", "from": ENTRY_FROM}},),
            factual=_china_entered,
            did="China entered the war",
            did_not="China stayed out",
            noun="China's entry",
        ),
        Cause(
            name="soviet_air_cover",
            description=(
                "Stalin offers Soviet air cover for the Chinese entry. do(1): at the Black Sea meeting he grants "
                "air cover at once, and if the Yalu question still arises he lets Soviet aircraft cover the CPV over "
                "Korea. do(0): no air cover at the Black Sea and none at the Yalu. Factual: the worlds whose Black "
                "Sea meeting ended with an offer of air cover, at once or in two to two and a half months (the "
                "historical answer); worlds where the meeting never took place count as no offer."
            ),
            do_true=(
                {"force": {"point": "black_sea", "option": "air_cover_now"}},
                {"force": {"point": "stalin_yalu_limit", "option": "over_korea"}},
            ),
            do_false=(
                {"force": {"point": "black_sea", "option": "no_air_cover"}},
                {"force": {"point": "stalin_yalu_limit", "option": "no_air_cover"}},
            ),
            factual=_air_cover_offered,
            did="Stalin offered air cover",
            did_not="Stalin offered no air cover",
            noun="a Soviet offer of air cover",
        ),
        Cause(
            name="stalin_death",
            description=(
                f"Stalin dies in March 1953. do(1): he dies on {STALIN_DEATH}, as he did (a 'move' to that date, "
                "which also restores his death in a scenario that removed it); do(0): he lives past the horizon "
                "('remove'). Factual: he died on any date before the horizon."
            ),
            do_true=({"move": {"event": "stalin_death", "date": STALIN_DEATH}},),
            do_false=({"remove": {"event": "stalin_death"}},),
            factual=_stalin_died,
            did="Stalin died",
            did_not="Stalin lived on",
            noun="Stalin's death in March 1953",
        ),
        Cause(
            name="us_intervened",
            description=(
                "The United States fights. do(1): Truman sends US forces when the invasion comes; do(0): he "
                "stays out. Factual: US forces were committed."
            ),
            do_true=({"force": {"point": "us_intervention", "option": "intervene"}},),
            do_false=({"force": {"point": "us_intervention", "option": "stay_out"}},),
            factual=_us_intervened,
            did="the US intervened",
            did_not="the US stayed out",
            noun="US intervention",
        ),
        Cause(
            name="un_crossed_38th",
            description=(
                "The UN crosses the 38th parallel in pursuit. do(1): when the KPA is routed and UN forces stand at "
                "the parallel, Truman orders them across; do(0): he halts them there, on the line they can hold "
                "just north of it (38.3N). Where the UN never stands at the parallel nothing changes. Factual: UN "
                "forces went north of that line."
            ),
            do_true=({"force": {"point": "un_cross_38th", "option": "cross"}},),
            do_false=({"force": {"point": "un_cross_38th", "option": "halt"}},),
            factual=_un_crossed,
            did="UN forces crossed the 38th parallel",
            did_not="UN forces did not cross the 38th parallel",
            noun="the UN's crossing of the 38th parallel",
        ),
        Cause(
            name="un_drove_to_yalu",
            description=(
                "UN forces north of Pyongyang drive on to the Chinese border. do(1): the UN commander drives to the "
                "Yalu; do(0): he holds at the narrow neck of Korea (39.6N), well short of China's border. Where the UN "
                "never got past Pyongyang without Chinese troops in Korea nothing changes. Factual: the commander "
                "chose to drive on."
            ),
            do_true=({"force": {"point": "un_advance", "option": "drive_to_yalu"}},),
            do_false=({"force": {"point": "un_advance", "option": "hold_at_neck"}},),
            factual=_drove_to_yalu,
            did="UN forces drove on to the Yalu",
            did_not="UN forces did not drive on to the Yalu",
            noun="the UN's drive to the Yalu",
        ),
    )
}


def _cause(name: str) -> Cause:
    if name not in CAUSES:
        raise ValueError(f"unknown cause {name!r}. Valid causes: {', '.join(CAUSES)}.")
    return CAUSES[name]


def _scenario(scenario: Scenario | str) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load(scenario)


def do_scenario(cause: str, value: bool, scenario: Scenario | str = "baseline") -> Scenario:
    """The factual scenario with do(cause = value) on top (a base scenario plus the cause's interventions).

    Raises ValueError when the factual scenario already fixes the cause the other way (e.g. do(China enters)
    on ``china_refuses_12_oct``): the scenario language refuses two different forces of one point.
    """
    c = _cause(cause)
    factual = _scenario(scenario)
    items = [copy.deepcopy(dict(i)) for i in (c.do_true if value else c.do_false)]
    suffix = f"__do_{c.name}_{int(bool(value))}"
    name = factual.name[: MAX_NAME - len(suffix)] + suffix  # a scenario name has at most MAX_NAME characters
    title = f"do({c.name} = {int(bool(value))}) on {factual.name}"
    if factual.source != "<string>":
        data = {"name": name, "title": title, "base": str(Path(factual.source).resolve()), "interventions": items}
    else:  # an in-memory scenario: extend its own document
        data = factual.to_data()
        data.update(name=name, title=title)
        data["interventions"] = [*data.get("interventions", []), *items]
    text = yaml.safe_dump(data, sort_keys=False)
    try:
        return parse(text)
    except ScenarioError as exc:
        raise ValueError(
            f"do({c.name} = {int(bool(value))}) cannot be applied on scenario {factual.name!r}, which already "
            f"fixes what the cause changes; measure it on a scenario that leaves the cause free (such as "
            f"{factual.base.name if factual.base else 'baseline'!r}). The scenario check says: {exc}"
        ) from exc


def build_scenarios(cause: str, scenario: Scenario | str = "baseline") -> tuple[Scenario, Scenario, Scenario]:
    """(factual, do(cause = 1), do(cause = 0)) scenarios, all validated."""
    factual = _scenario(scenario)
    return factual, do_scenario(cause, True, factual), do_scenario(cause, False, factual)


# ------------------------------------------------------------------ the whole measurement
def measure(
    cause: str,
    outcome: str,
    scenario: Scenario | str = "baseline",
    runs: int = 2000,
    seed: int | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> dict:
    """PN, PS and PNS of ``cause`` for ``outcome`` on the worlds of ``scenario`` (JSON-ready dict).

    ``jobs`` and ``scheduler``: where the worlds are simulated (``sim.engine.executors``); never the numbers.

    Runs the factual scenario and do(cause = 1), do(cause = 0) on top of it with
    one seed (default: the scenario's) and the same worlds, so each world gives
    X, Y, Y1 and Y0. ``reading`` is a plain-language paragraph. ``checks`` gives
    how often the cause actually held under each intervention and how often
    the intervention reproduced the factual outcome in the worlds that already
    had that value of the cause (it need not: do(1) may bring the cause about
    earlier or differently than it happened).
    """
    c = _cause(cause)
    _check_outcome(outcome)
    if isinstance(runs, bool) or not isinstance(runs, int | np.integer) or runs < 1:
        raise ValueError(f"runs must be a positive whole number, not {runs!r}.")
    factual, sc1, sc0 = build_scenarios(cause, scenario)
    seed = factual.seed if seed is None else int(seed)
    ens, ens1, ens0 = (run_scenario(s, runs, seed, jobs=jobs, scheduler=scheduler) for s in (factual, sc1, sc0))
    x = np.asarray(c.factual(ens), dtype=bool)
    y = outcome_values(ens, outcome)
    y1 = outcome_values(ens1, outcome)
    y0 = outcome_values(ens0, outcome)
    probs = probabilities_of_causation(x, y, y1, y0)

    def agree(mask: np.ndarray, potential: np.ndarray) -> float | None:
        return float((potential[mask] == y[mask]).mean()) if mask.any() else None

    result = {
        "cause": c.name,
        "outcome": outcome,
        "scenario": factual.name,
        "runs": int(runs),
        "seed": int(seed),
        **probs,
        "factual": {"p_cause": float(x.mean()), "p_outcome": float(y.mean())},
        "interventional": {"p_outcome_do_true": float(y1.mean()), "p_outcome_do_false": float(y0.mean())},
        "checks": {
            "p_cause_do_true": float(np.asarray(c.factual(ens1), dtype=bool).mean()),
            "p_cause_do_false": float(np.asarray(c.factual(ens0), dtype=bool).mean()),
            "same_outcome_do_true_where_cause": agree(x, y1),
            "same_outcome_do_false_where_no_cause": agree(~x, y0),
        },
        "definition": c.description,
    }
    result["reading"] = reading(result)
    return result


def reading(result: dict) -> str:
    """One plain-language paragraph reading a :func:`measure` result, for students (see :mod:`.causes_words`)."""
    c = CAUSES.get(result["cause"])
    did, did_not, noun = (c.did, c.did_not, c.noun) if c else (f"{result['cause']} held", "it did not", "the cause")
    return causes_words.read(result, did, did_not, noun)
