"""Scenario files: strict YAML -> a frozen, typed Scenario.

A scenario names itself, says what it is, and sets the run defaults::

    name: baseline
    title: The historical baseline
    description: What the sources say happened, with their uncertainty.
    runs: 10000
    seed: 1950
    expect: free text - what the author predicts (shown beside results)

Unknown keys, wrong types and out-of-range values are refused before
anything runs, with a :class:`ScenarioError` naming the file, the line, the
key, the bad value and the valid choices.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from sim.model import Setup

MAX_RUNS = 10_000_000
KEYS = {
    "name": "short identifier (letters, digits, _ and -)",
    "title": "one-line title shown on results and figures",
    "description": "what the scenario changes, citing its source",
    "runs": f"number of worlds, 1 to {MAX_RUNS:,}",
    "seed": "non-negative integer seed",
    "expect": "free text: what the author predicts",
}
REQUIRED = ("name", "title")
DEFAULT_RUNS = 10_000
DEFAULT_SEED = 1950


class ScenarioError(Exception):
    """A scenario that cannot be used; the message is one readable paragraph."""

    def __init__(
        self,
        source: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
        choices: list[str] | None = None,
    ) -> None:
        where = source + (f", line {line}" if line else "") + (f", key '{key}'" if key else "")
        text = f"{where}: {message}"
        if choices:
            text += " Valid choices: " + ", ".join(str(c) for c in choices) + "."
        super().__init__(text)
        self.source, self.key, self.line, self.choices = source, key, line, choices


@dataclass(frozen=True)
class Scenario:
    """A validated scenario."""

    name: str
    title: str
    description: str = ""
    runs: int = DEFAULT_RUNS
    seed: int = DEFAULT_SEED
    expect: str = ""
    source: str = "<string>"

    def setup(self) -> Setup:
        """The model setup this scenario asks for (the baseline has no changes)."""
        return Setup()

    def resolved(self) -> dict:
        """The scenario's content as plain data (what its hash covers)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "runs": self.runs,
            "seed": self.seed,
            "expect": self.expect,
        }

    @property
    def hash(self) -> str:
        """SHA-256 of the resolved content (independent of comments and layout)."""
        text = json.dumps(self.resolved(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def library() -> dict[str, Path]:
    """Scenario name -> file of the shipped library (``scenarios/*.yaml``)."""
    root = resources.files("scenarios")
    return {Path(p.name).stem: Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml"))}


def find(name_or_path: str) -> Path:
    """The file a scenario argument names: an existing path, or a library name."""
    path = Path(name_or_path)
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


def load(name_or_path: str) -> Scenario:
    """Load and validate a scenario by library name or path."""
    path = find(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(str(path), f"cannot be read ({exc}).") from None
    return parse(text, str(path))


def _line(node: yaml.Node | None, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == key:
                return k.start_mark.line + 1
    return None


def parse(text: str, source: str = "<string>") -> Scenario:
    """Validate scenario text; raises ScenarioError on anything amiss."""
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ScenarioError(source, f"is not valid YAML ({getattr(exc, 'problem', exc)}).", line=line) from None
    if not isinstance(data, dict):
        raise ScenarioError(source, "must be a mapping of keys to values.", choices=sorted(KEYS))
    for key in data:
        if key not in KEYS:
            raise ScenarioError(
                source, f"unknown key {key!r}.", key=str(key), line=_line(root, str(key)), choices=sorted(KEYS)
            )
    for key in REQUIRED:
        if key not in data:
            raise ScenarioError(source, f"the key '{key}' is required ({KEYS[key]}).", key=key)

    def text_value(key: str, default: str = "") -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or (key in REQUIRED and not value.strip()):
            raise ScenarioError(source, f"must be a non-empty string, not {value!r}.", key=key, line=_line(root, key))
        return value.strip()

    def int_value(key: str, default: int, lo: int, hi: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ScenarioError(
                source, f"must be a whole number from {lo:,} to {hi:,}, not {value!r}.", key=key, line=_line(root, key)
            )
        return value

    name = text_value("name")
    if not all(c.isalnum() or c in "_-" for c in name):
        raise ScenarioError(
            source, f"{name!r} may only use letters, digits, _ and -.", key="name", line=_line(root, "name")
        )
    return Scenario(
        name=name,
        title=text_value("title"),
        description=text_value("description"),
        runs=int_value("runs", DEFAULT_RUNS, 1, MAX_RUNS),
        seed=int_value("seed", DEFAULT_SEED, 0, 2**63 - 1),
        expect=text_value("expect"),
        source=source,
    )
