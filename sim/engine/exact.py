"""The exponential with the same bits on every machine (compiled; used by the logit choice).

numpy's ``exp`` takes a SIMD path on CPUs with AVX-512 and the C library's
elsewhere, and the two disagree in the last bit for a few percent of
arguments (about 10% of 10 million on the development machine, both within
one unit in the last place). Every choice probability goes through ``exp``,
so with numpy's a run's probabilities, and in principle its draws, could
differ from one machine to the next.

This is the algorithm of fdlibm's ``e_exp.c`` (argument reduction by
ln 2 in two parts, a rational approximation on [-ln2/2, ln2/2], scaling by
2^k), with its constants; error below one unit in the last place. It uses
only +, -, *, / and an exact scaling by a power of two, compiled without
fast-math, so no operation is fused or reordered.

fdlibm: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use,
copy, modify, and distribute this software is freely granted, provided that
this notice is preserved.
"""

from __future__ import annotations

import math

import numba
import numpy as np

LN2_HI = 6.93147180369123816490e-01  # ln 2, its first 32 bits (k * LN2_HI is exact for |k| < 2^20)
LN2_LO = 1.90821492927058770002e-10  # the rest of ln 2
INV_LN2 = 1.44269504088896338700e00
P1 = 1.66666666666666019037e-01  # the rational approximation's coefficients (fdlibm)
P2 = -2.77777777770155933842e-03
P3 = 6.61375632143793436117e-05
P4 = -1.65339022054652515390e-06
P5 = 4.13813679705723846039e-08
OVERFLOW = 7.09782712893383973096e02  # above: exp(x) is inf
UNDERFLOW = -7.45133219101941108420e02  # below: exp(x) rounds to 0


@numba.njit(cache=True)
def exp(x):
    """e^x for one float."""
    if x != x:
        return x
    if x > OVERFLOW:
        return math.inf
    if x < UNDERFLOW:
        return 0.0
    k = math.floor(x * INV_LN2 + 0.5)  # x = k ln2 + r, |r| <= ln2 / 2
    hi = x - k * LN2_HI
    lo = k * LN2_LO
    r = hi - lo
    t = r * r
    c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))))
    return math.ldexp(1.0 - ((lo - (r * c) / (2.0 - c)) - hi), int(k))


@numba.njit(cache=True)
def exp_all(a):
    """:func:`exp` of every element of a 2-D array."""
    out = np.empty(a.shape)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = exp(a[i, j])
    return out
