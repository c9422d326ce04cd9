"""Historical-logic invariants hold in every world of every library scenario, and each can fail."""

import numpy as np
import pytest

from sim.analysis import audit, invariants
from sim.analysis.simulate import model
from sim.engine import dates
from sim.scenario import library, load

WORLDS = 2000


@pytest.mark.parametrize("name", sorted(library()))
def test_no_world_of_a_library_scenario_breaks_an_invariant(name):
    m = model(np.arange(WORLDS), 1950, load(name).setup()).run()
    broken = {k: int(v.sum()) for k, v in invariants.check(m).items()}
    assert broken == dict.fromkeys(broken, 0)


@pytest.fixture(scope="module")
def finished():
    return model(np.arange(50), 1950, load("baseline").setup()).run()


def _broken(m, name):
    return int(invariants.check(m)[name].sum())


def test_each_invariant_catches_a_world_that_breaks_it(finished):
    m, s, w = finished, finished.state, 0
    s.armistice_day[w], s.talks_day[w] = dates.day("1952-01-01"), -1
    assert _broken(m, "armistice_without_talks") >= 1
    s.outcome[1], s.cpv[1] = 2, 300.0
    assert _broken(m, "south_unifies_over_chinese_army") >= 1
    m.log.first_day["black_sea"][2] = dates.day("1951-06-01")
    assert _broken(m, "dated_point_off_date") >= 1
    s.war_start[3] = s.approval_day[3] + 10
    assert _broken(m, "invasion_before_preparation") >= 1
    m.log.last_day["stalin_hardline"][4] = s.stalin_death_day[4] + 30
    assert _broken(m, "decision_out_of_office") >= 1
    s.evac_with_cpv_weeks[5] = 5
    assert _broken(m, "evacuation_left_standing") >= 1
    halted = np.flatnonzero(m.log.first_choice["un_cross_38th"] == 1)
    assert halted.size and _broken(m, "crossed_after_halting") == 0
    s.un_crossed_day[halted[0]] = dates.day("1950-10-09")
    assert _broken(m, "crossed_after_halting") >= 1
    s.outcome[6], s.front[6], s.cpv[6] = 3, 41.6, 0.0  # divided, at the Yalu, no Chinese army
    assert _broken(m, "armistice_at_the_yalu_without_china") >= 1


def test_every_invariant_names_its_source_or_logic():
    for inv in invariants.INVARIANTS:
        assert inv.rule and ("(" in inv.rule), inv.name


def test_the_audit_lists_every_point_and_every_invariant():
    doc = audit.audit("baseline", runs=500)
    assert set(doc["invariants"]) == {inv.name for inv in invariants.INVARIANTS}
    assert all(v == 0 for v in doc["invariants"].values())
    for point in doc["points"].values():
        assert point["options_without_terms"] == []
        assert set(point) == {"reads", "options_without_terms", "p_hist"}
    assert "front" in doc["points"]["un_cross_38th"]["reads"] or "kpa" in doc["points"]["un_cross_38th"]["reads"]
    # at most five points are near-certain in every world, each explained in its features' docstring
    assert len(audit.certain_points(doc)) <= 5
