"""Engine machinery: scheduling, interventions, chunk invariance, traces."""

import numpy as np
import pytest

from sim import case
from sim.analysis.simulate import model as make_model
from sim.analysis.simulate import run_setup
from sim.case.params import PARAMS
from sim.engine import dates
from sim.scenario import Rule, Setup


@pytest.fixture(scope="module")
def baseline():
    return make_model(np.arange(3000), 1950).run()


def test_october_chain_fires_in_order(baseline):
    log = baseline.log
    chain = ["kim_appeal", "stalin_reply", "mao_cable_2oct", "politburo_5oct", "black_sea", "mao_12oct"]
    reached = np.all([log.count[c] > 0 for c in chain], axis=0)
    assert reached.mean() > 0.5
    days = np.array([log.first_day[c][reached] for c in chain])
    assert (np.diff(days, axis=0) >= 0).all()
    # Stalin's evacuation decision only follows a stop order
    evac = log.count["stalin_evacuation"] > 0
    assert (log.chose("mao_12oct", "stop") | (log.count["mao_12oct"] == 0))[evac].all()


def test_a_politburo_that_held_back_on_5_october_reverses_less_on_13_october(baseline):
    """Forcing ``hold_back`` changes the 13 October meeting in the worlds where the Politburo had resolved to send.

    The same worlds reach 13 October either way (Mao's 12 October decision
    does not read the resolution); there the Politburo has no resolution to
    stand by and intervenes less often, and Beijing must reconsider as UN
    forces near the Yalu, so China enters later, and a little less often.
    Worlds where it held back anyway, or never met, are untouched.
    """
    held = make_model(np.arange(3000), 1950, Setup(rules=(Rule("politburo_5oct", "hold_back", "force"),))).run()
    met = baseline.log.count["politburo_5oct"] > 0
    sent = baseline.log.chose("politburo_5oct", "send")
    assert (baseline.state.politburo_resolution[sent] == 1.0).all()
    assert (held.state.politburo_resolution[met] == -1.0).all() and (held.state.politburo_resolution[~met] == 0).all()
    reached = (baseline.log.count["politburo_13oct"] > 0) & sent
    assert reached.sum() > 500 and ((held.log.count["politburo_13oct"] > 0) & sent == reached).all()
    before = baseline.log.chose("politburo_13oct", "intervene")[reached].mean()
    after = held.log.chose("politburo_13oct", "intervene")[reached].mean()
    assert before > 0.85 and before - after > 0.2
    reconsidered = [m.log.count["china_reconsiders"][sent].mean() for m in (baseline, held)]
    assert reconsidered[1] > reconsidered[0] + 0.2
    assert held.state.china_in[sent].mean() < baseline.state.china_in[sent].mean()
    crossed = [np.median(m.log.first_day["cpv_crossing"][sent & m.state.china_in]) for m in (baseline, held)]
    assert crossed[1] > crossed[0]
    untouched = ~sent
    assert (held.state.outcome[untouched] == baseline.state.outcome[untouched]).all()


def test_a_politburo_that_held_back_on_5_october_crosses_later():
    """Where the Politburo held back on 5 October, the CPV crosses 4-10 days later than where it resolved to send.

    The same worlds with Mao's stop of 12 October, the reversal of 13 October
    and the crossing forced: Beijing commits on the same day either way, but
    after a hold-back no CPV command was formed and nothing prepared, so the
    army is ready ``delay.cpv_preparation`` days later (shen.entry_plan).
    Where the meeting never took place (China asked at another time) nothing
    changes.
    """
    forced = (
        Rule("mao_12oct", "stop", "force"),
        Rule("politburo_13oct", "intervene", "force"),
        Rule("cpv_crossing", "cross", "force"),
    )
    send, held = (
        make_model(np.arange(2000), 1950, Setup(rules=(Rule("politburo_5oct", r, "force"), *forced))).run()
        for r in ("send", "hold_back")
    )
    met = send.log.count["politburo_5oct"] > 0
    crossed = met & send.state.china_in & held.state.china_in
    assert crossed.sum() > 500 and (held.state.politburo_resolution[crossed] == -1.0).all()
    assert (held.state.committed_day[crossed] == send.state.committed_day[crossed]).all()
    ready = send.state.china_entry_day[crossed] - send.state.committed_day[crossed]
    assert (ready == 6).all()  # a prepared army crosses 6 days after the commitment, as on 13-19 October
    later = held.state.china_entry_day[crossed].astype(int) - send.state.china_entry_day[crossed]
    spec = PARAMS["delay.cpv_preparation"]
    assert spec.low <= later.min() and later.max() <= spec.high and np.unique(later).size >= 5
    assert (later == np.rint(held.param("delay.cpv_preparation")[crossed])).all()
    never = ~met & send.state.china_in
    assert never.sum() > 50
    assert (held.state.china_entry_day[never] == send.state.china_entry_day[never]).all()


def test_no_crossing_no_appeal():
    setup = Setup(rules=(Rule("un_cross_38th", "halt", "force"),))
    m = make_model(np.arange(2000), 1950, setup).run()
    assert (m.log.count["un_cross_38th"] > 0).mean() > 0.5
    assert (m.log.count["kim_appeal"] == 0).all()
    invited = m.log.chose("china_offer_july", "accept_troops") | m.log.chose("stalin_after_inchon", "invite_china")
    invited |= m.log.chose("china_offer", "accept_troops")
    halted = (m.log.count["un_cross_38th"] > 0) & ~invited
    assert not m.state.china_in[halted].any()  # only Stalin's invitation brings China in without a crossing


def test_forbid_leaves_the_decider_free_among_the_rest():
    setup = Setup(rules=(Rule("black_sea", "air_cover_later", "forbid"),))
    m = make_model(np.arange(2000), 1950, setup).run()
    reached = m.log.count["black_sea"] > 0
    assert reached.any()
    assert not m.log.chose("black_sea", "air_cover_later")[reached].any()
    assert m.log.chose("black_sea", "no_air_cover")[reached].any()


def test_force_from_a_date_binds_every_later_occurrence():
    day = dates.day("1950-03-01")
    rules = tuple(Rule(f"kim_request_{k}", "refuse", "force") for k in (1, 2, 3))
    rule = Rule("kim_request_renewed", "refuse", "force", start=day)
    m = make_model(np.arange(2000), 1950, Setup(rules=(*rules, rule))).run()
    assert (m.log.count["kim_request_renewed"] >= 2).any()  # Kim kept asking, every time refused
    assert not m.state.approved.any()
    assert not m.state.war.any() and (m.state.war_start < 0).all()


def test_removing_and_moving_events():
    gone = make_model(np.arange(500), 1950, Setup(event_days={"stalin_death": None})).run()
    assert gone.state.stalin_alive.all()
    moved = make_model(np.arange(500), 1950, Setup(event_days={"stalin_death": dates.day("1952-03-05")})).run()
    assert (moved.state.stalin_death_day == dates.day("1952-03-05")).all()


def test_results_do_not_depend_on_chunking():
    a = run_setup(Setup(), 11, 1200, chunk=1200)
    b = run_setup(Setup(), 11, 1200, chunk=250)
    for k in a.columns:
        assert np.array_equal(a.columns[k], b.columns[k]), k
    assert np.array_equal(a.front, b.front, equal_nan=True)


def test_world_i_is_the_same_in_a_small_and_a_large_run():
    small = run_setup(Setup(), 5, 300)
    large = run_setup(Setup(), 5, 1000)
    for k in small.columns:
        assert np.array_equal(small.columns[k], large.columns[k][:300]), k
    offset = run_setup(Setup(), 5, 200, first_world=700)
    for k in offset.columns:
        assert np.array_equal(offset.columns[k], large.columns[k][700:900]), k


def test_trace_of_a_single_world_matches_its_ensemble_row(baseline):
    from sim.api import trace_world
    from sim.scenario import parse

    sc = parse("name: b\ntitle: b\nseed: 1950\n")
    for world in (0, 17):
        trace = trace_world(sc, world)
        fired = {e["node"] for e in trace}
        expect = {n.id for n in case.NODES if baseline.log.count[n.id][world] > 0}
        assert fired == expect
        for e in trace:
            node = case.BY_ID[e["node"]]
            if baseline.log.count[node.id][world] == 1:
                assert e["choice"] == node.options[baseline.log.first_choice[node.id][world]]
            assert abs(sum(e["probabilities"]) - 1) < 1e-9
            if e["kind"] == "decision":
                assert np.isclose(sum(sum(c) for c in e["terms"].values()), sum(e["utilities"]))


def test_mesa_model_holds_the_leaders_as_agents(baseline):
    import mesa

    assert isinstance(baseline, mesa.Model)
    assert {type(a).__name__ for a in baseline.agents} >= {"Stalin", "Mao", "Kim", "Truman"}


def test_log_days_fit_their_int16_arrays(baseline):
    """The decision log keeps days in int16 (issue 11: memory): the latest day any scenario may reach fits."""
    assert dates.day(dates.LATEST) <= np.iinfo(np.int16).max
    days = baseline.log.last_day["mao_12oct"]
    assert days.dtype == np.int16 and days.min() == dates.NEVER
    assert dates.day("1950-10-01") <= np.median(days[days >= 0]) <= dates.day("1950-11-30")


@pytest.mark.parametrize("firsts", [True, False])
def test_the_compiled_log_record_equals_its_numpy_formulation(firsts):
    """Three firings of one node, some worlds twice: counts, first and last choices and days as whole-array numpy."""
    from sim.engine.log import Log

    node = case.BY_ID["mao_12oct"]
    log, n = Log(50, (node,), firsts=firsts), 50
    count, last_choice, last_day = np.zeros(n, np.int16), np.full(n, -1, np.int8), np.full(n, -1, np.int16)
    first_choice, first_day = last_choice.copy(), last_day.copy()
    gen = np.random.default_rng(5)
    for day in (300, 307, 320):
        idx = np.sort(gen.choice(n, 20, replace=False))
        days, chosen = np.full(idx.size, day, np.int32), gen.integers(0, 2, idx.size).astype(np.int8)
        log.record(node.id, idx, days, chosen)
        first = count[idx] == 0
        first_choice[idx[first]], first_day[idx[first]] = chosen[first], days[first]
        last_choice[idx], last_day[idx] = chosen, days
        count[idx] += 1
    assert np.array_equal(log.count[node.id], count) and count.max() >= 2
    assert np.array_equal(log.last_choice[node.id], last_choice) and np.array_equal(log.last_day[node.id], last_day)
    if firsts:
        assert np.array_equal(log.first_choice[node.id], first_choice)
        assert np.array_equal(log.first_day[node.id], first_day)
    else:
        assert log.first_choice == {} and log.first_day == {}


def test_beijing_reconsiders_before_a_drive_to_the_yalu_ends_the_war(baseline):
    """No asked China watches the North fall to UN forces at the Yalu without reconsidering first.

    ``china_reconsiders`` is checked every week UN forces stand north of 39N
    (two weeks or more after the ask); it used to run on a clock from the ask
    that gave up after four checks in eight weeks, and UN forces arriving later
    ended the war before Beijing was asked again.
    """
    s, log = baseline.state, baseline.log
    fell = (s.outcome == case.outcomes.Final.ROK_UNIFIES) & (s.china_asked_day >= 0) & (s.front >= 40.4)
    assert fell.sum() >= 1  # (the North also falls where the KPA left Korea on Stalin's order: not these)
    assert (log.count["china_reconsiders"][fell] > 0).all()


def test_a_committed_cpv_at_the_yalu_keeps_the_north_from_falling():
    """UN forces at 40.4N end the North only where no Chinese army holds ground or stands ready to cross:
    a committed CPV within its days to cross counts as one; once they have passed, or while it is still
    preparing (a scenario may set a preparation of months), it does not."""
    from sim.case.armistice import CROSSING_WINDOW, end_by_conquest
    from sim.case.outcomes import Final
    from sim.case.state import SCHEMA
    from sim.engine.state import WorldState

    day = dates.day("1950-11-20")
    s = WorldState(4, SCHEMA)
    s.war[:], s.front[:], s.cpv[:] = True, 40.5, 0.0
    s.china_committed[:] = [False, True, True, True]
    s.cpv_ready_day[:] = [-1, day - 10, day - CROSSING_WINDOW - 1, day + 30]
    end_by_conquest(s, day)
    assert s.war.tolist() == [False, True, False, False]
    assert s.outcome[0] == s.outcome[2] == s.outcome[3] == Final.ROK_UNIFIES
