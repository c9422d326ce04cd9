"""The compiled military step equals the whole-array numpy oracle bit for bit, on random states."""

import military_oracle as oracle
import numpy as np
import pytest

from sim.case import military
from sim.case.params import PARAMS
from sim.case.state import SCHEMA
from sim.engine import dates
from sim.engine.state import WorldState

N = 400


def random_world(seed: int) -> tuple[WorldState, military.Draws, int]:
    """A chunk of worlds in random states (some at peace, some routed, evacuating, dug in...) and its draws."""
    g = np.random.default_rng(seed)
    s = WorldState(N, SCHEMA)
    for name, (dtype, _, _) in SCHEMA.items():
        arr = getattr(s, name)
        if dtype is np.bool_:
            arr[:] = g.random(N) < 0.6
    s.front[:] = g.uniform(34.8, 41.6, N)
    s.fort[:] = g.uniform(0, 1, N) * (g.random(N) < 0.5)
    s.halt_line[:] = g.choice([38.1, 39.5, 41.6], N)
    for name, hi in (("kpa", 260), ("rok", 600), ("us", 350), ("cpv", 850)):
        getattr(s, name)[:] = g.uniform(0, hi, N) * (g.random(N) < 0.85)
    s.kpa_veterans[:] = g.uniform(0, 120, N)  # sometimes more than the KPA: the step caps them
    s.kpa_supply[:] = g.uniform(0, 1, N)
    s.cpv_supply[:] = g.uniform(0, 1, N)
    for name in ("kpa_rout", "cpv_surprise", "cpv_push", "un_push"):
        getattr(s, name)[:] = g.integers(0, 12, N) * (g.random(N) < 0.4)
    s.air_pressure[:] = g.uniform(0, 1, N)
    s.war_start[:] = dates.day("1950-06-25") - g.integers(0, 400, N)
    p = military.Draws(**{f: g.uniform(PARAMS[n].low, PARAMS[n].high, N) for f, n in military.PARAM_NAMES.items()})
    return s, p, int(dates.day("1950-06-25") + g.integers(0, 1200))


@pytest.mark.parametrize("seed", range(6))
def test_the_kernel_equals_the_oracle_bit_for_bit(seed):
    a, p, day = random_world(seed)
    b, _, _ = random_world(seed)
    for week in range(3):
        military.step(a, day + 7 * week, p)
        oracle.step(b, day + 7 * week, p)
    for name in SCHEMA:
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name


def test_a_calibration_can_swap_the_constants_without_recompiling(monkeypatch):
    a, p, day = random_world(9)
    b, _, _ = random_world(9)
    military.step(a, day, p)
    monkeypatch.setattr(military, "M", military.Military(vmax=0.2))
    military.step(b, day, p)
    assert not np.array_equal(a.front, b.front)


@pytest.mark.parametrize("front, differs", [(35.5, False), (38.2, False), (39.5, False), (40.3, True)])
def test_migs_weigh_on_the_ground_war_only_near_the_yalu(front, differs):
    """Soviet pilots guarded the Yalu bridges and were barred from enemy-held ground (essay.air_war): with the
    line at Pusan, the 38th or Pyongyang's latitude, the Soviet air war leaves the front and the armies' losses as
    they were (only interdiction and Soviet deaths change); within ``mig_reach`` of the Yalu it weighs."""
    worlds = []
    for soviet in (False, True):
        s, p, day = random_world(3)
        s.war[:], s.us_in[:], s.front[:], s.soviet_air[:] = True, True, front, soviet
        s.air_pressure[:] = 0.0  # no interdiction: only the MiGs over the front could differ
        military.step(s, day, p)
        worlds.append(s)
    same = [np.array_equal(getattr(worlds[0], f), getattr(worlds[1], f)) for f in ("front", "kpa", "cpv", "us", "rok")]
    assert not all(same) if differs else all(same)
