"""Loading a scenario: read the file, check every field, follow the base chain, check the whole.

:func:`load` takes a library name or a path; :func:`parse` takes YAML text.
Both return a frozen :class:`~sim.scenario.document.Scenario` or raise
:class:`~sim.scenario.errors.ScenarioError`; nothing is half-accepted.
"""

from __future__ import annotations

from pathlib import Path

from sim.scenario import consistency, fields
from sim.scenario.document import Scenario
from sim.scenario.errors import ScenarioError
from sim.scenario.grammar import DEFAULT_RUNS, DEFAULT_SEED, INTERVENTION_KEYS, KEYS, LAST_DATE, MAX_RUNS, REQUIRED
from sim.scenario.library import find, library
from sim.scenario.reader import Document
from sim.scenario.validate import intervention


def load(name_or_path: str, _stack: tuple[str, ...] = ()) -> Scenario:
    """Load and validate a scenario (and its base chain) by library name or path."""
    path = find(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(str(path), f"cannot be read ({exc}).") from None
    return parse(text, str(path), _stack=_stack)


def parse(text: str, source: str = "<string>", _stack: tuple[str, ...] = ()) -> Scenario:
    """Validate scenario text (and load its base chain); raises ScenarioError on anything amiss."""
    doc = Document(text, source)
    _check_top(doc)
    name = fields.text(doc, "name")
    if not all(c.isalnum() or c in "_-" for c in name):
        doc.fail(f"{name!r} may only use letters, digits, _ and -.", "name")
    base_ref, base = _base(doc, name, _stack)
    items = doc.data.get("interventions", [])
    if items is None:
        items = []
    if not isinstance(items, list):
        doc.fail("must be a list of interventions.", "interventions", choices=sorted(INTERVENTION_KEYS))
    interventions = tuple(intervention(doc, item, i) for i, item in enumerate(items))
    data = doc.data
    horizon = fields.date(doc, data["horizon"], ("horizon",), "1950-06-25") if "horizon" in data else None
    scenario = Scenario(
        name=name,
        title=fields.text(doc, "title"),
        description=fields.text(doc, "description"),
        expect=fields.text(doc, "expect"),
        runs=fields.whole(doc, "runs", base.runs if base else DEFAULT_RUNS, 1, MAX_RUNS),
        seed=fields.whole(doc, "seed", base.seed if base else DEFAULT_SEED, 0, 2**63 - 1),
        horizon=horizon or (base.horizon if base else LAST_DATE),
        interventions=interventions,
        base=base,
        base_ref=base_ref,
        source=source,
    )
    consistency.check(scenario, doc)
    return scenario


def _check_top(doc: Document) -> None:
    """A mapping of known keys with the required ones present."""
    if not isinstance(doc.data, dict):
        raise ScenarioError(doc.source, "must be a mapping of keys to values.", choices=sorted(KEYS))
    for key in doc.data:
        if key not in KEYS:
            doc.fail(f"unknown key {key!r}.", str(key), choices=sorted(KEYS))
    for key in REQUIRED:
        if key not in doc.data:
            raise ScenarioError(doc.source, f"the key '{key}' is required ({KEYS[key]}).", key=key)


def _base(doc: Document, name: str, stack: tuple[str, ...]) -> tuple[str | None, Scenario | None]:
    """The ``base`` as written (None if absent) and the loaded base scenario (None for the root)."""
    source = doc.source
    base_ref = doc.data.get("base")
    if base_ref is not None and (not isinstance(base_ref, str) or not base_ref.strip()):
        doc.fail(f"must name a scenario, not {base_ref!r}.", "base", choices=sorted(library()))
    here = str(Path(source).resolve()) if source != "<string>" else f"<string:{name}>"
    if here in stack:
        raise ScenarioError(
            source,
            "its base chain loops back to itself: " + " -> ".join((*stack, here)) + ".",
            key="base",
            line=doc.line("base"),
        )
    default_base = base_ref is None and name != "baseline"
    ref = base_ref or ("baseline" if default_base else None)
    if ref is None:
        return base_ref, None
    try:
        rel = Path(source).parent if source != "<string>" else None
        base_path = find(ref, rel)
    except ScenarioError as exc:
        doc.fail(f"base {ref!r} not found.", "base", choices=exc.choices)
    if str(base_path.resolve()) == here:
        if not default_base:
            doc.fail("a scenario cannot be its own base.", "base")
        return base_ref, None
    return base_ref, load(str(base_path), _stack=(*stack, here))
