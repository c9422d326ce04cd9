"""A teacher's lesson: a YAML file listing scenarios with questions; it resets the page it is opened in.

Each browser has its own page: the teacher shares the file, and each student opens it in theirs.

```yaml
title: Why did China enter the war?
steps:
  - scenario: baseline                 # the page's base: a library scenario, or one of yours (whatif list)
    switches: {mao_12oct: force:stop}  # optional: the page's switches set for this step
    runs: 2000                         # optional
    questions:
      - "Predict first: does China enter?"   # quoted: a colon and a space would make it a mapping
```

:func:`parse` checks the file (unknown keys, scenario names, switch settings)
and raises ``LessonError`` with one readable line per problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sim import api
from sim.api import classroom
from sim.web import words
from sim.web.choices import Choices

SHIPPED = Path(__file__).parent / "lessons"
STEP_KEYS = {"scenario", "switches", "runs", "questions"}
MAX_BYTES = 64 * 1024  # a lesson is a page of text; the page's server is shared by the class
MAX_STEPS, MAX_QUESTIONS, MAX_CHARS = 30, 20, 500  # steps, questions a step, characters a question or title


class LessonError(ValueError):
    """A lesson file that cannot be used (the message names each problem)."""


@dataclass(frozen=True)
class Step:
    scenario: str
    questions: tuple[str, ...] = ()
    switches: dict[str, str] = field(default_factory=dict)
    runs: int = 2000


@dataclass(frozen=True)
class Lesson:
    title: str
    steps: tuple[Step, ...]

    def text(self) -> str:
        """The lesson as YAML, to share as a file."""
        steps = [
            {"scenario": s.scenario, "switches": dict(s.switches), "runs": s.runs, "questions": list(s.questions)}
            for s in self.steps
        ]
        return yaml.safe_dump({"title": self.title, "steps": steps}, sort_keys=False, allow_unicode=True, width=100)


def _step(
    k: int, raw: object, names: dict[str, str | None], settings: dict[str, set[str]]
) -> tuple[Step | None, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"step {k + 1}: expected a mapping with scenario and questions"]
    errors = [
        f"step {k + 1}: unknown key {key!r} (valid: {', '.join(sorted(STEP_KEYS))})"
        for key in raw
        if key not in STEP_KEYS
    ]
    name = str(raw.get("scenario", ""))
    if names.get(name):
        errors.append(f"step {k + 1}: the scenario {name!r} cannot be used: {names[name]}")
    elif name not in names:
        errors.append(
            f"step {k + 1}: unknown scenario {name!r}: neither the library's nor one of yours on the scenario path "
            f"(whatif list shows them; valid: {', '.join(sorted(n for n, problem in names.items() if not problem))})"
        )
    raw_switches = raw.get("switches") or {}
    if not isinstance(raw_switches, dict):
        errors.append(f"step {k + 1}: switches must be a mapping of point: setting, e.g. {{mao_12oct: force:stop}}")
        raw_switches = {}
    switches = {str(p): str(v) for p, v in raw_switches.items()}
    for point, value in switches.items():
        if point not in settings:
            errors.append(f"step {k + 1}: {point!r} is not one of the page's switches ({', '.join(sorted(settings))})")
        elif value not in settings[point]:
            valid = ", ".join(sorted(settings[point]))
            errors.append(f"step {k + 1}: switch {point}: {value!r} is not one of its settings ({valid})")
    if not errors and switches:  # the switches as the page will run them: a base may already force the opposite
        try:
            api.scenario(Choices(name, switches).yaml())
        except api.USER_ERRORS as exc:
            errors.append(f"step {k + 1}: its switches contradict the scenario {name}: {str(exc).split(': ', 1)[-1]}")
    runs = raw.get("runs", 2000)
    if not isinstance(runs, int) or not 100 <= runs <= 10_000:
        errors.append(f"step {k + 1}: runs must be a whole number from 100 to 10,000, not {runs!r}")
    questions = raw.get("questions") or []
    questions = questions if isinstance(questions, list) else [questions]
    if len(questions) > MAX_QUESTIONS or not all(isinstance(q, str) and len(q) <= MAX_CHARS for q in questions):
        errors.append(
            f"step {k + 1}: questions are up to {MAX_QUESTIONS} lines of text of up to {MAX_CHARS} characters each "
            '(quote a question that holds a colon and a space: - "Predict: does China enter?")'
        )
        questions = []
    return Step(name, tuple(questions), switches, runs if isinstance(runs, int) else 2000), errors


class _NoAliases(yaml.SafeLoader):
    """YAML without anchors and aliases: a few hundred bytes of nested aliases expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a lesson", None)
        return super().compose_node(parent, index)


def parse(text: str, source: str = "<lesson>") -> Lesson:
    """A lesson from YAML text; ``LessonError`` lists every problem."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise LessonError(f"{source}: a lesson file is at most {MAX_BYTES // 1024} KB; this one is larger")
    try:
        doc = yaml.load(text, Loader=_NoAliases)  # a SafeLoader that refuses aliases
    except yaml.YAMLError as exc:
        raise LessonError(f"{source}: not valid YAML ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list) or not doc["steps"]:
        raise LessonError(f"{source}: a lesson is a mapping with a title and a non-empty list of steps")
    if len(doc["steps"]) > MAX_STEPS:
        raise LessonError(f"{source}: a lesson has at most {MAX_STEPS} steps, not {len(doc['steps'])}")
    title, errors = doc.get("title"), []
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_CHARS:
        errors.append(f"give the lesson a title, one line of text (title: Why did China enter?), not {title!r:.40}")
    names = {r["name"]: r["problem"] for r in words.found()[0]}  # the library's and the user's, as `whatif list`
    settings = {sw.point: {s for s, _ in sw.settings()} for sw in classroom.switches()}
    steps = []
    for k, raw in enumerate(doc["steps"]):
        step, errs = _step(k, raw, names, settings)
        steps.append(step)
        errors += errs
    if errors:
        raise LessonError(f"{source}: " + "; ".join(errors))
    return Lesson(title.strip(), tuple(steps))


def shipped() -> dict[str, Path]:
    """The lessons shipped with the tool: file stem -> path."""
    return {p.stem: p for p in sorted(SHIPPED.glob("*.yaml"))}


def load(path: str | Path) -> Lesson:
    """A lesson file."""
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), str(path))
