"""The exponential of the logit choice: within one unit in the last place, and the same bits on every machine."""

import ast
import inspect
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.engine import choice, exact

# exact.exp's bits, computed once: the algorithm uses only exact IEEE operations, so every machine gives these
KNOWN = {
    -0.5: "0x1.368b2fc6f960ap-1",
    -1.0: "0x1.78b56362cef38p-2",
    -3.7: "0x1.9511fc6871044p-6",
    -20.25: "0x1.b93de1e27ca3bp-30",
    -700.0: "0x1.14f2b0fb9307fp-1010",
    -744.5: "0x0.0000000000001p-1022",
}


def test_known_bits_are_the_same_on_every_machine():
    assert {x: exact.exp(x).hex() for x in KNOWN} == KNOWN


def test_edges():
    assert exact.exp(0.0) == 1.0 and exact.exp(-0.0) == 1.0
    assert exact.exp(-math.inf) == 0.0 and exact.exp(-746.0) == 0.0
    assert exact.exp(710.0) == math.inf and math.isnan(exact.exp(math.nan))
    assert exact.exp(math.log(2.0)) == 2.0


@settings(max_examples=500, deadline=None)
@given(st.floats(min_value=-745.0, max_value=709.0))
def test_within_one_unit_in_the_last_place_of_the_c_library(x):
    ours, libm = exact.exp(x), math.exp(x)
    assert abs(ours - libm) <= np.spacing(libm) * 1.0001  # both are within 1 ulp of e^x; they agree to 1 ulp


def test_it_uses_exact_operations_only():
    """No library exponential, power or other transcendental: the same bits everywhere."""
    tree = ast.parse(inspect.getsource(exact))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Pow)]
    calls = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    assert calls.isdisjoint({"exp", "expm1", "log", "log1p", "power", "sqrt", "tanh", "sin", "cos"})


def test_the_softmax_uses_it():
    z = np.array([[0.3, -1.2, 2.0]])
    p = choice.probabilities(z, 0.5)
    e = np.array([[exact.exp(v) for v in (z[0] / 0.5 - 4.0)]])
    assert np.array_equal(p, e / e.sum(axis=1, keepdims=True))
