"""Keyed, counter-based randomness (the paired-counterfactual contract).

Every random number is a pure function of (seed, stream, world, occurrence):

    u = F(seed, stream, world, occurrence) in [0, 1)

where ``stream`` names the decision point, event or parameter the draw
belongs to. Nothing depends on how many draws came before, so world ``i``
sees the same dice in a run of 1,000 worlds and of 10,000, in any chunking,
on any number of processes, and under any scenario that leaves that point
untouched. ``F`` is two rounds of the SplitMix64 finalizer (Steele, Lea &
Flood 2014), a counter-based generator that passes BigCrush; the stream key
comes from BLAKE2b so it is the same on every machine and Python build.
Global random state is never used.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numba
import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = (np.uint64(s) for s in (30, 27, 31, 11))
_TO_UNIT = 2.0**-53


@lru_cache(maxsize=4096)
def stream_key(seed: int, stream: str) -> np.uint64:
    """A 64-bit key for a named stream under a seed (stable across machines)."""
    digest = hashlib.blake2b(f"{int(seed)}\x1f{stream}".encode(), digest_size=8).digest()
    return np.uint64(int.from_bytes(digest, "little"))


@numba.njit(cache=True)
def _mix(x):
    """The SplitMix64 finalizer (unsigned 64-bit arithmetic, wrapping)."""
    x = (x ^ (x >> _S30)) * _M1
    x = (x ^ (x >> _S27)) * _M2
    return x ^ (x >> _S31)


@numba.njit(cache=True)
def uniform_at(key, world, occurrence):
    """F(key, world, occurrence) for one world (compiled: integer arithmetic, exact everywhere)."""
    x = _mix(np.uint64(world) * _GOLDEN + key)
    x = _mix(x ^ (np.uint64(occurrence) * _M2 + _GOLDEN))
    return np.float64(x >> _S11) * _TO_UNIT


@numba.njit(cache=True)
def _uniforms(key, worlds, occurrences):
    """F(key, world, occurrence) for each pair."""
    out = np.empty(worlds.shape[0])
    for i in range(worlds.shape[0]):
        out[i] = uniform_at(key, worlds[i], occurrences[i])
    return out


def uniform(seed: int, stream: str, worlds: np.ndarray, occurrence=0) -> np.ndarray:
    """Uniform draws in [0, 1), one per world index, for one stream.

    Args:
        seed: the run's seed.
        stream: name of the point, event or parameter (e.g. ``"mao_12oct"``).
        worlds: world indices (any integer array).
        occurrence: which occurrence of the stream, a scalar or one per world
            (repeating points, weekly noise keyed by day number).
    """
    w, occ = np.broadcast_arrays(np.asarray(worlds, dtype=np.uint64), np.asarray(occurrence, dtype=np.int64))
    flat_w, flat_occ = w.ravel(), occ.ravel()
    if flat_w.size == 1:  # a one-element broadcast view: numba reading its flags warns (numpy 2)
        flat_w, flat_occ = flat_w.copy(), flat_occ.copy()
    return _uniforms(stream_key(seed, stream), flat_w, flat_occ).reshape(w.shape)


def normal(seed: int, stream: str, worlds: np.ndarray, occurrence=0) -> np.ndarray:
    """Standard normal draws, keyed like :func:`uniform` (Box-Muller)."""
    u1 = uniform(seed, stream + "#n1", worlds, occurrence)
    u2 = uniform(seed, stream + "#n2", worlds, occurrence)
    return np.sqrt(-2.0 * np.log1p(-u1)) * np.cos(2.0 * np.pi * u2)
