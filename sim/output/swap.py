"""The atomic steps under a results folder: renames that never replace by accident, an exchange of
two folders in one step, a lock per parent folder, and signals held off while a step completes.

On Linux ``renameat2`` gives ``RENAME_NOREPLACE`` (a rename that fails if the
target exists) and ``RENAME_EXCHANGE`` (two folders swap names in one step,
so the target is always the old complete folder or the new one, whenever the
process is killed). Elsewhere, or on a filesystem without them, a check and
``os.rename`` stand in; the exchange then moves the old folder aside under a
hidden ``.whatif-aside-`` name first, which is kept (never deleted
automatically) if the process dies between the two renames.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2
ASIDE = ".whatif-aside-"
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def _renameat2(src: Path, dst: Path, flags: int) -> bool:
    """True if renamed with ``flags``; False if this system or filesystem cannot; OSError otherwise."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    call.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    if call(AT_FDCWD, os.fsencode(src), AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in _UNSUPPORTED:
        return False
    raise OSError(err, os.strerror(err), str(src), None, str(dst))


def rename_new(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``; FileExistsError if ``dst`` exists (it is never replaced)."""
    if _renameat2(src, dst, RENAME_NOREPLACE):
        return
    if os.path.lexists(dst):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst))
    os.rename(src, dst)


def exchange(new: Path, old: Path) -> None:
    """Swap two folders' names: afterwards ``old`` holds the new content and ``new`` the old."""
    if _renameat2(new, old, RENAME_EXCHANGE):
        return
    aside = old.parent / f"{ASIDE}{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(old, aside)
    os.rename(new, old)
    os.rename(aside, new)


@contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on ``folder`` (other runs of this tool wait; released on exit or death)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # no locks on some network mounts: the renames still never replace
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def signals_held():
    """Hold Ctrl-C and SIGTERM until the block is done (main thread only), then deliver them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not None:
            previous[sig] = signal.signal(sig, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if pending:
            signal.raise_signal(pending[0])
