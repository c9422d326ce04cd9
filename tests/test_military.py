"""The military sub-model's mechanisms: interdiction, supply exhaustion, attacker's costs, per-world variance.

Unit tests drive one week's functions on hand-made states; model tests run
the historical path (every historical choice forced) and the library's
``no_inchon`` against the baseline, world by world.
"""

import ast
import inspect

import military_oracle as oracle
import numpy as np
import pytest

from sim.analysis.calibrate import run_historical
from sim.analysis.simulate import as_scenario
from sim.analysis.simulate import model as make_model
from sim.case import military, military_kernel
from sim.case.evidence import REGISTRY
from sim.case.magnitudes import DEATHS, MAGNITUDES
from sim.case.params import PARAMS
from sim.case.state import SCHEMA
from sim.engine.state import WorldState

M = military.M


def world(n: int, **values) -> WorldState:
    """``n`` worlds at war with US forces committed, and the given state (scalars or per-world lists)."""
    s = WorldState(n, SCHEMA)
    s.war[:] = True
    s.us_in[:] = True
    s.war_start[:] = military.WAR_START_HIST
    for name, v in values.items():
        getattr(s, name)[:] = v
    return s


def quiet_week(s: WorldState, move=0.0, intensity=0.0) -> oracle.Week:
    n = s.n
    air = s.air_pressure * s.us_in * (1.0 - M.mig_cover * s.soviet_air)
    return oracle.Week(
        war=np.ones(n),
        red=np.full(n, 100.0),
        blue=np.full(n, 100.0),
        air=air,
        move=np.broadcast_to(np.asarray(move, float), (n,)).copy(),
        intensity=np.full(n, float(intensity)),
    )


# ---------------------------------------------------------------- interdiction and supply
def test_interdiction_attrition_grows_with_distance_from_the_base_and_with_air_pressure():
    s = world(4, front=[39.5, 38.0, 36.5, 36.5], kpa=100.0, cpv=100.0, rok=100.0, us=100.0)
    s.air_pressure[:] = [0.5, 0.5, 0.5, 1.0]
    l_kpa, l_cpv, l_rok, l_us = oracle.losses(s, military.midpoints(4), quiet_week(s))
    assert 0 < l_kpa[0] < l_kpa[1] < l_kpa[2] < l_kpa[3]
    assert np.all(np.diff(l_cpv[:3]) > 0)
    assert np.all(l_rok == 0) and np.all(l_us == 0)  # air attack falls on the Communist rear only
    calm = world(1, front=36.5, kpa=100.0, air_pressure=0.5)
    calm.us_in[:] = False  # no US air power without US forces
    assert oracle.losses(calm, military.midpoints(1), quiet_week(calm))[0][0] == 0.0


def test_soviet_fighters_over_the_yalu_blunt_interdiction():
    s = world(2, front=37.0, kpa=100.0, air_pressure=0.5, soviet_air=[False, True])
    l_kpa = oracle.losses(s, military.midpoints(2), quiet_week(s))[0]
    assert l_kpa[1] == pytest.approx(l_kpa[0] * (1 - M.mig_cover))


def test_supply_refills_more_slowly_far_from_the_base_and_under_air_attack():
    s = world(4, front=[38.5, 36.0, 36.0, 36.0], kpa=100.0, kpa_supply=0.5)
    s.air_pressure[:] = [0.5, 0.5, 1.0, 0.0]
    oracle.resupply(s, military.midpoints(4), quiet_week(s))
    gain = s.kpa_supply - 0.5
    assert gain[0] > gain[1] > gain[2] > 0  # farther, then harder bombed
    assert gain[3] > gain[1]  # no bombing


def test_fighting_exhausts_supply_and_exhaustion_costs_power():
    s = world(2, front=36.0, kpa=100.0, kpa_supply=1.0)
    oracle.resupply(s, military.midpoints(2), quiet_week(s, move=[0.0, -0.2], intensity=1.0))
    assert s.kpa_supply[1] < s.kpa_supply[0] < 1.0  # the attacker uses more
    full, empty = world(1, kpa=100.0, kpa_supply=1.0), world(1, kpa=100.0, kpa_supply=0.0)
    p = military.midpoints(1)
    ratio = (
        oracle.combat_power(empty, military.WAR_START_HIST, p)[0]
        / oracle.combat_power(full, military.WAR_START_HIST, p)[0]
    )
    assert ratio[0] == pytest.approx(M.stock_floor, rel=1e-3)


# ---------------------------------------------------------------- combat losses
def test_the_side_moving_the_line_pays_the_attack_cost():
    s = world(2, front=36.0, kpa=100.0, rok=100.0, us=100.0)
    p = military.midpoints(2)
    l_us = oracle.losses(s, p, quiet_week(s, move=[0.1, 0.0], intensity=1.0))[3]
    assert l_us[0] / l_us[1] == pytest.approx(p.attack_cost[0])
    dug = world(2, front=36.0, kpa=100.0, rok=100.0, us=100.0, fort=1.0)
    l_dug = oracle.losses(dug, p, quiet_week(dug, move=[0.1, 0.0], intensity=1.0))[3]
    assert l_dug[0] / l_dug[1] > l_us[0] / l_us[1]  # attacking a dug-in line costs more


def test_each_side_loses_in_proportion_to_the_other_sides_power():
    s = world(2, front=37.0, kpa=100.0, rok=100.0, us=100.0)
    w = quiet_week(s, intensity=0.5)
    w.red[:] = [100.0, 200.0]
    l_kpa, _, l_rok, l_us = oracle.losses(s, military.midpoints(2), w)
    assert l_us[1] == pytest.approx(2 * l_us[0]) and l_rok[1] == pytest.approx(2 * l_rok[0])
    assert l_kpa[1] == pytest.approx(l_kpa[0])


def test_a_slow_advance_costs_the_attacker_more_per_degree_than_a_pursuit():
    s = world(2, front=36.0, kpa=100.0, rok=100.0, us=100.0)
    speeds = np.array([0.05, 0.4])
    l_us = oracle.losses(s, military.midpoints(2), quiet_week(s, move=speeds, intensity=1.0))[3]
    per_degree = l_us / speeds
    assert per_degree[0] > 4 * per_degree[1]


def test_the_side_giving_ground_loses_men_with_the_speed_of_the_retreat():
    s = world(3, front=37.0, kpa=100.0, rok=100.0, us=100.0)
    l_kpa = oracle.losses(s, military.midpoints(3), quiet_week(s, move=[0.0, 0.1, 0.3]))[0]
    assert l_kpa[0] == 0.0 < l_kpa[1] < l_kpa[2]


# ---------------------------------------------------------------- the step as a whole
def test_worlds_at_peace_are_untouched_and_air_pressure_is_only_read():
    s = world(4, front=36.5, kpa=100.0, rok=90.0, us=40.0, air_pressure=0.4)
    s.war[:] = [True, False, True, False]
    before = {k: getattr(s, k).copy() for k in SCHEMA}
    military.step(s, military.WAR_START_HIST + 70, military.midpoints(4))
    for k in SCHEMA:
        assert np.array_equal(getattr(s, k)[~s.war], before[k][~s.war]), k
    assert np.array_equal(s.air_pressure, before["air_pressure"])
    assert np.all(s.deaths_civilian[s.war] > 0)


def test_the_step_uses_exact_arithmetic_only():
    """No powers and no transcendental functions: +, -, *, / and comparisons give the same bits everywhere."""
    tree = ast.parse(inspect.getsource(military_kernel))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Pow)]
    names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert names.isdisjoint({"exp", "log", "log1p", "expm1", "tanh", "power", "sqrt", "sin", "cos", "math"})


def test_the_step_without_draws_uses_mid_range_values():
    a = world(3, front=[36.0, 37.0, 38.0], kpa=100.0, rok=90.0, us=40.0)
    b = world(3, front=[36.0, 37.0, 38.0], kpa=100.0, rok=90.0, us=40.0)
    military.step(a, military.WAR_START_HIST + 70)
    military.step(b, military.WAR_START_HIST + 70, military.midpoints(3))
    assert all(np.array_equal(getattr(a, k), getattr(b, k)) for k in SCHEMA)


def test_every_military_parameter_is_documented_and_read():
    mil = {name for name in PARAMS if name.startswith("mil.")}
    assert mil == set(military.PARAM_NAMES.values()) | {"mil.air_pressure_1950"}
    for name in mil:
        assert PARAMS[name].low < PARAMS[name].high, name  # uncertain: each world draws its own


def test_each_world_draws_its_own_military_parameters():
    m = make_model(np.arange(200), 1950)
    p = military.draws(m)
    for field in military.PARAM_NAMES:
        values = getattr(p, field)
        assert values.shape == (200,) and np.unique(values).size == 200, field
    assert np.unique(m.state.air_pressure).size == 200


# ---------------------------------------------------------------- magnitudes and the historical path
def test_magnitudes_contain_the_literatures_figures_and_cite_registered_evidence():
    figures = {"deaths_us": 36.9, "deaths_rok": 138.0, "deaths_un_other": 3.1, "deaths_soviet": 0.3}
    figures |= {"deaths_civilian": 2000.0, "deaths_cpv": 183.108, "deaths_kpa": 215.0}
    for name, value in figures.items():
        assert DEATHS[name].contains(value), name
    assert all(m.evidence in REGISTRY and m.rule in (1, 2, 3) for m in MAGNITUDES.values())


@pytest.fixture(scope="module")
def historical():
    return run_historical(100)


def test_deaths_and_forces_on_the_historical_path_are_inside_their_documented_ranges(historical):
    outside = {k: round(historical[k], 1) for k, m in MAGNITUDES.items() if not m.contains(historical[k])}
    assert outside == {}


# ---------------------------------------------------------------- no landing at Inchon
def _recovery(name: str, n: int = 2000):
    """Per world: first day the front is back north of 37.5N after falling south of 37N, US deaths then,
    US deaths at the end, and whether Chinese troops entered."""
    m = make_model(np.arange(n), 1950, as_scenario(name).setup())
    s = m.state
    day = np.full(n, -1)
    us_then = np.full(n, np.nan)
    while m.tick < len(m.ticks):
        m.step()
        hit = (day < 0) & (s.front_min < 37.0) & (s.front >= 37.5)
        day[hit] = int(m.ticks[m.tick - 1]) + 7
        us_then[hit] = s.deaths_us[hit]
    return day, us_then, s.deaths_us.copy(), s.china_in.copy()


@pytest.fixture(scope="module")
def inchon_pair():
    return _recovery("baseline"), _recovery("no_inchon")


def test_without_inchon_the_breakout_is_slower_and_its_date_varies_across_worlds(inchon_pair):
    (base_day, *_), (day, *_) = inchon_pair
    both = (base_day > 0) & (day > 0)
    assert np.median(day[day > 0]) > np.median(base_day[base_day > 0]) + 28
    assert np.median((day - base_day)[both]) > 28  # paired: a month or more later in the median world
    p10, p90 = np.percentile(day[day > 0], [10, 90])
    assert p90 - p10 >= 21  # weeks apart across worlds, not one date in every world


def test_without_inchon_the_breakout_costs_more_us_lives(inchon_pair):
    """The fighting to the breakout costs more, paired world by world.

    (Over the whole war it may cost fewer US lives: with the KPA intact, the
    UN halts at the 38th more often and China stays out more often, and where
    China enters later its war is shorter - the decisions' answer, not the
    military model's.)
    """
    (base_day, base_then, *_), (day, then, *_) = inchon_pair
    both = (base_day > 0) & (day > 0)
    assert np.median(then[both]) > 2 * np.median(base_then[both])
