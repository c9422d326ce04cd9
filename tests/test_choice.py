"""The logit choice model and its keyed draw."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sim.engine import exact
from sim.engine.choice import draw, probabilities


def test_softmax_basics():
    u = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 10.0]])
    p = probabilities(u, 0.25)
    assert np.allclose(p.sum(axis=1), 1)
    assert np.allclose(p[0], [0.5, 0.5])
    assert np.isclose(p[1, 0], 1 / (1 + np.exp(-4)))
    assert p[2, 1] > 0.999999


def test_temperature_flattens_and_sharpens():
    u = np.array([[1.0, 0.0]])
    assert probabilities(u, 0.05)[0, 0] > probabilities(u, 0.25)[0, 0] > probabilities(u, 5.0)[0, 0] > 0.5


def test_forbidden_options_get_zero_and_the_rest_keep_their_ratio():
    u = np.array([[1.0, 0.5, 0.0]])
    allowed = np.array([[False, True, True]])
    p = probabilities(u, 0.25, allowed)
    assert p[0, 0] == 0
    free = probabilities(u[:, 1:], 0.25)
    assert np.allclose(p[0, 1:], free[0])


def test_draw_inverts_the_cumulative_probabilities():
    p = np.tile([0.2, 0.5, 0.3], (6, 1))
    u = np.array([0.0, 0.19, 0.2, 0.69, 0.7, 0.999])
    assert draw(p, u).tolist() == [0, 0, 1, 1, 2, 2]


def test_draw_frequencies_match_probabilities():
    gen = np.random.default_rng(0)
    p = np.tile([0.1, 0.6, 0.3], (200_000, 1))
    c = np.bincount(draw(p, gen.random(200_000)), minlength=3) / 200_000
    assert np.allclose(c, [0.1, 0.6, 0.3], atol=0.005)


@settings(max_examples=100, deadline=None)
@given(arrays(np.float64, (5, 3), elements=st.floats(-5, 5)), st.floats(0.01, 1), st.floats(0, 0.999999))
def test_draw_is_monotone_in_the_uniform(u, t, x):
    p = probabilities(u, t)
    lo = draw(p, np.full(5, x * 0.5))
    hi = draw(p, np.full(5, x))
    assert (lo <= hi).all()


@settings(max_examples=60, deadline=None)
@given(
    p=arrays(np.float64, (7, 4), elements=st.floats(0, 1)),
    u=arrays(np.float64, 7, elements=st.floats(0, 1, exclude_max=True)),
)
def test_the_compiled_draw_equals_numpy_cumsum_bit_for_bit(p, u):
    p = p / np.maximum(p.sum(axis=1, keepdims=True), 1e-300)
    cum = np.cumsum(p, axis=1)
    assert draw(p, u).tolist() == (u[:, None] >= cum[:, :-1]).sum(axis=1).tolist()
    assert draw(p[:, :1], u).tolist() == [0] * 7  # one option: always it


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 40),
    k=st.integers(1, 4),
    seed=st.integers(0, 2**62),
    data=st.data(),
)
def test_choose_is_the_keyed_draw_with_forced_options_applied(n, k, seed, data):
    """The fused firing (uniform, draw, forcing) against its three steps in numpy, bit for bit."""
    from sim.engine import rng
    from sim.engine.choice import choose

    gen = np.random.default_rng(seed)
    p = gen.dirichlet(np.ones(k), size=n) if n else np.empty((0, k))
    worlds = gen.integers(0, 10**7, n).astype(np.uint64)
    occurrence = gen.integers(0, 12, n).astype(np.int16)
    forced = np.where(gen.random(n) < 0.3, gen.integers(0, k, n), -1).astype(np.int8)
    stream = data.draw(st.sampled_from(["choice:mao_12oct", "choice:armistice"]))
    chosen, u = choose(p, rng.stream_key(seed, stream), worlds, occurrence, forced)
    assert np.array_equal(u, rng.uniform(seed, stream, worlds, occurrence))  # the keyed uniform of each world
    assert chosen.dtype == np.int8
    assert np.array_equal(chosen, np.where(forced >= 0, forced, draw(p, u)))


@settings(max_examples=80, deadline=None)
@given(n=st.integers(0, 30), k=st.integers(1, 6), seed=st.integers(0, 2**32), forbid=st.booleans())
def test_probabilities_equal_the_whole_row_numpy_softmax_bit_for_bit(n, k, seed, forbid):
    gen = np.random.default_rng(seed)
    u, t = gen.normal(0, 2, (n, k)), gen.uniform(0.05, 2.0)
    allowed = None
    if forbid:
        allowed = gen.random((n, k)) < 0.7
        allowed[np.arange(n), gen.integers(0, k, n)] = True  # each row allows an option
    z = u / t if allowed is None else np.where(allowed, u / t, -np.inf)
    z = z - z.max(axis=1, keepdims=True)
    e = exact.exp_all(z)
    expected = e / e.sum(axis=1, keepdims=True)
    assert np.array_equal(probabilities(u, t, allowed), expected)
