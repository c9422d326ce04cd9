"""Results folders, written atomically: checked before anything runs, staged, then committed.

A :class:`Slot` is a destination checked before the simulation starts (a
refusal then costs nothing): never the current folder, its parents or the home
folder; not through a symbolic link; under an existing folder; a name the
filesystem accepts; and, if it exists, replaced only with ``force`` and only if
it is a folder of this tool of the same kind, holding nothing else.

``Slot.open()`` makes a hidden staging folder beside the destination at once
(so an unwritable place is found before the run) and yields it. When the block
succeeds the staging folder is committed under a lock on the parent folder: a
new name is taken with a rename that never replaces; a replacement is one
exchange of the two folders (see :mod:`sim.output.swap`), after which the old
one is removed. A destination that another run took meanwhile is not replaced
(ResultsError); a default name takes the next free suffix instead. On any
error or interruption the staging folder is removed; a killed process leaves
only a hidden ``.whatif-partial-<pid>-<token>`` that a later run removes once
that process is gone.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import secrets
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from sim.output import kinds, swap
from sim.output.errors import ResultsError
from sim.output.kinds import PARTIAL

KILL_AT = "WHATIF_TEST_KILL_AT"  # fault injection for the crash-consistency test (tests/test_crash.py)


def checkpoint(name: str) -> None:
    """Kill this process (SIGKILL) at the named point if the crash test asks for it; else nothing."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def default_dir(scenario: str, root: Path = Path("results")) -> Path:
    """``results/<scenario>/<UTC timestamp>/``; a suffix is added at commit if another run took it."""
    return root / scenario / _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clear_stale_partials(parent: Path) -> None:
    """Remove this tool's partial folders and files in ``parent`` whose process is gone."""
    try:
        candidates = [p for p in Path(parent).iterdir() if p.name.startswith(PARTIAL)]
    except OSError:
        return
    for path in candidates:
        pid = path.name[len(PARTIAL) :].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)) or not kinds.only_ours(path):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def explain(exc: OSError, path: Path, option: str = "--out") -> ResultsError:
    """One paragraph for a filesystem error at ``path``: what is wrong and what to do."""
    reason = {
        errno.EACCES: "you may not write there",
        errno.EPERM: "you may not write there",
        errno.EROFS: "the filesystem is read-only",
        errno.ENOTDIR: "a part of the path is a regular file, not a folder",
        errno.ENAMETOOLONG: "a name in the path is too long for the filesystem",
        errno.ENOENT: "a folder in the path does not exist",
        errno.ENOSPC: "the disk is full",
        errno.ELOOP: "the path goes round a loop of symbolic links",
    }.get(exc.errno, exc.strerror or str(exc))
    return ResultsError(f"cannot write {path}: {reason} ({exc.strerror}). Choose another place with {option}.")


def _protected(out: Path) -> str | None:
    """Why ``out`` may never be a destination (the current folder, a parent of it, home, /), or None."""
    if out.name in ("", ".", ".."):
        return "it names the current folder or a parent folder"
    try:
        resolved, cwd, home = out.resolve(), Path.cwd().resolve(), Path.home().resolve()
    except (OSError, RuntimeError) as exc:
        return f"it cannot be resolved ({exc})"
    if resolved == cwd or resolved in cwd.parents:
        return "it is the current folder or one of its parents"
    if resolved == home or resolved in home.parents:
        return "it is your home folder or one of its parents"
    return None


def check_parent(out: Path, option: str = "--out") -> None:
    """``out``'s parent must be an existing folder (nothing is created at the top of a typo'd path)."""
    parent = out.parent
    if parent.is_dir():
        return
    above = next((p for p in (parent, *parent.parents) if os.path.lexists(p)), None)
    if above is not None and not above.is_dir():
        raise ResultsError(f"cannot write {out}: {above} is a regular file, not a folder. Choose another {option}.")
    raise ResultsError(
        f"cannot write {out}: the folder {parent} does not exist. Create it first (mkdir -p {parent}) "
        f"or choose another {option}."
    )


def check_name(out: Path, option: str = "--out") -> None:
    """The last name of ``out`` must fit the filesystem (checked before anything runs)."""
    above = next((p for p in out.parents if p.is_dir()), Path("."))
    try:
        limit = os.pathconf(above, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    size = len(os.fsencode(out.name))
    if size > limit:
        raise ResultsError(
            f"cannot write {out}: its name is too long for the filesystem ({size} bytes; it allows {limit}). "
            f"Choose a shorter {option}."
        )


def check_destination(out: Path, force: bool, kind: str, option: str = "--out") -> tuple[int, int] | None:
    """Check a user's destination; returns the identity of the folder it may replace, or None."""
    try:
        return _check_destination(out, force, kind, option)
    except OSError as exc:
        raise explain(exc, out, option) from None


def _check_destination(out: Path, force: bool, kind: str, option: str) -> tuple[int, int] | None:
    check_name(out, option)
    why = _protected(out)
    if why:
        raise ResultsError(f"refusing to write results to {out}: {why}. Give a new folder name with {option}.")
    if out.is_symlink():
        raise ResultsError(f"refusing to write to {out}: it is a symbolic link. Give the folder itself with {option}.")
    check_parent(out, option)
    if not os.path.lexists(out):
        return None
    if not force:
        raise ResultsError(f"{out} exists already; choose another {option} or pass --force to replace it.")
    if not out.is_dir():
        raise ResultsError(f"{out} exists and is not a folder; --force replaces only {kinds.KINDS[kind]} of this tool.")
    strays = kinds.strays(out, kind)
    if strays:
        shown = ", ".join(strays[:5]) + (", ..." if len(strays) > 5 else "")
        raise ResultsError(
            f"refusing to replace {out}: it is not {kinds.KINDS[kind]} of this tool (it holds {shown}). "
            f"--force replaces only such a folder; move your files or choose another {option}."
        )
    st = os.lstat(out)
    return (st.st_dev, st.st_ino)


class Slot:
    """A checked destination for a results folder (see the module doc).

    ``out`` is the user's path, or None for ``default`` (a name of this tool's
    own layout: its missing parents are created, and a suffix is added if it
    is taken). ``kind`` is "run", "compare" or "figures".
    """

    def __init__(
        self, out: Path | None, force: bool = False, kind: str = "run", default: Path | None = None, option="--out"
    ):
        self.kind, self.is_default, self.option = kind, out is None, option
        self.final = Path(default if out is None else out)
        self.replaces = None if out is None else check_destination(self.final, force, kind, option)
        self.staging: Path | None = None

    def _make_parents(self) -> list[Path]:
        """Create the missing folders above a default destination; returns them (to remove on failure)."""
        missing = [p for p in reversed(self.final.parents) if not p.exists()] if self.is_default else []
        created: list[Path] = []
        try:
            check_name(self.final, self.option)
            for p in missing:
                check_name(p, self.option)
                with contextlib.suppress(FileExistsError):  # another run made it meanwhile
                    p.mkdir()
                    created.append(p)
        except OSError as exc:
            _remove_empty(created)
            raise explain(exc, self.final, self.option) from None
        except ResultsError:
            _remove_empty(created)
            raise
        return created

    @contextmanager
    def open(self):
        """Yield a hidden staging folder; commit it to ``self.final`` if the block succeeds."""
        created = self._make_parents()
        clear_stale_partials(self.final.parent)
        self.staging = self.final.parent / f"{PARTIAL}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            self.staging.mkdir()
        except OSError as exc:
            _remove_empty(created)
            raise explain(exc, self.final, self.option) from None
        try:
            yield self.staging
            checkpoint("before-commit")
            old = self._commit()
        except BaseException as exc:
            with swap.signals_held():
                shutil.rmtree(self.staging, ignore_errors=True)
                _remove_empty(created)
            if isinstance(exc, OSError):  # e.g. the disk filled up while writing
                raise explain(exc, self.final, self.option) from None
            raise
        if old is not None:
            with swap.signals_held():
                checkpoint("before-remove-old")
                shutil.rmtree(old, ignore_errors=True)

    def _commit(self) -> Path | None:
        """Put the staging folder in place; returns where the replaced folder now is (to remove), or None."""
        with swap.signals_held(), swap.locked(self.final.parent):
            try:
                return self._swap_in()
            except FileExistsError:
                raise ResultsError(
                    f"{self.final} was created by another run while this one was running; it was not replaced "
                    f"and these results were not kept. Run again with another {self.option}."
                ) from None
            except OSError as exc:
                raise explain(exc, self.final, self.option) from None

    def _swap_in(self) -> Path | None:
        try:
            st = os.lstat(self.final)
        except FileNotFoundError:
            st = None
        if st is not None and self.replaces == (st.st_dev, st.st_ino):
            swap.exchange(self.staging, self.final)
            checkpoint("after-exchange")
            return self.staging
        if st is None or not self.is_default:
            swap.rename_new(self.staging, self.final)  # FileExistsError if another run took it meanwhile
            return None
        base, k = self.final, 2
        while True:  # a default name: the next free suffix
            self.final = base.with_name(f"{base.name}-{k}")
            try:
                swap.rename_new(self.staging, self.final)
                return None
            except FileExistsError:
                k += 1


def _remove_empty(folders: list[Path]) -> None:
    for p in reversed(folders):
        try:
            p.rmdir()
        except OSError:
            break


def reserve_dir(path: Path) -> Path:
    """Create a new folder ``path`` (or ``path-2``, ...) with its parents; the name is this run's alone."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        k, candidate = 2, path
        while True:
            try:
                candidate.mkdir()
                return candidate
            except FileExistsError:
                candidate, k = path.with_name(f"{path.name}-{k}"), k + 1
    except OSError as exc:
        raise explain(exc, path) from None


@contextmanager
def atomic_dir(final: Path, force: bool = False, kind: str = "run"):
    """Yield a staging folder that becomes ``final`` if the block succeeds (a checked, user-given path)."""
    with Slot(final, force, kind).open() as staging:
        yield staging


def check_file(final: Path, force: bool, option: str = "--out") -> None:
    """Check a user's destination for one file: in an existing folder, not a folder or a link; an existing
    file is replaced only with ``force`` and only if it is a figure this tool wrote (its metadata says so)."""
    if final.is_symlink() or final.is_dir():
        raise ResultsError(f"refusing to write {final}: it is a folder or a symbolic link. Choose another {option}.")
    check_parent(final, option)
    check_name(final, option)
    if not os.path.lexists(final):
        return
    if not force:
        raise ResultsError(f"{final} exists already; choose another {option} or pass --force to replace it.")
    if not kinds.our_figure(final):
        raise ResultsError(
            f"refusing to replace {final}: this tool did not write it, and --force replaces only a figure this "
            f"tool wrote. Choose another {option}, or remove the file yourself if you no longer need it."
        )


@contextmanager
def atomic_file(final: Path, force: bool = False, option: str = "--out"):
    """Yield a hidden temporary path beside ``final`` (same suffix); it becomes ``final`` if the block succeeds.

    ``final`` is checked by :func:`check_file` now and, if it exists then, again before it is replaced.
    """
    final = Path(final)
    check_file(final, force, option)
    clear_stale_partials(final.parent)
    tmp = final.parent / f"{PARTIAL}{os.getpid()}-{secrets.token_hex(4)}{final.suffix}"
    try:
        tmp.touch(exist_ok=False)
    except OSError as exc:
        raise explain(exc, final, option) from None
    try:
        yield tmp
        with swap.signals_held():
            if force and os.path.lexists(final):
                check_file(final, force, option)  # another program may have put its own file there meanwhile
                os.replace(tmp, final)
            else:
                swap.rename_new(tmp, final)
    except FileExistsError:
        raise ResultsError(f"{final} was created meanwhile by another program; it was not replaced.") from None
    finally:
        with swap.signals_held():
            tmp.unlink(missing_ok=True)
