"""Finding scenario files: the shipped library (``scenarios/*.yaml``) and paths."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sim.scenario.errors import ScenarioError


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
