"""What the classroom page (``sim/web``) needs to know of the case, without importing below the API.

The page's switches, sliders and pickers are built from these tables, so
they name only points, options, disputes and weights the scenario language
accepts; :func:`verdicts` checks a scenario's ``predict`` against an
ensemble in memory, and :func:`bibliography` turns the evidence ids of a
narrative into bibliography entries the page can link to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sim.api.common import load as _scenario
from sim.api.common import use_scenario_folders
from sim.scenario import MAX_RUNS, Scenario
from sim.scenario.library import user_folders

# the decision points the page offers as switches, in causal order (issue 14: at least these five)
SWITCHES = ("kim_request_3", "us_intervention", "inchon_landing", "un_cross_38th", "black_sea", "mao_12oct")
SEATS = ("mao", "stalin", "truman", "kim")  # leaders a student may play
DEATH = "stalin_death"
WORLDS = MAX_RUNS  # a world is 0 to WORLDS - 1, as `whatif explain --world` takes (a scenario's runs at most)
FOLDERS = "WHATIF_PAGE_SCENARIO_FOLDERS"  # `whatif --scenario-path DIR serve`'s folders, handed to the page's server


def scenario_folders() -> list[str]:
    """Where scenarios are found by name apart from the library, in search order, each as "FOLDER (how it was
    given)": the ``--scenario-path`` folders, those of ``WHATIF_SCENARIO_PATH``, ``./scenarios/``. A folder that
    is named but missing raises ScenarioError (as ``whatif list`` does)."""
    return [f"{folder} ({how})" for folder, how in user_folders()]


def use_page_folders(environ) -> None:
    """The page's server: search the ``--scenario-path`` folders ``whatif serve`` was given (in ``environ``'s
    :data:`FOLDERS`, separated by the path separator), as the command line does."""
    given = environ.get(FOLDERS)
    if given:
        use_scenario_folders([f for f in given.split(os.pathsep) if f])


@dataclass(frozen=True)
class Switch:
    """A decision point as a switch: its options with labels, the historical choice, and the date a force
    or forbid holds from (points deciding a question, such as China's entry, are bound from that day on)."""

    point: str
    title: str
    decider: str
    options: tuple[tuple[str, str], ...]
    historical: str | None
    since: str | None

    def intervention(self, setting: str) -> dict | None:
        """The scenario intervention for a setting ``free``, ``force:OPTION`` or ``forbid:OPTION``."""
        if setting == "free":
            return None
        mode, _, option = setting.partition(":")
        data = {"point": self.point, "option": option}
        if self.since:
            data["from"] = self.since
        return {mode: data}

    def settings(self) -> list[tuple[str, str]]:
        """(setting, label) pairs: free, each option forced, and for three or more options each forbidden."""
        out = [("free", "the model decides")]
        out += [(f"force:{o}", f"force: {lab}") for o, lab in self.options]
        if len(self.options) > 2:
            out += [(f"forbid:{o}", f"forbid: {lab}") for o, lab in self.options]
        return out


def switches() -> list[Switch]:
    """The page's decision switches (:data:`SWITCHES`)."""
    from sim import case

    out = []
    for pid in SWITCHES:
        node = case.BY_ID[pid]
        since = node.dated if getattr(node, "question", None) else None
        opts = tuple((o, node.label(o)) for o in node.options)
        out.append(Switch(pid, node.title, getattr(node, "decider", ""), opts, node.historical, since))
    return out


def title(point: str) -> str:
    """A decision point's or event's title ("Stalin and Chinese troops after Inchon")."""
    from sim import case

    return case.BY_ID[point].title


def decided_by(point: str) -> str:
    """Who decides at a decision point, by name ("Mao Zedong"); "chance" at a chance node, "" for an event."""
    from agents import LEADERS
    from sim import case

    node = case.BY_ID[point]
    key = getattr(node, "decider", None)
    if key:
        return LEADERS[key].name if key in LEADERS else key
    return "" if not getattr(node, "options", None) or len(node.options) < 2 else "chance"


def event_date(event: str) -> str | None:
    """The day an event a scenario may move happens in history (``YYYY-MM-DD``), None for any other node."""
    from sim import case
    from sim.scenario import MOVABLE

    return case.BY_ID[event].window[0] if event in MOVABLE else None


def labels() -> dict[str, dict[str, str]]:
    """Every node's options in words: node -> option -> label."""
    from sim import case

    return {n.id: {o: n.label(o) for o in n.options} for n in case.NODES}


def disputes() -> dict[str, dict[str, str]]:
    """Source disputes: dispute -> reading -> its note; the first reading is the default."""
    from sim.case.params import VARIANTS

    out = {}
    for key, v in VARIANTS.items():
        names = [v.default, *(r for r in v.readings if r != v.default)]
        out[key] = {r: v.readings[r].note for r in names}
    return out


def reading_params(dispute: str) -> dict[str, dict[str, tuple[float, float]]]:
    """What each reading of a source dispute sets: reading -> parameter or ``leader.term`` weight -> (low, high)
    each world draws it from (a scenario's ``set`` of the same name overrides the reading's)."""
    from sim.case.params import VARIANTS

    return {r: dict(reading.params) for r, reading in VARIANTS[dispute].readings.items()}


def dispute_title(dispute: str) -> str:
    """What a source dispute is about: the title of its decision point, or else what the parameter or weight its
    readings set measures ("Days from Mao's stop order to Stalin's evacuation order")."""
    from sim import case
    from sim.case.params import PARAMS, VARIANTS

    if dispute in case.BY_ID:
        return case.BY_ID[dispute].title
    v = VARIANTS[dispute]
    if v.title:
        return v.title
    name = next(iter(v.readings[v.default].params))  # a model parameter, or a leader's weight
    meaning = (PARAMS[name].meaning if name in PARAMS else weights()[name]["measures"]).split(" (")[0]
    return meaning[:1].upper() + meaning[1:]


def weights() -> dict[str, dict]:
    """Every leader weight a scenario may set: ``leader.term`` -> leader, measures, documented level and
    range (what each world draws from), the bounds a scenario may set, and the evidence id."""
    from agents import LEADERS
    from sim.case.params import WEIGHT_BOUNDS

    out = {}
    for cls in LEADERS.values():
        for t in cls.terms:
            out[f"{cls.key}.{t.name}"] = {
                "leader": cls.name,
                "measures": t.measures,
                "level": t.level,
                "range": t.range,
                "bounds": WEIGHT_BOUNDS,
                "evidence": t.evidence,
            }
    return out


def meaning(name: str) -> str:
    """What a parameter a scenario may set measures, in words: a leader's weight as "Mao Zedong's weight on
    following Moscow's line (...)", a model parameter by its meaning, or the choice temperature."""
    from sim.case.params import PARAMS

    if name in PARAMS:
        return PARAMS[name].meaning.split(" (set by")[0]  # which reading sets it: the page says so itself
    if name == "choice.temperature":
        return "the choice temperature (how far every leader may stray from his best option)"
    info = weights()[name]
    return f"{info['leader']}'s weight on {info['measures']}"


def deciders() -> dict[str, str]:
    """Every decider's key -> name ("un_command" -> "UN commander (MacArthur, then Ridgway)")."""
    from agents import LEADERS

    return {k: cls.name for k, cls in LEADERS.items()}


def leaders() -> dict[str, str]:
    """Leader key -> name, for the seats a student may take (:data:`SEATS`)."""
    from agents import LEADERS

    return {k: LEADERS[k].name for k in SEATS}


def death_window() -> tuple[str, str, str]:
    """Stalin's death: (its date, the earliest and latest date the page's slider offers)."""
    from sim import case

    return case.BY_ID[DEATH].window[0], "1950-07-01", "1956-12-31"


def outcome_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the yes/no outcomes, the endings in the order of their codes in ``final_outcome``)."""
    from sim.case.outcomes import BOOLEAN, FINAL

    return BOOLEAN, FINAL


def verdicts(scenario: Scenario | str, columns: dict) -> list[str]:
    """A scenario's ``predict`` checked against an ensemble's columns, one line each (as ``whatif run``)."""
    from sim.analysis.summary import summarize
    from sim.output import predictions

    sc = _scenario(scenario)
    return predictions.lines(predictions.check(sc.predict, summarize(columns, sc.name, sc.seed)))


def share_summary(scenario: Scenario | str, columns: dict) -> dict:
    """The ``whatif run --json`` summary of an ensemble already in memory."""
    from sim.analysis.summary import summarize

    sc = _scenario(scenario)
    return summarize(columns, sc.name, sc.seed)


def bibliography() -> tuple[dict[str, str], dict[str, str]]:
    """(bibliography key -> the full reference, evidence id -> its bibliography key)."""
    from sim.case.bibliography import BIBLIOGRAPHY
    from sim.case.evidence import REGISTRY

    return {k: str(r) for k, r in BIBLIOGRAPHY.items()}, {k: e.source for k, e in REGISTRY.items()}
