"""The scenario library, the paired-counterfactual contract and the issue's acceptance figures."""

import numpy as np
import pytest

from sim import case
from sim.analysis.compare import compare, divergence
from sim.api import run_scenario
from sim.engine import dates
from sim.scenario import CHOICE_NODES, MOVABLE, Force, Move, Remove, library, load, parse

LIBRARY = sorted(library())


def test_the_library_has_the_argued_counterfactuals():
    assert set(LIBRARY) >= {
        "baseline",
        "china_refuses_12_oct",
        "stalin_refuses_jan_1950",
        "no_us_intervention",
        "china_enters_before_inchon",
        "china_enters_after_inchon",
        "air_cover_at_black_sea",
        "no_inchon",
        "ceasefire_accepted_jan_1951",
        "stalin_dies_1952",
        "stalin_lives_to_1956",
        "pow_concession_1952",
        "kim_asks_china_first",
    }


@pytest.mark.parametrize("name", LIBRARY)
def test_every_library_scenario_is_documented_and_runs(name):
    sc = load(name)
    assert sc.title and sc.description and sc.expect
    assert any(src in sc.description for src in ("Shen", "Weathersby", "blog", "sources")), name
    ens = run_scenario(sc, runs=150)
    assert ens.runs == 150 and len(ens.columns["world"]) == 150


@pytest.fixture(scope="module")
def base10k():
    return run_scenario("baseline", runs=10_000)


def test_china_refuses_12_oct(base10k):
    """Shen and Weathersby: had China refused for good, the North would have been lost.

    The refusal binds where China is asked (Kim's appeal follows the UN's
    crossing); where Truman halts at the 38th, no Chinese decision is ever
    taken and the worlds are the baseline's.
    """
    other = run_scenario("china_refuses_12_oct", runs=10_000)
    c = other.columns
    asked = base10k.counts["kim_appeal"] > 0
    assert c["china_entered"].mean() <= 0.02
    assert c["evacuation_ordered"][asked].mean() >= 0.90
    assert c["dprk_survives"][asked].mean() <= 0.05
    finals = np.bincount(c["final_outcome"][asked], minlength=5)
    assert int(np.argmax(finals)) == case.ROK_UNIFIES
    same = c["final_outcome"][~asked] == base10k.columns["final_outcome"][~asked]
    assert same.mean() >= 0.99  # the few others took another China-entry decision after 12 October
    doc = compare(base10k, {"x": other}, "baseline", top=10)["scenarios"]["x"]
    # diverging worlds first diverge at a Chinese entry decision (Mao's own 12 October order was "stop" in
    # most baseline worlds too, so the refusal bites first at the 13 October reversal); a few are dated at a
    # repeating point, whose log keeps only its first and last occurrences
    entry = {n.id for n in case.DECISIONS if n.question == "china_enters"}
    firsts = doc["first_divergence"]
    assert sum(v for k, v in firsts.items() if k in entry) >= 0.97 * doc["diverged_share"]
    assert max(firsts, key=firsts.get) in {"politburo_13oct", "mao_12oct"}


def test_china_enters_after_inchon_holds_a_line_along_the_38th():
    """Shen: Chinese troops sent just after Inchon could have built a defence line along the 38th."""
    c = run_scenario("china_enters_after_inchon", runs=3000).columns
    assert c["un_crossed_38th"].mean() <= 0.15
    divided = c["final_outcome"] == case.DIVIDED
    assert divided.mean() >= 0.9
    assert 37.5 <= np.median(c["final_front_latitude"][divided]) <= 38.5


@pytest.mark.parametrize("name", [n for n in LIBRARY if load(n).predict])
def test_the_librarys_own_predictions_hold(name):
    """A library scenario's predict: block is its author's checked claim: it holds at 2,000 worlds."""
    from sim.analysis.summary import summarize
    from sim.output import predictions

    sc = load(name)
    ens = run_scenario(sc, runs=2000)
    verdicts = predictions.check(sc.predict, summarize(ens.columns, sc.name, sc.seed))
    assert [v.status for v in verdicts] == [predictions.HELD] * len(verdicts), predictions.lines(verdicts)


def test_stalin_refuses_jan_1950():
    assert run_scenario("stalin_refuses_jan_1950", runs=5000).columns["war_started"].mean() <= 0.10


def test_an_intervention_after_the_war_changes_no_world(base10k):
    sc = parse(
        "name: late\ntitle: Late\ninterventions:\n"
        "  - force: {point: stalin_hardline, option: settle, from: 1956-06-01}\n"
    )
    other = run_scenario(sc, runs=10_000)
    diverged, _ = divergence(base10k, other)
    assert diverged.sum() == 0
    for k in base10k.columns:
        assert np.array_equal(base10k.columns[k], other.columns[k]), k


def first_intervened_day(sc, base, other) -> np.ndarray:
    """Per world: the earliest day any intervention of ``sc`` can act."""
    n = base.runs
    t = np.full(n, dates.day("1957-01-01"), np.int64)
    for it in sc.all_interventions():
        if isinstance(it, Force):
            for rule in it.rules():
                for ens in (base, other):
                    d = ens.choice_days[rule.node].astype(np.int64)
                    ok = (d >= 0) & (d >= rule.start) & (d <= rule.end)
                    t = np.where(ok, np.minimum(t, d), t)
        elif isinstance(it, Move | Remove):
            d = base.choice_days[it.event].astype(np.int64)
            t = np.where(d >= 0, np.minimum(t, d), t)
            if isinstance(it, Move):
                t = np.minimum(t, dates.day(it.date))
    return t


@pytest.fixture(scope="module")
def base1500():
    return run_scenario("baseline", runs=1500)  # the same for every scenario below (read only)


@pytest.mark.parametrize("name", [n for n in LIBRARY if n != "baseline"])
def test_worlds_are_identical_up_to_the_first_intervened_point(name, base1500):
    sc = load(name)
    base = base1500
    other = run_scenario(sc, runs=1500)
    t = first_intervened_day(sc, base, other)
    for node in case.NODES:
        bd, od = base.choice_days[node.id], other.choice_days[node.id]
        before = ((bd >= 0) & (bd < t)) | ((od >= 0) & (od < t))
        assert np.array_equal(bd[before], od[before]), node.id
        assert np.array_equal(base.choices[node.id][before], other.choices[node.id][before]), node.id
    months = base.months
    for i in range(base.runs):
        early = months < t[i] - 31
        assert np.array_equal(base.front[i, early], other.front[i, early], equal_nan=True), i


def test_chains_apply_the_base_first(tmp_path):
    (tmp_path / "a.yaml").write_text("name: a\ntitle: A\ninterventions:\n  - remove: {event: stalin_death}\n")
    (tmp_path / "b.yaml").write_text(
        "name: b\ntitle: B\nbase: a.yaml\nruns: 77\ninterventions:\n  - force: {point: pow_deadlock, option: concede}\n"
    )
    b = load(str(tmp_path / "b.yaml"))
    assert [s.name for s in b.chain()] == ["baseline", "a", "b"]
    setup = b.setup()
    assert setup.event_days == {"stalin_death": None}
    assert [r.node for r in setup.rules] == ["pow_deadlock"]
    assert b.runs == 77


def test_a_moved_event_and_the_variants_reach_the_model():
    sc = parse(
        "name: v\ntitle: V\ninterventions:\n"
        "  - move: {event: stalin_death, date: 1952-03-05}\n"
        "  - variant: {dispute: evacuation_date, reading: weathersby_13oct}\n"
    )
    setup = sc.setup()
    assert setup.event_days["stalin_death"] == dates.day("1952-03-05")
    assert setup.params["delay.evacuation_lag"] == (1.0, 1.0)
    ens = run_scenario(sc, runs=300)
    d = ens.choice_days["stalin_death"]
    assert (d == dates.day("1952-03-05")).all()
    both = (ens.choice_days["stalin_evacuation"] >= 0) & (ens.choices["mao_12oct"] == 1)
    gap = ens.choice_days["stalin_evacuation"][both] - ens.choice_days["mao_12oct"][both]
    assert gap.size and (gap == 1).all()


def test_stalins_backing_of_beijing_is_a_dispute_whose_readings_split_the_pow_concession():
    """The one disputed weight level (stalin.back_beijing, weak-strong) is a named variant: its default spans
    both readings (the term's own range, so the default changes no world); on Weathersby's reading (Stalin
    set the hard line) a Chinese POW concession brings the armistice less forward than on Shen's (Moscow
    backed Beijing's line)."""
    from agents import LEADERS
    from sim.case.params import VARIANTS

    dispute = VARIANTS["stalin_backing"]
    assert (
        dispute.readings[dispute.default].params["stalin.back_beijing"] == LEADERS["stalin"].term("back_beijing").range
    )

    def armistice(base: str, reading: str) -> float:
        sc = parse(
            f"name: r\ntitle: R\nbase: {base}\ninterventions:\n"
            f"  - variant: {{dispute: stalin_backing, reading: {reading}}}\n"
        )
        days = run_scenario(sc, runs=600).columns["armistice_date"].astype(float)
        return float(np.mean(np.where(days >= 0, days, np.nan), where=days >= 0))

    earlier = {r: armistice("baseline", r) - armistice("pow_concession_1952", r) for r in ("weathersby", "shen")}
    assert 0 <= earlier["weathersby"] < 60 < earlier["shen"], earlier  # days


def test_question_binding_reaches_every_later_entry_point():
    rules = {r.node: r.option for r in Force("mao_12oct", "stop", "1950-10-12").rules()}
    assert rules["cpv_crossing"] == "wait" and rules["politburo_13oct"] == "stay_out"
    assert all(CHOICE_NODES[n].question == "china_enters" for n in rules)


def test_movable_events_are_the_dated_ones():
    assert set(MOVABLE) == {
        "us_withdrawal",
        "soviet_bomb",
        "prc_founded",
        "sino_soviet_treaty",
        "eisenhower_inauguration",
        "stalin_death",
    }


def test_whether_chinese_troops_before_inchon_take_pusan_turns_on_the_cpvs_reach():
    """The war never tested the CPV south of 37N, so its supply reach is a per-world uncertainty (mil.cpv_reach);
    with Chinese troops in Korea before Inchon, the North's victory grows with it (the scenario's text says so)."""
    from sim.analysis.simulate import model as make_model
    from sim.case.outcomes import FINAL

    n = 3000
    ens = run_scenario("china_enters_before_inchon", runs=n, seed=1950)
    north = ens.columns["final_outcome"] == FINAL.index("dprk_unifies")
    reach = make_model(np.arange(n), 1950).param("mil.cpv_reach")
    thirds = np.quantile(reach, [1 / 3, 2 / 3])
    shares = [north[reach < thirds[0]].mean(), north[reach > thirds[1]].mean()]
    assert 0.08 < shares[0] < 0.22 and 0.25 < shares[1] < 0.45, shares
