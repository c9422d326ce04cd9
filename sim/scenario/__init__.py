"""Scenario files: strict YAML -> frozen, typed scenarios -> the model's Setup.

The language is documented in ``scenarios/README.md``. In short::

    name: china_refuses_12_oct
    title: Permanent Chinese refusal on 12 October 1950
    base: baseline                 # default; chains allowed, cycles refused
    description: ...               # cite the source
    expect: ...                    # what the author predicts (shown beside results)
    runs: 10000
    seed: 1950
    horizon: 1956-12-31
    interventions:
      - force: {point: mao_12oct, option: stop, from: 1950-10-12}
      - forbid: {point: black_sea, option: no_air_cover}
      - set: {param: stalin.avoid_us_war, value: 2.4}        # or range: [lo, hi]
      - move: {event: stalin_death, date: 1952-03-05}
      - remove: {event: inchon_landing}
      - variant: {dispute: mao_cable_2oct, reading: russian}

Each intervention is Pearl's do(): a forced or forbidden option cuts the
choice off from its causes; upstream is untouched, downstream re-simulated.
Everything is checked before anything runs; each problem raises a
:class:`ScenarioError` naming the file, the line, the key, the bad value and
the valid choices.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from agents import LEADERS
from sim import case
from sim.case.params import PARAMS, TEMPERATURE, TEMPERATURE_BOUNDS, VARIANTS, WEIGHT_BOUNDS
from sim.engine import dates
from sim.engine.nodes import ChanceNode, DecisionPoint, Event
from sim.scenario.setup import Mode, Rule, Setup

__all__ = ["Mode", "Rule", "Scenario", "ScenarioError", "Setup", "library", "load", "parse", "settable"]

MAX_RUNS = 10_000_000
FIRST_DATE, LAST_DATE = "1949-01-01", "1956-12-31"
KEYS = {
    "name": "short identifier (letters, digits, _ and -)",
    "title": "one-line title shown on results and figures",
    "base": "scenario this one builds on (library name or path; default baseline)",
    "description": "what the scenario changes, citing its source",
    "expect": "free text: what the author predicts",
    "runs": f"number of worlds, 1 to {MAX_RUNS:,}",
    "seed": "non-negative integer seed",
    "horizon": f"last simulated day, 1950-06-25 to {LAST_DATE}",
    "interventions": "list of force / forbid / set / move / remove / variant",
}
REQUIRED = ("name", "title")
DEFAULT_RUNS, DEFAULT_SEED = 10_000, 1950
INTERVENTION_KEYS = {
    "force": ({"point", "option"}, {"from", "until"}),
    "forbid": ({"point", "option"}, {"from", "until"}),
    "set": ({"param"}, {"value", "range"}),
    "move": ({"event", "date"}, set()),
    "remove": ({"event"}, set()),
    "variant": ({"dispute", "reading"}, set()),
}
CHOICE_NODES = {n.id: n for n in case.NODES if isinstance(n, DecisionPoint | ChanceNode)}
MOVABLE = {n.id: n for n in case.NODES if isinstance(n, Event) and n.movable and n.removable}
REMOVABLE = {n.id: n for n in case.NODES if n.removable}


class ScenarioError(Exception):
    """A scenario that cannot be used; the message is one readable paragraph."""

    def __init__(
        self,
        source: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
        choices: list | None = None,
    ) -> None:
        where = source + (f", line {line}" if line else "") + (f", key '{key}'" if key else "")
        text = f"{where}: {message}"
        if choices:
            text += " Valid choices: " + ", ".join(str(c) for c in choices) + "."
        super().__init__(text)
        self.source, self.key, self.line, self.choices = source, key, line, choices


# ------------------------------------------------------------------ interventions
@dataclass(frozen=True)
class Force:
    """do(point = option): once, or on every occurrence in [start, end] and for the point's question."""

    point: str
    option: str
    start: str | None = None
    end: str | None = None
    kind = "force"

    def to_data(self) -> dict:
        data = {"point": self.point, "option": self.option}
        if self.start:
            data["from"] = self.start
        if self.end:
            data["until"] = self.end
        return {self.kind: data}

    @property
    def ranged(self) -> bool:
        return self.start is not None or self.end is not None

    def rules(self) -> list[Rule]:
        """The model rules: the point itself, and with a date range every point of its question."""
        mode = self.kind
        if not self.ranged:
            return [Rule(self.point, self.option, mode, once=True)]
        lo = dates.day(self.start) if self.start else 0
        hi = dates.day(self.end) if self.end else 10**6
        out = [Rule(self.point, self.option, mode, lo, hi)]
        node = CHOICE_NODES[self.point]
        question, stance = getattr(node, "question", None), getattr(node, "stances", {}).get(self.option)
        if question and stance:
            for other in case.DECISIONS:
                if other.id != self.point and other.question == question:
                    for opt, st in other.stances.items():
                        if st == stance:
                            out.append(Rule(other.id, opt, mode, lo, hi))
        return out

    def describe(self) -> str:
        node = CHOICE_NODES[self.point]
        verb = "always choose" if self.kind == "force" else "never choose"
        who = getattr(node, "decider", "") or "chance"
        text = f"{node.title} ({self.point}): {who} must {verb} '{self.option}' ({node.label(self.option)})"
        if not self.ranged:
            return text + ", the first time the point is reached."
        span = f" from {self.start}" if self.start else ""
        span += f" until {self.end}" if self.end else " on"
        bound = [f"{r.node} -> {r.option}" for r in self.rules()[1:]]
        more = f"; on those dates it also binds the other decisions on the same question: {', '.join(bound)}"
        more = more if bound else ""
        return text + span + more + "."


@dataclass(frozen=True)
class Forbid(Force):
    """The option is unavailable; the decider chooses among the rest by its own preferences."""

    kind = "forbid"


@dataclass(frozen=True)
class SetParam:
    """Set a leader's weight, a model parameter or the temperature to a value or a range."""

    param: str
    low: float
    high: float
    kind = "set"

    def to_data(self) -> dict:
        if self.low == self.high:
            return {"set": {"param": self.param, "value": self.low}}
        return {"set": {"param": self.param, "range": [self.low, self.high]}}

    def describe(self) -> str:
        value = f"{self.low:g}" if self.low == self.high else f"drawn per world from {self.low:g}-{self.high:g}"
        old = settable()[self.param][2]
        return f"Set {self.param} ({old}) to {value}."


@dataclass(frozen=True)
class Move:
    """A dated event happens on another date."""

    event: str
    date: str
    kind = "move"

    def to_data(self) -> dict:
        return {"move": {"event": self.event, "date": self.date}}

    def describe(self) -> str:
        node = MOVABLE[self.event]
        return f"{node.title} ({self.event}) happens on {self.date} instead of {node.window[0]}."


@dataclass(frozen=True)
class Remove:
    """An event (or a removable point) never happens before the horizon."""

    event: str
    kind = "remove"

    def to_data(self) -> dict:
        return {"remove": {"event": self.event}}

    def describe(self) -> str:
        return f"{REMOVABLE[self.event].title} ({self.event}) never happens."


@dataclass(frozen=True)
class Variant:
    """Pick one reading of a passage the sources disagree on."""

    dispute: str
    reading: str
    kind = "variant"

    def to_data(self) -> dict:
        return {"variant": {"dispute": self.dispute, "reading": self.reading}}

    def describe(self) -> str:
        note = VARIANTS[self.dispute].readings[self.reading].note
        return f"Source dispute {self.dispute}: read it as '{self.reading}' ({note})."


Intervention = Force | Forbid | SetParam | Move | Remove | Variant


def settable() -> dict[str, tuple[float, float, str]]:
    """Every parameter a scenario may set: name -> (lowest, highest, what it is)."""
    out = {"choice.temperature": (*TEMPERATURE_BOUNDS, f"the choice temperature, now {TEMPERATURE}")}
    for cls in LEADERS.values():
        for t in cls.terms:
            out[f"{cls.key}.{t.name}"] = (*WEIGHT_BOUNDS, f"{cls.name}'s weight on {t.measures}, {t.range}")
    for p in PARAMS.values():
        out[p.name] = (*p.bounds, f"{p.meaning}, {p.low:g}-{p.high:g} {p.unit}")
    return out


# ------------------------------------------------------------------ scenario
@dataclass(frozen=True)
class Scenario:
    """A validated scenario, with its base chain resolved."""

    name: str
    title: str
    description: str = ""
    expect: str = ""
    runs: int = DEFAULT_RUNS
    seed: int = DEFAULT_SEED
    horizon: str = LAST_DATE
    interventions: tuple[Intervention, ...] = ()
    base: Scenario | None = None
    base_ref: str | None = None
    source: str = field(default="<string>", compare=False)

    def chain(self) -> list[Scenario]:
        """This scenario and its bases, base first."""
        return [*(self.base.chain() if self.base else []), self]

    def all_interventions(self) -> tuple[Intervention, ...]:
        return tuple(i for s in self.chain() for i in s.interventions)

    def setup(self) -> Setup:
        """The model setup: variants first, then sets, moves, removes and rules."""
        params: dict[str, tuple[float, float]] = {}
        temperature = TEMPERATURE
        rules: list[Rule] = []
        events: dict[str, int | None] = {}
        items = self.all_interventions()
        for it in items:
            if isinstance(it, Variant):
                params.update(VARIANTS[it.dispute].readings[it.reading].params)
        for it in items:
            if isinstance(it, SetParam):
                if it.param == "choice.temperature":
                    temperature = it.low
                else:
                    params[it.param] = (it.low, it.high)
            elif isinstance(it, Move):
                events[it.event] = dates.day(it.date)
            elif isinstance(it, Remove):
                events[it.event] = None
            elif isinstance(it, Force):
                rules.extend(it.rules())
        return Setup(
            params=params,
            rules=tuple(rules),
            event_days=events,
            horizon=dates.day(self.horizon),
            temperature=temperature,
        )

    def to_data(self) -> dict:
        """The scenario as plain data (parse(yaml.safe_dump(to_data())) gives it back)."""
        data = {"name": self.name, "title": self.title}
        if self.base_ref is not None:
            data["base"] = self.base_ref
        for key in ("description", "expect"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data.update(runs=self.runs, seed=self.seed, horizon=self.horizon)
        if self.interventions:
            data["interventions"] = [i.to_data() for i in self.interventions]
        return data

    def resolved(self) -> dict:
        """Content the results depend on, with the base chain expanded (what the hash covers)."""
        return {
            "name": self.name,
            "title": self.title,
            "runs": self.runs,
            "seed": self.seed,
            "horizon": self.horizon,
            "chain": [s.name for s in self.chain()],
            "interventions": [i.to_data() for i in self.all_interventions()],
        }

    @property
    def hash(self) -> str:
        """SHA-256 of the resolved content (independent of comments, layout and base file names)."""
        text = json.dumps(self.resolved(), sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode()).hexdigest()


# ------------------------------------------------------------------ finding files
def library() -> dict[str, Path]:
    """Scenario name -> file of the shipped library (``scenarios/*.yaml``)."""
    root = resources.files("scenarios")
    return {Path(p.name).stem: Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml"))}


def find(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The file a scenario argument names: an existing path, or a library name."""
    path = Path(name_or_path)
    if relative_to is not None and not path.is_absolute() and (relative_to / path).exists():
        path = relative_to / path
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise ScenarioError(str(path), "no such scenario file.", choices=sorted(library()))
        return path
    lib = library()
    if name_or_path not in lib:
        raise ScenarioError(
            name_or_path, "is neither a scenario file nor a scenario in the library.", choices=sorted(lib)
        )
    return lib[name_or_path]


def load(name_or_path: str, _stack: tuple[str, ...] = ()) -> Scenario:
    """Load and validate a scenario (and its base chain) by library name or path."""
    path = find(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(str(path), f"cannot be read ({exc}).") from None
    return parse(text, str(path), _stack=_stack)


# ------------------------------------------------------------------ parsing
class _Loader(yaml.SafeLoader):
    """yaml.safe_load's loader, but dates stay strings: we check them (PyYAML raises on 1953-02-30)."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Doc:
    """The parsed document with its YAML node tree, for line numbers in errors."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        try:
            self.data = yaml.load(text, Loader=_Loader)
            self.root = yaml.compose(text, Loader=_Loader)
        except (ValueError, OverflowError, RecursionError) as exc:
            raise ScenarioError(source, f"is not valid YAML ({exc}).") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ScenarioError(
                source,
                f"is not valid YAML ({getattr(exc, 'problem', None) or exc}).",
                line=mark.line + 1 if mark else None,
            ) from None

    def line(self, *path) -> int | None:
        node, found = self.root, None
        for step in path:
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for k, v in node.value:
                    if k.value == step:
                        found, nxt = k.start_mark.line + 1, v
                        break
                if nxt is None:
                    return found
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                found = node.start_mark.line + 1
            else:
                return found
        return found if found else (node.start_mark.line + 1 if node is not None else None)

    def fail(self, message: str, *path, choices=None, key: str | None = None):
        label = key or _keypath(path)
        raise ScenarioError(self.source, message, key=label or None, line=self.line(*path), choices=choices)


def _keypath(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _date(doc: _Doc, value, path, lo: str = FIRST_DATE, hi: str = LAST_DATE) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        doc.fail(f"must be a date (YYYY-MM-DD), not {value!r}.", *path)
    try:
        iso = _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        doc.fail(f"{value!r} is not a calendar date (YYYY-MM-DD).", *path)
    if not lo <= iso <= hi:
        doc.fail(f"{iso} is outside the dates this model covers ({lo} to {hi}).", *path)
    return iso


def _number(doc: _Doc, value, path, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        doc.fail(f"must be a number, not {value!r}.", *path)
    if not lo <= value <= hi:
        doc.fail(f"{value!r} is out of range; it must lie between {lo:g} and {hi:g}.", *path)
    return float(value)


def _intervention(doc: _Doc, item, i: int) -> Intervention:
    path = ("interventions", i)
    if not isinstance(item, dict) or len(item) != 1:
        doc.fail(
            "each intervention is a mapping with exactly one of the keys below.",
            *path,
            choices=sorted(INTERVENTION_KEYS),
        )
    kind, body = next(iter(item.items()))
    if kind not in INTERVENTION_KEYS:
        doc.fail(
            f"unknown intervention {kind!r}.",
            *path,
            key=f"interventions[{i}].{kind}",
            choices=sorted(INTERVENTION_KEYS),
        )
    path = (*path, kind)
    required, optional = INTERVENTION_KEYS[kind]
    if not isinstance(body, dict):
        doc.fail(
            f"'{kind}' takes a mapping with the keys below, not {body!r}.", *path, choices=sorted(required | optional)
        )
    for key in body:
        if key not in required | optional:
            doc.fail(f"unknown key {key!r} for '{kind}'.", *path, key, choices=sorted(required | optional))
    for key in sorted(required):
        if key not in body:
            doc.fail(
                f"'{kind}' needs the key '{key}'.",
                *path,
                key=_keypath((*path, key)),
                choices=sorted(required | optional),
            )

    if kind in ("force", "forbid"):
        point = body["point"]
        if point not in CHOICE_NODES:
            doc.fail(f"unknown decision point {point!r}.", *path, "point", choices=sorted(CHOICE_NODES))
        node = CHOICE_NODES[point]
        option = body["option"]
        if option not in node.options:
            doc.fail(f"{option!r} is not an option at {point}.", *path, "option", choices=list(node.options))
        start = _date(doc, body["from"], (*path, "from")) if "from" in body else None
        end = _date(doc, body["until"], (*path, "until")) if "until" in body else None
        if start and end and start > end:
            doc.fail(f"'from' {start} is after 'until' {end}.", *path, "until")
        if start and start > node.window[1]:
            doc.fail(
                f"{start} is after the last day {point} can happen; its date window is "
                f"{node.window[0]} to {node.window[1]}.",
                *path,
                "from",
            )
        if end and end < node.window[0]:
            doc.fail(
                f"{end} is before {point} can happen; its date window is {node.window[0]} to {node.window[1]}.",
                *path,
                "until",
            )
        cls = Force if kind == "force" else Forbid
        return cls(point, option, start, end)
    if kind == "set":
        name = body["param"]
        table = settable()
        if name not in table:
            doc.fail(f"unknown parameter {name!r}.", *path, "param", choices=sorted(table))
        lo, hi, _ = table[name]
        if ("value" in body) == ("range" in body):
            doc.fail("'set' takes exactly one of 'value' or 'range'.", *path, choices=["value", "range"])
        if "value" in body:
            v = _number(doc, body["value"], (*path, "value"), lo, hi)
            return SetParam(name, v, v)
        rng = body["range"]
        if not isinstance(rng, list) or len(rng) != 2:
            doc.fail(f"'range' must be a list of two numbers [low, high], not {rng!r}.", *path, "range")
        a = _number(doc, rng[0], (*path, "range"), lo, hi)
        b = _number(doc, rng[1], (*path, "range"), lo, hi)
        if a > b:
            doc.fail(f"the range's low end {a:g} is above its high end {b:g}.", *path, "range")
        if name == "choice.temperature" and a != b:
            doc.fail("the temperature takes a single value, not a range.", *path, "range")
        return SetParam(name, a, b)
    if kind == "move":
        event = body["event"]
        if event not in MOVABLE:
            doc.fail(f"{event!r} is not a dated event that can be moved.", *path, "event", choices=sorted(MOVABLE))
        return Move(event, _date(doc, body["date"], (*path, "date"), MOVABLE[event].not_before))
    if kind == "remove":
        event = body["event"]
        if event not in REMOVABLE:
            doc.fail(f"{event!r} cannot be removed.", *path, "event", choices=sorted(REMOVABLE))
        return Remove(event)
    dispute = body["dispute"]
    if dispute not in VARIANTS:
        doc.fail(f"unknown source dispute {dispute!r}.", *path, "dispute", choices=sorted(VARIANTS))
    reading = body["reading"]
    if reading not in VARIANTS[dispute].readings:
        doc.fail(
            f"unknown reading {reading!r} of {dispute}.", *path, "reading", choices=sorted(VARIANTS[dispute].readings)
        )
    return Variant(dispute, reading)


def parse(text: str, source: str = "<string>", _stack: tuple[str, ...] = ()) -> Scenario:
    """Validate scenario text (and load its base chain); raises ScenarioError on anything amiss."""
    doc = _Doc(text, source)
    data = doc.data
    if not isinstance(data, dict):
        raise ScenarioError(source, "must be a mapping of keys to values.", choices=sorted(KEYS))
    for key in data:
        if key not in KEYS:
            doc.fail(f"unknown key {key!r}.", str(key), choices=sorted(KEYS))
    for key in REQUIRED:
        if key not in data:
            raise ScenarioError(source, f"the key '{key}' is required ({KEYS[key]}).", key=key)

    def text_value(key: str) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or (key in REQUIRED and not value.strip()):
            doc.fail(f"must be a non-empty string, not {value!r}.", key)
        return value.strip()

    def int_value(key: str, default: int, lo: int, hi: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            doc.fail(f"must be a whole number from {lo:,} to {hi:,}, not {value!r}.", key)
        return value

    name = text_value("name")
    if not all(c.isalnum() or c in "_-" for c in name):
        doc.fail(f"{name!r} may only use letters, digits, _ and -.", "name")

    # the base chain
    base_ref = data.get("base")
    if base_ref is not None and (not isinstance(base_ref, str) or not base_ref.strip()):
        doc.fail(f"must name a scenario, not {base_ref!r}.", "base", choices=sorted(library()))
    base = None
    here = str(Path(source).resolve()) if source != "<string>" else f"<string:{name}>"
    if here in _stack:
        raise ScenarioError(
            source,
            "its base chain loops back to itself: " + " -> ".join((*_stack, here)) + ".",
            key="base",
            line=doc.line("base"),
        )
    default_base = base_ref is None and name != "baseline"
    ref = base_ref or ("baseline" if default_base else None)
    if ref is not None:
        try:
            rel = Path(source).parent if source != "<string>" else None
            base_path = find(ref, rel)
        except ScenarioError as exc:
            doc.fail(f"base {ref!r} not found.", "base", choices=exc.choices)
        if str(base_path.resolve()) == here:
            if not default_base:
                doc.fail("a scenario cannot be its own base.", "base")
        else:
            base = load(str(base_path), _stack=(*_stack, here))

    items = data.get("interventions", [])
    if items is None:
        items = []
    if not isinstance(items, list):
        doc.fail("must be a list of interventions.", "interventions", choices=sorted(INTERVENTION_KEYS))
    interventions = tuple(_intervention(doc, item, i) for i, item in enumerate(items))

    horizon = _date(doc, data["horizon"], ("horizon",), "1950-06-25") if "horizon" in data else None
    scenario = Scenario(
        name=name,
        title=text_value("title"),
        description=text_value("description"),
        expect=text_value("expect"),
        runs=int_value("runs", base.runs if base else DEFAULT_RUNS, 1, MAX_RUNS),
        seed=int_value("seed", base.seed if base else DEFAULT_SEED, 0, 2**63 - 1),
        horizon=horizon or (base.horizon if base else LAST_DATE),
        interventions=interventions,
        base=base,
        base_ref=base_ref,
        source=source,
    )
    _check_consistency(scenario, doc)
    return scenario


def _check_consistency(scenario: Scenario, doc: _Doc) -> None:
    """Refuse contradictions across the whole chain: two forces, a force and a forbid, no options left."""
    items = scenario.all_interventions()
    offset = len(items) - len(scenario.interventions)

    def where(k: int):
        return ("interventions", k - offset) if k >= offset else ("base",)

    seen: dict[tuple, int] = {}  # a scenario may override its base, but not change a thing twice itself
    for k, it in enumerate(scenario.interventions):
        target = getattr(it, "param", None) or getattr(it, "event", None) or getattr(it, "dispute", None)
        key = ("event" if isinstance(it, Move | Remove) else it.kind, target)
        if not isinstance(it, Force) and key in seen:
            doc.fail(f"{target!r} is changed twice (also by intervention {seen[key]}).", "interventions", k)
        seen[key] = k
    removed = {i.event for i in items if isinstance(i, Remove)}
    for ev in MOVABLE.values():
        for cause in ev.after_events:
            if cause in removed and ev.id not in removed:
                k = next(k for k, i in enumerate(items) if isinstance(i, Remove) and i.event == cause)
                doc.fail(f"removing {cause} leaves {ev.id}, which it causes; remove {ev.id} too.", *where(k))
    moved = {i.event: i.date for i in items if isinstance(i, Move)}
    for ev in MOVABLE.values():
        own = moved.get(ev.id, ev.window[0])
        for cause in ev.after_events:
            if cause not in removed and moved.get(cause, MOVABLE[cause].window[0]) > own:
                k = next(k for k, i in enumerate(items) if isinstance(i, Move) and i.event in (ev.id, cause))
                doc.fail(
                    f"{ev.id} ({own}) would come before its cause {cause} "
                    f"({moved.get(cause, MOVABLE[cause].window[0])}).",
                    *where(k),
                )

    rules: list[tuple[int, Rule]] = [(k, r) for k, it in enumerate(items) if isinstance(it, Force) for r in it.rules()]
    for a in range(len(rules)):
        ka, ra = rules[a]
        for b in range(a + 1, len(rules)):
            kb, rb = rules[b]
            if ra.node != rb.node or ra.start > rb.end or rb.start > ra.end:
                continue
            if ra.mode == rb.mode == "force" and ra.option != rb.option:
                doc.fail(
                    f"it forces {rb.option!r} at {rb.node} while intervention {ka - offset} forces "
                    f"{ra.option!r} there at the same time.",
                    *where(kb),
                )
            if {ra.mode, rb.mode} == {"force", "forbid"} and ra.option == rb.option:
                doc.fail(
                    f"it {rb.mode}s {rb.option!r} at {rb.node} while intervention {ka - offset} "
                    f"{ra.mode}s it at the same time.",
                    *where(kb),
                )
    for node_id in {r.node for _, r in rules}:
        forbidden = {r.option for _, r in rules if r.node == node_id and r.mode == "forbid"}
        if forbidden >= set(CHOICE_NODES[node_id].options):
            k = max(k for k, r in rules if r.node == node_id)
            doc.fail(
                f"it forbids every option at {node_id}; at least one must stay open.",
                *where(k),
                choices=list(CHOICE_NODES[node_id].options),
            )
