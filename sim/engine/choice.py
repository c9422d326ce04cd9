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


def probabilities(utilities: np.ndarray, temperature: float, allowed: np.ndarray | None = None):
    """Row-wise softmax of ``utilities`` (n, k) at ``temperature``.

    ``allowed`` (n, k) bool masks forbidden options out; each row must allow
    at least one option.
    """
    z = utilities / temperature
    if allowed is not None:
        z = np.where(allowed, z, -np.inf)
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


@numba.njit(cache=True)
def draw(p: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Option index per row of ``p`` (n, k) from uniforms ``u`` (n,): how many of the first k-1
    cumulative probabilities (summed left to right) ``u`` reaches (compiled; the last option takes the rest)."""
    n, k = p.shape
    out = np.zeros(n, np.int8)
    for i in range(n):
        cum = 0.0
        for j in range(k - 1):
            cum += p[i, j]
            if u[i] >= cum:
                out[i] += 1
    return out
