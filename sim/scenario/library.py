"""Finding scenario files: the shipped library, the user's scenario folders, and paths, never confused.

A scenario argument (on the command line, or as a file's ``base``) is a
**path** only when it contains a folder separator or ends in ``.yaml`` or
``.yml``; anything else is a **name**. A name is looked up in

1. the shipped library (``scenarios/*.yaml`` of the installed package), and
2. the user's scenario folders, in this order: those given with the command
   line's ``--scenario-path`` (:func:`use_folders`), those listed in the
   environment variable ``WHATIF_SCENARIO_PATH`` (separated by ``:``, or
   ``;`` on Windows), and ``./scenarios/`` when it exists (and is not the
   library itself, as in a source checkout).

A user scenario never silently shadows another: a name found in two places
with different content is refused with both files named (a copy identical to
the library's file is the library scenario). A file or folder called
``baseline`` in the current folder is not a scenario folder, so it never
stands in for the library's ``baseline``; to use such a file, write
``./baseline``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sim.scenario.errors import ScenarioError, shown

SEPARATORS = tuple({"/", os.sep, os.altsep} - {None})
SUFFIXES = (".yaml", ".yml")
ENV = "WHATIF_SCENARIO_PATH"
LOCAL = Path("scenarios")
_folders: list[Path] = []  # --scenario-path, set by use_folders


@dataclass(frozen=True)
class Entry:
    """A scenario found by name: its name, file, and where it comes from (``library`` or how its folder was given)."""

    name: str
    path: Path
    origin: str

    @property
    def library(self) -> bool:
        return self.origin == "library"


def library() -> dict[str, Path]:
    """Scenario name -> file of the shipped library (``scenarios/*.yaml``)."""
    root = resources.files("scenarios")
    return {Path(p.name).stem: Path(str(p)) for p in root.iterdir() if p.name.endswith(SUFFIXES)}


def library_folder() -> Path:
    """The folder of the shipped library."""
    return Path(str(resources.files("scenarios")))


def use_folders(folders) -> None:
    """The user scenario folders given on the command line (``--scenario-path``), searched first."""
    _folders[:] = [Path(f) for f in folders or ()]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def user_folders() -> list[tuple[Path, str]]:
    """The user scenario folders in search order, each with how it was given; ScenarioError if one is missing."""
    found = [(f, "--scenario-path") for f in _folders]
    found += [(Path(f), ENV) for f in os.environ.get(ENV, "").split(os.pathsep) if f.strip()]
    for folder, how in found:
        if not _is_dir(folder):
            raise ScenarioError(
                str(folder), f"is not a folder, but {how} names it as a folder of scenarios; fix or remove it."
            )
    if _is_dir(LOCAL):
        found.append((LOCAL, "./scenarios/"))
    out: list[tuple[Path, str]] = []
    for folder, how in found:
        if not _same(folder, library_folder()) and not any(_same(folder, f) for f, _ in out):
            out.append((folder, how))
    return out


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIXES) and _is_file(p))
    except OSError:
        return []


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def entries() -> list[Entry]:
    """Every scenario found by name, library first, then each user folder in search order."""
    out = [Entry(name, path, "library") for name, path in sorted(library().items())]
    for folder, how in user_folders():
        origin = f"{folder} ({how})"
        out += [Entry(p.stem, p, origin) for p in _files(folder)]
    return out


def _distinct(found: list[Entry]) -> list[Entry]:
    """The entries of one name that differ in content (a byte-identical copy is the same scenario)."""
    out: list[Entry] = []
    for e in found:
        if not any(_same(e.path, o.path) or _bytes(e.path) == _bytes(o.path) for o in out):
            out.append(e)
    return out


def conflict(name: str, found: list[Entry]) -> ScenarioError:
    """The error for a name found in several places with different content."""
    first, *rest = found
    where = "the library scenario" if first.library else "the user scenario"
    others = "; ".join(f"{e.path} (from {e.origin})" for e in rest)
    return ScenarioError(
        name,
        f"is both {where} {first.path} and {others}. A user scenario may not take the name of a library "
        "scenario or of another user scenario: rename the file (and its 'name:') to a new name, "
        "or give its path (with a folder separator) instead of its name.",
    )


def catalogue() -> dict[str, list[Entry]]:
    """Name -> the distinct scenarios of that name (more than one is a conflict: :func:`conflict`)."""
    by_name: dict[str, list[Entry]] = {}
    for e in entries():
        by_name.setdefault(e.name, []).append(e)
    return {name: _distinct(found) for name, found in by_name.items()}


def is_path(name_or_path: str) -> bool:
    """True when a scenario argument is a path: it has a folder separator or ends in .yaml / .yml."""
    return any(s in name_or_path for s in SEPARATORS) or name_or_path.lower().endswith(SUFFIXES)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte...
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def find(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The file a scenario argument names: a scenario name, or a path (see the module doc).

    A relative path is taken relative to ``relative_to`` (the folder of the
    file whose ``base`` it is) or, without it, to the current folder.
    """
    if not isinstance(name_or_path, str) or not name_or_path.strip() or "\0" in name_or_path:
        raise ScenarioError(
            shown(name_or_path), "is neither a scenario file nor a scenario name.", choices=sorted(library())
        )
    if is_path(name_or_path):
        path = Path(name_or_path)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        if _is_dir(path):
            raise ScenarioError(
                str(path), "is a folder, not a scenario file; " + _folder_hint(path), choices=sorted(library())
            )
        if not _is_file(path):
            what = "not a scenario file (not a regular file)" if _exists(path) else "no such scenario file"
            raise ScenarioError(str(path), what + "." + _library_hint(path), choices=sorted(library()))
        return path
    known = catalogue()
    found = known.get(name_or_path, [])
    if len(found) > 1:
        raise conflict(name_or_path, found)
    if found:
        return found[0].path
    raise ScenarioError(
        name_or_path,
        "no scenario of that name in the library or your scenario folders (see `whatif list`; a path needs a "
        "folder separator or the .yaml ending)." + _file_hint(name_or_path, relative_to),
        choices=sorted(known),
        near=name_or_path,
    )


def origin(source: str) -> str:
    """Where a loaded scenario's file comes from, in words: "library scenario NAME", "user scenario ..."."""
    if source.startswith("<"):
        return "written here, not read from a file"
    path = Path(source)
    for e in entries():
        if _same(e.path, path):
            return f"library scenario {e.name}" if e.library else f"user scenario {e.name}, from {e.origin}"
    return f"file {source}"


def shipped(source: str) -> bool:
    """Whether a loaded scenario's file (its ``source``) is one of the shipped library's."""
    return not source.startswith("<") and any(_same(path, Path(source)) for path in library().values())


def _library_hint(path: Path) -> str:
    if path.stem in library() and not _exists(path):
        return f" The library has a scenario '{path.stem}': to use it, write its name alone, '{path.stem}'."
    return ""


def _folder_hint(folder: Path) -> str:
    files = _files(folder)
    listed = ", ".join(str(p) for p in files[:3]) + (", ..." if len(files) > 3 else "")
    found = f"it holds {len(files)}: {listed}" if files else "it holds no .yaml file"
    return f"give its .yaml files ({found}), or --scenario-path {folder} to use them by name."


def _file_hint(name: str, relative_to: Path | None) -> str:
    here = (relative_to or Path()) / name
    if _is_dir(here):
        return f" There is a folder '{name}' here; " + _folder_hint(here)
    if not _is_file(here):
        return ""
    where = f"the folder {relative_to}" if relative_to and str(relative_to) != "." else "this folder"
    return (
        f" There is a file '{name}' in {where}, but a name alone always means a library or user scenario: "
        f"write ./{name} to use it."
    )
