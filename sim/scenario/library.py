"""Finding scenario files: the shipped library (``scenarios/*.yaml``) and paths, never confused.

A scenario argument (on the command line, or as a file's ``base``) is a
**path** only when it contains a folder separator or ends in ``.yaml`` or
``.yml``; anything else is a **library name**. So a file or folder called
``baseline`` in the current folder never stands in for the library's
``baseline`` (which is also every scenario's implicit base); to use such a
file, write ``./baseline``. A name that is not in the library but is a file
here gets an error saying exactly that.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sim.scenario.errors import ScenarioError, shown

SEPARATORS = tuple({"/", os.sep, os.altsep} - {None})
SUFFIXES = (".yaml", ".yml")


def library() -> dict[str, Path]:
    """Scenario name -> file of the shipped library (``scenarios/*.yaml``)."""
    root = resources.files("scenarios")
    return {Path(p.name).stem: Path(str(p)) for p in root.iterdir() if p.name.endswith(SUFFIXES)}


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


def find(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The file a scenario argument names: a library name, or a path (see the module doc).

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
        if not _is_file(path):
            raise ScenarioError(str(path), "no such scenario file." + _library_hint(path), choices=sorted(library()))
        return path
    lib = library()
    if name_or_path in lib:
        return lib[name_or_path]
    raise ScenarioError(
        name_or_path,
        "no scenario of that name in the library (a path needs a folder separator or the .yaml ending)."
        + _file_hint(name_or_path, relative_to),
        choices=sorted(lib),
    )


def _library_hint(path: Path) -> str:
    if path.stem in library() and not _exists(path):
        return f" The library has a scenario '{path.stem}': to use it, write its name alone, '{path.stem}'."
    return ""


def _file_hint(name: str, relative_to: Path | None) -> str:
    here = (relative_to or Path()) / name
    if not _is_file(here):
        return ""
    where = f"the folder {relative_to}" if relative_to and str(relative_to) != "." else "this folder"
    return f" There is a file '{name}' in {where}, but a name alone always means the library: write ./{name} to use it."
