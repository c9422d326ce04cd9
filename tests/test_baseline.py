"""Regression: the baseline's fidelity figures, pinned within tolerances.

The thresholds are the issues' acceptance figures (issue 10: the historical
choice most likely at 90% of decision points or more; the front line within
0.5 degrees; the median armistice within three months of 27 July 1953 and the
median Chinese crossing within seven days of 19 October 1950). The pinned
values are what the current model gives: update them deliberately, with the
reason, when the model changes.
"""

import numpy as np
import pytest

from sim.analysis import fidelity
from sim.analysis.summary import summarize
from sim.api import run_scenario
from sim.case import outcomes
from sim.case.magnitudes import DEATHS
from sim.engine import dates

# fidelity table: P(historical choice) at its first occurrence on the historical path, 2,000 worlds, seed 1950
PINNED = {
    "kim_request_1": ("refuse", 1.00),
    "kim_request_2": ("refuse", 1.00),
    "kim_request_3": ("approve", 0.89),
    "mao_consent": ("approve", 0.97),
    "invasion": ("attack", 1.00),
    "un_security_council": ("boycott", 0.92),
    "us_intervention": ("intervene", 1.00),
    "china_offer_july": ("stop_replying", 1.00),
    "inchon_landing": ("land", 0.99),
    "inchon_result": ("success", 0.82),
    "stalin_after_inchon": ("wait", 0.99),
    "un_cross_38th": ("cross", 0.73),
    "kim_appeal": ("ask_moscow_first", 0.99),
    "stalin_reply": ("refer_to_china", 1.00),
    "mao_cable_2oct": ("agree", 0.97),
    "politburo_5oct": ("send", 0.75),
    "black_sea": ("air_cover_later", 0.93),
    "mao_12oct": ("stop", 0.84),
    "stalin_evacuation": ("order_evacuation", 1.00),
    "politburo_13oct": ("intervene", 0.88),
    "stalin_cancel": ("cancel", 0.99),
    "stalin_yalu_limit": ("north_of_yalu", 0.84),
    "un_advance": ("drive_to_yalu", 0.92),
    "cpv_crossing": ("cross", 0.99),
    "soviet_air_entry": ("commit_air", 0.99),
    "us_air_war_secrecy": ("keep_secret", 1.00),
    "third_campaign": ("attack_now", 0.93),
    "peng_pause": ("pause", 1.00),
    "un_counteroffensive": ("counterattack", 0.97),
    "un_ceasefire_jan51": ("reject", 0.99),
    "fifth_campaign": ("fails", 0.61),
    "ceasefire_talks": ("open_talks", 1.00),
    "us_accepts_talks_truman": ("accept", 0.95),
    "stalin_hardline": ("prolong", 1.00),
    "us_pressure_truman": ("intensify_bombing", 0.50),
    "us_pow_policy": ("no_forced_repatriation", 0.98),
    "pow_deadlock": ("hold", 1.00),
    "us_terms_truman": ("hold_terms", 1.00),
    "post_stalin_settle": ("accept_us_position", 1.00),
    "china_holdout": ("hold_out", 0.34),
    "rhee_obstruction": ("obstruct", 1.00),
}


@pytest.fixture(scope="module")
def baseline():
    ens = run_scenario("baseline", runs=10_000, seed=1950)
    return ens, summarize(ens.columns, "baseline", 1950)


def test_acceptance_figures(baseline):
    ens, s = baseline
    c, sh = ens.columns, s["shares"]
    assert sh["war_started"] >= 0.95
    war = c["war_started"]
    assert c["us_intervened"][war].mean() >= 0.95
    assert sh["superpower_war"] <= 0.01
    assert max(s["final_outcome"], key=s["final_outcome"].get) == "divided"
    assert abs(dates.day(s["armistice_date_median"]) - dates.day("1953-07-27")) <= 92
    entry = c["china_entry_date"][c["china_entry_date"] >= 0]
    assert abs(np.median(entry) - dates.day("1950-10-19")) <= 7


def test_pinned_baseline_figures(baseline):
    _, s = baseline
    sh, fo = s["shares"], s["final_outcome"]
    assert sh["war_started"] == pytest.approx(1.0, abs=0.01)
    # China enters wherever the UN crosses the 38th (in nearly two worlds in three; in over a third Truman halts
    # there: rollback against a wider war): where Beijing stops or holds back in October, it reconsiders as UN
    # forces near the Yalu, and a committed CPV at the Yalu keeps the North standing until it crosses. So the
    # South unifies Korea almost nowhere: only where Mao stays out as UN forces reach the border.
    assert sh["un_crossed_38th"] == pytest.approx(0.640, abs=0.02)
    assert sh["china_entered"] == pytest.approx(0.643, abs=0.02)
    assert sh["soviet_air_war"] == pytest.approx(0.641, abs=0.02)
    assert sh["evacuation_ordered"] == pytest.approx(0.514, abs=0.02)
    assert fo["divided"] == pytest.approx(0.992, abs=0.02)
    assert fo["rok_unifies"] == pytest.approx(0.006, abs=0.01)
    assert abs(dates.day(s["armistice_date_median"]) - dates.day("1953-06-04")) <= 30
    # The median war lies between the short wars China stays out of and the long ones it fights, and jumps
    # from one to the other on a small change (33.4 -> 13.2 months when Chinese entry fell from 55.6% to
    # 50.7%, 35.1 at 64%): pin the mean and the length of the wars that end divided instead.
    assert s["war_months_mean"] == pytest.approx(25.6, abs=1.5)
    assert s["endings"]["divided"]["war_months_median"] == pytest.approx(35.1, abs=1.5)


def test_deaths_are_of_the_documented_order(baseline):
    """Median deaths of the worlds that go the historical way (China in, divided), near each documented range.

    (The historical path itself is held inside the ranges: tests/test_military.py.)
    """
    ens, _ = baseline
    c = ens.columns
    historical = (c["final_outcome"] == outcomes.FINAL.index("divided")) & c["china_entered"]
    for name, m in DEATHS.items():
        med = float(np.median(c[name][historical]))
        assert m.low / 1.25 <= med <= m.high * 1.25, (name, med)


@pytest.fixture(scope="module")
def table():
    return fidelity.table(2000, 1950)


def test_historical_choice_most_likely_at_90_percent_of_decision_points(table):
    assert set(fidelity.HISTORY_ROWS) <= {r.node for r in table}
    decisions = [r for r in table if r.decider != "chance"]
    assert sum(r.most_likely for r in decisions) >= 0.9 * len(decisions)
    assert min(r.p_historical for r in decisions) >= 0.15


def test_dated_points_fire_on_their_documented_date_on_the_historical_path(table):
    for r in table:
        if r.dated:
            assert abs(dates.day(r.date) - dates.day(r.dated)) <= 1, (r.node, r.date, r.dated)


def test_fidelity_table_is_pinned_and_in_date_order(table):
    got = {r.node: (r.historical, r.p_historical) for r in table}
    assert set(got) == set(PINNED)
    for node, (option, p) in PINNED.items():
        assert got[node][0] == option
        assert got[node][1] == pytest.approx(p, abs=0.05), node
    assert [r.date for r in table] == sorted(r.date for r in table)


def test_front_line_tracks_the_historical_line():
    from sim.analysis.calibrate import misfit, run_historical

    rmse, _ = misfit(run_historical(200))
    assert rmse < 0.35  # degrees of latitude, June 1950 - July 1953 (0.24 after the issue 10 refit; asked: <= 0.5)
