"""Loading a scenario: read the file, check every field, follow the base chain, check the whole.

:func:`load` takes a library name or a path; :func:`parse` takes YAML text.
Both return a frozen :class:`~sim.scenario.document.Scenario` or raise
:class:`~sim.scenario.errors.ScenarioError`; nothing is half-accepted. An
error inside a base file names the file that pulled it in.
"""

from __future__ import annotations

from pathlib import Path

from sim.scenario import consistency, fields
from sim.scenario.document import Scenario
from sim.scenario.errors import Collector, ScenarioError, shown
from sim.scenario.grammar import (
    DEFAULT_RUNS,
    DEFAULT_SEED,
    FIRST_HORIZON,
    INTERVENTION_KEYS,
    KEYS,
    LAST_DATE,
    MAX_CHAIN,
    MAX_INTERVENTIONS,
    MAX_RUNS,
    MAX_SEED,
    REQUIRED,
)
from sim.scenario.interventions import Intervention
from sim.scenario.library import find, library
from sim.scenario.predict import predictions
from sim.scenario.reader import Document, read
from sim.scenario.validate import intervention


def load(name_or_path: str, _stack: tuple[str, ...] = ()) -> Scenario:
    """Load and validate a scenario (and its base chain) by library name or path.

    A path has a folder separator or ends in .yaml / .yml; anything else is a
    library name (see :mod:`sim.scenario.library`).
    """
    path = find(name_or_path)
    text = read(path)
    scenario = parse(text, str(path), _stack=_stack)
    _own_name(Document(text, str(path)), scenario.name, path)
    return scenario


def parse(text: str, source: str = "<string>", _stack: tuple[str, ...] = ()) -> Scenario:
    """Validate scenario text (and load its base chain); raises ScenarioError on anything amiss.

    Independent checks (each key, each intervention, each prediction, the base)
    all run before anything is refused, so one error lists every problem of
    the file (:class:`~sim.scenario.errors.ScenarioProblems`); the checks of
    the whole (contradictions) follow once every part is valid.
    """
    doc = Document(text, source)
    collect = Collector(source)
    _check_top(doc, collect)
    name = collect(fields.scenario_name, doc, default="")
    base_ref, base = collect(_base, doc, name, _stack, default=(doc.data.get("base"), None))
    interventions = collect(_interventions, doc, collect, default=())
    data = doc.data
    horizon = collect(fields.date, doc, data["horizon"], ("horizon",), FIRST_HORIZON) if "horizon" in data else None
    scenario = Scenario(
        name=name,
        title=collect(fields.title, doc, default=""),
        description=collect(fields.text, doc, "description", default=""),
        expect=collect(fields.text, doc, "expect", default=""),
        runs=collect(fields.whole, doc, "runs", base.runs if base else DEFAULT_RUNS, 1, MAX_RUNS, default=1),
        seed=collect(fields.whole, doc, "seed", base.seed if base else DEFAULT_SEED, 0, MAX_SEED, default=0),
        horizon=horizon or (base.horizon if base else LAST_DATE),
        interventions=interventions,
        base=base,
        base_ref=base_ref,
        source=source,
        predict=collect(predictions, doc, collect, default=()),
    )
    collect.raise_all()
    consistency.check(scenario, doc, collect)
    collect.raise_all()
    return scenario


def _check_top(doc: Document, collect: Collector) -> None:
    """A mapping of known keys with the required ones present (each problem collected)."""
    if not isinstance(doc.data, dict):
        raise ScenarioError(
            doc.source, f"must be a mapping of keys to values, not {fields.kind(doc.data)}.", choices=sorted(KEYS)
        )
    for key in doc.data:
        if key not in KEYS:
            collect(doc.fail, f"unknown key {shown(key)}.", str(key), choices=sorted(KEYS), near=key)
    missing = [key for key in REQUIRED if key not in doc.data]
    for key in missing:
        collect.problems.append(ScenarioError(doc.source, f"the key '{key}' is required ({KEYS[key]}).", key=key))
    if missing:
        collect.raise_all()  # the other checks read the required keys


def _interventions(doc: Document, collect: Collector) -> tuple[Intervention, ...]:
    items = doc.data.get("interventions", [])
    if items is None:
        items = []
    if not isinstance(items, list):
        doc.fail(
            f"must be a list of interventions, not {fields.kind(items)}.",
            "interventions",
            choices=sorted(INTERVENTION_KEYS),
        )
    if len(items) > MAX_INTERVENTIONS:
        doc.fail(f"lists {len(items):,} interventions; a scenario has at most {MAX_INTERVENTIONS}.", "interventions")
    found = [collect(intervention, doc, item, i) for i, item in enumerate(items)]
    if len([f for f in found if f is not None]) != len(found):
        return ()  # some were refused (and collected): the consistency checks wait for a valid list
    return tuple(found)


def _own_name(doc: Document, name: str, path: Path) -> None:
    """A file that is not the library's may not take a library scenario's ``name`` (results are filed by name)."""
    shipped = library().get(name)
    try:
        if shipped is None or path.resolve() == shipped.resolve() or path.read_bytes() == shipped.read_bytes():
            return
    except OSError:
        return
    doc.fail(
        f"{shown(name)} is the library scenario {shipped.name}'s name; runs are filed and compared by name, so a "
        f"scenario of yours needs a name of its own (for example {name}_mine).",
        "name",
    )


def _identity(source: str, name: str) -> str:
    """What identifies a scenario in its base chain: its resolved file, or its name for text."""
    if source == "<string>":
        return f"<string:{name}>"
    try:
        return str(Path(source).resolve())
    except (OSError, RuntimeError):  # a symbolic-link loop
        return source


def _base(doc: Document, name: str, stack: tuple[str, ...]) -> tuple[str | None, Scenario | None]:
    """The ``base`` as written (None if absent) and the loaded base scenario (None for the root)."""
    source = doc.source
    base_ref = doc.data.get("base")
    if base_ref is not None and (not isinstance(base_ref, str) or not base_ref.strip()):
        doc.fail(
            f"must name a scenario, not {fields.kind(base_ref)} {shown(base_ref)}.", "base", choices=sorted(library())
        )
    here = _identity(source, name)
    if here in stack:
        doc.fail("its base chain loops back to itself: " + " -> ".join((*stack, here)) + ".", "base")
    default_base = base_ref is None and name != "baseline"
    ref = base_ref or ("baseline" if default_base else None)
    if ref is None:
        return base_ref, None
    try:
        base_path = find(ref, Path(source).parent if source != "<string>" else None)
    except ScenarioError as exc:
        doc.fail(f"the base {shown(ref)} cannot be used: {exc.message}", "base", choices=exc.choices, near=ref)
    if _identity(str(base_path), "") == here:
        if not default_base:
            doc.fail("a scenario cannot be its own base.", "base")
        return base_ref, None
    if len(stack) + 1 >= MAX_CHAIN:
        doc.fail(f"the base chain is too long (limit {MAX_CHAIN} files).", "base")
    try:
        return base_ref, parse(read(base_path), str(base_path), _stack=(*stack, here))
    except ScenarioError as exc:
        raise exc.within(source) from None
