"""Logit choice: utilities -> probabilities -> a keyed draw.

P(option j) = exp(U_j / T) / sum_k exp(U_k / T), one temperature T for every
leader (the case sets it: ``sim.case.params.TEMPERATURE``).
The draw inverts the cumulative probabilities with one keyed uniform per
world, so two scenarios that give a world the same probabilities give it the
same choice, and nearby probabilities mostly do too (a monotone coupling).
"""

from __future__ import annotations

import numba
import numpy as np

from sim.engine import exact, rng


def probabilities(utilities: np.ndarray, temperature: float, allowed: np.ndarray | None = None):
    """Row-wise softmax of ``utilities`` (n, k) at ``temperature``.

    ``allowed`` (n, k) bool masks forbidden options out; each row must allow
    at least one option.
    """
    z = utilities / temperature
    if allowed is not None:
        z = np.where(allowed, z, -np.inf)
    z -= _fold(np.maximum, z)[:, None]
    p = exact.exp_all(z)  # the same bits on every machine (numpy's exp depends on the CPU)
    return p / _fold(np.add, p)[:, None]


def _fold(ufunc, a: np.ndarray) -> np.ndarray:
    """``ufunc`` over the columns of ``a`` (n, k), left to right: per row, the same result as numpy's
    ``axis=1`` reduction (which also sums a row left to right), several times faster for a few columns."""
    out = a[:, 0].copy()
    for j in range(1, a.shape[1]):
        ufunc(out, a[:, j], out=out)
    return out


@numba.njit(cache=True)
def _option(p, i, u):
    """The option row ``i`` of ``p`` takes at uniform ``u``: how many of its first k-1 cumulative probabilities
    (summed left to right) ``u`` reaches; the last option takes the rest."""
    taken = 0
    cum = 0.0
    for j in range(p.shape[1] - 1):
        cum += p[i, j]
        if u >= cum:
            taken += 1
    return taken


@numba.njit(cache=True)
def draw(p: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Option index per row of ``p`` (n, k) from uniforms ``u`` (n,) (compiled)."""
    out = np.zeros(p.shape[0], np.int8)
    for i in range(p.shape[0]):
        out[i] = _option(p, i, u[i])
    return out


@numba.njit(cache=True)
def choose(p, key, worlds, occurrences, forced):
    """One firing's choices: (option per world (int8), its uniform) for rows ``p`` (n, k).

    World ``worlds[i]`` draws the keyed uniform ``rng.uniform_at(key, world, occurrence)`` and takes its
    option by :func:`draw`'s rule, unless ``forced[i] >= 0`` names the option a scenario forces (compiled:
    one pass instead of a call for the uniforms, one for the draw and one for the forcing).
    """
    n = p.shape[0]
    chosen = np.empty(n, np.int8)
    u = np.empty(n)
    for i in range(n):
        u[i] = rng.uniform_at(key, worlds[i], occurrences[i])
        chosen[i] = forced[i] if forced[i] >= 0 else _option(p, i, u[i])
    return chosen, u
