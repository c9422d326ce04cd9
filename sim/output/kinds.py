"""What a folder or file on disk is: a results folder of this tool (a run, a comparison, figures), a
figure this tool wrote, or not.

``--force`` replaces only a folder this tool wrote and that holds nothing
else (a figures folder: only the figures its ``figures.json`` lists, unchanged),
or a single figure file whose metadata names this tool, so that a misplaced
``--out`` can never delete a user's files; the stale-partial cleaner removes
only partial folders made of this tool's files.
"""

from __future__ import annotations

import os
from pathlib import Path

from sim.output import manifest
from sim.output.errors import ResultsError
from sim.output.tables import file_sha256

PARTIAL = ".whatif-partial-"  # hidden staging folders and files: .whatif-partial-<pid>-<token>
COMPARISON = "comparison.json"
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")
MAX_FIGURE_BYTES = 64 * 2**20  # no figure of this tool is larger; a larger file is not read
_MARK = manifest.TOOL.encode()
_SIGNED = {  # a figure's first bytes -> how its metadata names this tool (see figure_metadata)
    b"\x89PNG\r\n\x1a\n": b"tEXtSoftware\x00" + _MARK,
    b"%PDF-": b"/Creator (" + _MARK + b")",
    b"<?xml": b"<dc:title>" + _MARK + b"</dc:title>",
}
KINDS = {"run": "a run's results folder", "compare": "a comparison folder", "figures": "a figures folder"}


def entries(folder: Path) -> dict[str, os.DirEntry]:
    """The folder's entries by name, leaving out this tool's hidden partials."""
    with os.scandir(folder) as it:
        return {e.name: e for e in it if not e.name.startswith(PARTIAL)}


def _is_dir(entry: os.DirEntry) -> bool:
    return entry.is_dir(follow_symlinks=False)


def _is_file(entry: os.DirEntry) -> bool:
    return entry.is_file(follow_symlinks=False)


def figure_metadata(fmt: str) -> dict:
    """The metadata ``savefig`` writes into a figure of format ``fmt``: this tool's name, no date."""
    return {
        "png": {"Software": manifest.TOOL},
        "svg": {"Creator": manifest.TOOL, "Date": None},
        "pdf": {"Creator": manifest.TOOL, "CreationDate": None},
    }[fmt]


def our_figure(path: Path) -> bool:
    """True if ``path`` is a regular file whose metadata names this tool (a figure it wrote)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        with open(path, "rb") as f:
            data = f.read(MAX_FIGURE_BYTES + 1)
    except OSError:
        return False
    return len(data) <= MAX_FIGURE_BYTES and any(data.startswith(h) and s in data for h, s in _SIGNED.items())


def stray_figures(folder: Path, prefix: str = "") -> list[str]:
    """What in a figures folder is not a figure its ``figures.json`` lists, unchanged (empty if nothing).

    Names are given with ``prefix`` (the folder's path in the folder being replaced).
    """
    found = entries(folder)
    written = manifest.figures_written(folder) if manifest.FIGURES in found else None
    strays = []
    for name, entry in found.items():
        if name == manifest.FIGURES and written is not None:
            continue
        if name not in (written or {}):
            strays.append(f"{prefix}{name}")
        elif not _is_file(entry) or file_sha256(folder / name) != written[name]:
            strays.append(f"{prefix}{name} (changed since this tool wrote it)")
    if strays and written is None:
        strays.insert(0, f"(no {prefix}{manifest.FIGURES} of this tool)")
    return strays


def stray_run(folder: Path) -> list[str]:
    """Names that keep ``folder`` from being a run's results folder (empty if it is one)."""
    found = entries(folder)
    strays = [n for n, e in found.items() if n not in manifest.RUN_ENTRIES or (n == "figures") != _is_dir(e)]
    if "figures" in found and _is_dir(found["figures"]):
        strays += stray_figures(folder / "figures", "figures/")
    if manifest.MANIFEST not in found or not manifest.is_ours(folder):
        strays.append(f"(no {manifest.MANIFEST} of this tool)")
    return strays


def comparison_names(folder: Path) -> list[str]:
    """The scenario folders a comparison folder lists (base first); ResultsError if it is malformed."""
    doc = manifest.load_json(folder / COMPARISON, "comparison")
    ok = isinstance(doc, dict) and isinstance(doc.get("scenarios"), dict)
    names = [doc.get("base"), *doc["scenarios"]] if ok else []
    if len(names) < 2 or not all(_plain_name(n) for n in names):
        raise ResultsError(
            f"{folder / COMPARISON}: malformed comparison (it must name a base and its scenarios, each a "
            f"folder here); pass the scenario folders themselves instead, e.g. {folder}/<scenario>."
        )
    return names


def _plain_name(name) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name


def stray_compare(folder: Path) -> list[str]:
    """Names that keep ``folder`` from being a comparison folder (empty if it is one)."""
    found = entries(folder)
    if COMPARISON not in found:
        return [f"(no {COMPARISON})"]
    strays = []
    for name, entry in found.items():
        if name == COMPARISON and _is_file(entry):
            continue
        if name == "figures" and _is_dir(entry):
            strays += stray_figures(folder / name, "figures/")
        elif _is_dir(entry):
            strays += [f"{name}/{n}" for n in stray_run(folder / name)]
        else:
            strays.append(name)
    return strays


def strays(folder: Path, kind: str) -> list[str]:
    """What keeps ``folder`` from being a folder of ``kind`` (``KINDS``); empty if it is one."""
    return {"run": stray_run, "compare": stray_compare, "figures": stray_figures}[kind](folder)


def kind_of(folder: Path) -> str | None:
    """Which kind of this tool's folder ``folder`` is, or None."""
    if (folder / manifest.MANIFEST).is_file():
        return "run" if not stray_run(folder) else None
    if (folder / COMPARISON).is_file():
        return "compare" if not stray_compare(folder) else None
    return None


def only_ours(path: Path, depth: int = 0) -> bool:
    """True if a (partial) folder or file holds nothing but files this tool writes (for the stale cleaner)."""
    if path.is_symlink():
        return False
    if path.is_file():
        return path.name in manifest.RUN_ENTRIES | {COMPARISON, manifest.FIGURES} or path.name.endswith(FIGURE_SUFFIXES)
    if not path.is_dir() or depth > 2:
        return False
    with os.scandir(path) as it:
        return all(only_ours(Path(e.path), depth + 1) for e in it)
