"""Keep freed array memory in the process (glibc), so temporaries do not page-fault.

A weekly step over a chunk of worlds makes dozens of temporary arrays of a
few hundred KB. By default glibc hands such blocks back to the operating
system when freed (mmap threshold 128 KiB, trim threshold 128 KiB), and every
new temporary then page-faults fresh memory: measured here, that tripled the
cost of the military step. Raising both thresholds keeps the memory for
reuse. It changes speed only, never results; elsewhere than glibc it is a
no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_MAX = 32 * 1024 * 1024  # glibc's upper limit for the mmap threshold on 64-bit
_done = False


def keep_freed_memory() -> bool:
    """Raise glibc's trim and mmap thresholds once; True if it took effect."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    _done = bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_MAX)) and bool(mallopt(_M_TRIM_THRESHOLD, 1 << 30))
    return _done
